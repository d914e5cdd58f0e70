"""Duplicates: exact keys on normalised values, hub values, fuzzy clusters (connected components).

* exact — records sharing a normalised mobile, e-mail or credit code;
* hubs — a key value shared by ``hub_size`` records or more (a switchboard or
  400 number, a dummy mobile) is reported and never used as evidence, so it
  cannot chain unrelated customers together;
* clusters — connected components (vectorised, :mod:`unionfind`) of the matching pairs: the
  exact-key pairs, and the fuzzy matches when a ``fuzzy`` block is given (and
  not switched off) — a fuzzy run keeps every exact-key link, so records
  sharing a credit code or e-mail are always in one cluster. With the
  probabilistic method the summary states the clusters' expected precision.
  Each cluster gets a suggested surviving record: the most complete valid
  record, then the most recent date, then the first.

Creates ``_cr_clusters`` (rid, cid, survivor) and ``_cr_matches`` in the
connection for the issues workbook, the sample and the cleansed copy.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from crm_readiness.engine.data import unionfind
from crm_readiness.engine.data.formats import ident
from crm_readiness.engine.data.fuzzy import (
    FZ,
    Matches,
    build_fields,
    build_pairs,
    score_given_pairs,
    score_pairs,
)
from crm_readiness.engine.data.linkage import cluster_precision
from crm_readiness.engine.data.plan import NORM, ColumnPlan
from crm_readiness.engine.data.sql import one, rows, run
from crm_readiness.engine.data.table import DataTable, Progress
from crm_readiness.models.data.result import (
    HUBS_KEPT,
    ClusterMember,
    DuplicateCluster,
    DuplicateSummary,
    ExactKeyDuplicates,
    FieldMatch,
    HubValue,
    MatchEvidence,
)
from crm_readiness.models.data.rules import DataRules, FuzzyRules

CLUSTERS = "_cr_clusters"
MATCHES = "_cr_matches"
_KEY_FORMATS = ("cn_mobile", "cn_landline", "email", "cn_uscc")


def _hub_columns(rules: DataRules, plans: dict[str, ColumnPlan]) -> list[str]:
    dup = rules.duplicates
    if dup is None:
        return []
    cols = list(dup.keys)
    if dup.fuzzy is not None:
        for f in dup.fuzzy.fields:
            if f.kind == "exact" and plans[f.column].rule.format in _KEY_FORMATS:
                cols.append(f.column)
        for b in dup.fuzzy.blocking:
            cols += [c for c in b.columns if plans[c].rule.format in _KEY_FORMATS]
    return list(dict.fromkeys(cols))


HUBS = "_cr_hubs"
#: per column ``i``, ``_cr_shared_{i}`` (v, c): the normalised values two records or more share.
SHARED = "_cr_shared"


def find_hubs(table: DataTable, rules: DataRules,
              plans: dict[str, ColumnPlan]) -> tuple[list[HubValue], dict[str, str]]:
    """Return the hub values and, per column, a SQL condition on ``_cr_norm`` 'is a hub'.

    One grouping pass per column: the values shared by two records or more go to
    ``_cr_shared_{i}`` (the exact-key groups and pairs read it too), the hub values
    of column ``i`` to table ``_cr_hubs_{i}`` (the ``HUBS_KEPT`` most shared of them
    are returned); the condition is a semi-join on it
    (``n{i} IN (SELECT v FROM …)``), never a literal list, so its cost stays linear
    however many hub values the data has.
    """
    assert rules.duplicates is not None
    size = rules.duplicates.hub_size
    hubs: list[HubValue] = []
    cond: dict[str, str] = {}
    for name in _hub_columns(rules, plans):
        i = plans[name].index
        tab = f"{HUBS}_{i}"
        run(table.conn,
            f"CREATE OR REPLACE TABLE {SHARED}_{i} AS SELECT n{i} AS v, count(*) AS c "
            f"FROM {NORM} WHERE n{i} IS NOT NULL GROUP BY 1 HAVING count(*) > 1")
        run(table.conn, f"CREATE OR REPLACE TABLE {tab} AS SELECT v, c FROM {SHARED}_{i} "
                        f"WHERE c >= {size}")
        found = rows(table.conn, f"SELECT v, c FROM {tab} ORDER BY c DESC, v LIMIT {HUBS_KEPT}")
        if found:
            hubs += [HubValue(column=name, value=str(v), records=int(c)) for v, c in found]
            cond[name] = f"n{i} IN (SELECT v FROM {tab})"
    return hubs, cond


def hub_count(table: DataTable, rules: DataRules, plans: dict[str, ColumnPlan]) -> int:
    """Return how many hub values :func:`find_hubs` found in all (it keeps ``HUBS_KEPT``
    per column)."""
    tabs = [f"{HUBS}_{plans[name].index}" for name in _hub_columns(rules, plans)]
    if not tabs:
        return 0
    return int(one(table.conn, "SELECT " + " + ".join(
        f"(SELECT count(*) FROM {tab})" for tab in tabs))[0])


def _shared(table: DataTable, i: int, size: int) -> str:
    """Return the SQL of column ``i``'s shared values that are not hubs (v, c).

    From ``_cr_shared_{i}`` when :func:`find_hubs` made it, else grouped here.
    """
    if one(table.conn, "SELECT count(*) FROM duckdb_tables() WHERE table_name = ?",
           [f"{SHARED}_{i}"])[0]:
        return f"(SELECT v, c FROM {SHARED}_{i} WHERE c < {size})"
    return (f"(SELECT n{i} AS v, count(*) AS c FROM {NORM} WHERE n{i} IS NOT NULL "
            f"GROUP BY 1 HAVING count(*) > 1 AND count(*) < {size})")


def exact_keys(table: DataTable, rules: DataRules, plans: dict[str, ColumnPlan],
               hub_sql: dict[str, str]) -> list[ExactKeyDuplicates]:
    """Return, per key column, the groups of records sharing a (non-hub) normalised value.

    Reads the shared values :func:`find_hubs` grouped (a hub is shared by ``hub_size``
    records or more, so the non-hub groups are those smaller than that).
    """
    assert rules.duplicates is not None
    size = rules.duplicates.hub_size
    out: list[ExactKeyDuplicates] = []
    for name in rules.duplicates.keys:
        src = _shared(table, plans[name].index, size)
        got = rows(table.conn,
            f"SELECT count(*) OVER (), sum(c) OVER (), v, c FROM {src} "
            f"ORDER BY c DESC, v LIMIT 5")
        groups, records = (int(got[0][0]), int(got[0][1])) if got else (0, 0)
        out.append(ExactKeyDuplicates(column=name, groups=groups, records=records,
                                      examples=tuple((str(v), int(c)) for _, _, v, c in got)))
    return out


def _exact_pairs_sql(table: DataTable, rules: DataRules,
                     plans: dict[str, ColumnPlan]) -> str | None:
    """Return the SQL of the exact-key pairs (a, b, j: key ``j``), or None without keys.

    Per key, each record is linked to the previous one sharing its (non-hub) value;
    only the records whose value is shared are windowed.
    """
    assert rules.duplicates is not None
    size = rules.duplicates.hub_size
    parts: list[str] = []
    for j, name in enumerate(rules.duplicates.keys):
        i = plans[name].index
        parts.append(f"SELECT {j} AS j, lag(rid) OVER (PARTITION BY n{i} ORDER BY rid) AS a, "
                     f"rid AS b FROM {NORM} WHERE n{i} IN (SELECT v FROM "
                     f"{_shared(table, i, size)})")
    if not parts:
        return None
    return f"SELECT a, b, j FROM ({' UNION ALL '.join(parts)}) WHERE a IS NOT NULL"


def _no_matches(fields: int) -> Matches:
    empty = np.zeros(0, np.int64)
    return Matches(empty, empty, np.zeros(0), np.zeros((0, fields), np.float32), 0, 0, 0)


def _exact_matches(table: DataTable, rules: DataRules, plans: dict[str, ColumnPlan],
                   hub_sql: dict[str, str]) -> Matches:
    """Return the exact-key pairs (:func:`_exact_pairs_sql`) as matches with their key's
    similarity 1 (the others -1), ordered by pair and key."""
    assert rules.duplicates is not None
    keys = rules.duplicates.keys
    sql = _exact_pairs_sql(table, rules, plans)
    if sql is None:
        return _no_matches(0)
    data = table.conn.execute(f"{sql} ORDER BY a, b, j").fetchnumpy()
    left = np.asarray(data["a"], dtype=np.int64)
    right = np.asarray(data["b"], dtype=np.int64)
    sims = np.full((len(left), len(keys)), -1.0, dtype=np.float32)
    sims[np.arange(len(left)), np.asarray(data["j"], dtype=np.int64)] = 1.0
    return Matches(left, right, np.ones(len(left)), sims, len(left), 0, 0)


def _exact_links(table: DataTable, rules: DataRules, plans: dict[str, ColumnPlan],
                 columns: list[ColumnPlan]) -> int:
    """Without fuzzy: cluster the exact-key pairs; return how many there are.

    The same ``_cr_matches`` as :func:`_exact_matches` would give, written by
    DuckDB from the pairs' SQL; only the pairs' two record numbers come into
    Python (as int32 when they fit), for the union-find — at 10 M+ rows the
    per-pair score and similarity arrays, their float64 copies and the int64
    indices were the part of the peak memory above DuckDB's own ceiling.
    """
    assert rules.duplicates is not None
    sql = _exact_pairs_sql(table, rules, plans)
    if sql is None:
        _register_clusters(table, _no_matches(0), columns)
        return 0
    sims = ", ".join(f"(CASE WHEN j = {j} THEN 1.0 ELSE -1.0 END)::DOUBLE AS s{j}"
                     for j in range(len(rules.duplicates.keys)))
    con = table.conn
    con.execute(f"CREATE OR REPLACE TABLE {MATCHES} AS SELECT a::BIGINT AS a, b::BIGINT AS b, "
                f"1.0::DOUBLE AS score, {sims} FROM ({sql}) ORDER BY a, b, j")
    pairs, top = one(con, f"SELECT count(*), coalesce(max(b), 0) FROM {MATCHES}")
    kind = "INTEGER" if int(top) < 2**31 else "BIGINT"
    data = con.execute(f"SELECT a::{kind} AS a, b::{kind} AS b FROM {MATCHES}").fetchnumpy()
    left, right = np.asarray(data["a"]), np.asarray(data["b"])
    del data
    _cluster_table(table, left, right, columns)
    return int(pairs)


def _cluster_table(table: DataTable, left: unionfind.IntArray, right: unionfind.IntArray,
                   plans: list[ColumnPlan]) -> None:
    """Create ``_cr_clusters`` (rid, cid, survivor) from the links' connected components."""
    rids, cids = unionfind.clusters(left, right)
    con = table.conn
    con.register("_cr_uf_arrays", {"rid": rids, "cid": cids})
    con.execute("CREATE OR REPLACE TABLE _cr_uf AS SELECT rid::BIGINT AS rid, "
                "cid::BIGINT AS cid FROM _cr_uf_arrays")
    con.unregister("_cr_uf_arrays")
    del rids, cids
    filled = " + ".join(f"(NOT m{p.index} AND e{p.index} IS NULL)::INTEGER"
                        for p in plans if p.ruled) or "0"
    dates = [p for p in plans if p.rule.format == "date"]
    recent = f"CAST(z.n{dates[0].index} AS DATE) DESC NULLS LAST, " if dates else ""
    con.execute(
        f"CREATE OR REPLACE TABLE {CLUSTERS} AS SELECT u.rid, u.cid, "
        f"row_number() OVER (PARTITION BY u.cid ORDER BY {filled} DESC, {recent}u.rid) = 1 "
        f"AS survivor FROM _cr_uf u JOIN {NORM} z ON z.rid = u.rid")
    con.execute("DROP TABLE _cr_uf")


