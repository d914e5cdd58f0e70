"""The project charter (项目章程): why, what, who, when, how much, what could go wrong."""

from __future__ import annotations

from decimal import Decimal

from crm_readiness.engine.documents._inputs import (
    DocumentInputs,
    note_blocks,
    profile_table,
    state_table,
)
from crm_readiness.engine.labels import profile_label
from crm_readiness.models._base import Text, tr
from crm_readiness.models.document import Bar, Block, Cell, Column, Document, Figure, Paragraph, Section, Table

RACI_ROLES = ("sponsor", "steering", "pm", "business", "it", "vendor")
#: who is Responsible, Accountable, Consulted, Informed per activity (domain.md: sponsor with
#: budget authority, steering committee reviewing milestones, business experts owning processes).
RACI: tuple[tuple[str, str], ...] = (
    ("goals", "A R C C I I"),
    ("requirements", "I C A R C C"),
    ("selection", "A R R C C I"),
    ("build", "I I A C R R"),
    ("data", "I I A R C C"),
    ("training", "I I A R C C"),
    ("golive", "A R R C C C"),
)
TOP_RISKS = 5


def _money(value: Decimal, currency: str) -> str:
    return f"{currency} {value.quantize(Decimal(1)):,}"


def _budget(inputs: DocumentInputs) -> list[Block]:
    b = inputs.budget
    if b is None:
        return [Paragraph(text=tr("docs.charter.no_budget"), style="note"),
                state_table(inputs, ("budget.approved_budget", "budget.contingency_reserve",
                                     "budget.roi_case"))]
    payback: Cell = (tr("docs.budget.payback_months", months=f"{b.payback_months:.1f}")
                     if b.payback_months is not None else tr("docs.budget.not_within"))
    rows: list[tuple[Cell, ...]] = [
        (tr("docs.budget.tco", years=b.horizon), _money(b.tco, b.currency)),
        (tr("docs.budget.one_time"), _money(b.one_time, b.currency)),
    ]
    if b.npv is not None:
        rows.append((tr("docs.budget.npv"), _money(b.npv, b.currency)))
    if b.irr is not None:
        rows.append((tr("docs.budget.irr"), f"{b.irr * 100:.1f} %"))
    rows.append((tr("docs.budget.payback"), payback))
    return [Table(columns=(Column(header=tr("docs.col.item"), weight=2),
                           Column(header=tr("docs.col.value"), weight=1)), rows=tuple(rows)),
            state_table(inputs, ("budget.approved_budget",))]


def _milestones(inputs: DocumentInputs) -> list[Block]:
    plan = inputs.plan
    if plan is None or not plan.stages:
        return [Paragraph(text=tr("docs.charter.no_plan"), style="note")]
    rows = tuple((tr(f"plan.stage.{s.id}"), s.start.isoformat(), s.end.isoformat(), str(s.weeks))
                 for s in plan.stages)
    timeline = Figure(caption=tr("docs.charter.timeline", start=plan.stages[0].start.isoformat(),
                                 end=plan.stages[-1].end.isoformat()),
                      bars=tuple(Bar(label=tr(f"plan.stage.{s.id}"), start=s.start, end=s.end) for s in plan.stages))
    return [timeline, Table(columns=(Column(header=tr("docs.col.stage"), weight=3),
                           Column(header=tr("docs.col.start"), weight=1.3),
                           Column(header=tr("docs.col.end"), weight=1.3),
                           Column(header=tr("docs.col.weeks"), weight=0.8)), rows=rows)]


def _risks(inputs: DocumentInputs) -> list[Block]:
    risks = sorted(inputs.result.risks, key=lambda r: (-r.exposure, r.id))[:TOP_RISKS]
    if not risks:
        return [Paragraph(text=tr("docs.none"), style="note")]
    rows = tuple((r.title, str(r.exposure), tr(f"owner.{r.owner}"), r.mitigation) for r in risks)
    return [Table(columns=(Column(header=tr("docs.col.risk"), weight=3),
                           Column(header=tr("docs.col.exposure"), weight=1),
                           Column(header=tr("docs.col.owner"), weight=1.4),
                           Column(header=tr("docs.col.mitigation"), weight=4)), rows=rows)]


def _raci() -> Table:
    cols = (Column(header=tr("docs.col.activity"), weight=3),
            *(Column(header=tr(f"docs.role.{r}"), weight=1) for r in RACI_ROLES))
    rows = tuple((tr(f"docs.raci.{act}"), *codes.split()) for act, codes in RACI)
    return Table(columns=cols, rows=rows)


def build_charter(inputs: DocumentInputs) -> Document:
    """Return the project charter."""
    p, r = inputs.profile, inputs.result
    verdict = tr(f"verdict.{r.overall.verdict}")
    size, industry = profile_label("docs.size.", p.size), profile_label("docs.industry.", p.industry)

    def word(c: Cell, lang: str) -> str:
        return c if isinstance(c, str) else (c.zh if lang == "zh" else c.en)

    score = f"{r.overall.score:.1f}" if r.overall.score is not None else "–"
    intro = Text(
        en=tr("docs.charter.background_intro", org=p.organization, size=word(size, "en"),
              industry=word(industry, "en"), users=p.users, verdict=verdict.en, score=score).en,
        zh=tr("docs.charter.background_intro", org=p.organization, size=word(size, "zh"),
              industry=word(industry, "zh"), users=p.users, verdict=verdict.zh, score=score).zh)
    sections = (
        Section(title=tr("docs.charter.background"),
                blocks=(Paragraph(text=intro), *note_blocks(inputs, "strategy.pain_points_diagnosed"))),
        Section(title=tr("docs.charter.goals"),
                blocks=(Paragraph(text=tr("docs.charter.goals_hint"), style="note"),
                        *note_blocks(inputs, "strategy.goals_from_pain_points"),
                        *note_blocks(inputs, "strategy.smart_kpis"))),
        Section(title=tr("docs.charter.scope"),
                blocks=(profile_table(p),)),
        Section(title=tr("docs.charter.organisation"), subsections=(
            Section(title=tr("docs.charter.sponsor"),
                    blocks=tuple(note_blocks(inputs, "strategy.executive_sponsor"))),
            Section(title=tr("docs.charter.steering"),
                    blocks=(state_table(inputs, ("strategy.steering_committee",)),)),
            Section(title=tr("docs.charter.team"),
                    blocks=(state_table(inputs, ("strategy.cross_functional_team",
                                                 "strategy.team_business_share")),)),
            Section(title=tr("docs.charter.raci"),
                    blocks=(Paragraph(text=tr("docs.charter.raci_legend"), style="note"), _raci())),
        )),
        Section(title=tr("docs.charter.milestones"), blocks=tuple(_milestones(inputs))),
        Section(title=tr("docs.charter.budget"), blocks=tuple(_budget(inputs))),
        Section(title=tr("docs.charter.risks"), blocks=tuple(_risks(inputs))),
        Section(title=tr("docs.charter.governance"),
                blocks=(Paragraph(text=tr("docs.charter.governance_text")),
                        state_table(inputs, ("budget.change_control",
                                             "strategy.milestones_exit_criteria")))),
    )
    return Document(kind="charter", title=tr("docs.charter.title"), organization=p.organization,
                    issued=inputs.issued, sections=sections)
