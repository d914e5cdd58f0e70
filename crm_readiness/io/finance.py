"""Loading the finance files: costs (one per vendor) and benefits, checked together.

Beyond each model's own validation: line ids are unique across both files;
years fall inside the horizon; a benefit has at least one year inside it;
Monte Carlo ranges and scenario values name known drivers. Every problem is
reported at once with file, dotted path and line/column (exit 3).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from crm_readiness.engine.finance.drivers import case_drivers
from crm_readiness.errors import InputFileError, Problem
from crm_readiness.io.yaml_files import LoadedYaml, load_yaml, validate_loaded
from crm_readiness.models.finance.inputs import BenefitsFile, CostsFile


def _problem(loaded: LoadedYaml, loc: tuple[str | int, ...], key: str, **params: object) -> Problem:
    line, col = loaded.locate(loc)
    return Problem.of(".".join(str(p) for p in loc), key, line, col, **params)


def _duplicates(loaded: LoadedYaml, entries: Iterable[tuple[tuple[str | int, ...], str]],
                seen: set[str]) -> list[Problem]:
    out = []
    for loc, line_id in entries:
        if line_id in seen:
            out.append(_problem(loaded, loc, "io.finance.id_twice", id=repr(line_id)))
        seen.add(line_id)
    return out


def _yearly_problems(loaded: LoadedYaml, loc: tuple[str | int, ...],
                     amounts: tuple[Decimal, ...] | dict[int, Decimal], rest: str | None,
                     n: int) -> list[Problem]:
    if isinstance(amounts, dict):
        late = sorted(y for y in amounts if y > n)
        return [_problem(loaded, (*loc, y), "io.finance.year_after_horizon", year=y, n=n)
                for y in late]
    if len(amounts) > n + 1:
        return [_problem(loaded, loc, "io.finance.amounts_too_many", count=len(amounts),
                         years=n + 1, n=n)]
    if len(amounts) < n + 1 and rest is None:
        return [_problem(loaded, loc, "io.finance.amounts_too_few", count=len(amounts),
                         years=n + 1, n=n)]
    return []


def check_costs(costs: CostsFile, loaded: LoadedYaml) -> list[Problem]:
    """Return the problems of a valid costs model that need more than one field to see."""
    n = costs.horizon_years
    problems: list[Problem] = []
    entries: list[tuple[tuple[str | int, ...], str]] = []
    entries += [(("funding", i, "id"), f.id) for i, f in enumerate(costs.funding)]
    for i, f in enumerate(costs.funding):
        if f.year > n:
            problems.append(_problem(loaded, ("funding", i, "year"),
                                     "io.finance.year_after_horizon", year=f.year, n=n))
    for i, r in enumerate(costs.recurring):
        if r.amounts is not None:
            problems += _yearly_problems(loaded, ("recurring", i, "amounts"), r.amounts,
                                         r.ramp_rest, n)
    for section in ("one_time", "recurring", "staff"):
        entries += [((section, i, "id"), line.id) for i, line in enumerate(getattr(costs, section))]
    problems += _duplicates(loaded, entries, set())
    for i, o in enumerate(costs.one_time):
        if o.year > n:
            problems.append(_problem(
                loaded, ("one_time", i, "year"), "io.finance.year_after_horizon", year=o.year, n=n))
    for section in ("recurring", "staff"):
        for i, line in enumerate(getattr(costs, section)):
            if line.start_year > n:
                problems.append(_problem(
                    loaded, (section, i, "start_year"), "io.finance.start_after_horizon",
                    year=line.start_year, n=n))
    return problems


def load_costs(path: Path) -> CostsFile:
    """Load and check a costs file; raise a located :class:`InputFileError` on any problem."""
    loaded = load_yaml(path)
    costs = validate_loaded(loaded, CostsFile)
    problems = check_costs(costs, loaded)
    if problems:
        raise InputFileError(path, problems)
    return costs


def check_benefits(benefits: BenefitsFile, loaded: LoadedYaml, costs: CostsFile) -> list[Problem]:
    """Return the problems of a benefits model seen against its costs file."""
    n = costs.horizon_years
    cost_ids = {line.id for s in (costs.one_time, costs.recurring, costs.staff, costs.funding)
                for line in s}
    entries: list[tuple[tuple[str | int, ...], str]] = [
        (("benefits", i, "id"), b.id) for i, b in enumerate(benefits.benefits)]
    if benefits.option_value is not None:
        entries.append((("option_value", "id"), benefits.option_value.id))
        if benefits.option_value.year > n:
            problems_ov = [_problem(loaded, ("option_value", "year"),
                                    "io.finance.year_after_horizon",
                                    year=benefits.option_value.year, n=n)]
        else:
            problems_ov = []
    else:
        problems_ov = []
    problems = _duplicates(loaded, entries, set(cost_ids)) + problems_ov
    for i, b in enumerate(benefits.benefits):
        amounts = getattr(b, "amounts", None)
        if amounts is not None:
            problems += _yearly_problems(loaded, ("benefits", i, "amounts"), amounts,
                                         b.ramp_rest, n)
            continue
        if b.start_year > n:
            problems.append(_problem(
                loaded, ("benefits", i, "start_year"), "io.finance.benefit_outside_horizon",
                year=b.start_year, n=n))
            continue
        years = n - b.start_year + 1
        ramp = b.ramp or ()
        if len(ramp) < years and b.ramp_rest is None:
            problems.append(_problem(
                loaded, ("benefits", i, "ramp"), "io.finance.ramp_too_short", count=len(ramp),
                years=years, start=b.start_year, n=n))
    if problems:
        return problems
    _, drivers = case_drivers(costs, benefits)
    sensitive = sorted(k for k, d in drivers.items() if d.sensitive)
    hint = ", ".join(sensitive[:8]) + (" …" if len(sensitive) > 8 else "")
    for key in benefits.sensitivity.ranges:
        if key not in drivers or not drivers[key].sensitive:
            problems.append(_problem(
                loaded, ("sensitivity", "ranges", key),
                "io.finance.unknown_driver", driver=repr(key), hint=hint))
    for name, scenario in benefits.sensitivity.scenarios.items():
        for key in scenario.values:
            if key not in drivers:
                problems.append(_problem(
                    loaded, ("sensitivity", "scenarios", name, "values", key),
                    "io.finance.unknown_driver", driver=repr(key), hint=hint))
    return problems


def load_benefits(path: Path, costs: CostsFile) -> BenefitsFile:
    """Load a benefits file and check it against ``costs``; located errors, exit 3."""
    loaded = load_yaml(path)
    benefits = validate_loaded(loaded, BenefitsFile)
    problems = check_benefits(benefits, loaded, costs)
    if problems:
        raise InputFileError(path, problems)
    return benefits
