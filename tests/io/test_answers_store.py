"""Answers files: one locked read-merge-write that keeps comments, through symlinks."""

from __future__ import annotations

import multiprocessing
import re
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from crm_readiness.cli import interactive as ui
from crm_readiness.cli.main import app
from crm_readiness.errors import OutputError
from crm_readiness.io.answers_store import answers_lock, lock_path, update_answers
from crm_readiness.io.assessment import load_answers, load_answers_file
from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.models.answers import Answer, AnswersFile
from crm_readiness.workflows.workshop import export_questionnaires, import_questionnaires
from tests.conftest import ASSETS, no_traceback
from tests.workshops.test_questionnaire import NOW, _fill

MINI = ASSETS / "workshops" / "checklists"
STARTER = Path(__file__).resolve().parents[2] / "crm_readiness" / "examples" / "starter"

COMMENTED = """\
# Workshop answers of Acme — kept by hand 手工维护
version: 1
profile:
  organization: Acme        # legal name 公司名称
  size: mid
  users: 80
  data_migration: true
respondents:   # who answered
  - {id: ana, name: Ana Sales, role: sales}
  - {id: ivan, name: Ivan IT, role: it}    # joined in March
answers:
  # --- strategy ---
  strategy.sponsor:
    - {value: "yes", respondent: ana}   # COO said so
    - {value: "yes", respondent: ivan}
  strategy.kpis: {value: defined, respondent: ana, note: "board pack p.3"}  # check again
  # --- data ---
  data.accuracy:
    - value: 90          # from the March audit
      respondent: ivan
# end of file 文件结尾
"""


def comments(text: str) -> list[str]:
    """Every comment in ``text`` (the part of a line from ``#`` outside quotes)."""
    return [m.group(0).strip() for line in text.splitlines()
            if (m := re.search(r"#[^\"']*$", line))]


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


def _add(rid: str, qid: str, value: str | int) -> Callable[[AnswersFile], AnswersFile]:
    def change(current: AnswersFile) -> AnswersFile:
        kept = tuple(a for a in current.answers.get(qid, ()) if a.respondent != rid)
        new = {**current.answers, qid: (*kept, Answer(value=value, respondent=rid))}
        return current.model_copy(update={"answers": new})
    return change


def test_update_keeps_every_comment_key_order_and_untouched_lines(commented: Path) -> None:
    before = commented.read_text("utf-8")
    update_answers(commented, _add("ivan", "strategy.kpis", "managed"))
    after = commented.read_text("utf-8")
    assert comments(after) == comments(before) and len(comments(before)) == 10
    for line in ("  organization: Acme        # legal name 公司名称",
                 "    - {value: \"yes\", respondent: ana}   # COO said so",
                 "    - value: 90          # from the March audit"):
        assert line in after
    assert list(yaml.safe_load(after)) == ["version", "profile", "respondents", "answers"]
    kpis = load_answers_file(commented).answers["strategy.kpis"]
    assert [(a.respondent, a.value) for a in kpis] == [("ana", "defined"), ("ivan", "managed")]


def test_questionnaire_import_keeps_every_comment(commented: Path, tmp_path: Path) -> None:
    checklists = load_checklist_set(packaged_dir=MINI)
    answers = load_answers(commented, checklists)
    (sales,) = export_questionnaires(checklists, answers, ["sales"], tmp_path / "q", now=NOW)
    _fill(sales, "Wang Li", {"strategy.sponsor": {6: "No / 否"}, "strategy.kpis": {6: "Ad hoc"},
                             "strategy.processes": {6: "Ad hoc"}, "data.accuracy": {6: 75}})
    before = commented.read_text("utf-8")
    report, _ = import_questionnaires([sales], commented, checklists, now=NOW)
    assert report.applied_answers == 4
    after = commented.read_text("utf-8")
    assert comments(after) == comments(before)
    merged = load_answers(commented, checklists)
    assert merged.respondent("Wang Li") is not None
    assert {a.respondent for a in merged.answers["strategy.sponsor"]} == {"ana", "ivan", "Wang Li"}


def _session(path: Path, respondent: str | None = None) -> ui.Session:
    from rich.console import Console

    checklists = load_checklist_set(packaged_dir=MINI)
    return ui.Session(checklists, load_answers(path, checklists), path, "en",
                      Console(file=None, quiet=True), lambda _p: None, respondent)


def test_interactive_saves_keep_every_comment(commented: Path) -> None:
    before = commented.read_text("utf-8")
    s = _session(commented, "ana")
    ui._store(s, "strategy.processes", Answer(value="managed", respondent="ana"))
    ui._store(s, "strategy.kpis", Answer(value="managed", respondent="ana"))
    ui._store(s, "data.owner", None)  # clearing an answer that was never given changes nothing
    after = commented.read_text("utf-8")
    assert comments(after) == comments(before)
    got = load_answers_file(commented)
    assert [a.value for a in got.answers["strategy.kpis"]] == ["managed"]
    assert got.answers["strategy.processes"][0].value == "managed"


