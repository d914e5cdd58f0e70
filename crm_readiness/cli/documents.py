"""``crm-readiness docs``: charter, specification, training plan, migration plan, go-live checklist."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from crm_readiness.cli._common import (
    ForceOpt,
    LangOpt,
    PaperOpt,
    h,
    handle_errors,
    parse_formats,
    parse_paper,
    print_written,
    resolve_lang,
)
from crm_readiness.cli._help import HelpCommand


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(value) from None


@handle_errors
def docs(
    kinds: Annotated[list[str] | None, typer.Argument(help=h("docs.opt.kinds"), show_default=False)] = None,
    answers: Annotated[Path, typer.Option("--answers", "-a", help=h("docs.opt.answers"))] = Path("answers.yaml"),
    requirements: Annotated[Path | None, typer.Option("--requirements", help=h("docs.opt.requirements"),
                                                      show_default=False)] = None,
    costs: Annotated[Path | None, typer.Option("--costs", help=h("docs.opt.costs"), show_default=False)] = None,
    benefits: Annotated[Path | None, typer.Option("--benefits", help=h("docs.opt.benefits"),
                                                  show_default=False)] = None,
    data_profile: Annotated[Path | None, typer.Option("--data-profile", help=h("docs.opt.data_profile"),
                                                      show_default=False)] = None,
    start: Annotated[str | None, typer.Option("--start", help=h("docs.opt.start"), show_default=False)] = None,
    templates: Annotated[Path | None, typer.Option("--templates", help=h("docs.opt.templates"),
                                                   show_default=False)] = None,
    include_notes: Annotated[bool, typer.Option("--include-notes", help=h("docs.opt.include_notes"))] = False,
    out: Annotated[Path, typer.Option("--out", "-o", help=h("docs.opt.out"))] = Path("documents"),
    formats: Annotated[str, typer.Option("--format", "-f", help=h("docs.opt.format"))] = "docx,html,md",
    checklists: Annotated[Path | None, typer.Option("--checklists", help=h("opt.checklists"),
                                                    show_default=False)] = None,
    force: ForceOpt = False,
    paper: PaperOpt = "a4",
    lang: LangOpt = None,
) -> None:
    """Write the project's documents."""
    from crm_readiness.workflows.documents import FORMATS, build_documents, parse_kinds, write_documents

    language = resolve_lang(lang)
    chosen = parse_formats(formats, FORMATS)
    documents = build_documents(parse_kinds(kinds or []), answers, requirements=requirements,
                                checklists=checklists, costs=costs, benefits=benefits,
                                data_profile=data_profile, start=_date(start), include_notes=include_notes)
    print_written(write_documents(documents, out, chosen, language, templates=templates, force=force,
                                  paper=parse_paper(paper)), language)


def register(app: typer.Typer) -> None:
    """Add ``docs`` to the main app."""
    app.command("docs", help=h("docs.cli.help"), cls=HelpCommand, epilog=h("ex.docs"))(docs)
