"""Finance tests compute their expectations at the engine's Decimal precision."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import localcontext

import pytest

from crm_readiness.engine.finance.metrics import CONTEXT


@pytest.fixture(autouse=True)
def engine_precision() -> Iterator[None]:
    with localcontext(CONTEXT):
        yield
