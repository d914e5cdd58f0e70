"""Finance workflows: load the files, build the case, write the reports and workbook.

Other capabilities call :func:`tco_of_file` to get a vendor's TCO from its
costs file (the vendor comparison's cost criterion).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import partial
from pathlib import Path

from crm_readiness._resources import examples_dir
from crm_readiness.demo.entry import DemoEntry
from crm_readiness.errors import UsageError
from crm_readiness.i18n import Lang, t
from crm_readiness.io.finance import load_benefits, load_costs
from crm_readiness.io.output import OutputSet
from crm_readiness.models._base import bi
from crm_readiness.models.finance.results import FinanceCase, TcoComparison
from crm_readiness.render import Format

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


def tco_comparison(paths: Sequence[Path]) -> TcoComparison:
    """Return the TCO of every costs file, side by side (all files checked before any fails)."""
    from crm_readiness.engine.finance import compare_tco

    return compare_tco([load_costs(p) for p in paths])


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
              force: bool = False, stem: str = "roi") -> list[Path]:
    """Write the ROI case in ``formats``; the workbook (editable) is replaced only with ``force``."""
    from crm_readiness.render.finance import ROI_RENDERERS

    outputs = OutputSet(force=force)
    for name in formats:
        fmt = Format(name)
        outputs.add(out_dir / f"{stem}{fmt.suffix}", partial(ROI_RENDERERS[fmt], case, lang),
                    editable=fmt == Format.xlsx)
    return outputs.commit()


def write_tco(comparison: TcoComparison, stems: Sequence[str], out_dir: Path,
              formats: Sequence[str], lang: Lang, *, force: bool = False,
              stem: str = "tco") -> list[Path]:
    """Write the TCO report; with several cases one workbook per case (``tco-<stem>.xlsx``)."""
    from crm_readiness.render.finance import TCO_RENDERERS, case_workbook

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
        outputs.add(out_dir / f"{stem}{fmt.suffix}", partial(TCO_RENDERERS[fmt], comparison, lang))
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
    tco_line = bi(f"Lowest 3-year TCO: {cheapest.vendor} ({money(cheapest.risk_adjusted.tco_nominal)}"
                  f" {cheapest.currency})",
                  f"三年 TCO 最低：{cheapest.vendor}（{money(cheapest.risk_adjusted.tco_nominal)} "
                  f"{cheapest.currency}）")
    return [
        DemoEntry(section, bi("ROI report (risk-adjusted business case)", "投资回报报告（风险调整后）"),
                  "finance/roi.html", bi(summary("en"), summary("zh"))),
        DemoEntry(section, bi("Live finance workbook (Excel / LibreOffice)", "可联动的财务工作簿"),
                  "finance/roi.xlsx", None),
        DemoEntry(section, bi("TCO comparison of the three vendors", "三家供应商 TCO 对比"),
                  "finance/tco-comparison.html", tco_line),
    ]
