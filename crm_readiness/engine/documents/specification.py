"""The requirements specification (《CRM系统需求说明书》) as a document fit to send to vendors.

Built from :func:`crm_readiness.engine.vendors.spec.build_spec` (in-scope modules only, the
same scope the ranking and the RFP workbook use). Labels replace profile codes; the
assessment's internal notes are left out unless ``include_notes``.
"""

from __future__ import annotations

from crm_readiness.engine.documents._inputs import DocumentInputs, profile_table, state_table
from crm_readiness.engine.documents._processes import (
    interface_table,
    migration_scope,
    process_sections,
    topic_sections,
)
from crm_readiness.engine.labels import labels
from crm_readiness.models._base import tr
from crm_readiness.models.document import (
    Block,
    BulletList,
    Cell,
    Column,
    Document,
    Paragraph,
    Section,
    Table,
)
from crm_readiness.models.vendors.spec import SpecModule, SpecNote

PROCESS_QUESTIONS = ("requirements.lead_to_cash_mapped", "requirements.service_loop_mapped",
                     "requirements.process_optimised")
DESIGN_QUESTIONS = ("requirements.lead_ownership", "requirements.visibility_and_sharing",
                    "requirements.automation_rules", "requirements.fields_and_tags",
                    "requirements.reporting_needs", "requirements.mobile_scenarios")
MIGRATION_ITEMS = ("vendors.spec.mig1", "vendors.spec.mig2", "vendors.spec.mig3", "vendors.spec.mig4")


def _requirements(module: SpecModule) -> Table:
    cols = (Column(header=tr("vendors.wb.id"), weight=1.1),
            Column(header=tr("vendors.wb.requirement"), weight=3),
            Column(header=tr("vendors.wb.priority"), weight=1.1),
            Column(header=tr("vendors.rfp.description"), weight=4),
            Column(header=tr("vendors.rfp.acceptance"), weight=3))
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (r.id, r.title, tr(f"vendors.prio.{r.priority}"), r.description or "–", r.acceptance or "–")
        for r in module.requirements)
    return Table(columns=cols, rows=rows)


def _modules(modules: tuple[SpecModule, ...]) -> tuple[Section, ...]:
    return tuple(Section(title=m.name, blocks=(_requirements(m),)) for m in modules)


def _notes(inputs: DocumentInputs, notes: tuple[SpecNote, ...]) -> list[Block]:
    if not inputs.include_notes:
        return []
    if not notes:
        return [Paragraph(text=tr("docs.none"), style="note")]
    return [BulletList(items=tuple(n.note for n in notes))]


def build_specification(inputs: DocumentInputs) -> Document:
    """Return the specification; ``inputs.spec`` must be set."""
    spec = inputs.spec
    if spec is None:
        raise ValueError("the specification needs the requirements catalogue (inputs.spec)")
    p = inputs.profile
    background: list[Block] = [profile_table(p)]
    if not inputs.include_notes:
        background.append(Paragraph(text=tr("docs.spec.notes_excluded"), style="note"))
    scope_rows: tuple[tuple[Cell, ...], ...] = tuple((m.name, str(len(m.requirements))) for m in spec.in_scope)
    scope_blocks: list[Block] = [
        Table(columns=(Column(header=tr("docs.col.module"), weight=3),
                       Column(header=tr("docs.col.requirements"), weight=1)), rows=scope_rows),
        Paragraph(text=tr("vendors.spec.priority_legend"), style="note")]
    if spec.out_of_scope:
        scope_blocks.append(Paragraph(text=tr("vendors.spec.out_of_scope")))
        scope_blocks.append(BulletList(items=tuple(name for _, name in spec.out_of_scope)))
        if inputs.out_of_scope_ids:
            scope_blocks.append(Paragraph(text=tr("docs.spec.out_ids", ids=", ".join(inputs.out_of_scope_ids))))
    process_blocks: list[Block] = []
    if inputs.include_notes:  # the readiness state of each topic is internal
        process_blocks += [state_table(inputs, PROCESS_QUESTIONS), state_table(inputs, DESIGN_QUESTIONS)]
    integrations: list[Block] = [Paragraph(text=labels("docs.integration.", p.integrations))]
    interfaces = ((Section(title=tr("docs.spec.interfaces"), blocks=(interface_table(inputs),)),)
                  if p.integrations else ())
    migration: list[Block]
    if p.data_migration:
        migration = [Paragraph(text=tr("docs.spec.migration_scope")), migration_scope(inputs),
                     BulletList(items=tuple(tr(k) for k in MIGRATION_ITEMS)),
                     *_notes(inputs, spec.data_notes)]
    else:
        migration = [Paragraph(text=tr("vendors.spec.no_migration"))]
    glossary = Table(columns=(Column(header=tr("vendors.spec.term"), weight=1),
                              Column(header=tr("vendors.spec.definition"), weight=3)),
                     rows=tuple((g.term, g.definition) for g in spec.glossary))
    sections = (
        Section(title=tr("vendors.spec.h_background"), blocks=tuple(background), subsections=(
            Section(title=tr("vendors.spec.h_goals"), blocks=tuple(_notes(inputs, spec.goals))),
            Section(title=tr("vendors.spec.h_kpis"), blocks=tuple(_notes(inputs, spec.kpis))),
        ) if inputs.include_notes else ()),
        Section(title=tr("vendors.spec.h_scope"), blocks=tuple(scope_blocks)),
        Section(title=tr("docs.spec.process"), blocks=tuple(process_blocks),
                subsections=process_sections(inputs)),
        Section(title=tr("docs.spec.topics"), blocks=(Paragraph(text=tr("docs.spec.design_topics")),),
                subsections=topic_sections(inputs)),
        Section(title=tr("vendors.spec.h_functional"), subsections=_modules(spec.functional)),
        Section(title=tr("vendors.spec.h_integrations"), blocks=tuple(integrations),
                subsections=interfaces + _modules(spec.integrations)),
        Section(title=tr("vendors.spec.h_nonfunctional"), subsections=_modules(spec.non_functional)),
        Section(title=tr("vendors.spec.h_migration"), blocks=tuple(migration)),
        Section(title=tr("vendors.spec.h_glossary"), blocks=(glossary,)),
    )
    return Document(kind="specification", title=tr("docs.spec.title"), organization=p.organization,
                    issued=inputs.issued, sections=sections)
