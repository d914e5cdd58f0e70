"""Benchmark: ``review`` of 50 KPIs × 24 months plus a 1,000-user × 365-day adoption export.

Issue 13's acceptance: ≤ 2 s (median of 5). Each run is the workflow a user runs —
read and check the register against the checklists and the business case, read the
adoption export (365,000 rows), review, re-forecast, render md, html and json and
write them — timed in-process after one warm-up run (imports excluded).

Run: python benchmarks/review.py [--runs 5] [--kpis 50] [--months 24] [--users 1000] [--days 365]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

START = date(2027, 1, 1)


def register(n: int, months: int) -> str:
    rng = random.Random(13)
    out = ["year1_start: 2027-01-01", f"as_of: {START + timedelta(days=30 * months)}", "kpis:"]
    drivers = ("revenue_uplift", "sales_time", "service_time", "churn", "legacy_retired")
    for k in range(n):
        out += [f"  - id: kpi_{k}", f"    name: {{en: KPI {k}, zh: 指标 {k}}}",
                "    direction: higher", f"    benefit: {drivers[k % len(drivers)]}",
                "    baseline: {value: 100, date: 2026-12-01}",
                f"    target: {{value: 150, date: {START + timedelta(days=30 * months + 200)}}}",
                "    measurements:"]
        out += [f"      - {{date: {START + timedelta(days=30 * m)}, "
                f"value: {100 + m * rng.uniform(0.5, 2.5):.2f}}}" for m in range(1, months + 1)]
    return "\n".join(out) + "\n"


def export(users: int, days: int) -> str:
    rng = random.Random(7)
    lines = ["user,team,date,records_created,records_updated,logins"]
    for u in range(users):
        for d in range(days):
            on = rng.random() < 0.7
            lines.append(f"u{u},t{u % 8},{START + timedelta(days=d)},"
                         f"{rng.randint(0, 5) if on else 0},{rng.randint(0, 5) if on else 0},"
                         f"{1 if on else 0}")
    return "\n".join(lines) + "\n"


def main() -> None:
    from crm_readiness._resources import examples_dir
    from crm_readiness.workflows.review import review, write_review

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--kpis", type=int, default=50)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args()
    demo = examples_dir() / "demo"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "kpis.yaml").write_text(register(args.kpis, args.months), "utf-8")
        (folder / "adoption.csv").write_text(export(args.users, args.days), "utf-8")
        times = []
        for i in range(args.runs + 1):
            start = time.perf_counter()
            result = review(folder / "kpis.yaml", costs=demo / "costs.yaml",
                            benefits=demo / "benefits.yaml", adoption=folder / "adoption.csv")
            write_review(result, folder / f"out{i}", ["md", "html", "json"], "en")
            elapsed = time.perf_counter() - start
            if i:  # the first run warms the imports
                times.append(elapsed)
                print(f"run {i}: {elapsed:.2f} s")
        assert result.adoption is not None and result.adoption.users == args.users
        start = time.perf_counter()
        for _ in range(10_000_000):
            pass
        loop = time.perf_counter() - start
        print(f"{args.kpis} KPIs × {args.months} months + {args.users} users × {args.days} days: "
              f"median {statistics.median(times):.2f} s of {args.runs}")
        print(f"machine calibration: an empty 10-million-step Python loop took {loop:.2f} s "
              f"(about 0.25 s on an idle core): compare the median with that in mind")


if __name__ == "__main__":
    main()
