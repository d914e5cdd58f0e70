"""``crm-readiness vendors rfp | import | compare``, ``requirements init`` and ``spec``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

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
from crm_readiness.errors import InputFileError
from crm_readiness.i18n import t

vendors_app = typer.Typer(help=h("vendors.cli.help"), no_args_is_help=True, cls=HelpGroup,
                          epilog=h("ex.vendors"))
requirements_app = typer.Typer(help=h("vendors.cli.requirements_help"), no_args_is_help=True,
                               cls=HelpGroup, epilog=h("ex.requirements"))

RequirementsOpt = Annotated[Path | None, typer.Option(
    "--requirements", help=h("vendors.cli.opt_requirements"), show_default=False)]


@vendors_app.command("compare", help=h("vendors.cli.compare_help"), cls=HelpCommand,
                     epilog=h("ex.vendors.compare"))
@handle_errors
def compare(
    vendors: Annotated[Path, typer.Argument(help=h("vendors.cli.arg_vendors"))],
    out: Annotated[Path, typer.Option("--out", help=h("vendors.cli.opt_out_compare"))] =
        Path("vendor-comparison"),
    formats: Annotated[str, typer.Option("--format", help=h(
        "opt.format", choices="xlsx, md, html, json, pdf"))] = "xlsx,md,html,json",
    requirements: RequirementsOpt = None,
    accept_inconsistent: Annotated[bool, typer.Option(
        "--accept-inconsistent", help=h("vendors.cli.opt_accept"))] = False,
    force: ForceOpt = False,
    paper: PaperOpt = "a4",
    lang: LangOpt = None,
) -> None:
    """Compare vendors: live workbook, scorecards, summary and JSON."""
    from rich.table import Table

    from crm_readiness.workflows.vendors import (
        COMPARE_FORMATS,
        comparison_notes,
        run_compare,
        write_comparison,
    )

    language = resolve_lang(lang)
    chosen = parse_formats(formats, COMPARE_FORMATS)
    run = run_compare(vendors, requirements=requirements, accept_inconsistent=accept_inconsistent)
    res = run.comparison
    table = Table(title=plain(res.title or t("vendors.rep.title", language)))
    for key in ("rank", "vendor", "total", "functional_fit", "must_gaps", "unanswered", "status"):
        table.add_column(t(f"vendors.wb.{key}", language))
    for v in sorted(res.vendors, key=lambda v: -v.total):
        status = t(f"vendors.status.{v.status}", language)
        table.add_row(str(v.rank or "–"), plain(v.name.get(language)), f"{v.total:.1f}",
                      f"{v.functional_fit * 100:.1f}%", str(len(v.must_gaps)),
                      str(len(v.unanswered)),
                      status if v.status == "eligible" else f"[red]{status}[/]")
    out_console = console()
    out_console.print(table)
    if res.ahp is not None:
        out_console.print(t("vendors.cli.ahp_line", language, cr=f"{res.ahp.cr:.3f}",
                            table=res.ahp.ri_table))
    names = {v.id: v.name.get(language) for v in res.vendors}
    rob = res.robustness
    share = rob.shares[0].first_share if rob.shares else 0.0
    out_console.print(plain(t(f"vendors.verdict.{rob.verdict}", language,
                               leader=names.get(rob.leader or "", "–"),
                               share=f"{share * 100:.0f}%")))
    for note in comparison_notes(res, language):
        out_console.print(plain(note))
    print_written(write_comparison(run, out, chosen, language, force=force, paper=parse_paper(paper)),
                  language)


@vendors_app.command("rfp", help=h("vendors.cli.rfp_help"), cls=HelpCommand,
                     epilog=h("ex.vendors.rfp"))
@handle_errors
def rfp(
    out: Annotated[Path, typer.Option("--out", help=h("vendors.cli.opt_out_rfp"))] =
        Path("rfp-response.xlsx"),
    requirements: RequirementsOpt = None,
    vendor: Annotated[str | None, typer.Option("--vendor", help=h("vendors.cli.opt_vendor"),
                                               show_default=False)] = None,
    vendor_id: Annotated[str | None, typer.Option(
        "--vendor-id", help=h("vendors.cli.opt_vendor_id"), show_default=False)] = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
) -> None:
    """Write the RFP response workbook a vendor fills in."""
    from crm_readiness.workflows.inputs import load_catalogue
    from crm_readiness.workflows.vendors import write_rfp

    language = resolve_lang(lang)
    catalogue = load_catalogue(requirements)
    print_written([write_rfp(catalogue, out, language, vendor_name=vendor, vendor_id=vendor_id,
                             force=force)], language)


@vendors_app.command("import", help=h("vendors.cli.import_help"), cls=HelpCommand,
                     epilog=h("ex.vendors.import"))
@handle_errors
def import_(
    files: Annotated[list[Path], typer.Argument(help=h("vendors.cli.arg_rfp_files"))],
    vendors: Annotated[Path, typer.Option("--vendors", help=h("vendors.cli.opt_vendors"))] =
        Path("vendors.yaml"),
    requirements: RequirementsOpt = None,
    strict: Annotated[bool, typer.Option("--strict", help=h("vendors.cli.opt_strict"))] = False,
    force: ForceOpt = False,
    lang: LangOpt = None,
) -> None:
    """Read filled RFP workbooks into the vendors file, reporting every invalid cell."""
    from crm_readiness.workflows.vendors import import_rfps

    language = resolve_lang(lang)
    report = import_rfps(files, vendors, requirements=requirements, force=force, strict=strict)
    warn = err_console()
    for path, problems in report.problems.items():
        for p in problems:
            warn.print(f"[yellow]![/] {plain(str(path))}: {plain(p.location)}: "
                       f"{plain(p.text(language))}")
    total = sum(len(p) for p in report.problems.values())
    if strict and total:
        raise InputFileError(next(p for p, probs in report.problems.items() if probs), [
            pr for probs in report.problems.values() for pr in probs])
    for vid, n in report.imported.items():
        console().print(t("vendors.cli.imported", language, vendor=plain(vid), n=n))
    if total:
        warn.print(t("vendors.cli.import_problems", language, n=total))
    print_written([report.vendors_path], language)


@requirements_app.command("init", help=h("vendors.cli.init_help"), cls=HelpCommand,
                          epilog=h("ex.requirements.init"))
@handle_errors
def init(
    path: Annotated[Path, typer.Argument(help=h("vendors.cli.arg_init"))] =
        Path("requirements.yaml"),
    force: ForceOpt = False,
    lang: LangOpt = None,
) -> None:
    """Copy the packaged standard CRM requirements catalogue for tailoring."""
    from crm_readiness.workflows.vendors import init_requirements

    language = resolve_lang(lang)
    print_written([init_requirements(path, force=force)], language)


@handle_errors
def spec(
    answers: Annotated[Path, typer.Option("--answers", help=h("vendors.cli.opt_answers"))],
    out: Annotated[Path, typer.Option("--out", help=h("opt.out"))] = Path("."),
    formats: Annotated[str, typer.Option("--format", help=h(
        "opt.format", choices="md, html, docx, pdf"))] = "md,html,docx",
    requirements: RequirementsOpt = None,
    checklists: Annotated[Path | None, typer.Option(
        "--checklists", help=h("opt.checklists"), show_default=False)] = None,
    paper: PaperOpt = "a4",
    lang: LangOpt = None,
) -> None:
    """Write the requirements specification (需求说明书)."""
    from crm_readiness.workflows.vendors import SPEC_FORMATS, write_spec

    language = resolve_lang(lang)
    chosen = parse_formats(formats, SPEC_FORMATS)
    print_written(write_spec(answers, out, chosen, language, requirements=requirements,
                             checklists=checklists, paper=parse_paper(paper)), language)


def register(app: typer.Typer) -> None:
    """Add ``vendors``, ``requirements`` and ``spec`` to the main app."""
    from crm_readiness.cli.vendors_panel import demo_app, panel_app

    if not vendors_app.registered_groups:  # once, though main() and the full app both register
        vendors_app.add_typer(panel_app, name="panel")
        vendors_app.add_typer(demo_app, name="demo")
    app.add_typer(vendors_app, name="vendors")
    app.add_typer(requirements_app, name="requirements")
    app.command("spec", help=h("vendors.cli.spec_help"), cls=HelpCommand,
                epilog=h("ex.spec"))(spec)
