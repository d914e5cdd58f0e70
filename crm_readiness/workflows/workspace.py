"""``init``: a workspace of commented starter files for the user's own project.

Every file in ``crm_readiness/examples/starter/`` is copied: a neutral answers
file (placeholder organisation, a profile to fill) and starter costs and
benefits with obviously-placeholder round figures and the same user count. The
demo company stays in the demo. Nothing is overwritten without ``force``, and
the check is made for every file before any is written.

A starter value carries :data:`PLACEHOLDER_MARK`; while a file still holds it,
every command that reads the file warns (:func:`placeholder_warnings`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from crm_readiness._resources import examples_dir
from crm_readiness.i18n import Lang
from crm_readiness.io.output import OutputSet
from crm_readiness.models._base import Text, tr

#: the token every starter placeholder value holds (organisation, cost and benefit titles)
PLACEHOLDER_MARK = "(placeholder)"


def starter_plan(directory: Path) -> list[tuple[Path, Path]]:
    """Return (packaged source, destination) for every starter file."""
    base = examples_dir() / "starter"
    plan = [(p, directory / p.relative_to(base)) for p in sorted(base.rglob("*"))
            if p.is_file() and not p.name.startswith(".")]
    return plan


def init_workspace(directory: Path, lang: Lang, *, force: bool = False) -> list[Path]:
    """Copy the starter files into ``directory``; refuse to replace any without ``force``."""
    outputs = OutputSet(force=force)  # starter files are edited by the user: editable
    for src, dest in starter_plan(directory):
        outputs.add(dest, src.read_bytes, editable=True)
    return outputs.commit()


def is_placeholder(text: str | Text | None) -> bool:
    """Return whether ``text`` (in either language) still holds the starter placeholder mark."""
    if isinstance(text, Text):
        return is_placeholder(text.en) or is_placeholder(text.zh)
    return bool(text) and PLACEHOLDER_MARK in str(text).casefold()


def placeholder_warnings(files: Sequence[tuple[Path, str | Text | None]]) -> list[Text]:
    """Return one warning per (file, value) pair whose value is still a starter placeholder.

    ``value`` is the organisation name of an answers file or the title of a
    costs or benefits file.
    """
    return [tr("workspace.placeholder", path=str(path), value=value or "")
            for path, value in files if is_placeholder(value)]
