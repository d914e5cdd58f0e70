"""Every YAML-taking command over the hostile YAML corpus: exit 3, file named, both languages.

Every pair runs in English; a third of the pairs, chosen so that every file and every
command is among them several times, run in Chinese too (the message text is the same
code in both languages, and the full square would double the corpus's cost).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile._cases import YAML_COMMANDS, yaml_files
from tests.hostile.conftest import hostile_path, known, run_hostile

FILES = yaml_files()


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("command", YAML_COMMANDS, ids=lambda c: c.id)
def test_hostile_yaml_is_a_located_input_error(command, name: str, generated: dict[str, Path],  # type: ignore[no-untyped-def]
                                               tmp_path: Path,
                                               request: pytest.FixtureRequest) -> None:
    known(request, command, name)
    bad = hostile_path("yaml", name, generated)
    run_hostile(command, bad, tmp_path, "en")
    if (YAML_COMMANDS.index(command) + FILES.index(name)) % 3 == 0:
        run_hostile(command, bad, tmp_path, "zh")
