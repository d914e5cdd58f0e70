"""Benchmark: the vendor comparison workbook for 10 vendors × 500 requirements. Target < 3 s.

Run: python benchmarks/vendors_workbook.py [--runs 5]
Builds a synthetic catalogue (500 requirements over 8 modules) and vendors file (10
vendors, 8 criteria with AHP weights, numeric costs, comments on 10% of responses), then
times in-process runs of the whole ``vendors compare --format xlsx`` path: load and
validate both files, engine (fits, AHP, knockouts, flip points, 10 000-draw Monte Carlo)
and the live workbook. Prints the median, min and max, the engine and workbook shares, the
workbook size and the peak memory (ru_maxrss).
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import yaml

from crm_readiness.engine.vendors import compare
from crm_readiness.io.vendors import load_vendors
from crm_readiness.render.vendors.workbook import render_comparison_workbook
from crm_readiness.workflows.vendors import run_compare, write_comparison

MODULES = ["sales", "marketing", "service", "platform", "bi_ai", "integration", "security",
           "non_functional"]
CRITERIA = ["functional_fit", "usability", "extensibility", "integration", "industry",
            "implementation", "security", "cost"]
CODES = ["native"] * 5 + ["configurable"] * 3 + ["custom", "third_party", "roadmap",
                                                 "not_supported"]


def make_inputs(folder: Path, n_req: int = 500, n_vendors: int = 10) -> Path:
    """Write the synthetic catalogue and vendors file; return the vendors file."""
    rnd = random.Random(42)
    reqs = [{"id": f"R-{i:04d}", "module": MODULES[i % len(MODULES)],
             "priority": ["must", "should", "could"][i % 3] if i % 7 else "must",
             "title": {"en": f"Requirement {i}", "zh": f"需求 {i}"},
             "description": {"en": "A requirement description of typical length for a "
                                   "catalogue entry.", "zh": "典型长度的需求描述。"}}
            for i in range(n_req)]
    (folder / "requirements.yaml").write_text(yaml.safe_dump(
        {"requirements": reqs}, allow_unicode=True), "utf-8")
    ahp = {a: {b: rnd.choice([1, 2, 3, "1/2"]) for b in CRITERIA[i + 1:]}
           for i, a in enumerate(CRITERIA[:-1])}
    crit = [{"id": c, "name": {"en": c, "zh": c},
             **({"kind": c} if c in ("functional_fit", "cost") else {})} for c in CRITERIA]
    vendors = []
    for v in range(n_vendors):
        responses = {}
        for r in reqs:
            code = rnd.choice(CODES) if r["priority"] != "must" or v % 3 else "native"
            responses[r["id"]] = ({"response": code, "comment": "=see appendix"}
                                  if rnd.random() < 0.1 else code)
        vendors.append({"id": f"v{v}", "name": f"Vendor {v}", "cost": 1_000_000 + 50_000 * v,
                        "scores": {c: rnd.choice([2, 3, 3.5, 4, 5]) for c in CRITERIA[1:-1]},
                        "responses": responses})
    doc = {"requirements": "requirements.yaml", "budget": {"min": 900_000, "max": 1_600_000},
           "ahp": {"comparisons": ahp}, "criteria": crit, "vendors": vendors}
    path = folder / "vendors.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        vendors = make_inputs(folder)
        totals, engine, book = [], [], []
        size = 0
        for i in range(args.runs):
            t0 = time.perf_counter()
            run = run_compare(vendors, accept_inconsistent=True)
            paths = write_comparison(run, folder / f"out{i}", ["xlsx"], "en", force=True)
            totals.append(time.perf_counter() - t0)
            size = paths[0].stat().st_size
            vf, cat, _ = load_vendors(vendors)
            t1 = time.perf_counter()
            res = compare(cat, vf, accept_inconsistent=True)
            t2 = time.perf_counter()
            render_comparison_workbook(res, cat, "en", datetime.now(UTC))
            t3 = time.perf_counter()
            engine.append(t2 - t1)
            book.append(t3 - t2)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"vendors compare --format xlsx, 10 vendors × 500 requirements, {args.runs} runs")
    print(f"  total   median {statistics.median(totals):.2f} s "
          f"(min {min(totals):.2f}, max {max(totals):.2f})  target < 3 s")
    print(f"  engine  median {statistics.median(engine):.2f} s")
    print(f"  workbook median {statistics.median(book):.2f} s ({size / 1024:.0f} KiB)")
    print(f"  peak memory {peak_mb:.0f} MiB")


if __name__ == "__main__":
    main()
