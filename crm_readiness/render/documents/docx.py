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
from crm_readiness.models.document import BulletList, Document, Figure, Paragraph, Table, cell_text
from crm_readiness.render.documents._figure import BAR_COLOUR, active, periods
from crm_readiness.render.documents._text import clean, heading, longest_word, numbered

A4_WIDTH_CM, A4_HEIGHT_CM, MARGIN_CM = 21.0, 29.7, 2.0
TEXT_WIDTH_CM = A4_WIDTH_CM - 2 * MARGIN_CM
BODY_PT, TABLE_PT = 10.5, 9.0
CM_PER_PT = 2.54 / 72
CELL_PADDING_CM = 0.5  # Word's and LibreOffice's default cell margins (0.19 cm a side), and a little room


def column_widths(headers: list[str], weights: list[float], *, cells: list[list[str]] | None = None,
                  font_pt: float = TABLE_PT, total_cm: float = TEXT_WIDTH_CM) -> list[float]:
    """Return column widths in cm: shares of ``total_cm`` by weight, each at least as wide as
    its longest word — of the header (bold) and of the values, so ids such as ``SRV-10`` never
    break (a value's word counts up to a quarter of the width) — the others narrowed to make room."""
    def need(ems: float, bold: float) -> float:
        return ems * bold * font_pt * CM_PER_PT + CELL_PADDING_CM

    minimum = [need(longest_word(h, cjk_run=4), 1.0) for h in headers]  # a header label stays whole
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
    document.core_properties.title = clean(doc.title.get(lang))[:255]
    document.core_properties.author = clean(doc.organization)[:255]
    document.core_properties.language = "zh-CN" if lang == "zh" else "en"


def prototype_runs(size: Any = None) -> tuple[Any, Any]:
    """Return two prototype runs (``w:r`` with their ``w:rPr``): at ``size`` (None: the
    style's), and the same bold."""
    import copy

    from docx.oxml import OxmlElement
    from docx.text.run import Run

    plain = OxmlElement("w:r")
    if size is not None:
        Run(plain, None).font.size = size  # type: ignore[arg-type]
    bold = copy.deepcopy(plain)
    Run(bold, None).bold = True  # type: ignore[arg-type]
    return plain, bold


def add_run(p: Any, proto: Any, text: str) -> None:
    """Append to paragraph element ``p`` a copy of run ``proto`` holding ``text``.

    The XML python-docx's ``add_run(text)`` and font settings make, without their
    cost: a copied ``w:rPr`` instead of one built per cell, and one ``w:t`` set at
    once where python-docx walks the text a character at a time (only a tab or a
    line break needs its elements).
    """
    import copy

    r = copy.deepcopy(proto)
    p.append(r)
    if "\t" in text or "\n" in text or "\r" in text:
        r.text = text
    elif text:
        r.add_t(text)


