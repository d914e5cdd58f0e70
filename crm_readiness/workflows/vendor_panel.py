"""Evaluation panel and demonstration workflows: export and import the panel scoring
workbooks, write the demonstration scripts and outcome workbooks, import outcomes,
and load both for ``vendors compare``.

Imports are all or nothing per file; without ``partial`` one file with a problem
stops the import and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from crm_readiness.errors import InputFileError, OutputError, Problem, UsageError
from crm_readiness.i18n import Lang, t
from crm_readiness.io.output import OutputSet
from crm_readiness.models.printing import DEFAULT_PAPER, Paper
from crm_readiness.models.requirements import RequirementsCatalogue
from crm_readiness.models.vendors import VendorsFile
from crm_readiness.models.vendors.panel import (
    DemoOutcomesFile,
    DemoResult,
    PanelScore,
    PanelScoresFile,
)
from crm_readiness.render import Format

DEMO_FORMATS = ("md", "html", "docx", "xlsx", "pdf")


def _utf8(render: Callable[[], str]) -> Callable[[], bytes]:
    return lambda: render().encode("utf-8")


def _beside(vendors_path: Path, ref: str) -> Path:
    p = Path(ref)
    return p if p.is_absolute() else vendors_path.parent / p


def panel_scores_path(vendors_path: Path, vf: VendorsFile) -> Path:
    """Return the panel scores file a vendors file uses."""
    if vf.panel is None:
        raise UsageError(t("vendors.panel.no_panel", "en"), t("vendors.panel.no_panel", "zh"))
    return _beside(vendors_path, vf.panel.scores)


def demo_outcomes_path(vendors_path: Path, vf: VendorsFile) -> Path:
    """Return the demonstration outcomes file (``demo-outcomes.yaml`` beside it by default)."""
    return _beside(vendors_path, vf.demonstrations or "demo-outcomes.yaml")


def load_extras(vendors_path: Path, vf: VendorsFile, catalogue: RequirementsCatalogue
                ) -> tuple[PanelScoresFile | None, DemoOutcomesFile | None]:
    """Return the panel scores and demonstration outcomes the vendors file refers to.

    A panel whose scores file does not exist yet (nobody imported) gives None;
    a ``demonstrations`` file that is named must exist.
    """
    from crm_readiness.io.demo_outcomes import load_demo_outcomes
    from crm_readiness.io.panel import load_panel_scores

    scores = None
    if vf.panel is not None:
        path = panel_scores_path(vendors_path, vf)
        scores = load_panel_scores(path, vf) if path.is_file() else None
    demos = None
    if vf.demonstrations is not None:
        demos = load_demo_outcomes(demo_outcomes_path(vendors_path, vf), vf, catalogue)
    return scores, demos


def export_panel(vendors_path: Path, out_dir: Path, lang: Lang, *, force: bool = False,
                 now: datetime | None = None) -> list[Path]:
    """Write one scoring workbook per panelist, ``panel-<id>.xlsx``, into ``out_dir``.

    The workbooks are filled in by the panelists: an existing one is replaced only with
    ``force``, and all are checked before any is written.
    """
    from crm_readiness.io.vendors import load_vendors
    from crm_readiness.render.vendors.panel import render_panel_workbook

    vf, _, _ = load_vendors(vendors_path)
    if vf.panel is None:
        raise UsageError(t("vendors.panel.no_panel", "en"), t("vendors.panel.no_panel", "zh"))
    stamp = now or datetime.now(UTC)
    outputs = OutputSet(force=force)
    for p in vf.panel.panelists:
        outputs.add(out_dir / f"panel-{p.id}.xlsx",
                    partial(render_panel_workbook, vf, p, lang, generated=stamp), editable=True)
    return outputs.commit()


@dataclass
class ImportResult:
    """What an import did: the file written, what each workbook gave, the problems."""

    target: Path
    applied: dict[Path, int] = field(default_factory=dict)
    problems: dict[Path, list[Problem]] = field(default_factory=dict)
    written: bool = False


def _flag_twice(result: ImportResult, files: list[tuple[Path, str | None, list[Problem]]],
                cell: str) -> None:
    """Record each file's problems; a second file for the same panelist or vendor is one."""
    from crm_readiness.io.panel import problem

    seen: dict[str, Path] = {}
    for path, who, problems in files:
        if who is not None and who in seen:
            problems.append(problem(cell, "vendors.panel.twice", id=who, other=seen[who].name))
        elif who is not None:
            seen[who] = path
        result.problems[path] = problems


def _stop_or_skip(result: ImportResult, partial: bool) -> None:
    from crm_readiness.io.panel import ImportProblems

    bad = [InputFileError(p, probs) for p, probs in result.problems.items() if probs]
    if bad and (not partial or len(bad) == len(result.problems)):
        raise ImportProblems(bad)  # --partial with no clean file at all: nothing to import


def _preflight(target: Path) -> None:
    """Refuse an unwritable store before any workbook is read (exit 4)."""
    check = OutputSet(force=True)
    check.add(target, b"")
    check.preflight()


def _refuse_replacing(target: Path, ids: list[str]) -> None:
    if ids:
        params = {"ids": ", ".join(sorted(ids))}
        raise OutputError(target, t("vendors.panel.replace_needs_force", "en", **params),
                          t("vendors.panel.replace_needs_force", "zh", **params))


