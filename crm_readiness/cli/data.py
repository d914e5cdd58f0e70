"""``crm-readiness data profile | rules init | clean | map | rehearse``: data readiness of the export to migrate.

Only typer and the standard library at import time; DuckDB,
models and renderers are imported inside the commands (start-up speed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from crm_readiness.cli._common import (
    ForceOpt,
    LangOpt,
    PaperOpt,
    console,
    err_console,
    h,
    handle_errors,
    parse_formats,
    parse_paper,
    plain,
    print_written,
    resolve_lang,
)
from crm_readiness.cli._help import HelpCommand, HelpGroup
from crm_readiness.i18n import Lang, t

if TYPE_CHECKING:
    from rich.console import Console

    from crm_readiness.models.data.result import DataProfileResult

FORMATS = ("md", "html", "json", "xlsx", "pdf")
DEFAULT_FORMATS = "md,html,json,xlsx"

FilesArg = Annotated[list[Path], typer.Argument(help=h("data.arg.files"), show_default=False)]
RulesOpt = Annotated[Path | None, typer.Option("--rules", "-r", help=h("data.opt.rules"),
                                               show_default=False)]
EncodingOpt = Annotated[str | None, typer.Option("--encoding", help=h("data.opt.encoding"),
                                                 show_default=False)]
SheetOpt = Annotated[str | None, typer.Option("--sheet", help=h("data.opt.sheet"),
                                              show_default=False)]
DelimiterOpt = Annotated[str | None, typer.Option("--delimiter", help=h("data.opt.delimiter"),
                                                  show_default=False)]
FuzzyOpt = Annotated[bool, typer.Option("--fuzzy/--no-fuzzy", help=h("data.opt.fuzzy"))]
MemoryOpt = Annotated[str | None, typer.Option("--memory-limit", help=h("data.opt.memory"),
                                               show_default=False)]
TempDirOpt = Annotated[Path | None, typer.Option("--temp-dir", help=h("data.opt.temp_dir"),
                                                 show_default=False)]


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{seconds:.1f} s" if seconds < 60 else f"{whole // 60}:{whole % 60:02d} min"


def _label(stage: str, lang: Lang) -> str:
    head, _, tail = stage.partition(":")
    label = t(f"data.progress.{head.strip()}", lang)
    return f"{label}: {tail.strip()}" if head.strip() == "write" and tail.strip() else label


@contextmanager
def _progress(lang: Lang) -> Iterator[Callable[[str, float], None]]:
    """Report the stages: a live bar on a terminal, else one line per stage on stderr.

    Each line has the elapsed time and, once a stage has moved the job on, an
    estimate of the time left (elapsed / done × the rest).
    """
    import time

    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    err = err_console()
    start = time.monotonic()
    if not err.is_terminal:
        last: list[str] = []

        def line(stage: str, done: float) -> None:
            if done >= 1 or (last and last[-1] == stage):
                return  # the closing line follows
            last.append(stage)
            elapsed = time.monotonic() - start
            eta = (t("data.progress.eta", lang, left=_clock(elapsed / done * (1 - done)))
                   if 0.02 <= done < 1 and elapsed >= 1 else "")
            err.print(t("data.progress.line", lang, elapsed=_clock(elapsed),
                        stage=_label(stage, lang), pct=int(done * 100), eta=eta),
                      markup=False, highlight=False)

        yield line
        err.print(t("data.progress.finished", lang, elapsed=_clock(time.monotonic() - start)),
                  markup=False, highlight=False)
        return
    bar = Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                   TimeRemainingColumn(), console=err, transient=True)
    task = bar.add_task(t("data.progress.load", lang), total=1.0)

    def report(stage: str, done: float) -> None:
        bar.update(task, completed=done, description=_label(stage, lang))

    with bar:
        yield report


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v * 100:.1f}%"


def _summary(result: DataProfileResult, lang: Lang, out: Console) -> None:
    from rich.table import Table


    table = Table(title=t("data.report.dimensions", lang), title_justify="left")
    for key, justify in (("data.report.dimension", "left"), ("data.report.value", "right"),
                         ("data.report.target_col", "right"), ("data.report.checked", "right")):
        table.add_column(t(key, lang), justify=justify)  # type: ignore[arg-type]
    for d in result.dimensions:
        mark = "" if d.passed is None else (" [green]✓[/]" if d.passed else " [red]✗[/]")
        value = t("data.report.not_assessed", lang) if d.value is None else _pct(d.value)
        table.add_row(t(f"data.dim.{d.dimension}", lang), value + mark, _pct(d.target),
                      f"{d.checked:,}")
    out.print(table)
    cols = Table(title=t("data.report.columns", lang), title_justify="left")
    for key in ("data.report.column", "data.report.format", "data.dim.completeness",
                "data.dim.validity", "data.report.invalid", "data.report.changed"):
        cols.add_column(t(key, lang), justify="left" if key.endswith(("column", "format"))
                        else "right")
    for c in result.columns:
        name = plain(c.name) + (" *" if c.required else "")
        style = "red" if c.below_threshold else None
        cols.add_row(name, c.format, _pct(c.completeness), _pct(c.validity), f"{c.invalid:,}",
                     f"{c.changed:,}", style=style)
    out.print(cols)
    dup = result.duplicates
    out.print(t("data.report.dup_summary", lang, clusters=f"{dup.clusters:,}",
                records=f"{dup.records_in_clusters:,}", redundant=f"{dup.redundant_records:,}"))
    if result.clerical is not None:
        review = result.clerical
        out.print(t("data.report.clerical_sample", lang, n=len(review.pairs),
                    in_band=f"{review.in_band:,}", lo=f"{review.band[0]:.3g}",
                    hi=f"{review.band[1]:.3g}"))
    if result.labels is not None:
        lab = result.labels
        out.print(plain(t(
            "data.report.labels", lang, source=lab.source, labelled=lab.labelled, same=lab.same,
            different=lab.different, unsure=lab.unsure, moved=lab.moved,
            confirmed=lab.confirmed, rejected=lab.rejected, measured=_pct(lab.measured_precision),
            expected=_pct(lab.expected_precision), missed=lab.missed, forced=lab.forced_links,
            apart=lab.kept_apart)))
        if lab.conflicts:
            out.print(t("data.report.labels_conflicts", lang, n=lab.conflicts))
    out.print(t("data.cli.score", lang, score=_pct(result.readiness.value),
                pass_rate=_pct(result.record_pass_rate), target=_pct(result.readiness.target)))
    for note in result.notes:
        out.print(f"[yellow]![/] {plain(t('data.note.' + note, lang))}")


def profile(
    files: FilesArg,
    rules: RulesOpt = None,
    out: Annotated[Path, typer.Option("--out", "-o", help=h("opt.out"))] = Path("data-profile"),
    fmt: Annotated[str, typer.Option("--format", "-f", help=h("opt.format",
                                                               choices=", ".join(FORMATS)))
                   ] = DEFAULT_FORMATS,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    delimiter: DelimiterOpt = None,
    sample: Annotated[int, typer.Option("--sample", min=0, help=h("data.opt.sample"))] = 100,
    fuzzy: FuzzyOpt = True,
    max_issues: Annotated[int, typer.Option("--max-issue-rows", min=1,
                                            help=h("data.opt.max_issues"))] = 1_000,
    memory: MemoryOpt = None,
    temp_dir: TempDirOpt = None,
    fail_under: Annotated[float | None, typer.Option("--fail-under", min=0, max=100,
                                                     help=h("data.opt.fail_under"),
                                                     show_default=False)] = None,
    lang: LangOpt = None,
    force: ForceOpt = False,
    paper: PaperOpt = "a4",
    review: Annotated[int, typer.Option("--review", min=0, help=h("data.opt.review"))] = 100,
    labels: Annotated[Path | None, typer.Option("--labels", help=h("data.opt.labels"),
                                                show_default=False)] = None,
) -> None:
    """Profile a customer export."""
    from crm_readiness.workflows.data import SourceOptions, profile_files

    language = resolve_lang(lang)
    formats = parse_formats(fmt, FORMATS)
    sheet_paper = parse_paper(paper)
    with _progress(language) as report:
        run = profile_files(files, rules, out, formats, language,
                            source=SourceOptions(encoding, sheet, delimiter, memory, temp_dir),
                            fuzzy=fuzzy, sample=sample, max_issue_rows=max_issues, force=force,
                            progress=report, paper=sheet_paper, review=review,
                            labels=labels)
    screen = console()
    _summary(run.result, language, screen)
    print_written(run.written, language)
    score = run.result.readiness.value
    if fail_under is not None and (score is None or score * 100 < fail_under):
        err_console().print(t("data.err.fail_under", language, score=_pct(score),
                              limit=f"{fail_under:g}%"))
        raise typer.Exit(1)


def rules_init(
    file: Annotated[Path, typer.Argument(help=h("data.arg.files"), show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help=h("data.opt.rules_out"))
                   ] = Path("rules.yaml"),
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    delimiter: DelimiterOpt = None,
    lang: LangOpt = None,
    force: ForceOpt = False,
    labels: Annotated[Path | None, typer.Option("--labels", help=h("data.opt.rules_labels"),
                                                show_default=False)] = None,
) -> None:
    """Draft a rules file from the data."""
    from crm_readiness.workflows.data import SourceOptions, draft_rules_file

    language = resolve_lang(lang)
    path = draft_rules_file(file, out, source=SourceOptions(encoding, sheet, delimiter),
                            force=force, labels=labels)
    print_written([path], language)
    console().print(t("data.cli.rules_next", language, path=plain(path)))


def clean(
    files: FilesArg,
    out: Annotated[Path, typer.Option("--out", "-o", help=h("data.opt.clean_out"))],
    rules: RulesOpt = None,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    delimiter: DelimiterOpt = None,
    fuzzy: FuzzyOpt = True,
    csv_safe: Annotated[bool, typer.Option("--csv-safe/--raw", help=h("data.opt.csv_safe"))] = True,
    memory: MemoryOpt = None,
    temp_dir: TempDirOpt = None,
    lang: LangOpt = None,
    force: ForceOpt = False,
    labels: Annotated[Path | None, typer.Option("--labels", help=h("data.opt.labels"),
                                                show_default=False)] = None,
) -> None:
    """Write a cleansed copy of the export."""
    from crm_readiness.workflows.data import SourceOptions, clean_files

    language = resolve_lang(lang)
    with _progress(language) as report:
        result = clean_files(files, rules, out,
                             source=SourceOptions(encoding, sheet, delimiter, memory, temp_dir),
                             fuzzy=fuzzy, force=force, progress=report, csv_safe=csv_safe,
                             labels=labels)
    print_written([out], language)
    if not csv_safe:
        err_console().print(t("data.cli.raw_warning", language))
    d = result.duplicates
    console().print(t("data.cli.cleaned", language, rows=f"{result.rows:,}",
                      changed=f"{result.normalisation_changes:,}", clusters=f"{d.clusters:,}"))


def map_command(
    files: FilesArg,
    target: Annotated[Path, typer.Option("--target", "-t", help=h("data.opt.target"),
                                         show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help=h("data.opt.map_out"))
                   ] = Path("mapping.xlsx"),
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    delimiter: DelimiterOpt = None,
    lang: LangOpt = None,
    force: ForceOpt = False,
) -> None:
    """Draft a source-to-target mapping workbook."""
    from crm_readiness.workflows.data import SourceOptions
    from crm_readiness.workflows.data_migration import draft_mapping_file

    language = resolve_lang(lang)
    path, draft = draft_mapping_file(files, target, out, language,
                                     source=SourceOptions(encoding, sheet, delimiter),
                                     force=force)
    print_written([path], language)
    mapped = len({m.source for m in draft.mapping.fields})
    unmatched = sum(1 for v in draft.mapping.values if v.target_value is None)
    console().print(t("data.cli.mapped", language, mapped=mapped, columns=len(draft.shapes),
                      values=unmatched, path=plain(path)))


def rehearse_command(
    files: FilesArg,
    target: Annotated[list[Path], typer.Option("--target", "-t", help=h("data.opt.targets"),
                                               show_default=False)],
    mapping: Annotated[list[Path] | None, typer.Option("--mapping", "-m",
                                                       help=h("data.opt.mapping"),
                                                       show_default=False)] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help=h("opt.out"))] = Path("data-rehearsal"),
    fmt: Annotated[str, typer.Option("--format", "-f", help=h("opt.format",
                                                               choices="md, html, json, pdf"))
                   ] = "md,html,json",
    paper: PaperOpt = "a4",
    minutes: Annotated[float | None, typer.Option("--minutes-per-issue", min=0.1, max=600,
                                                  help=h("data.opt.minutes_per_issue"),
                                                  show_default=False)] = None,
    encoding: EncodingOpt = None,
    sheet: SheetOpt = None,
    delimiter: DelimiterOpt = None,
    lang: LangOpt = None,
    force: ForceOpt = False,
) -> None:
    """Rehearse the migration against one or more target schemas."""
    from decimal import Decimal

    from crm_readiness.workflows.data import SourceOptions
    from crm_readiness.workflows.data_migration import FORMATS as REHEARSAL_FORMATS
    from crm_readiness.workflows.data_migration import rehearse_files

    language = resolve_lang(lang)
    formats = parse_formats(fmt, REHEARSAL_FORMATS)
    with _progress(language) as report:
        done = rehearse_files(files, target, mapping or [], out, formats, language,
                              source=SourceOptions(encoding, sheet, delimiter), force=force,
                              minutes_per_issue=None if minutes is None
                              else Decimal(str(minutes)), progress=report,
                              paper=parse_paper(paper))
    print_written(done.written, language)
    for row in done.run.comparison:
        rate = _pct(row.load_rate)
        console().print(t("data.cli.rehearsed", language, target=plain(row.target),
                          loaded=f"{row.expected_loaded:,}", rejected=f"{row.expected_rejected:,}",
                          rate=rate, hours=row.steward_hours))


def register(app: typer.Typer) -> None:
    """Add the ``data`` command family to the app."""
    data_app = typer.Typer(help=h("data.help"), no_args_is_help=True, cls=HelpGroup,
                           epilog=h("ex.data"))
    rules_app = typer.Typer(help=h("data.rules.help"), no_args_is_help=True, cls=HelpGroup,
                            epilog=h("ex.data.rules"))
    data_app.command("profile", help=h("data.profile.help"), cls=HelpCommand,
                     epilog=h("ex.data.profile"))(handle_errors(profile))
    data_app.command("clean", help=h("data.clean.help"), cls=HelpCommand,
                     epilog=h("ex.data.clean"))(handle_errors(clean))
    rules_app.command("init", help=h("data.rules_init.help"), cls=HelpCommand,
                      epilog=h("ex.data.rules.init"))(handle_errors(rules_init))
    data_app.command("map", help=h("data.map.help"), cls=HelpCommand,
                     epilog=h("ex.data.map"))(handle_errors(map_command))
    data_app.command("rehearse", help=h("data.rehearse.help"), cls=HelpCommand,
                     epilog=h("ex.data.rehearse"))(handle_errors(rehearse_command))
    data_app.add_typer(rules_app, name="rules")
    app.add_typer(data_app, name="data")
