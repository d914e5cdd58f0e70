"""The mapping workbook ``data map`` drafts and ``data rehearse`` reads back.

Sheets (names fixed in every language; see ``models/data/mapping_layout``):
*Fields* — one row per source column (blank object and field: unmapped);
*Values* — one row per distinct value of each picklist column and the
picklist value it becomes (blank: not mapped yet); *Target* — the target
schema for reference (not read back). Every cell goes through the safe-cell rule.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from crm_readiness.engine.data.mapping import MappingDraft
from crm_readiness.i18n import Lang, t
from crm_readiness.models.data import mapping_layout as L
from crm_readiness.models.data.target import TRANSFORMS, TargetSchema
from crm_readiness.render.cells import header, put, workbook_bytes


def _choices(ws: object, col: int, values: list[str], last_row: int) -> None:
    """Offer ``values`` as a drop-down in column ``col`` (typing another value is refused
    by the spreadsheet; the reader checks every cell anyway)."""
    from openpyxl.utils import get_column_letter

    formula = '"' + ",".join(values) + '"'
    if len(formula) > 255 or any("," in v or '"' in v for v in values):
        return  # past the spreadsheet's limit for an inline list, or not listable
    dv = DataValidation(type="list", formula1=formula, allow_blank=True)
    letter = get_column_letter(col)
    dv.add(f"{letter}{L.FIRST_ROW}:{letter}{max(last_row, L.FIRST_ROW) + 200}")
    ws.add_data_validation(dv)  # type: ignore[attr-defined]


def render_mapping_workbook(draft: MappingDraft, schema: TargetSchema, lang: Lang) -> bytes:
    """Return the drafted mapping as an xlsx workbook."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = L.FIELDS
    header(ws, L.HEADER_ROW, [t(f"map.col.{k}", lang) for k in L.FIELD_COLUMNS],
           widths=[22, 14, 20, 12, 10, 10, 9, 40, 36])
    ws.freeze_panes = "B2"
    by_source: dict[str, list[tuple[str, str, str, str]]] = {}
    for m in draft.mapping.fields:
        by_source.setdefault(m.source, []).append((m.object, m.field, m.transform, m.basis))
    row = L.FIRST_ROW
    for col, shape in draft.shapes.items():
        targets = by_source.get(col) or [("", "", "", "")]
        for obj, name, transform, basis in targets:
            f = schema.field(obj, name) if obj else None
            note = draft.notes.get(col)
            cells = [col, obj or None, name or None, transform or None,
                     t(f"map.basis.{basis}", lang) if basis else None,
                     f.type if f else None, shape.filled, ", ".join(shape.examples) or None,
                     t(f"map.note.{note}", lang) if note and not obj else None]
            for c, value in enumerate(cells, start=1):
                put(ws, row, c, value)
            row += 1
    _choices(ws, 2, list(schema.objects), row)
    _choices(ws, 3, sorted({n for o in schema.objects.values() for n in o.fields}), row)
    _choices(ws, 4, list(TRANSFORMS), row)
    vs = wb.create_sheet(L.VALUES)
    header(vs, L.HEADER_ROW, [t(f"map.col.{k}", lang) for k in L.VALUE_COLUMNS],
           widths=[14, 20, 28, 28, 10])
    vs.freeze_panes = "A2"
    for r, v in enumerate(draft.mapping.values, start=L.FIRST_ROW):
        count = draft.value_counts.get((v.object, v.field, v.source_value))
        for c, value in enumerate((v.object, v.field, v.source_value, v.target_value, count),
                                  start=1):
            put(vs, r, c, value)
    ts = wb.create_sheet(L.TARGET)
    header(ts, 1, [t(f"map.target.{k}", lang) for k in ("object", "field", "type", "length",
                                                         "required", "values", "references")],
           widths=[14, 20, 10, 8, 9, 50, 14])
    r = 2
    for oname, tobj in schema.objects.items():
        for n, tf in tobj.fields.items():
            for c, value in enumerate((oname, n, tf.type, tf.length,
                                       t("map.yes", lang) if tf.required else None,
                                       ", ".join(tf.picklist()) or None, tf.references),
                                      start=1):
                put(ts, r, c, value)
            r += 1
    return workbook_bytes(wb)
