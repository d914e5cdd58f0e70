"""Bad input files give located messages (file, path, line) in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_readiness.errors import EXIT_INPUT, InputFileError
from crm_readiness.io.finance import load_benefits, load_costs

CASES = [
    ("costs-negative-seats.yaml", "users.initial", 3, "greater than or equal to 1"),
    ("costs-discount-10.yaml", "discount_rate", 1, "1000%"),
    ("costs-unknown-category.yaml", "one_time.1.category", 4, "software"),
    ("costs-two-bases.yaml", "recurring.0", 3, "exactly one of per_user"),
    ("costs-year-after-horizon.yaml", "one_time.0.year", 4, "after the horizon"),
    ("costs-duplicate-id.yaml", "recurring.0.id", 5, "used twice"),
]


@pytest.mark.parametrize(("name", "location", "line", "words"), CASES)
def test_bad_costs_file_is_located(assets: Path, name: str, location: str, line: int,
                                   words: str) -> None:
    path = assets / "finance" / name
    with pytest.raises(InputFileError) as info:
        load_costs(path)
    err = info.value
    assert err.exit_code == EXIT_INPUT and err.path == path
    problem = next(p for p in err.problems if p.location == location)
    assert problem.line == line and words in problem.message
    assert str(path) in err.text("en") and str(path) in err.text("zh")


def test_discount_rate_of_10_explained_in_chinese(assets: Path) -> None:
    with pytest.raises(InputFileError) as info:
        load_costs(assets / "finance" / "costs-discount-10.yaml")
    assert "0.10 即 10%" in info.value.text("zh")


def test_yaml_syntax_error_has_line_and_column(assets: Path) -> None:
    with pytest.raises(InputFileError) as info:
        load_costs(assets / "finance" / "costs-syntax.yaml")
    assert info.value.problems[0].line is not None


BENEFIT_CASES = [
    ("benefits-no-years.yaml", "benefits.0.ramp", "at least one year"),
    ("benefits-after-horizon.yaml", "benefits.0.start_year", "no year inside the horizon"),
    ("benefits-unknown-driver.yaml", "sensitivity.ranges.time.hours", "unknown driver"),
    ("benefits-missing-field.yaml", "benefits.0.gross_margin", "Field required"),
]


@pytest.mark.parametrize(("name", "location", "words"), BENEFIT_CASES)
def test_bad_benefits_file_is_located(assets: Path, name: str, location: str,
                                      words: str) -> None:
    costs = load_costs(assets / "finance" / "costs-ok.yaml")
    path = assets / "finance" / name
    with pytest.raises(InputFileError) as info:
        load_benefits(path, costs)
    problem = next(p for p in info.value.problems if p.location == location)
    assert words in problem.message and problem.line is not None
    assert problem.message_zh


def test_benefit_id_may_not_repeat_a_cost_id(write_yaml) -> None:  # type: ignore[no-untyped-def]
    costs_path = write_yaml("c.yaml", {"users": {"initial": 5}, "one_time": [
        {"id": "licence", "name": "L", "category": "software", "amount": 1}]})
    benefits_path = write_yaml("b.yaml", {"benefits": [
        {"id": "licence", "type": "amount", "name": "B", "amount": 1, "ramp": [1]}]})
    with pytest.raises(InputFileError) as info:
        load_benefits(benefits_path, load_costs(costs_path))
    assert info.value.problems[0].location == "benefits.0.id"


def test_money_is_read_exactly(write_yaml) -> None:  # type: ignore[no-untyped-def]
    path = write_yaml("c.yaml", "users: {initial: 5}\ndiscount_rate: 0.1\none_time:\n"
                      "  - {id: a, name: A, category: software, amount: 0.1}\n")
    costs = load_costs(path)
    assert str(costs.discount_rate) == "0.1" and str(costs.one_time[0].amount) == "0.1"
