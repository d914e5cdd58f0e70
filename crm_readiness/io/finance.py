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


def _problem(loaded: LoadedYaml, loc: tuple[str | int, ...], en: str, zh: str) -> Problem:
    line, col = loaded.locate(loc)
    return Problem(".".join(str(p) for p in loc), en, zh, line, col)


def _duplicates(loaded: LoadedYaml, entries: Iterable[tuple[tuple[str | int, ...], str]],
                seen: set[str]) -> list[Problem]:
    out = []
    for loc, line_id in entries:
        if line_id in seen:
            out.append(_problem(loaded, loc, f"id {line_id!r} is used twice; ids must be unique",
                                f"id {line_id!r} 重复；id 必须唯一"))
        seen.add(line_id)
    return out


def _yearly_problems(loaded: LoadedYaml, loc: tuple[str | int, ...],
                     amounts: tuple[Decimal, ...] | dict[int, Decimal], rest: str | None,
                     n: int) -> list[Problem]:
    if isinstance(amounts, dict):
        late = sorted(y for y in amounts if y > n)
        return [_problem(loaded, (*loc, y), f"year {y} is after the horizon ({n} years)",
                         f"年份 {y} 超出测算期（{n} 年）") for y in late]
    if len(amounts) > n + 1:
        return [_problem(loaded, loc,
                         f"{len(amounts)} amounts for {n + 1} years (year 0 to {n}): "
                         "remove the extra ones",
                         f"给出了 {len(amounts)} 个金额，但测算期只有 {n + 1} 个年度"
                         f"（第 0 至 {n} 年）：请删去多余的")]
    if len(amounts) < n + 1 and rest is None:
        return [_problem(loaded, loc,
                         f"{len(amounts)} amounts for {n + 1} years (year 0 to {n}): give every "
                         "year, or say what the later years are with ramp_rest: last "
                         "(the last amount repeats) or ramp_rest: zero",
                         f"给出了 {len(amounts)} 个金额，但测算期有 {n + 1} 个年度（第 0 至 {n} 年）："
                         "请逐年填写，或用 ramp_rest: last（沿用最后一个金额）或 ramp_rest: zero"
                         "（之后为零）说明后续年度")]
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
                                     f"year {f.year} is after the horizon ({n} years)",
                                     f"年份 {f.year} 超出测算期（{n} 年）"))
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
                loaded, ("one_time", i, "year"),
                f"year {o.year} is after the horizon ({n} years)",
                f"年份 {o.year} 超出测算期（{n} 年）"))
    for section in ("recurring", "staff"):
        for i, line in enumerate(getattr(costs, section)):
            if line.start_year > n:
                problems.append(_problem(
                    loaded, (section, i, "start_year"),
                    f"start_year {line.start_year} is after the horizon ({n} years)",
                    f"start_year {line.start_year} 超出测算期（{n} 年）"))
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
                                    f"year {benefits.option_value.year} is after the horizon "
                                    f"({n} years)",
                                    f"年份 {benefits.option_value.year} 超出测算期（{n} 年）")]
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
                loaded, ("benefits", i, "start_year"),
                f"the benefit has no year inside the horizon (starts in year {b.start_year}, "
                f"horizon {n} years)",
                f"该收益在测算期内没有任何年度（第 {b.start_year} 年开始，测算期 {n} 年）"))
            continue
        years = n - b.start_year + 1
        ramp = b.ramp or ()
        if len(ramp) < years and b.ramp_rest is None:
            problems.append(_problem(
                loaded, ("benefits", i, "ramp"),
                f"the ramp gives {len(ramp)} of the {years} years from year {b.start_year} to "
                f"{n}: add the later shares, or say what they are with ramp_rest: last (the "
                "last share repeats) or ramp_rest: zero",
                f"ramp 只给出了第 {b.start_year} 至 {n} 年共 {years} 个年度中的 {len(ramp)} 个："
                "请补全后续比例，或用 ramp_rest: last（沿用最后一个比例）或 ramp_rest: zero"
                "（之后为零）说明"))
    if problems:
        return problems
    _, drivers = case_drivers(costs, benefits)
    sensitive = sorted(k for k, d in drivers.items() if d.sensitive)
    hint = ", ".join(sensitive[:8]) + (" …" if len(sensitive) > 8 else "")
    for key in benefits.sensitivity.ranges:
        if key not in drivers or not drivers[key].sensitive:
            problems.append(_problem(
                loaded, ("sensitivity", "ranges", key),
                f"unknown driver {key!r}; known drivers include: {hint}",
                f"未知的驱动因素 {key!r}；可用的包括：{hint}"))
    for name, scenario in benefits.sensitivity.scenarios.items():
        for key in scenario.values:
            if key not in drivers:
                problems.append(_problem(
                    loaded, ("sensitivity", "scenarios", name, "values", key),
                    f"unknown driver {key!r}; known drivers include: {hint}",
                    f"未知的驱动因素 {key!r}；可用的包括：{hint}"))
    return problems


def load_benefits(path: Path, costs: CostsFile) -> BenefitsFile:
    """Load a benefits file and check it against ``costs``; located errors, exit 3."""
    loaded = load_yaml(path)
    benefits = validate_loaded(loaded, BenefitsFile)
    problems = check_benefits(benefits, loaded, costs)
    if problems:
        raise InputFileError(path, problems)
    return benefits
