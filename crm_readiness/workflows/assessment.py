"""The readiness assessment as a use case: load, score, render, write."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from crm_readiness._resources import examples_dir
from crm_readiness.errors import UsageError
from crm_readiness.i18n import Lang, t
from crm_readiness.io.atomic import ensure_dir
from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.io.output import OutputSet
from crm_readiness.models._base import bi, tr
from crm_readiness.models.answers import AnswersFile
from crm_readiness.models.assessment import AssessmentResult, Measurement
from crm_readiness.models.checklist import ChecklistSet
from crm_readiness.models.printing import DEFAULT_PAPER, Paper
from crm_readiness.render import Format

if TYPE_CHECKING:
    from crm_readiness.demo.entry import DemoEntry

REPORT_STEM = "readiness"


def quick_checklists(checklists: ChecklistSet) -> ChecklistSet:
    """Return the checklists reduced to the quick-scan questions (gates and ``quick: true``)."""
    from crm_readiness.engine.quick import quick_checklists as reduce

    return reduce(checklists)


def select_phases(checklists: ChecklistSet, phases: Sequence[str] | None) -> list[str] | None:
    """Return the phase ids asked for (comma lists allowed), checked; None means all."""
    if not phases:
        return None
    wanted = [p.strip() for item in phases for p in item.split(",") if p.strip()]
    known = [c.id for c in checklists.checklists]
    for p in wanted:
        if p not in known:
            raise UsageError(t("checklist.unknown_phase", "en", phase=p, known=", ".join(known)),
                             t("checklist.unknown_phase", "zh", phase=p, known=", ".join(known)))
    return [p for p in known if p in wanted]


def score(checklists: ChecklistSet, answers: AnswersFile, *,
          phases: Sequence[str] | None = None, answers_file: str | None = None,
          data_profile: Path | None = None, quick: bool = False,
          data_rehearsal: Path | None = None) -> AssessmentResult:
    """Return the readiness result (the engine, with the phases checked).

    With ``data_profile`` (a ``data profile`` JSON), the questions it measures
    are answered by the measurement and the result lists measured against claimed.
    With ``data_rehearsal`` (a ``data rehearse`` JSON), the field-mapping and
    test-migration questions the answers file leaves open are answered by it.
    With ``quick``, only the quick-scan questions are scored and the result says
    what a full assessment would add.
    """
    from crm_readiness.engine.quick import mark_quick, quick_checklists, quick_scan
    from crm_readiness.engine.scoring import assess

    measurements: tuple[Measurement, ...] = ()
    if data_rehearsal is not None:  # a dry run answers what the answers file leaves open
        from crm_readiness.io.target_files import load_rehearsal_result
        from crm_readiness.workflows.data_migration import fill_from_rehearsal

        answers = fill_from_rehearsal(answers, load_rehearsal_result(data_rehearsal))
    if data_profile is not None:
        from crm_readiness.engine.measured import apply_measurements
        from crm_readiness.io.data_sources import load_profile_result
        from crm_readiness.workflows.data import measured_answers

        measured = measured_answers(load_profile_result(data_profile), checklists)
        answers, measurements = apply_measurements(answers, measured, checklists)
    selected = select_phases(checklists, phases)
    scored = quick_checklists(checklists) if quick else checklists
    result = assess(scored, answers, phases=selected, answers_file=answers_file)
    if quick:
        result = mark_quick(result, quick_scan(checklists, answers.profile, selected))
    return result.model_copy(update={"measurements": measurements}) if measurements else result


def add_reports(outputs: OutputSet, result: AssessmentResult, out_dir: Path,
                formats: Sequence[str], lang: Lang, *, stem: str = REPORT_STEM,
                paper: Paper = DEFAULT_PAPER) -> list[Path]:
    """Declare the reports of ``result`` in ``outputs`` (rendered when the set commits).

    Reports are regenerated; the xlsx workbook (owners and due dates are edited
    in it) is editable: an existing one is only replaced with ``--force``. The
    HTML and PDF reports are laid out for ``paper``.
    """
    from crm_readiness.render.assessment import RENDERERS
    from crm_readiness.render.pdf import renderer

    paths = []
    for name in formats:
        fmt = Format(name)
        paths.append(outputs.add(out_dir / f"{stem}{fmt.suffix}",
                                 renderer(RENDERERS, fmt, paper, result, lang),
                                 editable=fmt is Format.xlsx))
    return paths


def write_reports(result: AssessmentResult, out_dir: Path, formats: Sequence[str], lang: Lang,
                  *, stem: str = REPORT_STEM, force: bool = False,
                  paper: Paper = DEFAULT_PAPER) -> list[Path]:
    """Render ``result`` in each format into ``out_dir``; all written or none (exit 4)."""
    outputs = OutputSet(force=force)
    add_reports(outputs, result, out_dir, formats, lang, stem=stem, paper=paper)
    return outputs.commit()


def demo_answers_path() -> Path:
    """Return the bundled example organisation's answers file."""
    return examples_dir() / "demo" / "answers.yaml"


def demo_part(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    """Assess the example organisation and write its reports under ``out_dir/assessment``."""
    from crm_readiness.demo.entry import DemoEntry
    from crm_readiness.io.assessment import load_answers

    src = demo_answers_path()
    inputs = ensure_dir(out_dir / "inputs")
    shutil.copyfile(src, inputs / src.name)
    checklists = load_checklist_set()
    answers = load_answers(src, checklists)
    result = score(checklists, answers, answers_file=f"inputs/{src.name}")
    write_reports(result, out_dir / "assessment", ["html", "md", "json"], lang)
    section = tr("demo.section.assess")

    def entry(key: str, path: str, summary: bool = False) -> DemoEntry:
        s = None
        if summary:
            params = {"score": f"{result.overall.score or 0:.1f}",
                      "blockers": len(result.blockers)}
            s = bi(t("demo.assess.summary", "en", verdict=t(f"verdict.{result.overall.verdict}",
                                                              "en"), **params),
                   t("demo.assess.summary", "zh", verdict=t(f"verdict.{result.overall.verdict}",
                                                              "zh"), **params))
        return DemoEntry(section, tr(key), path, s)

    return [entry("demo.assess.html", "assessment/readiness.html", summary=True),
            entry("demo.assess.md", "assessment/readiness.md"),
            entry("demo.assess.json", "assessment/readiness.json"),
            entry("demo.assess.answers", f"inputs/{src.name}")]


def demo_measured_part(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    """Re-assess the example with the data profile the data demo part measured."""
    from crm_readiness.demo.entry import DemoEntry
    from crm_readiness.io.assessment import load_answers

    profile = out_dir / "data" / "customers-profile.json"
    if not profile.is_file():
        return []
    checklists = load_checklist_set()
    answers = load_answers(demo_answers_path(), checklists)
    result = score(checklists, answers, answers_file="inputs/answers.yaml", data_profile=profile)
    write_reports(result, out_dir / "assessment", ["html"], lang, stem="readiness-measured")
    key = "demo.assess.measured"
    return [DemoEntry(tr("demo.section.assess"),
                      tr(key), "assessment/readiness-measured.html")]
