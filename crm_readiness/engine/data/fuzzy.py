"""Fuzzy duplicate candidates and match scores: blocking, similarity in DuckDB, thresholds.

Records are compared only within blocks (records agreeing on a blocking key:
the company core name, a phone, an e-mail, a credit code, or the contact with
the core name up to one typed-wrong character via one-deletion variants), so
the work grows with the number of records, not its square. Blocks larger than
``max_block`` are skipped and counted; pairs a guard keeps apart are dropped in
the blocking join itself. Each candidate pair gets a similarity per field
(normalised Levenshtein over characters for names and text, equality for exact
fields; a field empty on either side is left out), computed by DuckDB, and a
match score:
the weighted mean of the fields both records have. A pair matches when the
score reaches the threshold, at least ``min_fields`` fields were compared and at
least ``min_agreeing`` of them agree (similarity ≥ ``agree_at``). With
``method: probabilistic`` the pair's match probability under a Fellegi–Sunter
model (:mod:`linkage`) replaces the weighted mean and its thresholds.

Guards keep records apart whatever the score: two company names carrying
different regions (上海… / …（北京）), and the ``guards`` columns (a city) filled
and different on both. An ``address`` field compares as 0 when the two
addresses' numbers differ (高新区123号 against 高新区128号 are two places).
Hub values (see :mod:`duplicates`) are blanked before any of this.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from crm_readiness.engine.data.company import company_core_sql, company_region_sql
from crm_readiness.engine.data.linkage import level_matrix, match_weights, probabilities
from crm_readiness.engine.data.plan import NORM, ColumnPlan
from crm_readiness.engine.data.sql import one, run
from crm_readiness.engine.data.table import DataTable, Progress
from crm_readiness.models.data.rules import FuzzyRules

FZ = "_cr_fz"
PAIRS = "_cr_pairs"
SIMS = "_cr_sims"
CHUNK = 400_000
#: characters of a value compared and used in blocking keys (a 200 KB "name" is cut here).
MAX_COMPARED = 256
#: one-deletion typo variants are generated only for values this long or shorter.
MAX_TYPO_LEN = 64


@dataclass
class Matches:
    """Matched pairs with their scores and per-field similarities (-1 = not compared)."""

    left: npt.NDArray[np.int64]
    right: npt.NDArray[np.int64]
    score: npt.NDArray[np.float64]
    sims: npt.NDArray[np.float32]  # shape (pairs, fields)
    candidates: int
    skipped_blocks: int
    skipped_records: int


def _blank_hub(name: str, expr: str, hub_sql: dict[str, str]) -> str:
    return f"(CASE WHEN {hub_sql[name]} THEN NULL ELSE {expr} END)" if name in hub_sql else expr


def build_fields(table: DataTable, fuzzy: FuzzyRules, plans: dict[str, ColumnPlan],
                 hub_sql: dict[str, str]) -> None:
    """Create ``_cr_fz``: per record the comparable value of every fuzzy field (``g{j}``).

    Beside them: the region of a company name (``r{j}``), the numbers of an
    address (``d{j}``), the guard columns (``q{k}``) and blocking-only columns.
    """
    cols = ["rid"]
    for j, f in enumerate(fuzzy.fields):
        i = plans[f.column].index
        if f.kind == "company_name":
            expr = company_core_sql(f"n{i}")
            cols.append(f"{_blank_hub(f.column, company_region_sql(f'n{i}'), hub_sql)} AS r{j}")
        elif f.kind in ("text", "address"):
            expr = f"lower(n{i})"
            if f.kind == "address":
                cols.append(f"nullif(array_to_string(regexp_extract_all(left(n{i}, "
                            f"{MAX_COMPARED}), '[0-9]+'), ' '), '') AS d{j}")
        else:
            expr = f"n{i}"
        cols.append(f"left({_blank_hub(f.column, expr, hub_sql)}, {MAX_COMPARED}) AS g{j}")
    for k, name in enumerate(fuzzy.guards):
        i = plans[name].index
        cols.append(f"nullif(regexp_replace(lower(n{i}), '[市省\\s]+$', ''), '') AS q{k}")
    extra = {c for b in fuzzy.blocking for c in b.columns} - {f.column for f in fuzzy.fields}
    for name in sorted(extra):
        i = plans[name].index
        cols.append(f"left({_blank_hub(name, f'n{i}', hub_sql)}, {MAX_COMPARED}) AS h{i}")
    run(table.conn, f"CREATE OR REPLACE TABLE {FZ} AS SELECT {', '.join(cols)} FROM {NORM}")


def _field_ref(fuzzy: FuzzyRules, plans: dict[str, ColumnPlan], column: str) -> str:
    for j, f in enumerate(fuzzy.fields):
        if f.column == column:
            return f"g{j}"
    return f"h{plans[column].index}"


def typo_variants_sql(ref: str) -> str:
    """Return the list of ``ref`` and its one-deletion variants (none past :data:`MAX_TYPO_LEN`).

    A value of length L gives L + 1 keys of length ≤ L, so the length cap keeps
    a pathological value (a 200 KB "name") from producing L² characters.
    """
    return (f"list_prepend({ref}, CASE WHEN length({ref}) BETWEEN 3 AND {MAX_TYPO_LEN} THEN "
            f"[{ref}[:i - 1] || {ref}[i + 1:] FOR i IN range(1, length({ref}) + 1)] "
            f"ELSE [] END)")


def build_pairs(table: DataTable, fuzzy: FuzzyRules,
                plans: dict[str, ColumnPlan]) -> tuple[int, int, int]:
    """Create ``_cr_pairs`` (pid, a, b); return (candidates, skipped blocks, their records).

    Candidates are the pairs of records sharing a block that no guard keeps apart.
    """
    con = table.conn
    selects: list[str] = []
    # the guards travel with each blocked record as hashes (z…), so pairs a guard keeps apart
    # (namesakes in other cities) are dropped inside the join, never materialised or sorted
    guards = _guard_columns(fuzzy)
    zs = "".join(f", CASE WHEN {g} IS NULL THEN NULL ELSE hash({g}) END AS z{n}"
                 for n, g in enumerate(guards))
    # a block is identified by a 64-bit hash of its key (grouping and joining integers, not
    # strings); two keys colliding only add candidate pairs, which are scored like any other
    for b, key in enumerate(fuzzy.blocking):
        refs = [_field_ref(fuzzy, plans, c) for c in key.columns]
        present = " AND ".join(f"{r} IS NOT NULL" for r in refs)
        if key.typos_in is None:
            selects.append(f"SELECT {b} AS b, hash({', '.join(refs)}) AS k, rid{zs} FROM {FZ} "
                           f"WHERE {present}")
            continue
        t = _field_ref(fuzzy, plans, key.typos_in)
        parts = [f"{r}" if r != t else "var" for r in refs]
        needed = ", ".join(dict.fromkeys(["rid", *refs, *guards]))
        variants = (f"SELECT {needed}, unnest({typo_variants_sql(t)}) AS var FROM {FZ} "
                    f"WHERE {present}")
        selects.append(f"SELECT DISTINCT {b} AS b, hash({', '.join(parts)}) AS k, rid{zs} "
                       f"FROM ({variants})")
    con.execute(f"CREATE OR REPLACE TABLE _cr_bk AS {' UNION ALL '.join(selects)}")
    con.execute("CREATE OR REPLACE TABLE _cr_blocks AS SELECT b, k, count(*) AS n "
                "FROM _cr_bk GROUP BY b, k HAVING count(*) >= 2")
    skipped = one(con, f"SELECT count(*), coalesce(sum(n), 0) FROM _cr_blocks "
                          f"WHERE n > {fuzzy.max_block}")
    # a hash collision only keeps a pair: the exact guard check is repeated when scoring
    apart = " OR ".join(f"coalesce(x.z{n} <> y.z{n}, false)" for n in range(len(guards)))
    con.execute(f"CREATE OR REPLACE TABLE {PAIRS} AS "
                f"SELECT row_number() OVER (ORDER BY a, b) - 1 AS pid, a, b FROM ("
                f"SELECT DISTINCT x.rid AS a, y.rid AS b FROM "
                f"(SELECT bk.* FROM _cr_bk bk SEMI JOIN (SELECT b, k FROM _cr_blocks "
                f"WHERE n <= {fuzzy.max_block}) g USING (b, k)) x "
                f"JOIN _cr_bk y ON x.b = y.b AND x.k = y.k AND x.rid < y.rid"
                f"{f' WHERE NOT ({apart})' if guards else ''})")
    con.execute("DROP TABLE _cr_bk")
    n = one(con, f"SELECT count(*) FROM {PAIRS}")
    return int(n[0]), int(skipped[0]), int(skipped[1])


def _guard_columns(fuzzy: FuzzyRules) -> list[str]:
    """Columns of ``_cr_fz`` that keep a pair apart when filled and different on both."""
    return ([f"r{j}" for j, f in enumerate(fuzzy.fields) if f.kind == "company_name"]
            + [f"q{k}" for k in range(len(fuzzy.guards))])


def _apart_sql(fuzzy: FuzzyRules) -> str:
    """SQL (over ``l``/``r`` rows of ``_cr_fz``): true when a guard keeps the pair apart."""
    conds = [f"coalesce(l.{g} <> r.{g}, false)" for g in _guard_columns(fuzzy)]
    return " OR ".join(conds) or "false"


def _similarity_sql(j: int, kind: str) -> str:
    """SQL (over ``l``/``r`` rows of ``_cr_fz``): field ``j``'s similarity, -1 when not compared.

    Names and text: normalised Levenshtein similarity over characters, 1 − distance /
    the longer length (rapidfuzz's ``Levenshtein.normalized_similarity``); exact
    fields: 1 or 0; an address whose numbers differ: 0.
    """
    lv, rv = f"l.g{j}", f"r.g{j}"
    if kind == "exact":
        return f"(CASE WHEN {lv} IS NULL OR {rv} IS NULL THEN -1.0 WHEN {lv} = {rv} THEN 1.0 ELSE 0.0 END)"
    longer = f"greatest(length({lv}), length({rv}))"
    sim = (f"(CASE WHEN {lv} = {rv} THEN 1.0 "
           f"ELSE 1.0 - levenshtein({lv}, {rv})::DOUBLE / {longer} END)")
    if kind == "address":
        sim = f"(CASE WHEN coalesce(l.d{j} <> r.d{j}, false) THEN 0.0 ELSE {sim} END)"
    return f"(CASE WHEN {lv} IS NULL OR {rv} IS NULL THEN -1.0 ELSE {sim} END)"


def pair_similarities(table: DataTable, fuzzy: FuzzyRules, pairs: str, count: int,
                      progress: Progress, span: tuple[float, float], *,
                      drop_apart: bool = False,
                      ) -> Iterator[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64],
                                          npt.NDArray[np.float64], npt.NDArray[np.bool_]]]:
    """Yield, per chunk of table ``pairs`` (pid, a, b) in pid order: a, b, similarities,
    kept-apart flags (with ``drop_apart``, pairs a guard keeps apart are left out).

    The similarities are computed by DuckDB in one join of the pairs with ``_cr_fz``
    (vectorised and parallel, strings never leave the engine) into a table of
    numbers, which is then read in chunks of :data:`CHUNK` pairs.
    """
    con = table.conn
    nf = len(fuzzy.fields)
    sims = [f"{_similarity_sql(j, f.kind)} AS s{j}" for j, f in enumerate(fuzzy.fields)]
    apart = _apart_sql(fuzzy)
    where = f" WHERE NOT ({apart})" if drop_apart else ""
    progress("duplicates: scoring", span[0])
    run(con, f"CREATE OR REPLACE TABLE {SIMS} AS SELECT p.pid, p.a, p.b, ({apart}) AS apart, "
             f"{', '.join(sims)} FROM {pairs} p JOIN {FZ} l ON l.rid = p.a "
             f"JOIN {FZ} r ON r.rid = p.b{where} ORDER BY p.pid")
    cols = ", ".join(["a", "b", "apart", *[f"s{j}" for j in range(nf)]])
    try:
        for lo in range(0, count, CHUNK):
            progress("duplicates: scoring",
                     span[0] + (span[1] - span[0]) * (0.5 + 0.5 * lo / max(1, count)))
            data = con.execute(f"SELECT {cols} FROM {SIMS} WHERE pid >= {lo} AND "
                               f"pid < {lo + CHUNK} ORDER BY pid").fetchnumpy()
            size = len(data["a"])
            if size == 0:
                continue
            out = np.empty((size, nf), dtype=np.float64)
            for j in range(nf):
                out[:, j] = np.asarray(data[f"s{j}"], dtype=np.float64)
            yield (np.asarray(data["a"], dtype=np.int64), np.asarray(data["b"], dtype=np.int64),
                   out, np.asarray(data["apart"], dtype=bool))
    finally:
        run(con, f"DROP TABLE IF EXISTS {SIMS}")


def decide(fuzzy: FuzzyRules, sims: npt.NDArray[np.float64],
           ) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
    """Return (matches, score) per pair: the probability (probabilistic) or weighted mean."""
    if fuzzy.method == "probabilistic":
        assert fuzzy.prior is not None
        lev = level_matrix(sims, [f.effective_levels for f in fuzzy.fields])
        prob = probabilities(match_weights(lev, [f.m or () for f in fuzzy.fields],
                                           [f.u or () for f in fuzzy.fields], fuzzy.prior))
        return prob >= fuzzy.match_probability - 1e-12, prob
    weights = np.asarray([f.weight for f in fuzzy.fields], dtype=np.float64)
    present = sims >= 0
    wsum = (present * weights).sum(axis=1)
    score = np.where(wsum > 0, (np.clip(sims, 0, None) * weights).sum(axis=1)
                     / np.where(wsum > 0, wsum, 1), 0.0)
    agreeing = (sims >= fuzzy.agree_at - 1e-9).sum(axis=1)
    ok = ((present.sum(axis=1) >= fuzzy.min_fields) & (agreeing >= fuzzy.min_agreeing)
          & (score >= fuzzy.threshold - 1e-9))
    return ok, score


def score_pairs(table: DataTable, fuzzy: FuzzyRules, candidates: int, progress: Progress,
                span: tuple[float, float]) -> tuple[Matches, int]:
    """Score every candidate pair in chunks; return the matches (and the pairs compared)."""
    nf = len(fuzzy.fields)
    keep_l: list[npt.NDArray[np.int64]] = []
    keep_r: list[npt.NDArray[np.int64]] = []
    keep_s: list[npt.NDArray[np.float64]] = []
    keep_f: list[npt.NDArray[np.float32]] = []
    for a, b, sims, _apart in pair_similarities(table, fuzzy, PAIRS, candidates, progress, span,
                                                drop_apart=True):
        ok, score = decide(fuzzy, sims)
        keep_l.append(a[ok])
        keep_r.append(b[ok])
        keep_s.append(score[ok])
        keep_f.append(sims[ok].astype(np.float32))
    matches = Matches(
        left=np.concatenate(keep_l) if keep_l else np.zeros(0, np.int64),
        right=np.concatenate(keep_r) if keep_r else np.zeros(0, np.int64),
        score=np.concatenate(keep_s) if keep_s else np.zeros(0, np.float64),
        sims=np.concatenate(keep_f) if keep_f else np.zeros((0, nf), np.float32),
        candidates=candidates, skipped_blocks=0, skipped_records=0)
    return matches, candidates


def pairs_sample(con: Any, name: str, count: int, limit: int, order: str) -> tuple[str, int]:
    """Return the pair table to use and its size: :data:`PAIRS` itself when it holds at most
    ``limit`` pairs (``count``), else the table ``name`` of the first ``limit`` by ``order``
    (a seeded hash: reproducible), renumbered by (a, b)."""
    if count <= limit:
        return PAIRS, count
    run(con, f"CREATE OR REPLACE TABLE {name} AS SELECT row_number() OVER (ORDER BY a, b) - 1 "
             f"AS pid, a, b FROM (SELECT a, b FROM {PAIRS} ORDER BY {order} LIMIT {int(limit)})")
    return name, int(limit)


def given_pairs(con: Any, name: str, left: npt.NDArray[np.int64],
                right: npt.NDArray[np.int64]) -> None:
    """Create the pair table ``name`` (pid, a, b) from two arrays of record numbers, in order."""
    con.register(f"{name}_arrays", {"pid": np.arange(len(left), dtype=np.int64),
                                    "a": left, "b": right})
    run(con, f"CREATE OR REPLACE TABLE {name} AS SELECT pid::BIGINT AS pid, a::BIGINT AS a, "
             f"b::BIGINT AS b FROM {name}_arrays")
    con.unregister(f"{name}_arrays")


def score_given_pairs(table: DataTable, fuzzy: FuzzyRules, left: npt.NDArray[np.int64],
                      right: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.float64],
                                                             npt.NDArray[np.float32]]:
    """Return (score, similarities) of the given pairs, in their order (guards ignored)."""
    con = table.conn
    given_pairs(con, "_cr_given", left, right)
    scores: list[npt.NDArray[np.float64]] = []
    sims_all: list[npt.NDArray[np.float32]] = []
    for _a, _b, sims, _apart in pair_similarities(table, fuzzy, "_cr_given", len(left),
                                                  lambda _s, _d: None, (0.0, 0.0)):
        scores.append(decide(fuzzy, sims)[1])
        sims_all.append(sims.astype(np.float32))
    run(con, "DROP TABLE _cr_given")
    nf = len(fuzzy.fields)
    return (np.concatenate(scores) if scores else np.zeros(0),
            np.concatenate(sims_all) if sims_all else np.zeros((0, nf), np.float32))
