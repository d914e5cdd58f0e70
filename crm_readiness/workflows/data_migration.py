"""Migration use cases: draft a mapping onto the target CRM, rehearse the load, demo, answers.

Glue only: read the target schema and the mapping (io), open the export (io),
draft or rehearse (engine), render and write (render, io). The sources are
never written to; every output is preflighted before any data is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from crm_readiness.engine.data.table import Progress, no_progress
from crm_readiness.errors import UsageError
from crm_readiness.i18n import Lang, t
from crm_readiness.models.printing import DEFAULT_PAPER, Paper
from crm_readiness.workflows.data import SourceOptions

if TYPE_CHECKING:
    from crm_readiness.demo.entry import DemoEntry
    from crm_readiness.engine.data.mapping import MappingDraft
    from crm_readiness.models.answers import Answer, AnswersFile
    from crm_readiness.models.data.rehearsal import RehearsalRun

FORMATS = ("md", "html", "json", "pdf")
#: what the demo and a plain run write (pdf needs the optional extra)
DEFAULT_FORMATS = ("md", "html", "json")


def _stem(paths: Sequence[Path]) -> str:
    return paths[0].stem if len(paths) == 1 else f"{paths[0].stem}-and-{len(paths) - 1}-more"


def draft_mapping_file(paths: Sequence[Path], target: Path, out: Path, lang: Lang, *,
                       source: SourceOptions | None = None,
                       force: bool = False) -> tuple[Path, MappingDraft]:
    """Draft the mapping of the export onto ``target`` and write it as workbook ``out``."""
    from crm_readiness.engine.data.mapping import draft_mapping
    from crm_readiness.io.data_sources import open_export
    from crm_readiness.io.output import OutputSet
    from crm_readiness.io.target_files import load_target
    from crm_readiness.render.data.mapping_workbook import render_mapping_workbook

    source = source or SourceOptions()
    schema = load_target(target)  # a broken schema is reported before any data is read
    for p in paths:
        if p.exists() and p.resolve() == out.resolve():
            raise UsageError(f"{out}: {t('data.err.same_as_source', 'en')}",
                             f"{out}：{t('data.err.same_as_source', 'zh')}")
    outputs = OutputSet(force=force)  # the steward edits the mapping workbook: editable
    outputs.add(out, lambda: render_mapping_workbook(draft, schema, lang), editable=True)
    outputs.preflight()
    with open_export(paths, encoding=source.encoding, sheet=source.sheet,
                     delimiter=source.delimiter) as table:
        draft = draft_mapping(table, schema)
    return outputs.commit()[0], draft


@dataclass
class RehearseRun:
    """What ``data rehearse`` produced."""

    run: RehearsalRun
    written: list[Path] = field(default_factory=list)


def rehearse_files(paths: Sequence[Path], targets: Sequence[Path], mappings: Sequence[Path],
                   out_dir: Path, formats: Sequence[str], lang: Lang, *,
                   source: SourceOptions | None = None, force: bool = False,
                   minutes_per_issue: Decimal | None = None,
                   progress: Progress = no_progress, paper: Paper = DEFAULT_PAPER) -> RehearseRun:
    """Rehearse the export against each target (its mapping, or a drafted one); write reports.

    ``mappings`` pairs with ``targets`` in order; a target without a mapping is
    rehearsed with the mapping ``data map`` would draft.
    """
    from crm_readiness.engine.data.mapping import draft_mapping
    from crm_readiness.engine.data.rehearse import MINUTES_PER_ISSUE, RehearsalOptions, rehearse
    from crm_readiness.io.data_sources import open_export
    from crm_readiness.io.output import OutputSet
    from crm_readiness.io.target_files import load_target, read_mapping
    from crm_readiness.models.data.rehearsal import FitRow, RehearsalRun
    from crm_readiness.render import Format
    from crm_readiness.render.data.rehearsal import RENDERERS
    from crm_readiness.render.pdf import PRINTABLE, printable

    source = source or SourceOptions()
    if not targets:
        raise UsageError(t("rehearse.err.no_target", "en"), t("rehearse.err.no_target", "zh"))
    if len(mappings) > len(targets):
        raise UsageError(t("rehearse.err.mappings", "en"), t("rehearse.err.mappings", "zh"))
    schemas = [load_target(p) for p in targets]
    stem = _stem(paths)
    outputs = OutputSet(force=force)
    result: RehearsalRun
    for name in formats:
        if Format(name) in PRINTABLE:  # laid out for paper; pdf through the optional extra
            outputs.add(out_dir / f"{stem}-rehearsal.{name}", printable(
                Format(name), lambda: RENDERERS["html"](result, lang), paper))
        else:
            outputs.add(out_dir / f"{stem}-rehearsal.{name}", partial(
                lambda f: RENDERERS[f](result, lang), name))
    outputs.preflight()
    rehearsals = []
    with open_export(paths, encoding=source.encoding, sheet=source.sheet,
                     delimiter=source.delimiter, progress=progress) as table:
        for i, (target, schema) in enumerate(zip(targets, schemas, strict=True)):
            if i < len(mappings):
                mapping = read_mapping(mappings[i], schema, table.columns)
                mapping_file = str(mappings[i])
            else:
                mapping = draft_mapping(table, schema).mapping
                mapping_file = t("rehearse.drafted", lang)
            opts = RehearsalOptions(target_file=str(target), mapping_file=mapping_file,
                                    minutes_per_issue=minutes_per_issue or MINUTES_PER_ISSUE)
            rehearsals.append(rehearse(table, schema, mapping, opts, progress))
    rows = [FitRow(target=r.target, target_file=r.target_file, mapped_fields=r.mapped_fields,
                   target_fields=r.target_fields,
                   unmapped_required=sum(len(o.unmapped_required) for o in r.objects
                                         if o.mapped_rows),
                   expected_loaded=r.expected_loaded, expected_rejected=r.expected_rejected,
                   load_rate=r.load_rate, steward_hours=r.effort.steward_hours)
            for r in rehearsals]
    rows.sort(key=lambda f: (-(f.load_rate or 0.0), f.steward_hours, f.target))
    result = RehearsalRun(rehearsals=rehearsals, comparison=rows)
    return RehearseRun(result, outputs.commit())


def rehearsal_answers(run: RehearsalRun) -> dict[str, Answer]:
    """Return the answers a rehearsal gives to the data phase's mapping and test-migration questions.

    A mapping the rehearsal read that fills every required field of the objects
    loaded is *defined* (written, not yet known to be reviewed), else *ad hoc*;
    a rehearsal is a test migration run in the dry, so *run, issues open* while
    it forecasts rejected records — it never claims the business verified it.
    """
    from crm_readiness.models.answers import Answer

    if not run.rehearsals:
        return {}
    r = run.rehearsals[0]
    gaps = sum(len(o.unmapped_required) for o in r.objects if o.mapped_rows)
    source = f"data rehearse {', '.join(Path(f.path).name for f in r.files)}"
    note = t("rehearse.answer_note", "en", target=r.target, loaded=r.expected_loaded,
             rejected=r.expected_rejected, gaps=gaps)
    out = {"data.field_mapping": Answer(value="defined" if gaps == 0 else "ad_hoc",
                                        source=source, note=note)}
    out["data.test_migration"] = Answer(
        value="run_issues_open" if r.expected_rejected or gaps else "planned",
        source=source, note=note)
    return out


def fill_from_rehearsal(answers: AnswersFile, run: RehearsalRun) -> AnswersFile:
    """Return ``answers`` with the rehearsal's answers to the questions it leaves unanswered.

    A dry run cannot overrule a claim (a real test migration may have been run
    and verified since): a question the answers file answers keeps its answer.
    """
    updated = dict(answers.answers)
    for qid, answer in rehearsal_answers(run).items():
        if not any(a.value is not None or a.na for a in updated.get(qid, ())):
            updated[qid] = (answer,)
    return answers.model_copy(update={"answers": updated})


def demo_part(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    """The demo's migration rehearsal: target schema, drafted mapping, rehearsal report."""
    import shutil

    from crm_readiness._resources import examples_dir
    from crm_readiness.demo.entry import DemoEntry
    from crm_readiness.models._base import Text, tr
    from crm_readiness.workflows.data import clean_files, demo_inputs

    export, rules = demo_inputs(out_dir)
    inputs = export.parent
    targets = [inputs / "target-generic-crm.yaml", inputs / "target-yunfan.yaml"]
    shutil.copyfile(examples_dir() / "target" / "generic-crm.yaml", targets[0])
    shutil.copyfile(examples_dir() / "demo" / "target-yunfan.yaml", targets[1])
    folder = out_dir / "migration"  # its own dashboard card, beside the data profile's
    cleansed = folder / "customers-cleansed.csv"
    clean_files([export], rules, cleansed, force=True)
    mapping, _draft = draft_mapping_file([export], targets[0], folder / "customers-mapping.xlsx",
                                         lang, force=True)
    run = rehearse_files([cleansed], targets, [mapping], folder, DEFAULT_FORMATS, lang, force=True)
    section = Text(en="Migration rehearsal", zh="迁移预演")
    best = run.run.comparison[0]
    summary = tr("rehearse.demo.summary", target=best.target,
                 rate="–" if best.load_rate is None else f"{best.load_rate * 100:.1f}%",
                 rejected=best.expected_rejected, hours=best.steward_hours)
    entries = [DemoEntry(section=section, title=tr("rehearse.demo.target"),
                         path=str(targets[0].relative_to(out_dir))),
               DemoEntry(section=section, title=tr("rehearse.demo.mapping"),
                         path=str(mapping.relative_to(out_dir))),
               DemoEntry(section=section, title=tr("rehearse.demo.cleansed"),
                         path=str(cleansed.relative_to(out_dir)))]
    for p in run.written:
        entries.append(DemoEntry(section=section, title=tr(f"rehearse.demo.report{p.suffix}"),
                                 path=str(p.relative_to(out_dir)),
                                 summary=summary if p.suffix == ".html" else None))
    return entries
