"""Row-level output after a profile: problem rows, cluster rows, the cleansed copy's query.

All of it streams from the tables :func:`profile` left in the connection, so a
million-row export never becomes a million Python objects at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from crm_readiness.cells_rule import safe_text, safe_text_sql, visible_controls
from crm_readiness.engine.data.duplicates import CLUSTERS, MATCHES
from crm_readiness.engine.data.formats import ident, lit
from crm_readiness.engine.data.plan import NORM, ColumnPlan
from crm_readiness.engine.data.sql import one, rows, run
from crm_readiness.engine.data.table import DataTable
from crm_readiness.models.data.result import ClusterRow, IssueRow

_BATCH = 5000


def _has(table: DataTable, name: str) -> bool:
    """Whether the table ``name`` (``table`` or ``database.table``) exists."""
    database, _, bare = name.rpartition(".")
    rows = one(table.conn,
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? "
        "AND (? = '' OR database_name = ?)", [bare, database, database])
    return bool(rows and rows[0])


def _joined(table: DataTable, plans: list[ColumnPlan]) -> str:
    raw = ", ".join(f"{ident(p.name)} AS x{p.index}" for p in plans)
    return f"(SELECT {raw} FROM {ident(table.table)}) s POSITIONAL JOIN {NORM} z"


ISSUES = "_cr_issues"
#: data rows one worksheet holds (Excel's 1,048,576 rows less the header and a closing line).
SHEET_ROWS = 1_048_574


@dataclass(frozen=True)
class IssueCount:
    """Problems of one rule in one column: how many there are, how many a capped listing shows."""

    column: str
    rule: str
    total: int
    listed: int

    @property
    def cut(self) -> int:
        """Return the problems left out of the listing (all of them are in the CSV)."""
        return self.total - self.listed


def build_issues(table: DataTable, plans: list[ColumnPlan]) -> None:
    """Create ``_cr_issues`` (rid, col, value, rule, detail, first): every problem of every row.

    ``first`` is the record a non-unique value first appears in. One pass over the
    normalised table; the workbook, its CSV and the counts all read this table.
    """
    parts: list[str] = []
    for p in plans:
        i, r = p.index, p.rule
        detail = lit(", ".join(r.enum)) if r.enum else "NULL"
        parts.append(f"SELECT rid, {i} AS col, x{i} AS value, e{i} AS rule, "
                     f"CASE WHEN e{i} = 'not_in_enum' OR e{i} = 'invalid_format' "
                     f"THEN {detail} END AS detail, NULL::BIGINT AS first FROM j "
                     f"WHERE e{i} IS NOT NULL")
        if r.city_column:
            parts.append(f"SELECT rid, {i}, x{i}, 'inconsistent', a{i}, NULL FROM j "
                         f"WHERE k{i} = FALSE")
        if r.max_age_days is not None:
            parts.append(f"SELECT rid, {i}, x{i}, 'stale', n{i}, NULL FROM j WHERE t{i} = FALSE")
        if r.unique:
            # only the values two records share are windowed (a semi-join, not a sort of all)
            parts.append(f"SELECT rid, {i}, x{i}, 'not_unique', NULL, first FROM ("
                         f"SELECT rid, x{i}, min(rid) OVER (PARTITION BY n{i}) AS first FROM j "
                         f"WHERE n{i} IN (SELECT n{i} FROM {NORM} WHERE n{i} IS NOT NULL "
                         f"GROUP BY 1 HAVING count(*) > 1)) WHERE rid <> first")
    body = (" UNION ALL ".join(parts) if parts else
            "SELECT rid, 0 AS col, NULL::VARCHAR AS value, NULL::VARCHAR AS rule, "
            "NULL::VARCHAR AS detail, NULL::BIGINT AS first FROM j WHERE FALSE")
    # NOT MATERIALIZED: each part reads only its columns of the join; a materialized CTE
    # copied the whole raw and normalised tables first (2.3x the CPU at 1 M rows)
    run(table.conn, f"CREATE OR REPLACE TABLE {ISSUES} AS WITH j AS NOT MATERIALIZED (SELECT * FROM "
                    f"{_joined(table, plans)}) SELECT * FROM ({body})")


def _listed_sql(per_rule: int, sheet_rows: int) -> str:
    """The problems a capped listing shows: ``per_rule`` per column and rule, in row order."""
    return (f"SELECT * FROM (SELECT * FROM {ISSUES} QUALIFY row_number() OVER "
            f"(PARTITION BY col, rule ORDER BY rid) <= {int(per_rule)}) "
            f"ORDER BY rid, col, rule LIMIT {int(sheet_rows)}")


def issue_counts(table: DataTable, plans: list[ColumnPlan], per_rule: int,
                 sheet_rows: int = SHEET_ROWS) -> list[IssueCount]:
    """Return per column and rule the problems found and how many the capped listing shows."""
    got = rows(table.conn,
        f"SELECT t.col, t.rule, t.n, coalesce(l.n, 0) FROM (SELECT col, rule, count(*) AS n "
        f"FROM {ISSUES} GROUP BY ALL) t LEFT JOIN (SELECT col, rule, count(*) AS n FROM "
        f"({_listed_sql(per_rule, sheet_rows)}) GROUP BY ALL) l USING (col, rule) "
        f"ORDER BY t.col, t.rule")
    return [IssueCount(plans[int(c)].name, str(r), int(n), int(k)) for c, r, n, k in got]


def iter_issues(table: DataTable, plans: list[ColumnPlan], per_rule: int | None = None,
                sheet_rows: int = SHEET_ROWS) -> Iterator[IssueRow]:
    """Yield the problems of every row, in row order: all, or ``per_rule`` per column and rule.

    Needs :func:`build_issues` first (built here when missing).
    """
    if not _has(table, ISSUES):
        build_issues(table, plans)
    sql = (f"SELECT * FROM {ISSUES} ORDER BY rid, col, rule" if per_rule is None
           else _listed_sql(per_rule, sheet_rows))
    cur = table.conn.cursor()
    try:
        cur.execute(sql)
        while batch := cur.fetchmany(_BATCH):
            for rid, col, value, rule, detail, first in batch:
                file, row = table.locate(int(rid))
                plan = plans[int(col)]
                if first is not None:
                    detail = str(table.locate(int(first))[1])
                yield IssueRow(record=int(rid), file=file, row=row, column=plan.name,
                               value=value, rule=str(rule), detail=detail,
                               format=plan.rule.format)
    finally:
        cur.close()


#: marks where a fix text takes the row's detail (see :func:`issues_query`).
DETAIL_MARK = "\ue000detail\ue000"


#: columns of :func:`issues_query` safe by construction, which the CSV writer passes as they
#: are: file, column and rule label (the one safe-cell rule applied to their literals here),
#: row (a number), the suggested fix and the detail (see :func:`issues_query`) and the rule's
#: code (one of the tool's own). Only the value as entered goes through the rule's SQL form.
ISSUES_SAFE_COLUMNS = (0, 1, 2, 4, 5, 6, 7)
#: rules whose detail the tool derives (the city's area code, the normalised date): safe text.
_TOOL_DETAIL = ("inconsistent", "stale")
#: columns of :func:`clusters_query` safe by construction: cluster (a number), suggestion
#: (tool words, made safe here), file (made safe here) and row (a number).
CLUSTERS_SAFE_COLUMNS = (0, 1, 3, 4)


def issues_query(table: DataTable, plans: list[ColumnPlan], headers: Sequence[str],
                 rule_labels: dict[str, str], fixes: dict[tuple[int, str], str]) -> str:
    """Return the SQL of every problem row for the CSV beside the workbook (DuckDB ``COPY``).

    Columns, named by ``headers``: file, row, column, value, rule (``rule_labels``),
    suggested fix, detail, the rule's code. ``fixes`` maps (column index, rule) to the
    fix text, or (-1, rule) to the text of every column; :data:`DETAIL_MARK` in it is
    replaced by the row's detail. The columns in :data:`ISSUES_SAFE_COLUMNS` are already
    safe cells.
    """
    file_sql, row_sql = table.locate_sql("i.rid", safe_text)
    _, first_row = table.locate_sql("i.first")
    # safe by construction: a row number, the tool's own detail, or the rules' enum list (what
    # the user typed in the rules file) as a literal of each column made safe here
    enums = " ".join(f"WHEN {p.index} THEN {lit(safe_text(', '.join(p.rule.enum)))}"
                     for p in plans if p.rule.enum)
    detail = (f"(CASE WHEN i.first IS NOT NULL THEN CAST({first_row} AS VARCHAR) "
              f"WHEN i.rule IN ({', '.join(lit(r) for r in _TOOL_DETAIL)}) THEN i.detail "
              f"WHEN i.detail IS NOT NULL THEN {f'CASE i.col {enums} END' if enums else 'NULL'}"
              " END)")
    names = " ".join(f"WHEN {p.index} THEN {lit(safe_text(p.name))}" for p in plans)
    labels = " ".join(f"WHEN {lit(k)} THEN {lit(safe_text(v))}" for k, v in rule_labels.items())
    whens: list[str] = []
    for (col, rule), text in fixes.items():
        cond = f"i.rule = {lit(rule)}" + (f" AND i.col = {col}" if col >= 0 else "")
        # the tool's words around the (safe) detail; the rule is applied to the words, and to
        # the whole text only where it would start with the detail
        parts = [lit(safe_text(part) if k == 0 else visible_controls(part))
                 for k, part in enumerate(text.split(DETAIL_MARK))]
        value = f" || coalesce({detail}, '') || ".join(parts)
        if text.startswith(DETAIL_MARK):
            value = safe_text_sql(value)
        whens.append(f"WHEN {cond} THEN {value}")
    fix = f"CASE {' '.join(whens)} END" if whens else "NULL"
    h = [ident(x) for x in headers]
    return (f"SELECT {file_sql} AS {h[0]}, {row_sql} AS {h[1]}, "
            f"(CASE i.col {names} END) AS {h[2]}, i.value AS {h[3]}, "
            f"coalesce(CASE i.rule {labels} END, i.rule) AS {h[4]}, {fix} AS {h[5]}, "
            f"{detail} AS {h[6]}, i.rule AS {h[7]} "
            # sorted narrow, then worded: the projection keeps the order (the sort's rows
            # carry the table's six columns, not the eight texts made from them)
            f"FROM (SELECT * FROM {ISSUES} ORDER BY rid, col, rule) i")


def _cluster_sql(table: DataTable, max_clusters: int | None, sheet_rows: int) -> str:
    names = list(table.columns)
    raw = ", ".join(f"s.{ident(n)}" for n in names)
    keep = (f" WHERE c.cid <= (SELECT coalesce(max(cid), 0) FROM (SELECT cid FROM {CLUSTERS} "
            f"GROUP BY cid QUALIFY sum(count(*)) OVER (ORDER BY cid) <= {int(sheet_rows)} "
            f"ORDER BY cid LIMIT {int(max_clusters)}))" if max_clusters is not None else "")
    return (f"WITH best AS (SELECT rid, max(score) AS score FROM (SELECT a AS rid, score FROM "
            f"{MATCHES} UNION ALL SELECT b, score FROM {MATCHES}) GROUP BY rid) "
            f"SELECT c.cid, c.rid, c.survivor, best.score, {raw} FROM {CLUSTERS} c "
            f"JOIN (SELECT rowid AS rid, * FROM {ident(table.table)}) s ON s.rid = c.rid "
            f"LEFT JOIN best ON best.rid = c.rid{keep} ORDER BY c.cid, c.rid")


def iter_cluster_rows(table: DataTable, max_clusters: int | None = None,
                      sheet_rows: int = SHEET_ROWS) -> Iterator[ClusterRow]:
    """Yield the records of the duplicate clusters, cluster by cluster.

    All of them, or the first ``max_clusters`` clusters (numbered by their first
    record), whole, and no more records than ``sheet_rows``.
    """
    if not _has(table, CLUSTERS):
        return
    names = list(table.columns)
    cur = table.conn.cursor()
    try:
        cur.execute(_cluster_sql(table, max_clusters, sheet_rows))
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


def cluster_counts(table: DataTable) -> tuple[int, int]:
    """Return (clusters, records in clusters)."""
    if not _has(table, CLUSTERS):
        return 0, 0
    n, k = one(table.conn, f"SELECT count(DISTINCT cid), count(*) FROM {CLUSTERS}")
    return int(n), int(k)


def clusters_query(table: DataTable, headers: Sequence[str], survivor: tuple[str, str]) -> str:
    """Return the SQL of every record of every cluster for the CSV beside the workbook.

    Columns: cluster, suggestion (``survivor``: kept / merged text), score, file, row
    (``headers``), then the export's columns as entered. The columns in
    :data:`CLUSTERS_SAFE_COLUMNS` are already safe cells.
    """
    if not _has(table, CLUSTERS):
        return ("SELECT " + ", ".join(f"NULL::VARCHAR AS {ident(h)}" for h in headers)
                + ", " + ", ".join(f"NULL::VARCHAR AS {ident(c)}" for c in table.columns)
                + " WHERE FALSE")
    file_sql, row_sql = table.locate_sql("q.rid", safe_text)
    h = [ident(x) for x in headers]
    cols = ", ".join(f"q.{ident(c)}" for c in table.columns)
    return (f"SELECT q.cid AS {h[0]}, CASE WHEN q.survivor THEN {lit(safe_text(survivor[0]))} "
            f"ELSE {lit(safe_text(survivor[1]))} END AS {h[1]}, round(q.score, 4) AS {h[2]}, "
            f"{file_sql} AS {h[3]}, {row_sql} AS {h[4]}, {cols} "
            f"FROM ({_cluster_sql(table, None, SHEET_ROWS)}) q")  # in its order: cid, rid


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
