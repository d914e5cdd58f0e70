"""Drafting a rules file from a sample of the data: column names and value shapes → formats.

The draft is meant to be usable unedited: each column gets the format most of
its filled values fit (checked with the same SQL validators; the usual English
and Chinese headers — landline/tel/电话/座机/固话, mobile/手机, email/邮箱, credit
code/USCC/统一社会信用代码 … — decide between formats a value could have),
required when (nearly) always filled or when it is the dedup key (the credit
code, whatever its fill: completeness must show what is missing), an enum for a
handful of repeating values, and a ``duplicates`` block built from the columns
it recognises (company name, contact, mobile, landline, e-mail, credit code,
address; the city as a guard): exact keys, blocking, and a probabilistic
(Fellegi–Sunter) model whose m/u and prior are estimated from the whole export
(:mod:`train`), so the profile can state the clusters' expected precision.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from crm_readiness.engine.data.formats import clean_sql, ident, missing_sql, normalise_sql
from crm_readiness.engine.data.regions import AREA_CODES
from crm_readiness.engine.data.sql import rows, run
from crm_readiness.engine.data.table import DataTable
from crm_readiness.models.data.rules import DEFAULT_PLACEHOLDERS, ColumnRule, DataRules

SAMPLE_ROWS = 5000
_CANDIDATES = ("cn_uscc", "cn_mobile", "email", "date", "cn_landline", "number")
_HINTS: dict[str, tuple[str, ...]] = {
    "cn_mobile": ("手机", "移动电话", "mobile", "cell"),
    "cn_landline": ("座机", "电话", "固话", "landline", "tel", "phone", "fixed line"),
    "email": ("邮箱", "邮件", "email", "e-mail", "mail"),
    "date": ("日期", "时间", "更新", "date", "time", "updated", "modified"),
    "cn_uscc": ("信用代码", "uscc", "credit", "统一代码", "税号"),
}
_NAME_HINTS = ("客户名称", "公司名称", "企业名称", "单位名称", "company", "customer", "account",
               "名称")
_CONTACT_HINTS = ("联系人", "contact", "姓名")
_CITY_HINTS = ("城市", "city", "所在地", "所在城市")
_ADDRESS_HINTS = ("地址", "address", "addr")
_RECENT_HINTS = ("最近", "最后", "last", "更新", "update", "modified")
_ID_HINTS = ("编号", "编码", "id", "code", "代码")


def renamed_headers(columns: Sequence[str]) -> list[str]:
    """Return the columns the reader had to name: a blank header (``column12``) or a repeat
    of another header (``mobile_1`` beside ``mobile``)."""
    have = set(columns)
    out: list[str] = []
    for name in columns:
        if re.fullmatch(r"column\d+", name):
            out.append(name)
            continue
        m = re.fullmatch(r"(.+)_(\d+)", name)
        if m and m.group(1) in have:
            out.append(name)
    return out


def _has_hint(name: str, hints: tuple[str, ...]) -> bool:
    low = name.lower()
    return any(h in low for h in hints)


#: columns measured per query (as one long (column, value) relation, so the validators are
#: planned once per batch, not once per column: a 1,000-column export is a few queries).
DRAFT_BATCH = 250
#: values checked when drafting (rows × columns); a wide export gets fewer sample rows,
#: never fewer than MIN_DRAFT_ROWS.
DRAFT_CELLS = 2_000_000
MIN_DRAFT_ROWS = 1000


def _long_sql(names: list[str]) -> str:
    """Return ``(k, v)`` rows: the column number within ``names`` and its cleaned value."""
    cols = ", ".join(ident(n) for n in names)
    return (f"SELECT k, {clean_sql('x')} AS v FROM (SELECT unnest(range({len(names)})) AS k, "
            f"unnest([{cols}]) AS x FROM _cr_draft)")


def _measure(table: DataTable, names: list[str], marks: list[str]) -> dict[int, tuple[Any, ...]]:
    """Return, per column number, (total, filled, distinct, companies, cities, *fits)."""
    fits = ", ".join(
        f"count({normalise_sql('v', ColumnRule.model_validate({'format': f}))})"
        for f in _CANDIDATES)
    got = rows(table.conn,
        f"SELECT k, count(*), count(*) FILTER (WHERE NOT m), count(DISTINCT v) FILTER (NOT m), "
        f"count(*) FILTER (WHERE NOT m AND v LIKE '%公司'), "
        f"count(*) FILTER (WHERE NOT m AND regexp_replace(v, '市$', '') IN ("
        f"{', '.join(repr(c) for c in AREA_CODES)})), {fits} "
        f"FROM (SELECT k, v, {missing_sql('v', marks)} AS m FROM ({_long_sql(names)})) "
        f"GROUP BY k")
    return {int(r[0]): tuple(r[1:]) for r in got}


def draft_rules(table: DataTable, sample_rows: int = SAMPLE_ROWS, *,
                estimate: bool = True) -> DataRules:
    """Return a draft rules model for ``table`` from its first ``sample_rows`` records.

    At most :data:`DRAFT_CELLS` values are looked at, so a 1,000-column export is
    drafted from its first 2,000 records (never fewer than :data:`MIN_DRAFT_ROWS`).
    The match model (``estimate``) is estimated on every record: duplicates are
    too rare in a sample.
    """
    con = table.conn
    marks = [p.lower() for p in DEFAULT_PLACEHOLDERS]
    names = list(table.columns)
    # a wide export is drafted from fewer rows: at most DRAFT_CELLS values are checked
    limit = min(int(sample_rows), max(MIN_DRAFT_ROWS, DRAFT_CELLS // max(1, len(names))))
    run(con, f"CREATE OR REPLACE TABLE _cr_draft AS SELECT * FROM {ident(table.table)} "
             f"LIMIT {limit}")
    measured: dict[str, tuple[Any, ...]] = {}
    for lo in range(0, len(names), DRAFT_BATCH):
        part = names[lo:lo + DRAFT_BATCH]
        got = _measure(table, part, marks)
        measured.update({n: got[j] for j, n in enumerate(part)})
    columns: dict[str, dict[str, Any]] = {}
    shapes: dict[str, str] = {}
    enum_wanted: dict[str, int] = {}
    for name in names:
        total, filled, distinct, companies, cities, *fit = measured[name]
        rule: dict[str, Any] = {}
        fmt = "text"
        if filled:
            shares = dict(zip(_CANDIDATES, (f / filled for f in fit), strict=True))
            hinted = [f for f, hints in _HINTS.items() if _has_hint(name, hints)]
            for f in hinted:
                if shares.get(f, 0) >= 0.5:
                    fmt = f
                    break
            else:
                fmt = next((f for f in _CANDIDATES if shares[f] >= 0.8), "text")
            if fmt == "number" and _has_hint(name, _ID_HINTS):
                fmt = "text"
        if fmt != "text":
            rule["format"] = fmt
        if (total and filled / total >= 0.99) or (fmt == "cn_uscc" and filled):
            rule["required"] = True  # the credit code is the dedup key: its gaps must show
        if fmt == "text" and filled >= 30 and 1 < distinct <= 60:
            enum_wanted[name] = int(filled)
        if _has_hint(name, _ID_HINTS) and filled and distinct == filled:
            rule["unique"] = True
        if filled and (companies / filled >= 0.3 or (
                fmt == "text" and _has_hint(name, _NAME_HINTS)
                and not _has_hint(name, _CONTACT_HINTS))):
            shapes[name] = "company"
        elif fmt == "text" and _has_hint(name, _ADDRESS_HINTS):
            shapes[name] = "address"
        elif (filled and cities / filled >= 0.5) or _has_hint(name, _CITY_HINTS):
            shapes[name] = "city"
        elif _has_hint(name, _CONTACT_HINTS):
            shapes[name] = "contact"
        columns[name] = rule
    for name, enum in _enum_values(table, enum_wanted, marks).items():
        rule = columns[name]
        unique = rule.pop("unique", None)  # keep the key order of the draft: ..., enum, unique
        rule.update({"format": "enum", "enum": enum})
        if unique is not None:
            rule["unique"] = unique
    run(con, "DROP TABLE _cr_draft")
    city = next((c for c, s in shapes.items() if s == "city"), None)
    for name, rule in columns.items():
        if rule.get("format") == "cn_landline" and city:
            rule["city_column"] = city
        if rule.get("format") == "date" and _has_hint(name, _RECENT_HINTS):
            rule["max_age_days"] = 730
    data: dict[str, Any] = {"version": 1, "columns": columns}
    dup = _draft_duplicates(columns, shapes)
    if dup:
        data["duplicates"] = dup
    rules = DataRules.model_validate(data)
    if estimate and rules.duplicates is not None and rules.duplicates.fuzzy is not None:
        from crm_readiness.engine.data.train import estimate_model

        rules = estimate_model(table, rules)
    return rules


def _enum_values(table: DataTable, filled: dict[str, int],
                 marks: list[str]) -> dict[str, list[str]]:
    """Return, per column that looks like one, its few values (each ≥ 2 %, together ≥ 90 %)."""
    out: dict[str, list[str]] = {}
    names = list(filled)
    for lo in range(0, len(names), DRAFT_BATCH):
        part = names[lo:lo + DRAFT_BATCH]
        counts: dict[int, list[tuple[str, int]]] = {}
        for k, c, first in rows(table.conn,
                f"SELECT k, count(*) AS c, min(v) FROM ({_long_sql(part)}) "
                f"WHERE NOT {missing_sql('v', marks)} GROUP BY k, upper(v) "
                f"ORDER BY k, c DESC, upper(v)"):
            counts.setdefault(int(k), []).append((str(first), int(c)))
        for j, name in enumerate(part):
            n = filled[name]
            frequent = [(v, c) for v, c in counts.get(j, []) if c / n >= 0.02]
            if 1 < len(frequent) <= 15 and sum(c for _, c in frequent) / n >= 0.9:
                out[name] = sorted(value for value, _ in frequent)
    return out


def _draft_duplicates(columns: dict[str, dict[str, Any]],
                      shapes: dict[str, str]) -> dict[str, Any] | None:
    by_format = {f: [c for c, r in columns.items() if r.get("format") == f]
                 for f in ("cn_mobile", "email", "cn_uscc", "cn_landline")}
    keys = by_format["cn_mobile"] + by_format["email"] + by_format["cn_uscc"]
    company = next((c for c, s in shapes.items() if s == "company"), None)
    contact = next((c for c, s in shapes.items() if s == "contact"), None)
    address = next((c for c, s in shapes.items() if s == "address"), None)
    city = next((c for c, s in shapes.items() if s == "city"), None)
    if not keys and company is None:
        return None
    out: dict[str, Any] = {"keys": keys}
    if company is not None:
        fields: list[dict[str, Any]] = [{"column": company, "kind": "company_name"}]
        if contact:
            fields.append({"column": contact, "kind": "exact"})
        # a changed e-mail domain or one wrong character of a credit code is still evidence
        kinds = {"cn_mobile": "exact", "email": "text", "cn_uscc": "text",
                 "cn_landline": "exact"}
        for fmt, cols in by_format.items():
            fields += [{"column": c, "kind": kinds[fmt]} for c in cols]
        if address:
            fields.append({"column": address, "kind": "address"})
        blocking: list[dict[str, Any]] = [{"columns": [company]}]
        blocking += [{"columns": [k]} for k in keys]
        if contact:
            blocking.append({"columns": [contact, company], "typos_in": company})
        # no blocking on the address: template addresses (高新区1xx号) and shared office
        # buildings make large blocks of different customers
        out["fuzzy"] = {"fields": fields, "blocking": blocking,
                        "guards": [city] if city else []}
    return out
