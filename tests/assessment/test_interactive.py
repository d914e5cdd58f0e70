"""Interactive ``assess``: quit midway and resume; a killed process loses nothing."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.io.assessment import load_answers
from crm_readiness.io.checklists import load_checklist_set
from tests.conftest import REPO, no_traceback

MINI = Path(__file__).parents[1] / "assets" / "assessment" / "mini"
PROFILE_INPUT = "Test Co\nother\nmid\n50\nsaas\nsales\nnone\nyes\n"
MINI_ONLY = {"CRM_READINESS_LANG": "en"}


@pytest.fixture
def only_mini(monkeypatch: pytest.MonkeyPatch) -> None:
    """Score against the mini checklists alone (the packaged ones are replaced)."""
    from crm_readiness.io import checklists

    monkeypatch.setattr(checklists, "checklists_dir", lambda: MINI)


def ask(runner: CliRunner, path: Path, keys: str, *extra: str) -> object:
    result = runner.invoke(app, ["assess", "--interactive", "--save", str(path), "--lang", "en",
                                 "--out", str(path.parent / "out"), *extra], input=keys)
    no_traceback(result)
    result.flat = " ".join(result.output.split())  # type: ignore[attr-defined]
    return result


def test_quit_midway_then_resume_keeps_every_answer(runner: CliRunner, tmp_path: Path,
                                                    only_mini: None) -> None:
    path = tmp_path / "answers.yaml"
    # profile, then: sponsor=yes (2), goals=defined (3), quit
    r = ask(runner, path, PROFILE_INPUT + "2\n3\nq\n")
    assert r.exit_code == 0, r.output
    assert "Run the same command again to resume" in r.flat
    saved = yaml.safe_load(path.read_text("utf-8"))
    assert saved["profile"]["organization"] == "Test Co"
    assert saved["answers"] == {"alpha.sponsor": {"value": "yes"}, "alpha.goals": {"value": "defined"}}
    # resume: starts at alpha.kpis; ? shows help, b goes back to goals (keeps it), then answer on
    r = ask(runner, path, "?\nb\n3\n4\nn\nlegacy data stays\nCIO Zhao\n80\n5\n")
    assert r.exit_code == 0, r.output
    assert "Resuming: 2 of 6" in r.flat
    answers = load_answers(path, load_checklist_set(packaged_dir=MINI))
    values = {k: (v[0].value, v[0].na) for k, v in answers.answers.items()}
    assert values == {"alpha.sponsor": ("yes", None), "alpha.goals": ("defined", None),
                      "alpha.kpis": ("managed", None), "beta.data_owner": (None, "legacy data stays"),
                      "beta.accuracy": (80.0, None), "beta.training": ("strongly_agree", None)}
    assert "All applicable questions are answered" in r.flat
    assert (tmp_path / "out" / "readiness.html").exists()
    assert answers.answers["beta.data_owner"][0].waived_by == "CIO Zhao"  # a gate N/A is a waiver


def test_invalid_keys_and_na_without_reason_are_asked_again(runner: CliRunner, tmp_path: Path,
                                                           only_mini: None) -> None:
    path = tmp_path / "answers.yaml"
    r = ask(runner, path, PROFILE_INPUT + "9\nmaybe\nn\n\nq\n")
    assert r.exit_code == 0
    assert r.flat.count("Please type one of the numbers shown") == 2
    assert "A reason is required" in r.flat
    assert yaml.safe_load(path.read_text("utf-8")).get("answers") in ({}, None)


def test_unicode_digits_and_huge_numbers_are_asked_again(runner: CliRunner, tmp_path: Path,
                                                        only_mini: None) -> None:
    path = tmp_path / "answers.yaml"
    # users "²" (a digit to Python, not a number) and 5,000 nines are refused and the users
    # field alone asked again; then at a choice prompt "²", "٣" (Arabic-Indic 3) and 5,000
    # nines are asked again
    profile = PROFILE_INPUT.replace("\n50\n", "\n²\n" + "9" * 5000 + "\n50\n")
    r = ask(runner, path, profile + "²\n٣\n" + "9" * 5000 + "\n2\nq\n")
    assert r.exit_code == 0, r.output
    assert r.flat.count("Please type a whole number from 1 to 1000000") == 2
    assert r.flat.count("Please type one of the numbers shown") == 3
    saved = yaml.safe_load(path.read_text("utf-8"))
    assert saved["answers"] == {"alpha.sponsor": {"value": "yes"}}
    assert saved["profile"]["users"] == 50


def test_skip_leaves_unanswered(runner: CliRunner, tmp_path: Path, only_mini: None) -> None:
    path = tmp_path / "answers.yaml"
    r = ask(runner, path, PROFILE_INPUT + "s\ns\ns\ns\ns\ns\n")
    assert r.exit_code == 0
    assert "Go-live blockers" in r.flat  # unanswered gates block


def _read_until(fd: int, needle: bytes, timeout: float = 20.0) -> bytes:
    buf = b""
    end = time.monotonic() + timeout
    while needle not in buf:
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {needle!r}; got {buf[-400:]!r}")
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                buf += os.read(fd, 4096)
            except OSError:
                break
    return buf


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_killed_between_answers_leaves_a_valid_answers_file(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump({"profile": {"organization": "Kill Co", "size": "mid",
                                                "users": 20}}), encoding="utf-8")
    master, slave = pty.openpty()
    env = dict(os.environ, CRM_READINESS_LANG="en", COLUMNS="120", PYTHONPATH=str(REPO))
    proc = subprocess.Popen(
        [sys.executable, "-m", "crm_readiness", "assess", "--save", str(path), "--phase", "alpha",
         "--checklists", str(MINI),
         "--out", str(tmp_path / "out")],
        stdin=slave, stdout=slave, stderr=slave, cwd=tmp_path, env=env, close_fds=True)
    os.close(slave)
    try:
        _read_until(master, b"Your answer")
        os.write(master, b"1\n")
        _read_until(master, b"Your answer")
        os.write(master, b"2\n")
        _read_until(master, b"Your answer")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
    sets = load_checklist_set(MINI)
    answers = load_answers(path, sets)  # parses and validates: the file is intact
    assert len(answers.answers) == 2
    assert not list(tmp_path.glob(".answers.yaml.*.tmp"))


def test_a_typed_label_answers_and_d_records_dont_know(runner: CliRunner, tmp_path: Path,
                                                       only_mini: None) -> None:
    path = tmp_path / "answers.yaml"
    r = ask(runner, path, PROFILE_INPUT + "Yes\nd\nthe PMO\nq\n")
    assert r.exit_code == 0, r.output
    got = load_answers(path, load_checklist_set(packaged_dir=MINI)).answers
    assert got["alpha.sponsor"][0].value == "yes"          # the label, as typed
    goals = got["alpha.goals"][0]
    assert goals.dont_know == "the PMO" and goals.value is None  # unanswered, with who would know
    r = ask(runner, path, "b\n\nq\n")  # resume on kpis; back to goals: shown as don't know
    assert "current answer: don't know (the PMO)" in r.flat
