"""Workshops and progress as use cases: questionnaires, snapshots, comparison, plan, demo."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from crm_readiness._resources import examples_dir
from crm_readiness.engine.workshop import DEFAULT_CAP, QuestionnairePlan
from crm_readiness.errors import UsageError
from crm_readiness.i18n import Lang, t
from crm_readiness.io.atomic import ensure_dir
from crm_readiness.io.output import OutputSet
from crm_readiness.models._base import tr
from crm_readiness.models.answers import AnswersFile
from crm_readiness.models.assessment import AssessmentResult
from crm_readiness.models.checklist import ROLES, ChecklistSet, Role
from crm_readiness.models.plan import ImplementationPlan
from crm_readiness.models.printing import DEFAULT_PAPER, Paper
from crm_readiness.models.progress import Comparison, Snapshot, SnapshotInfo
from crm_readiness.models.questionnaire import ImportReport
from crm_readiness.render import Format

if TYPE_CHECKING:
    from crm_readiness.demo.entry import DemoEntry

PLAN_STEM = "plan"
COMPARE_STEM = "compare"


def parse_roles(value: str) -> list[Role]:
    """Return the roles ``--role`` names (``all``, one role, or a comma list)."""
    wanted = [v.strip().lower() for v in value.split(",") if v.strip()]
    if wanted == ["all"]:
        return list(ROLES)
    out: list[Role] = []
    for w in wanted:
        role = next((r for r in ROLES if r == w), None)
        if role is None:
            raise UsageError(t("questionnaire.unknown_role", "en", role=w, roles=", ".join(ROLES)),
                             t("questionnaire.unknown_role", "zh", role=w, roles=", ".join(ROLES)))
        out.append(role)
    if not out:
        raise UsageError(t("questionnaire.unknown_role", "en", role=value, roles=", ".join(ROLES)),
                         t("questionnaire.unknown_role", "zh", role=value, roles=", ".join(ROLES)))
    return out


def plan_questionnaires(checklists: ChecklistSet, answers: AnswersFile, roles: Sequence[Role],
                        *, cap: int = DEFAULT_CAP,
                        data_profile: bool = False) -> list[QuestionnairePlan]:
    """Return the sized questionnaire of each role that has questions (none: UsageError)."""
    from crm_readiness.engine.workshop import questionnaire_plan

    plans = [questionnaire_plan(checklists, r, answers.profile, cap=cap,
                                data_profile=data_profile) for r in roles]
    chosen = [p for p in plans if p.core or p.optional]
    if not chosen:
        names = ", ".join(roles)
        raise UsageError(t("questionnaire.no_questions", "en", roles=names),
                         t("questionnaire.no_questions", "zh", roles=names))
    return chosen


def export_questionnaires(checklists: ChecklistSet, answers: AnswersFile, roles: Sequence[Role],
                          out_dir: Path, *, force: bool = False, now: datetime | None = None,
                          cap: int = DEFAULT_CAP, data_profile: bool = False) -> list[Path]:
    """Write one questionnaire workbook per role that has questions; return the files.

    Each holds at most ``cap`` core questions (the rest offered as optional); with
    ``data_profile`` (or a profile that migrates data) measured questions go to IT only.
    """
    from crm_readiness.render.questionnaire import render_questionnaire

    stamp = now or datetime.now(UTC).replace(microsecond=0)
    plans = plan_questionnaires(checklists, answers, roles, cap=cap, data_profile=data_profile)
    outputs = OutputSet(force=force)  # questionnaires are filled in by people: editable
    for p in plans:
        outputs.add(out_dir / f"questionnaire-{p.role}.xlsx",
                    partial(render_questionnaire, checklists, p.role, answers.profile,
                            generated=stamp, plan=p),
                    editable=True)
    return outputs.commit()


def import_questionnaires(paths: Sequence[Path], answers_path: Path, checklists: ChecklistSet,
                          *, partial: bool = False, now: datetime | None = None) -> tuple[
        ImportReport, list[tuple[Path, list[str], list[str]]]]:
    """Merge filled questionnaires into the answers file atomically.

    Returns the report and, per file with problems, its English and Chinese
    problem lines (only with ``partial``; otherwise problems raise and the
    answers file is untouched).
    """
    from crm_readiness.io.assessment import load_answers
    from crm_readiness.io.questionnaire import merge_into

    load_answers(answers_path, checklists)  # a broken answers file is reported before the workbooks
    parsed, report = merge_into(answers_path, paths, checklists, partial=partial, now=now)
    skipped = [(p.path, [f"{x.where()}: {x.text('en')}" for x in p.problems],
                [f"{x.where('zh')}: {x.text('zh')}" for x in p.problems]) for p in parsed if p.problems]
    return report, skipped


def with_trend(result: AssessmentResult, answers_path: Path, *,
               include_current: bool = True, pending: Snapshot | None = None) -> AssessmentResult:
    """Return ``result`` with the trend over the answers file's snapshots (and itself).

    ``pending`` is a snapshot about to be written with the reports: it counts
    as saved (replacing a saved one of the same name).
    """
    from crm_readiness.engine.progress import trend
    from crm_readiness.io.snapshots import load_all

    snaps = [s for s, _ in load_all(answers_path) if pending is None or s.name != pending.name]
    if pending is not None:
        snaps = sorted([*snaps, pending], key=lambda s: (s.taken_at, s.name))
    if not snaps:
        return result
    current = result if include_current else None
    return result.model_copy(update={"trend": trend(snaps, current,
                                                   t("workshop.now", "en"))})


def write_assessment(result: AssessmentResult, answers_path: Path, out_dir: Path,
                     formats: Sequence[str], lang: Lang, *, snapshot: str | None = None,
                     force: bool = False, paper: Paper = DEFAULT_PAPER) -> tuple[AssessmentResult, list[Path]]:
    """Write the snapshot (if named) and the reports together: all of them or none (exit 4).

    Returns the result with its trend (as the reports show it) and the files written.
    """
    from crm_readiness.io.snapshots import add_snapshot, make_snapshot
    from crm_readiness.workflows.assessment import add_reports

    outputs = OutputSet(force=force)
    pending = None
    if snapshot:
        pending = make_snapshot(snapshot, result, answers_file=str(answers_path))
        add_snapshot(outputs, answers_path, pending)
    result = with_trend(result, answers_path, include_current=pending is None, pending=pending)
    add_reports(outputs, result, out_dir, formats, lang, paper=paper)
    return result, outputs.commit()


def take_snapshot(answers_path: Path, name: str, result: AssessmentResult, *,
                  force: bool = False) -> Path:
    """Save ``result`` as snapshot ``name`` beside the answers file."""
    from crm_readiness.io.snapshots import make_snapshot, save_snapshot

    return save_snapshot(answers_path, make_snapshot(name, result,
                                                     answers_file=str(answers_path)), force=force)


def history(answers_path: Path) -> list[SnapshotInfo]:
    """Return the saved snapshots of the answers file, oldest first."""
    from crm_readiness.io.snapshots import list_snapshots

    return list_snapshots(answers_path)


def compare_snapshots(answers_path: Path, a: str, b: str) -> Comparison:
    """Return the comparison of snapshots ``a`` and ``b`` (names or snapshot file paths)."""
    from crm_readiness.engine.progress import compare
    from crm_readiness.io.snapshots import info, read_snapshot, resolve

    pa, pb = resolve(answers_path, a), resolve(answers_path, b)
    sa, sb = read_snapshot(pa), read_snapshot(pb)
    return compare(sa, sb, info(sa, pa), info(sb, pb))


def write_comparison(c: Comparison, out_dir: Path, formats: Sequence[str],
                     lang: Lang, *, paper: Paper = DEFAULT_PAPER) -> list[Path]:
    """Render the comparison in each format into ``out_dir`` (HTML and PDF laid out for ``paper``)."""
    from crm_readiness.render.pdf import renderer
    from crm_readiness.render.progress import COMPARE_RENDERERS

    outputs = OutputSet(force=False)  # regenerated reports: replaced
    for f in formats:
        outputs.add(out_dir / f"{COMPARE_STEM}{Format(f).suffix}",
                    renderer(COMPARE_RENDERERS, Format(f), paper, c, lang))
    return outputs.commit()


def make_plan(result: AssessmentResult, start: date) -> ImplementationPlan:
    """Return the implementation plan for an assessment result."""
    from crm_readiness.engine.plan import build_plan

    return build_plan(result, start)


def write_plan(plan: ImplementationPlan, out_dir: Path, formats: Sequence[str], lang: Lang, *,
               force: bool = False, paper: Paper = DEFAULT_PAPER) -> list[Path]:
    """Render the plan in each format; the xlsx (a user-editable file) needs ``force`` to replace."""
    from crm_readiness.render.pdf import renderer
    from crm_readiness.render.plan import PLAN_RENDERERS

    outputs = OutputSet(force=force)
    for f in formats:
        fmt = Format(f)
        outputs.add(out_dir / f"{PLAN_STEM}{fmt.suffix}", renderer(PLAN_RENDERERS, fmt, paper, plan, lang),
                    editable=fmt is Format.xlsx)
    return outputs.commit()


def demo_answers_path() -> Path:
    """Return the demo organisation's five-respondent answers file."""
    return examples_dir() / "demo" / "workshop-answers.yaml"


