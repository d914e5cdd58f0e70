"""Loading the KPI register (``kpis.yaml``), checked on its own and against the other files.

Beyond the model's validation: KPI ids are unique; each KPI's measurements
are in ascending date order and none is before its baseline; an actual-cost
year appears once; given the checklists, every ``serves`` id is a question;
given the benefits file, every ``benefit`` names one of its lines and every
actual-cost year lies inside the costs file's horizon. Every problem is
reported at once with file, dotted path and line/column (exit 3).
"""

from __future__ import annotations

from pathlib import Path

from crm_readiness.errors import InputFileError, Problem
from crm_readiness.i18n import t
from crm_readiness.io.yaml_files import LoadedYaml, load_yaml, validate_loaded
from crm_readiness.models.finance.inputs import BenefitsFile, CostsFile
from crm_readiness.models.review import KpiRegister, LessonsFile
from crm_readiness.models.review_results import ReviewResult

PathKey = tuple[str | int, ...]
MAX_JSON_BYTES = 50 * 1024 * 1024


def _problem(loaded: LoadedYaml, loc: PathKey, key: str, **params: object) -> Problem:
    line, col = loaded.locate(loc)
    return Problem(".".join(str(p) for p in loc), t(key, "en", **params), t(key, "zh", **params),
                   line, col)


def check_register(reg: KpiRegister, loaded: LoadedYaml) -> list[Problem]:
    """Return the problems of a valid register that need more than one entry to see."""
    out: list[Problem] = []
    seen: set[str] = set()
    for i, k in enumerate(reg.kpis):
        if k.id in seen:
            out.append(_problem(loaded, ("kpis", i, "id"), "review.duplicate_kpi", id=k.id))
        seen.add(k.id)
        previous = None
        for j, m in enumerate(k.measurements):
            loc: PathKey = ("kpis", i, "measurements", j, "date")
            if m.date < k.baseline.date:
                out.append(_problem(loaded, loc, "review.measurement_before_baseline",
                                    date=m.date.isoformat(), baseline=k.baseline.date.isoformat()))
            elif previous is not None and m.date <= previous:
                out.append(_problem(loaded, loc, "review.measurements_not_ascending",
                                    date=m.date.isoformat()))
            previous = m.date
    years: set[int] = set()
    for i, c in enumerate(reg.actual_costs):
        if c.year in years:
            out.append(_problem(loaded, ("actual_costs", i, "year"), "review.duplicate_cost_year",
                                year=c.year))
        years.add(c.year)
    return out


def check_against(reg: KpiRegister, loaded: LoadedYaml, *, questions: set[str] | None = None,
                  benefits: BenefitsFile | None = None,
                  costs: CostsFile | None = None) -> list[Problem]:
    """Return the problems of ``reg`` seen against the checklists and the finance files."""
    out: list[Problem] = []
    for i, k in enumerate(reg.kpis):
        if questions is not None:
            for j, q in enumerate(k.serves):
                if q not in questions:
                    out.append(_problem(loaded, ("kpis", i, "serves", j),
                                        "review.unknown_question", id=q))
        if benefits is not None and k.benefit is not None:
            known = [b.id for b in benefits.benefits]
            if k.benefit not in known:
                out.append(_problem(loaded, ("kpis", i, "benefit"), "review.unknown_benefit",
                                    id=k.benefit, known=", ".join(known)))
    if costs is not None:
        for i, c in enumerate(reg.actual_costs):
            if c.year > costs.horizon_years:
                out.append(_problem(loaded, ("actual_costs", i, "year"),
                                    "review.cost_year_outside", year=c.year,
                                    horizon=costs.horizon_years))
    if (benefits is not None or reg.actual_costs) and reg.year1_start is None:
        out.append(_problem(loaded, (), "review.year1_start_needed"))
    return out


def load_register(path: Path, *, questions: set[str] | None = None,
                  benefits: BenefitsFile | None = None,
                  costs: CostsFile | None = None) -> KpiRegister:
    """Load and check ``kpis.yaml``; raise a located :class:`InputFileError` on any problem."""
    loaded = load_yaml(path)
    reg = validate_loaded(loaded, KpiRegister)
    problems = check_register(reg, loaded) + check_against(
        reg, loaded, questions=questions, benefits=benefits, costs=costs)
    if problems:
        raise InputFileError(path, problems)
    return reg


def load_lessons(path: Path, register: KpiRegister) -> LessonsFile:
    """Load ``lessons.yaml``; every ``kpi`` must name a KPI of the register (located, exit 3)."""
    loaded = load_yaml(path)
    lessons = validate_loaded(loaded, LessonsFile)
    known = [k.id for k in register.kpis]
    problems = [_problem(loaded, ("lessons", i, "kpi"), "review.unknown_kpi", id=x.kpi,
                         known=", ".join(known[:10]))
                for i, x in enumerate(lessons.lessons) if x.kpi is not None and x.kpi not in known]
    if problems:
        raise InputFileError(path, problems)
    return lessons


def load_previous(path: Path) -> ReviewResult:
    """Load a review JSON written by an earlier ``review`` (its snapshot); exit 3 if it is not one."""
    from pydantic import ValidationError

    from crm_readiness.io.yaml_files import read_text, validation_problems

    text = read_text(path, max_bytes=MAX_JSON_BYTES)
    try:
        return ReviewResult.model_validate_json(text)
    except ValidationError as exc:
        problems = validation_problems(exc)[:20] or [
            Problem("", t("review.not_a_review", "en"), t("review.not_a_review", "zh"))]
        raise InputFileError(path, problems) from None