def _register_clusters(table: DataTable, matches: Matches, plans: list[ColumnPlan]) -> None:
    """Create ``_cr_clusters`` and ``_cr_matches`` (a, b, score, s{j}) from ``matches``."""
    _cluster_table(table, matches.left, matches.right, plans)
    con = table.conn
    nf = matches.sims.shape[1]
    m = {"a": matches.left, "b": matches.right, "score": matches.score,
         **{f"s{j}": matches.sims[:, j].astype(np.float64) for j in range(nf)}}
    cols = ", ".join(["a::BIGINT AS a", "b::BIGINT AS b", "score::DOUBLE AS score",
                      *[f"s{j}::DOUBLE AS s{j}" for j in range(nf)]])
    con.register("_cr_m_arrays", m)
    con.execute(f"CREATE OR REPLACE TABLE {MATCHES} AS SELECT {cols} FROM _cr_m_arrays")
    con.unregister("_cr_m_arrays")


def find_duplicates(table: DataTable, rules: DataRules, plans: list[ColumnPlan], *,
                    fuzzy: bool, max_listed: int, progress: Progress,
                    span: tuple[float, float],
                    links: Callable[[Matches], Matches] | None = None) -> DuplicateSummary:
    """Return the duplicate summary and leave cluster tables in the connection.

    ``links`` (a fuzzy run only) may change the final links before clustering: the
    steward's labels (:class:`crm_readiness.engine.data.clerical.LabelLinks`).
    """
    by_name = {p.name: p for p in plans}
    dup = rules.duplicates
    if dup is None:
        return DuplicateSummary()
    hubs, hub_sql = find_hubs(table, rules, by_name)
    exact = exact_keys(table, rules, by_name, hub_sql)
    run_fuzzy = fuzzy and dup.fuzzy is not None
    lo, hi = span
    key_links = 0
    estimate: float | None = None
    if run_fuzzy:
        assert dup.fuzzy is not None
        progress("duplicates: blocking", lo)
        build_fields(table, dup.fuzzy, by_name, hub_sql)
        candidates, sk_blocks, sk_records = build_pairs(table, dup.fuzzy, by_name)
        matches, _ = score_pairs(table, dup.fuzzy, candidates, progress,
                                 (lo + (hi - lo) * 0.3, lo + (hi - lo) * 0.9))
        matches.skipped_blocks, matches.skipped_records = sk_blocks, sk_records
        matches, key_links, by_key = _with_key_links(
            table, dup.fuzzy, matches, _exact_matches(table, rules, by_name, hub_sql))
        columns = [f.column for f in dup.fuzzy.fields]
        if dup.fuzzy.method == "probabilistic":
            # a shared key is a duplicate by the rules' own definition: its link is certain;
            # the estimate is that of the fuzzy decisions (see docs/data.md)
            estimate = cluster_precision(matches.left, matches.right,
                                         np.where(by_key, 1.0, matches.score))
        if links is not None:
            matches = links(matches)
        progress("duplicates: clusters", lo + (hi - lo) * 0.9)
        _register_clusters(table, matches, plans)
        pairs_seen, matched = matches.candidates, len(matches.left)
        skipped = matches.skipped_blocks, matches.skipped_records
    else:
        columns = list(dup.keys)
        progress("duplicates: clusters", lo + (hi - lo) * 0.9)
        pairs_seen = matched = _exact_links(table, rules, by_name, plans)
        skipped = 0, 0
    clusters, in_clusters = one(table.conn,
        f"SELECT count(DISTINCT cid), count(*) FROM {CLUSTERS}")
    return DuplicateSummary(
        exact=tuple(exact), hubs=tuple(hubs), hub_values=hub_count(table, rules, by_name),
        fuzzy_run=run_fuzzy,
        candidate_pairs=pairs_seen, matched_pairs=matched,
        skipped_blocks=skipped[0], skipped_block_records=skipped[1],
        clusters=int(clusters), records_in_clusters=int(in_clusters),
        redundant_records=int(in_clusters) - int(clusters), key_links=key_links,
        method=dup.fuzzy.method if run_fuzzy and dup.fuzzy is not None else None,
        precision_estimate=None if estimate is None else round(estimate, 4),
        estimated=dup.fuzzy.estimated if run_fuzzy and dup.fuzzy is not None else None,
        listed=tuple(list_clusters(table, columns, run_fuzzy, max_listed)))


