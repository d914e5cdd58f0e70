"""Zero-config duplicate accuracy: ``data rules init``'s draft, unedited, on the seeded generator.

    python benchmarks/data_accuracy.py                       # 200 000 rows, 3 runs
    python benchmarks/data_accuracy.py --rows 20000 1000000 --runs 1

For each size: generate the export (seed 20240501, cached under ``--cache``),
then in a fresh subprocess per run draft the rules from the data (the
Fellegi–Sunter m/u and prior estimated by EM, exactly what ``data rules init``
writes) and profile with them. Printed: pairwise precision and recall of the
clusters against the generator's known duplicate groups, the report's stated
precision estimate and its distance from the measured precision, and the
median time of draft + profile. Acceptance (issue 16): precision ≥ 0.98,
recall ≥ 0.95, |estimate − precision| ≤ 0.03 at 200 k rows.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, sys, time
from pathlib import Path
import numpy as np
from crm_readiness.engine.data import ProfileOptions, profile
from crm_readiness.engine.data.infer import draft_rules
from crm_readiness.io.data_sources import open_export
path, pairs_out = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
with open_export([Path(path)]) as table:
    rules = draft_rules(table)
    t_draft = time.perf_counter() - t0
    result = profile(table, rules, ProfileOptions(fuzzy=True, max_listed_clusters=0))
    elapsed = time.perf_counter() - t0
    got = table.conn.execute("SELECT a.rid, b.rid FROM _cr_clusters a JOIN _cr_clusters b "
                             "ON a.cid = b.cid AND a.rid < b.rid").fetchnumpy()
    np.save(pairs_out, np.stack([np.asarray(got["rid"]), np.asarray(got["rid_1"])]))
print(json.dumps({"seconds": elapsed, "draft": t_draft,
                  "estimate": result.duplicates.precision_estimate,
                  "candidates": result.duplicates.candidate_pairs,
                  "key_links": result.duplicates.key_links}))
"""

SEED = 20240501


def truth_pairs(rows: int) -> set[tuple[int, int]]:
    """Return the pairs of records (a < b) of one customer in the seeded export of ``rows`` rows."""
    from crm_readiness.engine.data.synthetic import generate

    return generate(rows, SEED)[1].pairs()


def cluster_pairs(clusters: list[list[int]]) -> set[tuple[int, int]]:
    """Return the record pairs (a < b) that ``clusters`` (lists of record numbers) join."""
    return {(a, b) for c in map(sorted, clusters) for k, a in enumerate(c) for b in c[k + 1:]}


def score(found: set[tuple[int, int]], true: set[tuple[int, int]]) -> tuple[float, float]:
    """Return the pairwise (precision, recall) of the pairs ``found`` against the ``true`` ones."""
    hit = len(found & true)
    return hit / max(1, len(found)), hit / max(1, len(true))


def _accuracy(pairs_file: Path, rows: int) -> tuple[float, float]:
    import numpy as np

    arr = np.load(pairs_file)
    return score(set(zip(arr[0].tolist(), arr[1].tolist(), strict=True)), truth_pairs(rows))


def measure(rows: int, runs: int, cache: Path) -> dict[str, object]:
    """Return precision, recall, the stated estimate and the median time at ``rows`` rows."""
    from crm_readiness.workflows.data import write_synthetic_csv

    path = cache / f"accuracy-{rows}.csv"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        print(f"generating {path} ({rows:,} rows) …", flush=True)
        write_synthetic_csv(path, rows, SEED)
    times: list[float] = []
    last: dict[str, object] = {}
    pairs = cache / f"accuracy-{rows}-pairs.npy"
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", CHILD, str(path), str(pairs)],
                             check=True, capture_output=True, text=True)
        last = json.loads(out.stdout.strip().splitlines()[-1])
        times.append(float(str(last["seconds"])))
    precision, recall = _accuracy(pairs, rows)
    estimate = last["estimate"]
    return {"rows": rows, "precision": round(precision, 4), "recall": round(recall, 4),
            "estimate": estimate,
            "estimate_error": None if estimate is None
            else round(abs(float(str(estimate)) - precision), 4),
            "median_seconds": round(statistics.median(times), 2), "runs": runs,
            "draft_seconds": round(float(str(last["draft"])), 2),
            "candidate_pairs": last["candidates"], "key_links": last["key_links"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, nargs="+", default=[200_000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cache", type=Path, default=Path(".bench-cache"))
    args = ap.parse_args()
    for rows in args.rows:
        got = measure(rows, args.runs, args.cache)
        print(json.dumps(got), flush=True)
        ok = (float(str(got["precision"])) >= 0.98 and float(str(got["recall"])) >= 0.95
              and got["estimate_error"] is not None and float(str(got["estimate_error"])) <= 0.03)
        print(f"{rows:>9,} rows: precision {got['precision']}, recall {got['recall']}, "
              f"estimate {got['estimate']} (off by {got['estimate_error']}), "
              f"median {got['median_seconds']} s of {got['runs']} — "
              f"{'meets' if ok else 'MISSES'} the acceptance", flush=True)


if __name__ == "__main__":
    main()
