"""Every workbook-taking command over the hostile workbook corpus: exit 3, file named, en and zh."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile._cases import WORKBOOK_COMMANDS, workbook_files
from tests.hostile.conftest import hostile_path, known, run_hostile


@pytest.mark.parametrize("name", workbook_files())
@pytest.mark.parametrize("command", WORKBOOK_COMMANDS, ids=lambda c: c.id)
def test_hostile_workbook_is_a_located_input_error(command, name: str,  # type: ignore[no-untyped-def]
                                                   tmp_path: Path,
                                                   request: pytest.FixtureRequest) -> None:
    known(request, command, name)
    bad = hostile_path("workbooks", name, {})
    run_hostile(command, bad, tmp_path, "en")
    run_hostile(command, bad, tmp_path, "zh")
