"""``init``: a workspace of commented starter files for the user's own project.

Every file in ``crm_readiness/examples/starter/`` is copied, plus the demo
inputs listed in :data:`FROM_DEMO` (already commented, realistic examples a
user edits). Nothing is overwritten without ``force``, and the check is made
for every file before any is written.
"""

from __future__ import annotations

from pathlib import Path

from crm_readiness._resources import examples_dir
from crm_readiness.i18n import Lang
from crm_readiness.io.output import OutputSet

#: demo input files that double as starter files (capabilities add theirs here)
FROM_DEMO: tuple[str, ...] = ("costs.yaml", "benefits.yaml")


def starter_plan(directory: Path) -> list[tuple[Path, Path]]:
    """Return (packaged source, destination) for every starter file."""
    base = examples_dir() / "starter"
    plan = [(p, directory / p.relative_to(base)) for p in sorted(base.rglob("*"))
            if p.is_file() and not p.name.startswith(".")]
    demo = examples_dir() / "demo"
    plan += [(demo / name, directory / name) for name in FROM_DEMO if (demo / name).is_file()]
    return plan


def init_workspace(directory: Path, lang: Lang, *, force: bool = False) -> list[Path]:
    """Copy the starter files into ``directory``; refuse to replace any without ``force``."""
    outputs = OutputSet(force=force)  # starter files are edited by the user: editable
    for src, dest in starter_plan(directory):
        outputs.add(dest, src.read_bytes, editable=True)
    return outputs.commit()
