"""Printing: paper, the PDF extra (missing: exit 69, nothing written), PDF pages, size and fonts.

Few PDFs are laid out (WeasyPrint takes seconds per report): the demo readiness
report in English up to its appendices, and a one-phase assessment in Chinese
written through the CLI. The tests that need WeasyPrint skip, saying so, where
the extra is not installed (CI installs it: .ci/run).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.errors import EXIT_UNAVAILABLE, MissingExtraError
from crm_readiness.render.pdf import for_paper, require_pdf
from crm_readiness.workflows.assessment import demo_answers_path
from tests.conftest import no_traceback


def _pdf_usable() -> bool:
    try:
        require_pdf()  # imports WeasyPrint: needs the package and the Pango library
    except MissingExtraError:
        return False
    return True


needs_weasyprint = pytest.mark.skipif(
    not _pdf_usable(), reason='the PDF extra is not usable (pip install "crm-readiness[pdf]"; Pango)')
needs_poppler = pytest.mark.skipif(shutil.which("pdffonts") is None or shutil.which("pdfinfo") is None,
                                   reason="poppler-utils (pdffonts, pdfinfo) is not installed")

#: A4 in PostScript points, as pdfinfo prints it
A4_PT = (595.28, 841.89)
#: the demo readiness report's body (everything before the appendices) fits this many A4 pages
MAX_BODY_PAGES = 12


def _commands(group: Any, prefix: str = "crm-readiness") -> list[tuple[str, Any]]:
    found = []
    if hasattr(group, "commands"):
        for name, cmd in group.commands.items():
            found += _commands(cmd, f"{prefix} {name}")
    else:
        found.append((prefix, group))
    return found


def test_every_command_writing_html_offers_pdf_and_paper() -> None:
    offering = []
    for path, cmd in _commands(get_command(app)):
        fmt = next((p for p in cmd.params if "--format" in getattr(p, "opts", ())), None)
        if fmt is None or "html" not in (fmt.help or ""):
            continue
        offering.append(path)
        assert "pdf" in (fmt.help or ""), f"{path}: --format offers html but not pdf"
        assert any("--paper" in getattr(p, "opts", ()) for p in cmd.params), f"{path} has no --paper"
        assert "pdf" not in str(fmt.default), f"{path}: pdf must not be a default format (optional extra)"
    # assess, roi, tco, review, data profile, vendors compare/spec/demo script, docs, plan, compare
    assert len(offering) >= 11, offering


def test_letter_adds_a_later_page_rule_and_a4_is_the_template_as_is() -> None:
    html = b"<html><head><style>@page { size: A4; }</style></head><body>x</body></html>"
    assert for_paper(html, "a4") == html
    letter = for_paper(html, "letter").decode()
    assert letter.index("size: letter") > letter.index("size: A4")
    assert letter.index("size: letter") < letter.index("</head>")


def test_the_report_declares_a4_margins_page_numbers_and_the_running_header(demo_en: Path,
                                                                              demo_zh: Path) -> None:
    en = (demo_en / "assessment" / "readiness.html").read_text("utf-8")
    zh = (demo_zh / "assessment" / "readiness.html").read_text("utf-8")
    assert re.search(r"@page \{\s*size: A4;\s*margin:", en)
    assert '"Page " counter(page) " of " counter(pages)' in en
    assert '"第 " counter(page)' in zh
    assert 'class="running-head"' in en and "position: running(running-head)" in en
    assert "details > * { display: block; }" in en  # folded registers print open
    assert 'id="appendices"' in en


def test_missing_extra_is_exit_69_names_the_extra_and_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint → ImportError
    out = tmp_path / "out"
    for lang in ("en", "zh"):
        result = CliRunner().invoke(app, ["assess", "--answers", str(demo_answers_path()), "-o", str(out),
                                          "-f", "md,html,pdf", "--lang", lang])
        no_traceback(result)
        assert result.exit_code == EXIT_UNAVAILABLE == 69, result.output
        assert 'pip install "crm-readiness[pdf]"' in result.output
        assert ("未安装 weasyprint" if lang == "zh" else "weasyprint is not installed") in result.output
        assert not out.exists() or not any(out.iterdir())  # not even the md and html


def test_unknown_paper_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["assess", "--answers", str(demo_answers_path()), "-o",
                                      str(tmp_path), "--paper", "a5"])
    no_traceback(result)
    assert result.exit_code == 2 and "a5" in result.output


@needs_weasyprint
@needs_poppler
def test_demo_readiness_report_body_fits_twelve_a4_pages_and_page_one_decides(
        demo_en: Path, tmp_path: Path) -> None:
    from crm_readiness.i18n import t
    from crm_readiness.render.pdf import layout

    html = (demo_en / "assessment" / "readiness.html").read_bytes()
    assert b'id="appendices"' in html  # the pages counted are those before the appendices
    body = layout(html, "a4", extra_css="#appendices { display: none; }")
    sizes = {(round(p.width * 0.75, 2), round(p.height * 0.75, 2)) for p in body.pages}  # CSS px → pt
    assert sizes == {A4_PT}
    assert 1 <= len(body.pages) <= MAX_BODY_PAGES, f"{len(body.pages)} A4 pages before the appendices"
    pdf = tmp_path / "body.pdf"
    pdf.write_bytes(body.write_pdf())
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    flat = " ".join(first.split())
    verdict = json.loads((demo_en / "assessment" / "readiness.json").read_text("utf-8"))["overall"]["verdict"]
    for wanted in (t(f"verdict.{verdict}", "en"), t("decision.blockers", "en"),
                   t("decision.next_actions", "en"), t("decision.top_risks", "en")):
        assert " ".join(wanted.split()) in flat, (wanted, first[:2000])


@needs_weasyprint
@needs_poppler
def test_zh_pdf_through_the_cli_is_a4_with_the_cjk_font_embedded(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["assess", "--answers", str(demo_answers_path()), "--phase", "strategy",
                                      "-o", str(out), "-f", "pdf", "--lang", "zh"])
    no_traceback(result)
    assert result.exit_code == 0, result.output
    pdf = out / "readiness.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in out.iterdir()] == ["readiness.pdf"]  # atomic: no temporary file left
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert size and (float(size[1]), float(size[2])) == pytest.approx(A4_PT, abs=0.5)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    cjk = [line.split() for line in fonts.splitlines() if "Noto-Sans-CJK-SC" in line]
    assert cjk, fonts
    assert all(row[-5] == "yes" for row in cjk), fonts  # the "emb" column
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "就绪度" in text and "第 1 页，共" in text


def test_demo_pdf_without_the_extra_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    out = tmp_path / "demo"
    result = CliRunner().invoke(app, ["demo", "--pdf", "--out", str(out), "--lang", "en"])
    no_traceback(result)
    assert result.exit_code == 69 and "crm-readiness[pdf]" in result.output
    assert not out.exists()  # checked before the first part runs
