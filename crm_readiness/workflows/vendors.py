"""Vendor selection workflows: compare, RFP round trip, catalogue copy, specification, demo.

Each function glues a loader, an engine and renderers; no terminal I/O.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from crm_readiness._resources import examples_dir
from crm_readiness.demo.entry import DemoEntry
from crm_readiness.errors import CrmReadinessError, InputFileError, Problem
from crm_readiness.i18n import Lang, t
from crm_readiness.io.atomic import ensure_dir
from crm_readiness.io.output import OutputSet
from crm_readiness.models._base import Text, tr
from crm_readiness.models.printing import DEFAULT_PAPER, Paper
from crm_readiness.models.requirements import RequirementsCatalogue
from crm_readiness.models.vendors import Comparison, Vendor, VendorsFile
from crm_readiness.render import Format

COMPARE_FORMATS = ("xlsx", "md", "html", "json", "pdf")
SPEC_FORMATS = ("md", "html", "docx", "pdf")


@dataclass(frozen=True)
class CompareRun:
    """A computed comparison with the inputs it came from."""

    comparison: Comparison
    catalogue: RequirementsCatalogue
    vendors_file: VendorsFile
    vendors_path: Path
    catalogue_path: Path


def resolve_costs(vendors_path: Path, vf: VendorsFile
                  ) -> tuple[dict[str, Decimal | None], dict[str, str]]:
    """Return each vendor's nominal TCO, reading cost files through the finance workflow."""
    costs: dict[str, Decimal | None] = {}
    sources: dict[str, str] = {}
    for i, v in enumerate(vf.vendors):
        if not isinstance(v.cost, str):
            costs[v.id] = v.cost
            continue
        where = f"vendors.{i}.cost"
        path = Path(v.cost) if Path(v.cost).is_absolute() else vendors_path.parent / v.cost
        if not path.is_file():
            raise InputFileError(vendors_path, [Problem(
                where, t("vendors.err.cost_missing", "en", path=str(path)),
                t("vendors.err.cost_missing", "zh", path=str(path)))])
        try:
            from crm_readiness.workflows.finance import tco_of_file
        except ImportError:
            raise InputFileError(vendors_path, [Problem(
                where, t("vendors.err.no_finance", "en"), t("vendors.err.no_finance", "zh"))]
                ) from None
        try:
            costs[v.id] = Decimal(tco_of_file(path))
        except InputFileError as exc:
            raise InputFileError(exc.path, [*exc.problems, Problem(
                "", t("vendors.err.cost_from", "en", file=str(vendors_path), where=where),
                t("vendors.err.cost_from", "zh", file=str(vendors_path), where=where))]) from None
        except CrmReadinessError as exc:
            raise InputFileError(vendors_path, [Problem(where, exc.text("en"), exc.text("zh"))]
                                 ) from None
        sources[v.id] = v.cost
    if sources:  # one currency and horizon across the cost files and the budget (finance)
        from crm_readiness.workflows.finance import comparable_costs

        comparable_costs([Path(s) if Path(s).is_absolute() else vendors_path.parent / s
                          for s in sources.values()],
                         currency=vf.budget.currency if vf.budget is not None else None,
                         budget=f"{vendors_path} (budget)",
                         budget_horizon=vf.budget.horizon_years if vf.budget else None,
                         vendors=True)
    return costs, sources


def _refuse_inconsistent(path: Path, result: Comparison) -> None:
    """Refuse a matrix (the top one, or a group's) whose CR is over the threshold."""
    top = result.ahp
    if top is None:
        return
    key = "panelists" if top.panelists else "comparisons"
    found = [(("ahp", key), top)] + [
        (("ahp", "groups", g.id, "panelists" if g.result.panelists else "comparisons"),
         g.result) for g in top.groups]
    bad = [(loc, ahp) for loc, ahp in found if not ahp.consistent and not ahp.accepted_inconsistent]
    if not bad:
        return
    from crm_readiness.io.yaml_files import load_yaml

    loaded = load_yaml(path)
    problems = []
    for loc, ahp in bad:
        pairs = "; ".join(f"{d.a}:{d.b} {d.judged:.3g} vs {d.implied:.3g}" for d in ahp.worst)
        params = {"cr": f"{ahp.cr:.3f}", "table": ahp.ri_table, "pairs": pairs}
        line, col = loaded.locate(loc)
        problems.append(Problem(".".join(loc), t("vendors.err.inconsistent", "en", **params),
                                t("vendors.err.inconsistent", "zh", **params), line, col))
    raise InputFileError(path, problems)


