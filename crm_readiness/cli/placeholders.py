"""The warning every command prints when it reads an untouched ``init`` starter file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from crm_readiness.i18n import Lang

if TYPE_CHECKING:
    from rich.console import Console

    from crm_readiness.models._base import Text


def warn_placeholders(out: Console, lang: Lang,
                      files: Sequence[tuple[Path, str | Text | None]]) -> None:
    """Print one yellow warning per file whose organisation or title is still a placeholder."""
    from crm_readiness.cli._common import plain
    from crm_readiness.workflows.workspace import placeholder_warnings

    for text in placeholder_warnings(files):
        out.print(f"[yellow]⚠ {plain(text.get(lang))}[/]")
