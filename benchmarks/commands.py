"""Interactive speed of the two commands users run most: ``assess`` and ``demo``.

    python benchmarks/commands.py [--runs 5]

Each run is a fresh interpreter (what a user starts), after one warm-up run that
fills the per-user caches (compiled templates, packaged checklists) exactly as
a user's first run does. Reports the median wall time of ``runs`` runs, the
machine (cores, memory) and its load average, since a loaded machine is slower.
Targets (issue 9): ``assess --answers`` on the demo answers ≤ 0.5 s; ``demo``
≤ 5 s, on the 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"assess": 0.5, "demo": 5.0}


def _run(argv: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "crm_readiness", *argv], cwd=cwd, check=True,
                   capture_output=True, env={**os.environ, "CRM_READINESS_LANG": "en"})
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    import compileall

    import crm_readiness
    from crm_readiness._resources import examples_dir

    compileall.compile_dir(Path(crm_readiness.__file__).parent, quiet=1)
    answers = examples_dir() / "demo" / "answers.yaml"
    commands = {
        "assess": ["assess", "--answers", str(answers), "--out", "reports"],
        "demo": ["demo", "--out", "demo", "--force"],
    }
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(f"machine: {os.cpu_count()} cores, {mem:.1f} GiB; load average before "
          f"{os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp)
        for name, argv in commands.items():
            _run(argv, cwd)  # warm-up: fills the caches as a user's first run does
            times = [_run(argv, cwd) for _ in range(args.runs)]
            med = statistics.median(times)
            verdict = "ok" if med <= TARGETS[name] else "OVER"
            print(f"{name:7s} median {med:.2f} s of {args.runs} (min {min(times):.2f}, "
                  f"max {max(times):.2f}); target ≤ {TARGETS[name]} s: {verdict}")
    print(f"load average after {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
