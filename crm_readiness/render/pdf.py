"""Printable reports: the paper an HTML report is laid out for, and its PDF.

Every HTML report prints on A4 by default (the ``@page`` rule of
``templates/_base.html.j2``: margins, running header, "page X of Y");
``--paper letter`` adds one ``@page`` rule after it. ``--format pdf`` lays out
the same HTML with WeasyPrint, an optional extra (``pip install
"crm-readiness[pdf]"``) imported only when a PDF is asked for, and checked when
the PDF is declared, so a missing extra stops the command (exit 69) before
anything is rendered or written. Fonts are embedded (subset); the CSS font
stack puts Noto Sans CJK SC first for Chinese. The PDF fetches nothing: the
reports are self-contained and every URL but ``data:`` is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from types import ModuleType
from typing import Any

from crm_readiness.errors import MissingExtraError
from crm_readiness.i18n import t
from crm_readiness.models.printing import DEFAULT_PAPER, Paper
from crm_readiness.render import Format

__all__ = ["EXTRA", "PRINTABLE", "for_paper", "html_to_pdf", "layout", "printable", "renderer", "require_pdf"]

#: what to install for ``--format pdf``
EXTRA = "crm-readiness[pdf]"

#: CSS ``size`` of each paper
PAGE_SIZES: dict[Paper, str] = {"a4": "A4", "letter": "letter"}

Renderer = Callable[[], bytes]

#: the formats laid out for paper: the HTML report and its PDF
PRINTABLE = (Format.html, Format.pdf)


def for_paper(html: bytes, paper: Paper) -> bytes:
    """Return ``html`` laid out for ``paper``: unchanged for A4, one later ``@page`` rule otherwise."""
    if paper == DEFAULT_PAPER:
        return html
    style = f"<style>@page {{ size: {PAGE_SIZES[paper]}; }}</style>".encode("ascii")
    head = html.find(b"</head>")
    return html[:head] + style + html[head:] if head >= 0 else style + html


def _missing(reason_en: str, reason_zh: str) -> MissingExtraError:
    return MissingExtraError(t("err.pdf_missing", "en", reason=reason_en),
                             t("err.pdf_missing", "zh", reason=reason_zh))


def _weasyprint() -> ModuleType:
    """Return the weasyprint module, or raise :class:`MissingExtraError` naming the extra."""
    try:
        import weasyprint
    except ImportError:
        raise _missing(t("err.pdf_not_installed", "en"), t("err.pdf_not_installed", "zh")) from None
    except OSError as exc:  # installed, but a system library (Pango) cannot be loaded
        raise _missing(str(exc), str(exc)) from None
    module: ModuleType = weasyprint
    return module


def require_pdf() -> None:
    """Raise :class:`MissingExtraError` (exit 69) unless PDFs can be made here."""
    _weasyprint()


def layout(html: bytes, paper: Paper = DEFAULT_PAPER, *, extra_css: str = "") -> Any:
    """Return the laid-out WeasyPrint document of ``html`` on ``paper`` (its ``pages`` are counted by tests).

    ``extra_css`` is a style sheet applied after the report's own (tests hide
    the appendices with it to count the pages before them).
    """
    weasyprint = _weasyprint()
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols=("data",))
    sheets = [weasyprint.CSS(string=extra_css)] if extra_css else None
    return weasyprint.HTML(string=for_paper(html, paper).decode("utf-8"), url_fetcher=fetcher,
                           media_type="print").render(stylesheets=sheets)


def html_to_pdf(html: bytes, paper: Paper = DEFAULT_PAPER) -> bytes:
    """Return the PDF of a self-contained HTML report on ``paper`` (fonts embedded, nothing fetched)."""
    pdf: bytes = layout(html, paper).write_pdf()
    return pdf


def printable(fmt: Format, render_html: Renderer, paper: Paper) -> Renderer:
    """Return the renderer of ``fmt`` (html or pdf) built on the report's HTML renderer.

    For PDF the extra is checked now (when the output is declared), so a
    missing extra is reported before anything is rendered or written.
    """
    if fmt is Format.pdf:
        require_pdf()
        return lambda: html_to_pdf(render_html(), paper)
    if fmt is not Format.html:
        raise ValueError(f"{fmt} is not a printable format")  # a bug, not a user error
    return lambda: for_paper(render_html(), paper)


def renderer(renderers: Mapping[Format, Callable[..., bytes]], fmt: Format, paper: Paper,
             *args: object) -> Renderer:
    """Return the renderer of ``fmt`` from a capability's renderers, called with ``args``.

    ``pdf`` is the capability's HTML renderer laid out by :func:`printable`,
    so every command that writes an HTML report writes its PDF the same way.
    """
    if fmt in PRINTABLE:
        return printable(fmt, partial(renderers[Format.html], *args), paper)
    return partial(renderers[fmt], *args)
