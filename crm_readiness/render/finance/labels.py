"""Display helpers shared by the finance renderers: labels of drivers and figures."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

from crm_readiness.i18n import Lang, t
from crm_readiness.models.finance.results import (
    BreakEven,
    FinanceCase,
    IrrResult,
    Payback,
    TornadoRow,
)

_WIDE = Context(prec=120)
#: catalogue key of each funding kind.
FUNDING_KINDS = {"grant": "finance.funding.grant", "subsidy": "finance.funding.subsidy",
                 "tax_incentive": "finance.funding.tax_incentive"}
GLOBAL_DRIVERS = ("discount_rate", "users.initial", "users.growth", "contingency",
                  "costs.risk_adjustment", "benefits.risk_adjustment")


def line_names(case: FinanceCase, lang: Lang) -> dict[str, str]:
    """Return every line's name by id, in ``lang``."""
    return {ln.id: ln.name.get(lang) for ln in (*case.cost_lines, *case.benefit_lines,
                                      *case.funding_lines)}


def param_label(param: str, lang: Lang) -> str:
    """Return the label of a line parameter (``ramp_2`` → share realised in year 2)."""
    if param.startswith("ramp_"):
        return t("finance.param.ramp", lang, k=param.removeprefix("ramp_"))
    if param[:1] == "y" and param[1:].isdigit():
        return t("finance.param.year_amount", lang, year=param[1:])
    return t(f"finance.param.{param}", lang)


def _line_label(line: str, factors: list[str], names: dict[str, str], lang: Lang) -> str:
    params = [f.partition(".")[2] for f in factors]
    if all(p[:1] == "y" and p[1:].isdigit() for p in params):
        listed = t("finance.tornado.yearly", lang)
    else:
        listed = " × ".join(param_label(p, lang) for p in params)
    return t("finance.tornado.line", lang, line=names.get(line, line), factors=listed)


def tornado_label(row: TornadoRow, names: dict[str, str], lang: Lang) -> str:
    """Return a tornado row's label: a driver, or a line with its factors listed."""
    if row.line is not None:
        return _line_label(row.line, row.factors, names, lang)
    return driver_label(row.driver, names, lang)


def break_even_label(be: BreakEven, names: dict[str, str], lang: Lang) -> str:
    """Return the label of the break-even driver (a line's value for a grouped row)."""
    if be.line is not None:
        return t("finance.break_even.line", lang, line=names.get(be.line, be.line))
    return driver_label(be.driver, names, lang)


def driver_label(driver: str, names: dict[str, str], lang: Lang) -> str:
    """Return a reader's label for a driver id."""
    if driver in GLOBAL_DRIVERS:
        return t(f"finance.driver.{driver}", lang)
    line, _, param = driver.partition(".")
    return f"{names.get(line, line)} — {param_label(param, lang)}"


def money(value: Decimal | float | int | None, digits: int = 0) -> str:
    """Return ``value`` rounded half-up for display, with thousands separators."""
    if value is None:
        return "–"
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if not d.is_finite():
        return "–"
    d = d.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP, context=_WIDE)
    if d == 0:
        d = abs(d)
    return f"{d:,.{digits}f}"


def pct(value: Decimal | float | None, digits: int = 1) -> str:
    """Return a fraction as a percentage for display."""
    if value is None:
        return "–"
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if not d.is_finite():
        return "–"
    d = (d * 100).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP, context=_WIDE)
    if d == 0:
        d = abs(d)
    return f"{d:.{digits}f}%"


def irr_text(irr: IrrResult, lang: Lang) -> str:
    """Return the IRR as a percentage, or why it is not defined."""
    if irr.value is not None:
        return pct(irr.value)
    if irr.reason == "several_sign_changes":
        return t("finance.irr.several_sign_changes", lang, n=irr.sign_changes)
    return t("finance.irr.no_sign_change", lang)


def payback_text(p: Payback, lang: Lang) -> str:
    """Return the payback in months (one decimal), or "not within the horizon"."""
    if p.months is None:
        text = t("finance.payback.never", lang)
    else:
        text = t("finance.months", lang, months=money(p.months, 1))
    if p.dips:
        text += " " + t("finance.payback.dips", lang, years=", ".join(map(str, p.dips)))
    return text


def value_text(value: Decimal, kind: str) -> str:
    """Return a driver value for display according to its kind."""
    if kind == "rate":
        return pct(value, 2)
    if kind in ("count", "year", "hours", "flag"):
        return f"{value.normalize():,f}" if value == value.to_integral_value() else f"{value:,}"
    return money(value, 2)
