"""Data readiness use cases: profile, draft rules, cleanse, demo, and answers for ``assess``.

Glue only: open the export (io), profile it (engine), render and write the
outputs (render, io). No terminal I/O; progress goes through a callback.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from concurrent.futures import Future
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from crm_readiness.engine.data.table import DataTable, Progress, beside, no_progress
from crm_readiness.errors import UsageError
from crm_readiness.i18n import Lang, t
from crm_readiness.models._base import Text, tr
from crm_readiness.models.data.result import DataProfileResult
from crm_readiness.models.printing import DEFAULT_PAPER, Paper

if TYPE_CHECKING:
    from crm_readiness.demo.entry import DemoEntry
    from crm_readiness.engine.data.clerical import LabelLinks, ResolvedLabels
    from crm_readiness.engine.data.synthetic import Truth
    from crm_readiness.models.answers import Answer
    from crm_readiness.models.checklist import ChecklistSet
    from crm_readiness.models.data.clerical import LabelledPair
    from crm_readiness.models.data.rules import DataRules


@dataclass(frozen=True)
class SourceOptions:
    """How to read the export, and the data engine's scale settings (docs/data.md)."""

    encoding: str | None = None
    sheet: str | None = None
    delimiter: str | None = None
    memory_limit: str | None = None
    temp_dir: Path | None = None


#: share of the progress bar the profile takes; the sample and the outputs take the rest.
_PROFILE_SHARE = 0.8


def _scaled(progress: Progress, share: float = _PROFILE_SHARE) -> Progress:
    """Map the profile's own 0..1 onto ``0..share`` of the job (its "done" is not the end)."""
    def report(stage: str, done: float) -> None:
        if stage != "done":
            progress(stage, done * share)
    return report


def _writing(progress: Progress, start: float = _PROFILE_SHARE
             ) -> Callable[[Path, int, int], None]:
    """Report each output as a stage ``write: NAME`` in the last part of the job."""
    def report(path: Path, n: int, total: int) -> None:
        progress(f"write: {path.name}", start + (1 - start) * n / max(1, total))
    return report


def _open(paths: Sequence[Path], source: SourceOptions, progress: Progress = no_progress,
          ) -> AbstractContextManager[DataTable]:
    from crm_readiness.io.data_sources import engine_settings, open_export

    return open_export(paths, encoding=source.encoding, sheet=source.sheet,
                       delimiter=source.delimiter, progress=progress,
                       settings=engine_settings(source.memory_limit, source.temp_dir))


@dataclass
class ProfileRun:
    """What ``data profile`` produced."""

    result: DataProfileResult
    written: list[Path] = field(default_factory=list)
    sample_counts: dict[str, int] = field(default_factory=dict)


def _rules_for(table: DataTable, rules_path: Path | None) -> DataRules:
    from crm_readiness.engine.data.infer import draft_rules
    from crm_readiness.io.data_sources import load_rules

    if rules_path is None:
        return draft_rules(table)
    return load_rules(rules_path, table.columns)


def _stem(paths: Sequence[Path]) -> str:
    return paths[0].stem if len(paths) == 1 else f"{paths[0].stem}-and-{len(paths) - 1}-more"


