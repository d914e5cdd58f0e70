"""Estimating the probabilistic match model of a drafted rules file from the data itself.

The drafted comparisons are run as a profile would run them (normalised
values, hub values blanked, the same blocking) on the export or, beyond
:data:`MAX_RECORDS` records, on a seeded uniform sample of that many records.
Sampling records thins every candidate pair alike — matching or not, a pair
survives when both its records are drawn — so the mix of pairs the model is
estimated on, the chance agreement and the prior stay those of the whole export,
while the work stays bounded whatever its size. Then:

* the starting ``u`` — from :data:`RANDOM_PAIRS` pairs of records drawn at
  random (seeded, so the draft is reproducible): the chance agreement of each
  field;
* ``m``, ``u`` and the prior — by EM (:func:`linkage.estimate`) on at most
  :data:`linkage.MAX_EM_PAIRS` candidate pairs the guards do not keep apart.

The work is one blocking pass over at most :data:`MAX_RECORDS` records and a
bounded number of scored pairs, all in DuckDB and numpy.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import numpy.typing as npt

from crm_readiness.engine.data.duplicates import find_hubs
from crm_readiness.engine.data.formats import ident
from crm_readiness.engine.data.fuzzy import (
    PAIRS,
    build_fields,
    build_pairs,
    given_pairs,
    pair_similarities,
    pairs_sample,
)
from crm_readiness.engine.data.linkage import MAX_EM_PAIRS, estimate, level_matrix
from crm_readiness.engine.data.plan import NORM, build_norm, column_plans
from crm_readiness.engine.data.sql import one, record_ids, run
from crm_readiness.engine.data.table import DataTable, no_progress
from crm_readiness.models.data.result import SourceInfo
from crm_readiness.models.data.rules import DataRules, FuzzyRules, ModelEstimate

#: random record pairs drawn for the starting u (fewer for a small export: at most rows × 5).
RANDOM_PAIRS = 200_000
#: the model is estimated on at most this many records (a seeded uniform sample beyond).
MAX_RECORDS = 300_000
SEED = 20240501


def _prob(x: float, digits: int) -> float:
    """Round a probability for the rules file, keeping it strictly inside (0, 1)."""
    step = 10.0 ** -digits
    return min(max(round(x, digits), step), round(1 - step, digits))


def _levels(table: DataTable, fuzzy: FuzzyRules, pairs: str, count: int,
            drop_apart: bool) -> npt.NDArray[np.int8]:
    levels = [f.effective_levels for f in fuzzy.fields]
    out: list[npt.NDArray[np.int8]] = []
    for _a, _b, sims, _apart in pair_similarities(table, fuzzy, pairs, count, no_progress,
                                                  (0.0, 0.0), drop_apart=drop_apart):
        out.append(level_matrix(sims, levels))
    return np.concatenate(out) if out else np.zeros((0, len(levels)), np.int8)


Labelled = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]


def _record_sample(table: DataTable, keep: npt.NDArray[np.int64] | None
                   ) -> tuple[DataTable, str | None, npt.NDArray[np.int64] | None]:
    """Return the table to estimate on: ``table`` itself, or a seeded uniform sample of
    :data:`MAX_RECORDS` of its records plus the records in ``keep`` (as a new table, also
    returned to be dropped, with the original record number of each of its records)."""
    n = table.rows
    if n <= MAX_RECORDS:
        return table, None, None
    name = "_cr_train_sample"
    # keep each record when a seeded hash of its number falls in the first MAX_RECORDS / n
    # of the hash range: uniform, reproducible, one pass
    cond = f"hash(rowid, {SEED}) % {n} < {MAX_RECORDS}"
    src = ident(table.table)
    with record_ids(table.conn, "_cr_keep", () if keep is None else keep.tolist()):
        if keep is not None and len(keep):
            cond = f"({cond}) OR rowid IN (SELECT rid FROM _cr_keep)"
        run(table.conn, f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM {src} "
                        f"WHERE {cond} ORDER BY rowid")
        kept = np.asarray(table.conn.execute(
            f"SELECT rowid FROM {src} WHERE {cond} ORDER BY rowid").fetchnumpy()["rowid"],
            dtype=np.int64)
    info = SourceInfo(path=table.sources[0].path, kind=table.sources[0].kind, rows=len(kept),
                      first_record=0)
    return replace(table, table=name, sources=(info,)), name, kept


def estimate_model(table: DataTable, rules: DataRules,
                   labelled: Labelled | None = None) -> DataRules:
    """Return ``rules`` with the fuzzy block's m/u and prior estimated on ``table``.

    ``labelled`` (record a, record b, 1.0 same / 0.0 different) are pairs a steward
    decided: EM keeps their match probability at the label (``linkage.estimate``). On a
    record sample the labelled records are always kept, renumbered into the sample.
    """
    dup = rules.duplicates
    assert dup is not None and dup.fuzzy is not None
    keep = None if labelled is None else np.concatenate([labelled[0], labelled[1]])
    table, sample, kept = _record_sample(table, keep)
    if labelled is not None and kept is not None:
        labelled = (np.searchsorted(kept, labelled[0]).astype(np.int64),
                    np.searchsorted(kept, labelled[1]).astype(np.int64), labelled[2])
    try:
        return _estimate(table, rules, labelled)
    finally:
        if sample is not None:
            run(table.conn, f"DROP TABLE IF EXISTS {sample}")


def _estimate(table: DataTable, rules: DataRules, labelled: Labelled | None) -> DataRules:
    dup = rules.duplicates
    assert dup is not None and dup.fuzzy is not None
    fuzzy = dup.fuzzy
    con = table.conn
    # only the columns the model compares, blocks on, guards with or finds hubs in
    used = {*dup.keys, *fuzzy.guards, *(f.column for f in fuzzy.fields),
            *(c for b in fuzzy.blocking for c in b.columns)}
    plans = [p for p in column_plans(table, rules) if p.name in used]
    by_name = {p.name: p for p in plans}
    build_norm(table, rules, plans, rules.as_of or date.today())
    _hubs, hub_sql = find_hubs(table, rules, by_name)
    build_fields(table, fuzzy, by_name, hub_sql)
    candidates, _, _ = build_pairs(table, fuzzy, by_name)
    em_table, em_count = pairs_sample(con, "_cr_em", candidates, MAX_EM_PAIRS,
                                      f"hash(pid + {SEED})")
    lev = _levels(table, fuzzy, em_table, em_count, drop_apart=True)
    fixed = None
    if labelled is not None and len(labelled[0]):
        given_pairs(con, "_cr_lab", labelled[0], labelled[1])
        lev = np.concatenate([lev, _levels(table, fuzzy, "_cr_lab", len(labelled[0]),
                                           drop_apart=False)])
        fixed = np.concatenate([np.full(len(lev) - len(labelled[0]), np.nan), labelled[2]])
        run(con, "DROP TABLE _cr_lab")
    n = table.rows
    want = min(RANDOM_PAIRS, max(1000, n * 5))
    run(con, f"CREATE OR REPLACE TABLE _cr_rand AS SELECT row_number() OVER (ORDER BY k) - 1 "
             f"AS pid, least(x, y) AS a, greatest(x, y) AS b FROM (SELECT k, "
             f"(hash(k, {SEED}) % {max(1, n)})::BIGINT AS x, "
             f"(hash(k, {SEED + 1}) % {max(1, n)})::BIGINT AS y FROM range({want}) t(k)) "
             f"WHERE x <> y")
    drawn = int(one(con, "SELECT count(*) FROM _cr_rand")[0])
    u_lev = _levels(table, fuzzy, "_cr_rand", drawn, drop_apart=False)
    for name in ("_cr_rand", "_cr_em", PAIRS, NORM):
        run(con, f"DROP TABLE IF EXISTS {name}")
    est = estimate(lev, u_lev, [len(f.effective_levels) for f in fuzzy.fields], seed=SEED,
                   fixed=fixed)
    fields = tuple(f.model_copy(update={"m": tuple(_prob(x, 6) for x in est.m[j]),
                                        "u": tuple(_prob(x, 8) for x in est.u[j])})
                   for j, f in enumerate(fuzzy.fields))
    new_fuzzy = FuzzyRules.model_validate({
        **fuzzy.model_dump(), "fields": [f.model_dump() for f in fields],
        "method": "probabilistic", "prior": _prob(est.prior, 6),
        "estimated": ModelEstimate(candidate_pairs=est.em_pairs, random_pairs=est.random_pairs,
                                   iterations=est.iterations,
                                   labelled_pairs=0 if fixed is None else int((~np.isnan(fixed)).sum()),
                                   ).model_dump()})
    return rules.model_copy(update={"duplicates": dup.model_copy(update={"fuzzy": new_fuzzy})})
