"""Renderers: one per output format, each ``render(result, lang) -> bytes``.

Formats are named by :class:`Format`; each capability keeps a mapping from the
formats it supports to its renderer functions, and a test walks the enum so a
declared format without a renderer cannot ship.
"""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    """An output format and its file suffix."""

    md = "md"
    html = "html"
    json = "json"
    xlsx = "xlsx"
    docx = "docx"
    csv = "csv"
    pdf = "pdf"

    @property
    def suffix(self) -> str:
        """Return the file suffix, with its dot."""
        return f".{self.value}"