def profile_files(paths: Sequence[Path], rules_path: Path | None, out_dir: Path,
                  formats: Sequence[str], lang: Lang, *, source: SourceOptions = SourceOptions(),
                  fuzzy: bool = True, sample: int = 100, max_issue_rows: int = 1_000,
                  force: bool = False, progress: Progress = no_progress,
                  paper: Paper = DEFAULT_PAPER, review: int = 100,
                  labels: Path | None = None) -> ProfileRun:
    """Profile the files and write the reports, the issues workbook (with its CSVs) and the sample.

    The workbook lists up to ``max_issue_rows`` problems per column and rule and as
    many clusters; ``-issues.csv`` and ``-duplicates.csv`` beside it hold every row.
    With fuzzy duplicates it has a clerical-review sheet of ``review`` borderline
    pairs; ``labels`` (an issues workbook with decisions) links the "same" pairs,
    keeps the "different" ones apart and measures the borderline precision.
    """
    from crm_readiness.engine.data import ProfileOptions, profile
    from crm_readiness.engine.data.issues import (
        CLUSTERS_SAFE_COLUMNS,
        ISSUES_SAFE_COLUMNS,
        SHEET_ROWS,
        build_issues,
        clusters_query,
        issue_counts,
        issues_query,
        iter_cluster_rows,
        iter_issues,
    )
    from crm_readiness.engine.data.plan import ColumnPlan, column_plans
    from crm_readiness.engine.data.sampling import draw_sample, sample_query
    from crm_readiness.io.output import OutputSet
    from crm_readiness.render import Format
    from crm_readiness.render.data import RENDERERS
    from crm_readiness.render.pdf import PRINTABLE, printable

    xlsx = Format.xlsx.value in formats
    if xlsx:  # openpyxl is loaded for the issues workbook only (a tenth of a second)
        from crm_readiness.render.data.workbook import (
            WorkbookCaps,
            cluster_headers,
            issue_texts,
            render_workbook,
        )

    if rules_path is not None:
        from crm_readiness.io.data_sources import load_rules

        load_rules(rules_path)  # a broken rules file is reported before any data is read
    labelled = _read_labels(labels)  # so is a broken labels workbook
    stem = _stem(paths)
    cap = min(max_issue_rows, SHEET_ROWS)
    # every target declared and checked before the long work; rendered once the profile is made
    table: DataTable
    plans: list[ColumnPlan]
    result: DataProfileResult
    outputs = OutputSet(force=force)

    # the issues table is built on a thread (DuckDB's positional join runs on one core) while
    # the sample is drawn and the duplicates' and sample's CSVs are written; the issues' CSV
    # and the workbook wait for it, and the workbook is rendered beside the issues' CSV
    building: list[Future[None]] = []

    def issues_built() -> None:
        if building:
            building[0].result()

    def render(side: DataTable) -> bytes:
        issues_built()
        caps = WorkbookCaps(per_rule=cap, counts=issue_counts(side, plans, cap),
                            max_clusters=cap, issues_csv=issues_csv.name,
                            clusters_csv=clusters_csv.name)
        return render_workbook(result, iter_issues(side, plans, cap),
                               iter_cluster_rows(side, cap), lang, caps)

    rendering: list[Future[bytes]] = []  # the workbook, rendered beside the issues' CSV

    def workbook() -> bytes:
        return rendering[0].result() if rendering else render(table)

    def issue_rows_sql() -> str:
        issues_built()
        headers, labels, fixes = issue_texts(plans, lang)
        return issues_query(table, plans, headers, labels, fixes)

    def cluster_rows_sql() -> str:
        return clusters_query(table, *cluster_headers(lang))

    issues_csv = out_dir / f"{stem}-issues.csv"
    clusters_csv = out_dir / f"{stem}-duplicates.csv"
    # declared (and reported) in this order; written CSVs first (the issues' CSV last of
    # them), so DuckDB's COPY (which releases the GIL) runs beside the build and the workbook
    declared: list[Path] = []
    streams: list[tuple[Path, Callable[[Path], None]]] = []
    rendered: list[tuple[Path, Callable[[], bytes], bool]] = []
    last: list[tuple[Path, Callable[[Path], None]]] = []
    for name in formats:
        fmt = Format(name)
        if fmt is Format.xlsx:  # the data steward works in the issues workbook: editable
            rendered.append((out_dir / f"{stem}-issues.xlsx", workbook, True))
            streams.append((clusters_csv, lambda tmp: csv_writer(
                table.conn, cluster_rows_sql(), safe_columns=CLUSTERS_SAFE_COLUMNS)(tmp)))
            last.append((issues_csv, lambda tmp: csv_writer(
                table.conn, issue_rows_sql(), safe_columns=ISSUES_SAFE_COLUMNS)(tmp)))
            declared += [rendered[-1][0], issues_csv, clusters_csv]
        elif fmt in PRINTABLE:  # the profile is made after preflight: rendered then
            rendered.append((out_dir / f"{stem}-profile{fmt.suffix}",
                             printable(fmt, lambda: RENDERERS[Format.html](result, lang), paper),
                             False))
            declared.append(rendered[-1][0])
        else:
            rendered.append((out_dir / f"{stem}-profile{fmt.suffix}",
                             partial(lambda f: RENDERERS[f](result, lang), fmt), False))
            declared.append(rendered[-1][0])
    if sample > 0:
        streams.append((out_dir / f"{stem}-sample.csv",
                        lambda tmp: csv_writer(table.conn, sample_query(table))(tmp)))
        declared.append(streams[-1][0])
    for path, stream in streams + last:
        outputs.add_stream(path, stream)
    for path, content, editable in sorted(rendered, key=lambda r: r[1] is workbook):
        outputs.add(path, content, editable=editable)
    outputs.preflight()
    with _open(paths, source, _scaled(progress)) as table:
        rules = _rules_for(table, rules_path)
        links = None if labels is None or labelled is None else _label_links(
            table, rules, labels, labelled, fuzzy)
        result = profile(table, rules, ProfileOptions(
            fuzzy=fuzzy, rules_source=None if rules_path is None else str(rules_path),
            links=links), _scaled(progress))
        if result.duplicates.fuzzy_run and review > 0:
            from crm_readiness.engine.data.clerical import draw_review

            progress("clerical", _PROFILE_SHARE)
            carried = {lab.pair_id: (lab.decision, lab.note) for lab in labelled or ()}
            result = result.model_copy(update={"clerical": draw_review(
                table, rules, review, carried=carried)})
        if links is not None:
            result = result.model_copy(update={"labels": links.outcome()})
        plans = column_plans(table, rules)
        run = ProfileRun(result)
        with beside(table, partial(build_issues, plans=plans)) if xlsx else nullcontext() as built:
            if built is not None:
                building.append(built)  # before the workbook's thread can wait on it
            with beside(table, render) if xlsx else nullcontext() as pending:
                if pending is not None:
                    rendering.append(pending)
                if sample > 0:
                    progress("sample", _PROFILE_SHARE)
                    run.sample_counts = draw_sample(table, plans, sample)
                written = outputs.commit(_writing(progress))
        run.written = sorted(written, key=lambda p: declared.index(p))
        progress("done", 1.0)
    return run


