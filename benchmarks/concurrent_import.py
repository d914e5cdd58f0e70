"""Benchmark: two concurrent ``questionnaire import`` runs into one answers file, 20 trials.

Each trial starts two real CLI processes at the same moment, importing questionnaires of
two different respondents into a fresh copy of one answers file, then checks that both
respondents are in it. The acceptance of issue 9: 20 of 20 trials keep both.
The test suite runs 3 trials (tests/io/test_answers_store.py).

Run: python benchmarks/concurrent_import.py [--trials 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    from tests.io._concurrent import prepare, trial

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        a, b = prepare(folder)
        kept, times = 0, []
        for i in range(args.trials):
            start = time.perf_counter()
            people = trial(folder / f"t{i}", a, b)
            times.append(time.perf_counter() - start)
            ok = {"Wang Li", "Chen Gong"} <= people
            kept += ok
            print(f"trial {i + 1:2d}: {'both kept' if ok else 'LOST: ' + ', '.join(sorted(people))}"
                  f" ({times[-1]:.1f} s)")
    print(f"both respondents present in {kept} of {args.trials} trials; "
          f"median trial {statistics.median(times):.1f} s")
    sys.exit(0 if kept == args.trials else 1)


if __name__ == "__main__":
    main()