def import_panel(files: Sequence[Path], vendors_path: Path, *, force: bool = False,
                 partial: bool = False) -> ImportResult:
    """Read filled panel workbooks into the panel scores file.

    The file is updated under a lock (read, merge, write): panelists import one after
    another, or at the same time, without losing each other's scores. A panelist whose
    scores are already in the file with different values is replaced only with ``force``.
    """
    from crm_readiness.io.answers_store import update_store
    from crm_readiness.io.panel import (
        load_panel_scores,
        panel_scores_data,
        panel_scores_yaml,
        read_panel_workbook,
    )
    from crm_readiness.io.vendors import load_vendors

    vf, _, _ = load_vendors(vendors_path)
    target = panel_scores_path(vendors_path, vf)
    _preflight(target)
    result = ImportResult(target)
    parsed = [read_panel_workbook(path, vf) for path in files]
    _flag_twice(result, [(p.path, p.panelist, p.problems) for p in parsed], "Scores!B4")
    _stop_or_skip(result, partial)
    good = [p for p in parsed if not p.problems and p.panelist is not None]
    for p in parsed:
        result.applied[p.path] = sum(len(x) for x in p.scores.values()) if p in good else 0

    def merge(current: PanelScoresFile) -> PanelScoresFile:
        merged: dict[str, dict[str, dict[str, PanelScore]]] = dict(current.panelists)
        clash = [p.panelist for p in good if p.panelist in merged
                 and merged[p.panelist] != p.scores and not force]
        _refuse_replacing(target, [c for c in clash if c is not None])
        for p in good:
            assert p.panelist is not None
            merged[p.panelist] = p.scores
        return PanelScoresFile(version=current.version, panelists=merged)

    if good:
        _, result.written = update_store(target, lambda path: load_panel_scores(path, vf),
                                         panel_scores_data, panel_scores_yaml, merge,
                                         empty=PanelScoresFile())
    return result


def write_demo_kits(vendors_path: Path, out_dir: Path, formats: Sequence[str], lang: Lang, *,
                    force: bool = False, now: datetime | None = None,
                    paper: Paper = DEFAULT_PAPER) -> list[Path]:
    """Write per vendor the demonstration script (md/html/pdf) and the outcome workbook.

    Scripts are regenerated from the catalogue (replaced freely); an outcome workbook is
    filled in during the demonstration, so an existing one is replaced only with ``force``.
    """
    from crm_readiness.io.vendors import load_vendors
    from crm_readiness.render.pdf import PRINTABLE, printable
    from crm_readiness.render.vendors.demo import (
        render_demo_script,
        render_demo_script_docx,
        render_outcome_workbook,
    )

    vf, catalogue, _ = load_vendors(vendors_path)
    stamp = now or datetime.now(UTC)
    outputs = OutputSet(force=force)
    for v in vf.vendors:
        for name in ("md", "html", "pdf"):
            if name in formats:
                fmt = Format(name)
                script = _utf8(partial(render_demo_script, catalogue, v, lang,
                                       Format.html if fmt in PRINTABLE else fmt, vf.title))
                outputs.add(out_dir / f"demo-script-{v.id}{fmt.suffix}",
                            printable(fmt, script, paper) if fmt in PRINTABLE else script)
        if "docx" in formats:
            outputs.add(out_dir / f"demo-script-{v.id}.docx",
                        partial(render_demo_script_docx, catalogue, v, lang, vf.title))
        if "xlsx" in formats:
            outputs.add(out_dir / f"demo-outcomes-{v.id}.xlsx",
                        partial(render_outcome_workbook, catalogue, v, lang, generated=stamp),
                        editable=True)
    return outputs.commit()


def import_demos(files: Sequence[Path], vendors_path: Path, *, force: bool = False,
                 partial: bool = False) -> ImportResult:
    """Read filled outcome workbooks into the demonstration outcomes file (locked update).

    An outcome already recorded differently for a vendor's requirement is replaced only
    with ``force``; other outcomes are merged.
    """
    from crm_readiness.io.answers_store import update_store
    from crm_readiness.io.demo_outcomes import (
        demo_outcomes_data,
        demo_outcomes_yaml,
        load_demo_outcomes,
        read_outcome_workbook,
    )
    from crm_readiness.io.vendors import load_vendors

    vf, catalogue, _ = load_vendors(vendors_path)
    target = demo_outcomes_path(vendors_path, vf)
    _preflight(target)
    result = ImportResult(target)
    parsed = [read_outcome_workbook(path, vf, catalogue) for path in files]
    _flag_twice(result, [(p.path, p.vendor, p.problems) for p in parsed], "Outcomes!B4")
    _stop_or_skip(result, partial)
    good = [p for p in parsed if not p.problems and p.vendor is not None]
    for p in parsed:
        result.applied[p.path] = len(p.outcomes) if p in good else 0

    def merge(current: DemoOutcomesFile) -> DemoOutcomesFile:
        merged: dict[str, dict[str, DemoResult]] = dict(current.vendors)
        clash: list[str] = []
        for p in good:
            assert p.vendor is not None
            old = merged.get(p.vendor, {})
            clash += [f"{p.vendor}/{rid}" for rid, d in p.outcomes.items()
                      if rid in old and old[rid] != d and not force]
            merged[p.vendor] = {**old, **p.outcomes}
        _refuse_replacing(target, clash)
        return DemoOutcomesFile(version=current.version, vendors=merged)

    if good:
        _, result.written = update_store(
            target, lambda path: load_demo_outcomes(path, vf, catalogue), demo_outcomes_data,
            demo_outcomes_yaml, merge, empty=DemoOutcomesFile())
    return result
