"""What a document is built from, and the helpers every builder shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from crm_readiness.engine.labels import labels, profile_label
from crm_readiness.models._base import Text, tr
from crm_readiness.models.answers import AnswersFile
from crm_readiness.models.assessment import AssessmentResult, QuestionResult
from crm_readiness.models.document import BulletList, Cell, Column, Paragraph, Table
from crm_readiness.models.plan import ImplementationPlan
from crm_readiness.models.profile import OrganizationProfile
from crm_readiness.models.vendors.spec import SpecDocument


@dataclass(frozen=True)
class BudgetFigures:
    """The business case's headline figures (from ``roi`` / ``tco``)."""

    currency: str
    horizon: int
    tco: Decimal
    one_time: Decimal
    npv: Decimal | None = None
    irr: Decimal | None = None
    payback_months: Decimal | None = None


@dataclass(frozen=True)
class DataFigures:
    """The measured data (from ``data profile``)."""

    sources: tuple[tuple[str, int], ...]
    score: float | None
    dimensions: tuple[tuple[str, float | None, float | None], ...]  # (dimension, value, target)
    clusters: int
    cluster_records: int
    #: measured columns of the first file: (name, format, required, unique, completeness, validity)
    columns: tuple[tuple[str, str, bool, bool, float | None, float | None], ...] = ()


@dataclass(frozen=True)
class DocumentInputs:
    """Everything the documents draw on; only answers and the assessment are required."""

    answers: AnswersFile
    result: AssessmentResult
    issued: date
    plan: ImplementationPlan | None = None
    budget: BudgetFigures | None = None
    data: DataFigures | None = None
    spec: SpecDocument | None = None
    #: requirement ids of the catalogue outside the profile's scope (not scored, not sent)
    out_of_scope_ids: tuple[str, ...] = ()
    include_notes: bool = True

    @property
    def profile(self) -> OrganizationProfile:
        """Return the organisation profile."""
        return self.answers.profile


def question(result: AssessmentResult, qid: str) -> QuestionResult | None:
    """Return the scored question ``qid``, or None when no checklist holds it."""
    for phase in result.phases:
        for q in phase.questions:
            if q.id == qid:
                return q
    return None


def status(q: QuestionResult | None) -> Cell:
    """Return the answer's label, or what stands in for it (not answered, N/A)."""
    if q is None or q.status in ("unanswered", "excluded"):
        return tr("docs.status.unanswered")
    if q.status == "not_applicable":
        return tr("docs.status.waived")
    if q.label is not None:
        return q.label
    if q.value is not None:
        return q.value
    return tr("docs.status.met") if (q.score or 0) >= 1 else tr("docs.status.partial")


def notes(q: QuestionResult | None) -> list[Text]:
    """Return the notes respondents wrote on ``q`` (what users typed: shown as written)."""
    if q is None:
        return []
    out = [r.note for r in q.responses if r.note]
    if q.na_reason:
        out.append(q.na_reason)
    return out


def evidence(q: QuestionResult | None) -> Text | str:
    """Return the evidence named for ``q``, joined ("" when none)."""
    named = [r.evidence for r in q.responses if r.evidence] if q is not None else []
    return Text.join(named) if named else ""


def state_table(inputs: DocumentInputs, ids: tuple[str, ...]) -> Table:
    """Return a table of the questions ``ids`` with their current answer (and notes when allowed)."""
    cols = [Column(header=tr("docs.col.question"), weight=3), Column(header=tr("docs.col.answer"), weight=2)]
    if inputs.include_notes:
        cols.append(Column(header=tr("docs.col.note"), weight=3))
    rows: list[tuple[Cell, ...]] = []
    for qid in ids:
        q = question(inputs.result, qid)
        if q is None:
            continue
        row: tuple[Cell, ...] = (q.text, status(q))
        if inputs.include_notes:
            written = notes(q)
            row += (Text.join(written) if written else "–",)
        rows.append(row)
    return Table(columns=tuple(cols), rows=tuple(rows))


def note_blocks(inputs: DocumentInputs, qid: str) -> list[Paragraph | BulletList | Table]:
    """Return the state of ``qid`` and, in an internal copy, what respondents wrote on it."""
    blocks: list[Paragraph | BulletList | Table] = [state_table(inputs, (qid,))]
    if inputs.include_notes:
        written = notes(question(inputs.result, qid))
        blocks.append(BulletList(items=tuple(written)) if written
                      else Paragraph(text=tr("docs.none"), style="note"))
    return blocks


def profile_table(p: OrganizationProfile) -> Table:
    """Return the profile as an item/value table with labels, never codes."""
    rows: list[tuple[Cell, ...]] = [
        (tr("docs.profile.organization"), p.organization),
        (tr("docs.profile.industry"), profile_label("docs.industry.", p.industry)),
        (tr("docs.profile.size"), profile_label("docs.size.", p.size)),
        (tr("docs.profile.users"), str(p.users)),
        (tr("docs.profile.deployment"), profile_label("docs.deployment.", p.deployment)),
        (tr("docs.profile.scope"), labels("docs.module.", p.scope)),
        (tr("docs.profile.integrations"), labels("docs.integration.", p.integrations)),
        (tr("docs.profile.migration"), tr("docs.yes") if p.data_migration else tr("docs.no")),
        (tr("docs.profile.customization"), profile_label("docs.customization.", p.customization)),
    ]
    return Table(columns=(Column(header=tr("docs.col.item"), weight=1),
                          Column(header=tr("docs.col.value"), weight=2)), rows=tuple(rows))
