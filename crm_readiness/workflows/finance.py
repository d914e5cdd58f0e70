"""Finance workflows: load the files, build the case, write the reports and workbook.

Other capabilities call :func:`tco_of_file` to get a vendor's TCO from its
costs file (the vendor comparison's cost criterion).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from crm_readiness._resources import examples_dir
from crm_readiness.demo.entry import DemoEntry
from crm_readiness.errors import InputFileError, Problem, UsageError
from crm_readiness.i18n import Lang, t
from crm_readiness.io.finance import load_benefits, load_costs
from crm_readiness.io.output import OutputSet
from crm_readiness.models._base import bi
from crm_readiness.models.finance.inputs import CostsFile
from crm_readiness.models.finance.results import FinanceCase, TcoComparison
from crm_readiness.models.printing import DEFAULT_PAPER, Paper
from crm_readiness.render import Format

if TYPE_CHECKING:
    from crm_readiness.engine.finance.compare import Mismatch

Step = Callable[[str], None]
#: the demo's vendor cost files, in the vendor comparison's order (A, B, C).
DEMO_VENDOR_FILES = ("costs-yunfan.yaml", "costs-novasales.yaml", "costs-entlink.yaml")


def roi_case(costs_path: Path, benefits_path: Path, *, swing: Decimal | None = None,
             draws: int | None = None, seed: int | None = None,
             on_step: Step | None = None) -> FinanceCase:
    """Return the full ROI case of a costs and a benefits file (exit 3 on bad input)."""
    from crm_readiness.engine.finance import SensitivityOptions, build_case

    if swing is not None and not Decimal(0) < swing < 1:
        raise UsageError(f"--swing must be between 0 and 1 (got {swing})",
                         f"--swing 必须介于 0 与 1 之间（当前为 {swing}）")
    if draws is not None and not 100 <= draws <= 1_000_000:
        raise UsageError(f"--draws must be between 100 and 1000000 (got {draws})",
                         f"--draws 必须介于 100 与 1000000 之间（当前为 {draws}）")
    costs = load_costs(costs_path)
    benefits = load_benefits(benefits_path, costs)
    if on_step is not None:
        on_step("case")
    options = SensitivityOptions.from_settings(benefits.sensitivity, swing=swing, draws=draws,
                                               seed=seed)
    return build_case(costs, benefits, options=options)


_MISMATCH_KEYS = {
    ("currency", True): "finance.err.currency_mismatch",
    ("horizon", True): "finance.err.horizon_mismatch",
    ("currency", False): "finance.err.currency_mismatch_vendors",
    ("horizon", False): "finance.err.horizon_mismatch_vendors",
}


def _mismatch_error(mismatches: Sequence[Mismatch], paths: Mapping[str, Path],
                    hint: bool) -> InputFileError:
    first = mismatches[0]
    problems = []
    for m in mismatches:
        key = _MISMATCH_KEYS[m.kind, hint]
        params = {"first": m.first, "second": m.second, "first_value": m.first_value,
                  "second_value": m.second_value}
        problems.append(Problem("currency" if m.kind == "currency" else "horizon_years",
                                t(key, "en", **params), t(key, "zh", **params)))
    return InputFileError(paths.get(first.second, Path(first.second)), problems)


def comparable_costs(paths: Sequence[Path], *, horizon: int | None = None,
                     rates: Mapping[str, Decimal] | None = None,
                     currency: str | None = None, budget: str = "budget",
                     budget_horizon: int | None = None, vendors: bool = False
                     ) -> tuple[list[CostsFile], dict[str, Decimal]]:
    """Load the costs files and refuse (exit 3, naming both files) incomparable ones.

    ``horizon`` restates every file over that many years; ``rates`` converts a
    currency into the first file's (1 unit = rate units). ``currency`` and
    ``budget_horizon`` (a budget's, named ``budget`` in messages) must equal the
    first file's. Used by ``tco`` and (``vendors=True``: messages without the
    ``--horizon`` / ``--rate`` hints) by ``vendors compare``.
    Returns the (restated, converted) files and the exchange rates used.
    """
    from crm_readiness.engine.finance.compare import comparable, convert, restate

    loaded = [load_costs(p) for p in paths]
    names = {str(p): p for p in paths}
    found = comparable([(str(p), c) for p, c in zip(paths, loaded, strict=True)],
                       horizon=horizon, rates=rates, currency=currency, budget=budget,
                       budget_horizon=budget_horizon)
    if found:
        raise _mismatch_error(found, names, hint=not vendors)
    if not loaded:
        return loaded, {}
    base = loaded[0].currency
    out = []
    used: dict[str, Decimal] = {}
    for path, costs in zip(paths, loaded, strict=True):
        if costs.currency != base and rates:
            used[costs.currency] = rates[costs.currency]
            costs = convert(costs, rates[costs.currency], base)
        if horizon is not None:
            costs = restate(costs, horizon)
            short = [i for i, r in enumerate(costs.recurring) if isinstance(r.amounts, tuple)
                     and len(r.amounts) < horizon + 1 and r.ramp_rest is None]
            if short:
                msg = {lang: t("finance.err.restate_short", lang, years=horizon) for lang in
                       ("en", "zh")}
                raise InputFileError(path, [Problem(f"recurring.{i}.amounts", msg["en"],
                                                    msg["zh"]) for i in short])
        out.append(costs)
    return out, used


def parse_rates(values: Sequence[str]) -> dict[str, Decimal]:
    """Return ``{"USD": Decimal("7.1")}`` from ``["USD=7.1"]`` (exit 2 on a bad form)."""
    import re
    from decimal import InvalidOperation

    out: dict[str, Decimal] = {}
    for value in values:
        m = re.fullmatch(r"([A-Z]{3})=([0-9]+(?:\.[0-9]+)?)", value.strip())
        try:
            rate = Decimal(m.group(2)) if m else Decimal(0)
        except InvalidOperation:
            rate = Decimal(0)
        if m is None or rate <= 0 or rate > Decimal("1e6"):
            raise UsageError(t("finance.err.rate", "en", value=value),
                             t("finance.err.rate", "zh", value=value))
        out[m.group(1)] = rate
    return out


def tco_comparison(paths: Sequence[Path], *, horizon: int | None = None,
                   rates: Mapping[str, Decimal] | None = None) -> TcoComparison:
    """Return the TCO of every costs file, side by side, on one currency and horizon.

    Different currencies or horizons are refused (exit 3, naming both files)
    unless ``horizon`` restates them or ``rates`` converts them.
    """
    from crm_readiness.engine.finance import compare_tco

    if horizon is not None and not 1 <= horizon <= 30:
        raise UsageError(f"--horizon must be between 1 and 30 (got {horizon})",
                         f"--horizon 必须介于 1 与 30 之间（当前为 {horizon}）")
    files, used = comparable_costs(paths, horizon=horizon, rates=rates)
    result = compare_tco(files, restated=horizon is not None)
    if used:
        result = result.model_copy(update={"exchange_rates": used})
    return result


def tco_of_file(path: Path | str, *, risk_adjusted: bool = True) -> Decimal:
    """Return the nominal TCO over the horizon of a costs file (exact, unrounded).

    The risk-adjusted TCO (each cost line × (1 + its risk share), contingency
    included) unless ``risk_adjusted`` is False; with no risk shares in the
    file both are the plain sum. Raises ``InputFileError`` (exit 3) on bad input.
    """
    from crm_readiness.engine.finance import build_case

    case = build_case(load_costs(Path(path)))
    view = case.risk_adjusted if risk_adjusted else case.unadjusted
    return view.tco_nominal


def write_roi(case: FinanceCase, out_dir: Path, formats: Sequence[str], lang: Lang, *,
              force: bool = False, stem: str = "roi", paper: Paper = DEFAULT_PAPER) -> list[Path]:
    """Write the ROI case in ``formats``; the workbook (editable) is replaced only with ``force``."""
    from crm_readiness.render.finance import ROI_RENDERERS
    from crm_readiness.render.pdf import renderer

    outputs = OutputSet(force=force)
    for name in formats:
        fmt = Format(name)
        outputs.add(out_dir / f"{stem}{fmt.suffix}", renderer(ROI_RENDERERS, fmt, paper, case, lang),
                    editable=fmt == Format.xlsx)
    return outputs.commit()


def write_tco(comparison: TcoComparison, stems: Sequence[str], out_dir: Path,
              formats: Sequence[str], lang: Lang, *, force: bool = False,
              stem: str = "tco", paper: Paper = DEFAULT_PAPER) -> list[Path]:
    """Write the TCO report; with several cases one workbook per case (``tco-<stem>.xlsx``)."""
    from crm_readiness.render.finance import TCO_RENDERERS, case_workbook
    from crm_readiness.render.pdf import renderer

    single = len(comparison.cases) == 1
    books = [stem] if single else [f"{stem}-{s}" for s in stems]
    outputs = OutputSet(force=force)
    for name in formats:
        fmt = Format(name)
        if fmt == Format.xlsx:
            for book, case in zip(books, comparison.cases, strict=True):
                outputs.add(out_dir / f"{book}.xlsx", partial(case_workbook, case, lang),
                            editable=True)
            continue
        outputs.add(out_dir / f"{stem}{fmt.suffix}", renderer(TCO_RENDERERS, fmt, paper, comparison, lang))
    return outputs.commit()


def demo_part(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    """Run ``roi`` and the three-vendor ``tco`` comparison on the bundled example."""
    from crm_readiness.render.finance.labels import money, payback_text, pct

    demo = examples_dir() / "demo"
    inputs = out_dir / "inputs"
    copies = OutputSet(force=True)
    for name in ("costs.yaml", "benefits.yaml", *DEMO_VENDOR_FILES):
        copies.add(inputs / name, (demo / name).read_bytes())
    copies.commit()
    case = roi_case(inputs / "costs.yaml", inputs / "benefits.yaml")
    finance = out_dir / "finance"
    write_roi(case, finance, ["html", "md", "json", "xlsx"], lang, force=True)
    comparison = tco_comparison([inputs / n for n in DEMO_VENDOR_FILES])
    write_tco(comparison, [Path(n).stem.removeprefix("costs-") for n in DEMO_VENDOR_FILES],
              finance, ["html", "md", "json"], lang, force=True, stem="tco-comparison")
    v = case.risk_adjusted
    section = bi("Finance: TCO and ROI", "财务：总体拥有成本与投资回报")

    def summary(en_lang: Lang) -> str:
        return (f"{t('finance.metric.npv', en_lang)} {money(v.npv)} {case.currency} · "
                f"{t('finance.metric.roi_pv', en_lang)} {pct(v.roi_pv)} · "
                f"{t('finance.metric.payback', en_lang)} {payback_text(v.payback, en_lang)}")

    cheapest = comparison.cases[comparison.ranking[0]]
    cheapest_name = cheapest.vendor or cheapest.title
    tco_line = bi(f"Lowest 3-year TCO: {cheapest_name.en} ({money(cheapest.risk_adjusted.tco_nominal)}"
                  f" {cheapest.currency})",
                  f"三年 TCO 最低：{cheapest_name.zh}（{money(cheapest.risk_adjusted.tco_nominal)} "
                  f"{cheapest.currency}）")
    return [
        DemoEntry(section, bi("ROI report (risk-adjusted business case)", "投资回报报告（风险调整后）"),
                  "finance/roi.html", bi(summary("en"), summary("zh"))),
        DemoEntry(section, bi("Live finance workbook (Excel / LibreOffice)", "可联动的财务工作簿"),
                  "finance/roi.xlsx", None),
        DemoEntry(section, bi("TCO comparison of the three vendors", "三家供应商 TCO 对比"),
                  "finance/tco-comparison.html", tco_line),
    ]
