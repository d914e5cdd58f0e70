"""Clerical review: a sample of borderline pairs for the steward, and their labels read back.

* :func:`draw_review` — after a fuzzy profile, the candidate pairs (all of them,
  or a seeded sample of :data:`MAX_SCAN` when there are more) are scored as the
  profile scored them; those whose score lies in a band around the rules'
  threshold (±:data:`BAND_BITS` of match weight for the probabilistic method,
  ±:data:`BAND_SCORE` for the weighted one) are split into :data:`STRATA` equal
  bands and drawn round-robin, each band in the order of a seeded hash of the
  pair id — the same pairs on every run, at most ``size`` of them.
* a pair id is a hash of both records' *fingerprints* (a hash of the record's
  raw values), so :func:`resolve_labels` maps a label back by row number when
  the record there still has its fingerprint, else by the fingerprint alone (a
  re-exported file with moved rows), and reports a record found nowhere as stale.
* :class:`LabelLinks` is the hook :func:`duplicates.find_duplicates` calls on the
  final links before clustering: "same" pairs become links, and links are taken
  ("same" first, then strongest first) into the clusters only while no
  "different" pair ends in one cluster. It also scores the labelled pairs under
  the rules, which gives the measured precision of the borderline links.

Pure: SQL over the profile's tables and numpy; nothing here reads or writes a file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

import numpy as np
import numpy.typing as npt

from crm_readiness.engine.data.duplicates import CLUSTERS, find_hubs
from crm_readiness.engine.data.formats import ident
from crm_readiness.engine.data.fuzzy import (
    FZ,
    PAIRS,
    Matches,
    build_fields,
    build_pairs,
    decide,
    given_pairs,
    pair_similarities,
    pairs_sample,
)
from crm_readiness.engine.data.linkage import level_matrix
from crm_readiness.engine.data.plan import column_plans
from crm_readiness.engine.data.sql import one, record_ids, rows, run
from crm_readiness.engine.data.table import DataTable, no_progress
from crm_readiness.models.data.clerical import (
    ClericalSample,
    Decision,
    LabelledPair,
    LabelOutcome,
    ReviewField,
    ReviewPair,
    ReviewRecord,
)
from crm_readiness.models.data.rules import DataRules, FuzzyRules

#: at most this many candidate pairs are scored for the sample (a seeded sample beyond).
MAX_SCAN = 250_000
#: the probabilistic band: match weights within this many bits of the threshold's weight.
BAND_BITS = 6.0
#: the weighted band: scores within this distance of the threshold.
BAND_SCORE = 0.15
STRATA = 10
SEED = 20240501
_SEP = "\x1f"
_NULL = "\x1e"


def fingerprint_sql(table: DataTable) -> str:
    """Return the SQL expression of a record's fingerprint (16 hex digits of its raw values)."""
    parts = ", ".join(f"coalesce(CAST({ident(c)} AS VARCHAR), chr(30))" for c in table.columns)
    return f"left(md5(concat_ws(chr(31), {parts})), 16)"


def pair_id(fp_a: str, fp_b: str) -> str:
    """Return the stable id of the pair of records with these fingerprints (order-free)."""
    lo, hi = sorted((fp_a, fp_b))
    return "P" + hashlib.sha1(f"{lo}:{hi}".encode()).hexdigest()[:11].upper()


def _rank(seed: int, pid: str) -> str:
    return hashlib.sha1(f"{seed}:{pid}".encode()).hexdigest()


def score_pairs_of(table: DataTable, fuzzy: FuzzyRules, pairs: str, count: int,
                   ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.bool_],
                              npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Return a, b, the rules' decision (guards applied), score and similarities per pair."""
    out_a, out_b, out_ok, out_s, out_sim = [], [], [], [], []
    for a, b, sims, apart in pair_similarities(table, fuzzy, pairs, count, no_progress,
                                               (0.0, 0.0)):
        ok, score = decide(fuzzy, sims)
        out_a.append(a)
        out_b.append(b)
        out_ok.append(ok & ~apart)
        out_s.append(np.where(apart, -1.0, score))  # a guarded pair is never borderline
        out_sim.append(sims)
    nf = len(fuzzy.fields)
    if not out_a:
        e = np.zeros(0, np.int64)
        return e, e, np.zeros(0, bool), np.zeros(0), np.zeros((0, nf))
    return (np.concatenate(out_a), np.concatenate(out_b), np.concatenate(out_ok),
            np.concatenate(out_s), np.concatenate(out_sim))


