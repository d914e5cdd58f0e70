"""What the specification says about processes, design decisions and interfaces.

The steps are the standard lead-to-cash (线索到回款) and service loop (报修到完成)
of the guides, each with its owner, the information it needs and the
deliverable it hands on; the bottleneck of each step is the organisation's to
state in the process workshop. Design topics carry the guides' default rule
(reps see only their own customers; no follow-up in three days alerts the
manager …) for the vendor to configure or the organisation to amend.
"""

from __future__ import annotations

from crm_readiness.engine.documents._inputs import DocumentInputs, question, status
from crm_readiness.engine.labels import profile_label
from crm_readiness.models._base import tr
from crm_readiness.models.document import Block, Cell, Column, Paragraph, Section, Table

#: (process, map question, steps); each step: (id, owner role)
PROCESSES: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("l2c", "requirements.lead_to_cash_mapped", (
        ("capture", "marketing"), ("qualify", "sales_manager"), ("opportunity", "sales_rep"),
        ("quote", "sales_rep"), ("contract", "sales_manager"), ("delivery", "operations"),
        ("payment", "finance"))),
    ("service", "requirements.service_loop_mapped", (
        ("request", "service_desk"), ("dispatch", "service_manager"), ("repair", "engineer"),
        ("close", "service_desk"), ("feedback", "service_manager"))),
)
#: (topic, question) — the design decisions the vendor configures
TOPICS: tuple[tuple[str, str], ...] = (
    ("ownership", "requirements.lead_ownership"),
    ("permissions", "requirements.visibility_and_sharing"),
    ("automation", "requirements.automation_rules"),
    ("reports", "requirements.reporting_needs"),
    ("fields", "requirements.fields_and_tags"),
    ("mobile", "requirements.mobile_scenarios"),
)
MIGRATION_OBJECTS = ("accounts", "contacts", "opportunities", "orders", "service")


def _mapped(inputs: DocumentInputs, qid: str) -> bool:
    q = question(inputs.result, qid)
    return q is not None and q.status not in ("unanswered", "excluded", "not_applicable") and (q.score or 0) >= 0.5


def process_sections(inputs: DocumentInputs) -> tuple[Section, ...]:
    """Return one section per process: its numbered steps as a table, and the map's state."""
    out: list[Section] = []
    for process, qid, steps in PROCESSES:
        bottleneck: Cell = tr("docs.proc.bottleneck_open") if not _mapped(inputs, qid) else tr("docs.tbd")
        rows: tuple[tuple[Cell, ...], ...] = tuple(
            (str(n), tr(f"docs.proc.{process}.{step}"), tr(f"docs.proc.owner.{owner}"),
             tr(f"docs.proc.{process}.{step}.info"), tr(f"docs.proc.{process}.{step}.out"), bottleneck)
            for n, (step, owner) in enumerate(steps, start=1))
        table = Table(columns=(Column(header=tr("docs.col.number"), weight=0.5),
                               Column(header=tr("docs.col.step"), weight=2),
                               Column(header=tr("docs.col.owner"), weight=1.6),
                               Column(header=tr("docs.col.information"), weight=2.6),
                               Column(header=tr("docs.col.deliverable"), weight=2.2),
                               Column(header=tr("docs.col.bottleneck"), weight=1.6)), rows=rows)
        state = Paragraph(text=tr("docs.proc.state", state=status(question(inputs.result, qid))), style="note") \
            if inputs.include_notes else Paragraph(text=tr("docs.proc.confirm"), style="note")
        out.append(Section(title=tr(f"docs.proc.{process}"), blocks=(table, state)))
    return tuple(out)


def topic_sections(inputs: DocumentInputs) -> tuple[Section, ...]:
    """Return one section per design topic: the rule the vendor is to configure."""
    out: list[Section] = []
    for topic, qid in TOPICS:
        blocks: list[Block] = [Paragraph(text=tr(f"docs.topic.{topic}.rule"))]
        if inputs.include_notes:
            q = question(inputs.result, qid)
            blocks.append(Paragraph(text=tr("docs.proc.state", state=status(q)), style="note"))
            blocks += [Paragraph(text=n, style="note") for n in (r.note for r in (q.responses if q else ()))
                       if n]
        out.append(Section(title=tr(f"docs.topic.{topic}"), blocks=tuple(blocks)))
    return tuple(out)


def interface_table(inputs: DocumentInputs) -> Table:
    """Return the interface list: one row per integration of the profile."""
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (profile_label("docs.integration.", code), tr(f"docs.iface.{code}.data"), tr(f"docs.iface.{code}.way"))
        for code in inputs.profile.integrations)
    return Table(columns=(Column(header=tr("docs.col.system"), weight=1.4),
                          Column(header=tr("docs.col.data"), weight=3.5),
                          Column(header=tr("docs.col.direction"), weight=1.6)), rows=rows)


def migration_scope(inputs: DocumentInputs) -> Table:
    """Return the objects to migrate with their sources (the data profile's files when given)."""
    files: Cell = ", ".join(name for name, _ in inputs.data.sources) if inputs.data else tr("docs.tbd")
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (tr(f"docs.migobj.{o}"), files if o == "accounts" else tr("docs.tbd")) for o in MIGRATION_OBJECTS)
    return Table(columns=(Column(header=tr("docs.col.object"), weight=2),
                          Column(header=tr("docs.col.source"), weight=3)), rows=rows)
