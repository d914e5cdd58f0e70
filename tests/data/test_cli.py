"""``crm-readiness data …`` in-process: exit codes, messages, outputs, sources untouched."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from crm_readiness.cli.main import app
from crm_readiness.engine.data.synthetic import RULES_YAML
from tests.data.conftest import DATA_ASSETS, Synthetic


def _run(runner: CliRunner, *args: str) -> Result:
    result = runner.invoke(app, ["data", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_profile_writes_everything_and_leaves_source(runner: CliRunner, synthetic: Synthetic,
                                                     tmp_path: Path) -> None:
    src = tmp_path / "customers.csv"
    shutil.copyfile(synthetic.csv, src)
    before = _sha(src)
    out = tmp_path / "out"
    res = _run(runner, "profile", str(src), "--rules", str(synthetic.rules), "--out", str(out),
               "--lang", "en")
    assert res.exit_code == 0, res.output
    assert "Data-readiness score" in res.output
    for name in ("customers-profile.md", "customers-profile.html", "customers-profile.json",
                 "customers-issues.xlsx", "customers-sample.csv"):
        assert (out / name).exists(), name
    assert _sha(src) == before
    with (out / "customers-sample.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 100
    reasons = {r["_sample_reason"] for r in rows}
    assert reasons == {"clean", "problem", "duplicate"}
    # the workbook is the steward's: not replaced without --force
    again = _run(runner, "profile", str(src), "--rules", str(synthetic.rules), "--out", str(out),
                 "--lang", "en")
    assert again.exit_code == 4, again.output
    forced = _run(runner, "profile", str(src), "--rules", str(synthetic.rules), "--out",
                  str(out), "--lang", "en", "--force", "--sample", "0", "--format", "json")
    assert forced.exit_code == 0


def test_clean_writes_copy_never_the_source(runner: CliRunner, synthetic: Synthetic,
                                            tmp_path: Path) -> None:
    src = tmp_path / "customers.csv"
    shutil.copyfile(synthetic.csv, src)
    before = _sha(src)
    out = tmp_path / "clean.csv"
    res = _run(runner, "clean", str(src), "--rules", str(synthetic.rules), "--out", str(out),
               "--lang", "en")
    assert res.exit_code == 0, res.output
    assert _sha(src) == before
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == synthetic.truth.rows
    assert {"_cluster_id", "_survivor", "_issues", "_source_file", "_source_row"} <= set(rows[0])
    clustered = [r for r in rows if r["_cluster_id"]]
    by_cluster: dict[str, int] = {}
    for r in clustered:
        by_cluster[r["_cluster_id"]] = by_cluster.get(r["_cluster_id"], 0) + (
            r["_survivor"] == "yes")
    assert by_cluster and set(by_cluster.values()) == {1}  # one survivor per cluster
    mobiles = [r["手机"] for r in rows if r["手机"] and "手机:" not in r["_issues"]]
    assert all(m.isdigit() and len(m) == 11 for m in mobiles)
    refused = _run(runner, "clean", str(src), "--rules", str(synthetic.rules), "--out", str(out))
    assert refused.exit_code == 4
    onto_source = _run(runner, "clean", str(src), "--out", str(src), "--force")
    assert onto_source.exit_code == 2 and _sha(src) == before


@pytest.mark.parametrize(("args", "phrase"), [
    (["binary.csv"], "binary file"),
    (["gbk.csv", "--encoding", "utf-8"], "not valid utf-8 text at line 1"),
    (["small.csv", "--rules", "rules_missing_column.yaml"], "'传真' is not in the data"),
    (["small.csv", "--rules", "rules_unknown_format.yaml"], "columns.手机.format"),
    (["empty.csv"], "no data rows"),
    (["header_only.csv"], "no data rows"),
    (["ragged.csv"], "same number of fields (near line 5)"),
])
def test_bad_input_exit_3(runner: CliRunner, tmp_path: Path, args: list[str],
                          phrase: str) -> None:
    argv = [str(DATA_ASSETS / a) if (DATA_ASSETS / a).exists() else a for a in args]
    res = _run(runner, "profile", *argv, "--out", str(tmp_path), "--lang", "en")
    assert res.exit_code == 3, res.output
    assert phrase in res.output.replace("\n", " ")
    assert not any(tmp_path.iterdir())


def test_rules_init_drafts_and_refuses_overwrite(runner: CliRunner, synthetic: Synthetic,
                                                 tmp_path: Path) -> None:
    out = tmp_path / "rules.yaml"
    res = _run(runner, "rules", "init", str(synthetic.csv), "--out", str(out), "--lang", "en")
    assert res.exit_code == 0, res.output
    from crm_readiness.io.data_sources import load_rules

    rules = load_rules(out, ["客户编号", "客户名称", "统一社会信用代码", "联系人", "手机", "座机",
                             "邮箱", "城市", "地址", "行业", "客户等级", "最近联系日期"])
    formats = {name: r.format for name, r in rules.columns.items()}
    assert formats["手机"] == "cn_mobile" and formats["邮箱"] == "email"
    assert formats["统一社会信用代码"] == "cn_uscc" and formats["最近联系日期"] == "date"
    assert formats["座机"] == "cn_landline" and rules.columns["座机"].city_column == "城市"
    assert formats["客户等级"] == "enum" and rules.columns["客户等级"].enum == ("A", "B", "C", "D")
    assert rules.duplicates is not None and rules.duplicates.fuzzy is not None
    assert _run(runner, "rules", "init", str(synthetic.csv), "--out", str(out)).exit_code == 4


def test_profile_without_rules_and_fail_under(runner: CliRunner, tmp_path: Path) -> None:
    res = _run(runner, "profile", str(DATA_ASSETS / "small.csv"), "--out", str(tmp_path),
               "--format", "json", "--sample", "0", "--fail-under", "99.9", "--lang", "en")
    assert res.exit_code == 1
    assert "drafted from the data" in res.output.replace("\n", " ")
    assert "below 99.9%" in res.output.replace("\n", " ")


def test_profile_zh_and_help(runner: CliRunner, tmp_path: Path) -> None:
    res = _run(runner, "profile", str(DATA_ASSETS / "small.csv"), "--rules",
               str(DATA_ASSETS / "small_rules.yaml"), "--out", str(tmp_path), "--lang", "zh",
               "--format", "md", "--sample", "0")
    assert res.exit_code == 0 and "数据就绪度得分" in res.output
    assert "# 数据就绪度画像" in (tmp_path / "small-profile.md").read_text("utf-8")
    for args in (["--help"], ["profile", "--help"], ["rules", "init", "--help"],
                 ["clean", "--help"]):
        assert _run(runner, *args).exit_code == 0


def test_demo_rules_file_matches_generator() -> None:
    from crm_readiness._resources import examples_dir

    shipped = (examples_dir() / "demo" / "customers-rules.yaml").read_text("utf-8")
    assert shipped == RULES_YAML


def test_demo_part(demo_en: Path) -> None:
    from crm_readiness.demo.run import PARTS

    assert "crm_readiness.workflows.data:demo_part" in PARTS
    index = (demo_en / "index.html").read_text("utf-8")
    for p in ("data/customers-profile.html", "data/customers-issues.xlsx", "inputs/customers.csv"):
        assert f'href="{p}"' in index and (demo_en / p).exists(), p


def test_rules_init_names_blank_and_repeated_headers(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "h.csv"
    src.write_text("company,mobile,mobile,,city\n华瑞机械有限公司,13800000001,13900000002,x,上海\n"
                   "东方物流有限公司,13700000003,,y,北京\n", encoding="utf-8")
    out = tmp_path / "rules.yaml"
    res = _run(runner, "rules", "init", str(src), "--out", str(out), "--lang", "en")
    assert res.exit_code == 0, res.output
    head = out.read_text(encoding="utf-8").split("version:")[0]
    assert "WARNING" in head and "mobile_1, column3" in head and "警告" in head
    clean = tmp_path / "ok.csv"
    clean.write_text("company,mobile\n华瑞机械有限公司,13800000001\n", encoding="utf-8")
    out2 = tmp_path / "ok.yaml"
    assert _run(runner, "rules", "init", str(clean), "--out", str(out2)).exit_code == 0
    assert "WARNING" not in out2.read_text(encoding="utf-8")