def _read_labels(path: Path | None) -> tuple[LabelledPair, ...] | None:
    """Return the decisions of the labels workbook ``path`` (None: no ``--labels``)."""
    if path is None:
        return None
    from crm_readiness.io.review_labels import read_labels

    return read_labels(path)


def _resolved(table: DataTable, rules: DataRules, path: Path,
              labelled: Sequence[LabelledPair], fuzzy: bool = True) -> ResolvedLabels:
    """Return the labels mapped onto ``table``'s records: a usage error without fuzzy
    duplicates, exit 3 when a labelled record is stale."""
    from crm_readiness.engine.data.clerical import resolve_labels
    from crm_readiness.io.review_labels import stale_error

    dup = rules.duplicates
    if not fuzzy or dup is None or dup.fuzzy is None:
        raise UsageError(t("data.labels.needs_fuzzy", "en"), t("data.labels.needs_fuzzy", "zh"))
    resolved = resolve_labels(table, labelled)
    if resolved.stale:
        raise stale_error(path, resolved.stale)
    return resolved


def _label_links(table: DataTable, rules: DataRules, path: Path,
                 labelled: Sequence[LabelledPair], fuzzy: bool) -> LabelLinks:
    """Return the labels mapped onto ``table`` as the profile's links hook (stale: exit 3)."""
    from crm_readiness.engine.data.clerical import LabelLinks

    resolved = _resolved(table, rules, path, labelled, fuzzy)
    assert rules.duplicates is not None and rules.duplicates.fuzzy is not None
    return LabelLinks(rules.duplicates.fuzzy, table, resolved, path.name)


def _refined(table: DataTable, rules: DataRules, path: Path,
             labelled: Sequence[LabelledPair]) -> DataRules:
    """Return ``rules`` with the match model estimated with the labelled pairs fixed."""
    import numpy as np

    from crm_readiness.engine.data.train import estimate_model

    resolved = _resolved(table, rules, path, labelled)
    decided = [(x, y, 1.0 if lab.decision == "same" else 0.0)
               for x, y, lab in resolved.pairs if lab.decision != "unsure"]
    return estimate_model(table, rules, (np.asarray([d[0] for d in decided], dtype=np.int64),
                                         np.asarray([d[1] for d in decided], dtype=np.int64),
                                         np.asarray([d[2] for d in decided], dtype=np.float64)))


