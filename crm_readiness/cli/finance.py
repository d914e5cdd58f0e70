"""``crm-readiness tco`` and ``crm-readiness roi``: rich summaries, reports and the workbook.

Only typer and the standard library at import time; models, engine, numpy
and renderers are imported inside the commands (start-up speed).
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
    from decimal import Decimal

    from rich.console import Console

    from crm_readiness.models.finance.results import FinanceCase, TcoComparison

FORMATS = ("md", "html", "json", "xlsx", "pdf")
DEFAULT_FORMATS = "md,html,json,xlsx"
TORNADO_SHOWN = 5

OutOpt = Annotated[Path, typer.Option("--out", "-o", help=h("opt.out"))]
FormatOpt = Annotated[str, typer.Option("--format", "-f",
                                        help=h("finance.opt.format", choices=", ".join(FORMATS)))]


def _year_table(case: FinanceCase, lang: Lang, with_benefits: bool) -> object:
    from decimal import Decimal

    from rich.table import Table

    from crm_readiness.workflows.display import money

    v = case.risk_adjusted
    table = Table(title=t("finance.per_year", lang), title_justify="left")
    table.add_column(t("finance.item", lang))
    for y in range(case.horizon_years + 1):
        table.add_column(t("finance.year", lang, year=y), justify="right")
    table.add_column(t("finance.total", lang), justify="right")
    table.add_row(t("finance.row.seats", lang), *[str(s) for s in case.seats], "")
    rows: list[tuple[str, list[Decimal], Decimal | None]] = [
        ("finance.row.costs_adjusted", v.costs, v.tco_nominal)]
    if with_benefits:
        rows += [("finance.row.benefits_adjusted", v.benefits, v.benefits_nominal),
                 ("finance.row.net", v.net, sum(v.net, Decimal(0))),
                 ("finance.row.cumulative", v.cumulative, None),
                 ("finance.row.pv_net", v.pv_net, v.npv)]
    else:
        rows.append(("finance.row.pv_costs", v.pv_costs, v.tco_pv))
    for key, values, total in rows:
        table.add_row(t(key, lang), *[money(x) for x in values],
                      money(total) if total is not None else "")
    return table


def _findings(case: FinanceCase, lang: Lang, out: Console) -> None:
    from crm_readiness.workflows.display import flag_texts

    if case.missing_components:
        missing = ", ".join(t(f"finance.cat.{m}", lang) for m in case.missing_components)
        out.print(f"[yellow]![/] {plain(t('finance.hidden', lang))}: {plain(missing)}")
    for severity, text in flag_texts(case, lang):
        mark = "[yellow]![/]" if severity == "warning" else "[dim]·[/]"
        out.print(f"{mark} {plain(text)}")


def print_roi(case: FinanceCase, lang: Lang, out: Console) -> None:
    """Print the ROI case: per-year table, headline metrics on both bases, sensitivity."""
    from rich.table import Table

    from crm_readiness.workflows import display as lb

    out.print(f"[bold]{plain(t('finance.roi.title', lang))}[/] — {plain(case.title)}")
    out.print(_year_table(case, lang, True))
    metrics = Table(title=t("finance.summary.basis", lang), title_justify="left")
    metrics.add_column(t("finance.item", lang))
    metrics.add_column(t("finance.basis.risk_adjusted", lang), justify="right")
    metrics.add_column(t("finance.basis.unadjusted", lang), justify="right")
    v, u = case.risk_adjusted, case.unadjusted
    for key, a, b in (
        ("npv", lb.money(v.npv), lb.money(u.npv)),
        ("roi_pv", lb.pct(v.roi_pv), lb.pct(u.roi_pv)),
        ("roi_simple", lb.pct(v.roi_simple), lb.pct(u.roi_simple)),
        ("irr", lb.irr_text(v.irr, lang), lb.irr_text(u.irr, lang)),
        ("payback", lb.payback_text(v.payback, lang), lb.payback_text(u.payback, lang)),
        ("tco_nominal", lb.money(v.tco_nominal), lb.money(u.tco_nominal)),
        ("tco_pv", lb.money(v.tco_pv), lb.money(u.tco_pv)),
        ("cost_per_user_year", lb.money(v.cost_per_user_year), lb.money(u.cost_per_user_year)),
    ):
        metrics.add_row(t(f"finance.metric.{key}", lang), a, b)
    out.print(metrics)
    _findings(case, lang, out)
    sens = case.sensitivity
    if sens is None:
        return
    names = lb.line_names(case, lang)
    tornado = Table(title=t("finance.chart.tornado", lang, swing=lb.pct(sens.swing, 0)),
                    title_justify="left")
    for key in ("finance.driver", "finance.npv_low", "finance.npv_high", "finance.swing"):
        tornado.add_column(t(key, lang), justify="left" if key == "finance.driver" else "right")
    for row in sens.tornado[:TORNADO_SHOWN]:
        tornado.add_row(lb.tornado_label(row, names, lang), lb.money(row.npv_low),
                        lb.money(row.npv_high), lb.money(row.swing))
    out.print(tornado)
    mc = sens.monte_carlo
    from crm_readiness.workflows.display import mc_position

    out.print(plain(t("finance.summary.mc", lang, draws=lb.money(mc.draws),
                       p10=lb.money(mc.npv_p10), p50=lb.money(mc.npv_p50),
                       p90=lb.money(mc.npv_p90), prob=lb.pct(mc.probability_positive))
                     + " " + mc_position(mc, names, lang)))


def print_tco(comparison: TcoComparison, lang: Lang, out: Console) -> None:
    """Print one TCO case, or several side by side (lowest risk-adjusted TCO first)."""
    from rich.table import Table

    from crm_readiness.workflows.display import money

    many = len(comparison.cases) > 1
    table = Table(title=t("finance.tco.compare_title" if many else "finance.tco.title", lang),
                  title_justify="left")
    for key in ("finance.tco.vendor", "finance.metric.tco_nominal", "finance.metric.tco_pv",
                "finance.basis.unadjusted", "finance.metric.tco_net_nominal",
                "finance.metric.one_time", "finance.metric.cost_per_user_year"):
        table.add_column(t(key, lang), justify="left" if key == "finance.tco.vendor" else "right")
    for i in comparison.ranking:
        c = comparison.cases[i]
        table.add_row((c.vendor or c.title).get(lang), money(c.risk_adjusted.tco_nominal),
                      money(c.risk_adjusted.tco_pv), money(c.unadjusted.tco_nominal),
                      money(c.risk_adjusted.tco_net_nominal),
                      money(c.one_time_total * (1 + c.contingency)),
                      money(c.risk_adjusted.cost_per_user_year))
    out.print(table)
    from crm_readiness.workflows.display import horizon_note

    out.print(plain(horizon_note(comparison, lang)))
    for case in comparison.cases:
        if many:
            out.print(f"\n[bold]{plain(case.vendor or case.title)}[/]")
        out.print(_year_table(case, lang, False))
        _findings(case, lang, out)


def tco(
    costs: Annotated[list[Path], typer.Argument(help=h("finance.opt.costs"), show_default=False)],
    out: OutOpt = Path("crm-finance"),
    formats: FormatOpt = DEFAULT_FORMATS,
    horizon: Annotated[int | None, typer.Option("--horizon", help=h("finance.opt.horizon"),
                                                show_default=False)] = None,
    rate: Annotated[list[str] | None, typer.Option("--rate", help=h("finance.opt.rate"),
                                                   show_default=False)] = None,
    lang: LangOpt = None,
    force: ForceOpt = False,
    paper: PaperOpt = "a4",
) -> None:
    """Total cost of ownership of one or several costs files."""
    from crm_readiness.workflows.finance import parse_rates, tco_comparison, write_tco

    language = resolve_lang(lang)
    chosen = parse_formats(formats, FORMATS)
    comparison = tco_comparison(costs, horizon=horizon, rates=parse_rates(rate or []))
    out_console = console()
    print_tco(comparison, language, out_console)
    from crm_readiness.cli.placeholders import warn_placeholders

    warn_placeholders(out_console, language, [
        (p, c.title) for p, c in zip(costs, comparison.cases, strict=False)])
    stems = _unique_stems(costs)
    written = write_tco(comparison, stems, out, chosen, language, force=force, paper=parse_paper(paper))
    out_console.print()
    print_written(written, language)


def _unique_stems(paths: list[Path]) -> list[str]:
    stems: list[str] = []
    for p in paths:
        stem = p.stem.removeprefix("costs-") or "costs"
        candidate, k = stem, 2
        while candidate in stems:
            candidate, k = f"{stem}-{k}", k + 1
        stems.append(candidate)
    return stems


def roi(
    costs: Annotated[Path, typer.Argument(help=h("finance.opt.costs_one"), show_default=False)],
    benefits: Annotated[Path, typer.Argument(help=h("finance.opt.benefits"),
                                             show_default=False)],
    out: OutOpt = Path("crm-finance"),
    formats: FormatOpt = DEFAULT_FORMATS,
    swing: Annotated[float | None, typer.Option("--swing", help=h("finance.opt.swing"),
                                                show_default=False)] = None,
    draws: Annotated[int | None, typer.Option("--draws", help=h("finance.opt.draws"),
                                              show_default=False)] = None,
    seed: Annotated[int | None, typer.Option("--seed", min=0, help=h("finance.opt.seed"),
                                             show_default=False)] = None,
    lang: LangOpt = None,
    force: ForceOpt = False,
    paper: PaperOpt = "a4",
) -> None:
    """The ROI case of a costs and a benefits file."""
    from decimal import Decimal

    from crm_readiness.workflows.finance import roi_case, write_roi

    language = resolve_lang(lang)
    chosen = parse_formats(formats, FORMATS)
    case = roi_case(costs, benefits, swing=Decimal(str(swing)) if swing is not None else None,
                    draws=draws, seed=seed)
    out_console = console()
    print_roi(case, language, out_console)
    from crm_readiness.cli.placeholders import warn_placeholders

    warn_placeholders(out_console, language, [(costs, case.vendor), (benefits, case.title)])
    written = write_roi(case, out, chosen, language, force=force, paper=parse_paper(paper))
    out_console.print()
    print_written(written, language)


def register(app: typer.Typer) -> None:
    """Add ``tco`` and ``roi`` to the app."""
    app.command("tco", help=h("finance.tco.help"), cls=HelpCommand, epilog=h("ex.tco"))(handle_errors(tco))
    app.command("roi", help=h("finance.roi.help"), cls=HelpCommand, epilog=h("ex.roi"))(handle_errors(roi))
