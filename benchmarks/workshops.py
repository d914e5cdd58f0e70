"""Benchmark: a 60-person workshop on the packaged checklists.

Exports the six role questionnaires, fills 60 copies programmatically (10 per role, every
question answered), imports them into one answers file, then assesses (consensus over ~60
respondents), saves a snapshot, compares two snapshots and builds the plan with all
formats. Target: import of 60 workbooks under 10 s, assess + reports under 3 s.

Run: python benchmarks/workshops.py [--runs 3] [--people 60]
Prints the median and spread of each step over the runs and the peak memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl

from crm_readiness._resources import examples_dir
from crm_readiness.engine.plan import build_plan
from crm_readiness.engine.scoring import assess
from crm_readiness.io.assessment import load_answers
from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.models import questionnaire as L
from crm_readiness.models.checklist import ROLES, ChoiceScale
from crm_readiness.render.plan import PLAN_RENDERERS
from crm_readiness.workflows.assessment import write_reports
from crm_readiness.workflows.workshop import (
    compare_snapshots,
    export_questionnaires,
    import_questionnaires,
    take_snapshot,
)


def fill(path: Path, name: str, rng: random.Random, sets) -> None:  # type: ignore[no-untyped-def]
    """Answer every question of a questionnaire at random (valid values)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[L.QUESTIONS_SHEET]
    ws[L.NAME_CELL] = name
    for row in range(L.FIRST_ROW, ws.max_row + 1):
        qid = ws.cell(row=row, column=L.COL_ID).value
        if not qid:
            continue
        scale = sets.scale_of(sets.question(qid)[1])
        value = (rng.choice(scale.choices).value if isinstance(scale, ChoiceScale)
                 else rng.randint(int(scale.min), int(scale.max)))
        ws.cell(row=row, column=L.COL_ANSWER).value = value
        ws.cell(row=row, column=L.COL_NOTE).value = "=looks like a formula, is a note"
    wb.save(path)


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def one_run(people: int) -> dict[str, float]:
    sets = load_checklist_set()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        answers_path = root / "answers.yaml"
        shutil.copyfile(examples_dir() / "demo" / "answers.yaml", answers_path)
        answers = load_answers(answers_path, sets)
        times: dict[str, float] = {}
        times["export 6 roles"] = timed(lambda: export_questionnaires(
            sets, answers, list(ROLES), root / "q"))
        filled: list[Path] = []
        for i in range(people):
            role = ROLES[i % len(ROLES)]
            target = root / "filled" / f"{role}-{i}.xlsx"
            target.parent.mkdir(exist_ok=True)
            shutil.copyfile(root / "q" / f"questionnaire-{role}.xlsx", target)
            fill(target, f"person-{i}", rng, sets)
            filled.append(target)
        times[f"import {people} workbooks"] = timed(
            lambda: import_questionnaires(filled, answers_path, sets))
        merged = load_answers(answers_path, sets)
        holder: dict[str, object] = {}

        def run_assess() -> None:
            result = assess(sets, merged, now=datetime(2026, 7, 1, tzinfo=UTC))
            holder["r"] = result
            write_reports(result, root / "out", ["html", "md", "json", "xlsx"], "en",
                          force=True)

        times["assess + 4 formats"] = timed(run_assess)
        result = holder["r"]
        take_snapshot(answers_path, "a", result)  # type: ignore[arg-type]
        take_snapshot(answers_path, "b", result)  # type: ignore[arg-type]
        times["compare"] = timed(lambda: compare_snapshots(answers_path, "a", "b"))

        def run_plan() -> None:
            plan = build_plan(result, date(2026, 12, 28))  # type: ignore[arg-type]
            for render in PLAN_RENDERERS.values():
                render(plan, "en")

        times["plan + 4 formats"] = timed(run_plan)
        times["respondents"] = float(len(merged.respondents))
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--people", type=int, default=60)
    args = parser.parse_args()
    runs = [one_run(args.people) for _ in range(args.runs)]
    for key in runs[0]:
        values = [r[key] for r in runs]
        if key == "respondents":
            print(f"{key:>24}: {values[0]:.0f}")
            continue
        print(f"{key:>24}: median {statistics.median(values):6.3f} s "
              f"(min {min(values):.3f}, max {max(values):.3f}, {len(values)} runs)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory':>24}: {peak:.0f} MB")


if __name__ == "__main__":
    main()
