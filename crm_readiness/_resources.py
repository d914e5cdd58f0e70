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


def user_cache_dir(kind: str) -> Path | None:
    """Return a writable per-user cache folder for ``kind``, or None where none can be made.

    ``$CRM_READINESS_CACHE_DIR`` (``off`` disables caching), else
    ``$XDG_CACHE_HOME/crm-readiness``, else ``~/.cache/crm-readiness``; one
    sub-folder per kind and package version. Caches only ever save time: every
    entry is checked against its source, and without a cache everything is
    computed again.
    """
    import os

    from crm_readiness import __version__

    base = os.environ.get("CRM_READINESS_CACHE_DIR")
    if base == "off":
        return None
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        base = str(Path(xdg) / "crm-readiness")
    folder = Path(base) / f"{kind}-{__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not os.access(folder, os.W_OK):
            return None
    except OSError:
        return None  # a read-only home: compute every time, still correct
    return folder
