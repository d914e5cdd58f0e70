"""Benchmark ``data profile`` on the synthetic export: medians, peak memory, duplicate accuracy.

    python benchmarks/data_profile.py                 # 1 000 000-row CSV + 100 000-row XLSX
    python benchmarks/data_profile.py --rows 200000 --xlsx-rows 20000 --runs 3

Each run is a fresh subprocess (so its peak RSS is its own) that loads the
file into DuckDB and profiles it; the time is load + profile, measured inside
the process. Scenarios: CSV without fuzzy duplicates (target ≤ 10 s median),
CSV with fuzzy duplicate clusters (≤ 90 s), XLSX with fuzzy clusters. Peak
memory target ≤ 3 GiB. Duplicate precision/recall are pairwise against the
generator's known groups (targets ≥ 0.95 / ≥ 0.90). Inputs are cached under
``--cache`` (generating a million rows takes a while).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
import numpy as np
from crm_readiness.engine.data import ProfileOptions, profile
from crm_readiness.io.data_sources import load_rules, open_export
path, rules_path, fuzzy, pairs_out = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4]
t0 = time.perf_counter()
with open_export([Path(path)]) as table:
    t_load = time.perf_counter() - t0
    rules = load_rules(Path(rules_path), table.columns)
    result = profile(table, rules, ProfileOptions(fuzzy=fuzzy, rules_source=rules_path))
    elapsed = time.perf_counter() - t0
    pairs = table.conn.execute("SELECT a.rid, b.rid FROM _cr_clusters a JOIN _cr_clusters b "
                               "ON a.cid = b.cid AND a.rid < b.rid").fetchnumpy()
    np.save(pairs_out, np.stack([np.asarray(pairs["rid"]), np.asarray(pairs["rid_1"])]))
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": elapsed, "load": t_load, "rss": rss, "rows": result.rows,
                  "score": result.readiness.value, "candidates": result.duplicates.candidate_pairs,
                  "clusters": result.duplicates.clusters}))
"""


def _ensure(path: Path, rows: int, seed: int) -> None:
    if path.exists():
        return
    sys.path.insert(0, str(Path(__file__).parent))
    from data_generate import write_xlsx  # type: ignore[import-not-found]

    from crm_readiness.engine.data.synthetic import RULES_YAML
    from crm_readiness.workflows.data import write_synthetic_csv as write_csv

    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"generating {path} ({rows:,} rows) …", flush=True)
    if path.suffix == ".xlsx":
        write_xlsx(path, rows, seed)
    else:
        write_csv(path, rows, seed)
    path.with_name("rules.yaml").write_text(RULES_YAML, encoding="utf-8")


def _accuracy(pairs_file: Path, rows: int, seed: int) -> tuple[float, float]:
    import numpy as np

    from crm_readiness.engine.data.synthetic import generate

    found_arr = np.load(pairs_file)
    found = set(zip(found_arr[0].tolist(), found_arr[1].tolist(), strict=True))
    _, truth = generate(rows, seed)
    true = truth.pairs()
    hit = len(found & true)
    return hit / max(1, len(found)), hit / max(1, len(true))


def scenario(name: str, path: Path, rows: int, seed: int, fuzzy: bool, runs: int,
             tmp: Path) -> dict[str, object]:
    """Run one scenario ``runs`` times; return medians, peak memory and accuracy."""
    times: list[float] = []
    loads: list[float] = []
    rss: list[int] = []
    pairs_file = tmp / f"{name}-pairs.npy"
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", CHILD, str(path),
                               str(path.with_name("rules.yaml")), "1" if fuzzy else "0",
                               str(pairs_file)], capture_output=True, text=True, check=True)
        out = json.loads(proc.stdout.strip().splitlines()[-1])
        times.append(out["seconds"])
        loads.append(out["load"])
        rss.append(out["rss"])
    precision, recall = _accuracy(pairs_file, rows, seed)
    return {"scenario": name, "rows": rows, "runs": runs,
            "median_s": round(statistics.median(times), 2),
            "min_s": round(min(times), 2), "max_s": round(max(times), 2),
            "median_load_s": round(statistics.median(loads), 2),
            "peak_rss_gib": round(max(rss) / 2**30, 2),
            "precision": round(precision, 4), "recall": round(recall, 4)}


def main() -> None:
    """Run the scenarios and print one JSON line each, then a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20240501)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/crm-readiness-bench"))
    parser.add_argument("--only", choices=["csv", "fuzzy", "xlsx"], action="append")
    args = parser.parse_args()
    csv_path = args.cache / f"csv-{args.rows}-{args.seed}" / "customers.csv"
    xlsx_path = args.cache / f"xlsx-{args.xlsx_rows}-{args.seed}" / "customers.xlsx"
    wanted = args.only or ["csv", "fuzzy", "xlsx"]
    results = []
    if {"csv", "fuzzy"} & set(wanted):
        _ensure(csv_path, args.rows, args.seed)
    if "csv" in wanted:
        results.append(scenario("csv-no-fuzzy", csv_path, args.rows, args.seed, False,
                                args.runs, args.cache))
        print(json.dumps(results[-1]), flush=True)
    if "fuzzy" in wanted:
        results.append(scenario("csv-fuzzy", csv_path, args.rows, args.seed, True, args.runs,
                                args.cache))
        print(json.dumps(results[-1]), flush=True)
    if "xlsx" in wanted:
        _ensure(xlsx_path, args.xlsx_rows, args.seed)
        results.append(scenario("xlsx-fuzzy", xlsx_path, args.xlsx_rows, args.seed, True,
                                args.runs, args.cache))
        print(json.dumps(results[-1]), flush=True)
    print(f"\n{'scenario':<14}{'rows':>11}{'median s':>10}{'load s':>8}{'peak GiB':>10}"
          f"{'precision':>11}{'recall':>8}")
    for r in results:
        print(f"{r['scenario']:<14}{r['rows']:>11,}{r['median_s']:>10}{r['median_load_s']:>8}"
              f"{r['peak_rss_gib']:>10}{r['precision']:>11}{r['recall']:>8}")


if __name__ == "__main__":
    main()
