"""The one output writer: preflight every target, stage, then install all or nothing."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from crm_readiness.cli.main import app
from crm_readiness.errors import OutputError
from crm_readiness.io import output as output_mod
from crm_readiness.io.atomic import write_bytes
from crm_readiness.io.output import OutputSet
from tests.conftest import ASSETS, REPO, no_traceback


def _temps(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp") or "probe" in p.name]


def _read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make ``folder`` unwritable even for root (the tests run as root in CI containers)."""
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    real_access = os.access

    def access(path: object, mode: int, **kw: object) -> bool:
        if Path(str(path)).resolve() == folder.resolve() and mode & os.W_OK:
            return False
        return real_access(path, mode, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(output_mod.os, "access", access)


def test_existing_editable_target_without_force_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "book.xlsx").write_bytes(b"edited by a person")
    rendered: list[str] = []
    outputs = OutputSet(force=False)
    outputs.add(tmp_path / "report.md", lambda: rendered.append("md") or b"# new")
    outputs.add(tmp_path / "book.xlsx", b"new workbook", editable=True)
    with pytest.raises(OutputError) as err:
        outputs.commit()
    assert err.value.exit_code == 4 and "book.xlsx" in str(err.value) and "--force" in str(err.value)
    assert "已存在" in err.value.text("zh")
    assert rendered == []  # refused before anything was rendered
    assert not (tmp_path / "report.md").exists()
    assert (tmp_path / "book.xlsx").read_bytes() == b"edited by a person"
    assert _temps(tmp_path) == []
    forced = OutputSet(force=True)
    forced.add(tmp_path / "report.md", b"# new")
    forced.add(tmp_path / "book.xlsx", b"new workbook", editable=True)
    assert forced.commit() == [tmp_path / "report.md", tmp_path / "book.xlsx"]
    assert (tmp_path / "book.xlsx").read_bytes() == b"new workbook"


def test_regenerated_report_is_replaced_and_keeps_its_mode(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    report.write_bytes(b"old")
    report.chmod(0o640)
    outputs = OutputSet(force=False)
    outputs.add(report, b"new")
    outputs.commit()
    assert report.read_bytes() == b"new" and stat.S_IMODE(report.stat().st_mode) == 0o640


def test_read_only_folder_is_exit_4_and_nothing_written(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    ok, locked = tmp_path / "ok", tmp_path / "locked"
    ok.mkdir()
    locked.mkdir()
    _read_only(monkeypatch, locked)
    outputs = OutputSet(force=True)
    outputs.add(ok / "a.md", b"a")
    outputs.add(locked / "sub" / "b.md", b"b")
    try:
        with pytest.raises(OutputError) as err:
            outputs.commit()
        assert "not writable" in str(err.value) and str(locked) in str(err.value)
        assert "不可写" in err.value.text("zh")
        assert list(ok.iterdir()) == [] and list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)


def test_target_that_is_a_folder_or_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "report.md").mkdir()
    outputs = OutputSet(force=True)
    outputs.add(tmp_path / "fine.json", b"{}")
    outputs.add(tmp_path / "report.md", b"x")
    with pytest.raises(OutputError, match="is a folder"):
        outputs.commit()
    assert not (tmp_path / "fine.json").exists()
    (tmp_path / "plain").write_text("a file")
    under = OutputSet(force=True)
    under.add(tmp_path / "plain" / "x.md", b"x")
    with pytest.raises(OutputError, match="is not a folder"):
        under.commit()


def test_full_disk_mid_way_leaves_old_files_and_no_temp_files(tmp_path: Path) -> None:
    for name in ("a.md", "b.csv", "c.json"):
        (tmp_path / name).write_text(f"old {name}")

    def full(tmp: Path) -> None:
        tmp.write_bytes(b"partial rows")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    outputs = OutputSet(force=True)
    outputs.add(tmp_path / "a.md", b"new a")
    outputs.add_stream(tmp_path / "b.csv", full)
    outputs.add(tmp_path / "c.json", b"new c")
    outputs.add(tmp_path / "new" / "d.md", b"new d")
    with pytest.raises(OutputError) as err:
        outputs.commit()
    assert "b.csv" in str(err.value) and "No space left" in str(err.value)
    for name in ("a.md", "b.csv", "c.json"):
        assert (tmp_path / name).read_text() == f"old {name}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.csv", "c.json"]


def test_same_target_twice_is_a_bug(tmp_path: Path) -> None:
    outputs = OutputSet(force=True)
    outputs.add(tmp_path / "a.md", b"a")
    with pytest.raises(ValueError, match="twice"):
        outputs.add(tmp_path / "." / "a.md", b"b")


def test_write_through_a_symlink_updates_its_target(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "answers.yaml"
    real.parent.mkdir()
    real.write_text("old")
    real.chmod(0o600)
    link = tmp_path / "answers.yaml"
    link.symlink_to(real)
    write_bytes(link, b"new", force=True)
    assert link.is_symlink() and real.read_text() == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert _temps(tmp_path) == []


def test_low_level_writer_never_defaults_to_force(tmp_path: Path) -> None:
    target = tmp_path / "x.txt"
    target.write_text("keep")
    with pytest.raises(TypeError):
        write_bytes(target, b"y")  # type: ignore[call-arg]
    with pytest.raises(OutputError, match="--force"):
        write_bytes(target, b"y", force=False)
    assert target.read_text() == "keep"


def test_assess_all_formats_with_an_existing_workbook_writes_nothing(runner, tmp_path: Path  # type: ignore[no-untyped-def]
                                                                     ) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "readiness.xlsx").write_bytes(b"owners and due dates typed in")
    answers = REPO / "crm_readiness" / "examples" / "demo" / "answers.yaml"
    result = runner.invoke(app, ["assess", "--answers", str(answers), "-f", "md,html,json,xlsx",
                                 "--out", str(out), "--lang", "en"])
    no_traceback(result)
    assert result.exit_code == 4, result.output
    assert "readiness.xlsx" in result.output and "--force" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["readiness.xlsx"]
    assert (out / "readiness.xlsx").read_bytes() == b"owners and due dates typed in"


def test_data_clean_into_a_read_only_folder_is_exit_4(runner, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    _read_only(monkeypatch, locked)
    try:
        result = runner.invoke(app, ["data", "clean", str(ASSETS / "data" / "small.csv"),
                                     "--out", str(locked / "clean.csv"), "--lang", "en"])
        no_traceback(result)
        assert result.exit_code == 4, result.output
        assert "not writable" in " ".join(result.output.split())
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o755)