def run_compare(vendors_path: Path, *, requirements: Path | None = None,
                accept_inconsistent: bool = False) -> CompareRun:
    """Load the vendors file (and its catalogue and cost files) and compute the comparison."""
    from crm_readiness.engine.vendors import compare
    from crm_readiness.io.vendors import load_vendors
    from crm_readiness.workflows.vendor_panel import load_extras

    vf, catalogue, cat_path = load_vendors(vendors_path, requirements)
    costs, sources = resolve_costs(vendors_path, vf)
    panel_scores, demos = load_extras(vendors_path, vf, catalogue)
    if vf.scope is not None or vf.industry is not None:
        # the specification's rule: the same requirements scored, sent and specified
        from crm_readiness.engine.vendors.spec import scoped_catalogue

        catalogue = scoped_catalogue(catalogue, vf.scope, vf.industry)
    result = compare(catalogue, vf, costs=costs, cost_sources=sources,
                     accept_inconsistent=accept_inconsistent, panel_scores=panel_scores,
                     demos=demos)
    _refuse_inconsistent(vendors_path, result)
    return CompareRun(result, catalogue, vf, vendors_path, cat_path)


def comparison_notes(result: Comparison, lang: Lang) -> list[str]:
    """Return the tie and close-call notes the reports show, for the terminal."""
    from crm_readiness.render.vendors.reports import rank_notes

    return rank_notes(result, lang)


def write_comparison(run: CompareRun, out: Path, formats: Sequence[str], lang: Lang, *,
                     force: bool = False, now: datetime | None = None,
                     paper: Paper = DEFAULT_PAPER) -> list[Path]:
    """Write the workbook (``out`` itself when it ends in .xlsx), summary, scorecards, JSON."""
    from crm_readiness.render.vendors.reports import (
        render_comparison,
        render_json,
        render_scorecard,
    )
    from crm_readiness.render.vendors.workbook import render_comparison_workbook

    stamp = now or datetime.now(UTC)
    folder, xlsx = (out.parent, out) if out.suffix.lower() == ".xlsx" else (
        out, out / "comparison.xlsx")
    result, cat = run.comparison, run.catalogue
    outputs = OutputSet(force=force)
    if "xlsx" in formats:  # a workbook the consultant edits: replaced only with --force
        outputs.add(xlsx, partial(render_comparison_workbook, result, cat, lang, stamp),
                    editable=True)
    if "json" in formats:
        outputs.add(folder / "comparison.json", _utf8(render_json, result))
    for name in ("md", "html", "pdf"):
        if name not in formats:
            continue
        fmt = Format(name)
        outputs.add(folder / f"comparison{fmt.suffix}",
                    _report(fmt, paper, render_comparison, result, cat, lang))
        for v in result.vendors:
            outputs.add(folder / "scorecards" / f"{v.id}{fmt.suffix}",
                        _report(fmt, paper, render_scorecard, result, v, cat, lang))
    return outputs.commit()


def _utf8(render: Callable[..., str], *args: Any) -> Callable[[], bytes]:
    return lambda: render(*args).encode("utf-8")


def _report(fmt: Format, paper: Paper, render: Callable[..., str], *args: Any) -> Callable[[], bytes]:
    """Return the renderer of a vendor report ``render(*args, fmt)`` in ``fmt`` (PDF: of its HTML)."""
    from crm_readiness.render.pdf import PRINTABLE, printable

    if fmt in PRINTABLE:
        return printable(fmt, _utf8(render, *args, Format.html), paper)
    return _utf8(render, *args, fmt)


def write_rfp(catalogue: RequirementsCatalogue, out: Path, lang: Lang, *,
              vendor_name: str | None = None, vendor_id: str | None = None,
              force: bool = False) -> Path:
    """Write the RFP response workbook for ``catalogue`` (refuses to replace without force)."""
    from crm_readiness.render.vendors.rfp import render_rfp_workbook

    outputs = OutputSet(force=force)  # filled in by the vendor: editable
    outputs.add(out, partial(render_rfp_workbook, catalogue, lang, vendor_name=vendor_name,
                             vendor_id=vendor_id), editable=True)
    return outputs.commit()[0]


@dataclass
class ImportReport:
    """What ``vendors import`` did: the file written, vendors updated, problems per workbook."""

    vendors_path: Path
    imported: dict[str, int] = field(default_factory=dict)
    problems: dict[Path, list[Problem]] = field(default_factory=dict)


def _slug(name: str, taken: set[str]) -> str:
    base = "".join(ch if ch.isascii() and ch.isalnum() else "_" for ch in name.lower())
    base = "_".join(p for p in base.split("_") if p) or "vendor"
    if not base[0].isalpha():
        base = "v_" + base
    base = base[:24]
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}_{n}", n + 1
    return slug


