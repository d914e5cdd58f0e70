"""Group AHP: three hand-built panelist matrices, aggregated by the geometric mean of the
judgements (AIJ) or of the priorities (AIP), against an independent computation written here
(pure Python: element-wise geometric mean, then the principal eigenvector by power iteration).

Panelist matrices over (a, b, c, d):
  p1 (Saaty-style, CR 0.007)             a:b 3, a:c 5, a:d 7, b:c 2, b:d 3, c:d 2
  p2 (consistent: weights 4:2:1:1)       a:b 2, a:c 4, a:d 4, b:c 2, b:d 2, c:d 1
  p3 (disagrees; inconsistent, CR 0.24)  a:b 1, a:c 1/2, a:d 3, b:c 1/3, b:d 1/4, c:d 4
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from crm_readiness.engine.vendors.ahp import group_ahp
from crm_readiness.models.vendors import AhpSpec

IDS = ["a", "b", "c", "d"]
PANEL: dict[str, dict[str, dict[str, float | str]]] = {
    "p1": {"a": {"b": 3, "c": 5, "d": 7}, "b": {"c": 2, "d": 3}, "c": {"d": 2}},
    "p2": {"a": {"b": 2, "c": 4, "d": 4}, "b": {"c": 2, "d": 2}, "c": {"d": 1}},
    "p3": {"a": {"b": 1, "c": "1/2", "d": 3}, "b": {"c": "1/3", "d": "1/4"}, "c": {"d": 4}},
}
RI4 = 0.90


def _matrix(judgements: dict[str, dict[str, float | str]]) -> list[list[float]]:
    n = len(IDS)
    m = [[1.0] * n for _ in range(n)]
    for x, row in judgements.items():
        for y, v in row.items():
            value = float(Fraction(str(v)))
            m[IDS.index(x)][IDS.index(y)] = value
            m[IDS.index(y)][IDS.index(x)] = 1 / value
    return m


def _power(m: list[list[float]]) -> tuple[list[float], float]:
    """Principal eigenvector (sum 1) and eigenvalue of a positive matrix by power iteration."""
    n = len(m)
    w = [1.0 / n] * n
    for _ in range(10_000):
        nxt = [sum(m[i][j] * w[j] for j in range(n)) for i in range(n)]
        s = sum(nxt)
        nxt = [x / s for x in nxt]
        if max(abs(a - b) for a, b in zip(nxt, w, strict=True)) < 1e-15:
            w = nxt
            break
        w = nxt
    lam = sum(sum(m[i][j] * w[j] for j in range(n)) / w[i] for i in range(n)) / n
    return w, lam


def _cr(lam: float) -> float:
    return max((lam - 4) / 3, 0.0) / RI4


def _geomean(mats: list[list[list[float]]]) -> list[list[float]]:
    n = len(IDS)
    return [[math.exp(sum(math.log(m[i][j]) for m in mats) / len(mats)) for j in range(n)]
            for i in range(n)]


def test_group_weights_by_geometric_mean_of_judgements_equal_an_independent_computation(
        ) -> None:
    res = group_ahp(IDS, PANEL)
    mats = [_matrix(PANEL[p]) for p in ("p1", "p2", "p3")]
    g = _geomean(mats)
    w, lam = _power(g)
    assert res.aggregate == "judgements"
    assert res.weights == pytest.approx(w, abs=1e-6)
    assert res.lambda_max == pytest.approx(lam, abs=1e-6)
    assert res.cr == pytest.approx(_cr(lam), abs=1e-6)
    for i in range(4):
        for j in range(4):
            assert res.matrix[i][j] == pytest.approx(g[i][j], rel=1e-12)
            assert res.matrix[i][j] * res.matrix[j][i] == pytest.approx(1.0)  # reciprocal
    # each panelist's own weights and CR
    assert [p.panelist for p in res.panelists] == ["p1", "p2", "p3"]
    for p, m in zip(res.panelists, mats, strict=True):
        wp, lp = _power(m)
        assert p.weights == pytest.approx(wp, abs=1e-6)
        assert p.cr == pytest.approx(_cr(lp), abs=1e-6)
        assert p.consistent == (p.cr <= 0.10)
    p2 = res.panelists[1]
    assert p2.weights == pytest.approx([0.5, 0.25, 0.125, 0.125], abs=1e-9)
    assert p2.cr == pytest.approx(0.0, abs=1e-9)
    assert res.panelists[2].cr > 0.10 and not res.panelists[2].consistent  # reported
    assert res.consistent == (res.cr <= 0.10)


def test_aggregating_priorities_takes_the_geometric_mean_of_the_weights() -> None:
    res = group_ahp(IDS, PANEL, aggregate="priorities")
    vectors = [_power(_matrix(PANEL[p]))[0] for p in ("p1", "p2", "p3")]
    gm = [math.exp(sum(math.log(v[i]) for v in vectors) / 3) for i in range(4)]
    expected = [x / sum(gm) for x in gm]
    assert res.aggregate == "priorities"
    assert res.weights == pytest.approx(expected, abs=1e-6)
    # the CR reported is the geometric-mean matrix's
    assert res.cr == pytest.approx(_cr(_power(_geomean([_matrix(PANEL[p]) for p in PANEL]))[1]),
                                   abs=1e-6)


def test_spec_takes_one_judge_or_a_panel_not_both() -> None:
    from pydantic import ValidationError

    AhpSpec.model_validate({"panelists": PANEL})
    with pytest.raises(ValidationError):
        AhpSpec.model_validate({"panelists": PANEL, "comparisons": PANEL["p1"]})
    with pytest.raises(ValidationError):
        AhpSpec.model_validate({})


def test_vendors_file_with_a_panel_ahp_is_checked_per_panelist(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from crm_readiness.errors import InputFileError
    from crm_readiness.io.vendors import load_vendors
    from tests.vendors.conftest import ASSETS

    text = (ASSETS / "vendors.yaml").read_text(encoding="utf-8")
    head, rest = text.split("criteria:", 1)
    rest = rest.replace("weight: 0.5, ", "").replace("    weight: 30%\n", "").replace(
        "weight: 0.2, ", "")
    block = ("ahp:\n  aggregate: judgements\n  panelists:\n"
             "    li: {fit: {usability: 3, cost: 5}, usability: {cost: 2}}\n"
             "    wang: {fit: {usability: 2, cost: 3}, usability: {cost: 1}}\n")
    (tmp_path / "catalogue.yaml").write_text((ASSETS / "catalogue.yaml").read_text("utf-8"),
                                             encoding="utf-8")
    good = tmp_path / "vendors.yaml"
    good.write_text(head + block + "criteria:" + rest, encoding="utf-8")
    vf, cat, _ = load_vendors(good)
    from crm_readiness.engine.vendors import compare

    res = compare(cat, vf)
    assert res.ahp is not None and len(res.ahp.panelists) == 2
    assert sum(c.weight for c in res.criteria) == pytest.approx(1.0)
    bad = tmp_path / "bad.yaml"
    bad.write_text(head + block.replace("usability: {cost: 1}", "usability: {}")
                   + "criteria:" + rest, encoding="utf-8")
    with pytest.raises(InputFileError) as err:
        load_vendors(bad)
    assert "ahp.panelists.wang" in err.value.text("en")
    assert "missing comparison of pair (usability, cost)" in err.value.text("en")


SUB = ("ahp:\n  comparisons: {fit: {value: 3}}\n  groups:\n    value:\n"
       "      name: {en: Value for money, zh: 性价比}\n      criteria: [usability, cost]\n"
       "      comparisons: {usability: {cost: 2}}\n")


def _sub_case(tmp_path, block: str = SUB):  # type: ignore[no-untyped-def]
    from tests.vendors.conftest import ASSETS

    text = (ASSETS / "vendors.yaml").read_text(encoding="utf-8")
    head, rest = text.split("criteria:", 1)
    rest = rest.replace("weight: 0.5, ", "").replace("    weight: 30%\n", "").replace(
        "weight: 0.2, ", "")
    (tmp_path / "catalogue.yaml").write_text((ASSETS / "catalogue.yaml").read_text("utf-8"),
                                             encoding="utf-8")
    path = tmp_path / "vendors.yaml"
    path.write_text(head + block + "criteria:" + rest, encoding="utf-8")
    return path


def test_sub_criteria_split_a_groups_weight_by_its_own_matrix(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Top: fit 3× value → 3/4, 1/4; in the group usability 2× cost → 2/3, 1/3; so
    fit 0.75, usability 1/6, cost 1/12 (by hand)."""
    from crm_readiness.engine.vendors import compare
    from crm_readiness.io.vendors import load_vendors
    from crm_readiness.render import Format
    from crm_readiness.render.vendors.reports import render_comparison, render_json

    vf, cat, _ = load_vendors(_sub_case(tmp_path))
    res = compare(cat, vf)
    assert res.ahp is not None and res.ahp.criteria == ("fit", "value")
    assert res.ahp.weights == pytest.approx((0.75, 0.25), abs=1e-9)
    (g,) = res.ahp.groups
    assert g.id == "value" and g.weight == pytest.approx(0.25)
    assert g.result.weights == pytest.approx((2 / 3, 1 / 3), abs=1e-9)
    weights = {c.id: c.weight for c in res.criteria}
    assert weights == pytest.approx({"fit": 0.75, "usability": 1 / 6, "cost": 1 / 12}, abs=1e-9)
    x = res.vendor("x")
    expected = sum(weights[c.id] * c.score for c in x.criteria) / 5 * 100
    assert x.total == pytest.approx(expected)
    html = render_comparison(res, cat, "en", Format.html)
    assert "Sub-criteria" in html and "Value for money (25.0%)" in html and "16.7%" in html
    md = render_comparison(res, cat, "zh", Format.md)
    assert "子维度" in md and "性价比 (25.0%)" in md
    assert '"groups"' in render_json(res)
    import io
    from datetime import UTC, datetime

    import openpyxl

    from crm_readiness.render.vendors.workbook import render_comparison_workbook

    wb = openpyxl.load_workbook(io.BytesIO(render_comparison_workbook(
        res, cat, "en", datetime(2025, 1, 2, tzinfo=UTC))))
    numbers = [c.value for row in wb["Config"].iter_rows() for c in row
               if isinstance(c.value, float)]
    assert any(abs(v - 1 / 6) < 1e-9 for v in numbers)  # the derived weight is used live
    labels = [c.value for row in wb["Config"].iter_rows() for c in row]
    assert "Group (weight): value" in labels  # the group's own matrix as a snapshot
    assert any(abs(v - 2 / 3) < 1e-9 for v in numbers)  # usability's share in the group


