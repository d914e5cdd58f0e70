"""The implementation plan: benchmark durations, stretches with reasons, dates over year ends."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from crm_readiness.cli.main import app
from crm_readiness.engine.plan import build_plan
from crm_readiness.engine.scoring import assess
from crm_readiness.models.answers import AnswersFile
from crm_readiness.models.assessment import AssessmentResult
from crm_readiness.models.checklist import ChecklistSet
from crm_readiness.models.plan import ImplementationPlan
from crm_readiness.render import Format
from crm_readiness.render.plan import PLAN_RENDERERS, stretch_text
from tests.conftest import no_traceback

BEST = {"strategy.sponsor": {"value": "yes"}, "strategy.kpis": {"value": "managed"},
        "strategy.processes": {"value": "managed"}, "data.owner": {"value": "yes"},
        "data.accuracy": {"value": 99}, "data.dedup": {"value": "managed"}}
BASE = {"organization": "Acme", "size": "mid", "users": 80, "deployment": "saas",
        "integrations": [], "data_migration": False, "customization": "light"}


def _result(checklists: ChecklistSet, answers: dict[str, Any] | None = None,
            **profile: Any) -> AssessmentResult:
    data = {"profile": {**BASE, **profile}, "answers": answers or BEST}
    return assess(checklists, AnswersFile.model_validate(data))


def _weeks(plan: ImplementationPlan) -> dict[str, int]:
    return {s.id: s.weeks for s in plan.stages}


# the domain's table (weeks): requirements 2–4, selection 4–7, design 2–3, build 1–3 months
# (4–13), migration and UAT 2–4, training and go-live 2–3, pilot 2–3 months (8–13);
# roll-out = waves × training-and-go-live
@pytest.mark.parametrize(("size", "expected"), [
    ("smb", {"requirements": 2, "selection": 4, "design": 2, "build": 4, "migration_uat": 2,
             "training_golive": 2, "pilot": 8, "rollout": 2}),
    ("mid", {"requirements": 3, "selection": 6, "design": 3, "build": 9, "migration_uat": 2,
             "training_golive": 3, "pilot": 11, "rollout": 6}),
    ("large", {"requirements": 4, "selection": 7, "design": 3, "build": 13, "migration_uat": 2,
               "training_golive": 3, "pilot": 13, "rollout": 9}),
])
def test_baseline_durations_follow_the_benchmark_table(checklists: ChecklistSet, size: str,
                                                       expected: dict[str, int]) -> None:
    plan = build_plan(_result(checklists, size=size), date(2025, 3, 3))
    assert _weeks(plan) == expected
    for s in plan.stages:
        if s.id != "rollout":
            assert s.benchmark_min <= s.weeks <= s.benchmark_max, s.id
        # only the no-migration note (UAT only) may move a baseline stage
        assert all(x.code == "no_migration" for x in s.stretches), s.id
    assert plan.total_weeks == sum(expected.values())
    mid = build_plan(_result(checklists, size="mid"), date(2025, 3, 3))
    assert [(s.benchmark_min, s.benchmark_max) for s in mid.stages] == [
        (2, 4), (4, 7), (2, 3), (4, 13), (2, 4), (2, 3), (8, 13), (2, 3)]


def test_migration_integrations_and_weak_data_phase_lengthen_migration(
        checklists: ChecklistSet) -> None:
    weak = {**BEST, "data.owner": {"value": "no"}, "data.accuracy": {"value": 60}}
    profile = {"data_migration": True, "integrations": ["erp", "wecom"]}
    strong_plan = build_plan(_result(checklists, **profile), date(2025, 3, 3))
    weak_result = _result(checklists, weak, **profile)
    assert next(p for p in weak_result.phases if p.id == "data").verdict == "not_ready"
    weak_plan = build_plan(weak_result, date(2025, 3, 3))
    baseline = build_plan(_result(checklists), date(2025, 3, 3))
    mig = next(s for s in weak_plan.stages if s.id == "migration_uat")
    # mid baseline 3 weeks + 1 (two integrations, one week per two) + ceil(3 × 50 %) = 2
    assert (mig.baseline_weeks, mig.weeks) == (3, 6)
    assert _weeks(strong_plan)["migration_uat"] == 4 and _weeks(baseline)["migration_uat"] == 2
    codes = {x.code: x for x in mig.stretches}
    assert set(codes) == {"integrations", "phase_gap"}
    assert codes["phase_gap"].params["phase"] == "data" and codes["phase_gap"].params["blockers"] == 1
    reason = stretch_text(codes["phase_gap"], "en")
    assert reason.startswith("+2 wk:") and "'Data'" in reason and "Not ready" in reason
    assert "erp, wecom" in stretch_text(codes["integrations"], "en")
    assert "数据" not in reason and "延长" in stretch_text(codes["phase_gap"], "zh")
    # integrations also add build time; data migration needs the longer requirements range
    build = next(s for s in weak_plan.stages if s.id == "build")
    assert build.weeks == 9 + 2
    assert _weeks(weak_plan)["requirements"] == 5  # 3–6 weeks incl. data collection, midpoint up


def test_dates_are_consecutive_and_correct_across_year_ends(checklists: ChecklistSet) -> None:
    plan = build_plan(_result(checklists, size="large"), date(2025, 12, 22))
    first = plan.stages[0]
    assert (first.start, first.end) == (date(2025, 12, 22), date(2026, 1, 18))  # 4 weeks
    assert plan.stages[1].start == date(2026, 1, 19)
    for prev, nxt in zip(plan.stages, plan.stages[1:], strict=False):
        assert nxt.start == prev.end + timedelta(days=1)
    for s in plan.stages:
        assert (s.end - s.start).days == 7 * s.weeks - 1
    assert plan.end == date(2025, 12, 22) + timedelta(days=7 * plan.total_weeks - 1)
    assert plan.total_weeks == 54 and plan.end == date(2027, 1, 3)  # 378 days, through 2026
    leap = build_plan(_result(checklists, size="smb"), date(2028, 2, 21))
    assert leap.stages[0].end == date(2028, 3, 5)  # over 29 February 2028
    assert [m.date for m in plan.milestones] == [s.end for s in plan.stages]


def test_milestones_and_mitigations(checklists: ChecklistSet) -> None:
    weak = {**BEST, "data.owner": {"value": "no"}, "strategy.sponsor": {"value": "no"}}
    plan = build_plan(_result(checklists, weak, data_migration=True), date(2025, 3, 3))
    criteria = {m.stage: {c.code: c.target for c in m.criteria} for m in plan.milestones}
    assert criteria["migration_uat"]["migration_accuracy"] == "≥95%"
    assert criteria["pilot"]["user_satisfaction"] == "≥80%"
    due = {m.risk_id: (m.stage, m.due) for m in plan.mitigations}
    stages = {s.id: s for s in plan.stages}
    assert due["R-DATA-OWNER"] == ("build", stages["build"].end)   # before migration starts
    assert due["R-SPONSOR"] == ("requirements", stages["requirements"].end)
    assert [m.due for m in plan.mitigations] == sorted(m.due for m in plan.mitigations)


def test_renderers(checklists: ChecklistSet, tmp_path: Path) -> None:
    result = _result(checklists, {**BEST, "data.owner": {"value": "no"}},
                     organization="=cmd|' /C calc'!A0 <script>x</script>", data_migration=True)
    plan = build_plan(result, date(2025, 11, 3))
    assert set(PLAN_RENDERERS) == {Format.html, Format.md, Format.json, Format.xlsx}
    html = PLAN_RENDERERS[Format.html](plan, "en").decode()
    assert "<svg" in html and ">2026</text>" in html  # a year label on the Gantt
    assert "<script>x" not in html and "&lt;script&gt;x" in html
    md = PLAN_RENDERERS[Format.md](plan, "zh").decode()
    assert "数据迁移与用户验收测试" in md and "迁移后数据准确率 ≥95%" in md
    path = tmp_path / "plan.xlsx"
    path.write_bytes(PLAN_RENDERERS[Format.xlsx](plan, "en"))
    ws = openpyxl.load_workbook(path).active
    assert ws["A2"].value == "Requirements analysis" and ws["B2"].value.date() == date(2025, 11, 3)
    assert ws.cell(row=2, column=6).fill.fgColor.rgb.endswith("0072B2")  # week 1 filled


def test_cli_plan(runner, mini_packaged: Path, answers_path: Path,  # type: ignore[no-untyped-def]
                  tmp_path: Path) -> None:
    out = tmp_path / "plan"
    args = ["plan", "--answers", str(answers_path), "--out", str(out), "--lang", "en"]
    bad = runner.invoke(app, [*args, "--start", "2025-13-01"])
    no_traceback(bad)
    assert bad.exit_code == 2 and "not a date" in bad.output
    ok = runner.invoke(app, [*args, "--start", "2025-12-01"])
    no_traceback(ok)
    assert ok.exit_code == 0, ok.output
    assert {p.name for p in out.iterdir()} == {"plan.html", "plan.md", "plan.json", "plan.xlsx"}
    again = runner.invoke(app, [*args, "--start", "2025-12-01"])
    assert again.exit_code == 4 and "plan.xlsx" in again.output  # the workbook is user-editable
    forced = runner.invoke(app, [*args, "--start", "2025-12-01", "--force"])
    assert forced.exit_code == 0
