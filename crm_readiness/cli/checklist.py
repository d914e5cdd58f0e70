"""``crm-readiness checklist list | show PHASE | validate PATH…``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from crm_readiness.cli._common import LangOpt, console, h, handle_errors, plain, resolve_lang
from crm_readiness.cli._help import HelpCommand, HelpGroup
from crm_readiness.errors import UsageError
from crm_readiness.i18n import t

checklist_app = typer.Typer(help=h("checklist.help"), no_args_is_help=True, cls=HelpGroup,
                            epilog=h("ex.checklist"))

ChecklistsOpt = Annotated[Path | None, typer.Option("--checklists", help=h("opt.checklists"),
                                                    show_default=False)]


@checklist_app.command("list", help=h("checklist.list.help"), cls=HelpCommand,
                       epilog=h("ex.checklist.list"))
@handle_errors
def list_(checklists: ChecklistsOpt = None, lang: LangOpt = None) -> None:
    """List the phase checklists in use."""
    from rich.table import Table

    from crm_readiness.workflows.inputs import load_checklist_set

    language = resolve_lang(lang)
    sets = load_checklist_set(checklists)
    table = Table()
    for col in ("id", t("report.phase", language), "v", t("report.weight", language),
                t("report.question", language), t("report.gate", language), "file"):
        table.add_column(col)
    for c in sets.checklists:
        table.add_row(c.id, c.title.get(language), str(c.version), f"{c.weight:g}",
                      str(len(c.questions)), str(sum(q.gate for q in c.questions)),
                      sets.sources.get(c.id, ""))
    console().print(table)


@checklist_app.command("packs", help=h("checklist.packs.help"), cls=HelpCommand,
                       epilog=h("ex.checklist.packs"))
@handle_errors
def packs(industry: Annotated[str | None, typer.Option("--industry", show_default=False,
                                                       help=h("checklist.opt.industry"))] = None,
          checklists: ChecklistsOpt = None, lang: LangOpt = None) -> None:
    """List the industry packs: the industries that switch each on and the questions it adds."""
    from rich.table import Table

    from crm_readiness.workflows.inputs import load_checklist_set

    language = resolve_lang(lang)
    sets = load_checklist_set(checklists)
    table = Table(show_lines=True)
    for col in ("id", t("checklist.pack", language), t("checklist.industries", language),
                t("report.question", language), t("checklist.catalogue_module", language)):
        table.add_column(col)
    if industry is not None:
        table.add_column(industry)
    for p in sets.packs:
        row = [p.id, plain(p.title.get(language)), ", ".join(p.industries),
               "\n".join(p.questions), p.catalogue_module or "–"]
        if industry is not None:
            row.append(t("report.pack_on_short" if p.on_for(industry) else "report.pack_off",
                         language))
        table.add_row(*row)
    console().print(table)


@checklist_app.command("show", help=h("checklist.show.help"), cls=HelpCommand,
                       epilog=h("ex.checklist.show"))
@handle_errors
def show(phase: Annotated[str, typer.Argument(help=h("checklist.arg.phase"))],
         checklists: ChecklistsOpt = None, lang: LangOpt = None) -> None:
    """Show one phase's questions."""
    from rich.table import Table

    from crm_readiness.models.checklist import ChoiceScale
    from crm_readiness.workflows.inputs import load_checklist_set

    language = resolve_lang(lang)
    sets = load_checklist_set(checklists)
    c = sets.phase(phase)
    if c is None:
        known = ", ".join(x.id for x in sets.checklists)
        raise UsageError(t("checklist.unknown_phase", "en", phase=phase, known=known),
                         t("checklist.unknown_phase", "zh", phase=phase, known=known))
    table = Table(title=f"{plain(c.title.get(language))} (v{c.version}, "
                        f"{t('report.weight', language)} {c.weight:g})", show_lines=True)
    table.add_column("id")
    table.add_column(t("report.question", language))
    table.add_column("w", justify="right")
    table.add_column(t("report.answer", language))
    for q in c.questions:
        scale = sets.scale_of(q)
        answers = (" / ".join(ch.value for ch in scale.choices) if isinstance(scale, ChoiceScale)
                   else f"{scale.min:g}–{scale.max:g}")
        gate = f" [red]{t('report.gate', language)}[/]" if q.gate else ""
        pack = f" [cyan]({t('checklist.pack', language)}: {q.pack})[/]" if q.pack else ""
        table.add_row(q.id, plain(q.text.get(language)) + gate + pack, str(q.weight), answers)
    console().print(table)


@checklist_app.command("validate", help=h("checklist.validate.help"), cls=HelpCommand,
                       epilog=h("ex.checklist.validate"))
@handle_errors
def validate(paths: Annotated[list[Path], typer.Argument(help=h("checklist.arg.paths"))],
             lang: LangOpt = None) -> None:
    """Validate checklist files, reporting every problem; exit 3 if any is invalid."""
    from crm_readiness.cli._common import report_error
    from crm_readiness.models.checklist import Checklist
    from crm_readiness.workflows.inputs import pack_files, phase_files, validate_files

    language = resolve_lang(lang)
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(phase_files(p))
            files.extend(pack_files(p))
            files.extend(x for x in (p / "scoring.yaml",) if x.exists())
        else:
            files.append(p)
    good, errors = validate_files(files)
    for c in good:
        count = (len(c.questions) if isinstance(c, Checklist)
                 else sum(len(qs) for qs in c.questions.values()))
        line = (t("checklist.valid_one", language, path=c.id) if count == 1
                else t("checklist.valid", language, path=c.id, count=count))
        console().print(f"[green]✓[/] {plain(line)}")
    for err in errors:
        report_error(err)
    if errors:
        raise typer.Exit(3)


def register(app: typer.Typer) -> None:
    """Add the ``checklist`` group to the app."""
    app.add_typer(checklist_app, name="checklist")