def test_sub_criteria_from_a_panel_equal_the_geometric_mean_computation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from crm_readiness.engine.vendors import compare
    from crm_readiness.io.vendors import load_vendors

    block = SUB.replace("      comparisons: {usability: {cost: 2}}\n",
                        "      panelists:\n        li: {usability: {cost: 2}}\n"
                        "        wang: {usability: {cost: 8}}\n")
    vf, cat, _ = load_vendors(_sub_case(tmp_path, block))
    (g,) = compare(cat, vf).ahp.groups  # type: ignore[union-attr]
    r = math.sqrt(2 * 8)  # geometric mean of the two judgements: 4 → 4/5, 1/5
    assert g.result.weights == pytest.approx((r / (r + 1), 1 / (r + 1)), abs=1e-9)
    assert [p.panelist for p in g.result.panelists] == ["li", "wang"]


@pytest.mark.parametrize(("block", "where", "text"), [
    (SUB.replace("criteria: [usability, cost]", "criteria: [usability, nope]"),
     "ahp.groups.value.criteria", "nope is not a criterion of this file"),
    (SUB.replace("    value:\n", "    usability:\n").replace("{fit: {value: 3}}",
                                                             "{fit: {usability: 3}}"),
     "ahp.groups.usability", "has the id of a criterion"),
    (SUB.replace("{usability: {cost: 2}}", "{}"),
     "ahp.groups.value.comparisons", "missing comparison of pair (usability, cost)"),
    (SUB.replace("{fit: {value: 3}}", "{fit: {usability: 3}}"),
     "ahp.comparisons", "unknown criterion 'usability'"),
])
def test_sub_criteria_mistakes_are_located(tmp_path, block: str, where: str,  # type: ignore[no-untyped-def]
                                           text: str) -> None:
    from crm_readiness.errors import InputFileError
    from crm_readiness.io.vendors import load_vendors

    with pytest.raises(InputFileError) as err:
        load_vendors(_sub_case(tmp_path, block))
    assert where in err.value.text("en") and text in err.value.text("en")
    assert err.value.text("zh") != err.value.text("en")