STARTER_CRITERIA = [
    {"id": "functional_fit", "kind": "functional_fit", "weight": 0.40,
     "name": {"en": "Functional fit", "zh": "功能匹配度"}},
    {"id": "usability", "weight": 0.20, "name": {"en": "Ease of use", "zh": "易用性"}},
    {"id": "extensibility", "weight": 0.10, "name": {"en": "Extensibility (PaaS)",
                                                      "zh": "可扩展性（PaaS）"}},
    {"id": "integration", "weight": 0.15, "name": {"en": "Integration and open API",
                                                    "zh": "集成与开放接口"}},
    {"id": "implementation", "weight": 0.15, "name": {"en": "Implementation and support",
                                                       "zh": "实施与服务"}},
]


def import_rfps(files: Sequence[Path], vendors_path: Path, *, requirements: Path | None = None,
                force: bool = False, strict: bool = False) -> ImportReport:
    """Read filled RFP workbooks into the vendors file; valid responses in, problems reported.

    An existing vendors file is changed only with ``force``, and then through the one
    locked read-merge-write (:func:`~crm_readiness.io.answers_store.update_store`): the
    responses are merged into the file as it is on disk at that moment and written back
    in place, so its comments, key order and layout stay and a concurrent writer's change
    is not lost. With ``strict`` any problem stops the import before anything is written.
    """
    from crm_readiness.io.answers_store import update_store
    from crm_readiness.io.rfp_import import read_rfp
    from crm_readiness.io.vendors import load_catalogue, load_vendors, vendors_data, vendors_yaml

    check = OutputSet(force=force)
    check.add(vendors_path, b"", editable=True)
    check.preflight()  # an existing vendors file needs --force: refused before any reading
    if vendors_path.exists():
        vf, catalogue, _ = load_vendors(vendors_path, requirements)
    else:
        catalogue = load_catalogue(requirements)
        ref = (os.path.relpath(requirements.resolve(), vendors_path.resolve().parent)
               if requirements else None)
        vf = VendorsFile.model_validate({"requirements": ref, "criteria": STARTER_CRITERIA})
    report = ImportReport(vendors_path)
    read = [(path, read_rfp(path, catalogue)) for path in files]
    for path, got in read:
        report.problems[path] = got.problems
    if strict and any(report.problems.values()):
        return report

    def merge(current: VendorsFile) -> VendorsFile:
        vendors = list(current.vendors)
        for path, got in read:
            ids = {v.id for v in vendors}
            idx = next((i for i, v in enumerate(vendors)
                        if v.id == got.vendor_id or (got.vendor_id is None and got.vendor_name
                                                     in (v.name.en, v.name.zh))), None)
            if idx is None:
                vid = got.vendor_id or _slug(got.vendor_name or path.stem, ids)
                vendors.append(Vendor(id=vid, name=got.vendor_name or path.stem))
                idx = len(vendors) - 1
            old = vendors[idx]
            # the workbook names the vendor in one language: a new name replaces both, the
            # file's own name in either language is kept as written
            renamed = got.vendor_name and got.vendor_name not in (old.name.en, old.name.zh)
            vendors[idx] = old.model_copy(update={
                "responses": {**old.responses, **got.responses},
                "name": Text.model_validate(got.vendor_name) if renamed else old.name})
            report.imported[vendors[idx].id] = len(got.responses)
        return current.model_copy(update={"vendors": tuple(vendors)})

    ensure_dir(vendors_path.parent)
    update_store(vendors_path, lambda path: load_vendors(path, requirements)[0], vendors_data,
                 vendors_yaml, merge, empty=vf)
    return report


def init_requirements(out: Path, *, force: bool = False) -> Path:
    """Copy the packaged standard catalogue to ``out`` for tailoring."""
    from crm_readiness.io.vendors import standard_catalogue_path

    outputs = OutputSet(force=force)
    outputs.add(out, standard_catalogue_path().read_bytes, editable=True)
    return outputs.commit()[0]


def _question_texts(checklists: Path | None) -> dict[str, Text]:
    try:
        from crm_readiness.io.checklists import load_checklist_set

        cs = load_checklist_set(checklists)
    except (ImportError, CrmReadinessError):
        if checklists is not None:
            raise
        return {}
    return {q.id: q.text for c in cs.checklists for q in c.questions}


