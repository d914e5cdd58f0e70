"""The KPI register file kind: the demo register loads; bad files are located, in both languages."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crm_readiness.errors import EXIT_INPUT, InputFileError
from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.io.finance import load_benefits, load_costs
from crm_readiness.io.review import load_register
from crm_readiness.models.review import KpiRegister

DEMO = Path(__file__).resolve().parents[2] / "crm_readiness" / "examples" / "demo"

KPI: dict[str, Any] = {
    "id": "conversion", "name": "Conversion", "unit": "%", "direction": "higher",
    "baseline": {"value": 10, "date": "2026-01-01"},
    "target": {"value": 20, "date": "2027-01-01"},
    "measurements": [{"date": "2026-03-01", "value": 12}, {"date": "2026-06-01", "value": 14}],
}


def _register(**changes: Any) -> dict[str, Any]:
    kpi = copy.deepcopy(KPI)
    kpi.update(changes)
    return {"kpis": [kpi]}


def test_the_demo_register_loads_against_checklists_and_benefits() -> None:
    costs = load_costs(DEMO / "costs.yaml")
    benefits = load_benefits(DEMO / "benefits.yaml", costs)
    questions = {q.id for c in load_checklist_set().checklists for q in c.questions}
    reg = load_register(DEMO / "kpis.yaml", questions=questions, benefits=benefits, costs=costs)
    assert [k.id for k in reg.kpis] == ["lead_conversion", "follow_up_hours",
                                        "service_response_hours", "dealer_churn"]
    assert reg.kpis[0].name.zh == "线索转商机转化率"
    assert {k.benefit for k in reg.kpis} <= {b.id for b in benefits.benefits}
    assert all(len(k.measurements) == 6 for k in reg.kpis)
    assert str(reg.kpis[0].baseline.value) == "12.0"  # Decimal from the YAML text


def test_a_plain_string_name_serves_both_languages(write_yaml: Callable[..., Path]) -> None:
    reg = load_register(write_yaml("kpis.yaml", _register()))
    assert (reg.kpis[0].name.en, reg.kpis[0].name.zh) == ("Conversion", "Conversion")
    assert isinstance(reg, KpiRegister) and reg.review_date().isoformat() == "2026-06-01"


BAD: list[tuple[str, dict[str, Any], str, str, str]] = [
    ("unknown field", _register(colour="red"), "kpis.0.colour", "Extra", ""),
    ("bad direction", _register(direction="up"), "kpis.0.direction", "higher", ""),
    ("target before baseline", _register(target={"value": 20, "date": "2025-01-01"}),
     "kpis.0", "after the baseline date", "必须晚于基线日期"),
    ("target not better", _register(direction="lower"), "kpis.0",
     "improve on the baseline", "优于基线"),
    ("measurement before baseline", _register(measurements=[
        {"date": "2025-12-01", "value": 9}]), "kpis.0.measurements.0.date",
     "before the baseline date 2026-01-01", "早于基线日期"),
    ("measurements out of order", _register(measurements=[
        {"date": "2026-06-01", "value": 9}, {"date": "2026-03-01", "value": 9}]),
     "kpis.0.measurements.1.date", "not after the previous one", "不晚于上一条"),
    ("huge value", _register(measurements=[{"date": "2026-06-01", "value": 1e300}]),
     "kpis.0.measurements.0.value", "finite number", "有限数值"),
    ("not a number", _register(measurements=[{"date": "2026-06-01", "value": ".nan"}]),
     "kpis.0.measurements.0.value", "", ""),
    ("bad date", _register(baseline={"value": 1, "date": "2026-02-30"}),
     "kpis.0.baseline.date", "", ""),
    ("bad id", _register(id="Conversion Rate"), "kpis.0.id", "", ""),
]


@pytest.mark.parametrize(("data", "location", "en", "zh"),
                         [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_bad_register_is_located(write_yaml: Callable[..., Path], data: dict[str, Any],
                                 location: str, en: str, zh: str) -> None:
    path = write_yaml("kpis.yaml", data)
    with pytest.raises(InputFileError) as info:
        load_register(path)
    err = info.value
    assert err.exit_code == EXIT_INPUT and err.path == path
    problem = next(p for p in err.problems if p.location == location)
    assert problem.line is not None
    assert en in problem.text("en") and zh in problem.text("zh")
    assert str(path) in err.text("zh")


def test_duplicates_unknown_ids_and_missing_year1(write_yaml: Callable[..., Path]) -> None:
    costs = load_costs(DEMO / "costs.yaml")
    benefits = load_benefits(DEMO / "benefits.yaml", costs)
    two = copy.deepcopy(KPI)
    data = {"kpis": [{**KPI, "serves": ["strategy.nope"], "benefit": "magic"}, two],
            "actual_costs": [{"year": 1, "amount": 5}, {"year": 1, "amount": 6},
                             {"year": 9, "amount": 1}]}
    path = write_yaml("kpis.yaml", data)
    with pytest.raises(InputFileError) as info:
        load_register(path, questions={"strategy.smart_kpis"}, benefits=benefits, costs=costs)
    where = {p.location: p for p in info.value.problems}
    assert set(where) == {"kpis.1.id", "actual_costs.1.year", "kpis.0.serves.0",
                          "kpis.0.benefit", "actual_costs.2.year", ""}
    assert "revenue_uplift" in where["kpis.0.benefit"].text("en")
    assert "year1_start" in where[""].text("zh")
    assert all(p.line is not None for loc, p in where.items() if loc)


def test_hostile_register_stays_bounded_and_located(tmp_path: Path) -> None:
    many = "\n".join(f"      - {{date: 2026-01-01, value: {i}}}" for i in range(10_001))
    head = 'kpis:\n  - id: k\n    name: "a\\x1b[31mb\\u0000"\n    direction: higher\n'
    path = tmp_path / "kpis.yaml"
    path.write_text(head + "    baseline: {value: .inf, date: 2026-01-01}\n"
                    "    target: {value: 2, date: 2027-01-01}\n"
                    f"    measurements:\n{many}\n", "utf-8")
    with pytest.raises(InputFileError) as info:
        load_register(path)
    where = {p.location: p for p in info.value.problems}
    assert {"kpis.0.baseline.value", "kpis.0.measurements"} <= set(where)
    assert where["kpis.0.baseline.value"].line == 5
    huge = tmp_path / "huge.yaml"
    huge.write_text(head + "    baseline: {value: 1, date: 2026-01-01}\n"
                    "    target: {value: 1e309, date: 2027-01-01}\n", "utf-8")
    with pytest.raises(InputFileError) as info:
        load_register(huge)
    assert info.value.problems[0].line == 6 and "1e309" in info.value.text("zh")


def test_lessons_name_known_kpis_and_later_ones_wait(tmp_path: Path,
                                                     write_yaml: Callable[..., Path]) -> None:
    from crm_readiness.engine.review import build_review
    from crm_readiness.io.review import load_lessons

    reg = load_register(write_yaml("kpis.yaml", _register(dimension="customer")))
    bad = write_yaml("lessons.yaml", {"lessons": [
        {"date": "2026-05-01", "dimension": "customer", "text": "x", "kpi": "nope"}]})
    with pytest.raises(InputFileError) as info:
        load_lessons(bad, reg)
    assert info.value.problems[0].location == "lessons.0.kpi"
    assert info.value.problems[0].line == 5
    wrong = write_yaml("lessons2.yaml", {"lessons": [
        {"date": "2026-05-01", "dimension": "money", "text": "x"}]})
    with pytest.raises(InputFileError):
        load_lessons(wrong, reg)
    good = write_yaml("lessons3.yaml", {"lessons": [
        {"date": "2026-05-01", "dimension": "customer", "text": "kept", "kpi": "conversion"},
        {"date": "2026-09-01", "dimension": "customer", "text": "later"}]})
    result = build_review(reg, lessons=load_lessons(good, reg))
    customer = next(d for d in result.retrospective if d.dimension == "customer")
    assert customer.kpis == ["conversion"] and [x.text.en for x in customer.lessons] == ["kept"]
