"""``crm-readiness assess``: interactive or from an answers file; summary and reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from crm_readiness.cli._common import (
    ForceOpt,
    LangOpt,
    PaperOpt,
    console,
    h,
    handle_errors,
    parse_formats,
    parse_paper,
    plain,
    print_written,
    resolve_lang,
    stdin_is_tty,
)
from crm_readiness.cli._help import HelpCommand
from crm_readiness.errors import UsageError
from crm_readiness.i18n import t

FORMATS = ("md", "html", "json", "xlsx", "pdf")


def assess(
    answers: Annotated[Path | None, typer.Option("--answers", "-a", help=h("assess.opt.answers"),
                                                 show_default=False)] = None,
    save: Annotated[Path, typer.Option("--save", help=h("assess.opt.save"))] = Path(
        "crm-answers.yaml"),
    phase: Annotated[list[str] | None, typer.Option("--phase", help=h("assess.opt.phase"),
                                                    show_default=False)] = None,
    fail_under: Annotated[float | None, typer.Option("--fail-under", min=0, max=100,
                                                     help=h("assess.opt.fail_under"),
                                                     show_default=False)] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help=h("assess.opt.out"),
                                             show_default=False)] = None,
    formats: Annotated[str, typer.Option("--format", "-f",
                                         help=h("opt.format", choices=", ".join(FORMATS)))] =
    "md,html,json",
    interactive: Annotated[bool, typer.Option("--interactive/--no-interactive",
                                              help=h("assess.opt.interactive"))] = False,
    respondent: Annotated[str | None, typer.Option("--respondent", show_default=False,
                                                   help=h("assess.opt.respondent"))] = None,
    checklists: Annotated[Path | None, typer.Option("--checklists", help=h("opt.checklists"),
                                                    show_default=False)] = None,
    data_profile: Annotated[Path | None, typer.Option("--data-profile", show_default=False,
                                                      help=h("assess.opt.data_profile"))] = None,
    data_rehearsal: Annotated[Path | None, typer.Option(
        "--data-rehearsal", show_default=False, help=h("assess.opt.data_rehearsal"))] = None,
    snapshot: Annotated[str | None, typer.Option("--snapshot", help=h("assess.opt.snapshot"),
                                                  show_default=False)] = None,
    quick: Annotated[bool, typer.Option("--quick", help=h("assess.opt.quick"))] = False,
    strict_gates: Annotated[bool, typer.Option("--strict-gates",
                                               help=h("assess.opt.strict_gates"))] = False,
    force: ForceOpt = False,
    paper: PaperOpt = "a4",
    lang: LangOpt = None,
) -> None:
    """Assess readiness and write the reports."""
    from crm_readiness.cli.placeholders import warn_placeholders
    from crm_readiness.cli.summary import print_summary
    from crm_readiness.models.answers import AnswersFile
    from crm_readiness.workflows.assessment import score, select_phases
    from crm_readiness.workflows.inputs import load_answers, load_checklist_set, save_answers
    from crm_readiness.workflows.workshop import write_assessment

    language = resolve_lang(lang)
    chosen = parse_formats(formats, FORMATS)
    sheet = parse_paper(paper)
    out_console = console()
    sets = load_checklist_set(checklists)
    phases = select_phases(sets, phase)
    path = answers if answers is not None else save
    ask = interactive or answers is None
    if ask and not stdin_is_tty() and answers is None and not interactive:
        raise UsageError(t("ask.no_tty", "en"), t("ask.no_tty", "zh"))
    if ask:
        from crm_readiness.cli import interactive as ui  # only a session needs the prompts

        if path.exists():
            data = load_answers(path, sets)
        else:
            profile = ui.ask_profile(out_console, ui.read_line, language)
            if profile is None:
                raise typer.Exit(0)
            data = AnswersFile(profile=profile)
            save_answers(path, data)
            out_console.print(t("ask.saved", language, path=plain(path)))
        if quick:
            from crm_readiness.workflows.assessment import quick_checklists

            sets = quick_checklists(sets)
        if phases is not None:
            sets = sets.model_copy(update={"checklists": tuple(
                c for c in sets.checklists if c.id in phases)})
        session = ui.Session(sets, data, path, language, out_console, ui.read_line, respondent)
        if not ui.run(session):
            raise typer.Exit(0)
        sets = load_checklist_set(checklists)
    data = load_answers(path, sets)
    result = score(sets, data, phases=phases, answers_file=str(path), data_profile=data_profile,
                   quick=quick, data_rehearsal=data_rehearsal)
    print_summary(result, language, out_console)
    warn_placeholders(out_console, language, [(path, data.profile.organization)])
    target = out if out is not None else path.parent / "crm-readiness-report"
    result, written = write_assessment(result, path, target, chosen, language, snapshot=snapshot,
                                       force=force, paper=sheet)
    out_console.print()
    print_written(written, language)
    if strict_gates and result.waivers:
        out_console.print(f"[red]{t('assess.strict_failed', language, count=len(result.waivers))}[/]")
        raise typer.Exit(1)
    if fail_under is not None and (result.blockers or (result.overall.score or 0.0) < fail_under):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``assess`` to the app."""
    app.command("assess", help=h("assess.help"), epilog=h("ex.assess"),
                cls=HelpCommand)(handle_errors(assess))
