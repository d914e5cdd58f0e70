"""Locations of the packaged data: checklists, templates and the demo example.

In an installed wheel ``checklists/`` and ``templates/`` live under
``crm_readiness/_data/``; in a source checkout they sit at the repository top.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    source = _PACKAGE.parent / name
    if source.is_dir():
        return source
    raise FileNotFoundError(f"packaged data folder {name!r} not found (looked in {installed} "
                            f"and {source}); the installation is incomplete")


@cache
def checklists_dir() -> Path:
    """Return the folder of the packaged phase checklists."""
    return _data_dir("checklists")


@cache
def templates_dir() -> Path:
    """Return the folder of the packaged Jinja templates."""
    return _data_dir("templates")


def examples_dir() -> Path:
    """Return the folder of the bundled example organisation (used by ``demo`` and ``init``)."""
    return _PACKAGE / "examples"
