"""Built-in formats as DuckDB SQL: each turns a cleaned value into its normalised form or NULL.

Validators run inside DuckDB (vectorised, multi-threaded, built-in functions
only) so a million rows never become Python objects. Every builder takes the
SQL expression of a *cleaned* value (full-width characters folded, trimmed,
not missing) and returns an expression that is the normalised value when the
value is valid and NULL when it is not. :func:`evaluate` runs them on a few
Python strings (tests, ``rules init``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date

from crm_readiness.engine.data import uscc
from crm_readiness.models.data.rules import ColumnRule

# NFKC for the characters that occur in exports: full-width ASCII, ideographic and
# non-breaking spaces, tabs and line breaks (DuckDB has no NFKC; translate is exact here).
_FULL = "".join(chr(c) for c in range(0xFF01, 0xFF5F)) + "\u3000\u00a0\t\r\n"
_HALF = "".join(chr(c) for c in range(0x21, 0x7F)) + "     "


def lit(text: str) -> str:
    """Return ``text`` as a SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def ident(name: str) -> str:
    """Return ``name`` as a quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


_NEEDS_FOLD = "[\\x{FF01}-\\x{FF5E}\\x{3000}\\x{00A0}\\t\\r\\n]"


def clean_sql(x: str) -> str:
    """Cleaned text: full-width folded to half-width, whitespace runs collapsed, trimmed."""
    # translate() with a long table is slow; only values that need it pay for it
    folded = (f"(CASE WHEN regexp_matches({x}, '{_NEEDS_FOLD}') "
              f"THEN translate({x}, {lit(_FULL)}, {lit(_HALF)}) ELSE {x} END)")
    return (f"trim(CASE WHEN contains({folded}, '  ') THEN regexp_replace({folded}, ' {{2,}}', "
            f"' ', 'g') ELSE {folded} END)")


def missing_sql(v: str, placeholders: Sequence[str]) -> str:
    """True when the cleaned value ``v`` is NULL, blank or a placeholder (无, N/A, 不详 …)."""
    words = [p for p in placeholders if p]
    longest = max((len(p.encode("utf-8")) for p in words), default=0)
    inlist = (f" OR (strlen({v}) <= {longest} AND lower({v}) IN "
              f"({', '.join(lit(p) for p in words)}))" if words else "")
    return f"({v} IS NULL OR {v} = ''{inlist})"


def let(value: str, name: str, body: str) -> str:
    """Evaluate ``value`` once, bind it to ``name`` inside ``body`` (a SQL lambda)."""
    return f"list_transform([{value}], lambda {name}: {body})[1]"


def mobile_sql(v: str) -> str:
    """cn_mobile: +86 / 0086 / 86 prefixes, spaces, dashes, brackets removed → 11 digits 1[3-9]…"""
    d = f"regexp_replace({v}, '[ ().-]', '', 'g')"
    return f"nullif(regexp_extract({d}, '^(?:\\+86|0086|86)?(1[3-9][0-9]{{9}})$', 1), '')"


_EXT = "\\s*(?:转|分机|ext\\.?|x|#)\\s*([0-9]{1,6})$"
_AREA = "^(?:\\+86|0086)?0?(10|2[0-9]|[3-9][0-9]{2})([2-9][0-9]{6,7})$"
_SERVICE = "^(?:\\+86|0086)?(400|800)([0-9]{3})([0-9]{4})$"


def landline_sql(v: str) -> str:
    """cn_landline: area code + local number → ``0AA(A)-NNNNNNN(N)[-ext]``; 400/800 numbers too."""
    digits = f"regexp_replace(regexp_replace({v}, '{_EXT}', ''), '[ ().-]', '', 'g')"
    ext = f"regexp_extract({v}, '{_EXT}', 1)"
    num = (f"(CASE WHEN regexp_full_match(_d, '{_SERVICE}') "
           f"THEN regexp_replace(_d, '{_SERVICE}', '\\1-\\2-\\3') "
           f"WHEN regexp_full_match(_d, '{_AREA}') "
           f"THEN regexp_replace(_d, '{_AREA}', '0\\1-\\2') END)")
    body = f"(CASE WHEN _e <> '' THEN {num} || '-' || _e ELSE {num} END)"
    return let(f"struct_pack(d := {digits}, e := {ext})", "_s",
               let("_s.d", "_d", let("_s.e", "_e", body)))


_EMAIL = ("[a-z0-9_%+-]+(\\.[a-z0-9_%+-]+)*@[a-z0-9]([a-z0-9-]*[a-z0-9])?"
          "(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,}")


def email_sql(v: str) -> str:
    """email: lower-cased, 。 read as a dot; local@domain.tld."""
    e = f"lower(replace({v}, '。', '.'))"
    return let(e, "_m", f"(CASE WHEN regexp_full_match(_m, '{_EMAIL}') THEN _m END)")


DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")


def date_value_sql(v: str) -> str:
    """The DATE a value means (time of day dropped), or NULL when impossible or unknown."""
    s = f"regexp_replace({v}, '(?:[ T][0-9]{{1,2}}:[0-9]{{2}}.*|[ T]00:00:00)$', '')"
    fmts = "[" + ", ".join(lit(f) for f in DATE_FORMATS) + "]"
    shape = ("[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日"
             "|[0-9]{8}")
    d = f"CAST(try_strptime(_s, {fmts}) AS DATE)"
    body = (f"(CASE WHEN regexp_full_match(_s, '{shape}') THEN {d} END)")
    return let(let(s, "_s", body), "_t",
               "(CASE WHEN year(_t) BETWEEN 1900 AND 2100 THEN _t END)")


def date_sql(v: str) -> str:
    """date: 2024-05-01, 2024/5/1, 2024.5.1, 20240501, 2024年5月1日 → YYYY-MM-DD."""
    return f"strftime({date_value_sql(v)}, '%Y-%m-%d')"


def number_value_sql(v: str) -> str:
    """The DOUBLE a value means: thousands separators, spaces and ¥ removed."""
    return f"try_cast(regexp_replace({v}, '[, ¥￥]', '', 'g') AS DOUBLE)"


def number_sql(v: str) -> str:
    """number: 1,234.50 → 1234.5; whole numbers without a decimal point."""
    return let(number_value_sql(v), "_n",
               "(CASE WHEN _n IS NULL OR isnan(_n) OR isinf(_n) THEN NULL "
               "WHEN _n = round(_n) AND abs(_n) < 1e15 THEN CAST(CAST(_n AS BIGINT) AS VARCHAR) "
               "ELSE CAST(_n AS VARCHAR) END)")


def uscc_sql(v: str) -> str:
    """cn_uscc: spaces and dashes removed, upper-cased; shape and GB 32100 check character."""
    u = f"upper(regexp_replace({v}, '[ -]', '', 'g'))"
    body = f"(CASE WHEN regexp_full_match(_u, '{uscc.SHAPE}') AND {uscc.check_sql('_u')} " \
        f"THEN _u END)"
    return let(u, "_u", body)


def enum_sql(v: str, values: Sequence[str]) -> str:
    """enum: the allowed value it matches ignoring case (written as declared), else NULL."""
    whens = " ".join(f"WHEN {lit(x.strip().lower())} THEN {lit(x)}" for x in values)
    return f"(CASE lower({v}) {whens} END)"


def regex_sql(v: str, pattern: str) -> str:
    """regex: the value itself when the whole of it matches ``pattern``."""
    return f"(CASE WHEN regexp_full_match({v}, {lit(pattern)}) THEN {v} END)"


def regex_problems(patterns: Sequence[str]) -> dict[str, str]:
    """Return, per pattern DuckDB's RE2 engine refuses (lookahead, backreference …), its error.

    The rules model checks patterns with Python's ``re``; the profile runs them
    in DuckDB, whose RE2 accepts less, so the loader checks them here too.
    """
    return dict(_regex_problems(tuple(dict.fromkeys(patterns))))


@functools.lru_cache(maxsize=64)
def _regex_problems(patterns: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    # cached: a profile loads its rules twice (checked up front, then read), and each
    # check opened a DuckDB connection of its own
    import duckdb

    out: dict[str, str] = {}
    if not patterns:
        return ()
    con = duckdb.connect(config={"autoinstall_known_extensions": False,
                                 "autoload_known_extensions": False})
    try:
        for pattern in dict.fromkeys(patterns):
            try:
                con.execute("SELECT regexp_full_match('', ?)", [pattern]).fetchall()
            except duckdb.Error as exc:
                text = " ".join(str(exc).split())
                out[pattern] = text.split(":", 1)[-1].strip()[:200]
    finally:
        con.close()
    return tuple(out.items())


def normalise_sql(v: str, rule: ColumnRule) -> str:
    """Return the normalised-or-NULL expression of ``rule.format`` for the cleaned value ``v``."""
    fmt = rule.format
    if fmt == "cn_mobile":
        return mobile_sql(v)
    if fmt == "cn_landline":
        return landline_sql(v)
    if fmt == "email":
        return email_sql(v)
    if fmt == "date":
        return date_sql(v)
    if fmt == "number":
        return number_sql(v)
    if fmt == "cn_uscc":
        return uscc_sql(v)
    if fmt == "enum":
        return enum_sql(v, rule.enum or ())
    if fmt == "regex":
        return regex_sql(v, rule.pattern or "")
    return v


def _bound(value: float | date) -> str:
    return f"DATE {lit(value.isoformat())}" if isinstance(value, date) else repr(float(value))


def range_sql(n: str, rule: ColumnRule) -> tuple[str | None, str | None]:
    """Return (below-min, above-max) conditions on the normalised value ``n``, or None."""
    if rule.format == "number":
        val = f"CAST({n} AS DOUBLE)"
    elif rule.format == "date":
        val = f"CAST({n} AS DATE)"
    else:
        return None, None
    low = f"({val} < {_bound(rule.min)})" if rule.min is not None else None
    high = f"({val} > {_bound(rule.max)})" if rule.max is not None else None
    return low, high


def evaluate(values: Sequence[str | None], rule: ColumnRule | str,
             placeholders: Sequence[str] | None = None) -> list[tuple[str, str | None]]:
    """Check ``values`` against a format or rule; return ``(status, normalised)`` per value.

    ``status`` is ``missing``, ``invalid`` or ``valid``. Runs the same SQL the profile runs.
    """
    import duckdb

    from crm_readiness.models.data.rules import DEFAULT_PLACEHOLDERS

    if isinstance(rule, str):
        rule = ColumnRule.model_validate({"format": rule})
    marks = [p.strip().lower() for p in (placeholders if placeholders is not None
                                          else DEFAULT_PLACEHOLDERS)]
    con = duckdb.connect(config={"autoinstall_known_extensions": False,
                                 "autoload_known_extensions": False})
    try:
        con.execute("CREATE TABLE t (i INTEGER, x VARCHAR)")
        con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(values)))
        v = "v"
        sql = (f"SELECT i, {missing_sql(v, marks)} AS m, {normalise_sql(v, rule)} AS n "
               f"FROM (SELECT i, {clean_sql('x')} AS v FROM t) ORDER BY i")
        out: list[tuple[str, str | None]] = []
        for _i, miss, norm in con.execute(sql).fetchall():
            if miss:
                out.append(("missing", None))
            elif norm is None:
                out.append(("invalid", None))
            else:
                out.append(("valid", str(norm)))
        return out
    finally:
        con.close()
