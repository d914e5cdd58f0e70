"""The go-live checklist (上线检查清单) and the go-live report to fill after observation."""

from __future__ import annotations

from crm_readiness.engine.documents._inputs import DocumentInputs, evidence
from crm_readiness.models._base import Text, tr
from crm_readiness.models.assessment import AssessmentResult, QuestionResult
from crm_readiness.models.document import (
    BulletList,
    Cell,
    Column,
    Document,
    Paragraph,
    Section,
    Table,
)

GOLIVE_PHASES = ("golive", "go_live", "operations")
REPORT_ITEMS = ("period", "issues", "usage", "feedback", "data", "kpis", "next")


def gate_status(q: QuestionResult) -> Text:
    """Return met / partly met / not met / not answered / waived for a gate or go-live item.

    A gate is met at its minimum (``gate_min``, else a full score); an item at a full score.
    """
    if q.status == "not_applicable":
        return tr("docs.status.waived")
    if q.status in ("unanswered", "excluded"):
        return tr("docs.status.unanswered")
    score = q.score or 0.0
    if q.gate_failed or score <= 0:
        return tr("docs.status.not_met")
    need = q.gate_min if (q.gate and q.gate_min is not None) else 1.0
    return tr("docs.status.met") if score >= need else tr("docs.status.partial")


def _owners(result: AssessmentResult) -> dict[str, Text]:
    """Return, per question, the owner of the gravest risk it raises."""
    owners: dict[str, Text] = {}
    for risk in sorted(result.risks, key=lambda r: -r.exposure):
        for qid in risk.questions:
            owners.setdefault(qid, tr(f"owner.{risk.owner}"))
    return owners


def _owner(q: QuestionResult, owners: dict[str, Text]) -> Cell:
    """Who answered for ``q`` (workshop respondents), else the owner of its risk, else to confirm."""
    names = sorted({r.respondent for r in q.responses if r.respondent})
    if names:
        return ", ".join(names)
    return owners.get(q.id, tr("docs.tbd"))


def _rows(questions: list[tuple[Text, QuestionResult]], owners: dict[str, Text]) -> tuple[tuple[Cell, ...], ...]:
    rows: list[tuple[Cell, ...]] = []
    for phase_title, q in questions:
        detail = evidence(q) or (q.na_reason or "–")
        rows.append((phase_title, q.text, gate_status(q), _owner(q, owners), detail))
    return tuple(rows)


def _columns() -> tuple[Column, ...]:
    return (Column(header=tr("docs.col.phase"), weight=1.2), Column(header=tr("docs.col.check"), weight=3.5),
            Column(header=tr("docs.col.status"), weight=1.1), Column(header=tr("docs.col.owner"), weight=1.3),
            Column(header=tr("docs.col.evidence"), weight=2.2))


def build_golive(inputs: DocumentInputs) -> Document:
    """Return the go-live checklist with the go-live report template."""
    result = inputs.result
    owners = _owners(result)
    gates = [(ph.title, q) for ph in result.phases for q in ph.questions if q.gate]
    items = [(ph.title, q) for ph in result.phases if ph.id in GOLIVE_PHASES
             for q in ph.questions if not q.gate]
    sections = [Section(title=tr("docs.golive.gates"), blocks=(
        Paragraph(text=tr("docs.golive.gates_hint"), style="note"),
        Table(columns=_columns(), rows=_rows(gates, owners))))]
    if items:
        sections.append(Section(title=tr("docs.golive.items"),
                                blocks=(Table(columns=_columns(), rows=_rows(items, owners)),)))
    sections.append(Section(title=tr("docs.golive.decision"), blocks=(
        Paragraph(text=tr("docs.golive.decision_text"), style="fill"),)))
    sections.append(Section(title=tr("docs.golive.report"), subsections=tuple(
        Section(title=tr(f"docs.golive.rep.{k}"), blocks=(Paragraph(text=tr("docs.tbd"), style="fill"),))
        for k in REPORT_ITEMS)))
    return Document(kind="golive", title=tr("docs.golive.title"), organization=inputs.profile.organization,
                    issued=inputs.issued, sections=tuple(sections))


__all__ = ["BulletList", "build_golive", "gate_status"]
