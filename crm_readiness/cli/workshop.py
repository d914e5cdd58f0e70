"""``questionnaire export|import``, ``history``, ``compare A B`` and ``plan``."""

from __future__ import annotations

from datetime import date
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
)
from crm_readiness.cli._help import HelpCommand, HelpGroup
from crm_readiness.errors import UsageError
from crm_readiness.i18n import t

questionnaire_app = typer.Typer(help=h("questionnaire.help"), no_args_is_help=True,
                                cls=HelpGroup, epilog=h("ex.questionnaire"))

AnswersOpt = Annotated[Path, typer.Option("--answers", "-a", help=h("workshop.opt.answers"))]
ChecklistsOpt = Annotated[Path | None, typer.Option("--checklists", help=h("opt.checklists"),
                                                    show_default=False)]
PLAN_FORMATS = ("html", "md", "json", "xlsx", "pdf")
COMPARE_FORMATS = ("md", "html", "json", "pdf")


def _fmt(v: float | None, digits: int = 1, sign: bool = False) -> str:
    if v is None:
        return "–"
    return f"{v:+.{digits}f}" if sign else f"{v:.{digits}f}"


@questionnaire_app.command("export", help=h("questionnaire.export.help"), cls=HelpCommand,
                           epilog=h("ex.questionnaire.export"))
@handle_errors
def export(role: Annotated[str, typer.Option("--role", "-r", help=h("questionnaire.opt.role"))],
           answers: AnswersOpt,
           out: Annotated[Path, typer.Option("--out", "-o", help=h("opt.out"))] = Path(
               "questionnaires"),
           max_questions: Annotated[int, typer.Option(
               "--max-questions", min=1, max=500, help=h("questionnaire.opt.max_questions"))] = 30,
           data_profile: Annotated[Path | None, typer.Option(
               "--data-profile", exists=True, dir_okay=False, show_default=False,
               help=h("questionnaire.opt.data_profile"))] = None,
           checklists: ChecklistsOpt = None, force: ForceOpt = False,
           lang: LangOpt = None) -> None:
    """Write one questionnaire workbook per role."""
    from crm_readiness.workflows.inputs import load_answers, load_checklist_set
    from crm_readiness.workflows.workshop import (
        export_questionnaires,
        parse_roles,
        plan_questionnaires,
    )

    language = resolve_lang(lang)
    roles = parse_roles(role)
    sets = load_checklist_set(checklists)
    data = load_answers(answers, sets)
    measured = data_profile is not None
    written = export_questionnaires(sets, data, roles, out, force=force, cap=max_questions,
                                    data_profile=measured)
    plans = plan_questionnaires(sets, data, roles, cap=max_questions, data_profile=measured)
    for p, path in zip(plans, written, strict=True):
        console().print(t("questionnaire.sized", language, path=plain(path), count=len(p.core),
                          minutes=p.minutes, optional=len(p.optional)))
    from crm_readiness.cli.placeholders import warn_placeholders

    warn_placeholders(console(), language, [(answers, data.profile.organization)])


@questionnaire_app.command("import", help=h("questionnaire.import.help"), cls=HelpCommand,
                           epilog=h("ex.questionnaire.import"))
@handle_errors
def import_(files: Annotated[list[Path], typer.Argument(help=h("questionnaire.arg.files"))],
            answers: AnswersOpt,
            partial: Annotated[bool, typer.Option("--partial",
                                                  help=h("questionnaire.opt.partial"))] = False,
            checklists: ChecklistsOpt = None, lang: LangOpt = None) -> None:
    """Merge filled questionnaires into the answers file."""
    from crm_readiness.workflows.inputs import load_checklist_set
    from crm_readiness.workflows.workshop import import_questionnaires

    language = resolve_lang(lang)
    sets = load_checklist_set(checklists)
    report, skipped = import_questionnaires(files, answers, sets, partial=partial)
    out = console()
    for f in report.files:
        out.print(t("questionnaire.imported", language, path=plain(f.path),
                    respondent=plain(f.respondent or "?"), role=f.role or "?", count=f.answers,
                    problems=f.problems))
    for path, en, zh in skipped:
        out.print(f"[yellow]{plain(t('questionnaire.skipped', language, path=plain(path)))}[/]")
        for line in (zh if language == "zh" else en):
            out.print(f"  - {plain(line)}")
    if report.applied_answers:
        out.print(t("questionnaire.merged", language, count=report.applied_answers,
                    path=plain(answers)))
    else:
        out.print(t("questionnaire.nothing", language))


