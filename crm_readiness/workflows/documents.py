"""``crm-readiness docs``: the project's documents from the files the project keeps."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path

from crm_readiness.demo.entry import DemoEntry
from crm_readiness.errors import UsageError
from crm_readiness.i18n import Lang, t
from crm_readiness.models.document import Document, DocumentKind
from crm_readiness.models.printing import DEFAULT_PAPER, Paper
from crm_readiness.models.requirements import RequirementsCatalogue
from crm_readiness.models.vendors.spec import SpecDocument

KINDS: tuple[DocumentKind, ...] = ("charter", "specification", "training", "migration", "golive")
FORMATS: tuple[str, ...] = ("docx", "html", "md", "pdf")
#: file stem of each document
STEMS: dict[DocumentKind, str] = {"charter": "project-charter", "specification": "requirements-spec",
                                  "training": "training-plan", "migration": "migration-plan",
                                  "golive": "golive-checklist"}


def parse_kinds(values: Sequence[str]) -> list[DocumentKind]:
    """Return the documents asked for (``all`` or a comma list), checked."""
    wanted = [v.strip().lower() for item in values for v in item.split(",") if v.strip()]
    if not wanted or "all" in wanted:
        return list(KINDS)
    out: list[DocumentKind] = []
    for w in wanted:
        match = next((k for k in KINDS if k == w or STEMS[k] == w), None)
        if match is None:
            known = ", ".join(("all", *KINDS))
            raise UsageError(t("docs.err.kind", "en", value=w, known=known),
                             t("docs.err.kind", "zh", value=w, known=known))
        if match not in out:
            out.append(match)
    return out


def _budget(costs: Path | None, benefits: Path | None) -> object | None:
    if costs is None:
        return None
    from crm_readiness.engine.documents import BudgetFigures
    from crm_readiness.workflows.finance import roi_case, tco_comparison

    if benefits is not None:
        case = roi_case(costs, benefits, draws=100, seed=1)  # fewest draws: only the risk-adjusted view is shown
        view = case.risk_adjusted
        return BudgetFigures(currency=case.currency, horizon=case.horizon_years, tco=view.tco_nominal,
                             one_time=view.costs[0], npv=view.npv, irr=view.irr.value,
                             payback_months=view.payback.months)
    comparison = tco_comparison([costs])
    only = comparison.cases[0]
    view = only.risk_adjusted
    return BudgetFigures(currency=only.currency, horizon=only.horizon_years, tco=view.tco_nominal,
                         one_time=view.costs[0])


def _data(profile: Path | None) -> object | None:
    if profile is None:
        return None
    from crm_readiness.engine.documents import DataFigures
    from crm_readiness.io.data_sources import load_profile_result

    r = load_profile_result(profile)
    return DataFigures(sources=tuple((Path(f.path).name, f.rows) for f in r.files),
                       score=r.readiness.value,
                       dimensions=tuple((d.dimension, d.value, d.target) for d in r.dimensions),
                       clusters=r.duplicates.clusters, cluster_records=r.duplicates.records_in_clusters,
                       columns=tuple((c.name, c.format, c.required, c.unique, c.completeness, c.validity)
                                     for c in r.columns))


def out_of_scope_ids(catalogue: RequirementsCatalogue, spec: SpecDocument) -> tuple[str, ...]:
    """Return the ids of the catalogue's requirements that the specification leaves out of scope."""
    modules = {mid for mid, _ in spec.out_of_scope}
    return tuple(r.id for r in catalogue.requirements if r.module in modules)