def band(fuzzy: FuzzyRules) -> tuple[float, float, float]:
    """Return (threshold, low, high) of the borderline band in score units."""
    if fuzzy.method == "probabilistic":
        t = fuzzy.match_probability
        w = float(np.log2(t / (1 - t)))
        return t, float(1 / (1 + 2 ** -(w - BAND_BITS))), float(1 / (1 + 2 ** -(w + BAND_BITS)))
    t = fuzzy.threshold
    return t, max(0.0, t - BAND_SCORE), min(1.0, t + BAND_SCORE)


def _stratum(fuzzy: FuzzyRules, score: npt.NDArray[np.float64], lo: float,
             hi: float) -> npt.NDArray[np.int64]:
    if fuzzy.method == "probabilistic":
        def logit(x: npt.NDArray[np.float64] | float) -> npt.NDArray[np.float64]:
            x = np.clip(x, 1e-12, 1 - 1e-12)
            return np.asarray(np.log2(x / (1 - x)), dtype=np.float64)
        pos = (logit(score) - logit(lo)) / (logit(hi) - logit(lo))
    else:
        pos = (score - lo) / max(hi - lo, 1e-12)
    return np.clip((pos * STRATA).astype(np.int64), 0, STRATA - 1)


def fingerprints(table: DataTable, records: Sequence[int]) -> dict[int, str]:
    """Return the fingerprint of each given record number."""
    if not records:
        return {}
    con = table.conn
    with record_ids(con, "_cr_rv_rids", records):
        got = rows(con, f"SELECT s.rid, {fingerprint_sql(table)} FROM (SELECT rowid AS rid, * "
                        f"FROM {ident(table.table)}) s SEMI JOIN _cr_rv_rids r ON r.rid = s.rid")
    return {int(r): str(f) for r, f in got}


#: headers that name a record's own id when no column is marked unique (客户编号, customer_id …).
_ID_HEADER = re.compile(r"(?i)^(id|no\.?)$|[_ \-](id|no\.?)$|^(customer|account|"
                        r"client)[_ \-]?(id|no|code|number)$|编号|客户号")


def id_column(rules: DataRules, columns: Sequence[str]) -> str | None:
    """Return the record's own id column: the first one the rules mark unique, else by its name.

    The credit code is not an id of the record (two records of one company share it).
    """
    unique = next((c for c in columns if c in rules.columns and rules.columns[c].unique), None)
    if unique is not None:
        return unique
    return next((c for c in columns if _ID_HEADER.search(c.strip()) and not (
        c in rules.columns and rules.columns[c].format == "cn_uscc")), None)


def agreement(level: int | None, levels: Sequence[float]) -> str:
    """Return a level in words: ``equal``, ``>=0.85``, ``disagree`` or ``empty``."""
    if level is None:
        return "empty"
    if level >= len(levels):
        return "disagree"
    x = levels[level]
    return "equal" if x >= 1.0 - 1e-9 else f">={x:g}"


def _records(table: DataTable, rids: Sequence[int], columns: Sequence[str],
             ) -> dict[int, list[str | None]]:
    if not rids:
        return {}
    con = table.conn
    cols = ", ".join(f"CAST(s.{ident(c)} AS VARCHAR)" for c in columns) or "NULL"
    with record_ids(con, "_cr_rv_rids", rids):
        got = rows(con, f"SELECT s.rid, {cols} FROM (SELECT rowid AS rid, * FROM "
                        f"{ident(table.table)}) s SEMI JOIN _cr_rv_rids r ON r.rid = s.rid")
    return {int(r[0]): list(r[1:]) for r in got}


def _has(table: DataTable, name: str) -> bool:
    return bool(one(table.conn, "SELECT count(*) FROM duckdb_tables() WHERE table_name = ?",
                    [name])[0])


def _ensure_pairs(table: DataTable, rules: DataRules, fuzzy: FuzzyRules) -> None:
    """Rebuild the candidate pairs and compared values if the profile did not keep them."""
    if _has(table, PAIRS) and _has(table, FZ):
        return
    by_name = {p.name: p for p in column_plans(table, rules)}
    _hubs, hub_sql = find_hubs(table, rules, by_name)
    build_fields(table, fuzzy, by_name, hub_sql)
    build_pairs(table, fuzzy, by_name)