def history(answers: AnswersOpt, lang: LangOpt = None) -> None:
    """List the saved snapshots."""
    from rich.table import Table

    from crm_readiness.workflows.workshop import history as load_history

    language = resolve_lang(lang)
    rows = load_history(answers)
    out = console()
    if not rows:
        out.print(t("snapshot.none", language, path=plain(answers)))
        return
    table = Table(title=t("snapshot.history", language))
    for key in ("snapshot.name", "snapshot.taken", "report.score", "report.coverage",
                "report.verdict", "report.blockers", "report.risks", "snapshot.versions"):
        table.add_column(t(key, language))
    for s in rows:
        versions = " ".join(f"{k} v{v}" for k, v in s.checklist_versions.items())
        table.add_row(plain(s.name), s.taken_at.strftime("%Y-%m-%d %H:%M"), _fmt(s.overall),
                      f"{s.coverage * 100:.0f}%", t(f"verdict.{s.verdict}", language),
                      str(s.blockers), str(s.risks), plain(versions))
    out.print(table)


def compare(a: Annotated[str, typer.Argument(help=h("compare.arg.a"))],
            b: Annotated[str, typer.Argument(help=h("compare.arg.b"))],
            answers: AnswersOpt,
            out: Annotated[Path | None, typer.Option("--out", "-o", help=h("opt.out"),
                                                     show_default=False)] = None,
            formats: Annotated[str, typer.Option("--format", "-f", help=h(
                "opt.format", choices=", ".join(COMPARE_FORMATS)))] = "md,html,json",
            paper: PaperOpt = "a4",
            lang: LangOpt = None) -> None:
    """Compare two snapshots."""
    from crm_readiness.cli.progress_view import print_comparison
    from crm_readiness.workflows.workshop import compare_snapshots, write_comparison

    language = resolve_lang(lang)
    chosen = parse_formats(formats, COMPARE_FORMATS)
    sheet = parse_paper(paper)
    result = compare_snapshots(answers, a, b)
    print_comparison(result, language, console())
    if out is not None:
        print_written(write_comparison(result, out, chosen, language, paper=sheet), language)


def plan(answers: AnswersOpt,
         start: Annotated[str, typer.Option("--start", help=h("plan.opt.start"))],
         out: Annotated[Path, typer.Option("--out", "-o", help=h("opt.out"))] = Path(
             "crm-readiness-plan"),
         formats: Annotated[str, typer.Option("--format", "-f", help=h(
             "opt.format", choices=", ".join(PLAN_FORMATS)))] = "html,md,json,xlsx",
         checklists: ChecklistsOpt = None, force: ForceOpt = False,
         paper: PaperOpt = "a4",
         lang: LangOpt = None) -> None:
    """Build the implementation plan."""
    from crm_readiness.cli.progress_view import print_plan
    from crm_readiness.workflows.assessment import score
    from crm_readiness.workflows.inputs import load_answers, load_checklist_set
    from crm_readiness.workflows.workshop import make_plan, write_plan

    language = resolve_lang(lang)
    chosen = parse_formats(formats, PLAN_FORMATS)
    sheet = parse_paper(paper)
    try:
        day = date.fromisoformat(start.strip())
    except ValueError:
        raise UsageError(t("plan.bad_start", "en", value=start),
                         t("plan.bad_start", "zh", value=start)) from None
    sets = load_checklist_set(checklists)
    result = score(sets, load_answers(answers, sets), answers_file=str(answers))
    the_plan = make_plan(result, day)
    print_plan(the_plan, language, console())
    from crm_readiness.cli.placeholders import warn_placeholders

    warn_placeholders(console(), language, [(answers, result.profile.organization)])
    print_written(write_plan(the_plan, out, chosen, language, force=force, paper=sheet), language)


def register(app: typer.Typer) -> None:
    """Add ``questionnaire``, ``history``, ``compare`` and ``plan`` to the app."""
    app.add_typer(questionnaire_app, name="questionnaire")
    app.command("history", help=h("history.help"), cls=HelpCommand,
                epilog=h("ex.history"))(handle_errors(history))
    app.command("compare", help=h("compare.help"), cls=HelpCommand,
                epilog=h("ex.compare"))(handle_errors(compare))
    app.command("plan", help=h("plan.help"), cls=HelpCommand, epilog=h("ex.plan"))(handle_errors(plan))
