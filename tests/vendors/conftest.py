"""Shared helpers for the vendor-selection tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_readiness.engine.vendors import compare
from crm_readiness.io.vendors import load_vendors
from crm_readiness.models.requirements import RequirementsCatalogue
from crm_readiness.models.vendors import Comparison, VendorsFile

ASSETS = Path(__file__).resolve().parent.parent / "assets" / "vendors"


@pytest.fixture
def assets() -> Path:
    """The folder of vendor test inputs."""
    return ASSETS


def load_case(name: str = "vendors.yaml") -> tuple[VendorsFile, RequirementsCatalogue]:
    """Load an asset vendors file with its catalogue."""
    vf, cat, _ = load_vendors(ASSETS / name)
    return vf, cat


def case_result(vf: VendorsFile | None = None) -> Comparison:
    """Return the comparison of the hand-computed case (or of a modified vendors file)."""
    base, cat = load_case()
    return compare(cat, vf or base)
