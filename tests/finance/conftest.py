"""Finance tests compute their expectations at the engine's Decimal precision; the
LibreOffice recalculation of every finance workbook is one batch per session."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import localcontext

import pytest

from crm_readiness.engine.finance.metrics import CONTEXT
from tests.finance._books import Recalculated, recalculate_all
from tests.tools.libreoffice import REASON, SOFFICE


@pytest.fixture(autouse=True)
def engine_precision() -> Iterator[None]:
    with localcontext(CONTEXT):
        yield


@pytest.fixture(scope="session")
def recalculated(tmp_path_factory: pytest.TempPathFactory) -> Recalculated:
    """Every finance workbook recalculated by one LibreOffice process (about 70 files).

    Its users are the tests of test_libreoffice.py, side by side so that pytest-xdist
    normally runs them on one worker (each worker that needs it runs the batch)."""
    if SOFFICE is None:
        pytest.skip(REASON)
    with localcontext(CONTEXT):
        return recalculate_all(tmp_path_factory.mktemp("finance-lo"))
