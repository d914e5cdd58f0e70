"""The profile engine: hand-computed metrics on a tiny export, exact counts on synthetic data."""

from __future__ import annotations

from datetime import date

import pytest

from crm_readiness.engine.data import DataTable, ProfileOptions, profile
from crm_readiness.engine.data.synthetic import HUB_MOBILE, HUB_SERVICE
from crm_readiness.io.data_sources import load_rules, open_export
from crm_readiness.models.data.result import DataProfileResult
from crm_readiness.models.data.rules import DataRules
from tests.data.conftest import DATA_ASSETS, Synthetic


@pytest.fixture(scope="module")
def small() -> DataProfileResult:
    with open_export([DATA_ASSETS / "small.csv"]) as table:
        rules = load_rules(DATA_ASSETS / "small_rules.yaml", table.columns)
        return profile(table, rules, ProfileOptions(rules_source="small_rules.yaml"))


def test_small_column_counts_hand_computed(small: DataProfileResult) -> None:
    c = {col.name: col for col in small.columns}
    name, mobile, mail = c["客户名称"], c["手机"], c["邮箱"]
    assert (name.missing, name.placeholders, name.changed) == (1, 1, 1)  # 无; full-width （）
    assert (mobile.missing, mobile.invalid, mobile.valid, mobile.changed) == (1, 2, 2, 2)
    assert (mobile.distinct, mobile.duplicate_values) == (1, 1)
    assert (mail.missing, mail.invalid, mail.valid, mail.changed) == (1, 2, 2, 1)
    tel = c["座机"]
    assert (tel.missing, tel.invalid, tel.consistency_checked, tel.inconsistent) == (2, 1, 2, 1)
    when = c["最近联系日期"]
    assert (when.missing, when.invalid, when.changed) == (1, 1, 2)
    assert (when.timeliness_checked, when.stale) == (3, 1)  # 2024-01-01 < 2025-01-01 − 365 d
    level = c["等级"]
    assert (level.invalid, level.changed) == (1, 1)
    assert {e.raw: e.normalised for e in mobile.change_examples} == {
        "138 1234 5678": "13812345678", "+86 13812345678": "13812345678"}
    assert set(mail.invalid_examples) == {"wang@163", "-1"}
    assert name.invalid == 1


def test_small_dimensions_and_score_hand_computed(small: DataProfileResult) -> None:
    dims = {d.dimension: d.value for d in small.dimensions}
    assert dims["completeness"] == pytest.approx(9 / 10)  # required: 客户名称, 城市
    assert dims["validity"] == pytest.approx(16 / 24)  # 客户名称 has a pattern: "@evil corp" fails
    assert dims["uniqueness"] == pytest.approx(4 / 5)  # rows 1 and 2 share mobile + e-mail
    assert dims["consistency"] == pytest.approx(1 / 2)
    assert dims["timeliness"] == pytest.approx(2 / 3)
    expected = 0.3 * 0.9 + 0.3 * (2 / 3) + 0.2 * 0.8 + 0.1 * 0.5 + 0.1 * (2 / 3)
    assert small.readiness.value == pytest.approx(expected)
    # row 5 (无: missing name) and row 6 (name breaks the pattern) fail the mandatory fields
    assert (small.records_passing, small.record_pass_rate) == (3, pytest.approx(0.6))
    assert small.issue_rows == 3
    assert small.normalisation_changes == 1 + 2 + 1 + 2 + 1


def test_small_cluster_and_survivor(small: DataProfileResult) -> None:
    d = small.duplicates
    assert (d.clusters, d.records_in_clusters, d.redundant_records) == (1, 2, 1)
    cluster = d.listed[0]
    assert [m.row for m in cluster.members] == [2, 3]
    assert [m.survivor for m in cluster.members] == [True, False]  # row 2 is more complete
    assert {e.column for e in d.exact} == {"手机", "邮箱"}


def test_not_assessed_is_not_zero() -> None:
    rules = DataRules.model_validate({"columns": {"客户名称": {"required": True}}})
    with open_export([DATA_ASSETS / "small.csv"]) as table:
        result = profile(table, rules, ProfileOptions(as_of=date(2025, 1, 1)))
    dims = {d.dimension: d.value for d in result.dimensions}
    assert dims["consistency"] is None and dims["timeliness"] is None
    assert dims["uniqueness"] is None and dims["validity"] is None
    assert result.readiness.dimensions_used == ("completeness",)
    assert result.readiness.value == pytest.approx(4 / 5)


