"""Evaluation panel and demonstration workflows: export and import the panel scoring
workbooks, write the demonstration scripts and outcome workbooks, import outcomes,
and load both for ``vendors compare``.

Imports are all or nothing per file; without ``partial`` one file with a problem
stops the import and nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from crm_readiness.errors import InputFileError, Problem, UsageError
from crm_readiness.i18n import Lang, t
from crm_readiness.io.atomic import check_writable, write_bytes, write_text
from crm_readiness.models.requirements import RequirementsCatalogue
from crm_readiness.models.vendors import VendorsFile
from crm_readiness.models.vendors.panel import (
    DemoOutcomesFile,
    DemoResult,
    PanelScore,
    PanelScoresFile,
)
from crm_readiness.render import Format

DEMO_FORMATS = ("md", "html", "xlsx")


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
    """Write one scoring workbook per panelist, ``panel-<id>.xlsx``, into ``out_dir``."""
    from crm_readiness.io.vendors import load_vendors
    from crm_readiness.render.vendors.panel import render_panel_workbook

    vf, _, _ = load_vendors(vendors_path)
    if vf.panel is None:
        raise UsageError(t("vendors.panel.no_panel", "en"), t("vendors.panel.no_panel", "zh"))
    stamp = now or datetime.now(UTC)
    targets = [(out_dir / f"panel-{p.id}.xlsx", p) for p in vf.panel.panelists]
    for path, _p in targets:
        check_writable(path, force=force)
    return [write_bytes(path, render_panel_workbook(vf, p, lang, generated=stamp), force=force)
            for path, p in targets]


@dataclass
class ImportResult:
    """What an import did: the file written, what each workbook gave, the problems."""

    target: Path
    applied: dict[Path, int] = field(default_factory=dict)
    problems: dict[Path, list[Problem]] = field(default_factory=dict)
    written: bool = False


def _stop_or_skip(result: ImportResult, partial: bool) -> None:
    from crm_readiness.io.panel import ImportProblems

    bad = [InputFileError(p, probs) for p, probs in result.problems.items() if probs]
    if bad and not partial:
        raise ImportProblems(bad)


def import_panel(files: Sequence[Path], vendors_path: Path, *, force: bool = False,
                 partial: bool = False) -> ImportResult:
    """Read filled panel workbooks into the panel scores file (a panelist's scores replaced)."""
    from crm_readiness.io.panel import load_panel_scores, panel_scores_yaml, read_panel_workbook
    from crm_readiness.io.vendors import load_vendors

    vf, _, _ = load_vendors(vendors_path)
    target = panel_scores_path(vendors_path, vf)
    check_writable(target, force=force)
    current = load_panel_scores(target, vf) if target.is_file() else PanelScoresFile()
    result = ImportResult(target)
    parsed = [read_panel_workbook(path, vf) for path in files]
    seen: dict[str, Path] = {}
    for p in parsed:
        if p.panelist is not None and p.panelist in seen:
            from crm_readiness.io.panel import problem

            p.problems.append(problem("Scores!B4", "vendors.panel.twice", id=p.panelist,
                                      other=seen[p.panelist].name))
        elif p.panelist is not None:
            seen[p.panelist] = p.path
        result.problems[p.path] = p.problems
    _stop_or_skip(result, partial)
    merged: dict[str, dict[str, dict[str, PanelScore]]] = dict(current.panelists)
    for p in parsed:
        if p.problems or p.panelist is None:
            result.applied[p.path] = 0
            continue
        merged[p.panelist] = p.scores
        result.applied[p.path] = sum(len(x) for x in p.scores.values())
    if any(result.applied.values()):
        write_text(target, panel_scores_yaml(PanelScoresFile(panelists=merged)), force=force)
        result.written = True
    return result


def write_demo_kits(vendors_path: Path, out_dir: Path, formats: Sequence[str], lang: Lang, *,
                    force: bool = False, now: datetime | None = None) -> list[Path]:
    """Write per vendor the demonstration script (md/html) and the outcome workbook."""
    from crm_readiness.io.vendors import load_vendors
    from crm_readiness.render.vendors.demo import render_demo_script, render_outcome_workbook

    vf, catalogue, _ = load_vendors(vendors_path)
    stamp = now or datetime.now(UTC)
    written: list[Path] = []
    if "xlsx" in formats:
        for v in vf.vendors:
            check_writable(out_dir / f"demo-outcomes-{v.id}.xlsx", force=force)
    for v in vf.vendors:
        for name in ("md", "html"):
            if name in formats:
                fmt = Format(name)
                written.append(write_text(out_dir / f"demo-script-{v.id}{fmt.suffix}",
                                          render_demo_script(catalogue, v, lang, fmt, vf.title)))
        if "xlsx" in formats:
            written.append(write_bytes(out_dir / f"demo-outcomes-{v.id}.xlsx",
                                       render_outcome_workbook(catalogue, v, lang,
                                                               generated=stamp), force=force))
    return written


def import_demos(files: Sequence[Path], vendors_path: Path, *, force: bool = False,
                 partial: bool = False) -> ImportResult:
    """Read filled outcome workbooks into the demonstration outcomes file."""
    from crm_readiness.io.demo_outcomes import (
        demo_outcomes_yaml,
        load_demo_outcomes,
        read_outcome_workbook,
    )
    from crm_readiness.io.panel import problem
    from crm_readiness.io.vendors import load_vendors

    vf, catalogue, _ = load_vendors(vendors_path)
    target = demo_outcomes_path(vendors_path, vf)
    check_writable(target, force=force)
    current = (load_demo_outcomes(target, vf, catalogue) if target.is_file()
               else DemoOutcomesFile())
    result = ImportResult(target)
    parsed = [read_outcome_workbook(path, vf, catalogue) for path in files]
    seen: dict[str, Path] = {}
    for p in parsed:
        if p.vendor is not None and p.vendor in seen:
            p.problems.append(problem("Outcomes!B4", "vendors.panel.twice", id=p.vendor,
                                      other=seen[p.vendor].name))
        elif p.vendor is not None:
            seen[p.vendor] = p.path
        result.problems[p.path] = p.problems
    _stop_or_skip(result, partial)
    merged: dict[str, dict[str, DemoResult]] = dict(current.vendors)
    for p in parsed:
        if p.problems or p.vendor is None:
            result.applied[p.path] = 0
            continue
        merged[p.vendor] = {**merged.get(p.vendor, {}), **p.outcomes}
        result.applied[p.path] = len(p.outcomes)
    if any(result.applied.values()):
        write_text(target, demo_outcomes_yaml(DemoOutcomesFile(vendors=merged)), force=force)
        result.written = True
    return result