def draw_review(table: DataTable, rules: DataRules, size: int, *, seed: int = SEED,
                carried: dict[str, tuple[Decision, str | None]] | None = None,
                ) -> ClericalSample | None:
    """Return the clerical-review sample of a fuzzy profile just run on ``table`` (None: no fuzzy).

    ``carried`` gives decisions already made (by pair id, from ``--labels``):
    they are shown again in the sample.
    """
    dup = rules.duplicates
    if dup is None or dup.fuzzy is None or size <= 0:
        return None
    fuzzy = dup.fuzzy
    con = table.conn
    _ensure_pairs(table, rules, fuzzy)
    candidates = int(one(con, f"SELECT count(*) FROM {PAIRS}")[0])
    scan, scanned = pairs_sample(con, "_cr_rv_scan", candidates, MAX_SCAN,
                                 f"hash(a, b, {int(seed)}), a, b")
    a, b, ok, score, sims = score_pairs_of(table, fuzzy, scan, scanned)
    run(con, "DROP TABLE IF EXISTS _cr_rv_scan")
    threshold, lo, hi = band(fuzzy)
    inside = (score >= lo - 1e-12) & (score <= hi + 1e-12)
    idx = np.flatnonzero(inside)
    strata = _stratum(fuzzy, score[idx], lo, hi)
    fps = fingerprints(table, [int(x) for x in np.concatenate([a[idx], b[idx]]).tolist()])
    ids = [pair_id(fps[int(a[k])], fps[int(b[k])]) for k in idx.tolist()]
    queues: list[list[tuple[str, int, str]]] = [[] for _ in range(STRATA)]
    for pos, (k, s) in enumerate(zip(idx.tolist(), strata.tolist(), strict=True)):
        queues[s].append((_rank(seed, ids[pos]), k, ids[pos]))
    for q in queues:
        q.sort(reverse=True)  # popped from the end: smallest rank first
    chosen: list[tuple[int, str, int]] = []
    while len(chosen) < size and any(queues):
        for s, q in enumerate(queues):
            if q and len(chosen) < size:
                _r, k, pid = q.pop()
                chosen.append((k, pid, s))
    columns = [f.column for f in fuzzy.fields]
    ident_col = id_column(rules, table.columns)
    wanted = columns + ([ident_col] if ident_col and ident_col not in columns else [])
    rids = [int(a[k]) for k, _p, _s in chosen] + [int(b[k]) for k, _p, _s in chosen]
    values = _records(table, rids, wanted)
    clustered: dict[int, int] = {}
    if rids:
        with record_ids(con, "_cr_rv_rids", rids):
            clustered = {int(r): int(c) for r, c in rows(
                con, f"SELECT c.rid, c.cid FROM {CLUSTERS} c SEMI JOIN _cr_rv_rids r "
                     f"ON r.rid = c.rid")}
    levels = [f.effective_levels for f in fuzzy.fields]
    lev = level_matrix(sims[[k for k, _p, _s in chosen]] if chosen else sims[:0], levels)
    carried = carried or {}

    def record(rid: int) -> ReviewRecord:
        file, row = table.locate(rid)
        v = values[rid]
        rid_value = v[wanted.index(ident_col)] if ident_col else None
        return ReviewRecord(record=rid, file=PurePath(file).name, row=row, id=rid_value,
                            fingerprint=fps[rid])

    pairs: list[ReviewPair] = []
    for n, (k, pid, s) in enumerate(chosen):
        ra, rb = int(a[k]), int(b[k])
        fields = []
        for j, col in enumerate(columns):
            sim = float(sims[k, j])
            level = None if lev[n, j] < 0 else int(lev[n, j])
            fields.append(ReviewField(
                column=col, left=values[ra][j], right=values[rb][j],
                similarity=None if sim < 0 else round(sim, 4), level=level,
                levels=len(levels[j]), agreement=agreement(level, levels[j])))
        decision, note = carried.get(pid, (None, None))
        pairs.append(ReviewPair(
            pair_id=pid, left=record(ra), right=record(rb), score=round(float(score[k]), 6),
            model_match=bool(ok[k]),
            same_cluster=ra in clustered and clustered.get(ra) == clustered.get(rb),
            stratum=s, fields=tuple(fields), decision=decision, note=note))
    pairs.sort(key=lambda p: (-p.score, p.pair_id))
    return ClericalSample(
        method=fuzzy.method, threshold=threshold, band=(round(lo, 6), round(hi, 6)),
        strata=STRATA, seed=seed, size=size, scanned_pairs=scanned, candidate_pairs=candidates,
        in_band=len(idx), id_column=ident_col, columns=tuple(columns), pairs=tuple(pairs))


