"""The demo's registry of parts and its runner.

Each capability contributes a *demo part*: a function ``(out_dir, lang) ->
list[DemoEntry]`` that writes its outputs under ``out_dir`` and says what it
wrote. Parts are listed in :data:`PARTS` as ``"module:function"`` and imported
only when the demo runs; :data:`NEEDS` names the parts whose outputs a part reads.

Parts run side by side, one process per core (forked, so they share the
imports already made), each starting once the parts it needs are done, the
one heading the costliest chain first (:data:`COST`, :func:`start_order`); the
index lists their outputs in :data:`PARTS` order whatever order they finish in.
Where ``fork`` is missing or one core is all there is, they run one after the
other in this process.
"""

from __future__ import annotations

import importlib
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import cast

from crm_readiness.demo.entry import DemoEntry
from crm_readiness.errors import CrmReadinessError, OutputError
from crm_readiness.i18n import Lang, t
from crm_readiness.io.output import OutputSet
from crm_readiness.models.printing import DEFAULT_PAPER, Paper

__all__ = ["COST", "MARKER", "NEEDS", "PARTS", "PRELOAD", "DemoEntry", "DemoRun", "demo_jobs",
           "prepare_out_dir", "run_demo", "start_order"]

MARKER = ".crm-readiness-demo"

#: demo parts in the order they appear in index.html; a capability appends its own.
PARTS: tuple[str, ...] = (
    "crm_readiness.workflows.assessment:demo_part",
    "crm_readiness.workflows.vendors:demo_part",
    "crm_readiness.workflows.finance:demo_part",
    "crm_readiness.workflows.workshop:demo_part",
    # the messy customer export both data parts read (no entries of its own)
    "crm_readiness.workflows.data:demo_inputs_part",
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

_DATA = "crm_readiness.workflows.data:demo_part"
_DATA_INPUTS = "crm_readiness.workflows.data:demo_inputs_part"
#: part → the parts whose outputs it reads (they run first); any other part may run at once.
NEEDS: dict[str, tuple[str, ...]] = {
    _DATA: (_DATA_INPUTS,),
    "crm_readiness.workflows.assessment:demo_measured_part": (_DATA,),
    "crm_readiness.workflows.documents:demo_part": (_DATA,),
    # maps and rehearses the export (and its rules file), not the profile: beside the data part
    "crm_readiness.workflows.data_migration:demo_part": (_DATA_INPUTS,),
}

#: about how many CPU seconds each part takes (``python benchmarks/commands.py --parts``, in
#: forked workers); only the order parts start in follows it, never what they do. A part not
#: listed counts as :data:`DEFAULT_COST`.
COST: dict[str, float] = {
    "crm_readiness.workflows.assessment:demo_part": 0.2,
    "crm_readiness.workflows.vendors:demo_part": 1.3,
    "crm_readiness.workflows.finance:demo_part": 0.45,
    "crm_readiness.workflows.workshop:demo_part": 1.6,
    _DATA_INPUTS: 0.4,
    _DATA: 2.5,
    "crm_readiness.workflows.data_migration:demo_part": 2.45,
    "crm_readiness.workflows.assessment:demo_measured_part": 0.15,
    "crm_readiness.workflows.documents:demo_part": 1.0,
    "crm_readiness.workflows.review:demo_part": 0.45,
}
DEFAULT_COST = 1.0

#: what nearly every part imports (the libraries, models and renderers), imported here once
#: before the workers fork instead of again in each worker; none starts a thread or opens a file
PRELOAD: tuple[str, ...] = (
    "openpyxl", "docx", "duckdb", "jinja2",
    "crm_readiness.render.cells", "crm_readiness.render.jinja_env",
    "crm_readiness.render.decisions", "crm_readiness.render.svg.charts",
    "crm_readiness.io.checklists", "crm_readiness.io.assessment", "crm_readiness.io.data_sources",
    "crm_readiness.engine.scoring", "crm_readiness.models.vendors.results",
    "crm_readiness.models.finance.results", "crm_readiness.models.data.result",
)


def start_order(specs: Sequence[str]) -> dict[str, float]:
    """Return each part's priority: its cost plus the costliest chain of parts waiting for it.

    Of the parts ready to start, the one with the longest such path goes first
    (critical path first), so the parts others wait for never queue behind
    independent ones and the workers stay busy to the end.
    """
    memo: dict[str, float] = {}

    def path(spec: str) -> float:
        if spec not in memo:
            after = [s for s in specs if spec in NEEDS.get(s, ())]
            memo[spec] = COST.get(spec, DEFAULT_COST) + max(map(path, after), default=0.0)
        return memo[spec]

    return {spec: path(spec) for spec in specs}


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


def demo_jobs() -> int:
    """Return how many parts run at once: one per core (at most four), 1 without ``fork``.

    ``CRM_READINESS_JOBS`` (a whole number ≥ 1) overrides the count.
    """
    import multiprocessing

    wanted = os.environ.get("CRM_READINESS_JOBS", "").strip()
    if wanted.isdigit() and int(wanted) >= 1:
        jobs = int(wanted)
    else:
        jobs = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                   else os.cpu_count() or 1, 4)
    if sys.platform != "linux" or "fork" not in multiprocessing.get_all_start_methods():
        return 1  # macOS forks badly with some system libraries; Windows cannot fork
    return jobs