def csv_writer(con: object, sql: str, *, safe: bool = True,
               safe_columns: Collection[int] = ()) -> Callable[[Path], None]:
    """Return a stream writer for :class:`OutputSet` putting the rows of ``sql`` into its temp file.

    ``safe_columns``: positions of columns ``sql`` already made safe cells (see
    ``export_query_csv``). A DuckDB I/O failure (a full disk) becomes an ``OSError``,
    so the set reports exit 4.
    """
    from crm_readiness.io.data_sources import export_query_csv

    def write(tmp: Path) -> None:
        import duckdb

        try:
            export_query_csv(con, sql, tmp, force=True, safe=safe,
                             safe_columns=safe_columns)
        except duckdb.IOException as exc:
            raise OSError(str(exc)) from None

    return write


def draft_rules_file(path: Path, out: Path, *, source: SourceOptions = SourceOptions(),
                     force: bool = False, labels: Path | None = None) -> Path:
    """Draft a rules file from ``path`` and write it to ``out`` (refuses to replace it).

    ``labels`` (an issues workbook with clerical-review decisions) refines the
    estimated match model: EM keeps the labelled pairs at their decision.
    """
    from crm_readiness.engine.data.infer import draft_rules, renamed_headers
    from crm_readiness.io.output import OutputSet
    from crm_readiness.io.yaml_files import dump_yaml

    labelled = _read_labels(labels)
    outputs = OutputSet(force=force)  # a rules file is edited by the user: editable
    outputs.add(out, lambda: (header + body).encode("utf-8"), editable=True)
    outputs.preflight()
    with _open([path], source) as table:
        rules = draft_rules(table, estimate=labels is None)
        if labels is not None and labelled is not None:
            rules = _refined(table, rules, labels, labelled)
        renamed = renamed_headers(table.columns)
    body = dump_yaml(rules.model_dump(mode="json", exclude_defaults=True))
    header = ""
    if renamed:  # said first, in both languages: these names are not the user's
        header = "".join(f"# {line}\n" for lang in ("en", "zh") for line in t(
            "data.rules_init.renamed", lang, columns=", ".join(renamed)).splitlines())
    header += "".join(f"# {line}\n" for line in t("data.rules_init.header", "en",
                                                  path=path.name).splitlines())
    header += "".join(f"# {line}\n" for line in t("data.rules_init.header", "zh",
                                                   path=path.name).splitlines())
    return outputs.commit()[0]


def clean_files(paths: Sequence[Path], rules_path: Path | None, out: Path, *,
                source: SourceOptions = SourceOptions(), fuzzy: bool = True,
                force: bool = False, progress: Progress = no_progress,
                csv_safe: bool = True, labels: Path | None = None) -> DataProfileResult:
    """Write the cleansed copy of the files to ``out``; the sources are never modified.

    ``csv_safe`` (the default) applies the safe-cell rule to every field; ``False``
    writes the values verbatim (``data clean --raw``). ``labels`` (an issues workbook
    with clerical-review decisions) makes the cluster ids follow the steward's decisions.
    """
    from crm_readiness.engine.data import ProfileOptions, profile
    from crm_readiness.engine.data.issues import cleansed_query
    from crm_readiness.engine.data.plan import column_plans
    from crm_readiness.io.output import OutputSet

    target = out.resolve()
    for p in paths:
        if p.exists() and p.resolve() == target:
            raise UsageError(f"{out}: {t('data.err.same_as_source', 'en')}",
                             f"{out}：{t('data.err.same_as_source', 'zh')}")
    outputs = OutputSet(force=force)  # the cleansed copy is named by the user: editable
    outputs.add_stream(out, lambda tmp: csv_writer(
        table.conn, cleansed_query(table, column_plans(table, rules)), safe=csv_safe)(tmp),
        editable=True)
    outputs.preflight()  # a read-only folder or an existing file: exit 4 before any reading
    if rules_path is not None:
        from crm_readiness.io.data_sources import load_rules

        load_rules(rules_path)
    labelled = _read_labels(labels)
    with _open(paths, source, _scaled(progress)) as table:
        rules = _rules_for(table, rules_path)
        links = None if labels is None or labelled is None else _label_links(
            table, rules, labels, labelled, fuzzy)
        result = profile(table, rules, ProfileOptions(
            fuzzy=fuzzy, max_listed_clusters=0, links=links,
            rules_source=None if rules_path is None else str(rules_path)), _scaled(progress))
        outputs.commit(_writing(progress))
        progress("done", 1.0)
    return result