def _table(document: Any, block: Table, lang: Lang, style_id: str | None) -> None:
    """Add ``block``: fixed column widths, a shaded header row repeated on every page.

    Cells are filled through their XML elements (python-docx's ``row.cells`` walks the
    whole grid on every call, which made a 40-row table take a second).
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    headers = [clean(c.header.get(lang)) for c in block.columns]
    values = [[clean(cell_text(v, lang)) for v in row] for row in block.rows]
    widths = [Cm(w) for w in column_widths(headers, [c.weight for c in block.columns], cells=values)]
    table = document.add_table(rows=1 + len(values), cols=len(headers))
    if style_id is not None:
        table._tbl.tblPr.style = style_id
    table.autofit = False
    for col, width in zip(table.columns, widths, strict=True):
        col.width = width
    body, head = prototype_runs(Pt(TABLE_PT))
    for n, tr in enumerate(table._tbl.tr_lst):
        texts = headers if n == 0 else values[n - 1]
        for tc, width, text in zip(tr.tc_lst, widths, texts, strict=True):
            tc.width = width
            add_run(tc.p_lst[0], head if n == 0 else body, text)
            if n == 0:
                shade = OxmlElement("w:shd")
                shade.set(qn("w:val"), "clear")
                shade.set(qn("w:fill"), "E5E7EB")
                tc.get_or_add_tcPr().append(shade)
        if n == 0:
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            tr.get_or_add_trPr().append(repeat)
    document.add_paragraph()


def _figure(document: Any, fig: Figure, lang: Lang, styles: Styles) -> None:
    """Add a timeline as a table: a label column, then one narrow shaded column per period."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    spans = periods(fig)
    runs = active(fig)
    label_cm = 4.6
    period_cm = (TEXT_WIDTH_CM - label_cm) / len(spans)
    caption = styles.paragraph(document, "").add_run(clean(fig.caption.get(lang)))
    caption.italic = True
    caption.font.size = Pt(9)
    table = document.add_table(rows=1 + len(fig.bars), cols=1 + len(spans))
    if "Table Grid" in styles.ids:
        table._tbl.tblPr.style = styles.ids["Table Grid"]
    table.autofit = False
    margins = OxmlElement("w:tblCellMar")  # narrow period columns: 0.05 cm cell margins
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "28")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))  # schema order: tblCellMar comes before tblLook
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)
    widths = [Cm(label_cm)] + [Cm(period_cm)] * len(spans)
    for col, width in zip(table.columns, widths, strict=True):
        col.width = width
    small, _ = prototype_runs(Pt(7.5))
    for n, tr in enumerate(table._tbl.tr_lst):
        if n == 0:
            years = f"{spans[0][0].year}–{spans[-1][0].year}" if spans[0][0].year != spans[-1][0].year \
                else str(spans[0][0].year)
            texts = [years, *(label for _, _, label in spans)]
        else:
            texts = [clean(cell_text(fig.bars[n - 1].label, lang)), *([""] * len(spans))]
        for i, (tc, width, text) in enumerate(zip(tr.tc_lst, widths, texts, strict=True)):
            tc.width = width
            if text:
                add_run(tc.p_lst[0], small, text)
            if n > 0 and i > 0 and runs[n - 1][i - 1]:
                shade = OxmlElement("w:shd")
                shade.set(qn("w:val"), "clear")
                shade.set(qn("w:fill"), BAR_COLOUR.lstrip("#").upper())
                tc.get_or_add_tcPr().append(shade)
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


STYLE_NAMES = ("Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "List Number", "Table Grid")


class Styles:
    """Style ids looked up once (python-docx scans every style on each lookup by name); a style
    a user's reference document lacks is left out rather than failing the render."""

    def __init__(self, document: Any) -> None:
        self.ids: dict[str, str] = {}
        for style in document.styles:
            if style.name in STYLE_NAMES and style.style_id:
                self.ids[style.name] = style.style_id

    def paragraph(self, document: Any, text: str, name: str | None = None) -> Any:
        para = document.add_paragraph()
        if name is not None and name in self.ids:
            para._p.style = self.ids[name]
        if text:
            para.add_run(text)
        return para


def render_docx(doc: Document, lang: Lang, *, templates: Path | None = None) -> bytes:
    """Return ``doc`` as a Word document."""
    import docx
    from docx.shared import Pt

    reference = _reference(doc.kind, templates)
    document = docx.Document(str(reference)) if reference else docx.Document()
    if reference:
        _clear_body(document)
    _setup(document, doc, lang)
    styles = Styles(document)
    styles.paragraph(document, clean(doc.title.get(lang)), "Title")
    styles.paragraph(document, t("docs.meta", lang, org=clean(doc.organization), version=doc.version,
                                 date=doc.issued.isoformat()))
    styles.paragraph(document, t("docs.contents", lang), "Heading 1")
    _field(styles.paragraph(document, ""), 'TOC \\o "1-3" \\h \\z \\u', t("docs.toc_update", lang))
    document.add_page_break()  # type: ignore[no-untyped-call]
    for number, level, section in numbered(doc.sections):
        styles.paragraph(document, heading(number, cell_text(section.title, lang)), f"Heading {min(level, 3)}")
        for block in section.blocks:
            if isinstance(block, Paragraph):
                para = styles.paragraph(document, "")
                run = para.add_run(clean(cell_text(block.text, lang)))
                if block.style == "note":
                    run.italic = True
                    run.font.size = Pt(9)
                elif block.style == "fill":
                    para.add_run("\n" + "_" * 60)
            elif isinstance(block, BulletList):
                style = "List Number" if block.numbered else "List Bullet"
                for item in block.items:
                    styles.paragraph(document, clean(cell_text(item, lang)), style)
            elif isinstance(block, Table):
                _table(document, block, lang, styles.ids.get("Table Grid"))
            elif isinstance(block, Figure):
                _figure(document, block, lang, styles)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
