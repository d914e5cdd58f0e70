"""Company-name normalisation: the core name two entries of one customer share.

``上海华瑞机械股份有限公司``, ``华瑞机械（上海）有限公司`` and ``华瑞机械有限公司`` all
reduce to ``华瑞机械``: full-width characters folded (NFKC for the characters in
names), Latin letters lower-cased, a bracketed region such as ``(上海)``
removed, other brackets dropped, the legal form (股份有限公司, 有限责任公司,
集团有限公司, 有限公司, 公司 …) stripped from the end, a leading region
(上海, 浙江省 …) stripped from the front, spaces and punctuation removed.
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


def _alt(words: Sequence[str]) -> str:
    return "|".join(w.replace(".", "\\.") for w in words)


def company_core_sql(x: str) -> str:
    """Return the SQL expression of the core name of raw company name ``x`` (NULL stays NULL)."""
    regions = _alt(REGION_NAMES)
    s = f"lower({clean_sql(x)})"
    s = f"regexp_replace({s}, '\\(\\s*(?:{regions})(?:市|省|自治区)?\\s*\\)', '', 'g')"
    s = f"regexp_replace({s}, '[()\\[\\]【】《》<>]', '', 'g')"
    suffix = f"\\s*(?:{_alt(LEGAL_SUFFIXES)})\\s*$"
    s = f"regexp_replace(regexp_replace({s}, '{suffix}', ''), '{suffix}', '')"
    lead = f"^(?:{regions})(?:市|省|自治区)?"
    s = (f"(CASE WHEN length(regexp_replace({s}, '{lead}', '')) >= 2 "
         f"THEN regexp_replace({s}, '{lead}', '') ELSE {s} END)")
    s = f"regexp_replace({s}, '[\\s.,，·&/_-]', '', 'g')"
    return f"nullif({s}, '')"


def company_cores(names: Sequence[str | None]) -> list[str | None]:
    """Return the core of each name (runs the profile's SQL on a few Python strings)."""
    import duckdb

    con = duckdb.connect(config={"autoinstall_known_extensions": False,
                                 "autoload_known_extensions": False})
    try:
        con.execute("CREATE TABLE t (i INTEGER, x VARCHAR)")
        con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(names)))
        rows = con.execute(f"SELECT {company_core_sql('x')} FROM t ORDER BY i").fetchall()
        return [r[0] for r in rows]
    finally:
        con.close()
