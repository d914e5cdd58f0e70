"""Benchmark ``data map`` drafting and ``data rehearse`` on the synthetic export.

    python benchmarks/data_rehearse.py                      # 1 000 000 rows, median of 3
    python benchmarks/data_rehearse.py --rows 200000 --runs 3

Each run is a fresh subprocess (its peak RSS is its own): load the CSV into
DuckDB, draft the mapping onto the generic target schema, rehearse it against
the generic and the demo's Yunfan schema (the comparison), and report the
times of each step, the peak RSS and the forecast (expected loaded/rejected),
which must not depend on the size beyond proportion. Inputs are cached under
``--cache``.
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
from crm_readiness._resources import examples_dir
from crm_readiness.engine.data.mapping import draft_mapping
from crm_readiness.engine.data.rehearse import rehearse
from crm_readiness.io.data_sources import open_export
from crm_readiness.io.target_files import load_target
generic = load_target(examples_dir() / "target" / "generic-crm.yaml")
yunfan = load_target(examples_dir() / "demo" / "target-yunfan.yaml")
t0 = time.perf_counter()
with open_export([Path(sys.argv[1])]) as table:
    t_load = time.perf_counter() - t0
    draft = draft_mapping(table, generic)
    t_map = time.perf_counter() - t0 - t_load
    first = rehearse(table, generic, draft.mapping)
    second = rehearse(table, yunfan, draft_mapping(table, yunfan).mapping)
    t_rehearse = time.perf_counter() - t0 - t_load - t_map
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"load": t_load, "map": t_map, "rehearse": t_rehearse, "rss": rss,
                  "rows": table.rows, "loaded": first.expected_loaded,
                  "rejected": first.expected_rejected,
                  "yunfan_rejected": second.expected_rejected}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=Path(".bench-cache"))
    args = parser.parse_args()
    path = args.cache / f"customers-{args.rows}.csv"
    if not path.exists():
        from crm_readiness.workflows.data import write_synthetic_csv

        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"generating {path} ({args.rows:,} rows) …", flush=True)
        write_synthetic_csv(path, args.rows)
    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", CHILD, str(path)], check=True,
                             capture_output=True, text=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    med = {k: statistics.median(r[k] for r in runs) for k in ("load", "map", "rehearse", "rss")}
    print(f"{args.rows:,} rows, median of {args.runs}: load {med['load']:.1f} s, "
          f"map {med['map']:.1f} s, rehearse ×2 targets {med['rehearse']:.1f} s, "
          f"peak RSS {med['rss'] / 2**30:.2f} GiB")
    last = runs[-1]
    print(f"forecast (generic): {last['loaded']:,} loaded, {last['rejected']:,} rejected; "
          f"Yunfan: {last['yunfan_rejected']:,} rejected")


if __name__ == "__main__":
    main()
