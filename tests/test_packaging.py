"""The built wheel carries the checklists and templates and runs the demo outside the repo."""

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
def test_wheel_installs_into_a_fresh_venv_and_runs_the_demo(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(dist), str(REPO)], check=True, cwd=tmp_path)
    wheel = next(dist.glob("crm_readiness-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "crm_readiness/_data/checklists/scales.yaml" in names
    assert "crm_readiness/_data/templates/_base.html.j2" in names
    assert any(n.startswith("crm_readiness/examples/demo/") for n in names)
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
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q",
                    str(wheel)], check=True, cwd=tmp_path)
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env["CRM_READINESS_LANG"] = "en"
    where = subprocess.run([str(py), "-c", "import crm_readiness, sys; print(crm_readiness.__file__)"],
                           check=True, cwd=work, env=env, capture_output=True, text=True).stdout
    assert str(env_dir) in where, where
    script = env_dir / "bin" / "crm-readiness"
    proc = subprocess.run([str(script), "demo", "--out", "demo"], cwd=work, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    index = (work / "demo" / "index.html").read_text("utf-8")
    assert "assessment/readiness.html" in index
    assert (work / "demo" / "assessment" / "readiness.html").exists()
