"""``crm-readiness review``: load the KPI register (and the case, the answers), review, write.

Input errors are located (exit 3); the outputs are declared and preflighted
together and written all or nothing through :class:`~crm_readiness.io.output.OutputSet`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from crm_readiness.errors import UsageError
from crm_readiness.i18n import Lang, t
from crm_readiness.models.printing import DEFAULT_PAPER, Paper

if TYPE_CHECKING:
    from crm_readiness.demo.entry import DemoEntry
    from crm_readiness.models.review_results import ReviewResult

FORMATS = ("md", "html", "json", "xlsx")
#: the files of the demo's review, copied under inputs/
DEMO_FILES = ("kpis.yaml", "costs.yaml", "benefits.yaml", "answers.yaml", "lessons.yaml")
#: the demo's review date (the plan's +6-month review; also ``as_of`` in its kpis.yaml)
DEMO_REVIEW_DATE = date(2028, 8, 6)
#: the demo's earlier review (the plan's +3-month review), which this one is compared with
DEMO_FIRST_REVIEW = date(2028, 5, 6)


def review(kpis: Path, *, answers: Path | None = None, costs: Path | None = None,
           benefits: Path | None = None, actuals: Path | None = None,
           adoption: Path | None = None, seats: int | None = None,
           lessons: Path | None = None, profile_before: Path | None = None,
           profile_now: Path | None = None, previous: Path | None = None,
           as_of: date | None = None) -> ReviewResult:
    """Return the review of ``kpis``; with costs and benefits the case is re-forecast."""
    from crm_readiness.engine.review import build_review
    from crm_readiness.engine.scoring import assess
    from crm_readiness.io.assessment import load_answers
    from crm_readiness.io.checklists import load_checklist_set
    from crm_readiness.io.finance import load_benefits, load_costs
    from crm_readiness.io.review import load_lessons, load_register
    from crm_readiness.io.review_csv import load_actuals, open_adoption

    if (costs is None) != (benefits is None):
        raise UsageError(t("review.costs_and_benefits", "en"), t("review.costs_and_benefits", "zh"))
    cost_file = load_costs(costs) if costs is not None else None
    benefit_file = (load_benefits(benefits, cost_file)
                    if benefits is not None and cost_file is not None else None)
    checklists = load_checklist_set()
    questions = {q.id for c in checklists.checklists for q in c.questions}
    if (profile_before is None) != (profile_now is None):
        raise UsageError(t("review.profiles_together", "en"), t("review.profiles_together", "zh"))
    if seats is not None and not 1 <= seats <= 10_000_000:
        raise UsageError(t("review.bad_seats", "en", value=seats),
                         t("review.bad_seats", "zh", value=seats))
    register = load_register(kpis, questions=questions, benefits=benefit_file, costs=cost_file)
    if as_of is not None:
        register = register.model_copy(update={"as_of": as_of})
    if actuals is not None:
        register = load_actuals(actuals, register)
    kept = load_lessons(lessons, register) if lessons is not None else None
    assessment = assess(checklists, load_answers(answers, checklists)) if answers else None
    if adoption is not None:
        with open_adoption(adoption) as table:
            result = build_review(register, costs=cost_file, benefits=benefit_file,
                                  assessment=assessment, activity=table.conn, seats=seats,
                                  lessons=kept)
    else:
        result = build_review(register, costs=cost_file, benefits=benefit_file,
                              assessment=assessment, seats=seats, lessons=kept)
    if profile_before is not None and profile_now is not None:
        from crm_readiness.engine.review_drift import drift
        from crm_readiness.io.data_sources import load_profile_result

        result = result.model_copy(update={"data_drift": drift(
            load_profile_result(profile_before), load_profile_result(profile_now))})
    if previous is not None:
        from crm_readiness.engine.review import compare_reviews
        from crm_readiness.io.review import load_previous

        result = result.model_copy(update={"previous": compare_reviews(
            load_previous(previous), result)})
    return result


def write_review(result: ReviewResult, out_dir: Path, formats: Sequence[str], lang: Lang, *,
                 force: bool = False, stem: str = "review", paper: Paper = DEFAULT_PAPER) -> list[Path]:
    """Write the review in ``formats`` (all preflighted, then written together; HTML/PDF on ``paper``)."""
    from crm_readiness.io.output import OutputSet
    from crm_readiness.render import Format
    from crm_readiness.render.pdf import renderer
    from crm_readiness.render.review import REVIEW_RENDERERS

    if "xlsx" in formats and result.finance is None:
        raise UsageError(t("review.xlsx_needs_case", "en"), t("review.xlsx_needs_case", "zh"))
    outputs = OutputSet(force=force)
    for name in formats:
        fmt = Format(name)
        outputs.add(out_dir / f"{stem}{fmt.suffix}", renderer(REVIEW_RENDERERS, fmt, paper, result, lang),
                    editable=fmt == Format.xlsx)
    return outputs.commit()


def demo_adoption_csv(end: date, *, users: int = 180, days: int = 90, seed: int = 20280806) -> str:
    """Return the demo's adoption export: ``users`` users over the ``days`` days up to ``end``.

    Deterministic: 24 users never log in; the others are active on most working
    days, more often as the weeks pass (adoption growing after go-live), with a
    handful of records created and updated on the days they are active.
    """
    import random

    rng = random.Random(seed)
    teams = ("sales_east", "sales_south", "sales_north", "service")
    lines = ["user,team,date,records_created,records_updated,logins"]
    for u in range(users):
        team = teams[3] if u >= users - 40 else teams[u % 3]
        never = u % 15 == 7 or u >= users - 12
        if never:  # in the export (a licensed user) without any activity
            lines.append(f"u{u:03d},{team},{(end - timedelta(days=days - 1)).isoformat()},0,0,0")
            continue
        for d in range(days):
            day = end - timedelta(days=days - 1 - d)
            if day.weekday() >= 5 or rng.random() > 0.55 + 0.35 * d / days:
                continue
            created, updated = rng.randint(0, 6), rng.randint(0, 9)
            lines.append(f"u{u:03d},{team},{day.isoformat()},{created},{updated},"
                         f"{rng.randint(1, 4)}")
    return "\n".join(lines) + "\n"


def demo_part(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    """Review the example company six months after go-live; write ``review/review.*``."""
    from crm_readiness._resources import examples_dir
    from crm_readiness.demo.entry import DemoEntry
    from crm_readiness.io.output import OutputSet
    from crm_readiness.models._base import Text, tr

    demo = examples_dir() / "demo"
    inputs = out_dir / "inputs"
    copies = OutputSet(force=True)
    for name in DEMO_FILES:
        copies.add(inputs / name, (demo / name).read_bytes())
    copies.add(inputs / "adoption.csv", demo_adoption_csv(DEMO_REVIEW_DATE).encode("utf-8"))
    copies.commit()
    costs, benefits = inputs / "costs.yaml", inputs / "benefits.yaml"
    first = review(inputs / "kpis.yaml", as_of=DEMO_FIRST_REVIEW, costs=costs, benefits=benefits)
    write_review(first, out_dir / "review", ["json"], lang, force=True,
                 stem=f"review-{DEMO_FIRST_REVIEW.isoformat()}")
    result = review(inputs / "kpis.yaml", answers=inputs / "answers.yaml",
                    adoption=inputs / "adoption.csv", lessons=inputs / "lessons.yaml",
                    previous=out_dir / "review" / f"review-{DEMO_FIRST_REVIEW.isoformat()}.json",
                    costs=costs, benefits=benefits)
    write_review(result, out_dir / "review", ["html", "md", "json", "xlsx"], lang, force=True)
    counts = result.status_counts

    def summary(language: Lang) -> str:
        from crm_readiness.render.finance.labels import money

        npv = money(result.finance.reforecast.npv) if result.finance else "–"
        a = result.adoption
        active = f"{a.active_users}/{a.seats}" if a is not None and a.seats else "–"
        return t("review.demo.summary", language, on=counts["on_track"],
                 risk=counts["at_risk"], off=counts["off_track"], npv=npv, active=active)

    section = tr("review.demo.section")
    return [DemoEntry(section, tr("review.demo.html"), "review/review.html",
                      Text(en=summary("en"), zh=summary("zh"))),
            DemoEntry(section, tr("review.demo.json"), "review/review.json", None),
            DemoEntry(section, tr("review.demo.xlsx"), "review/review.xlsx", None),
            DemoEntry(section, tr("review.demo.kpis"), "inputs/kpis.yaml", None),
            DemoEntry(section, tr("review.demo.adoption"), "inputs/adoption.csv", None)]
