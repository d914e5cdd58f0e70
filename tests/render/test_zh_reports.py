"""Chinese all the way: the zh demo holds no English phrase, and every verdict has one wording.

The English-phrase check (:mod:`tests.render._english`) walks every HTML and
Markdown report of the Chinese demo and the text cells of its workbooks; the
questionnaires (bilingual forms by design: each question in both languages
for the respondent), the data-issues workbook (rows of the export's own
records) and the mapping workbook (the export's values beside the target CRM's own
field and picklist names) are the exceptions. Before this check the zh demo held 1,119
English phrases (274 in ``finance/roi.html``); it must hold none.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from crm_readiness._resources import examples_dir
from crm_readiness.cli.main import app
from crm_readiness.i18n import Lang, t
from tests.render._english import english_phrases, visible_text

#: workbooks whose English is by design (see the module docstring)
_BILINGUAL_BY_DESIGN = ("workshop/questionnaires/", "data/customers-issues.xlsx",
                        "migration/customers-mapping.xlsx")
VERDICTS = ("ready", "ready_with_risks", "not_ready")


def _reports(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".html", ".md"))


def _cells(book: Path) -> list[str]:
    wb = openpyxl.load_workbook(book, read_only=True)
    try:
        return [v for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                for v in row if isinstance(v, str) and not v.startswith("=")]
    finally:
        wb.close()


def test_the_detector_finds_prose_and_spares_names_codes_and_units() -> None:
    found = english_phrases(visible_text(
        "<td>数据清洗与迁移</td><td>Data cleansing and migration</td>"
        "<p>R-REQUIREMENTS-PROCESS-UNMAPPED · CRM SaaS ERP · 2 TB SSD · roi.xlsx · "
        "https://example.com/a b · 华东精工机械 (Huadong Precision Machinery) · 陈静 (Chen Jing)</p>"
        "<style>.a b {color: red}</style>| 状态 | lost when reps leave |"))
    assert found == ["Data cleansing and migration", "lost when reps leave"]


def test_the_chinese_demo_holds_no_english_phrase(demo_zh: Path) -> None:
    reports = _reports(demo_zh)
    assert len(reports) >= 30
    found = {str(p.relative_to(demo_zh)): english_phrases(visible_text(p.read_text("utf-8")))
             for p in reports}
    for book in sorted(demo_zh.rglob("*.xlsx")):
        name = book.relative_to(demo_zh).as_posix()
        if not name.startswith(_BILINGUAL_BY_DESIGN):
            found[name] = [ph for cell in _cells(book) for ph in english_phrases(cell)]
    found = {name: phrases[:5] for name, phrases in found.items() if phrases}
    assert found == {}


# --- one wording per verdict -------------------------------------------------------------

_BADGE = re.compile(r'<span class="badge v-([a-z_]+)">([^<]*)</span>')
#: a zh verdict word outside the catalogue's labels (就绪度 is "readiness", not a verdict)
_ZH_WORD = re.compile(r"就绪(?!度)")
_EN_VARIANT = re.compile(r"ready[\s-]+with[\s-]+risks?|not[\s-]+ready", re.I)


def _labels(lang: Lang) -> list[str]:
    # longest first: 基本就绪（有风险） before 已就绪 would not matter, Ready with risks before Ready does
    return sorted((t(f"verdict.{v}", lang) for v in VERDICTS), key=len, reverse=True)


def _stray_wordings(text: str, lang: Lang) -> list[str]:
    """Return verdict wordings in ``text`` that are not the catalogue's."""
    labels = _labels(lang)
    if lang == "zh":
        for label in labels:
            text = text.replace(label, " ")
        return [text[max(0, m.start() - 6):m.end() + 6] for m in _ZH_WORD.finditer(text)]
    return [m.group(0) for m in _EN_VARIANT.finditer(text) if m.group(0) not in labels]


def _terminal(lang: Lang, out: Path) -> str:
    answers = examples_dir() / "demo" / "answers.yaml"
    result = CliRunner().invoke(app, ["assess", "--answers", str(answers), "--out", str(out),
                                      "--lang", lang, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return result.output


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_verdict_reads_as_its_catalogue_entry(lang: Lang, demo_en: Path, demo_zh: Path,
                                                    tmp_path: Path) -> None:
    folder = demo_zh if lang == "zh" else demo_en
    badges: list[tuple[str, str, str]] = []
    stray: dict[str, list[str]] = {}
    for p in _reports(folder):
        raw = p.read_text("utf-8")
        # the verdict colours also mark blockers and gates: a badge is a verdict when it names one
        badges += [(p.name, v, label) for v, label in _BADGE.findall(raw)
                   if v in VERDICTS and (_ZH_WORD.search(label) or re.search(r"(?i)ready", label))]
        if found := _stray_wordings(visible_text(raw), lang):
            stray[str(p.relative_to(folder))] = found[:3]
    terminal = _terminal(lang, tmp_path / "r")
    if found := _stray_wordings(terminal, lang):
        stray["terminal"] = found[:3]
    assert stray == {}
    wrong = [(name, v, label) for name, v, label in badges if label != t(f"verdict.{v}", lang)]
    assert wrong == []
    # the reports and the terminal do name verdicts (the check above is not vacuous)
    assert {v for _, v, _ in badges} >= {"ready_with_risks", "not_ready"}
    assert any(label in terminal for label in _labels(lang))
