"""Interactive ``assess`` in a real pseudo-terminal: the keys behave as documented.

Enter keeps the current answer; resume goes to the next unanswered question and stays
there; ``45%``, ``45`` and ``0.45`` on a percentage question; ``e`` evidence and ``m``
note; a hand-commented answers file keeps every comment; the profile wizard checks each
field as typed and ``q`` quits it without saving.
"""

from __future__ import annotations

import io
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from crm_readiness.io.assessment import load_answers
from crm_readiness.io.checklists import load_checklist_set
from tests.assessment.test_interactive import MINI, _read_until
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

COMMENTED = """\
# Readiness answers of Pty Co — annotated by hand 手工批注
version: 1
profile:
  organization: Pty Co     # legal name 公司名称
  size: mid
  users: 40
  data_migration: true     # we migrate 迁移历史数据
answers:
  # the sponsor signed the charter 发起人已签署章程
  alpha.sponsor: {value: "yes", note: charter signed}
  alpha.kpis: {value: defined}   # KPI sheet v1
"""
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


class Term:
    """``crm-readiness assess`` on a pseudo-terminal; ``say`` waits for a prompt, then types."""

    def __init__(self, tmp_path: Path, *args: str) -> None:
        master, slave = pty.openpty()
        env = dict(os.environ, CRM_READINESS_LANG="en", COLUMNS="200", PYTHONPATH=str(REPO),
                   NO_COLOR="1")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "crm_readiness", "assess", "--checklists", str(MINI),
             "--phase", "alpha,beta",
             "--out", str(tmp_path / "out"), "--format", "json", *args],
            stdin=slave, stdout=slave, stderr=slave, cwd=tmp_path, env=env, close_fds=True)
        os.close(slave)
        self.fd, self.seen = master, b""

    def say(self, prompt: bytes, keys: str) -> bytes:
        got = _read_until(self.fd, prompt)
        self.seen += got
        os.write(self.fd, keys.encode() + b"\n")
        return ANSI.sub(b"", got)

    def finish(self) -> str:
        try:
            while True:
                chunk = os.read(self.fd, 4096)
                if not chunk:
                    break
                self.seen += chunk
        except OSError:
            pass
        self.proc.wait(timeout=30)
        os.close(self.fd)
        return " ".join(ANSI.sub(b"", self.seen).decode("utf-8", "replace").split())


def comments(text: str) -> list[str]:
    return [line[line.index("#"):] for line in text.splitlines() if "#" in line]


def test_enter_resume_numbers_notes_and_comments_in_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(COMMENTED, "utf-8")
    term = Term(tmp_path, "--save", str(path))
    # resume lands on the first unanswered question (goals), not on the answered sponsor
    screen = term.say(b"Your answer", "b")
    assert b"Alpha \xe2\x80\x94 question 2 of 3" in screen and b"Resuming: 2 of 6" in screen
    screen = term.say(b"Your answer", "")  # back on sponsor: its label, never a code
    assert b"current answer: Yes" in screen and b"note: charter signed" in screen
    # Enter kept sponsor and went on to the next UNANSWERED question (goals), skipping kpis
    screen = term.say(b"Your answer", "m")
    assert b"Are goals defined?" in screen and b"Are KPIs set?" not in screen
    term.say(b"Note", "goals agreed at the kick-off")  # a note before the answer is kept for it
    term.say(b"Your answer", "3")                      # goals = defined
    screen = term.say(b"Your answer", "n")             # data_owner (a gate): not applicable
    assert b"data owner" in screen
    term.say(b"not applicable?", "no legacy data")
    term.say(b"who waives it", "CIO Zhao")
    screen = term.say(b"Your answer", "45%")           # accuracy: percent, unit and range shown
    assert b"Type a number from 0 to 100%" in screen
    screen = term.say(b"Your answer", "e")             # training: evidence first
    term.say(b"Evidence", "survey 2026-10")
    term.say(b"Your answer", "b")                      # back to accuracy
    screen = term.say(b"Your answer", "0.45")          # ambiguous: asked, y = 45 %
    assert b"current answer: 45%" in screen
    screen = term.say(b"Did you mean 45% (y, Enter) or 0.45% (n)?", "n")
    screen = term.say(b"Your answer", "5")             # next unanswered: training
    assert b"willing" in screen
    text = term.finish()
    assert term.proc.returncode == 0, text
    assert "All applicable questions are answered" in text
    after = path.read_text("utf-8")
    assert comments(after) == comments(COMMENTED)  # every hand-written comment kept
    got = load_answers(path, load_checklist_set(packaged_dir=MINI)).answers
    assert got["alpha.sponsor"][0].value == "yes" and got["alpha.sponsor"][0].note == "charter signed"
    assert got["alpha.kpis"][0].value == "defined"  # never walked through, left alone
    assert got["alpha.goals"][0].value == "defined"
    assert got["alpha.goals"][0].note == "goals agreed at the kick-off"
    assert got["beta.data_owner"][0].waived_by == "CIO Zhao"
    assert got["beta.accuracy"][0].value == pytest.approx(0.45)  # 'n': 0.45 % as typed
    assert got["beta.training"][0].value == "strongly_agree"
    assert got["beta.training"][0].evidence == "survey 2026-10"


@pytest.mark.parametrize(("typed", "expected"), [("45%", 45.0), ("45", 45.0), ("0.45\ny", 45.0),
                                                 ("0.45\nn", 0.45), ("45 ％", 45.0)])
def test_percentages_are_read_unambiguously(typed: str, expected: float) -> None:
    from rich.console import Console

    from crm_readiness.cli import interactive as ui
    from crm_readiness.models.answers import AnswersFile

    sets = load_checklist_set(packaged_dir=MINI)
    first, *rest = typed.split("\n")
    replies = iter(rest)
    s = ui.Session(sets, AnswersFile.model_validate({"profile": {
        "organization": "x", "size": "mid", "users": 3}}), Path("unused.yaml"), "en",
        Console(file=io.StringIO()),
        lambda _p: next(replies, None))
    found = sets.question("beta.accuracy")
    assert found is not None
    assert ui._parse(s, found[1], first) == pytest.approx(expected)
    assert ui._parse(s, found[1], "145") is None and ui._parse(s, found[1], "lots") is None


def test_profile_wizard_checks_each_field_and_q_quits(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    term = Term(tmp_path, "--save", str(path))
    term.say(b"Organisation name", "Wizard Co")
    term.say(b"Industry", "retail")
    screen = term.say(b"Size", "huge")                 # wrong: explained and asked again
    screen = term.say(b"Size", "smb")
    assert b"Please type one of: smb, mid, large" in screen
    screen = term.say(b"Expected CRM users", "lots")
    screen = term.say(b"Expected CRM users", "q")      # quit: nothing saved
    assert b"whole number from 1 to 1000000" in screen
    text = term.finish()
    assert term.proc.returncode == 0, text
    assert "Nothing saved" in text and not path.exists()
