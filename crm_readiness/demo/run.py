"""The demo's registry of parts and its runner.

Each capability contributes a *demo part*: a function ``(out_dir, lang) ->
list[DemoEntry]`` that writes its outputs under ``out_dir`` and says what it
wrote. Parts are listed in :data:`PARTS` as ``"module:function"`` and imported
only when the demo runs.
"""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from crm_readiness.demo.entry import DemoEntry
from crm_readiness.errors import OutputError
from crm_readiness.i18n import Lang, t
from crm_readiness.io.output import OutputSet

__all__ = ["MARKER", "PARTS", "DemoEntry", "DemoRun", "prepare_out_dir", "run_demo"]

MARKER = ".crm-readiness-demo"

#: demo parts in the order they appear in index.html; a capability appends its own.
PARTS: tuple[str, ...] = (
    "crm_readiness.workflows.assessment:demo_part",
    "crm_readiness.workflows.vendors:demo_part",
    "crm_readiness.workflows.finance:demo_part",
    "crm_readiness.workflows.workshop:demo_part",
    "crm_readiness.workflows.data:demo_part",
    # the data part's export mapped onto target CRMs and rehearsed
    "crm_readiness.workflows.data_migration:demo_part",
    # needs the data part's profile: the data phase measured, shown against the claims
    "crm_readiness.workflows.assessment:demo_measured_part",
    # the project's documents, with the data part's profile in the migration plan
    "crm_readiness.workflows.documents:demo_part",
    # six months after go-live: KPIs, the case re-forecast, go-live readiness
    "crm_readiness.workflows.review:demo_part",
)


@dataclass
class DemoRun:
    """What the demo wrote."""

    out_dir: Path
    index: Path
    entries: list[DemoEntry] = field(default_factory=list)


DemoPart = Callable[[Path, Lang], list[DemoEntry]]


def _part(spec: str) -> DemoPart:
    module, _, name = spec.partition(":")
    fn: DemoPart = getattr(importlib.import_module(module), name)
    return fn


def prepare_out_dir(out_dir: Path, *, force: bool) -> None:
    """Make ``out_dir`` ready: new, empty, or an earlier demo's (replaced); else refuse."""
    if out_dir.exists():
        if not out_dir.is_dir():
            raise OutputError(out_dir, t("out.not_dir", "en"), t("out.not_dir", "zh"))
        ours = (out_dir / MARKER).exists()
        if any(out_dir.iterdir()) and not (ours or force):
            raise OutputError(out_dir, t("demo.not_ours", "en"), t("demo.not_ours", "zh"))
        if ours or force:
            try:
                shutil.rmtree(out_dir)
            except OSError as exc:
                raise OutputError(out_dir, exc.strerror or str(exc)) from None
    marker = OutputSet(force=True)
    marker.add(out_dir / MARKER, b"written by crm-readiness demo; safe to delete\n")
    marker.commit()


def run_demo(out_dir: Path, lang: Lang, *, force: bool = False,
             on_part: Callable[[str], None] | None = None) -> DemoRun:
    """Run every demo part into ``out_dir`` and write ``index.html`` linking the results."""
    from crm_readiness.demo.index import render_index

    prepare_out_dir(out_dir, force=force)
    run = DemoRun(out_dir=out_dir, index=out_dir / "index.html")
    for spec in PARTS:
        if on_part is not None:
            on_part(spec)
        run.entries.extend(_part(spec)(out_dir, lang))
    index = OutputSet(force=True)
    index.add(run.index, lambda: render_index(run.entries, lang).encode("utf-8"))
    index.commit()
    return run
