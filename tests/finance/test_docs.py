"""The finance guide's worked example is computed, not typed: its figures must match."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from crm_readiness.engine.finance import build_case
from crm_readiness.io.finance import load_benefits, load_costs
from crm_readiness.models.finance.results import FinanceCase
from crm_readiness.render.finance.labels import money, pct
from tests.conftest import REPO
from tests.tools.doc_examples import parse

GUIDE = REPO / "docs" / "finance.md"


def test_worked_example_figures_are_the_engines(tmp_path: Path) -> None:
    text = GUIDE.read_text("utf-8")
    folder = _examples(tmp_path)["worked"]
    costs = load_costs(folder / "costs.yaml")
    case = build_case(costs, load_benefits(folder / "benefits.yaml", costs))
    v, u = case.risk_adjusted, case.unadjusted
    assert v.irr.value is not None and v.payback.months is not None
    quoted = [money(v.npv, 2), money(v.tco_nominal, 2), money(v.tco_pv, 2),
              money(v.benefits_pv, 2), pct(v.roi_pv), pct(v.roi_simple), pct(v.irr.value, 2),
              f"{money(v.payback.months, 1)} months", money(v.cost_per_user_year, 2),
              money(u.npv, 2), pct(u.roi_simple)]
    for figure in quoted:
        assert f"**{figure}**" in text, figure
    assert case.seats == [100, 100, 110, 121]
    assert [money(x, 2) for x in v.net] == ["-287,500.00", "114,000.00", "334,470.00",
                                            "311,912.85"]


def test_guide_names_both_commands() -> None:
    text = GUIDE.read_text("utf-8")
    assert "crm-readiness tco" in text and "crm-readiness roi" in text


def _examples(tmp_path: Path) -> dict[str, Path]:
    """Write every ``file=group/name.yaml`` block of the guide; return group -> folder.

    (The guide's commands on them run in tests/test_doc_examples.py; here the engine's
    exact figures are compared with the ones the text quotes.)
    """
    groups: dict[str, Path] = {}
    for name, body in parse(GUIDE).files.items():
        group, _, file = name.partition("/")
        folder = groups.setdefault(group, tmp_path / group)
        folder.mkdir(exist_ok=True)
        (folder / file).write_text(body, "utf-8")
    return groups


def _case(folder: Path) -> FinanceCase:
    costs = load_costs(folder / "costs.yaml")
    return build_case(costs, load_benefits(folder / "benefits.yaml", costs), explore=False)


def test_yearly_amounts_example_is_the_engines(tmp_path: Path) -> None:
    text = GUIDE.read_text("utf-8")
    case = _case(_examples(tmp_path)["yearly"])
    v = case.risk_adjusted
    assert v.net == [-1000000, 200000, 600000, 700000]
    assert v.irr.value is not None and v.payback.months is not None
    for figure in (money(v.npv, 2), pct(v.irr.value), f"{money(v.payback.months, 1)} months",
                   money(v.tco_nominal, 2)):
        assert f"**{figure}**" in text, figure


def test_tax_funding_and_option_example_is_the_engines(tmp_path: Path) -> None:
    text = GUIDE.read_text("utf-8")
    case = _case(_examples(tmp_path)["views"])
    v, x, o = case.risk_adjusted, case.vat, case.option_value
    assert o is not None and case.qualitative and case.qualitative[0].owner.en == "Head of service"
    assert case.pnl.amortisation[1:] == [100000] * 3
    quoted = [x.input_vat, x.recoverable_vat, x.non_recoverable_vat, x.costs_including_vat,
              case.pnl.amortisation[1], v.funding_nominal, v.tco_net_nominal, v.npv,
              o.value_risk_adjusted, o.pv, o.npv_with_option]
    for figure in quoted:
        assert f"**{money(figure, 2)}**" in text, figure
    assert v.net == [-453000, 288000, 360000, 360000]
    # the option value stays outside the headline NPV
    assert abs(o.npv_with_option - v.npv - o.pv) < D("1e-30") and not o.in_headline


def test_guide_covers_the_issue_11_topics() -> None:
    text = GUIDE.read_text("utf-8")
    for heading in ("## Yearly amounts", "## Tax and accounting views",
                    "## Qualitative benefits and option value",
                    "## Comparing cases: the comparability rules"):
        assert heading in text, heading
    for term in ("ramp_rest: zero", "vat_recoverable", "amortisation_years", "funding:",
                 "observed_by", "in_headline", "--horizon N", "--rate USD=7.1",
                 "horizon_years: 3}", "final crossing", "company_size"):
        assert term in text, term
