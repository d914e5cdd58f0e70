"""Benchmark: `crm-readiness roi` on a 10-year case, Monte Carlo 10 000 draws × 12 drivers,
all four formats including the live workbook. Target: median under 2 s.

Run: python benchmarks/finance_roi.py [--runs 5]
Prints the median and spread of in-process runs (the whole command: load, engine with
tornado/scenarios/Monte Carlo/break-even, terminal tables, md/html/json/xlsx), the median
of end-to-end subprocess runs (Python start-up included) and the peak memory.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from typer.testing import CliRunner

from crm_readiness._resources import examples_dir
from crm_readiness.cli.main import app

HORIZON = 10


def make_inputs(folder: Path) -> tuple[Path, Path]:
    """Write the demo case stretched to a 10-year horizon (12 ranged drivers)."""
    demo = examples_dir() / "demo"
    costs = yaml.safe_load((demo / "costs.yaml").read_text("utf-8"))
    costs["horizon_years"] = HORIZON
    costs["one_time"].append({"id": "upgrade", "name": "Mid-life upgrade", "category":
                              "implementation", "amount": 300000, "year": 5})
    benefits = yaml.safe_load((demo / "benefits.yaml").read_text("utf-8"))
    assert len(benefits["sensitivity"]["ranges"]) == 12
    benefits["sensitivity"]["monte_carlo"]["draws"] = 10_000
    c, b = folder / "costs.yaml", folder / "benefits.yaml"
    c.write_text(yaml.safe_dump(costs, allow_unicode=True), "utf-8")
    b.write_text(yaml.safe_dump(benefits, allow_unicode=True), "utf-8")
    return c, b


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        costs, benefits = make_inputs(folder)
        command = ["roi", str(costs), str(benefits), "--out", str(folder / "out"),
                   "--format", "md,html,json,xlsx", "--force", "--lang", "en"]
        runner.invoke(app, command)  # warm-up: imports, template compilation
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            result = runner.invoke(app, command)
            times.append(time.perf_counter() - start)
            assert result.exit_code == 0, result.output
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        cold = []
        for _ in range(max(3, args.runs // 2)):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", "from crm_readiness.cli.main import main; "
                            "main()", *command], check=True, capture_output=True)
            cold.append(time.perf_counter() - start)
    print(f"roi, {HORIZON}-year horizon, Monte Carlo 10000 draws x 12 drivers, md+html+json+xlsx")
    print(f"  in-process : median {statistics.median(times):.3f} s  "
          f"(min {min(times):.3f}, max {max(times):.3f}, {args.runs} runs)")
    print(f"  subprocess : median {statistics.median(cold):.3f} s  (Python start-up included, "
          f"{len(cold)} runs)")
    print(f"  peak memory: {peak_mb:.0f} MiB (in-process runner)")
    target = 2.0
    status = "OK" if statistics.median(cold) < target else "SLOWER THAN TARGET"
    print(f"  target     : median < {target:.1f} s end to end -> {status}")


if __name__ == "__main__":
    main()
