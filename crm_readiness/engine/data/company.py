"""Company-name normalisation: the core name two entries of one customer share.

``上海华瑞机械股份有限公司``, ``华瑞机械（上海）有限公司`` and ``华瑞机械有限公司`` all
reduce to ``华瑞机械``: full-width characters folded (NFKC for the characters in
names), Latin letters lower-cased, a bracketed region such as ``(上海)`` removed
(also with one bracket missing or mismatched: ``（北京)``, ``(北京``), other
brackets dropped, the legal form (股份有限公司, 有限责任公司, 集团有限公司,
有限公司, 公司 …) stripped from the end — a long legal form also with one
character typed wrong, added or left out (``有限泽任公司``, ``有限工司``) — a leading
region (上海, 浙江省 …) stripped from the front, spaces and punctuation removed.

The region a name carries (``上海`` in ``上海华瑞机械`` or ``华瑞机械（上海）``) is
kept apart by :func:`company_region_sql`: two names whose regions differ are two
companies (a branch in another city is its own legal entity), so the fuzzy
matcher never joins them on the name.
Runs as DuckDB SQL so a million names stay inside the engine.
"""

from __future__ import annotations

from collections.abc import Sequence

from crm_readiness.engine.data.formats import clean_sql
from crm_readiness.engine.data.regions import REGION_NAMES

#: legal-form suffixes, longest first (removed from the end of the name).
LEGAL_SUFFIXES: tuple[str, ...] = (
    "集团股份有限公司", "股份有限公司", "有限责任公司", "集团有限公司", "集团公司", "股份公司",
    "有限公司", "公司", "集团", "co., ltd.", "co.,ltd.", "co. ltd.", "co ltd", "co., ltd",
    "co.,ltd", "limited", "ltd.", "ltd", "inc.", "inc",
)
#: the Chinese legal forms long enough to be recognised with one character wrong.
TOLERANT_SUFFIXES: tuple[str, ...] = tuple(s for s in LEGAL_SUFFIXES
                                           if len(s) >= 4 and not s.isascii())
#: a core shorter than this is never produced by a tolerant (typo) strip.
MIN_CORE = 2


def _alt(words: Sequence[str]) -> str:
    return "|".join(w.replace(".", "\\.") for w in words)


def _let(value: str, body: str, name: str = "s") -> str:
    """Evaluate ``body`` (which names the value ``name``) once for ``value`` (a SQL 'let')."""
    return f"[{body} FOR {name} IN [{value}]][1]"


def _variants(form: str) -> list[str]:
    """Regex alternatives matching ``form`` with one character wrong, added or left out."""
    esc = [c for c in form]
    out = ["".join(esc[:i]) + "." + "".join(esc[i + 1:]) for i in range(len(esc))]
    out += ["".join(esc[:i]) + "".join(esc[i + 1:]) for i in range(len(esc))]
    out += ["".join(esc[:i]) + "." + "".join(esc[i:]) for i in range(1, len(esc))]
    return out


def _strip_legal_form(s: str) -> str:
    """SQL: ``s`` without its legal form (a long one also with one edit), keeping ≥ 2 characters.

    The leftmost match at the end past the first :data:`MIN_CORE` characters is
    the longest legal form (or variant) that leaves a core; short forms
    (公司, 集团, ltd …) are then stripped exactly.
    """
    long_forms = [f for f in LEGAL_SUFFIXES if len(f) >= 4 and not f.isascii()]
    alts = "|".join(dict.fromkeys([*long_forms, *(v for f in TOLERANT_SUFFIXES
                                                   for v in _variants(f))]))
    exact = f"\\s*(?:{_alt(LEGAL_SUFFIXES)})\\s*$"
    s = _let(s, f"left(s, length(s) - length(regexp_extract(substr(s, {MIN_CORE + 1}), "
                f"'(?:{alts})\\s*$', 0)))")
    return f"regexp_replace(regexp_replace({s}, '{exact}', ''), '{exact}', '')"


_REGION = f"(?:{_alt(REGION_NAMES)})(?:市|省|自治区)?"
#: a bracketed region, one bracket possibly missing: (上海) (上海 上海) 【上海】
_BRACKETED = (f"(?:[(\\[【]\\s*{_REGION}\\s*[)\\]】]?|{_REGION}\\s*[)\\]】])")


def _base(x: str) -> str:
    return f"lower({clean_sql(x)})"


def company_core_sql(x: str) -> str:
    """Return the SQL expression of the core name of raw company name ``x`` (NULL stays NULL)."""
    s = f"regexp_replace({_base(x)}, '{_BRACKETED}', '', 'g')"
    s = f"regexp_replace({s}, '[()\\[\\]【】《》<>]', '', 'g')"
    s = _strip_legal_form(s)
    s = f"regexp_replace({s}, '^{_REGION}(.{{2,}})$', '\\1')"
    s = f"regexp_replace({s}, '[\\s.,，·&/_-]', '', 'g')"
    return f"nullif({s}, '')"


def company_region_sql(x: str) -> str:
    """Return SQL for the region a raw company name carries (bracketed or leading), else NULL.

    ``上海华瑞机械有限公司`` and ``华瑞机械（上海市）有限公司`` give ``上海``; a name whose
    region is the whole name (``上海公司``) gives NULL.
    """
    names = f"(?:{_alt(REGION_NAMES)})"
    bracketed = (f"nullif(regexp_extract({_base(x)}, '[(\\[【]\\s*({names})"
                 f"(?:市|省|自治区)?\\s*[)\\]】]?', 1), '')")
    lead = f"nullif(regexp_extract({_base(x)}, '^({names})(?:市|省|自治区)?.{{3,}}$', 1), '')"
    return f"coalesce({bracketed}, {lead})"


def company_cores(names: Sequence[str | None]) -> list[str | None]:
    """Return the core of each name (runs the profile's SQL on a few Python strings)."""
    return [r[0] for r in _run(names, company_core_sql("x"))]


def company_regions(names: Sequence[str | None]) -> list[str | None]:
    """Return the region each name carries (the profile's SQL on a few Python strings)."""
    return [r[0] for r in _run(names, company_region_sql("x"))]


def _run(names: Sequence[str | None], expr: str) -> list[tuple[str | None]]:
    import duckdb

    con = duckdb.connect(config={"autoinstall_known_extensions": False,
                                 "autoload_known_extensions": False})
    try:
        con.execute("CREATE TABLE t (i INTEGER, x VARCHAR)")
        con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(names)))
        return con.execute(f"SELECT {expr} FROM t ORDER BY i").fetchall()
    finally:
        con.close()