#: the demo's two snapshots, a quarter apart: (name, answers file, when it was taken)
DEMO_SNAPSHOTS = (("2026-07", "workshop-answers-2026-07.yaml", datetime(2026, 7, 15, tzinfo=UTC)),
                  ("2026-10", "workshop-answers.yaml", datetime(2026, 10, 15, tzinfo=UTC)))


def demo_part(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    """Run consensus, agenda, two snapshots, their comparison and the plan on the demo company."""
    from crm_readiness.demo.entry import DemoEntry
    from crm_readiness.engine.scoring import assess
    from crm_readiness.io.assessment import load_answers
    from crm_readiness.io.checklists import load_checklist_set
    from crm_readiness.workflows.assessment import write_reports

    inputs = ensure_dir(out_dir / "inputs")
    checklists = load_checklist_set()
    target = inputs / demo_answers_path().name
    for _, name, _ in DEMO_SNAPSHOTS:
        shutil.copyfile(examples_dir() / "demo" / name, inputs / name)
    for snap, name, when in DEMO_SNAPSHOTS:
        run = assess(checklists, load_answers(inputs / name, checklists), now=when,
                     answers_file=f"inputs/{name}")
        take_snapshot(target, snap, run, force=True)
    answers = load_answers(target, checklists)
    result = with_trend(assess(checklists, answers, now=DEMO_SNAPSHOTS[-1][2],
                               answers_file=f"inputs/{target.name}"),
                        target, include_current=False)
    area = out_dir / "workshop"
    write_reports(result, area, ["html", "md", "json", "xlsx"], lang, stem="workshop-readiness",
                  force=True)
    cmp = compare_snapshots(target, DEMO_SNAPSHOTS[0][0], DEMO_SNAPSHOTS[-1][0])
    write_comparison(cmp, area, ["html", "md", "json"], lang)
    plan = make_plan(result, date(2026, 11, 2))
    write_plan(plan, area, ["html", "md", "json", "xlsx"], lang, force=True)
    export_questionnaires(checklists, answers, list(ROLES), area / "questionnaires", force=True)
    section = tr("demo.section.workshop")

    def entry(key: str, path: str, **params: object) -> DemoEntry:
        summary = (tr(key + ".summary", **params)
                   if params else None)
        return DemoEntry(section, tr(key), path, summary)

    delta = f"{cmp.overall_delta or 0:+.1f}"
    return [entry("demo.workshop.report", "workshop/workshop-readiness.html",
                  respondents=len(result.consensus.respondents),
                  disputed=len(result.consensus.agenda)),
            entry("demo.workshop.xlsx", "workshop/workshop-readiness.xlsx"),
            entry("demo.workshop.compare", f"workshop/{COMPARE_STEM}.html", delta=delta,
                  closed=len(cmp.blockers_closed)),
            entry("demo.workshop.plan", f"workshop/{PLAN_STEM}.html",
                  weeks=plan.total_weeks, end=plan.end.isoformat()),
            entry("demo.workshop.questionnaires", "workshop/questionnaires/"),
            entry("demo.workshop.answers", f"inputs/{target.name}")]
