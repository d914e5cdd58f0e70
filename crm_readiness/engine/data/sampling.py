"""The migration-test sample (about 100 records), stratified so problems are represented.

Three strata: records in duplicate clusters (whole clusters are taken, so the
test migration sees them side by side), records with a problem, and clean
records. Each non-empty stratum gets its share (20 % / 30 % / 50 %), unused
places go to the others; within a stratum the order is a fixed pseudo-random
permutation of the record numbers, so the same data gives the same sample.
"""

from __future__ import annotations

from crm_readiness.engine.data.duplicates import CLUSTERS
from crm_readiness.engine.data.formats import ident
from crm_readiness.engine.data.issues import _has
from crm_readiness.engine.data.plan import NORM, ColumnPlan, problem_sql
from crm_readiness.engine.data.table import DataTable

SAMPLE = "_cr_sample"
#: every record's stratum, in memory beside the normalised table (spilled past the ceiling)
_STRATA = "_cr_strata"
_SHARES = {"duplicate": 0.2, "problem": 0.3, "clean": 0.5}
#: the fixed permutation: a multiplicative hash, one-to-one on record numbers below 2^32, so
#: the first ``quota`` records of a stratum in this order are a top-N (no sort of the stratum)
_ORDER = "((rid * 2654435761) % 4294967296)"


def draw_sample(table: DataTable, plans: list[ColumnPlan], size: int) -> dict[str, int]:
    """Create ``_cr_sample`` (rid, reason) with up to ``size`` records; return counts by reason."""
    con = table.conn
    clustered = _has(table, CLUSTERS)
    cl = (f"LEFT JOIN {CLUSTERS} c ON c.rid = z.rid" if clustered else "")
    cid = "c.cid" if clustered else "NULL::BIGINT"
    con.execute(
        f"CREATE OR REPLACE TABLE {_STRATA} AS SELECT z.rid, {cid} AS cid, "
        f"CASE WHEN {cid} IS NOT NULL THEN 'duplicate' WHEN {problem_sql(plans)} "
        f"THEN 'problem' ELSE 'clean' END AS reason FROM {NORM} z {cl}")
    have = dict(con.execute(f"SELECT reason, count(*) FROM {_STRATA} GROUP BY 1").fetchall())
    quota = {k: 0 for k in _SHARES}
    left = size
    active = [k for k in _SHARES if have.get(k, 0) > 0]
    while left > 0 and active:
        total = sum(_SHARES[k] for k in active)
        handed = 0
        for k in active:
            want = max(1, round(left * _SHARES[k] / total))
            give = min(want, have[k] - quota[k], left - handed)
            quota[k] += give
            handed += give
        left -= handed
        active = [k for k in active if quota[k] < have[k]]
        if handed == 0:
            break
    # whole clusters: the duplicate stratum may fall short of its quota; the others take it
    clusters = (f"SELECT cid, sum(count(*)) OVER (ORDER BY ((cid * 2654435761) % 4294967296), "
                f"cid) AS upto FROM {_STRATA} WHERE reason = 'duplicate' GROUP BY cid")
    taken = con.execute(f"SELECT coalesce(max(upto), 0) FROM ({clusters}) "
                        f"WHERE upto <= {quota['duplicate']}").fetchall()[0][0]
    short = quota["duplicate"] - int(taken)
    for k in ("clean", "problem"):
        give = min(short, have.get(k, 0) - quota[k])
        quota[k] += give
        short -= give
    con.execute(
        f"CREATE OR REPLACE TABLE {SAMPLE} AS "
        f"(SELECT rid, reason FROM {_STRATA} WHERE reason = 'problem' ORDER BY {_ORDER} "
        f"LIMIT {int(quota['problem'])}) UNION ALL "
        f"(SELECT rid, reason FROM {_STRATA} WHERE reason = 'clean' ORDER BY {_ORDER} "
        f"LIMIT {int(quota['clean'])}) UNION ALL "
        f"SELECT s.rid, s.reason FROM {_STRATA} s JOIN ({clusters}) g ON g.cid = s.cid "
        f"WHERE g.upto <= {quota['duplicate']}")
    con.execute(f"DROP TABLE {_STRATA}")
    return dict(con.execute(f"SELECT reason, count(*) FROM {SAMPLE} GROUP BY 1").fetchall())


def sample_query(table: DataTable) -> str:
    """Return the SQL of the sample: the records as entered, with why each was drawn."""
    file_sql, row_sql = table.locate_sql("s.rid")
    cols = ", ".join(f"r.{ident(c)}" for c in table.columns)
    return (f"SELECT {cols}, s.reason AS _sample_reason, {file_sql} AS _source_file, "
            f"{row_sql} AS _source_row FROM {SAMPLE} s JOIN (SELECT rowid AS rid, * FROM "
            f"{ident(table.table)}) r ON r.rid = s.rid ORDER BY s.rid")
