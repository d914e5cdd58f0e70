"""The document kit's renderers: one :class:`~crm_readiness.models.document.Document`
to Word (A4, header, footer, page numbers, table of contents), HTML and Markdown.

``templates`` is an optional user folder that overrides the packaged look per
document: ``<kind>.html.j2`` (or ``document.html.j2``) for HTML and
``<kind>.docx`` (or ``document.docx``) as the Word reference document whose
styles, header and footer layout are used. See docs/documents.md.
"""

from __future__ import annotations

from pathlib import Path

from crm_readiness.i18n import Lang
from crm_readiness.models.document import Document
from crm_readiness.render import Format

#: the formats every document is written in.
DOCUMENT_FORMATS: tuple[Format, ...] = (Format.docx, Format.html, Format.md)


def render_document(doc: Document, fmt: Format, lang: Lang, *, templates: Path | None = None) -> bytes:
    """Return ``doc`` rendered as ``fmt`` (docx, html or md) in ``lang``."""
    if fmt is Format.docx:
        from crm_readiness.render.documents.docx import render_docx

        return render_docx(doc, lang, templates=templates)
    if fmt is Format.html:
        from crm_readiness.render.documents.html import render_html

        return render_html(doc, lang, templates=templates).encode("utf-8")
    if fmt is Format.md:
        from crm_readiness.render.documents.markdown import render_markdown

        return render_markdown(doc, lang).encode("utf-8")
    raise ValueError(f"documents are not rendered as {fmt}")