def _with_key_links(table: DataTable, fuzzy: FuzzyRules, matches: Matches, exact: Matches,
                    ) -> tuple[Matches, int, npt.NDArray[np.bool_]]:
    """Return the fuzzy matches with every exact-key pair they lack added (scored as evidence).

    Also how many were added and, per returned pair, whether an exact key links it.
    """
    if len(exact.left) == 0:
        return matches, 0, np.zeros(len(matches.left), dtype=bool)
    span = int(max(matches.left.max(initial=0), matches.right.max(initial=0),
                   exact.left.max(initial=0), exact.right.max(initial=0))) + 1
    have = matches.left * span + matches.right
    want = np.unique(exact.left * span + exact.right)
    new = want[~np.isin(want, have)]
    keyed = np.isin(have, want)
    if len(new) == 0:
        return matches, 0, keyed
    left, right = new // span, new % span
    score, sims = score_given_pairs(table, fuzzy, left, right)
    merged = Matches(np.concatenate([matches.left, left]), np.concatenate([matches.right, right]),
                     np.concatenate([matches.score, score]),
                     np.concatenate([matches.sims, sims]), matches.candidates,
                     matches.skipped_blocks, matches.skipped_records)
    return merged, len(new), np.concatenate([keyed, np.ones(len(new), dtype=bool)])


