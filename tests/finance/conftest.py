"""Finance tests compute their expectations at the engine's Decimal precision; the
LibreOffice recalculation of every finance workbook is one batch per session."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import localcontext
from pathlib import Path

import pytest

from crm_readiness.engine.finance.metrics import CONTEXT
from tests.conftest import shared_value
from tests.finance._books import Recalculated, recalculate_all
from tests.tools.libreoffice import REASON, SOFFICE


@pytest.fixture(autouse=True)
def engine_precision() -> Iterator[None]:
    with localcontext(CONTEXT):
        yield


@pytest.fixture(scope="session")
def recalculated(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Recalculated:
    """Every finance workbook recalculated by one LibreOffice process (about 70 files),
    once per suite run: its users, the tests of test_libreoffice.py, may run on two
    pytest-xdist workers; the second reads the first one's batch (tests/conftest.py)."""
    if SOFFICE is None:
        pytest.skip(REASON)

    def batch(folder: Path) -> Recalculated:
        with localcontext(CONTEXT):
            return recalculate_all(folder)

    return shared_value(tmp_path_factory, worker_id, "finance-lo", batch)
