"""``crm-readiness vendors panel export | import`` and ``vendors demo script | import``."""

from __future__ import annotations

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
    from crm_readiness.workflows.vendor_panel import ImportResult

panel_app = typer.Typer(help=h("vendors.cli.panel_help"), no_args_is_help=True, cls=HelpGroup,
                        epilog=h("ex.vendors.panel"))
demo_app = typer.Typer(help=h("vendors.cli.demo_help"), no_args_is_help=True, cls=HelpGroup,
                       epilog=h("ex.vendors.demo"))

VendorsArg = Annotated[Path, typer.Argument(help=h("vendors.cli.arg_vendors"))]
PartialOpt = Annotated[bool, typer.Option("--partial", help=h("vendors.cli.opt_partial"))]
FilesArg = Annotated[list[Path], typer.Argument(help=h("vendors.cli.arg_filled"))]


def _report(res: ImportResult, lang: Lang) -> None:
    """Print the problems of skipped files (with --partial), what each file gave, the file."""
    warn = err_console()
    for path, problems in res.problems.items():
        for p in problems:
            warn.print(f"[yellow]![/] {plain(path)}: {plain(p.where())}: {plain(p.text(lang))}")
    out = console()
    for path, n in res.applied.items():
        out.print(t("vendors.cli.applied", lang, file=plain(path), n=n))
    if res.written:
        print_written([res.target], lang)


@panel_app.command("export", help=h("vendors.cli.panel_export_help"), cls=HelpCommand,
                   epilog=h("ex.vendors.panel.export"))
@handle_errors
def panel_export(
    vendors: VendorsArg,
    out: Annotated[Path, typer.Option("--out", help=h("opt.out"))] = Path("panel"),
    force: ForceOpt = False,
    lang: LangOpt = None,
) -> None:
    """Write one scoring workbook per panelist."""
    from crm_readiness.workflows.vendor_panel import export_panel

    language = resolve_lang(lang)
    print_written(export_panel(vendors, out, language, force=force), language)


@panel_app.command("import", help=h("vendors.cli.panel_import_help"), cls=HelpCommand,
                   epilog=h("ex.vendors.panel.import"))
@handle_errors
def panel_import(
    files: FilesArg,
    vendors: Annotated[Path, typer.Option("--vendors", help=h("vendors.cli.arg_vendors"))] =
        Path("vendors.yaml"),
    partial: PartialOpt = False,
    force: ForceOpt = False,
    lang: LangOpt = None,
) -> None:
    """Read filled panel workbooks into the panel scores file."""
    from crm_readiness.workflows.vendor_panel import import_panel

    language = resolve_lang(lang)
    res = import_panel(files, vendors, force=force, partial=partial)
    _report(res, language)


@demo_app.command("script", help=h("vendors.cli.demo_script_help"), cls=HelpCommand,
                   epilog=h("ex.vendors.demo.script"))
@handle_errors
def demo_script(
    vendors: VendorsArg,
    out: Annotated[Path, typer.Option("--out", help=h("opt.out"))] = Path("demonstrations"),
    formats: Annotated[str, typer.Option("--format", help=h(
        "opt.format", choices="md, html, docx, xlsx, pdf"))] = "md,html,docx,xlsx",
    force: ForceOpt = False,
    paper: PaperOpt = "a4",
    lang: LangOpt = None,
) -> None:
    """Write each vendor's demonstration script and outcome workbook."""
    from crm_readiness.workflows.vendor_panel import DEMO_FORMATS, write_demo_kits

    language = resolve_lang(lang)
    chosen = parse_formats(formats, DEMO_FORMATS)
    print_written(write_demo_kits(vendors, out, chosen, language, force=force, paper=parse_paper(paper)),
                  language)


@demo_app.command("import", help=h("vendors.cli.demo_import_help"), cls=HelpCommand,
                   epilog=h("ex.vendors.demo.import"))
@handle_errors
def demo_import(
    files: FilesArg,
    vendors: Annotated[Path, typer.Option("--vendors", help=h("vendors.cli.arg_vendors"))] =
        Path("vendors.yaml"),
    partial: PartialOpt = False,
    force: ForceOpt = False,
    lang: LangOpt = None,
) -> None:
    """Read filled outcome workbooks into the demonstration outcomes file."""
    from crm_readiness.workflows.vendor_panel import import_demos

    language = resolve_lang(lang)
    res = import_demos(files, vendors, force=force, partial=partial)
    _report(res, language)
