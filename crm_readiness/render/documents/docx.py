"""A document as Word (python-docx): A4, header and footer, page numbers, contents field.

Column widths come from the model's weights, widened so that no header word
breaks inside itself; header rows repeat on every page. User text is added as
runs of plain text, so nothing a user typed can become a field code. A user
folder may hold ``<kind>.docx`` or ``document.docx`` as the reference document
(its styles, margins and header/footer layout are used; its body is replaced).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from crm_readiness.i18n import Lang, t
from crm_readiness.models.document import BulletList, Document, Paragraph, Table, cell_text
from crm_readiness.render.documents._text import clean, heading, longest_word, numbered

A4_WIDTH_CM, A4_HEIGHT_CM, MARGIN_CM = 21.0, 29.7, 2.0
TEXT_WIDTH_CM = A4_WIDTH_CM - 2 * MARGIN_CM
BODY_PT, TABLE_PT = 10.5, 9.0
CM_PER_PT = 2.54 / 72
CELL_PADDING_CM = 0.4  # Word's default left + right cell margins (0.19 cm each), rounded up


def column_widths(headers: list[str], weights: list[float], *, cells: list[list[str]] | None = None,
                  font_pt: float = TABLE_PT, total_cm: float = TEXT_WIDTH_CM) -> list[float]:
    """Return column widths in cm: shares of ``total_cm`` by weight, each at least as wide as
    its longest word — of the header (bold) and of the values, so ids such as ``SRV-10`` never
    break (a value's word counts up to a quarter of the width) — the others narrowed to make room."""
    def need(ems: float, bold: float) -> float:
        return ems * bold * font_pt * CM_PER_PT + CELL_PADDING_CM

    minimum = [need(longest_word(h), 1.1) for h in headers]
    for row in cells or []:
        for i, value in enumerate(row[:len(minimum)]):
            minimum[i] = max(minimum[i], min(need(longest_word(value, hyphens=False), 1.0), total_cm / 4))
    share = [total_cm * w / sum(weights) for w in weights]
    widths = [max(s, m) for s, m in zip(share, minimum, strict=True)]
    excess = sum(widths) - total_cm
    if excess > 0:
        slack = [w - m for w, m in zip(widths, minimum, strict=True)]
        room = sum(slack)
        if room > 0:
            widths = [w - excess * s / room if room >= excess else m
                      for w, s, m in zip(widths, slack, minimum, strict=True)]
    return widths


def _field(paragraph: Any, instruction: str, placeholder: str = "") -> None:
    """Append a complex field (PAGE, NUMPAGES, TOC …) to ``paragraph``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld(kind: str) -> Any:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            el.set(qn("w:dirty"), "true")
        return el

    run = paragraph.add_run()
    run._r.append(fld("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run = paragraph.add_run()
    run._r.append(instr)
    run = paragraph.add_run()
    run._r.append(fld("separate"))
    paragraph.add_run(placeholder)
    run = paragraph.add_run()
    run._r.append(fld("end"))


def _setup(document: Any, doc: Document, lang: Lang) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    for section in document.sections:
        section.page_width, section.page_height = Cm(A4_WIDTH_CM), Cm(A4_HEIGHT_CM)
        section.left_margin = section.right_margin = Cm(MARGIN_CM)
        section.top_margin = section.bottom_margin = Cm(2.2)
        head = section.header.paragraphs[0]
        head.text = ""
        head.add_run(clean(f"{doc.organization} · {doc.title.get(lang)} · "
                           f"{t('docs.version', lang, version=doc.version)}")).font.size = Pt(8.5)
        foot = section.footer.paragraphs[0]
        foot.text = ""
        foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        foot.add_run(f"{doc.issued.isoformat()} · {t('docs.page', lang)} ").font.size = Pt(8.5)
        _field(foot, "PAGE", "1")
        foot.add_run(" / ")
        _field(foot, "NUMPAGES", "1")
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(BODY_PT)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Microsoft YaHei")
    document.core_properties.title = doc.title.get(lang)
    document.core_properties.author = doc.organization[:255]
    document.core_properties.language = "zh-CN" if lang == "zh" else "en"


def _table(document: Any, block: Table, lang: Lang) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    headers = [c.header.get(lang) for c in block.columns]
    values = [[clean(cell_text(v, lang)) for v in row] for row in block.rows]
    widths = column_widths(headers, [c.weight for c in block.columns], cells=values)
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for i, text in enumerate(headers):
        cell = table.rows[0].cells[i]
        run = cell.paragraphs[0].add_run(clean(text))
        run.bold = True
        run.font.size = Pt(TABLE_PT)
        shade = OxmlElement("w:shd")
        shade.set(qn("w:val"), "clear")
        shade.set(qn("w:fill"), "E5E7EB")
        cell._tc.get_or_add_tcPr().append(shade)
    for row in block.rows:
        cells = table.add_row().cells
        for i, value in enumerate(row):
            cells[i].paragraphs[0].add_run(clean(cell_text(value, lang))).font.size = Pt(TABLE_PT)
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = Cm(widths[i])
    for i, col in enumerate(table.columns):
        col.width = Cm(widths[i])
    document.add_paragraph()


def _clear_body(document: Any) -> None:
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


def _reference(kind: str, templates: Path | None) -> Path | None:
    if templates is None:
        return None
    for name in (f"{kind}.docx", "document.docx"):
        if (templates / name).is_file():
            return templates / name
    return None


def render_docx(doc: Document, lang: Lang, *, templates: Path | None = None) -> bytes:
    """Return ``doc`` as a Word document."""
    import docx
    from docx.shared import Pt

    reference = _reference(doc.kind, templates)
    document = docx.Document(str(reference)) if reference else docx.Document()
    if reference:
        _clear_body(document)
    _setup(document, doc, lang)
    document.add_heading(clean(doc.title.get(lang)), level=0)
    document.add_paragraph(t("docs.meta", lang, org=clean(doc.organization), version=doc.version,
                             date=doc.issued.isoformat()))
    document.add_heading(t("docs.contents", lang), level=1)
    _field(document.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', t("docs.toc_update", lang))
    document.add_page_break()  # type: ignore[no-untyped-call]
    for number, level, section in numbered(doc.sections):
        document.add_heading(heading(number, cell_text(section.title, lang)), level=min(level, 3))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                para = document.add_paragraph()
                run = para.add_run(clean(cell_text(block.text, lang)))
                if block.style == "note":
                    run.italic = True
                    run.font.size = Pt(9)
                elif block.style == "fill":
                    para.add_run("\n" + "_" * 60)
            elif isinstance(block, BulletList):
                style = "List Number" if block.numbered else "List Bullet"
                for item in block.items:
                    document.add_paragraph(clean(cell_text(item, lang)), style=style)
            elif isinstance(block, Table):
                _table(document, block, lang)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
