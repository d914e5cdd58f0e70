"""The data profile: one call from a loaded export and its rules to the result model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from crm_readiness import __version__
from crm_readiness.engine.data.duplicates import find_duplicates
from crm_readiness.engine.data.fuzzy import Matches
from crm_readiness.engine.data.metrics import column_profiles, dimensions
from crm_readiness.engine.data.plan import (
    NORM,
    ColumnPlan,
    build_norm,
    column_plans,
    problem_sql,
    record_ok_sql,
)
from crm_readiness.engine.data.score import readiness
from crm_readiness.engine.data.sql import one
from crm_readiness.engine.data.table import DataTable, Progress, beside, no_progress
from crm_readiness.models.data.result import ColumnProfile, DataProfileResult, DuplicateSummary
from crm_readiness.models.data.rules import DataRules


@dataclass(frozen=True)
class ProfileOptions:
    """How to profile: fuzzy duplicates on/off, clusters listed in the result, reference date."""

    fuzzy: bool = True
    max_listed_clusters: int = 200
    as_of: date | None = None
    rules_source: str | None = None
    #: the steward's labels applied to the fuzzy links before clustering (see find_duplicates)
    links: Callable[[Matches], Matches] | None = None


def _measure(table: DataTable, rules: DataRules, plans: list[ColumnPlan],
             ) -> tuple[list[ColumnProfile], tuple[int, int]]:
    """Return the column profiles and (records passing, records with a problem)."""
    columns = column_profiles(table, rules, plans)
    passing, issues = one(table.conn,
        f"SELECT coalesce(count_if({record_ok_sql(plans)}), 0), "
        f"coalesce(count_if({problem_sql(plans)}), 0) FROM {NORM}")
    return columns, (int(passing), int(issues))


def profile(table: DataTable, rules: DataRules, options: ProfileOptions = ProfileOptions(),
            progress: Progress = no_progress) -> DataProfileResult:
    """Measure ``table`` against ``rules``: columns, dimensions, duplicates and the score.

    Leaves ``_cr_norm`` and the cluster tables in the connection for the issues
    workbook, the sample and the cleansed copy.
    """
    as_of = options.as_of or rules.as_of or date.today()
    plans = column_plans(table, rules)
    progress("validate", 0.05)
    build_norm(table, rules, plans, as_of)
    progress("metrics", 0.25)
    if rules.duplicates is None:
        columns, (passing, issues) = _measure(table, rules, plans)
        dups = DuplicateSummary()
    else:
        # the column measurements (DuckDB) run beside the duplicates found here:
        # union-find and the clusters' Python hold one core
        with beside(table, lambda side: _measure(side, rules, plans)) as measured:
            progress("duplicates", 0.35)
            dups = find_duplicates(table, rules, plans, fuzzy=options.fuzzy,
                                   max_listed=options.max_listed_clusters,
                                   progress=progress, span=(0.35, 0.95), links=options.links)
            columns, (passing, issues) = measured.result()
    rows = table.rows
    redundant = dups.redundant_records if rules.duplicates is not None else None
    dims = dimensions(rules, columns, rows, redundant)
    progress("done", 1.0)
    notes: list[str] = []
    if options.rules_source is None:
        notes.append("rules_inferred")
    if rules.duplicates is not None and rules.duplicates.fuzzy is not None and not options.fuzzy:
        notes.append("fuzzy_off")
    return DataProfileResult(
        tool_version=__version__, as_of=as_of, rules_source=options.rules_source,
        files=table.sources, rows=rows, columns=tuple(columns), dimensions=tuple(dims),
        readiness=readiness(rules, dims, columns), required_columns=tuple(
            p.name for p in plans if p.rule.required),
        records_passing=int(passing), record_pass_rate=(passing / rows) if rows else None,
        normalisation_changes=sum(c.changed for c in columns), issue_rows=int(issues),
        duplicates=dups, notes=tuple(notes))
