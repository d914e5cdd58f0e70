"""``init``: a workspace of commented starter files for the user's own project.

Every file in ``crm_readiness/examples/starter/`` is copied; capabilities add
their own starter files there. Nothing is overwritten without ``force``, and
the check is made for every file before any is written.
"""

from __future__ import annotations

from pathlib import Path

from crm_readiness._resources import examples_dir
from crm_readiness.i18n import Lang
from crm_readiness.io.atomic import check_writable, ensure_dir, write_bytes


def starter_files() -> list[Path]:
    """Return the packaged starter files."""
    folder = examples_dir() / "starter"
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def init_workspace(directory: Path, lang: Lang, *, force: bool = False) -> list[Path]:
    """Copy the starter files into ``directory``; refuse to replace any without ``force``."""
    base = examples_dir() / "starter"
    plan = [(src, directory / src.relative_to(base)) for src in starter_files()]
    for _, dest in plan:
        check_writable(dest, force=force)
    ensure_dir(directory)
    return [write_bytes(dest, src.read_bytes(), force=force) for src, dest in plan]
