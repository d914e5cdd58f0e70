"""``crm-readiness review``: KPIs against their targets, the case re-forecast, go-live readiness.

Only typer and the standard library at import time; the rest is imported in the command.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
from crm_readiness.cli._help import HelpCommand
from crm_readiness.i18n import Lang, t

if TYPE_CHECKING:
    from rich.console import Console

    from crm_readiness.models.review_results import ReviewResult

FORMATS = ("md", "html", "json", "xlsx", "pdf")
DEFAULT_FORMATS = "md,html,json"


def print_review(result: ReviewResult, lang: Lang, out: Console) -> None:
    """Print the KPI statuses and, with a case, approved against re-forecast NPV."""
    from rich.table import Table

    from crm_readiness.workflows.display import money, pct

    table = Table(title=t("review.kpis", lang), title_justify="left")
    for key in ("KPI", "review.baseline", "review.latest", "review.target", "review.achieved",
                "review.status"):
        table.add_column(key if key == "KPI" else t(key, lang),
                         justify="left" if key in ("KPI", "review.status") else "right")
    for k in result.kpis:
        table.add_row(plain(k.name.get(lang)), f"{k.baseline:g}",
                      f"{k.latest.value:g}" if k.latest else "–", f"{k.target:g}",
                      pct(k.achieved_share) if k.achieved_share is not None else "–",
                      t(f"review.status.{k.status}", lang))
    out.print(table)
    f = result.finance
    if f is not None:
        out.print(plain(t("review.cli.npv", lang, approved=money(f.approved.npv),
                          reforecast=money(f.reforecast.npv), currency=f.currency)))
    a = result.adoption
    if a is not None:
        share = f" ({pct(a.active_share)})" if a.active_share is not None else ""
        seats_text = f" / {a.seats}" if a.seats else ""
        out.print(plain(f"{t('review.active_users', lang)}: {a.active_users}{seats_text}{share}"))
    if result.golive is not None:
        out.print(plain(f"{t('review.golive', lang)}: {t('verdict.' + result.golive.verdict, lang)}"
                        f" ({len(result.golive.blockers)})"))


def review(
    kpis: Annotated[Path, typer.Option("--kpis", help=h("review.opt.kpis"), show_default=False)],
    answers: Annotated[Path | None, typer.Option("--answers", help=h("review.opt.answers"),
                                                 show_default=False)] = None,
    costs: Annotated[Path | None, typer.Option("--costs", help=h("review.opt.costs"),
                                               show_default=False)] = None,
    benefits: Annotated[Path | None, typer.Option("--benefits", help=h("review.opt.benefits"),
                                                  show_default=False)] = None,
    actuals: Annotated[Path | None, typer.Option("--actuals", help=h("review.opt.actuals"),
                                                 show_default=False)] = None,
    adoption: Annotated[Path | None, typer.Option("--adoption", help=h("review.opt.adoption"),
                                                  show_default=False)] = None,
    seats: Annotated[int | None, typer.Option("--seats", help=h("review.opt.seats"),
                                              show_default=False)] = None,
    lessons: Annotated[Path | None, typer.Option("--lessons", help=h("review.opt.lessons"),
                                                 show_default=False)] = None,
    profile_before: Annotated[Path | None, typer.Option(
        "--profile-before", help=h("review.opt.profile_before"), show_default=False)] = None,
    profile_now: Annotated[Path | None, typer.Option(
        "--profile-now", help=h("review.opt.profile_now"), show_default=False)] = None,
    previous: Annotated[Path | None, typer.Option("--previous", help=h("review.opt.previous"),
                                                  show_default=False)] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help=h("review.opt.as_of"),
                                              show_default=False)] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help=h("opt.out"))] = Path("crm-review"),
    formats: Annotated[str, typer.Option("--format", "-f", help=h(
        "review.opt.format", choices=", ".join(FORMATS)))] = DEFAULT_FORMATS,
    lang: LangOpt = None,
    force: ForceOpt = False,
    paper: PaperOpt = "a4",
) -> None:
    """Review the KPIs (and the business case) after go-live."""
    from datetime import date

    from crm_readiness.errors import UsageError
    from crm_readiness.workflows.review import review as run
    from crm_readiness.workflows.review import write_review

    language = resolve_lang(lang)
    chosen = parse_formats(formats, FORMATS)
    try:
        day = date.fromisoformat(as_of) if as_of is not None else None
    except ValueError:
        raise UsageError(t("review.bad_as_of", "en", value=as_of),
                         t("review.bad_as_of", "zh", value=as_of)) from None
    result = run(kpis, answers=answers, costs=costs, benefits=benefits, actuals=actuals,
                 adoption=adoption, seats=seats, lessons=lessons,
                 profile_before=profile_before, profile_now=profile_now, previous=previous,
                 as_of=day)
    out_console = console()
    print_review(result, language, out_console)
    written = write_review(result, out, chosen, language, force=force, paper=parse_paper(paper))
    out_console.print()
    print_written(written, language)


def register(app: typer.Typer) -> None:
    """Add ``review`` to the app."""
    app.command("review", help=h("review.help"), cls=HelpCommand,
                epilog=h("ex.review"))(handle_errors(review))
