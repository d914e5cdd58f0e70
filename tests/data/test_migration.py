"""Target schema, mapping drafting and migration rehearsal (``data map`` / ``data rehearse``)."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from crm_readiness._resources import examples_dir
from crm_readiness.cli.main import app
from crm_readiness.engine.data.mapping import draft_mapping
from crm_readiness.engine.data.rehearse import rehearse
from crm_readiness.io.data_sources import open_export
from crm_readiness.io.target_files import load_target, read_mapping
from crm_readiness.models.data.rehearsal import RehearsalRun
from crm_readiness.models.data.target import FieldMapping, TargetMapping, ValueMapping
from crm_readiness.workflows.data import DEMO_ROWS, DEMO_SEED, write_synthetic_csv
from crm_readiness.workflows.data_migration import rehearsal_answers
from tests.conftest import ASSETS, REPO, no_traceback

MIGRATION = ASSETS / "data" / "migration"
GENERIC = examples_dir() / "target" / "generic-crm.yaml"
YUNFAN = examples_dir() / "demo" / "target-yunfan.yaml"
SEEDED = MIGRATION / "seeded-export.csv"
SEEDED_TARGET = MIGRATION / "seeded-target.yaml"


def _run(*argv: str) -> object:
    result = CliRunner().invoke(app, [*argv, "--lang", "en"])
    no_traceback(result)
    return result


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-export") / "customers.csv"
    write_synthetic_csv(path, DEMO_ROWS, DEMO_SEED)
    return path


def _pairs(mapping: TargetMapping) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in mapping.fields:
        out.setdefault(m.source, set()).add(f"{m.object}.{m.field}")
    return out


# --- drafting -------------------------------------------------------------------------------

def test_the_drafted_mapping_matches_the_hand_mapping_on_the_demo(demo_export: Path) -> None:
    hand = {k: set(v) for k, v in yaml.safe_load(
        (MIGRATION / "demo-hand-mapping.yaml").read_text("utf-8")).items()}
    schema = load_target(GENERIC)
    with open_export([demo_export]) as table:
        draft = draft_mapping(table, schema)
    drafted = _pairs(draft.mapping)
    assert set(hand) == set(draft.shapes), "the hand mapping covers every demo column"
    for column, targets in drafted.items():
        assert targets == hand[column], column
    for column, targets in hand.items():
        if not targets:
            assert column not in drafted, f"{column} must stay unmapped"
    assert drafted == {k: v for k, v in hand.items() if v}
    by = {(m.source, m.object, m.field): m.transform for m in draft.mapping.fields}
    assert by[("手机", "contact", "mobile")] == "mobile"
    assert by[("座机", "account", "phone")] == "landline"
    assert by[("最近联系日期", "account", "last_activity_date")] == "date"
    assert by[("统一社会信用代码", "account", "credit_code")] == "uscc"
    values = {(v.field, v.source_value): v.target_value for v in draft.mapping.values}
    assert values[("industry", "制造业")] == "Manufacturing"
    assert values[("industry", "制造类")] is None  # not a known spelling: left for the steward
    assert values[("rating", "c")] == "C"


def _with_columns(src: Path, dst: Path, rename: dict[str, str] | None = None,
                  extra: dict[str, list[str]] | None = None) -> Path:
    with src.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    head = [(rename or {}).get(h, h) for h in rows[0]]
    extra = extra or {}
    with dst.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(head + list(extra))
        for i, row in enumerate(rows[1:]):
            w.writerow(row + [vals[i % len(vals)] for vals in extra.values()])
    return dst


def test_english_headers_map_the_same_and_unfit_columns_stay_unmapped(
        demo_export: Path, tmp_path: Path) -> None:
    english = {"客户编号": "Customer ID", "客户名称": "Company name", "统一社会信用代码": "USCC",
               "联系人": "Contact", "手机": "Mobile phone", "座机": "Tel", "邮箱": "E-mail",
               "城市": "City", "地址": "Address", "行业": "Industry", "客户等级": "Level",
               "最近联系日期": "Last contact date"}
    path = _with_columns(demo_export, tmp_path / "en.csv", english, {
        "金额": ["2024-05-01", "2023/1/2"],         # named like amount, holds dates
        "预计成交日期": ["12000", "3500.5"],         # named like a date, holds numbers
        "name": ["x", "y"],                          # three objects have a name field
        "备注": ["老客户", "回访"]})                    # nothing matches
    schema = load_target(GENERIC)
    with open_export([path]) as table:
        draft = draft_mapping(table, schema)
    drafted = _pairs(draft.mapping)
    hand = {english[k]: set(v) for k, v in yaml.safe_load(
        (MIGRATION / "demo-hand-mapping.yaml").read_text("utf-8")).items()}
    assert drafted == hand
    assert draft.notes["金额"] == "type_mismatch"
    assert draft.notes["name"] == "ambiguous"
    assert draft.notes["备注"] == "no_match"
    assert draft.notes["预计成交日期"] == "type_mismatch"


def test_a_workbook_written_in_chinese_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "映射.xlsx"
    r = CliRunner().invoke(app, ["data", "map", str(SEEDED), "--target", str(SEEDED_TARGET),
                                 "-o", str(out), "--lang", "zh"])
    assert r.exit_code == 0, r.output
    assert "已映射" in r.output
    with open_export([SEEDED]) as table:
        back = read_mapping(out, load_target(SEEDED_TARGET), table.columns)
    assert len(back.fields) == 9 and back.unmapped == ()


def test_a_column_is_mapped_by_its_values_when_its_name_says_nothing(
        demo_export: Path, tmp_path: Path) -> None:
    path = _with_columns(demo_export, tmp_path / "x.csv", {"手机": "col_7", "邮箱": "col_8",
                                                           "最近联系日期": "col_9"})
    with open_export([path]) as table:
        draft = draft_mapping(table, load_target(GENERIC))
    drafted = _pairs(draft.mapping)
    assert drafted["col_7"] == {"contact.mobile"}
    assert drafted["col_8"] == {"contact.email"}
    assert "col_9" not in drafted  # a date is not a shape that names one field: unmapped
    basis = {m.source: m.basis for m in draft.mapping.fields}
    assert basis["col_7"] == basis["col_8"] == "shape"


# --- rehearsal: exact counts ----------------------------------------------------------------

EXPECTED = {
    "account": {"rows": 9, "rejected": 7, "fields": {
        "id": {"length": 1, "duplicate": 2}, "name": {"length": 1, "required": 1},
        "phone": {"type": 1}, "level": {"picklist": 1}, "since": {"type": 1}}},
    "opportunity": {"rows": 6, "rejected": 4, "fields": {
        "oid": {"duplicate": 1}, "title": {"required": 1},
        "account": {"required": 1, "orphan": 1}, "amount": {"type": 1}}},
}


def _nonzero(forecast: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in forecast.items() if v}


def _check_counts(objects: list[dict[str, object]] | list[object]) -> None:
    found = {}
    for o in objects:
        data = o if isinstance(o, dict) else o.model_dump()  # type: ignore[attr-defined]
        found[data["object"]] = {
            "rows": data["mapped_rows"], "rejected": data["expected_rejected"],
            "fields": {f["field"]: _nonzero(f["violations"]) for f in data["fields"]
                       if _nonzero(f["violations"])}}
    assert found == EXPECTED


SEEDED_MAPPING = TargetMapping(fields=tuple(FieldMapping(source=s, object=o, field=f,
                                                         transform=tr)  # type: ignore[arg-type]
                                            for s, o, f, tr in (
    ("客户编号", "account", "id", "none"), ("客户名称", "account", "name", "none"),
    ("电话", "account", "phone", "phone"), ("等级", "account", "level", "none"),
    ("签约日期", "account", "since", "date"), ("商机编号", "opportunity", "oid", "none"),
    ("商机名称", "opportunity", "title", "none"), ("所属客户", "opportunity", "account", "none"),
    ("金额", "opportunity", "amount", "number"))),
    values=(ValueMapping(object="account", field="level", source_value="Z", target_value=None),))


def test_a_seeded_export_gives_exactly_its_planted_violations() -> None:
    schema = load_target(SEEDED_TARGET)
    with open_export([SEEDED]) as table:
        result = rehearse(table, schema, SEEDED_MAPPING)
    _check_counts(result.objects)
    assert result.source_rows == result.rows_considered == 15
    assert (result.expected_loaded, result.expected_rejected) == (4, 11)
    assert result.effort.records == 15
    assert str(result.effort.cost_low) == "8" and str(result.effort.cost_high) == "30"
    assert str(result.effort.steward_hours) == "0.6"  # 11 × 3 min


def test_map_then_rehearse_on_the_command_line_gives_the_same_counts(tmp_path: Path) -> None:
    src = tmp_path / "seeded.csv"
    shutil.copyfile(SEEDED, src)
    before = _sha(src)
    mapping = tmp_path / "mapping.xlsx"
    r = _run("data", "map", str(src), "--target", str(SEEDED_TARGET), "-o", str(mapping))
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    r = _run("data", "rehearse", str(src), "--target", str(SEEDED_TARGET), "--mapping",
             str(mapping), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    data = json.loads((tmp_path / "out" / "seeded-rehearsal.json").read_text("utf-8"))
    _check_counts(data["rehearsals"][0]["objects"])
    assert _sha(src) == before
    md = (tmp_path / "out" / "seeded-rehearsal.md").read_text("utf-8")
    assert "| opportunity | 15 | 6 | 2 | 4 |" in md


def test_a_cleansed_copy_leaves_merged_duplicates_out(tmp_path: Path) -> None:
    src = tmp_path / "cleansed.csv"
    with SEEDED.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    rows[0].append("_survivor")
    for i, row in enumerate(rows[1:], start=1):
        row.append("no" if i in (7, 8) else ("yes" if i == 1 else ""))  # the repeated ids merged
    with src.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    with open_export([src]) as table:
        result = rehearse(table, load_target(SEEDED_TARGET), SEEDED_MAPPING)
    account = next(o for o in result.objects if o.object == "account")
    assert result.merged_duplicates == 2 and result.rows_considered == 13
    assert account.mapped_rows == 7
    assert next(f for f in account.fields if f.field == "id").violations["duplicate"] == 0


def test_rehearsing_several_targets_gives_a_comparison(demo_export: Path, tmp_path: Path) -> None:
    r = _run("data", "rehearse", str(demo_export), "--target", str(GENERIC), "--target",
             str(YUNFAN), "-o", str(tmp_path), "--format", "json")
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    run = RehearsalRun.model_validate_json((tmp_path / "customers-rehearsal.json").read_bytes())
    assert [c.target for c in run.comparison] == ["Generic CRM", "Yunfan CRM"]
    assert run.comparison[0].load_rate > run.comparison[1].load_rate  # type: ignore[operator]
    account = next(o for o in run.rehearsals[0].objects if o.object == "account")
    code = next(f for f in account.fields if f.field == "credit_code")
    assert "type" not in code.violations  # a text field loads a code the transform cannot fix
    assert code.violations["length"] == 0
    yunfan = run.rehearsals[1]
    linkman = next(o for o in yunfan.objects if o.object == "linkman")
    mobile = next(f for f in linkman.fields if f.field == "mobile")
    assert mobile.violations["required"] == mobile.violations["required"] > 0
    answers = rehearsal_answers(run)
    assert answers["data.field_mapping"].value == "defined"
    assert answers["data.test_migration"].value == "run_issues_open"


def test_the_published_schema_is_current_and_validates_the_json(tmp_path: Path) -> None:
    from tests.finance._schema import errors

    published = json.loads((REPO / "docs" / "data-rehearsal-result.schema.json")
                           .read_text("utf-8"))
    assert published == RehearsalRun.model_json_schema(mode="serialization"), (
        "docs/data-rehearsal-result.schema.json is stale: run python -m tests.tools.regen_docs")
    r = _run("data", "rehearse", str(SEEDED), "--target", str(SEEDED_TARGET), "-o",
             str(tmp_path), "--format", "json")
    assert r.exit_code == 0
    data = json.loads((tmp_path / "seeded-export-rehearsal.json").read_text("utf-8"))
    assert errors(data, published, published) == []
    data["rehearsals"][0]["surprise"] = 1  # the validator does fail
    assert errors(data, published, published)


# --- bad inputs: exit 3 naming file and place, source untouched ------------------------------

BAD_TARGETS = {
    "malformed.yaml": ("version: 1\nname: x\nobjects: {account: [\n", "line 4"),
    "unknown-type.yaml": ("version: 1\nname: x\nobjects:\n  account:\n    fields:\n"
                          "      name: {type: texte}\n", "objects.account.fields.name.type"),
    "picklist-on-text.yaml": ("version: 1\nname: x\nobjects:\n  account:\n    fields:\n"
                              "      name: {type: text, values: [A, B]}\n",
                              "picklist values are given for a field of type text"),
    "lookup-unknown.yaml": ("version: 1\nname: x\nobjects:\n  contact:\n    fields:\n"
                            "      account: {type: lookup, references: acount}\n",
                            "no object 'acount'"),
    "unknown-key.yaml": ("version: 1\nname: x\nobjects:\n  account:\n    key: ident\n"
                         "    fields:\n      name: {type: text}\n", "objects.account.key"),
}


@pytest.mark.parametrize("name", sorted(BAD_TARGETS))
@pytest.mark.parametrize("command", ["map", "rehearse"])
def test_a_bad_target_schema_is_a_located_input_error(name: str, command: str,
                                                      tmp_path: Path) -> None:
    text, where = BAD_TARGETS[name]
    bad = tmp_path / name
    bad.write_text(text, "utf-8")
    src = tmp_path / "seeded.csv"
    shutil.copyfile(SEEDED, src)
    before = _sha(src)
    out = ["-o", str(tmp_path / ("m.xlsx" if command == "map" else "out"))]
    r = _run("data", command, str(src), "--target", str(bad), *out)
    assert r.exit_code == 3, r.output  # type: ignore[attr-defined]
    flat = " ".join(r.output.split())  # type: ignore[attr-defined]
    assert name in flat and where in flat, flat
    assert _sha(src) == before
    assert not (tmp_path / "m.xlsx").exists() and not (tmp_path / "out").exists()


def _edit(src: Path, dst: Path, edit: object) -> Path:
    from openpyxl import load_workbook

    wb = load_workbook(src)
    edit(wb)  # type: ignore[operator]
    wb.save(dst)
    return dst


BAD_MAPPINGS = {
    "no-fields-sheet": (lambda wb: setattr(wb["Fields"], "title", "Feld"), "Fields"),
    "wrong-header": (lambda wb: wb["Fields"].cell(1, 3, "Zielfeld"), "Fields!C1"),
    "unknown-field": (lambda wb: wb["Fields"].cell(2, 3, "ident"), "Fields!C2"),
    "unknown-object": (lambda wb: wb["Fields"].cell(2, 2, "acount"), "Fields!B2"),
    "unknown-column": (lambda wb: wb["Fields"].cell(2, 1, "客户号"), "Fields!A2"),
    "unknown-transform": (lambda wb: wb["Fields"].cell(2, 4, "titlecase"), "Fields!D2"),
    "transform-across-types": (lambda wb: _set_row(wb, "签约日期", 4, "number"), "Fields!D"),
    "value-not-in-picklist": (lambda wb: wb["Values"].cell(2, 4, "Gold"), "Values!D2"),
}


def _set_row(wb: object, source: str, col: int, value: str) -> None:
    ws = wb["Fields"]  # type: ignore[index]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == source:
            row[col - 1].value = value


@pytest.fixture(scope="module")
def seeded_mapping(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mapping") / "mapping.xlsx"
    r = _run("data", "map", str(SEEDED), "--target", str(SEEDED_TARGET), "-o", str(out))
    assert r.exit_code == 0, r.output  # type: ignore[attr-defined]
    return out


@pytest.mark.parametrize("name", sorted(BAD_MAPPINGS))
def test_a_bad_mapping_workbook_names_sheet_and_cell(name: str, seeded_mapping: Path,
                                                     tmp_path: Path) -> None:
    edit, where = BAD_MAPPINGS[name]
    bad = _edit(seeded_mapping, tmp_path / f"{name}.xlsx", edit)
    src = tmp_path / "seeded.csv"
    shutil.copyfile(SEEDED, src)
    before = _sha(src)
    r = _run("data", "rehearse", str(src), "--target", str(SEEDED_TARGET), "--mapping",
             str(bad), "-o", str(tmp_path / "out"))
    assert r.exit_code == 3, r.output  # type: ignore[attr-defined]
    flat = "".join(r.output.split())  # type: ignore[attr-defined]
    assert f"{name}.xlsx" in flat and where in flat, r.output  # type: ignore[attr-defined]
    assert _sha(src) == before


@pytest.mark.parametrize("content", [b"PK\x03\x04 broken zip", b"not a workbook at all"])
def test_a_foreign_or_broken_workbook_is_exit_3(content: bytes, tmp_path: Path) -> None:
    bad = tmp_path / "mapping.xlsx"
    bad.write_bytes(content)
    r = _run("data", "rehearse", str(SEEDED), "--target", str(SEEDED_TARGET), "--mapping",
             str(bad), "-o", str(tmp_path / "out"))
    assert r.exit_code == 3 and "mapping.xlsx" in r.output  # type: ignore[attr-defined]


def test_another_tools_workbook_is_not_a_mapping(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Sheet1"  # type: ignore[union-attr]
    wb.save(tmp_path / "other.xlsx")
    r = _run("data", "rehearse", str(SEEDED), "--target", str(SEEDED_TARGET), "--mapping",
             str(tmp_path / "other.xlsx"), "-o", str(tmp_path / "out"))
    assert r.exit_code == 3 and "sheet 'Fields' is missing" in " ".join(
        r.output.split())  # type: ignore[attr-defined]


def test_the_mapping_read_back_equals_the_draft(seeded_mapping: Path) -> None:
    schema = load_target(SEEDED_TARGET)
    with open_export([SEEDED]) as table:
        draft = draft_mapping(table, schema)
        back = read_mapping(seeded_mapping, schema, table.columns)
    key = [(m.source, m.object, m.field, m.transform) for m in draft.mapping.fields]
    assert [(m.source, m.object, m.field, m.transform) for m in back.fields] == key
    assert back.values == draft.mapping.values


def test_the_demo_links_its_target_mapping_and_rehearsal(demo_en: Path) -> None:
    index = (demo_en / "index.html").read_text("utf-8")
    for path in ("inputs/target-generic-crm.yaml", "migration/customers-mapping.xlsx",
                 "migration/customers-cleansed-rehearsal.html"):
        assert path in index and (demo_en / path).is_file(), path
    # its own dashboard card, with the best fit's figures read from the rehearsal JSON
    assert 'data-source="migration/customers-cleansed-rehearsal.json#comparison.0.load_rate"' in index
    run = RehearsalRun.model_validate_json(
        (demo_en / "migration" / "customers-cleansed-rehearsal.json").read_bytes())
    assert run.rehearsals[0].merged_duplicates > 0
    assert {c.target for c in run.comparison} == {"Generic CRM", "Yunfan CRM"}


def test_a_rehearsal_answers_the_open_migration_questions_and_keeps_claims(
        tmp_path: Path) -> None:
    r = _run("data", "rehearse", str(SEEDED), "--target", str(SEEDED_TARGET), "-o",
             str(tmp_path), "--format", "json")
    assert r.exit_code == 0
    rehearsal = tmp_path / "seeded-export-rehearsal.json"
    demo = (examples_dir() / "demo" / "answers.yaml").read_text("utf-8")
    assert "  data.field_mapping: {value: none}\n" in demo
    open_answers = tmp_path / "answers.yaml"
    open_answers.write_text(demo.replace("  data.field_mapping: {value: none}\n", ""), "utf-8")
    results = {}
    for name, answers in (("open", open_answers),
                          ("claimed", examples_dir() / "demo" / "answers.yaml")):
        r = _run("assess", "--answers", str(answers), "--data-rehearsal", str(rehearsal),
                 "--out", str(tmp_path / name), "--format", "json")
        assert r.exit_code in (0, 1), r.output  # type: ignore[attr-defined]
        data = json.loads((tmp_path / name / "readiness.json").read_text("utf-8"))
        results[name] = json.dumps(data, ensure_ascii=False)
    assert "Rehearsal against Seeded CRM" in results["open"]
    assert "Rehearsal against Seeded CRM" not in results["claimed"]
    broken = tmp_path / "broken.json"
    broken.write_text('{"version": 1}', "utf-8")
    r = _run("assess", "--answers", str(open_answers), "--data-rehearsal", str(broken),
             "--out", str(tmp_path / "x"))
    assert r.exit_code == 3 and "broken.json" in r.output  # type: ignore[attr-defined]


def test_the_steward_s_mapping_workbook_is_kept_without_force(tmp_path: Path) -> None:
    out = tmp_path / "mapping.xlsx"
    assert _run("data", "map", str(SEEDED), "-t", str(SEEDED_TARGET), "-o",
                str(out)).exit_code == 0  # type: ignore[attr-defined]
    edited = out.read_bytes()
    r = _run("data", "map", str(SEEDED), "-t", str(SEEDED_TARGET), "-o", str(out))
    assert r.exit_code == 4 and out.read_bytes() == edited  # type: ignore[attr-defined]
    r = _run("data", "map", str(SEEDED), "-t", str(SEEDED_TARGET), "-o", str(SEEDED))
    assert r.exit_code == 2  # never onto the source  # type: ignore[attr-defined]
    assert _run("data", "map", str(SEEDED), "-t", str(SEEDED_TARGET), "-o", str(out),
                "--force").exit_code == 0  # type: ignore[attr-defined]


def test_shape_examples_are_the_smallest_values_every_run(tmp_path: Path) -> None:
    """The mapping workbook's example values do not change between runs of the same export.

    ``list(DISTINCT …)`` comes back in hash order, which differs from run to run; the
    examples are the first three in sorted order."""
    from crm_readiness.engine.data.mapping import column_shapes

    src = tmp_path / "codes.csv"
    values = [f"C{(i * 7919) % 4000:04d}" for i in range(4000)]
    src.write_text("code\n" + "\n".join(values) + "\n", encoding="utf-8")
    seen = set()
    for _ in range(4):
        with open_export([src]) as table:
            seen.add(column_shapes(table, table.columns)["code"].examples)
    assert seen == {("C0000", "C0001", "C0002")}


def test_shape_sql_is_written_once_whatever_the_columns(tmp_path: Path) -> None:
    """``column_shapes`` writes each shape's SQL once, not once per column.

    Written out per column, binding and planning the one wide query cost more than running
    it (the demo's 12 columns: 0.56 of 0.86 CPU s on no rows at all); the statements for 40
    columns are as long as for one, but for the list of column names, and measure the same."""
    import dataclasses

    from crm_readiness.engine.data.mapping import column_shapes

    names = [f"col{i:02d}" for i in range(40)]
    src = tmp_path / "wide.csv"
    cells = ["13800138000", "a@b.cn", "2024-01-05", "12.5", "无", "Acme"]
    src.write_text(",".join(names) + "\n" + "\n".join(
        ",".join(cells[c % len(cells)] for c in range(len(names))) for _ in range(30)) + "\n",
        encoding="utf-8")

    class Spy:
        def __init__(self, conn: object) -> None:
            self.conn, self.longest = conn, 0

        def execute(self, sql: str, *args: object) -> object:
            self.longest = max(self.longest, len(sql))
            return self.conn.execute(sql, *args)  # type: ignore[attr-defined]

    with open_export([src]) as table:
        one, wide = Spy(table.conn), Spy(table.conn)
        alone = column_shapes(dataclasses.replace(table, conn=one), names[:1])
        every = column_shapes(dataclasses.replace(table, conn=wide), names)
    assert wide.longest <= one.longest + 20 * len(names)
    assert every[names[0]] == alone[names[0]]
    assert every[names[1]].has("email") and every[names[1]].filled == 30
    assert every[names[4]].filled == 0 and every[names[5]].examples == ("Acme",)
    assert {s.specific for s in every.values()} == {"mobile", "email", "date", "number", None}
