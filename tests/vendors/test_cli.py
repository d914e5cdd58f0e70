"""CLI: vendors compare / rfp / import, requirements init, spec; exit codes and messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.models.vendors import rfp_layout as L
from tests.conftest import no_traceback
from tests.vendors.conftest import ASSETS


@pytest.fixture
def case(tmp_path: Path) -> Path:
    for name in ASSETS.glob("*.yaml"):
        shutil.copyfile(name, tmp_path / name.name)
    return tmp_path


def _run(*args: str) -> object:
    result = CliRunner().invoke(app, [*args, "--lang", "en"])
    no_traceback(result)
    return result


def test_compare_writes_everything_and_prints_the_ranking(case: Path) -> None:
    out = case / "out"
    r = _run("vendors", "compare", str(case / "vendors.yaml"), "--out", str(out))
    assert r.exit_code == 0, r.output
    assert "Vendor Y" in r.output and "knocked out" in r.output
    for name in ("comparison.xlsx", "comparison.json", "comparison.md", "comparison.html",
                 "scorecards/x.html", "scorecards/z.md"):
        assert (out / name).is_file(), name


def test_compare_refuses_to_replace_the_workbook_without_force(case: Path) -> None:
    target = case / "mine.xlsx"
    target.write_bytes(b"consultant's edits")
    r = _run("vendors", "compare", str(case / "vendors.yaml"), "--out", str(target),
             "--format", "xlsx")
    assert r.exit_code == 4 and "--force" not in r.output.split("Cannot")[0]
    assert target.read_bytes() == b"consultant's edits"
    r = _run("vendors", "compare", str(case / "vendors.yaml"), "--out", str(target),
             "--format", "xlsx,json", "--force")
    assert r.exit_code == 0 and (case / "comparison.json").is_file()
    assert openpyxl.load_workbook(target)["Summary"]


@pytest.mark.parametrize(("asset", "where", "text"), [
    ("weights_not_100.yaml", "criteria", "weights sum to 95.00%; they must sum to 100%"),
    ("unknown_requirement.yaml", "vendors.0.responses.NOPE-1", "unknown requirement id 'NOPE-1'"),
    ("ahp_missing_pair.yaml", "ahp.comparisons", "missing comparison of pair (usability, security)"),
    ("bad_response.yaml", "vendors.0.responses", "A-1: unknown response 'maybe'"),
])
def test_bad_input_is_located_with_exit_3(case: Path, asset: str, where: str, text: str) -> None:
    r = _run("vendors", "compare", str(case / asset), "--out", str(case / "out"))
    assert r.exit_code == 3, r.output
    assert asset in r.output and where in r.output and text in r.output
    assert "line" in r.output
    assert not (case / "out").exists()


def test_inconsistent_ahp_is_refused_unless_accepted(case: Path) -> None:
    r = _run("vendors", "compare", str(case / "ahp_inconsistent.yaml"), "--out",
             str(case / "out"), "--format", "json")
    assert r.exit_code == 3
    assert "CR = 0.169 > 0.10" in r.output and "Saaty (1980)" in r.output
    assert "c3:c7" in r.output  # the most inconsistent pair is pointed out
    r = _run("vendors", "compare", str(case / "ahp_inconsistent.yaml"), "--out",
             str(case / "out"), "--format", "json", "--accept-inconsistent")
    assert r.exit_code == 0 and "CR = 0.169" in r.output


def test_bad_catalogue_priority_is_located(case: Path) -> None:
    r = _run("vendors", "rfp", "--requirements", str(case / "bad_priority_catalogue.yaml"),
             "--out", str(case / "rfp.xlsx"))
    assert r.exit_code == 3 and "requirements.0.priority" in r.output
    assert "unknown priority 'urgent'" in r.output


def test_rfp_then_import_reports_cells(case: Path) -> None:
    rfp = case / "rfp.xlsx"
    r = _run("vendors", "rfp", "--requirements", str(case / "catalogue.yaml"), "--out", str(rfp),
             "--vendor", "NovaSales", "--vendor-id", "nova")
    assert r.exit_code == 0 and rfp.is_file()
    assert _run("vendors", "rfp", "--requirements", str(case / "catalogue.yaml"), "--out",
                str(rfp)).exit_code == 4
    wb = openpyxl.load_workbook(rfp)
    ws = wb[L.RESPONSES]
    for r_, val in ((2, "native"), (3, "不支持"), (4, "perhaps")):
        ws.cell(r_, L.COL_RESPONSE).value = val
    wb.save(rfp)
    r = _run("vendors", "import", str(rfp), "--vendors", str(case / "vendors.yaml"))
    assert r.exit_code == 4  # updating an existing vendors file needs --force
    r = _run("vendors", "import", str(rfp), "--vendors", str(case / "vendors.yaml"), "--strict",
             "--force")
    assert r.exit_code == 3 and "Responses!G4" in r.output and "Responses!G5" in r.output
    assert "nova" not in (case / "vendors.yaml").read_text("utf-8")
    r = _run("vendors", "import", str(rfp), "--vendors", str(case / "vendors.yaml"), "--force")
    assert r.exit_code == 0, r.output
    assert "Responses!G4" in r.output and "nova: 2 responses imported" in r.output
    text = (case / "vendors.yaml").read_text("utf-8")
    assert "id: nova" in text and "A-2: not_supported" in text
    assert _run("vendors", "compare", str(case / "vendors.yaml"), "--out", str(case / "o"),
                "--format", "json").exit_code == 0


def test_requirements_init_copies_the_catalogue(tmp_path: Path) -> None:
    target = tmp_path / "requirements.yaml"
    assert _run("requirements", "init", str(target)).exit_code == 0
    assert "SAL-01" in target.read_text("utf-8")
    assert _run("requirements", "init", str(target)).exit_code == 4
    assert _run("requirements", "init", str(target), "--force").exit_code == 0


def test_help_texts_exist() -> None:
    for args in (["vendors", "--help"], ["vendors", "compare", "--help"], ["spec", "--help"],
                 ["requirements", "init", "--help"], ["vendors", "import", "--help"]):
        r = CliRunner().invoke(app, args)
        assert r.exit_code == 0 and "Usage" in r.output
