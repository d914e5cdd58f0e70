"""Rendered reports: every format has a renderer, HTML escapes input text, zh is Chinese."""

from __future__ import annotations

import json
import re
from decimal import Decimal as D

from crm_readiness._resources import examples_dir
from crm_readiness.engine.finance import build_case, compare_tco
from crm_readiness.io.finance import load_benefits, load_costs
from crm_readiness.render.finance import FORMATS, ROI_RENDERERS, TCO_RENDERERS
from tests.finance._cases import amount, benefits, costs
from tests.finance._schema import errors

DEMO = examples_dir() / "demo"


def _demo():  # type: ignore[no-untyped-def]
    c = load_costs(DEMO / "costs.yaml")
    return build_case(c, load_benefits(DEMO / "benefits.yaml", c))


def test_every_format_has_a_renderer() -> None:
    for fmt in FORMATS:
        assert fmt in ROI_RENDERERS
    assert set(TCO_RENDERERS) == set(FORMATS) - {"xlsx"}  # xlsx: one workbook per vendor


def test_roi_html_has_summary_charts_and_method() -> None:
    html = ROI_RENDERERS["html"](_demo(), "en").decode()  # type: ignore[index]
    assert html.count("<svg") >= 3  # cumulative, breakdown, tornado
    for words in ("Executive summary", "Risk-adjusted", "Unadjusted", "2,526,021", "21.7 months",
                  "Monte Carlo", "Break-even", "Assumptions", "Method", "Training and change"):
        assert words in html, words
    assert "<script" not in html


def test_roi_report_in_chinese() -> None:
    md = ROI_RENDERERS["md"](_demo(), "zh").decode()  # type: ignore[index]
    for words in ("净现值", "投资回报率", "内部收益率", "投资回收期", "总体拥有成本", "21.7 个月"):
        assert words in md, words


def test_html_escapes_text_from_inputs() -> None:
    evil = '<script>alert(1)</script>=HYPERLINK("http://x","y")'
    c = costs(title=evil, one_time=[{"id": "e", "name": evil, "category": "software",
                                     "amount": 10}])
    case = build_case(c, benefits([amount("b", 20, [1.0], name=evil)]))
    html = ROI_RENDERERS["html"](case, "en").decode()  # type: ignore[index]
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = ROI_RENDERERS["md"](case, "en").decode()  # type: ignore[index]
    assert "\\<script\\>" in md
    tco = TCO_RENDERERS["html"](compare_tco([c]), "en").decode()  # type: ignore[index]
    assert "<script>alert" not in tco


def test_json_money_has_exactly_two_decimals_and_rates_ten() -> None:
    raw = ROI_RENDERERS["json"](_demo(), "en").decode()  # type: ignore[index]
    data = json.loads(raw)
    assert data["risk_adjusted"]["npv"] == "2526020.63"
    assert data["sensitivity"]["monte_carlo"]["draws"] == 10000
    v = data["risk_adjusted"]
    for key in ("tco_nominal", "tco_pv", "benefits_pv", "cost_per_user_year"):
        assert re.fullmatch(r"-?\d+\.\d{2}", v[key]), (key, v[key])
    assert all(re.fullmatch(r"-?\d+\.\d{2}", x) for x in v["net"] + v["pv_net"])
    assert re.fullmatch(r"\d+\.\d{10}", v["irr"]["value"])
    mc = data["sensitivity"]["monte_carlo"]
    assert all(re.fullmatch(r"-?\d+\.\d{2}", mc[k]) for k in ("npv_p10", "npv_p50", "npv_mean"))
    assert "E-" not in raw and "E+" not in raw and '"-0.00"' not in raw


def test_tco_comparison_report_side_by_side() -> None:
    comparison = compare_tco([load_costs(DEMO / n) for n in
                              ("costs-yunfan.yaml", "costs-novasales.yaml", "costs-entlink.yaml")])
    md = TCO_RENDERERS["md"](comparison, "en").decode()  # type: ignore[index]
    for vendor in ("云帆CRM", "新智销", "企联通"):
        assert vendor in md
    assert "TCO comparison" in md and "| 1 |" in md
    totals = [comparison.cases[i].risk_adjusted.tco_nominal for i in comparison.ranking]
    assert totals == sorted(totals)


def test_demo_report_shows_the_new_views_and_a_distinct_tornado() -> None:
    case = _demo()
    md = ROI_RENDERERS["md"](case, "en").decode()  # type: ignore[index]
    for words in ("VAT (增值税)", "P&L view", "Funding: grants and subsidies",
                  "Qualitative benefits (not in the NPV)", "Flexibility (option) value",
                  "lies at the 68% point"):
        assert words in md, words
    sens = case.sensitivity
    assert sens is not None
    # no two bars from one multiplicative line: each line appears in at most one row
    lines = [r.line or r.driver.partition(".")[0] for r in sens.tornado
             if r.line or r.driver.partition(".")[2] in ("hours", "people", "rate", "uplift",
                                                          "baseline_revenue", "gross_margin")]
    assert len(lines) == len(set(lines))
    top = sens.tornado[0]
    assert top.line == "revenue_uplift" and len(top.factors) == 3
    swings = [r.swing.quantize(D("0.01")) for r in sens.tornado]
    assert len(swings) == len(set(swings)) or swings == sorted(swings, reverse=True)
    o = case.option_value
    assert o is not None and not o.in_headline
    assert o.npv_with_option == case.risk_adjusted.npv + o.pv and o.pv > 0


def test_finance_json_validates_against_the_published_schemas() -> None:
    from crm_readiness.models.finance.results import FinanceCase, TcoComparison
    from tests.conftest import REPO

    for name, model in (("finance-roi-result.schema.json", FinanceCase),
                        ("finance-tco-result.schema.json", TcoComparison)):
        published = json.loads((REPO / "docs" / name).read_text("utf-8"))
        assert published == model.model_json_schema(mode="serialization"), (
            f"docs/{name} is stale: run python -m tests.tools.regen_docs")
    # validated against the published schemas themselves (tests/finance/_schema.py)
    roi = json.loads(ROI_RENDERERS["json"](_demo(), "en"))  # type: ignore[index]
    tco = json.loads(TCO_RENDERERS["json"](compare_tco(  # type: ignore[index]
        [load_costs(DEMO / n) for n in ("costs-yunfan.yaml", "costs-novasales.yaml")]), "en"))
    for name, data in (("finance-roi-result.schema.json", roi),
                       ("finance-tco-result.schema.json", tco)):
        schema = json.loads((REPO / "docs" / name).read_text("utf-8"))
        assert errors(data, schema, schema) == [], name
    assert roi["risk_adjusted"]["npv"] == "2526020.63"
    # the validator does fail: a money string with one decimal, an unknown key
    roi["risk_adjusted"]["npv"] = "2526020.6"
    roi["risk_adjusted"]["surprise"] = 1
    schema = json.loads((REPO / "docs" / "finance-roi-result.schema.json").read_text("utf-8"))
    found = errors(roi, schema, schema)
    assert any("npv" in e and "does not match" in e for e in found)
    assert any("unexpected surprise" in e for e in found)
