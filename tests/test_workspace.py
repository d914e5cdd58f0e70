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


def test_init_is_neutral_consistent_and_warns_on_untouched_placeholders(
        runner: CliRunner, tmp_path: Path) -> None:
    import yaml

    ws = tmp_path / "ws"
    assert runner.invoke(app, ["init", str(ws), "--lang", "en"]).exit_code == 0
    texts = {p.name: p.read_text("utf-8") for p in ws.iterdir()}
    for text in texts.values():  # the demo company stays in the demo
        assert "华东精工" not in text and "YunFan" not in text and "云帆" not in text
    answers = yaml.safe_load(texts["answers.yaml"])
    costs = yaml.safe_load(texts["costs.yaml"])
    benefits = yaml.safe_load(texts["benefits.yaml"])
    users = answers["profile"]["users"]
    assert costs["users"]["initial"] == users
    assert all(b["people"] == users for b in benefits["benefits"] if "people" in b)
    roi = runner.invoke(app, ["roi", str(ws / "costs.yaml"), str(ws / "benefits.yaml"),
                              "--out", str(tmp_path / "fin"), "--lang", "en"])
    no_traceback(roi)
    assert roi.exit_code == 0, roi.output
    flat = " ".join(roi.output.split())
    assert "still holds the starter placeholders" in flat
    assert "2,389,657" not in flat and "2389657" not in flat  # never the demo's NPV
    zh = runner.invoke(app, ["tco", str(ws / "costs.yaml"), "--out", str(tmp_path / "fin2"),
                             "--lang", "zh"])
    assert zh.exit_code == 0 and "仍是初始占位内容" in zh.output
    assessed = runner.invoke(app, ["assess", "--answers", str(ws / "answers.yaml"), "--out",
                                   str(tmp_path / "rep"), "--lang", "en"])
    assert "still holds the starter placeholders" in " ".join(assessed.output.split())
    # once the organisation is named, the answers file no longer warns
    (ws / "answers.yaml").write_text(texts["answers.yaml"].replace(
        "Your organisation (placeholder)", "Acme Ltd"), "utf-8")
    named = runner.invoke(app, ["assess", "--answers", str(ws / "answers.yaml"), "--out",
                                str(tmp_path / "rep"), "--lang", "en"])
    assert "placeholder" not in named.output


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
