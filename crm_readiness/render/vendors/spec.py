"""The requirements specification (需求说明书) in Markdown, HTML (Jinja) and Word (python-docx)."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from crm_readiness.cells_rule import visible_controls
from crm_readiness.engine.labels import labels
from crm_readiness.i18n import Lang, t
from crm_readiness.models.vendors.spec import SpecDocument, SpecModule
from crm_readiness.render import Format
from crm_readiness.render.jinja_env import render_template

MIGRATION_ITEMS = ("vendors.spec.mig1", "vendors.spec.mig2", "vendors.spec.mig3",
                   "vendors.spec.mig4")


def _profile_rows(doc: SpecDocument, lang: Lang) -> list[tuple[str, str]]:
    p = doc.profile
    yes, no = t("vendors.spec.yes", lang), t("vendors.spec.no", lang)
    return [
        (t("vendors.spec.organization", lang), p.organization),
        (t("vendors.spec.industry", lang), p.industry),
        (t("vendors.spec.size", lang), p.size),
        (t("vendors.spec.users", lang), str(p.users)),
        (t("vendors.spec.deployment", lang), p.deployment),
        (t("vendors.spec.scope", lang), labels("docs.module.", p.scope).get(lang)),
        (t("vendors.spec.integrations", lang), labels("docs.integration.", p.integrations).get(lang)),
        (t("vendors.spec.data_migration", lang), yes if p.data_migration else no),
        (t("vendors.spec.customization", lang), p.customization),
    ]


def _context(doc: SpecDocument, lang: Lang, today: date) -> dict[str, Any]:
    return {"d": doc, "profile_rows": _profile_rows(doc, lang), "today": today.isoformat(),
            "migration_items": [t(k, lang) for k in MIGRATION_ITEMS],
            "title": t("vendors.spec.title", lang, org=doc.profile.organization)}


def render_spec_text(doc: SpecDocument, lang: Lang, fmt: Format, today: date) -> str:
    """Return the specification as Markdown or HTML."""
    name = "vendors/spec.html.j2" if fmt is Format.html else "vendors/spec.md.j2"
    return render_template(name, lang, **_context(doc, lang, today))


class _SafeDocument:
    """A python-docx document whose text calls replace control characters visibly.

    Word XML cannot hold C0 controls; a note holding ``\x01`` or ESC would
    otherwise abort the render (the one rule of :mod:`crm_readiness.cells_rule`).
    Paragraph and table styles are looked up by name once per document
    (:class:`~crm_readiness.render.documents.docx.Styles`): python-docx scans every
    style on each lookup, which cost the demo's specification a third of its render.
    """

    def __init__(self, document: Any) -> None:
        from crm_readiness.render.documents.docx import Styles

        self._doc = document
        self.known = Styles(document)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._doc, name)

    def add_heading(self, text: str = "", level: int = 1) -> Any:
        return self.add_paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def add_paragraph(self, text: str = "", style: Any = None) -> Any:
        if style is not None and style not in self.known.ids:  # python-docx's own lookup and error
            return self._doc.add_paragraph(visible_controls(text), style=style)
        return self.known.paragraph(self._doc, visible_controls(text), style)


def _table(document: _SafeDocument, headers: list[str], rows: list[list[str]]) -> None:
    """Add a "Table Grid" table: a bold header row, then one row per item.

    Cells are filled through their XML elements (python-docx's ``add_row`` and
    ``row.cells`` walk the whole grid on every call).
    """
    from crm_readiness.render.documents.docx import add_run, prototype_runs

    plain, bold = prototype_runs()
    table = document.add_table(rows=1 + len(rows), cols=len(headers))
    if "Table Grid" in document.known.ids:
        table._tbl.tblPr.style = document.known.ids["Table Grid"]
    else:
        table.style = "Table Grid"
    for n, tr in enumerate(table._tbl.tr_lst):
        for tc, text in zip(tr.tc_lst, headers if n == 0 else rows[n - 1], strict=False):
            add_run(tc.p_lst[0], bold if n == 0 else plain, visible_controls(text))


def _modules(document: Any, modules: tuple[SpecModule, ...], lang: Lang, level: int) -> None:
    heads = [t("vendors.wb.id", lang), t("vendors.wb.requirement", lang),
             t("vendors.wb.priority", lang), t("vendors.rfp.description", lang),
             t("vendors.rfp.acceptance", lang)]
    for m in modules:
        document.add_heading(m.name.get(lang), level=level)
        _table(document, heads, [[r.id, r.title.get(lang), t(f"vendors.prio.{r.priority}", lang),
                                  r.description.get(lang) if r.description else "",
                                  r.acceptance.get(lang) if r.acceptance else ""]
                                 for r in m.requirements])


def _notes(document: Any, notes: Any, lang: Lang, empty_key: str) -> None:
    if not notes:
        document.add_paragraph(t(empty_key, lang))
    for n in notes:
        q = f"（{n.question.get(lang)}）" if n.question and lang == "zh" else (
            f" ({n.question.get(lang)})" if n.question else "")
        document.add_paragraph(n.note.get(lang) + q, style="List Bullet")


def render_spec_docx(doc: SpecDocument, lang: Lang, today: date) -> bytes:
    """Return the specification as a Word document (bytes)."""
    import docx
    from docx.oxml.ns import qn

    document = _SafeDocument(docx.Document())
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Microsoft YaHei")
    ctx = _context(doc, lang, today)
    document.core_properties.title = visible_controls(ctx["title"])
    document.add_heading(ctx["title"], level=0)
    document.add_paragraph(t("vendors.spec.generated", lang, date=ctx["today"]))
    document.add_heading(t("vendors.spec.h_background", lang), level=1)
    _table(document, [t("vendors.spec.item", lang), t("vendors.spec.value", lang)],
           [list(r) for r in ctx["profile_rows"]])
    document.add_heading(t("vendors.spec.h_goals", lang), level=2)
    _notes(document, doc.goals, lang, "vendors.spec.none_given")
    document.add_heading(t("vendors.spec.h_kpis", lang), level=2)
    _notes(document, doc.kpis, lang, "vendors.spec.none_given")
    if doc.context:
        document.add_heading(t("vendors.spec.h_context", lang), level=2)
        _notes(document, doc.context, lang, "vendors.spec.none_given")
    document.add_heading(t("vendors.spec.h_scope", lang), level=1)
    for m in doc.in_scope:
        document.add_paragraph(f"{m.name.get(lang)}: {len(m.requirements)}", style="List Bullet")
    if doc.out_of_scope:
        document.add_paragraph(t("vendors.spec.out_of_scope", lang) + " " +
                               ", ".join(n.get(lang) for _, n in doc.out_of_scope))
    document.add_paragraph(t("vendors.spec.priority_legend", lang))
    document.add_heading(t("vendors.spec.h_functional", lang), level=1)
    _modules(document, doc.functional, lang, 2)
    document.add_heading(t("vendors.spec.h_integrations", lang), level=1)
    document.add_paragraph(t("vendors.spec.systems", lang) + " " +
                           (", ".join(doc.profile.integrations) or "–"))
    _modules(document, doc.integrations, lang, 2)
    document.add_heading(t("vendors.spec.h_nonfunctional", lang), level=1)
    _modules(document, doc.non_functional, lang, 2)
    document.add_heading(t("vendors.spec.h_migration", lang), level=1)
    if doc.profile.data_migration:
        for item in ctx["migration_items"]:
            document.add_paragraph(item, style="List Bullet")
        _notes(document, doc.data_notes, lang, "vendors.spec.no_data_notes")
    else:
        document.add_paragraph(t("vendors.spec.no_migration", lang))
    document.add_heading(t("vendors.spec.h_glossary", lang), level=1)
    _table(document, [t("vendors.spec.term", lang), t("vendors.spec.definition", lang)],
           [[g.term, g.definition.get(lang)] for g in doc.glossary])
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