def write_spec(answers_path: Path, out_dir: Path, formats: Sequence[str], lang: Lang, *,
               requirements: Path | None = None, checklists: Path | None = None,
               today: date | None = None, paper: Paper = DEFAULT_PAPER) -> list[Path]:
    """Write the requirements specification (需求说明书) in the chosen formats."""
    from crm_readiness.engine.vendors.spec import build_spec
    from crm_readiness.io.vendors import load_catalogue
    from crm_readiness.render.pdf import PRINTABLE, printable
    from crm_readiness.render.vendors.spec import render_spec_docx, render_spec_text

    try:
        from crm_readiness.io.assessment import load_answers_file
        answers = load_answers_file(answers_path)
    except ImportError:  # pragma: no cover - the assessment loader ships with the package
        from crm_readiness.io.yaml_files import load_model
        from crm_readiness.models.answers import AnswersFile

        answers = load_model(answers_path, AnswersFile)
    catalogue = load_catalogue(requirements)
    doc = build_spec(catalogue, answers, _question_texts(checklists))
    day = today or date.today()
    outputs = OutputSet(force=False)  # regenerated from the answers and catalogue: replaced
    for name in formats:
        fmt = Format(name)
        path = out_dir / f"requirements-spec{fmt.suffix}"
        if fmt is Format.docx:
            outputs.add(path, partial(render_spec_docx, doc, lang, day))
        elif fmt in PRINTABLE:
            outputs.add(path, printable(fmt, _utf8(render_spec_text, doc, lang, Format.html, day), paper))
        else:
            outputs.add(path, _utf8(render_spec_text, doc, lang, fmt, day))
    return outputs.commit()


def _panel_and_demo_entries(vendors_path: Path, folder: Path, lang: Lang,
                            section: Text) -> list[DemoEntry]:
    """Write the panel scoring workbooks, demonstration scripts and outcome workbooks."""
    from crm_readiness.workflows.vendor_panel import export_panel, write_demo_kits

    entries: list[DemoEntry] = []
    for path in export_panel(vendors_path, folder / "panel", lang, force=True):
        entries.append(DemoEntry(section, tr("vendors.demo.panel_xlsx",
                                             who=path.stem.removeprefix("panel-")),
                                 f"vendors/panel/{path.name}"))
    keys = {".html": "vendors.demo.script_html", ".docx": "vendors.demo.script_docx",
            ".xlsx": "vendors.demo.outcome_xlsx"}
    for path in write_demo_kits(vendors_path, folder / "demonstrations",
                                ("html", "docx", "xlsx"), lang, force=True):
        vid = path.stem.removeprefix("demo-script-").removeprefix("demo-outcomes-")
        key = keys[path.suffix]
        entries.append(DemoEntry(section, tr(key, vendor=vid),
                                 f"vendors/demonstrations/{path.name}"))
    return entries


def demo_part(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    """Compare the example organisation's three vendors; write RFP, workbook, scorecards, spec."""
    src = examples_dir() / "demo"
    inputs = ensure_dir(out_dir / "inputs")
    for name in ("requirements.yaml", "vendors.yaml", "costs-yunfan.yaml",
                 "costs-novasales.yaml", "costs-entlink.yaml", "panel-scores.yaml",
                 "demo-outcomes.yaml"):
        if (src / name).is_file():
            shutil.copyfile(src / name, inputs / name)
    folder = ensure_dir(out_dir / "vendors")
    run = run_compare(inputs / "vendors.yaml")
    write_comparison(run, folder, ("xlsx", "md", "html", "json"), lang, force=True)
    write_rfp(run.catalogue, folder / "rfp-response.xlsx", lang, force=True)
    res = run.comparison
    names = {v.id: v.name for v in res.vendors}
    section = tr("vendors.demo.section")
    out_ids = [v.id for v in res.vendors if v.status == "knocked_out"]
    params = {"leader": names.get(res.robustness.leader or "", "–"),
              "out": Text.join((names[i] for i in out_ids), ", ", "、") if out_ids else "–"}
    summary = tr("vendors.demo.summary", **params)

    def entry(key: str, path: str, s: bool = False) -> DemoEntry:
        return DemoEntry(section, tr(key), path, summary if s else None)

    entries = [entry("vendors.demo.html", "vendors/comparison.html", True),
               entry("vendors.demo.xlsx", "vendors/comparison.xlsx"),
               entry("vendors.demo.md", "vendors/comparison.md"),
               entry("vendors.demo.json", "vendors/comparison.json")]
    entries += [DemoEntry(section, tr("vendors.demo.scorecard", name=v.name),
                          f"vendors/scorecards/{v.id}.html") for v in res.vendors]
    entries.append(entry("vendors.demo.rfp", "vendors/rfp-response.xlsx"))
    entries += _panel_and_demo_entries(inputs / "vendors.yaml", folder, lang, section)
    answers = src / "answers.yaml"
    if answers.is_file():
        write_spec(answers, folder, ("md", "html", "docx"), lang,
                   requirements=inputs / "requirements.yaml")
        entries += [entry("vendors.demo.spec_html", "vendors/requirements-spec.html"),
                    entry("vendors.demo.spec_docx", "vendors/requirements-spec.docx")]
    entries += [entry("vendors.demo.vendors_input", "inputs/vendors.yaml"),
                entry("vendors.demo.panel_input", "inputs/panel-scores.yaml"),
                entry("vendors.demo.outcomes_input", "inputs/demo-outcomes.yaml"),
                entry("vendors.demo.requirements_input", "inputs/requirements.yaml")]
    return entries