def _run_part(spec: str, out_dir: Path, lang: Lang) -> tuple[str, object]:
    """Run one part (in a worker process); return ``("ok", entries)`` or ``("error", exc)``.

    A user error (:class:`CrmReadinessError`) is sent back as it is; any other
    exception, a bug, as its traceback text (the worker's traceback would be
    lost in pickling), raised again in the parent as an internal error.
    """
    import pickle

    try:
        return "ok", _part(spec)(out_dir, lang)
    except Exception as exc:
        if isinstance(exc, CrmReadinessError):
            try:
                return "error", pickle.loads(pickle.dumps(exc))
            except Exception:  # a subclass that still cannot travel goes as a crash
                pass
        import traceback

        return "crash", "".join(traceback.format_exception(exc))


class DemoPartCrash(RuntimeError):
    """A demo part failed in a worker with a bug; the message holds the worker's traceback."""


def _run_parts(specs: Sequence[str], out_dir: Path, lang: Lang, jobs: int,
               on_part: Callable[[str], None] | None) -> dict[str, list[DemoEntry]]:
    """Run ``specs`` honouring :data:`NEEDS`; return each part's entries."""
    done: dict[str, list[DemoEntry]] = {}
    if jobs <= 1:
        for spec in specs:
            if on_part is not None:
                on_part(spec)
            done[spec] = _part(spec)(out_dir, lang)
        return done
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    for module in PRELOAD:  # the forked workers share them
        importlib.import_module(module)
    priority = start_order(specs)
    # critical path first; PARTS order among equals (sorted is stable)
    pending = sorted(specs, key=lambda s: -priority[s])
    running: dict[Future[tuple[str, object]], str] = {}
    with ProcessPoolExecutor(max_workers=jobs,
                             mp_context=multiprocessing.get_context("fork")) as pool:
        try:
            while pending or running:
                ready = [s for s in pending
                         if all(n in done or n not in specs for n in NEEDS.get(s, ()))]
                # one part per free worker: a queued part could not be overtaken by a more urgent one
                for spec in ready[:max(jobs - len(running), 0)]:
                    if on_part is not None:
                        on_part(spec)
                    running[pool.submit(_run_part, spec, out_dir, lang)] = spec
                    pending.remove(spec)
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    spec = running.pop(future)
                    status, value = future.result()
                    if status == "error":
                        assert isinstance(value, BaseException)
                        raise value
                    if status == "crash":
                        raise DemoPartCrash(f"demo part {spec} failed:\n{value}")
                    done[spec] = cast("list[DemoEntry]", value)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    return done


def run_demo(out_dir: Path, lang: Lang, *, force: bool = False,
             on_part: Callable[[str], None] | None = None, jobs: int | None = None,
             pdf: bool = False, paper: Paper = DEFAULT_PAPER) -> DemoRun:
    """Run every demo part into ``out_dir`` and write ``index.html`` linking the results.

    ``jobs`` parts run at once (default :func:`demo_jobs`); ``on_part`` is
    called with each part as it starts. With ``pdf``, every HTML report is also
    laid out as a PDF beside it (the extra is checked first, so a missing one
    writes nothing, exit 69).
    """
    from crm_readiness.demo.index import render_index
    from crm_readiness.render.pdf import html_to_pdf, require_pdf

    if pdf:
        require_pdf()
    prepare_out_dir(out_dir, force=force)
    run = DemoRun(out_dir=out_dir, index=out_dir / "index.html")
    done = _run_parts(PARTS, out_dir, lang, demo_jobs() if jobs is None else jobs, on_part)
    for spec in PARTS:
        run.entries.extend(done[spec])
    if pdf:
        if on_part is not None:
            on_part("pdf")
        pdfs = OutputSet(force=True)
        for page in sorted(out_dir.rglob("*.html")):
            pdfs.add(page.with_suffix(".pdf"), partial(lambda p: html_to_pdf(p.read_bytes(), paper), page))
        pdfs.commit()
    index = OutputSet(force=True)
    # rendered now, before its temporary file exists: the dashboard lists the folder's files
    index.add(run.index, render_index(out_dir, run.entries, lang).encode("utf-8"))
    index.commit()
    return run