# ---------------------------------------------------------------- labels read back


@dataclass
class ResolvedLabels:
    """Labels mapped onto this run's record numbers."""

    pairs: list[tuple[int, int, LabelledPair]]
    stale: list[tuple[LabelledPair, str]]  # the label and the side ("left"/"right") not found
    moved: int = 0


def _row_record(table: DataTable, file: str | None, row: int) -> int | None:
    sources = table.sources
    if file is not None:
        named = [s for s in sources if PurePath(s.path).name == PurePath(file).name]
        sources = tuple(named) if named else (() if len(sources) > 1 else sources)
    if len(sources) != 1:
        return None
    s = sources[0]
    rid = s.first_record + row - 2
    return rid if 0 <= row - 2 < s.rows else None


def resolve_labels(table: DataTable, labels: Sequence[LabelledPair]) -> ResolvedLabels:
    """Return the labels as record pairs of ``table``: by row when unchanged, else by fingerprint."""
    if not labels:
        return ResolvedLabels([], [])
    at_row: dict[tuple[int, str], int] = {}
    for n, lab in enumerate(labels):
        for side, file, row in (("left", lab.left_file, lab.left_row),
                                ("right", lab.right_file, lab.right_row)):
            rid = _row_record(table, file, row)
            if rid is not None:
                at_row[(n, side)] = rid
    fp_at = fingerprints(table, sorted(set(at_row.values())))
    wanted = sorted({fp for n, lab in enumerate(labels)
                     for side, fp in (("left", lab.left_fingerprint),
                                      ("right", lab.right_fingerprint))
                     if fp_at.get(at_row.get((n, side), -1)) != fp})
    by_fp: dict[str, list[int]] = {}
    if wanted:  # only records not at their row make the whole export be fingerprinted
        con = table.conn
        con.register("_cr_lab_fp", {"fp": np.asarray(wanted, dtype=object)})
        for rid, fp in con.execute(
                f"SELECT rid, fp FROM (SELECT rowid AS rid, {fingerprint_sql(table)} AS fp FROM "
                f"{ident(table.table)}) SEMI JOIN _cr_lab_fp USING (fp) ORDER BY rid"
        ).fetchall():
            by_fp.setdefault(str(fp), []).append(int(rid))
        con.unregister("_cr_lab_fp")
    out = ResolvedLabels([], [])
    for n, lab in enumerate(labels):
        found: dict[str, int] = {}
        for side, fp in (("left", lab.left_fingerprint), ("right", lab.right_fingerprint)):
            rid = at_row.get((n, side))
            if rid is not None and fp_at.get(rid) == fp:
                found[side] = rid
                continue
            other = found.get("left") if side == "right" else None
            options = [r for r in by_fp.get(fp, []) if r != other]
            if options:
                found[side] = options[0]
                out.moved += 1
            else:
                out.stale.append((lab, side))
        if len(found) == 2 and found["left"] != found["right"]:
            x, y = sorted((found["left"], found["right"]))
            out.pairs.append((x, y, lab))
    return out


