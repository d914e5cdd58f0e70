"""The drafted model estimated on a record sample of a large export (train.MAX_RECORDS)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_readiness.engine.data import ProfileOptions, profile, train
from crm_readiness.engine.data.infer import draft_rules
from crm_readiness.io.data_sources import open_export
from crm_readiness.workflows.data import write_synthetic_csv

ROWS = 4000


def test_model_estimated_on_a_record_sample_keeps_the_accuracy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "customers.csv"
    truth = write_synthetic_csv(path, ROWS, seed=11)
    monkeypatch.setattr(train, "MAX_RECORDS", ROWS // 2)
    with open_export([path]) as table:
        rules = draft_rules(table)
        tables = {r[0] for r in table.conn.execute("SHOW TABLES").fetchall()}
        assert not any(t.startswith("_cr_train") for t in tables)  # the sample is dropped
        assert rules.duplicates is not None and rules.duplicates.fuzzy is not None
        est = rules.duplicates.fuzzy.estimated
        assert est is not None
        # random pairs are drawn among the sampled records: at most 5 per record
        assert est.random_pairs <= 5 * (ROWS // 2) * 1.1
        result = profile(table, rules, ProfileOptions(fuzzy=True))
        got = table.conn.execute("SELECT a.rid, b.rid FROM _cr_clusters a JOIN _cr_clusters b "
                                 "ON a.cid = b.cid AND a.rid < b.rid").fetchall()
    found = {(int(a), int(b)) for a, b in got}
    true = truth.pairs()
    hit = len(found & true)
    precision, recall = hit / len(found), hit / len(true)
    assert precision >= 0.98 and recall >= 0.95, (precision, recall)
    estimate = result.duplicates.precision_estimate
    assert estimate is not None and abs(estimate - precision) <= 0.03, (estimate, precision)


def test_sample_is_seeded_and_uniform(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "customers.csv"
    write_synthetic_csv(path, ROWS, seed=3)
    monkeypatch.setattr(train, "MAX_RECORDS", 1000)
    with open_export([path]) as table:
        first, name, _kept = train._record_sample(table, None)
        rows_a = [r[0] for r in table.conn.execute(f"SELECT rowid FROM {name}").fetchall()]
        ids_a = [r[0] for r in table.conn.execute(f'SELECT "客户编号" FROM {name}').fetchall()]
        _, name, _kept = train._record_sample(table, None)
        ids_b = [r[0] for r in table.conn.execute(f'SELECT "客户编号" FROM {name}').fetchall()]
    assert ids_a == ids_b  # reproducible
    assert 850 <= first.rows <= 1150 and first.rows == len(rows_a)
    # drawn from the whole export, not its head
    numbers = sorted(int(i[1:]) for i in ids_a if i and i[1:].isdigit())
    assert numbers[len(numbers) // 2] > ROWS // 4


def test_sample_keeps_labelled_records_and_renumbers_them(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A steward's labelled pairs stay in the record sample, at their new record numbers."""
    import numpy as np

    path = tmp_path / "customers.csv"
    write_synthetic_csv(path, ROWS, seed=3)
    monkeypatch.setattr(train, "MAX_RECORDS", 200)
    with open_export([path]) as table:
        plain, _, kept_plain = train._record_sample(table, None)
        assert kept_plain is not None
        outside = np.array([r for r in range(ROWS) if r not in set(kept_plain.tolist())][:6])
        sample, name, kept = train._record_sample(table, outside)
        assert kept is not None and set(outside.tolist()) <= set(kept.tolist())
        assert sample.rows == len(kept) == plain.rows + len(outside)
        new = np.searchsorted(kept, outside)
        for old, at in zip(outside.tolist(), new.tolist(), strict=True):
            want = table.conn.execute(f'SELECT "客户编号" FROM {table.table} WHERE rowid = {old}').fetchone()
            got = table.conn.execute(f'SELECT "客户编号" FROM {name} WHERE rowid = {at}').fetchone()
            assert want == got