def _measure_name(measure: str) -> Text | str:
    """Return a measure's name in both languages (a dimension's; the overall score's)."""
    from crm_readiness.i18n import catalogue

    key = "data.report.score" if measure == "readiness" else f"data.dim.{measure}"
    return tr(key) if key in catalogue() else measure


def measured_answers(result: DataProfileResult,
                     checklists: ChecklistSet) -> dict[str, Answer]:
    """Return the answers a profile gives: for every question with a ``measure``, the percent.

    Questions whose measure was not assessed (e.g. no date column for
    timeliness) get no answer, so a claimed answer is left as it is.
    """
    from crm_readiness.engine.data.score import measure_value
    from crm_readiness.models.answers import Answer

    files = ", ".join(Path(f.path).name for f in result.files)
    out: dict[str, Answer] = {}
    for checklist in checklists.checklists:
        for q in checklist.questions:
            if q.measure is None:
                continue
            value = measure_value(result.dimensions, result.readiness, q.measure)
            if value is None:
                continue
            out[q.id] = Answer(value=value, source=f"data profile {files}",
                               note=tr("data.answer_note", measure=_measure_name(q.measure),
                                       rows=result.rows, as_of=result.as_of.isoformat()))
    return out


def write_synthetic_csv(path: Path, rows: int, seed: int = 20240501, *,
                        encoding: str = "utf-8-sig") -> Truth:
    """Write a generated messy export to ``path`` (demo, tests, benchmarks); return its truth."""
    from crm_readiness.engine.data.synthetic import csv_bytes
    from crm_readiness.io.atomic import write_bytes

    data, truth = csv_bytes(rows, seed, encoding=encoding)
    write_bytes(Path(path), data, force=True)
    return truth


def demo_inputs(out_dir: Path) -> tuple[Path, Path]:
    """Return the demo's messy customer export and its rules file in ``inputs/``, written if absent.

    The demo writes them in a part of their own (:func:`demo_inputs_part`) that
    the profile and the migration rehearsal both wait for, so those two run
    side by side and neither rewrites a file the other is reading.
    """
    import shutil

    from crm_readiness._resources import examples_dir

    inputs = out_dir / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    rules = inputs / "customers-rules.yaml"
    export = inputs / "customers.csv"
    if not rules.exists():
        shutil.copyfile(examples_dir() / "demo" / "customers-rules.yaml", rules)
    if not export.exists():
        write_synthetic_csv(export, DEMO_ROWS, DEMO_SEED)
    return export, rules


def demo_inputs_part(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    """The demo part writing the data parts' input (listed by the profile's part)."""
    demo_inputs(out_dir)
    return []


def demo_part(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    """Profile the demo company's messy export (generated deterministically) into ``data/``."""
    from crm_readiness.demo.entry import DemoEntry
    from crm_readiness.models._base import Text, tr

    export, rules = demo_inputs(out_dir)
    run = profile_files([export], rules, out_dir / "data", ("md", "html", "json", "xlsx"), lang,
                        sample=100, force=True)
    r = run.result
    score = "–" if r.readiness.value is None else f"{r.readiness.value * 100:.1f}%"
    section = Text(en="Data readiness", zh="数据就绪度")
    summary = tr("data.demo.summary", rows=r.rows, score=score, clusters=r.duplicates.clusters)
    entries: list[DemoEntry] = []
    titles = {".html": ("Data profile report", "数据画像报告"),
              ".md": ("Data profile (Markdown)", "数据画像（Markdown）"),
              ".json": ("Data profile (JSON)", "数据画像（JSON）"),
              ".xlsx": ("Issues workbook for the data steward", "数据专员问题工作簿"),
              ".csv": ("Migration-test sample", "迁移测试样本")}
    for p in run.written:
        en, zh = titles[p.suffix]
        entries.append(DemoEntry(section=section, title=Text(en=en, zh=zh),
                                 path=str(p.relative_to(out_dir)),
                                 summary=summary if p.suffix == ".html" else None))
    entries.append(DemoEntry(section=section, title=Text(en="Messy customer export (input)",
                                                         zh="待清洗的客户导出数据（输入）"),
                             path=str(export.relative_to(out_dir))))
    return entries


DEMO_ROWS = 3000
DEMO_SEED = 20240501
