"""The built wheel carries every packaged data file and runs outside the repository.

The wheel's checklists, templates and examples must equal the repository's file
for file (so every command finds its data); one real command (``assess`` on the
demo answers the wheel ships, every format) then runs from the installed wheel in
a fresh venv. The whole demo runs in ``tests/test_workspace.py`` and CI's
lowest-versions smoke.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.mark.slow
def test_wheel_carries_every_data_file_and_runs_in_a_fresh_venv(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    # the build backend itself (what pip runs), without pip's resolver round trip
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(dist)],
                   check=True, cwd=REPO, capture_output=True)
    wheel = next(dist.glob("crm_readiness-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for folder, inside in (("checklists", "crm_readiness/_data/checklists"),
                           ("templates", "crm_readiness/_data/templates"),
                           ("crm_readiness/examples", "crm_readiness/examples")):
        source = {p.relative_to(REPO / folder).as_posix() for p in (REPO / folder).rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts}
        packed = {n[len(inside) + 1:] for n in names if n.startswith(inside + "/")}
        assert source and packed == source, (folder, sorted(source ^ packed)[:10])
    assert not any(n.startswith("tests/") for n in names)

    # a fresh venv; the dependencies come from the running interpreter's site-packages (which
    # may itself be a venv, so "system site packages" would be the wrong ones) through a .pth
    # file, so the test needs no network; the package itself is only the wheel. A .pth line
    # adds a folder without running that folder's own .pth files, so an editable install of
    # the repository stays invisible.
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False, system_site_packages=False).create(env_dir)
    py = env_dir / "bin" / "python"
    inner_site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                check=True, capture_output=True, text=True).stdout.strip()
    outer = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    Path(inner_site, "outer-deps.pth").write_text("\n".join(outer) + "\n", "utf-8")
    # installing a pure-Python wheel is unpacking it into site-packages; the console
    # script pip would write is checked as the wheel's entry point and run as -m
    zipfile.ZipFile(wheel).extractall(inner_site)
    entry = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "crm-readiness = crm_readiness.cli.main:main" in zipfile.ZipFile(wheel).read(
        entry).decode()
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env["CRM_READINESS_LANG"] = "en"
    where = subprocess.run([str(py), "-c", "import crm_readiness, sys; print(crm_readiness.__file__)"],
                           check=True, cwd=work, env=env, capture_output=True, text=True).stdout
    assert str(env_dir) in where, where
    answers = Path(where.strip()).parent / "examples" / "demo" / "answers.yaml"
    proc = subprocess.run([str(py), "-m", "crm_readiness", "assess", "--answers", str(answers), "--out", "r",
                           "-f", "md,html,json,xlsx"], cwd=work, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert sorted(p.name for p in (work / "r").iterdir()) == [
        "readiness.html", "readiness.json", "readiness.md", "readiness.xlsx"]
