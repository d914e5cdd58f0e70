"""Every YAML-taking command over the hostile YAML corpus: exit 3, file named, both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile._cases import YAML_COMMANDS, yaml_files
from tests.hostile.conftest import hostile_path, known, run_hostile


@pytest.mark.parametrize("name", yaml_files())
@pytest.mark.parametrize("command", YAML_COMMANDS, ids=lambda c: c.id)
def test_hostile_yaml_is_a_located_input_error(command, name: str, generated: dict[str, Path],  # type: ignore[no-untyped-def]
                                               tmp_path: Path,
                                               request: pytest.FixtureRequest) -> None:
    known(request, command, name)
    bad = hostile_path("yaml", name, generated)
    run_hostile(command, bad, tmp_path, "en")
    run_hostile(command, bad, tmp_path, "zh")