@dataclass
class LabelLinks:
    """The labels applied to a run's links (the ``links`` hook of the profile)."""

    fuzzy: FuzzyRules
    table: DataTable
    resolved: ResolvedLabels
    source: str
    scored: dict[tuple[int, int], tuple[bool, float]] = field(default_factory=dict)
    forced: int = 0
    dropped: int = 0
    conflicts: int = 0

    def __call__(self, matches: Matches) -> Matches:
        """Return ``matches`` with "same" pairs linked and "different" pairs kept apart."""
        pairs = [(x, y) for x, y, _lab in self.resolved.pairs]
        if pairs:
            left = np.asarray([p[0] for p in pairs], dtype=np.int64)
            right = np.asarray([p[1] for p in pairs], dtype=np.int64)
            given_pairs(self.table.conn, "_cr_lab_pairs", left, right)
            a, b, ok, score, sims = score_pairs_of(self.table, self.fuzzy, "_cr_lab_pairs",
                                                   len(pairs))
            run(self.table.conn, "DROP TABLE _cr_lab_pairs")
            for k in range(len(a)):
                self.scored[(int(a[k]), int(b[k]))] = (bool(ok[k]), float(max(score[k], 0.0)))
        else:
            sims = np.zeros((0, len(self.fuzzy.fields)))
        decided = {(x, y): lab.decision for x, y, lab in self.resolved.pairs}
        same = [p for p, d in decided.items() if d == "same"]
        apart = [p for p, d in decided.items() if d == "different"]
        span = int(max(matches.left.max(initial=0), matches.right.max(initial=0),
                       max((max(p) for p in decided), default=0))) + 1
        have = set((matches.left * span + matches.right).tolist())
        new = [p for p in same if p[0] * span + p[1] not in have]
        self.forced = len(new)
        index = {p: k for k, p in enumerate(pairs)}
        if new:
            nl = np.asarray([p[0] for p in new], dtype=np.int64)
            nr = np.asarray([p[1] for p in new], dtype=np.int64)
            ns = np.asarray([self.scored[p][1] for p in new], dtype=np.float64)
            nsim = np.asarray([sims[index[p]] for p in new], dtype=np.float32)
            matches = Matches(np.concatenate([matches.left, nl]),
                              np.concatenate([matches.right, nr]),
                              np.concatenate([matches.score, ns]),
                              np.concatenate([matches.sims, nsim.reshape(len(new), -1)]),
                              matches.candidates, matches.skipped_blocks,
                              matches.skipped_records)
        if not apart:
            return matches
        keep = self._constrained(matches, set(same), apart, span)
        self.dropped = int(len(keep) - keep.sum())
        return Matches(matches.left[keep], matches.right[keep], matches.score[keep],
                       matches.sims[keep], matches.candidates, matches.skipped_blocks,
                       matches.skipped_records)

    def _constrained(self, matches: Matches, same: set[tuple[int, int]],
                     apart: list[tuple[int, int]], span: int) -> npt.NDArray[np.bool_]:
        """Return which links to keep: "same" first, then strongest first, none joining apart."""
        codes = matches.left * span + matches.right
        is_same = np.isin(codes, np.asarray([x * span + y for x, y in same], dtype=np.int64))
        order = np.lexsort((np.arange(len(codes)), -matches.score, ~is_same))
        parent: dict[int, int] = {}
        cannot: dict[int, set[int]] = {}  # root → records its cluster must not hold
        for x, y in apart:
            cannot.setdefault(x, set()).add(y)
            cannot.setdefault(y, set()).add(x)

        def find(v: int) -> int:
            parent.setdefault(v, v)
            while parent[v] != v:
                parent[v] = parent[parent[v]]
                v = parent[v]
            return v

        keep = np.zeros(len(codes), dtype=bool)
        left, right = matches.left.tolist(), matches.right.tolist()
        for k in order.tolist():
            ra, rb = find(left[k]), find(right[k])
            if ra == rb:
                keep[k] = True
                continue
            ca, cb = cannot.get(ra), cannot.get(rb)
            if ca and cb and (any(find(v) == rb for v in ca) or any(find(v) == ra for v in cb)):
                if is_same[k]:
                    self.conflicts += 1
                continue
            keep[k] = True
            if len(ca or ()) < len(cb or ()):
                ra, rb, ca, cb = rb, ra, cb, ca
            parent[rb] = ra
            if cb:
                cannot.setdefault(ra, set()).update(cb)
                cannot.pop(rb, None)
        return keep

    def outcome(self) -> LabelOutcome:
        """Return what the labels did and what they measured of the rules' borderline links."""
        counts = {"same": 0, "different": 0, "unsure": 0}
        linked = confirmed = rejected = missed = 0
        expected: list[float] = []
        for x, y, lab in self.resolved.pairs:
            counts[lab.decision] += 1
            if lab.decision == "unsure":
                continue
            ok, score = self.scored.get((x, y), (False, 0.0))
            if ok:
                linked += 1
                expected.append(score)
                if lab.decision == "same":
                    confirmed += 1
                else:
                    rejected += 1
            elif lab.decision == "same":
                missed += 1
        decided = confirmed + rejected
        return LabelOutcome(
            source=self.source, labelled=len(self.resolved.pairs), same=counts["same"],
            different=counts["different"], unsure=counts["unsure"], moved=self.resolved.moved,
            linked=linked, confirmed=confirmed, rejected=rejected, missed=missed,
            measured_precision=round(confirmed / decided, 4) if decided else None,
            expected_precision=(round(float(np.mean(expected)), 4)
                                if expected and self.fuzzy.method == "probabilistic" else None),
            forced_links=self.forced, kept_apart=self.dropped, conflicts=self.conflicts)
