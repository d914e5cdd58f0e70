"""Fixtures and the one check every hostile case makes."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from tests.hostile._cases import GENERATED_YAML, HOSTILE, KNOWN, Command

_CJK = re.compile(r"[\u4e00-\u9fff]")
LIMIT_S = 10.0


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The hostile YAML files too large to commit, written once per session."""
    folder = tmp_path_factory.mktemp("generated")
    return {name: make(folder) for name, make in GENERATED_YAML.items()}


def hostile_path(kind: str, name: str, generated: dict[str, Path]) -> Path:
    return generated[name] if name in generated else HOSTILE / kind / name


def known(request: pytest.FixtureRequest, command: Command, name: str) -> None:
    reason = KNOWN.get((command.id, name))
    if reason is not None:
        request.applymarker(pytest.mark.xfail(strict=True, reason=reason))


def run_hostile(command: Command, bad: Path, tmp: Path, lang: str) -> Any:
    """Run ``command`` on ``bad``; assert exit code, file named, language, no traceback, time."""
    argv = [*command.argv(bad, tmp), "--lang", lang]
    start = time.perf_counter()
    result = CliRunner().invoke(app, argv)
    elapsed = time.perf_counter() - start
    output = result.output or ""
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{argv}: {result.exception!r}")
    assert "Traceback" not in output
    assert result.exit_code in command.exits, f"{argv} → {result.exit_code}:\n{output}"
    flat = "".join(output.split())
    assert bad.name in flat, f"the message does not name {bad.name}:\n{output}"
    if lang == "zh":
        assert _CJK.search(output), f"no Chinese in:\n{output}"
    else:
        assert not _CJK.search(output.replace(bad.name, "")) or "Invalid" in output, output
    assert elapsed <= LIMIT_S, f"{argv} took {elapsed:.1f} s"
    return result
