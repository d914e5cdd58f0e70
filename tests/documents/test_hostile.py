"""What users typed stays text: escaped in HTML and Markdown, plain runs in Word (no field codes,
no hyperlinks, no markup), control characters shown as control pictures."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import yaml

from crm_readiness.render import Format
from crm_readiness.render.documents import render_document
from crm_readiness.workflows.documents import KINDS, build_documents
from tests.documents.conftest import DAY, DEMO, START

PAYLOADS = ("<script>alert(1)</script>", "{ PAGE }", "{ HYPERLINK \"http://evil\" }",
            '=HYPERLINK("http://evil","x")', "[click](javascript:alert(1))", "| cell | break |",
            "# heading", "]]><w:fldSimple w:instr=\"DDE\"/>", "{{ 7*7 }}", "ctl\x01\x1b\x7fend")
HOSTILE = "  ".join(PAYLOADS)


@pytest.fixture(scope="module")
def hostile_docs(tmp_path_factory: pytest.TempPathFactory) -> list:  # type: ignore[type-arg]
    data = yaml.safe_load((DEMO / "answers.yaml").read_text("utf-8"))
    data["profile"]["organization"] = "Org " + HOSTILE
    for i, (qid, answer) in enumerate(data["answers"].items()):
        if isinstance(answer, dict):
            answer["note"] = f"n{i} " + HOSTILE
            if qid.startswith(("golive", "go_live", "strategy", "training")):
                answer["evidence"] = f"e{i} " + HOSTILE
    folder: Path = tmp_path_factory.mktemp("hostile")
    answers = folder / "answers.yaml"
    answers.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return build_documents(list(KINDS), answers, requirements=DEMO / "requirements.yaml",
                           start=START, include_notes=True, today=DAY)


def test_html_escapes_every_payload(hostile_docs: list) -> None:  # type: ignore[type-arg]
    for doc in hostile_docs:
        page = render_document(doc, Format.html, "en").decode("utf-8")
        assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page, doc.kind
        assert "javascript:" not in re.sub(r"[^<]*(<[^>]*>)?", lambda m: m.group(1) or "", page)
        assert "<w:fldSimple" not in page and "{{ 7*7 }}" in page  # data, never a template
        assert "\x01" not in page and "\u2401\u241b\u2421" in page


def test_markdown_escapes_markup_and_keeps_tables_whole(hostile_docs: list) -> None:  # type: ignore[type-arg]
    for doc in hostile_docs:
        text = render_document(doc, Format.md, "en").decode("utf-8")
        assert "<script>" not in text and "\\<script\\>" in text
        assert not re.search(r"(?<!\\)\]\(javascript:", text) and "\\[click\\]" in text
        assert not re.search(r"^# heading", text, flags=re.M)
        assert "\x01" not in text and "\u2401" in text
        lines = text.splitlines()
        for n, line in enumerate(lines):
            if line.startswith("|---"):  # every row of a table has the header's number of cells
                cells = line.count("|")
                for row in lines[n + 1:]:
                    if not row.startswith("|"):
                        break
                    assert len(re.findall(r"(?<!\\)\|", row)) == cells, (doc.kind, row)


def test_docx_keeps_payloads_as_plain_text(hostile_docs: list) -> None:  # type: ignore[type-arg]
    import docx

    for doc in hostile_docs:
        data = render_document(doc, Format.docx, "en")
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")}
        body = parts["word/document.xml"]
        xml = "".join(parts.values())
        fields = re.findall(r"<w:instrText[^>]*>([^<]*)<", xml)
        assert sorted({f.split()[0] for f in fields}) == ["NUMPAGES", "PAGE", "TOC"], doc.kind
        assert body.count("<w:instrText") == 1  # the contents field only; PAGE is in the footer
        assert "<w:fldSimple" not in xml and "<w:hyperlink" not in xml
        assert "{ PAGE }" in body and "&lt;script&gt;" in body
        assert "\x01" not in xml and "\u2401\u241b\u2421" in body
        reread = docx.Document(io.BytesIO(data))
        assert any("{ HYPERLINK" in p.text for t in reread.tables for r in t.rows for p in r.cells[0].paragraphs
                   ) or any("{ HYPERLINK" in p.text for p in reread.paragraphs), doc.kind
