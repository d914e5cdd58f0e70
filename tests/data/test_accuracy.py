"""Zero-config duplicate accuracy: the drafted rules, unedited, on the seeded generator.

The same measurement at 200 k rows (and 20 k, 1 M) is benchmarks/data_accuracy.py.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from crm_readiness.engine.data import DataTable, ProfileOptions, profile
from crm_readiness.engine.data.infer import draft_rules
from crm_readiness.engine.data.linkage import cluster_precision, estimate, level_matrix
from crm_readiness.io.data_sources import open_export
from crm_readiness.workflows.data import write_synthetic_csv

ROWS = 4000


def _pairs(table: DataTable) -> set[tuple[int, int]]:
    got = table.conn.execute(
        "SELECT a.rid, b.rid FROM _cr_clusters a JOIN _cr_clusters b "
        "ON a.cid = b.cid AND a.rid < b.rid").fetchall()
    return {(int(a), int(b)) for a, b in got}


def test_drafted_rules_unedited_precision_recall_and_estimate(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    truth = write_synthetic_csv(path, ROWS, seed=11)
    with open_export([path]) as table:
        rules = draft_rules(table)
        assert rules.duplicates is not None and rules.duplicates.fuzzy is not None
        assert rules.duplicates.fuzzy.method == "probabilistic"
        result = profile(table, rules, ProfileOptions(fuzzy=True))
        found = _pairs(table)
    true = truth.pairs()
    hit = len(found & true)
    precision, recall = hit / len(found), hit / len(true)
    assert precision >= 0.98, precision
    assert recall >= 0.95, recall
    estimate_ = result.duplicates.precision_estimate
    assert estimate_ is not None and abs(estimate_ - precision) <= 0.03, (estimate_, precision)
    assert result.duplicates.estimated is not None


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


def test_fuzzy_run_keeps_every_exact_key_link(tmp_path: Path) -> None:
    """Three rows sharing one credit code and e-mail, names unlike: one cluster."""
    import random

    from crm_readiness.engine.data.synthetic import _rand_uscc

    rng = random.Random(3)
    code = _rand_uscc(rng)
    rows = [["华瑞机械有限公司", code, "hr@hr.cn", "王伟", "13800000001", "上海"],
            ["东方物流股份有限公司", code, "hr@hr.cn", "李娜", "13900000002", "上海"],
            ["新锐电子公司", code, "", "张强", "13700000003", "上海"]]
    rows += [[f"{a}{b}科技有限公司", "", f"u{i}@x.cn", "赵敏", f"1350000{i:04d}", "北京"]
             for i, (a, b) in enumerate(zip("天成中联同创海纳蓝海正和安信", "瀚宇德润众合凯旋明辉联创", strict=False))]
    path = tmp_path / "x.csv"
    _write(path, ["company", "credit code", "email", "contact", "mobile", "city"], rows)
    with open_export([path]) as table:
        rules = draft_rules(table)
        result = profile(table, rules, ProfileOptions(fuzzy=True))
        clusters = table.conn.execute(
            "SELECT list(rid ORDER BY rid) FROM _cr_clusters GROUP BY cid").fetchall()
    assert [0, 1, 2] in [c[0] for c in clusters]
    assert result.duplicates.fuzzy_run


def test_guards_namesakes_and_template_addresses(tmp_path: Path) -> None:
    header = ["客户名称", "联系人", "手机", "城市", "地址"]
    rows = [["华瑞机械有限公司", "王伟", "13800000001", "上海", "上海市高新区123号"],
            ["华瑞机械有限公司", "王伟", "13800000002", "北京", "北京市高新区123号"],
            ["恒达电子有限公司", "李娜", "13800000003", "杭州", "杭州市高新区123号"],
            ["恒远电子有限公司", "李娜", "13800000004", "杭州", "杭州市高新区128号"],
            ["上海鼎盛贸易公司", "赵敏", "13800000005", "", ""],
            ["鼎盛贸易（北京）有限公司", "赵敏", "13800000006", "", ""]]
    path = tmp_path / "y.csv"
    _write(path, header, rows)
    with open_export([path]) as table:
        from crm_readiness.models.data.rules import DataRules

        rules = DataRules.model_validate({"columns": {"手机": {"format": "cn_mobile"}}, "duplicates": {
            "keys": ["手机"], "fuzzy": {
                "threshold": 0.6, "min_agreeing": 1, "guards": ["城市"],
                "fields": [{"column": "客户名称", "kind": "company_name", "weight": 4},
                           {"column": "联系人", "kind": "exact"},
                           {"column": "地址", "kind": "address", "weight": 3}],
                "blocking": [{"columns": ["联系人"]}]}}})
        profile(table, rules, ProfileOptions(fuzzy=True))
        n = table.conn.execute("SELECT count(*) FROM _cr_clusters").fetchall()[0][0]
        # the same rules without the guards and with the address as plain text over-merge
        loose = rules.model_copy(deep=True)
        assert loose.duplicates is not None and loose.duplicates.fuzzy is not None
        fz = loose.duplicates.fuzzy.model_copy(update={
            "guards": (), "fields": tuple(f.model_copy(update={"kind": "text"})
                                          if f.kind == "address" else f
                                          for f in loose.duplicates.fuzzy.fields)})
        loose = loose.model_copy(update={"duplicates": loose.duplicates.model_copy(
            update={"fuzzy": fz})})
        profile(table, loose, ProfileOptions(fuzzy=True))
        m = table.conn.execute("SELECT count(*) FROM _cr_clusters").fetchall()[0][0]
    assert n == 0
    assert m >= 4  # namesakes (no city guard) and the template addresses joined


def test_draft_recognises_english_headers_and_requires_the_key(tmp_path: Path) -> None:
    from crm_readiness.engine.data.synthetic import generate

    data, _ = generate(1500, seed=5)
    header = ["id", "company", "credit code", "contact", "mobile", "landline", "email", "city",
              "address", "industry", "level", "updated"]
    path = tmp_path / "en.csv"
    _write(path, header, data)
    with open_export([path]) as table:
        rules = draft_rules(table, estimate=False)
    cols = rules.columns
    assert cols["landline"].format == "cn_landline" and cols["landline"].city_column == "city"
    assert cols["mobile"].format == "cn_mobile" and cols["email"].format == "email"
    assert cols["credit code"].format == "cn_uscc" and cols["credit code"].required
    assert cols["updated"].format == "date" and cols["updated"].max_age_days
    assert rules.duplicates is not None and rules.duplicates.fuzzy is not None
    kinds = {f.column: f.kind for f in rules.duplicates.fuzzy.fields}
    assert kinds["company"] == "company_name" and kinds["address"] == "address"
    assert kinds["contact"] == "exact" and kinds["landline"] == "exact"
    assert rules.duplicates.fuzzy.guards == ("city",)
    assert set(rules.duplicates.keys) == {"mobile", "email", "credit code"}


def test_em_recovers_known_m_and_u() -> None:
    rng = np.random.default_rng(1)
    n, share = 40_000, 0.3
    match = rng.random(n) < share
    m = [[0.9, 0.1], [0.8, 0.2], [0.95, 0.05]]
    u = [[0.05, 0.95], [0.1, 0.9], [0.2, 0.8]]
    lev = np.zeros((n, 3), dtype=np.int8)
    for j in range(3):
        p_agree = np.where(match, m[j][0], u[j][0])
        lev[:, j] = (rng.random(n) >= p_agree).astype(np.int8)
    rand = np.stack([(rng.random(5000) >= u[j][0]).astype(np.int8) for j in range(3)], axis=1)
    est = estimate(lev, rand, [1, 1, 1])
    assert est.prior == pytest.approx(share, abs=0.02)
    for j in range(3):
        assert est.m[j][0] == pytest.approx(m[j][0], abs=0.03)
        assert est.u[j][0] == pytest.approx(u[j][0], abs=0.03)


def test_levels_and_cluster_precision() -> None:
    sims = np.array([[1.0, -1.0], [0.9, 0.0], [0.4, 1.0]])
    assert level_matrix(sims, [(1.0, 0.85), (1.0,)]).tolist() == [[0, -1], [1, 1], [2, 0]]
    # a chain a-b-c: the weak link b-c, if wrong, makes pairs a-c and b-c wrong (2 of 3)
    left, right = np.array([0, 1]), np.array([1, 2])
    got = cluster_precision(left, right, np.array([1.0, 0.7]))
    assert got == pytest.approx(1 - 0.3 * 2 / 3)
    assert cluster_precision(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)) is None
