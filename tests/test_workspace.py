"""``init`` scaffolds valid starter files and never overwrites; ``demo`` writes a linked folder."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.io.assessment import load_answers
from crm_readiness.io.checklists import load_checklist_set
from tests.conftest import no_traceback


def test_init_writes_valid_starters_and_refuses_to_overwrite(runner: CliRunner, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    r = runner.invoke(app, ["init", str(ws), "--lang", "en"])
    no_traceback(r)
    assert r.exit_code == 0, r.output
    assert {"answers.yaml", "costs.yaml", "benefits.yaml"} <= {p.name for p in ws.iterdir()}
    load_answers(ws / "answers.yaml", load_checklist_set())  # the starter validates
    (ws / "answers.yaml").write_text("# my edits\n" + (ws / "answers.yaml").read_text("utf-8"), "utf-8")
    again = runner.invoke(app, ["init", str(ws), "--lang", "en"])
    no_traceback(again)
    assert again.exit_code == 4 and "--force" in again.output
    assert (ws / "answers.yaml").read_text("utf-8").startswith("# my edits")
    forced = runner.invoke(app, ["init", str(ws), "--force"])
    assert forced.exit_code == 0
    assert not (ws / "answers.yaml").read_text("utf-8").startswith("# my edits")


def test_demo_writes_an_index_whose_links_all_resolve(demo_en: Path) -> None:
    index = (demo_en / "index.html").read_text("utf-8")
    links = [line.split('href="')[1].split('"')[0] for line in index.splitlines() if 'href="' in line]
    assert "assessment/readiness.html" in links
    for link in links:
        assert (demo_en / link).exists(), link


def test_demo_replaces_its_own_folder_and_refuses_a_foreign_one(runner: CliRunner,
                                                                tmp_path: Path) -> None:
    from crm_readiness.demo.run import MARKER, prepare_out_dir

    earlier = tmp_path / "demo"
    earlier.mkdir()
    (earlier / MARKER).write_text("x")
    (earlier / "stale.html").write_text("old")
    prepare_out_dir(earlier, force=False)  # an earlier demo's folder is replaced
    assert sorted(p.name for p in earlier.iterdir()) == [MARKER]
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    refused = runner.invoke(app, ["demo", "--out", str(foreign), "--lang", "en"])
    no_traceback(refused)
    assert refused.exit_code == 4 and (foreign / "notes.txt").read_text() == "keep me"
    assert sorted(p.name for p in foreign.iterdir()) == ["notes.txt"]
