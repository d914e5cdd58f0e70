"""Benchmark: the finance engine and commands on a small and a large case.

- small: the demo case (3 years, 5 benefit lines, Monte Carlo 10 000 draws), ``roi`` with
  all four formats including the live workbook, in process;
- large: a 30-year case (the horizon's upper bound) with 60 cost lines (one-time, per-seat,
  yearly amounts, staff, VAT, capex) and 30 benefit lines (ramps, drivers, yearly amounts),
  funding, Monte Carlo 100 000 draws over 12 ranged drivers, all four formats, in process;
- tco: ten 10-year vendor cost files compared side by side (one workbook per vendor);
- differential: the 60 generated cases of tests/finance/_generated.py through the engine
  without sensitivity (what the differential test costs).

Run: python benchmarks/finance_cases.py [--runs 5]. Prints the median (and min/max) of
``--runs`` runs after one warm-up run, and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from crm_readiness._resources import examples_dir
from crm_readiness.cli.main import app

DEMO = examples_dir() / "demo"


def _large_files(folder: Path) -> tuple[Path, Path]:
    horizon = 30
    one_time: list[dict[str, Any]] = [
        {"id": f"ot{k}", "name": f"One-time {k}", "category": "implementation",
         "amount": 50_000 + 1_000 * k, "year": k % 3,
         **({"accounting": "capex", "amortisation_years": 5} if k % 4 == 0 else {})}
        for k in range(20)]
    recurring: list[dict[str, Any]] = [
        {"id": f"seat{k}", "name": f"Seats {k}", "category": "software", "per_user": 100 + k,
         "escalation": 0.02} for k in range(15)]
    recurring += [{"id": f"yr{k}", "name": f"Yearly {k}", "category": "hosting",
                   "amounts": [10_000 + 100 * t for t in range(horizon + 1)],
                   "vat_recoverable": k % 2 == 0} for k in range(15)]
    staff = [{"id": f"st{k}", "name": f"Staff {k}", "hours": 200 + k, "people": 2, "rate": 150}
             for k in range(10)]
    costs = {"title": "Large case", "horizon_years": horizon, "discount_rate": 0.08,
             "users": {"initial": 500, "growth": 0.03}, "contingency": 0.1,
             "risk_adjustment": 0.05, "one_time": one_time, "recurring": recurring,
             "staff": staff, "funding": [{"id": "grant", "name": "Grant", "share": 0.3}]}
    benefits: list[dict[str, Any]] = []
    for k in range(10):
        benefits += [
            {"id": f"time{k}", "type": "time_saved", "name": f"Time {k}", "hours": 40,
             "people": 50 + k, "rate": 150, "ramp": [0.3, 0.6, 1.0], "ramp_rest": "last"},
            {"id": f"rev{k}", "type": "revenue_uplift", "name": f"Revenue {k}",
             "baseline_revenue": 20_000_000, "uplift": 0.01, "gross_margin": 0.3,
             "ramp": [0.5, 1.0], "ramp_rest": "last"},
            {"id": f"avoid{k}", "type": "cost_avoided", "name": f"Avoided {k}",
             "amounts": [0] + [40_000] * horizon}]
    ranges = {f"time{k}.hours": {"low": 20, "mode": 40, "high": 60} for k in range(6)}
    ranges.update({f"rev{k}.uplift": {"low": 0.0, "mode": 0.01, "high": 0.03} for k in range(6)})
    bens = {"benefits": benefits, "risk_adjustment": 0.1,
            "sensitivity": {"ranges": ranges, "monte_carlo": {"draws": 100_000, "seed": 1}}}
    c, b = folder / "large-costs.yaml", folder / "large-benefits.yaml"
    c.write_text(yaml.safe_dump(costs), "utf-8")
    b.write_text(yaml.safe_dump(bens), "utf-8")
    return c, b


def _vendor_files(folder: Path) -> list[Path]:
    base = yaml.safe_load((DEMO / "costs-yunfan.yaml").read_text("utf-8"))
    base["horizon_years"] = 10
    paths = []
    for k in range(10):
        data = dict(base, vendor=f"Vendor {k}", title=f"Vendor {k}")
        path = folder / f"costs-v{k}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
        paths.append(path)
    return paths


def _time(label: str, runs: int, fn: Callable[[], None]) -> None:
    fn()  # warm-up: imports, template compilation
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    print(f"  {label:<58} median {statistics.median(times):7.3f} s  "
          f"(min {min(times):.3f}, max {max(times):.3f}, {runs} runs)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runner = CliRunner()

    def command(*argv: str) -> Callable[[], None]:
        def run() -> None:
            result = runner.invoke(app, list(argv))
            assert result.exit_code == 0, result.output
        return run

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        large_c, large_b = _large_files(folder)
        vendors = _vendor_files(folder)
        out = str(folder / "out")
        print("finance benchmarks (in process, after one warm-up run)")
        _time("small: roi demo, 3 years, MC 10 000, md+html+json+xlsx", args.runs,
              command("roi", str(DEMO / "costs.yaml"), str(DEMO / "benefits.yaml"), "--out",
                      out, "--force", "--lang", "en"))
        _time("large: roi 30 years, 60+30 lines, MC 100 000, all formats", args.runs,
              command("roi", str(large_c), str(large_b), "--out", out, "--force",
                      "--lang", "en"))
        _time("tco: ten 10-year vendor files, one workbook each", args.runs,
              command("tco", *map(str, vendors), "--out", out, "--force", "--lang", "en"))

        from crm_readiness.engine.finance import build_case
        from tests.finance._generated import generated_cases

        cases = generated_cases()
        _time("differential: 60 generated cases, engine without sensitivity", args.runs,
              lambda: [build_case(g.costs, g.benefits, explore=False) for g in cases] and None)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
