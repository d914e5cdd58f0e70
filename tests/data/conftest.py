"""Fixtures of the data-readiness tests: a small synthetic export with known answers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from crm_readiness.engine.data import DataTable, ProfileOptions, profile
from crm_readiness.engine.data.synthetic import RULES_YAML, Truth
from crm_readiness.io.data_sources import load_rules, open_export
from crm_readiness.models.data.result import DataProfileResult
from crm_readiness.workflows.data import write_synthetic_csv as write_csv
from tests.conftest import ASSETS

DATA_ASSETS = ASSETS / "data"
SYN_ROWS = 2000


@dataclass
class Synthetic:
    csv: Path
    rules: Path
    truth: Truth


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Synthetic:
    folder = tmp_path_factory.mktemp("synthetic")
    csv_path = folder / "customers.csv"
    truth = write_csv(csv_path, SYN_ROWS, seed=7)
    rules = folder / "rules.yaml"
    rules.write_text(RULES_YAML, encoding="utf-8")
    return Synthetic(csv_path, rules, truth)


@pytest.fixture(scope="session")
def profiled(synthetic: Synthetic) -> Iterator[tuple[DataProfileResult, DataTable]]:
    with open_export([synthetic.csv]) as table:
        rules = load_rules(synthetic.rules, table.columns)
        yield profile(table, rules, ProfileOptions(rules_source=str(synthetic.rules))), table
