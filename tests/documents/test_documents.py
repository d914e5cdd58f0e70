"""The project's documents: content from the project's files, labels not codes, no internal
notes by default, Word files that print on A4, user templates, escaping."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.i18n import catalogue, t
from crm_readiness.io.assessment import load_answers_file
from crm_readiness.models.document import Document
from crm_readiness.render import Format
from crm_readiness.render.documents import render_document
from crm_readiness.render.documents._text import heading, longest_word
from crm_readiness.render.documents.docx import CM_PER_PT, TABLE_PT, column_widths
from crm_readiness.workflows.documents import build_documents
from tests.documents.conftest import DAY, DEMO, START
from tests.documents.test_docx import docx_part

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _md(doc: Document, lang: str) -> str:
    return render_document(doc, Format.md, lang).decode("utf-8")  # type: ignore[arg-type]


SECTIONS = {
    "charter": ("docs.charter.background", "docs.charter.goals", "docs.charter.scope", "docs.charter.sponsor",
                "docs.charter.steering", "docs.charter.team", "docs.charter.raci", "docs.charter.milestones",
                "docs.charter.budget", "docs.charter.risks", "docs.charter.governance"),
    "specification": ("vendors.spec.h_scope", "docs.spec.process", "docs.proc.l2c", "docs.proc.service",
                      "docs.spec.topics", "docs.topic.ownership", "docs.topic.permissions",
                      "docs.topic.automation", "docs.topic.reports", "vendors.spec.h_functional",
                      "vendors.spec.h_integrations", "docs.spec.interfaces", "vendors.spec.h_nonfunctional",
                      "vendors.spec.h_migration", "vendors.spec.h_glossary"),
    "training": ("docs.training.audiences", "docs.training.formats", "docs.training.sequence",
                 "docs.training.seed", "docs.training.materials", "docs.training.adoption"),
    "migration": ("docs.migration.sources", "docs.migration.quality", "docs.migration.duplicates",
                  "docs.migration.mapping", "docs.migration.sequence", "docs.migration.test",
                  "docs.migration.cutover", "docs.migration.reconciliation"),
    "golive": ("docs.golive.gates", "docs.golive.decision", "docs.golive.report"),  # items: test_content
}


def test_each_document_has_its_sections_in_both_languages(demo_docs: dict[str, Document]) -> None:
    for kind, keys in SECTIONS.items():
        for lang in ("en", "zh"):
            lines = _md(demo_docs[kind], lang).splitlines()
            headings = {line.split(" ", 2)[2].replace("\\", "") for line in lines if line.startswith("##")}
            wanted = [heading("", t(k, lang)).strip() for k in keys]  # as numbered: "2. Scope" → "Scope"
            missing = [w for w in wanted if w not in headings]
            assert missing == [], (kind, lang, missing)


def test_charter_sponsor_budget_and_milestones_come_from_the_files(demo_docs: dict[str, Document]) -> None:
    from crm_readiness.workflows.finance import roi_case

    text = _md(demo_docs["charter"], "en")
    case = roi_case(DEMO / "costs.yaml", DEMO / "benefits.yaml")  # as `crm-readiness roi` computes it
    npv = case.risk_adjusted.npv.quantize(Decimal(1))
    assert f"{case.currency} {npv:,}" in text
    assert f"{case.currency} {case.risk_adjusted.tco_nominal.quantize(Decimal(1)):,}" in text
    view = case.risk_adjusted
    assert view.irr.value is not None and view.payback.months is not None
    assert f"| {view.irr.value * 100:.1f} % |" in text and f"{view.payback.months:.1f} months" in text
    # the sponsor answer of the demo, by its checklist label (never the code ``committed``)
    from crm_readiness.workflows.assessment import score
    from crm_readiness.workflows.inputs import load_answers, load_checklist_set

    checklists = load_checklist_set()
    result = score(checklists, load_answers(DEMO / "answers.yaml", checklists))
    sponsor = next(q for ph in result.phases for q in ph.questions if q.id == "strategy.executive_sponsor")
    assert sponsor.value == "committed" and sponsor.label is not None
    assert f"| {sponsor.label.en} |" in text
    assert f"| {sponsor.label.zh} |" in _md(demo_docs["charter"], "zh")
    assert START.isoformat() in text  # the plan's first stage starts on the given date


def _codes() -> tuple[set[str], set[str]]:
    """Return the demo's codes: every answer value and every profile code (ASCII identifiers)."""
    answers = load_answers_file(DEMO / "answers.yaml")
    p = answers.profile
    values = {a.value for given in answers.answers.values() for a in given if isinstance(a.value, str)}
    profile = {p.industry, p.size, p.deployment, p.customization, *p.scope, *p.integrations}
    return values, profile


