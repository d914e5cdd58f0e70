"""A mistyped question id in an answers file gets "did you mean …" (en and zh), located."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from tests.conftest import no_traceback

PROFILE = {"organization": "Typo Co", "size": "mid", "users": 30}


@pytest.mark.parametrize(("typed", "lang", "expected"), [
    ("strategy.executive_sponser", "en", "did you mean strategy.executive_sponsor?"),
    ("strategy.executive_sponser", "zh", "您是不是要写 strategy.executive_sponsor？"),
    # the right name under the wrong phase: matched on the part after the dot
    ("vendor.lead_to_cash_mapped", "en", "did you mean requirements.lead_to_cash_mapped?"),
    ("nothing.like_it_at_all", "en", "known phases: strategy, requirements"),
])
def test_unknown_question_id_suggests_the_closest(runner: CliRunner, write_yaml,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path, typed: str, lang: str,
                                                  expected: str) -> None:
    path = write_yaml("answers.yaml", {"profile": PROFILE, "answers": {typed: {"value": "yes"}}})
    r = runner.invoke(app, ["assess", "--answers", str(path), "--lang", lang,
                            "--out", str(tmp_path / "out")])
    no_traceback(r)
    assert r.exit_code == 3
    flat = " ".join(r.output.split())
    where = "line 6" if lang == "en" else "第 6 行"
    assert f"answers.{typed}" in flat and where in flat and expected in flat
    assert not (tmp_path / "out").exists()
