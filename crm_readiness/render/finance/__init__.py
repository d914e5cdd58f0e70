"""Finance renderers: one per format for the ROI case and for the TCO comparison.

``ROI_RENDERERS`` / ``TCO_RENDERERS`` map a :class:`~crm_readiness.render.Format`
to ``render(result, lang) -> bytes``; a test walks :data:`FORMATS` so a
declared format without a renderer cannot ship. Heavy modules (openpyxl,
jinja2) are imported only when their format is asked for.
"""

from __future__ import annotations

from collections.abc import Callable

from crm_readiness.i18n import Lang
from crm_readiness.models.finance.results import FinanceCase, TcoComparison
from crm_readiness.render import Format

#: formats the finance commands write.
FORMATS: tuple[Format, ...] = (Format.md, Format.html, Format.json, Format.xlsx)


def _roi_text(fmt: str) -> Callable[[FinanceCase, Lang], bytes]:
    def render(case: FinanceCase, lang: Lang) -> bytes:
        from crm_readiness.render.finance.report import render_roi

        return render_roi(case, lang, fmt).encode("utf-8")

    return render


def _tco_text(fmt: str) -> Callable[[TcoComparison, Lang], bytes]:
    def render(comparison: TcoComparison, lang: Lang) -> bytes:
        from crm_readiness.render.finance.report import render_tco

        return render_tco(comparison, lang, fmt).encode("utf-8")

    return render


def case_json(case: FinanceCase, lang: Lang) -> bytes:
    """Return the case as JSON (money as exact decimal strings)."""
    return case.model_dump_json(indent=2).encode("utf-8")


def comparison_json(comparison: TcoComparison, lang: Lang) -> bytes:
    """Return the TCO comparison as JSON."""
    return comparison.model_dump_json(indent=2).encode("utf-8")


def case_workbook(case: FinanceCase, lang: Lang) -> bytes:
    """Return the live workbook of one case."""
    from crm_readiness.render.finance.workbook import render_workbook

    return render_workbook(case, lang)


ROI_RENDERERS: dict[Format, Callable[[FinanceCase, Lang], bytes]] = {
    Format.md: _roi_text("md"),
    Format.html: _roi_text("html"),
    Format.json: case_json,
    Format.xlsx: case_workbook,
}

#: for several vendors the workbook is written once per vendor (see the workflow).
TCO_RENDERERS: dict[Format, Callable[[TcoComparison, Lang], bytes]] = {
    Format.md: _tco_text("md"),
    Format.html: _tco_text("html"),
    Format.json: comparison_json,
}