def test_no_raw_codes_in_any_document(demo_docs: dict[str, Document]) -> None:
    values, profile = _codes()
    assert {"ad_hoc", "committed", "gaps_open"} <= values and {"mid", "saas", "wecom", "erp"} <= profile
    # an English label may be the code's own word (manufacturing, sales, customer service)
    own_word = {c for c in profile for k in catalogue() if k.startswith("docs.") and k.endswith(f".{c}")
                and re.search(rf"\b{c}\b(?!-)", t(k, "en"))}
    assert "mid" not in own_word and "saas" not in own_word
    for kind, doc in demo_docs.items():
        for lang in ("en", "zh"):
            text = _md(doc, lang).replace("\\", "")
            # codes written as identifiers (ad_hoc, spec_unprioritised) never appear
            found = {c for c in values | profile if "_" in c and re.search(rf"\b{c}\b", text)}
            if lang == "zh":  # in Chinese no profile code appears at all (ERP, WeCom are labels)
                found |= {c for c in profile if re.search(rf"(?<![A-Za-z]){c}(?![A-Za-z])", text)}
            else:  # in English a code is shown only where it is its own label (manufacturing)
                found |= {c for c in profile - own_word if re.search(rf"\b{c}\b(?!-)", text)}
            assert not found, (kind, lang, sorted(found))


def test_internal_notes_only_in_an_internal_copy(demo_docs: dict[str, Document]) -> None:
    answers = load_answers_file(DEMO / "answers.yaml")
    notes = [a.note for given in answers.answers.values() for a in given if a.note]
    assert notes
    for kind, doc in demo_docs.items():
        text = _md(doc, "en").replace("\\", "")
        leaked = [n for n in notes if n.en in text]
        assert not leaked, (kind, leaked[:2])
    internal = build_documents(["charter"], DEMO / "answers.yaml", include_notes=True, today=DAY)[0]
    text = _md(internal, "en").replace("\\", "")
    assert any(n.en in text for n in notes)


def test_column_widths_fill_the_page_and_respect_words() -> None:
    widths = column_widths(["Requirement", "ID"], [5, 1], cells=[["x", "SRV-10"]])
    assert abs(sum(widths) - 17.0) < 1e-6
    assert widths[1] >= longest_word("SRV-10", hyphens=False) * TABLE_PT * CM_PER_PT


def test_user_templates_override_one_document(tmp_path: Path, demo_docs: dict[str, Document]) -> None:
    import docx

    (tmp_path / "charter.html.j2").write_text(
        '{% extends "documents/document.html.j2" %}{% block footer %}OUR HOUSE STYLE{% endblock %}', "utf-8")
    reference = docx.Document()
    reference.styles.add_style("OurStyle", 1)
    reference.save(str(tmp_path / "charter.docx"))
    charter = render_document(demo_docs["charter"], Format.html, "en", templates=tmp_path).decode("utf-8")
    training = render_document(demo_docs["training"], Format.html, "en", templates=tmp_path).decode("utf-8")
    assert "OUR HOUSE STYLE" in charter and "OUR HOUSE STYLE" not in training
    styles = docx_part(render_document(demo_docs["charter"], Format.docx, "en", templates=tmp_path),
                       "word/styles.xml")
    assert "OurStyle" in styles


def test_cli_writes_all_or_nothing(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "docs"
    args = ["docs", "charter,golive", "--answers", str(DEMO / "answers.yaml"), "--out", str(out),
            "--format", "md,html", "--lang", "en"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert sorted(p.name for p in out.iterdir()) == ["golive-checklist.html", "golive-checklist.md",
                                                     "project-charter.html", "project-charter.md"]
    (out / "project-charter.md").write_text("edited by hand", "utf-8")
    (out / "golive-checklist.html").unlink()
    again = runner.invoke(app, args)
    assert again.exit_code == 4
    assert (out / "project-charter.md").read_text("utf-8") == "edited by hand"
    assert not (out / "golive-checklist.html").exists()  # nothing written when one target is refused
    bad = runner.invoke(app, ["docs", "brochure", "--answers", str(DEMO / "answers.yaml"), "--out", str(out)])
    assert bad.exit_code == 2


def test_the_document_template_is_compiled_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                demo_docs: dict[str, Document]) -> None:
    """The HTML documents share one environment per templates folder and the per-user cache of
    compiled templates: compiling the document template was most of each HTML document's time.
    An edited user template is still read again."""
    import os

    import jinja2

    from crm_readiness.render.documents import html

    monkeypatch.setenv("CRM_READINESS_CACHE_DIR", str(tmp_path / "cache"))
    compiled: list[str | None] = []
    real = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: str, name: str | None = None,
                *args: object, **kwargs: object) -> object:
        compiled.append(name)
        return real(self, source, name, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    html._environment.cache_clear()
    try:
        pages = [render_document(demo_docs[k], Format.html, "en") for k in ("charter", "training")]
        assert compiled == [html.PACKAGED]
        html._environment.cache_clear()  # a new process: read from the per-user cache
        assert render_document(demo_docs["charter"], Format.html, "en") == pages[0]
        assert compiled == [html.PACKAGED]
        user = tmp_path / "mine"
        user.mkdir()
        (user / "charter.html.j2").write_text("<p>{{ title }} v1</p>", "utf-8")
        assert b"v1" in render_document(demo_docs["charter"], Format.html, "en", templates=user)
        (user / "charter.html.j2").write_text("<p>{{ title }} v2</p>", "utf-8")
        os.utime(user / "charter.html.j2", (1, 2_000_000_000))  # a later mtime, whatever the clock
        assert b"v2" in render_document(demo_docs["charter"], Format.html, "en", templates=user)
    finally:
        html._environment.cache_clear()
