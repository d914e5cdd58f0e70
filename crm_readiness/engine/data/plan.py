"""The normalised view of an export: per column, missing / normalised / error / changed.

``build_norm`` creates the temporary table ``_cr_norm`` (one row per record,
in record order) that every later step reads:

* ``m{i}``  missing (NULL, blank or a placeholder);  ``p{i}`` a placeholder was typed;
* ``n{i}``  the normalised value when the value is valid, else NULL;
* ``e{i}``  the rule broken (``missing_required``, ``invalid_format``, ``not_in_enum``,
  ``pattern``, ``below_min``, ``above_max``) or NULL;
* ``c{i}``  valid and normalisation would rewrite it;
* ``k{i}``  landline area code agrees with the city (NULL = not checked);
* ``t{i}``  date within ``max_age_days`` of the reference date (NULL = not checked).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from crm_readiness.engine.data.formats import (
    clean_sql,
    ident,
    lit,
    missing_sql,
    normalise_sql,
    range_sql,
)
from crm_readiness.engine.data.regions import AREA_CODES
from crm_readiness.engine.data.sql import rows, run
from crm_readiness.engine.data.table import DataTable
from crm_readiness.models.data.rules import ColumnRule, DataRules

#: the normalised table: in the engine's in-memory database, spilled past its ceiling
NORM = "_cr_norm"


@dataclass(frozen=True)
class ColumnPlan:
    """One column of the export and the rule applied to it."""

    index: int
    name: str
    rule: ColumnRule
    ruled: bool

    @property
    def checked(self) -> bool:
        """Return whether filled values are checked (format, enum, pattern or range)."""
        r = self.rule
        return (r.format != "text" or r.enum is not None or r.pattern is not None
                or r.min is not None or r.max is not None)


def column_plans(table: DataTable, rules: DataRules) -> list[ColumnPlan]:
    """Return a plan per column of the table (unruled columns are profiled as plain text)."""
    text = ColumnRule()
    return [ColumnPlan(i, name, rules.columns.get(name, text), name in rules.columns)
            for i, name in enumerate(table.columns)]


def _city_code_sql(city: str) -> str:
    key = f"regexp_replace({city}, '市$', '')"
    whens = " ".join(f"WHEN {lit(c)} THEN {lit(code)}" for c, code in AREA_CODES.items())
    return f"(CASE {key} {whens} END)"


def _error_sql(p: ColumnPlan) -> str:
    i, r = p.index, p.rule
    n = f"f{i}"
    parts = [f"WHEN m{i} THEN {lit('missing_required') if r.required else 'NULL'}",
             f"WHEN f{i} IS NULL THEN 'invalid_format'"]
    if r.enum is not None and r.format != "enum":
        values = ", ".join(lit(v) for v in r.enum)
        parts.append(f"WHEN {n} NOT IN ({values}) THEN 'not_in_enum'")
    if r.pattern is not None and r.format != "regex":
        parts.append(f"WHEN NOT regexp_full_match(v{i}, {lit(r.pattern)}) THEN 'pattern'")
    low, high = range_sql(n, r)
    if low:
        parts.append(f"WHEN {low} THEN 'below_min'")
    if high:
        parts.append(f"WHEN {high} THEN 'above_max'")
    return "(CASE " + " ".join(parts) + " END)"


#: columns normalised per query: DuckDB plans one very wide query in time that grows
#: faster than its width, so a 1,000-column export is built as narrow slices.
NORM_BATCH = 32


def _norm_sql(table: DataTable, rules: DataRules, part: list[ColumnPlan],
              by_name: dict[str, ColumnPlan], as_of: date, with_rid: bool) -> str:
    marks = rules.all_placeholders()
    lvl1 = ["rowid AS rid"]
    lvl2 = ["rid"]
    lvl3 = ["rid"]
    lvl4 = ["rid"] if with_rid else []
    inside = {p.name for p in part}
    for p in part:
        i = p.index
        col = ident(p.name)
        lvl1 += [f"{col} AS x{i}", f"{clean_sql(col)} AS v{i}"]
        lvl2 += [f"x{i}", f"v{i}", f"{missing_sql(f'v{i}', marks)} AS m{i}",
                 f"{normalise_sql(f'v{i}', p.rule)} AS f{i}"]
        lvl3 += [f"x{i}", f"v{i}", f"m{i}", f"f{i}", f"{_error_sql(p)} AS e{i}"]
        ok = f"(NOT m{i} AND e{i} IS NULL)"
        lvl4 += [f"m{i}", f"(m{i} AND coalesce(x{i}, '') <> '' AND v{i} <> '') AS p{i}",
                 f"e{i}", f"(CASE WHEN {ok} THEN f{i} END) AS n{i}",
                 f"({ok} AND f{i} IS DISTINCT FROM x{i}) AS c{i}"]
        rule = p.rule
        if rule.city_column and rule.city_column in by_name:
            city = by_name[rule.city_column]
            j = city.index
            if city.name not in inside:  # the city is normalised in another slice
                inside.add(city.name)
                lvl1.append(f"{clean_sql(ident(city.name))} AS v{j}")
                lvl2.append(f"v{j}")
                lvl3.append(f"v{j}")
            code = _city_code_sql(f"v{j}")
            lvl3.append(f"{code} AS a{i}")
            lvl4.append(f"(CASE WHEN {ok} AND f{i} LIKE '0%' AND a{i} IS NOT NULL "
                        f"THEN split_part(f{i}, '-', 1) = a{i} END) AS k{i}")
            lvl4.append(f"a{i}")
        if rule.max_age_days is not None:
            cutoff = as_of - timedelta(days=rule.max_age_days)
            lvl4.append(f"(CASE WHEN {ok} THEN CAST(f{i} AS DATE) >= "
                        f"DATE {lit(cutoff.isoformat())} END) AS t{i}")
    return (f"SELECT {', '.join(lvl4)} FROM (SELECT {', '.join(lvl3)} FROM ("
            f"SELECT {', '.join(lvl2)} FROM (SELECT {', '.join(lvl1)} FROM "
            f"{ident(table.table)})))")


def build_norm(table: DataTable, rules: DataRules, plans: list[ColumnPlan],
               as_of: date) -> None:
    """Create the table ``_cr_norm`` in the table's connection (replacing an earlier one)."""
    by_name = {p.name: p for p in plans}
    con = table.conn
    # what an earlier profile in this connection derived from the old table goes with it
    for (name,) in rows(con, "SELECT table_name FROM duckdb_tables() WHERE "
                             "starts_with(table_name, '_cr_shared_')"):
        run(con, f"DROP TABLE {ident(name)}")
    if len(plans) <= NORM_BATCH:
        run(con, f"CREATE OR REPLACE TABLE {NORM} AS "
                 f"{_norm_sql(table, rules, plans, by_name, as_of, True)}")
        return
    slices: list[str] = []
    for k, lo in enumerate(range(0, len(plans), NORM_BATCH)):
        name = f"_cr_norm_{k}"
        slices.append(name)
        run(con, f"CREATE OR REPLACE TABLE {name} AS "
                 f"{_norm_sql(table, rules, plans[lo:lo + NORM_BATCH], by_name, as_of, k == 0)}")
    run(con, f"CREATE OR REPLACE TABLE {NORM} AS SELECT * FROM "
             f"{' POSITIONAL JOIN '.join(slices)}")
    for name in slices:
        run(con, f"DROP TABLE {name}")


def record_ok_sql(plans: list[ColumnPlan]) -> str:
    """SQL condition over ``_cr_norm``: every required column filled and valid."""
    req = [f"(NOT m{p.index} AND e{p.index} IS NULL)" for p in plans if p.rule.required]
    return " AND ".join(req) if req else "TRUE"


def problem_sql(plans: list[ColumnPlan]) -> str:
    """SQL condition over ``_cr_norm``: the record has at least one problem."""
    conds: list[str] = []
    for p in plans:
        i = p.index
        conds.append(f"e{i} IS NOT NULL")
        if p.rule.city_column:
            conds.append(f"k{i} = FALSE")
        if p.rule.max_age_days is not None:
            conds.append(f"t{i} = FALSE")
    return "(" + " OR ".join(conds) + ")" if conds else "FALSE"
