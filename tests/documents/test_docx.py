"""Word files: A4, header and footer with page numbers, a contents field, set column widths,
header cells that never break inside a word; python-docx reads them back and LibreOffice
converts every one to PDF."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from crm_readiness.models.document import Document, Figure, Section, Table
from crm_readiness.render import Format
from crm_readiness.render.documents._figure import periods
from crm_readiness.render.documents.docx import CM_PER_PT, TABLE_PT, TEXT_WIDTH_CM
from tests.documents.conftest import Rendered
from tests.tools.libreoffice import needs_pdftotext, pdf_text, to_pdf

EMU_PER_CM = 360000
TWIPS_PER_CM = 1440 / 2.54


def docx_part(data: bytes, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(part).decode("utf-8")


def _tables(doc: Document) -> list[Table | Figure]:
    """The blocks Word draws as tables: tables and timeline figures, in order."""
    out: list[Table | Figure] = []

    def walk(section: Section) -> None:
        out.extend(b for b in section.blocks if isinstance(b, Table | Figure))
        for sub in section.subsections:
            walk(sub)

    for s in doc.sections:
        walk(s)
    return out


def _ems(text: str) -> float:
    """The widest unbreakable run of ``text`` in ems, measured independently of the renderer:
    Latin words at 0.58 em a letter; a Chinese label of up to four characters kept whole."""
    latin = [len(w) * 0.58 for w in re.findall(r"[^\s/\-\u3000-\u9fff\uff00-\uffef]+", text)]
    cjk = [min(len(w), 4) * 1.0 for w in re.findall(r"[\u3000-\u9fff\uff00-\uffef]+", text)]
    return max(latin + cjk, default=0.0)


def test_docx_is_a4_with_header_footer_page_numbers_and_contents(demo_docs: dict[str, Document],
                                                                 rendered: Rendered) -> None:
    for kind, doc in demo_docs.items():
        data = rendered(kind, Format.docx, "zh")
        body = docx_part(data)
        size = re.search(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"', body)
        assert size and abs(int(size.group(1)) - 11906) <= 2 and abs(int(size.group(2)) - 16838) <= 2
        assert re.search(r"<w:instrText[^>]*> TOC \\o", body)
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        header = "".join(docx_part(data, n) for n in names if re.fullmatch(r"word/header\d*\.xml", n))
        footer = "".join(docx_part(data, n) for n in names if re.fullmatch(r"word/footer\d*\.xml", n))
        assert doc.organization in header and doc.title.zh in header and "1.0" in header
        assert " PAGE " in footer and " NUMPAGES " in footer and doc.issued.isoformat() in footer


def test_python_docx_reads_every_document_back_with_its_tables_and_widths(
        demo_docs: dict[str, Document], rendered: Rendered) -> None:
    import docx

    for kind, doc in demo_docs.items():
        for lang in ("en", "zh"):
            data = rendered(kind, Format.docx, lang)
            document = docx.Document(io.BytesIO(data))
            model = _tables(doc)
            assert len(document.tables) == len(model) > 0, (kind, lang)
            headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
            assert len(headings) >= len(doc.sections) + 1  # the contents heading, then every section
            for table, block in zip(document.tables, model, strict=True):
                if isinstance(block, Figure):  # a label column, then one column per period
                    assert len(table.rows) == 1 + len(block.bars)
                    assert len(table.columns) == 1 + len(periods(block))
                    continue
                assert len(table.rows) == 1 + len(block.rows) and len(table.columns) == len(block.columns)
                assert [c.text for c in table.rows[0].cells] == [c.header.get(lang) for c in block.columns]
                grid = [c.width for c in table.columns]
                assert all(w is not None for w in grid), (kind, lang)
                assert abs(sum(w for w in grid if w) / EMU_PER_CM - TEXT_WIDTH_CM) < 0.05
                assert len({round(w / EMU_PER_CM, 1) for w in grid if w}) > 1 or len(grid) == 1
                # the header row repeats on every page
                assert table.rows[0]._tr.trPr is not None and "tblHeader" in table.rows[0]._tr.trPr.xml


def test_no_header_cell_breaks_inside_a_word(demo_docs: dict[str, Document], rendered: Rendered) -> None:
    for kind in demo_docs:
        for lang in ("en", "zh"):
            body = docx_part(rendered(kind, Format.docx, lang))
            for table in re.findall(r"<w:tbl>.*?</w:tbl>", body, flags=re.S):
                first = re.search(r"<w:tr\b.*?</w:tr>", table, flags=re.S)
                assert first is not None
                for cell in re.findall(r"<w:tc>.*?</w:tc>", first.group(), flags=re.S):
                    tcw = re.search(r"<w:tcW ([^>]*)/>", cell)
                    width = re.search(r'w:w="(\d+)"', tcw.group(1)) if tcw and 'w:type="dxa"' in tcw.group(1) else None
                    assert width, (kind, lang)
                    text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", cell))
                    # bold 9 pt text (0.58 em is an average Latin letter; narrow words fit in less,
                    # so the LibreOffice test below checks the real line breaks), plus Word's
                    # default cell margins (0.19 cm a side)
                    need = _ems(text) * TABLE_PT * CM_PER_PT + 0.38
                    assert int(width.group(1)) / TWIPS_PER_CM >= need, (kind, lang, text)


@pytest.mark.slow
@needs_pdftotext
def test_libreoffice_converts_every_docx_to_pdf_with_header_words_whole(
        tmp_path: Path, demo_docs: dict[str, Document], rendered: Rendered) -> None:
    import docx

    paths: list[Path] = []
    for kind in demo_docs:
        for lang in ("en", "zh"):
            path = tmp_path / f"{kind}-{lang}.docx"
            path.write_bytes(rendered(kind, Format.docx, lang))
            paths.append(path)
    pdfs = to_pdf(paths, tmp_path / "pdf")
    for path in paths:
        pdf = pdfs[path.name]
        assert pdf.stat().st_size > 5000, path.name
        if not path.stem.endswith("-en"):
            continue
        text = pdf_text(pdf, layout=True)
        document = docx.Document(str(path))
        words = {w for table in document.tables for cell in table.rows[0].cells
                 for w in re.findall(r"[A-Za-z]{4,}", cell.text)}
        body = " ".join(p.text for p in document.paragraphs) + " " + " ".join(
            c.text for table in document.tables for row in table.rows for c in row.cells)
        for word in words:  # a header word broken across lines is missing once from the PDF text
            expected = len(re.findall(rf"\b{word}\b", body))
            assert len(re.findall(rf"\b{word}\b", text)) >= expected, (path.name, word)


def test_the_charter_timeline_is_drawn_in_every_format(demo_docs: dict[str, Document], rendered: Rendered) -> None:
    from crm_readiness.render.documents._figure import active

    charter = demo_docs["charter"]
    (fig,) = [b for s in charter.sections for b in s.blocks if isinstance(b, Figure)]
    assert len(fig.bars) == 8 and fig.bars[0].start.isoformat() == "2027-01-04"
    shaded = sum(sum(row) for row in active(fig))
    assert shaded >= len(fig.bars)
    body = docx_part(rendered("charter", Format.docx, "en"))
    assert body.count('w:fill="2563EB"') == shaded
    page = rendered("charter", Format.html, "zh").decode("utf-8")
    svg = page.split("<figure>")[1].split("</figure>")[0]
    assert svg.count("<rect") == len(fig.bars) and "需求分析" in svg
    text = rendered("charter", Format.md, "en").decode("utf-8")
    assert sum(1 for line in text.splitlines() if "█" in line) == len(fig.bars)


def test_timeline_labels_are_escaped_and_long_timelines_go_by_quarter() -> None:
    from datetime import date

    from crm_readiness.models._base import Text
    from crm_readiness.models.document import Bar
    from crm_readiness.render.documents._figure import svg

    fig = Figure(caption=Text(en="c", zh="c"), bars=(
        Bar(label="<script>x</script>\x01", start=date(2027, 1, 1), end=date(2027, 3, 31)),
        Bar(label="b", start=date(2027, 2, 1), end=date(2029, 12, 31))))
    out = str(svg(fig, "en"))
    assert "<script>" not in out and "&lt;script&gt;" in out and "\x01" not in out
    spans = periods(fig)
    assert [s[2] for s in spans[:4]] == ["Q1", "Q2", "Q3", "Q4"] and len(spans) == 12


def test_table_runs_are_the_xml_python_docx_makes_without_walking_each_character(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A table cell's run is python-docx's ``add_run(text)`` with its size (and bold in the header
    row): one ``w:t``, ``xml:space`` kept for edge spaces, a tab and a line break as their own
    elements; built from a copied prototype instead of character by character (most of the
    demo documents' Word time)."""
    from datetime import date

    import docx
    from docx.oxml.text.run import _RunContentAppender
    from docx.shared import Pt

    from crm_readiness.models._base import Text
    from crm_readiness.models.document import Column
    from crm_readiness.render.documents.docx import render_docx

    values = ["plain", " padded ", "a\tb", "line\nbreak", "", "公司"]
    doc = Document(kind="charter", title=Text(en="T", zh="T"), organization="Org",
                   issued=date(2026, 1, 5), sections=(Section(title=Text(en="S", zh="S"), blocks=(
                       Table(columns=tuple(Column(header=Text(en=f"H{i}", zh=f"H{i}"))
                                           for i in range(len(values))), rows=(tuple(values),)),)),))
    walked: list[str] = []
    real = _RunContentAppender.add_char
    monkeypatch.setattr(_RunContentAppender, "add_char",
                        lambda self, char: (walked.append(char), real(self, char))[1])
    data = render_docx(doc, "en")
    walked_text = "".join(walked)  # the table is the last block: only its texts with a tab or a break
    assert walked_text.endswith("Sa\tbline\nbreak") and "H0" not in walked_text
    monkeypatch.undo()
    table = docx.Document(io.BytesIO(data)).tables[0]
    expected = docx.Document().add_paragraph()
    for n, texts in enumerate(([f"H{i}" for i in range(len(values))], values)):
        for cell, text in zip(table.rows[n].cells, texts, strict=True):
            (p,) = cell.paragraphs
            model = expected.add_run(text)
            model.font.size = Pt(TABLE_PT)
            if n == 0:
                model.bold = True
            assert [r._r.xml for r in p.runs] == [model._r.xml], text
