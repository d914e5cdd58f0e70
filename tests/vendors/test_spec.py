"""The requirements specification (需求说明书): content from catalogue, profile and answers."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest

from crm_readiness.engine.vendors.spec import build_spec
from crm_readiness.io.vendors import load_catalogue
from crm_readiness.models.answers import AnswersFile
from crm_readiness.render import Format
from crm_readiness.render.vendors.spec import render_spec_docx, render_spec_text
from tests.vendors.conftest import ASSETS

DAY = date(2025, 3, 1)


def _answers(**profile: object) -> AnswersFile:
    return AnswersFile.model_validate({
        "profile": {"organization": "华东精工机械 <script>", "size": "mid", "users": 180,
                    "scope": ["sales", "service"], "integrations": ["erp", "wecom"],
                    **profile},
        "answers": {
            "strategy.goals_from_pain_points": {"value": "defined",
                                                "note": "360° view; service response < 24 h"},
            "strategy.smart_kpis": {"value": "ad_hoc", "note": "Conversion +20% in 6 months"},
            "strategy.pain_points_diagnosed": {"value": "defined", "note": "Data lost in Excel"},
            "strategy.quick_wins": {"value": "yes"},                 # no note: not shown
            "data.dedup_rules": {"value": "ad_hoc", "note": "Duplicates in ERP customers"},
            "process.mapped": {"value": "x", "note": "not a strategy note"},
        }})


def test_spec_content_is_built_from_catalogue_profile_and_answers() -> None:
    doc = build_spec(load_catalogue(ASSETS / "catalogue.yaml"), _answers())
    assert [n.note for n in doc.goals] == ["360° view; service response < 24 h"]
    assert [n.note for n in doc.kpis] == ["Conversion +20% in 6 months"]
    assert [n.note for n in doc.context] == ["Data lost in Excel"]
    assert [m.module for m in doc.functional] == ["sales", "service"]
    assert [r.id for r in doc.functional[1].requirements] == ["B-2", "B-1"]  # must first
    assert [n.note for n in doc.data_notes] == ["Duplicates in ERP customers"]
    assert doc.priority_counts == {"must": 2, "should": 1, "could": 1}


def test_out_of_scope_modules_are_listed_not_specified() -> None:
    doc = build_spec(load_catalogue(ASSETS / "catalogue.yaml"), _answers(scope=["sales"]))
    assert [m.module for m in doc.functional] == ["sales"]
    assert [m for m, _ in doc.out_of_scope] == ["service"]


def test_packaged_catalogue_sections() -> None:
    doc = build_spec(load_catalogue(), _answers(data_migration=False))
    assert {m.module for m in doc.integrations} == {"integration"}
    assert {m.module for m in doc.non_functional} == {"security", "non_functional"}
    assert "marketing" in {m for m, _ in doc.out_of_scope}
    assert doc.data_notes == ()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_and_html_render_every_section(lang: str) -> None:
    doc = build_spec(load_catalogue(ASSETS / "catalogue.yaml"), _answers())
    md = render_spec_text(doc, lang, Format.md, DAY)  # type: ignore[arg-type]
    html = render_spec_text(doc, lang, Format.html, DAY)  # type: ignore[arg-type]
    for text in (md, html):
        assert "B-2" in text and "Conversion +20% in 6 months" in text and "SLA" in text
    assert "<script>" not in html and "&lt;script&gt;" in html
    if lang == "zh":
        assert "CRM系统需求说明书" in md and "七、术语表" in html


def test_docx_is_a_word_document_with_the_requirements(tmp_path: Path) -> None:
    doc = build_spec(load_catalogue(ASSETS / "catalogue.yaml"), _answers())
    data = render_spec_docx(doc, "zh", DAY)
    word = docx.Document(io.BytesIO(data))
    paragraphs = "\n".join(p.text for p in word.paragraphs)
    cells = "\n".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    assert "CRM系统需求说明书" in paragraphs and "六、数据迁移需求" in paragraphs
    assert "B-2" in cells and "工单" in cells and "SLA" in cells
    assert word.core_properties.title.startswith("《华东精工机械")


def test_spec_command_writes_md_html_docx(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from crm_readiness._resources import examples_dir
    from crm_readiness.cli.main import app
    from tests.conftest import no_traceback

    answers = examples_dir() / "demo" / "answers.yaml"
    r = CliRunner().invoke(app, ["spec", "--answers", str(answers), "--out", str(tmp_path),
                                 "--lang", "zh"])
    no_traceback(r)
    assert r.exit_code == 0, r.output
    for suffix in ("md", "html", "docx"):
        assert (tmp_path / f"requirements-spec.{suffix}").is_file()
    text = (tmp_path / "requirements-spec.md").read_text("utf-8")
    # a KPI note from the strategy answers, in the report's language (the demo's is bilingual)
    assert "已商定 6 个月内转化率提升 20%" in text and "Conversion +20%" not in text
    r = CliRunner().invoke(app, ["spec", "--answers", str(tmp_path / "nope.yaml"), "--out",
                                 str(tmp_path)])
    assert r.exit_code == 3 and "nope.yaml" in r.output


def test_docx_styles_are_looked_up_once_and_tables_keep_their_shape(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The specification's headings, bullets and tables take their styles from ids looked up
    once per document: python-docx scans every style on each lookup by name (a third of the
    demo specification's render). Tables: "Table Grid", a bold header row, one row per item."""
    from docx.styles.styles import Styles

    lookups: list[str] = []
    real = Styles._get_style_id_from_name

    def counted(self: Styles, name: str, kind: object) -> str | None:
        lookups.append(name)
        return real(self, name, kind)  # type: ignore[arg-type]

    monkeypatch.setattr(Styles, "_get_style_id_from_name", counted)
    doc = build_spec(load_catalogue(ASSETS / "catalogue.yaml"), _answers(organization="Acme\x01"))
    word = docx.Document(io.BytesIO(render_spec_docx(doc, "en", DAY)))
    assert lookups == []
    assert [p.style.name for p in word.paragraphs][:3] == ["Title", "Normal", "Heading 1"]
    assert {p.style.name for p in word.paragraphs} >= {"Heading 2", "List Bullet"}
    table = word.tables[0]
    assert table.style.name == "Table Grid"
    assert [c.text for c in table.rows[0].cells] == ["Item", "Value"]
    assert all(r.bold for c in table.rows[0].cells for r in c.paragraphs[0].runs)
    assert table.rows[1].cells[1].text == "Acme\u2401"  # a control character shown, not lost
    assert not any(r.bold for c in table.rows[1].cells for r in c.paragraphs[0].runs)
    assert len(table.rows) == 1 + 9  # the header and the nine profile rows
