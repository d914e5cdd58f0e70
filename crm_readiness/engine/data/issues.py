"""Row-level output after a profile: problem rows, cluster rows, the cleansed copy's query.

All of it streams from the tables :func:`profile` left in the connection, so a
million-row export never becomes a million Python objects at once.
"""

from __future__ import annotations

from collections.abc import Iterator

from crm_readiness.engine.data.duplicates import CLUSTERS, MATCHES
from crm_readiness.engine.data.formats import ident, lit
from crm_readiness.engine.data.plan import NORM, ColumnPlan
from crm_readiness.engine.data.sql import one
from crm_readiness.engine.data.table import DataTable
from crm_readiness.models.data.result import ClusterRow, IssueRow

_BATCH = 5000


def _has(table: DataTable, name: str) -> bool:
    rows = one(table.conn,
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name])
    return bool(rows and rows[0])


def _joined(table: DataTable, plans: list[ColumnPlan]) -> str:
    raw = ", ".join(f"{ident(p.name)} AS x{p.index}" for p in plans)
    return f"(SELECT {raw} FROM {ident(table.table)}) s POSITIONAL JOIN {NORM} z"


def iter_issues(table: DataTable, plans: list[ColumnPlan],
                limit: int | None = None) -> Iterator[IssueRow]:
    """Yield every problem (rule broken) of every row, in row order, up to ``limit``."""
    parts: list[str] = []
    for p in plans:
        i, r = p.index, p.rule
        detail = lit(", ".join(r.enum)) if r.enum else "NULL"
        parts.append(f"SELECT rid, {i} AS col, x{i} AS value, e{i} AS rule, "
                     f"CASE WHEN e{i} = 'not_in_enum' OR e{i} = 'invalid_format' "
                     f"THEN {detail} END AS detail FROM j WHERE e{i} IS NOT NULL")
        if r.city_column:
            parts.append(f"SELECT rid, {i}, x{i}, 'inconsistent', a{i} FROM j WHERE k{i} = FALSE")
        if r.max_age_days is not None:
            parts.append(f"SELECT rid, {i}, x{i}, 'stale', n{i} FROM j WHERE t{i} = FALSE")
        if r.unique:
            parts.append(f"SELECT rid, {i}, x{i}, 'not_unique', CAST(first AS VARCHAR) FROM ("
                         f"SELECT rid, x{i}, min(rid) OVER (PARTITION BY n{i}) AS first FROM j "
                         f"WHERE n{i} IS NOT NULL) WHERE rid <> first")
    if not parts:
        return
    cap = f" LIMIT {int(limit)}" if limit is not None else ""
    sql = (f"WITH j AS (SELECT * FROM {_joined(table, plans)}) "
           f"SELECT * FROM ({' UNION ALL '.join(parts)}) ORDER BY rid, col{cap}")
    cur = table.conn.cursor()
    try:
        cur.execute(sql)
        while batch := cur.fetchmany(_BATCH):
            for rid, col, value, rule, detail in batch:
                file, row = table.locate(int(rid))
                plan = plans[int(col)]
                if rule == "not_unique" and detail is not None:
                    detail = str(table.locate(int(detail))[1])
                yield IssueRow(record=int(rid), file=file, row=row, column=plan.name,
                               value=value, rule=str(rule), detail=detail,
                               format=plan.rule.format)
    finally:
        cur.close()


def iter_cluster_rows(table: DataTable) -> Iterator[ClusterRow]:
    """Yield every record of every duplicate cluster, cluster by cluster."""
    if not _has(table, CLUSTERS):
        return
    names = list(table.columns)
    raw = ", ".join(f"s.{ident(n)}" for n in names)
    sql = (f"WITH best AS (SELECT rid, max(score) AS score FROM (SELECT a AS rid, score FROM "
           f"{MATCHES} UNION ALL SELECT b, score FROM {MATCHES}) GROUP BY rid) "
           f"SELECT c.cid, c.rid, c.survivor, best.score, {raw} FROM {CLUSTERS} c "
           f"JOIN (SELECT rowid AS rid, * FROM {ident(table.table)}) s ON s.rid = c.rid "
           f"LEFT JOIN best ON best.rid = c.rid ORDER BY c.cid, c.rid")
    cur = table.conn.cursor()
    try:
        cur.execute(sql)
        while batch := cur.fetchmany(_BATCH):
            for cid, rid, survivor, score, *values in batch:
                file, row = table.locate(int(rid))
                yield ClusterRow(cluster_id=int(cid), record=int(rid), file=file, row=row,
                                 survivor=bool(survivor),
                                 best_score=None if score is None else round(float(score), 4),
                                 values={n: (None if v is None else str(v))
                                         for n, v in zip(names, values, strict=True)})
    finally:
        cur.close()


def cleansed_query(table: DataTable, plans: list[ColumnPlan]) -> str:
    """Return the SQL of the cleansed copy: normalised values (invalid ones kept as entered,
    placeholders emptied), the source file and row, rules broken, cluster id and survivor."""
    cols: list[str] = []
    issues: list[str] = []
    for p in plans:
        i = p.index
        cols.append(f"(CASE WHEN m{i} THEN NULL WHEN n{i} IS NOT NULL THEN n{i} ELSE x{i} END) "
                    f"AS {ident(p.name)}")
        issues.append(f"CASE WHEN e{i} IS NOT NULL THEN {lit(p.name + ':')} || e{i} END")
        if p.rule.city_column:
            issues.append(f"CASE WHEN k{i} = FALSE THEN {lit(p.name + ':inconsistent')} END")
    file_sql, row_sql = table.locate_sql("z.rid")
    clustered = _has(table, CLUSTERS)
    cluster_cols = ("c.cid AS _cluster_id, CASE WHEN c.cid IS NULL THEN NULL "
                    "WHEN c.survivor THEN 'yes' ELSE 'no' END AS _survivor"
                    if clustered else "NULL AS _cluster_id, NULL AS _survivor")
    join = f" LEFT JOIN {CLUSTERS} c ON c.rid = z.rid" if clustered else ""
    return (f"SELECT {', '.join(cols)}, {cluster_cols}, "
            f"nullif(concat_ws('; ', {', '.join(issues)}), '') AS _issues, "
            f"{file_sql} AS _source_file, {row_sql} AS _source_row "
            f"FROM {_joined(table, plans)}{join} ORDER BY z.rid")