COLUMNS = ["统一社会信用代码", "手机", "座机", "邮箱", "行业", "客户等级", "最近联系日期"]


@pytest.mark.parametrize("column", COLUMNS)
def test_synthetic_exact_counts(profiled: tuple[DataProfileResult, DataTable],
                                synthetic: Synthetic, column: str) -> None:
    result, _ = profiled
    truth = synthetic.truth
    col = result.column(column)
    assert col is not None
    missing = truth.count(column, "placeholder") + truth.count(column, "blank")
    assert col.missing == missing
    assert col.placeholders == truth.count(column, "placeholder")
    assert col.invalid == truth.count(column, "invalid")
    assert col.changed == truth.count(column, "changed")
    assert col.valid == truth.rows - missing - truth.count(column, "invalid")


def test_synthetic_consistency_timeliness_records(
        profiled: tuple[DataProfileResult, DataTable], synthetic: Synthetic) -> None:
    result, _ = profiled
    truth = synthetic.truth
    tel = result.column("座机")
    assert tel is not None and tel.inconsistent == truth.inconsistent
    when = result.column("最近联系日期")
    assert when is not None and when.stale == truth.stale()
    assert result.rows - result.records_passing == truth.required_fail
    ids = result.column("客户编号")
    assert ids is not None and ids.duplicate_values == truth.duplicate_ids
    name = result.column("客户名称")
    assert name is not None and name.changed == truth.count("客户名称", "changed")


def _pairs(table: DataTable) -> set[tuple[int, int]]:
    rows = table.conn.execute(
        "SELECT a.rid, b.rid FROM _cr_clusters a JOIN _cr_clusters b "
        "ON a.cid = b.cid AND a.rid < b.rid").fetchall()
    return {(int(a), int(b)) for a, b in rows}


def test_synthetic_duplicates_precision_recall(
        profiled: tuple[DataProfileResult, DataTable], synthetic: Synthetic) -> None:
    result, table = profiled
    found, true = _pairs(table), synthetic.truth.pairs()
    assert true, "the generator made duplicate groups"
    precision = len(found & true) / len(found)
    recall = len(found & true) / len(true)
    assert precision >= 0.95, precision
    assert recall >= 0.90, recall
    assert result.duplicates.fuzzy_run
    assert result.duplicates.candidate_pairs < 20 * result.rows  # blocking: near-linear work


def test_hubs_found_and_not_chaining(profiled: tuple[DataProfileResult, DataTable]) -> None:
    result, table = profiled
    hubs = {(h.column, h.value): h.records for h in result.duplicates.hubs}
    assert hubs[("手机", HUB_MOBILE)] >= 8
    assert hubs[("座机", HUB_SERVICE)] >= 8
    biggest = table.conn.execute(
        "SELECT max(n) FROM (SELECT count(*) AS n FROM _cr_clusters GROUP BY cid)").fetchone()[0]
    assert biggest <= 4  # no cluster chained through a hub (groups have at most 4 records)


def test_cluster_evidence(profiled: tuple[DataProfileResult, DataTable]) -> None:
    result, _ = profiled
    cluster = result.duplicates.listed[0]
    assert cluster.size == len(cluster.members) >= 2
    assert sum(m.survivor for m in cluster.members) == 1
    assert cluster.evidence
    for ev in cluster.evidence:
        assert ev.score >= 0.7
        assert any(f.column == "客户名称" for f in ev.fields)
        assert all(0 <= f.similarity <= 1 for f in ev.fields)


def test_exact_only_mode(synthetic: Synthetic) -> None:
    with open_export([synthetic.csv]) as table:
        rules = load_rules(synthetic.rules, table.columns)
        result = profile(table, rules, ProfileOptions(fuzzy=False, rules_source="r"))
        found = _pairs(table)
    assert not result.duplicates.fuzzy_run
    assert "fuzzy_off" in result.notes
    true = synthetic.truth.pairs()
    assert len(found & true) / len(found) >= 0.95