def test_init_comments_survive_the_first_interactive_save(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from crm_readiness.io import checklists as io_checklists

    monkeypatch.setattr(io_checklists, "checklists_dir", lambda: MINI)
    runner = CliRunner()
    assert runner.invoke(app, ["init", str(tmp_path / "ws"), "--lang", "en"]).exit_code == 0
    path = tmp_path / "ws" / "answers.yaml"
    before = path.read_text("utf-8")
    # the starter profile is answered; sponsor = first choice, next = first choice, quit
    result = runner.invoke(app, ["assess", "--interactive", "--save", str(path), "--lang", "en",
                                 "--out", str(tmp_path / "out")], input="1\n1\nq\n")
    no_traceback(result)
    assert result.exit_code == 0, result.output
    after = path.read_text("utf-8")
    assert comments(after) == comments(before) and len(comments(before)) > 20
    assert len(load_answers_file(path).answers) == 2


def test_symlinked_answers_file_is_updated_through_the_link(commented: Path, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "acme.yaml"
    shutil.move(commented, real)
    link = tmp_path / "answers.yaml"
    link.symlink_to(real)
    update_answers(link, _add("ana", "data.accuracy", 70))
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert {a.respondent for a in load_answers_file(real).answers["data.accuracy"]} == {"ivan", "ana"}
    assert lock_path(link) == shared / ".acme.yaml.lock"
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_a_lock_held_too_long_is_reported_not_waited_on(commented: Path) -> None:
    with answers_lock(commented), pytest.raises(OutputError) as err:
        update_answers(commented, _add("ana", "data.owner", "yes"), timeout=0.2)
    assert err.value.exit_code == 4
    assert str(lock_path(commented)) in err.value.text("en") and "delete" in err.value.text("en")
    assert "删除" in err.value.text("zh")
    assert commented.read_text("utf-8") == COMMENTED


def _writer(path: str, rid: str, n: int) -> None:
    for i in range(n):
        update_answers(Path(path), _add(rid, f"q{i}.x", i))


@pytest.mark.parametrize("kind", ["threads", "processes"])
def test_concurrent_writers_never_lose_an_answer(commented: Path, kind: str) -> None:
    writers, n = 4, 8
    args = [(str(commented), f"r{w}", n) for w in range(writers)]
    if kind == "threads":
        jobs: list[threading.Thread | multiprocessing.Process] = [
            threading.Thread(target=_writer, args=a) for a in args]
    else:
        ctx = multiprocessing.get_context("fork")
        jobs = [ctx.Process(target=_writer, args=a) for a in args]
    for j in jobs:
        j.start()
    for j in jobs:
        j.join(60)
    got = load_answers_file(commented).answers
    for i in range(n):
        assert sorted(a.respondent or "" for a in got[f"q{i}.x"]) == [f"r{w}" for w in range(writers)]
    assert comments(commented.read_text("utf-8")) == comments(COMMENTED)


def test_two_concurrent_questionnaire_imports_keep_both_respondents(tmp_path: Path) -> None:
    """3 trials here, each two CLI processes forked from this one and released into
    ``main()`` together (without the lock, one respondent is lost in most trials);
    benchmarks/concurrent_import.py runs 20 with two fresh interpreters each."""
    from tests.io._concurrent import forked_trial, prepare

    a, b = prepare(tmp_path)
    got = [forked_trial(tmp_path / f"t{i}", a, b) for i in range(3)]
    assert all({"Wang Li", "Chen Gong"} <= people for people in got), got


SECTIONS = """\
first:
  - id: a
    items:
      x: 1   # x's own note

# --- second section ---
second:
  keep: 1
  drop: 2

# --- third section ---
third: [1, 2]
"""


@pytest.mark.parametrize("change", ["append", "add_key", "remove_key", "retype"])
def test_a_section_comment_stays_before_its_section_when_the_one_above_grows(change: str) -> None:
    """ruamel keeps the comment lines after a block collection on its last entry; an item
    appended there (a key added or removed, the collection retyped) must not carry the
    next section's heading up into the section above, nor drop it."""
    from crm_readiness.io.answers_store import round_trip_text

    old = yaml.safe_load(SECTIONS)
    new = yaml.safe_load(SECTIONS)
    if change == "append":
        new["first"].append({"id": "b", "items": {"y": 2}})
    elif change == "add_key":
        new["second"]["added"] = 3
    elif change == "remove_key":
        del new["second"]["drop"]
    else:  # a map that becomes a list (one answer becoming two)
        new["second"] = [{"keep": 1}, {"keep": 2}]
    text = round_trip_text(SECTIONS, old, new)
    assert text is not None and yaml.safe_load(text) == new
    assert comments(text) == comments(SECTIONS)
    lines = text.splitlines()
    assert "      x: 1   # x's own note" in lines
    for heading, key in (("# --- second section ---", "second:"),
                         ("# --- third section ---", "third: [1, 2]")):
        at = lines.index(heading)
        assert lines[at - 1] == "" and lines[at + 1] == key, text
