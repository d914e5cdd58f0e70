"""The data migration plan (数据迁移方案): sources, quality, duplicates, mapping, sequence,
test migration, cut-over and rollback, reconciliation against the ≥ 95 % acceptance."""

from __future__ import annotations

from crm_readiness.engine.documents._inputs import DocumentInputs, state_table
from crm_readiness.models._base import Text, tr
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


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


def _sources(inputs: DocumentInputs) -> list[Block]:
    d = inputs.data
    if d is None:
        return [Paragraph(text=tr("docs.migration.no_profile"), style="note"),
                state_table(inputs, ("data.inventory",))]
    return [BulletList(items=tuple(tr("docs.migration.source_row", path=path, rows=f"{rows:,}")
                                   for path, rows in d.sources)),
            state_table(inputs, ("data.inventory",))]


def _quality(inputs: DocumentInputs) -> list[Block]:
    d = inputs.data
    blocks: list[Block] = []
    if d is not None:
        if d.score is not None:
            blocks.append(Paragraph(text=tr("docs.migration.readiness", score=f"{d.score * 100:.1f}")))
        rows: tuple[tuple[Cell, ...], ...] = tuple(
            (tr(f"data.dim.{dim}"), _pct(value), _pct(target)) for dim, value, target in d.dimensions)
        blocks.append(Table(columns=(Column(header=tr("docs.col.dimension"), weight=2),
                                     Column(header=tr("docs.col.measured"), weight=1),
                                     Column(header=tr("docs.col.target"), weight=1)), rows=rows))
    blocks.append(state_table(inputs, ("data.standards", "data.error_correction", "data.mandatory_fields",
                                       "data.format_normalisation")))
    return blocks


def _duplicates(inputs: DocumentInputs) -> list[Block]:
    blocks: list[Block] = []
    if inputs.data is not None:
        blocks.append(Paragraph(text=tr("docs.migration.dup_found", clusters=f"{inputs.data.clusters:,}",
                                        records=f"{inputs.data.cluster_records:,}")))
    blocks.append(state_table(inputs, ("data.unique_identifier", "data.dedup_rules")))
    return blocks


def _mapping(inputs: DocumentInputs) -> list[Block]:
    blocks: list[Block] = [Paragraph(text=tr("docs.migration.mapping_text"))]
    d = inputs.data
    if d is not None and d.columns:
        blocks.append(Paragraph(text=tr("docs.migration.columns", file=d.sources[0][0] if d.sources else "–")))
        rows: list[tuple[Cell, ...]] = []
        for name, fmt, required, unique, completeness, validity in d.columns:
            rule = [tr(f"docs.fmt.{fmt}")]
            rule += [tr("docs.migration.required")] if required else []
            rule += [tr("docs.migration.unique")] if unique else []
            rows.append((name, Text(en=", ".join(r.en for r in rule), zh="、".join(r.zh for r in rule)),
                         _pct(completeness), _pct(validity), tr("docs.tbd")))
        blocks.append(Table(columns=(Column(header=tr("docs.col.column"), weight=1.6),
                                     Column(header=tr("docs.col.rule"), weight=2.4),
                                     Column(header=tr("docs.col.completeness"), weight=1),
                                     Column(header=tr("docs.col.validity"), weight=1),
                                     Column(header=tr("docs.col.crm_field"), weight=1.6)), rows=tuple(rows)))
    blocks.append(state_table(inputs, ("data.field_mapping",)))
    return blocks


def build_migration(inputs: DocumentInputs) -> Document:
    """Return the data migration plan."""
    p = inputs.profile
    sections = (
        Section(title=tr("docs.migration.sources"), blocks=tuple(_sources(inputs))),
        Section(title=tr("docs.migration.quality"), blocks=tuple(_quality(inputs))),
        Section(title=tr("docs.migration.duplicates"), blocks=tuple(_duplicates(inputs))),
        Section(title=tr("docs.migration.mapping"), blocks=tuple(_mapping(inputs))),
        Section(title=tr("docs.migration.sequence"), blocks=(
            BulletList(items=(tr("docs.migration.seq.static"), tr("docs.migration.seq.dynamic")),
                       numbered=True),
            state_table(inputs, ("data.migration_sequence",)))),
        Section(title=tr("docs.migration.test"), blocks=(
            Paragraph(text=tr("docs.migration.test_text")), state_table(inputs, ("data.test_migration",)))),
        Section(title=tr("docs.migration.cutover"), blocks=(
            Paragraph(text=tr("docs.migration.cutover_text")),
            state_table(inputs, ("data.migration_window",)))),
        Section(title=tr("docs.migration.reconciliation"), blocks=(
            BulletList(items=tuple(tr(f"docs.migration.rec.{k}") for k in ("counts", "sums", "accuracy",
                                                                            "audit"))),
            state_table(inputs, ("data.post_migration_audit", "data.data_owner", "data.pipl_compliance")))),
    )
    return Document(kind="migration", title=tr("docs.migration.title"), organization=p.organization,
                    issued=inputs.issued, sections=sections)