def build_documents(kinds: Sequence[DocumentKind], answers_path: Path, *,
                    requirements: Path | None = None, checklists: Path | None = None,
                    costs: Path | None = None, benefits: Path | None = None,
                    data_profile: Path | None = None, start: date | None = None,
                    include_notes: bool = False, today: date | None = None) -> list[Document]:
    """Return the documents asked for, built from the project's files (all loaded first)."""
    from crm_readiness.engine import documents as build
    from crm_readiness.engine.plan import build_plan
    from crm_readiness.engine.vendors.spec import build_spec
    from crm_readiness.io.assessment import load_answers
    from crm_readiness.io.checklists import load_checklist_set
    from crm_readiness.io.vendors import load_catalogue
    from crm_readiness.workflows.assessment import score

    checklist_set = load_checklist_set(checklists)
    answers = load_answers(answers_path, checklist_set)
    result = score(checklist_set, answers, answers_file=answers_path.name)
    spec: SpecDocument | None = None
    excluded: tuple[str, ...] = ()
    if "specification" in kinds:
        texts = {q.id: q.text for c in checklist_set.checklists for q in c.questions}
        catalogue = load_catalogue(requirements)
        spec = build_spec(catalogue, answers, texts)
        excluded = out_of_scope_ids(catalogue, spec)
    inputs = build.DocumentInputs(
        answers=answers, result=result, issued=today or date.today(),
        plan=build_plan(result, start) if start else None,
        budget=_budget(costs, benefits),  # type: ignore[arg-type]
        data=_data(data_profile),  # type: ignore[arg-type]
        spec=spec, out_of_scope_ids=excluded, include_notes=include_notes)
    builders: dict[DocumentKind, Callable[[build.DocumentInputs], Document]] = {
        "charter": build.build_charter, "specification": build.build_specification,
        "training": build.build_training, "migration": build.build_migration, "golive": build.build_golive}
    return [builders[k](inputs) for k in kinds]


def write_documents(documents: Sequence[Document], out_dir: Path, formats: Sequence[str], lang: Lang, *,
                    templates: Path | None = None, force: bool = False,
                    paper: Paper = DEFAULT_PAPER) -> list[Path]:
    """Render every document in every format, then write them all (nothing written if one is refused).

    Documents are meant to be edited after they are written, so an existing file is
    replaced only with ``force`` (a PDF, made from the HTML on ``paper``, is replaced freely).
    """
    from crm_readiness.io.output import OutputSet
    from crm_readiness.render import Format
    from crm_readiness.render.documents import render_document
    from crm_readiness.render.pdf import PRINTABLE, printable

    if templates is not None and not templates.is_dir():
        raise UsageError(t("docs.err.templates", "en", path=str(templates)),
                         t("docs.err.templates", "zh", path=str(templates)))
    outputs = OutputSet(force=force)  # documents are edited once written: replaced only with --force
    for d in documents:
        for f in formats:
            fmt = Format(f)
            if fmt in PRINTABLE:
                html = partial(render_document, d, Format.html, lang, templates=templates)
                outputs.add(out_dir / f"{STEMS[d.kind]}{fmt.suffix}", printable(fmt, html, paper),
                            editable=fmt is Format.html)
            else:
                outputs.add(out_dir / f"{STEMS[d.kind]}{fmt.suffix}",
                            partial(render_document, d, fmt, lang, templates=templates), editable=True)
    return outputs.commit()

#: the demo's project start (a Monday), so its documents carry dates.
DEMO_START = date(2027, 1, 4)


def demo_part(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    """Write the example organisation's five documents (docx and HTML) under ``out_dir/documents``."""
    from crm_readiness._resources import examples_dir
    from crm_readiness.models._base import Text, tr

    demo = examples_dir() / "demo"
    profile = out_dir / "data" / "customers-profile.json"
    documents = build_documents(list(KINDS), demo / "answers.yaml", requirements=demo / "requirements.yaml",
                                costs=demo / "costs.yaml", benefits=demo / "benefits.yaml",
                                data_profile=profile if profile.is_file() else None, start=DEMO_START)
    write_documents(documents, out_dir / "documents", ["html", "docx"], lang, force=True)
    section = tr("docs.demo.section")
    entries: list[DemoEntry] = []
    for doc in documents:
        stem = STEMS[doc.kind]
        entries.append(DemoEntry(section, doc.title, f"documents/{stem}.html"))
        word = Text(en=t("docs.demo.word", "en", title=doc.title.en),
                    zh=t("docs.demo.word", "zh", title=doc.title.zh))
        entries.append(DemoEntry(section, word, f"documents/{stem}.docx"))
    return entries