def list_clusters(table: DataTable, columns: list[str], fuzzy: bool,
                  limit: int) -> list[DuplicateCluster]:
    """Return the ``limit`` largest clusters with their members and evidence."""
    con = table.conn
    top = con.execute(f"SELECT cid, count(*) AS n FROM {CLUSTERS} GROUP BY cid "
                      f"ORDER BY n DESC, cid LIMIT {int(limit)}").fetchall()
    if not top:
        return []
    ids = ", ".join(str(int(c)) for c, _ in top)
    names = list(table.columns)
    raw = ", ".join(f"s.{ident(n)}" for n in names)
    members: dict[int, list[ClusterMember]] = {}
    rows = con.execute(
        f"SELECT c.cid, c.rid, c.survivor, {raw} FROM {CLUSTERS} c JOIN "
        f"(SELECT rowid AS rid, * FROM {ident(table.table)}) s ON s.rid = c.rid "
        f"WHERE c.cid IN ({ids}) ORDER BY c.cid, c.rid").fetchall()
    for cid, rid, survivor, *values in rows:
        file, row = table.locate(int(rid))
        members.setdefault(int(cid), []).append(ClusterMember(
            record=int(rid), file=file, row=row, survivor=bool(survivor),
            values={n: (None if v is None else str(v)) for n, v in zip(names, values,
                                                                          strict=True)}))
    nf = len(columns)
    sims = ", ".join(f"m.s{j}" for j in range(nf))
    vals = ", ".join(f"l.g{j}, r.g{j}" for j in range(nf)) if fuzzy else ""
    join = (f" JOIN {FZ} l ON l.rid = m.a JOIN {FZ} r ON r.rid = m.b" if fuzzy else "")
    ev_rows = con.execute(
        f"SELECT c.cid, m.a, m.b, m.score, {sims}{', ' + vals if vals else ''} FROM {MATCHES} m "
        f"JOIN {CLUSTERS} c ON c.rid = m.a{join} WHERE c.cid IN ({ids}) "
        f"ORDER BY c.cid, m.a, m.b").fetchall()
    evidence: dict[int, list[MatchEvidence]] = {}
    for cid, a, b, score, *rest in ev_rows:
        fields: list[FieldMatch] = []
        for j, col in enumerate(columns):
            sim = float(rest[j])
            if sim < 0:
                continue
            left = right = ""
            if fuzzy:
                left, right = str(rest[nf + 2 * j] or ""), str(rest[nf + 2 * j + 1] or "")
            fields.append(FieldMatch(column=col, similarity=round(sim, 4), left=left,
                                     right=right))
        evidence.setdefault(int(cid), []).append(MatchEvidence(
            left=int(a), right=int(b), score=round(float(score), 4), fields=tuple(fields)))
    return [DuplicateCluster(cluster_id=int(cid), size=int(n), members=tuple(members[int(cid)]),
                             evidence=tuple(evidence.get(int(cid), ()))) for cid, n in top]
