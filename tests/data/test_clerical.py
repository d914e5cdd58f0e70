"""The clerical-review sample (issues workbook) and its decisions read back as labels."""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.engine.data.clerical import BAND_SCORE, LabelLinks, ResolvedLabels, band
from crm_readiness.engine.data.fuzzy import Matches
from crm_readiness.models.data.result import DataProfileResult
from crm_readiness.models.data.rules import FuzzyRules
from crm_readiness.render.data.clerical_sheet import add_review_sheet
from crm_readiness.workflows.data import profile_files
from tests.data.conftest import Synthetic

SHEET = "Clerical review"
REVIEW = 40


@dataclass
class Run:
    result: DataProfileResult
    workbook: Path
    folder: Path


def _profile(src: Path, rules: Path, out: Path, *, review: int = REVIEW,
             labels: Path | None = None, lang: str = "en",
             formats: tuple[str, ...] = ("json", "xlsx")) -> Run:
    """Profile ``src`` into ``out``; the issues workbook (about half a profile's cost) only
    when ``formats`` asks for it: a test that reads only the result passes ``("json",)``.
    Its issue and cluster sheets list a few rows each (no test here reads them)."""
    run = profile_files([src], rules, out, formats, lang,  # type: ignore[arg-type]
                        sample=0, review=review, labels=labels, force=True, max_issue_rows=10)
    return Run(run.result, out / f"{src.stem}-issues.xlsx", out)


@pytest.fixture(scope="module")
def first(synthetic: Synthetic, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return _profile(synthetic.csv, synthetic.rules, tmp_path_factory.mktemp("first"))


@pytest.fixture(scope="module")
def moved(synthetic: Synthetic, tmp_path_factory: pytest.TempPathFactory) -> Run:
    """A re-export of the synthetic customers with the rows in another order, profiled once in
    Chinese: the re-run of the seeded sample and the Chinese sheet at the cost of one run."""
    folder = tmp_path_factory.mktemp("moved")
    _shuffle(synthetic.csv, folder / "customers.csv")
    return _profile(folder / "customers.csv", synthetic.rules, folder / "out", lang="zh")


@pytest.fixture(scope="module")
def review_only(first: Run, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``first``'s issues workbook with only its clerical-review sheet (as the data profile
    wrote it): the labels tests that edit a sheet load and save a few rows, not every issue."""
    wb = load_workbook(first.workbook)
    for name in wb.sheetnames:
        if name != SHEET:
            del wb[name]
    path = tmp_path_factory.mktemp("review-only") / "customers-issues.xlsx"
    wb.save(path)
    return path


def _rows(path: Path, sheet: str = SHEET) -> tuple[list[str], list[list[object]]]:
    ws = load_workbook(path)[sheet]
    values = [[c.value for c in r] for r in ws.iter_rows()]
    return [str(h) for h in values[0]], [r for r in values[1:] if r and r[0]
                                          and str(r[0]).startswith("P")]


def _decide(src: Path, dst: Path, decisions: dict[str, str], sheet: str = SHEET) -> None:
    wb = load_workbook(src)
    ws = wb[sheet]
    for row in ws.iter_rows(min_row=2):
        if row[0].value in decisions:
            row[1].value = decisions[str(row[0].value)]
    wb.save(dst)


def test_sample_is_bounded_stratified_seeded_and_in_the_json(first: Run) -> None:
    sample = first.result.clerical
    assert sample is not None and sample.method == "weighted"
    assert 0 < len(sample.pairs) <= REVIEW < sample.in_band
    lo, hi = sample.band
    assert (lo, hi) == (pytest.approx(0.7 - BAND_SCORE), pytest.approx(0.7 + BAND_SCORE))
    assert all(lo - 1e-9 <= p.score <= hi + 1e-9 for p in sample.pairs)
    # stratified: every score band that has pairs contributes, none takes over
    strata = [p.stratum for p in sample.pairs]
    assert len(set(strata)) >= 6 and max(strata.count(s) for s in set(strata)) <= REVIEW // 4
    assert len({p.pair_id for p in sample.pairs}) == len(sample.pairs)
    data = json.loads((first.folder / "customers-profile.json").read_text("utf-8"))
    assert [p["pair_id"] for p in data["clerical"]["pairs"]] == [p.pair_id for p in sample.pairs]
    headers, rows = _rows(first.workbook)
    assert [r[0] for r in rows] == [p.pair_id for p in sample.pairs]
    assert headers[:3] == ["Pair id", "Decision", "Note"]
    assert "客户名称 A" in headers and "客户名称: agreement" in headers
    p0 = sample.pairs[0]
    assert rows[0][7] == p0.left.row and rows[0][8] == p0.left.id
    assert rows[0][-2:] == [p0.left.fingerprint, p0.right.fingerprint]


def test_sheet_has_a_localised_decision_list_and_print_setup(first: Run, moved: Run) -> None:
    ws = load_workbook(first.workbook)[SHEET]
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list" and dv.formula1 == '"same,different,unsure"'
    assert str(dv.sqref) == f"B2:B{len(first.result.clerical.pairs) + 1}"  # type: ignore[union-attr]
    assert ws.print_title_rows == "$1:$1" and ws.page_setup.paperSize is not None
    ws = load_workbook(moved.workbook)["人工复核"]  # the same export profiled with --lang zh
    (dv,) = ws.data_validations.dataValidation
    assert dv.formula1 == '"同一客户,不同客户,不确定"'
    assert str(dv.sqref) == f"B2:B{len(moved.result.clerical.pairs) + 1}"  # type: ignore[union-attr]
    assert ws["A1"].value == "记录对编号" and ws["B1"].value == "决定"


def test_same_pairs_on_a_reexport_with_moved_rows(first: Run, moved: Run) -> None:
    shuffled = moved
    assert shuffled.result.clerical is not None and first.result.clerical is not None
    ids = {p.pair_id for p in shuffled.result.clerical.pairs}
    assert ids == {p.pair_id for p in first.result.clerical.pairs}
    # seeded: the re-run draws the same sample, pair for pair, but for where the records are
    assert shuffled.result.clerical.model_dump(exclude={"pairs"}) == \
        first.result.clerical.model_dump(exclude={"pairs"})
    before = {p.pair_id: p for p in first.result.clerical.pairs}
    for p in shuffled.result.clerical.pairs:
        q = before[p.pair_id]
        assert (p.score, p.stratum, p.model_match, p.same_cluster) == (
            q.score, q.stratum, q.model_match, q.same_cluster)
        assert {p.left.fingerprint, p.right.fingerprint} == {q.left.fingerprint,
                                                             q.right.fingerprint}
    rows_before = {p.pair_id: p.left.row for p in first.result.clerical.pairs}
    assert any(rows_before[p.pair_id] not in (p.left.row, p.right.row)
               for p in shuffled.result.clerical.pairs)


def _shuffle(src: Path, dst: Path) -> None:
    text = src.read_text("utf-8-sig")
    head, *lines = text.splitlines(keepends=True)
    random.Random(3).shuffle(lines)
    dst.write_text(head + "".join(lines), "utf-8-sig")


def _pick(result: DataProfileResult) -> tuple[list[str], list[str]]:
    sample = result.clerical
    assert sample is not None
    linked = [p.pair_id for p in sample.pairs if p.model_match and p.same_cluster]
    unlinked = [p.pair_id for p in sample.pairs if not p.same_cluster]
    assert len(linked) >= 3 and len(unlinked) >= 3
    return linked[:3], unlinked[:3]


def test_round_trip_labels_change_clusters_and_measure_precision(
        synthetic: Synthetic, first: Run, review_only: Path, tmp_path: Path) -> None:
    linked, unlinked = _pick(first.result)
    labels = tmp_path / "previous-issues.xlsx"
    decisions = {linked[0]: "different", linked[1]: "same", linked[2]: "unsure",
                 unlinked[0]: "same", unlinked[1]: "same"}
    _decide(review_only, labels, decisions)  # a whole issues workbook: test_docs_clerical_example
    # the next export has its rows in another order: the labels follow the records (labels on
    # the very same file: test_probabilistic_labels_from_the_truth_…, test_docs_clerical_example)
    export = tmp_path / "customers.csv"
    _shuffle(synthetic.csv, export)
    second = _profile(export, synthetic.rules, tmp_path / "second", labels=labels,
                      formats=("json",))
    out = second.result.labels
    assert out is not None
    assert (out.labelled, out.same, out.different, out.unsure) == (5, 3, 1, 1)
    assert (out.linked, out.confirmed, out.rejected) == (2, 1, 1)
    assert out.measured_precision == 0.5 and out.missed == 2
    assert out.forced_links == 2 and out.kept_apart >= 1
    assert 0 < out.moved <= 2 * out.labelled  # records found at another row
    assert second.result.clerical is not None
    by_id = {p.pair_id: p for p in second.result.clerical.pairs}
    assert by_id[linked[0]].same_cluster is False  # kept apart
    assert by_id[unlinked[0]].same_cluster and by_id[unlinked[1]].same_cluster  # linked
    assert by_id[linked[0]].decision == "different"  # carried into the new sheet
    assert second.result.duplicates.clusters != first.result.duplicates.clusters or (
        second.result.duplicates.redundant_records != first.result.duplicates.redundant_records)
    report = (second.folder / "customers-profile.json").read_text("utf-8")
    assert json.loads(report)["labels"]["measured_precision"] == 0.5
    from tests.finance._schema import errors

    schema = json.loads((Path(__file__).resolve().parents[2] / "docs"
                         / "data-profile-result.schema.json").read_text("utf-8"))
    assert errors(json.loads(report), schema, schema) == []
    # the cleansed copy's cluster ids follow the labels too
    from crm_readiness.workflows.data import clean_files

    clean = tmp_path / "clean.csv"
    clean_files([export], synthetic.rules, clean, labels=labels)
    with clean.open(encoding="utf-8-sig", newline="") as fh:
        cid = {int(r["_source_row"]): r["_cluster_id"] for r in csv.DictReader(fh)}
    p = by_id[linked[0]]
    assert cid[p.left.row] != cid[p.right.row] or not cid[p.left.row]
    p = by_id[unlinked[0]]
    assert cid[p.left.row] and cid[p.left.row] == cid[p.right.row]


def _cli(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(app, ["data", "profile", *args])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.output
    assert "Traceback" not in res.output
    return res.exit_code, "".join(res.output.split())


def _cli_profile(synthetic: Synthetic, src: Path, labels: Path, out: Path,
                 lang: str = "en") -> tuple[int, str]:
    return _cli(str(src), "--rules", str(synthetic.rules), "--out", str(out), "--format", "json",
                "--labels", str(labels), "--lang", lang)


def test_a_changed_record_is_stale_exit_3(synthetic: Synthetic, first: Run, review_only: Path,
                                          tmp_path: Path) -> None:
    linked, _ = _pick(first.result)
    labels = tmp_path / "labels.xlsx"
    _decide(review_only, labels, {linked[0]: "same"})
    pair = next(p for p in first.result.clerical.pairs  # type: ignore[union-attr]
                if p.pair_id == linked[0])
    changed = tmp_path / "customers.csv"
    lines = synthetic.csv.read_text("utf-8-sig").splitlines(keepends=True)
    lines[pair.right.row - 1] = lines[pair.right.row - 1].replace(",", ",x", 1)
    changed.write_text("".join(lines), "utf-8-sig")
    row = [r[0] for r in _rows(labels)[1]].index(linked[0]) + 2
    for lang, word in (("en", "changed"), ("zh", "已修改")):
        code, text = _cli_profile(synthetic, changed, labels, tmp_path / "o", lang)
        assert code == 3 and "labels.xlsx" in text and f"{SHEET}!A{row}".replace(" ", "") in text
        assert word in text and linked[0] in text


@pytest.mark.parametrize("case", ["bad-decision", "tampered-id", "duplicate", "bad-row",
                                  "foreign", "no-header"])
def test_bad_labels_are_located_exit_3(synthetic: Synthetic, review_only: Path, tmp_path: Path,
                                       case: str) -> None:
    labels = tmp_path / "labels.xlsx"
    wb = load_workbook(review_only)
    ws = wb[SHEET]
    where = ""
    if case == "bad-decision":
        ws["B3"] = "maybe"
        where = "B3"
    elif case == "tampered-id":
        ws["B2"] = "same"
        ws["A2"] = "P000000000AB"
        where = "A2"
    elif case == "duplicate":
        for col in range(1, ws.max_column + 1):
            ws.cell(3, col).value = ws.cell(2, col).value
        ws["B2"] = ws["B3"] = "same"
        where = "A3"
    elif case == "bad-row":
        ws["B2"] = "same"
        ws["H2"] = "row seven"
        where = "H2"
    elif case == "no-header":
        ws["B1"] = "Whatever"
        where = "A1"
    else:
        wb = Workbook()
        wb.active.title = "Sheet1"  # type: ignore[union-attr]
    wb.save(labels)
    for lang in ("en", "zh"):
        code, text = _cli_profile(synthetic, synthetic.csv, labels, tmp_path / "o", lang)
        assert code == 3 and "labels.xlsx" in text, text
        if where:
            assert f"{SHEET}!{where}".replace(" ", "") in text, text
        else:
            assert "Clericalreview" in text and "人工复核" in text


def test_labels_need_fuzzy_and_a_workbook(synthetic: Synthetic, first: Run,
                                          tmp_path: Path) -> None:
    code, text = _cli(str(synthetic.csv), "--rules", str(synthetic.rules), "--out",
                      str(tmp_path / "o"), "--format", "json", "--no-fuzzy", "--labels",
                      str(first.workbook))
    assert code == 2 and "--labels" in text
    as_csv = tmp_path / "labels.csv"
    as_csv.write_text("Pair id,Decision\n", "utf-8")
    code, text = _cli_profile(synthetic, synthetic.csv, as_csv, tmp_path / "o")
    assert code == 3 and "labels.csv" in text


def _links() -> LabelLinks:
    fuzzy = FuzzyRules.model_validate({"fields": [{"column": "x"}],
                                       "blocking": [{"columns": ["x"]}]})
    return LabelLinks(fuzzy, None, ResolvedLabels([], []), "x")  # type: ignore[arg-type]


def test_different_pairs_stay_apart_through_chains() -> None:
    # a chain 0-1-2-3 and 4-5; "0 and 3 are different": the weakest link between them goes
    left = np.asarray([0, 1, 2, 4], dtype=np.int64)
    right = np.asarray([1, 2, 3, 5], dtype=np.int64)
    score = np.asarray([0.9, 0.6, 0.8, 0.7])
    m = Matches(left, right, score, np.zeros((4, 1), np.float32), 4, 0, 0)
    links = _links()
    keep = links._constrained(m, set(), [(0, 3)], 10)
    assert keep.tolist() == [True, False, True, True]
    # a "same" label outranks the scores: 1-2 kept, then 0-1; 2-3 would join 0 and 3
    keep = links._constrained(m, {(1, 2)}, [(0, 3)], 10)
    assert keep.tolist() == [True, True, False, True]


def test_probabilistic_band_is_in_match_weight() -> None:
    fuzzy = FuzzyRules.model_validate({
        "fields": [{"column": "x", "kind": "exact", "m": [0.9, 0.1], "u": [0.1, 0.9]}],
        "blocking": [{"columns": ["x"]}], "method": "probabilistic", "prior": 0.1,
        "match_probability": 0.9})
    t, lo, hi = band(fuzzy)
    w = np.log2(0.9 / 0.1)
    assert t == 0.9 and lo == pytest.approx(1 / (1 + 2 ** -(w - 6)))
    assert hi == pytest.approx(1 / (1 + 2 ** -(w + 6)))


def test_the_published_profile_schema_is_current_and_validates_the_json(first: Run) -> None:
    from tests.finance._schema import errors

    published = json.loads((Path(__file__).resolve().parents[2] / "docs"
                            / "data-profile-result.schema.json").read_text("utf-8"))
    assert published == DataProfileResult.model_json_schema(mode="serialization"), (
        "docs/data-profile-result.schema.json is stale: run python -m tests.tools.regen_docs")
    data = json.loads((first.folder / "customers-profile.json").read_text("utf-8"))
    assert data["clerical"]["pairs"] and errors(data, published, published) == []
    data["clerical"]["pairs"][0]["fields"][0]["level"] = "high"  # the validator does fail
    assert errors(data, published, published)


def test_em_keeps_labelled_pairs_at_their_label() -> None:
    from crm_readiness.engine.data.linkage import estimate

    rng = np.random.default_rng(1)
    n = 20_000
    match = rng.random(n) < 0.3
    m, u = [[0.9, 0.1], [0.8, 0.2], [0.95, 0.05]], [[0.05, 0.95], [0.1, 0.9], [0.2, 0.8]]
    lev = np.zeros((n, 3), dtype=np.int8)
    for j in range(3):
        lev[:, j] = (rng.random(n) >= np.where(match, m[j][0], u[j][0])).astype(np.int8)
    rand = np.stack([(rng.random(5000) >= u[j][0]).astype(np.int8) for j in range(3)], axis=1)
    free = estimate(lev, rand, [1, 1, 1])
    fixed = np.full(n, np.nan)
    fixed[:4000] = match[:4000].astype(np.float64)  # labelled by the truth: still right
    labelled = estimate(lev, rand, [1, 1, 1], fixed=fixed)
    assert labelled.m[0][0] == pytest.approx(0.9, abs=0.03)
    # labels that say "every pair agreeing on field 0 is different" pull m of field 0 down
    wrong = np.where(lev[:, 0] == 0, 0.0, np.nan)
    forced = estimate(lev, rand, [1, 1, 1], fixed=wrong)
    assert forced.m[0][0] < free.m[0][0] - 0.3


def test_probabilistic_labels_from_the_truth_measure_precision_and_refine_the_model(
        synthetic: Synthetic, tmp_path: Path) -> None:
    from crm_readiness.io.data_sources import load_rules
    from crm_readiness.workflows.data import draft_rules_file

    drafted = draft_rules_file(synthetic.csv, tmp_path / "drafted.yaml")
    run = _profile(synthetic.csv, drafted, tmp_path / "p1", review=100, formats=("json",))
    sample = run.result.clerical
    assert sample is not None and sample.method == "probabilistic"
    assert sample.id_column == "客户编号" and all(p.left.id for p in sample.pairs)
    assert sample.band[0] < sample.threshold < sample.band[1] and len(sample.pairs) >= 3
    true = synthetic.truth.pairs()
    truth = {p.pair_id: (p.left.record, p.right.record) in true for p in sample.pairs}
    # the sample's sheet as the workbook renders it (the workbook itself: the tests above)
    sheet = Workbook(write_only=True)
    add_review_sheet(sheet, sample, "en")
    sheet.save(tmp_path / "p1-issues.xlsx")
    labels = tmp_path / "labels.xlsx"
    _decide(tmp_path / "p1-issues.xlsx", labels,
            {k: "same" if v else "different" for k, v in truth.items()})
    second = _profile(synthetic.csv, drafted, tmp_path / "p2", labels=labels, formats=("json",))
    out = second.result.labels
    assert out is not None and out.labelled == len(sample.pairs) and out.moved == 0
    links = [p for p in sample.pairs if p.model_match]
    assert out.confirmed == sum(truth[p.pair_id] for p in links)
    assert out.rejected == sum(not truth[p.pair_id] for p in links)
    assert out.expected_precision == pytest.approx(
        sum(p.score for p in links) / len(links), abs=1e-4)
    # with every borderline pair labelled by the truth, no labelled pair is clustered wrongly
    assert second.result.clerical is not None
    assert all(p.same_cluster == truth[p.pair_id] for p in second.result.clerical.pairs
               if p.pair_id in truth)
    refined = draft_rules_file(synthetic.csv, tmp_path / "refined.yaml", labels=labels)
    before, after = load_rules(drafted).duplicates, load_rules(refined).duplicates
    assert before is not None and after is not None
    assert before.fuzzy is not None and after.fuzzy is not None
    assert after.fuzzy.estimated is not None
    assert after.fuzzy.estimated.labelled_pairs == len(sample.pairs)
    assert [f.m for f in after.fuzzy.fields] != [f.m for f in before.fuzzy.fields]


DOC_LINES = (
    "crm-readiness data profile crm-readiness-demo/inputs/customers.csv --rules "
    "crm-readiness-demo/inputs/customers-rules.yaml --out review --format json,xlsx --review 30",
    "crm-readiness data profile crm-readiness-demo/inputs/customers.csv --rules "
    "crm-readiness-demo/inputs/customers-rules.yaml --out review --format json,xlsx --review 30 "
    "--labels previous-issues.xlsx --force",
    "crm-readiness data rules init crm-readiness-demo/inputs/customers.csv --labels "
    "previous-issues.xlsx --out refined-rules.yaml",
)


def test_docs_clerical_example(demo_en: Path, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The page's clerical-review lines after the first, run on the demo's export with the
    decisions filled in the demo's issues workbook.

    The first line runs in tests/test_doc_examples.py; its sheet is the demo's own (the
    demo profiles the same export with the same rules: fewer borderline pairs than 30,
    so the same pairs, checked below).
    """
    import shlex

    from crm_readiness.io.data_sources import load_rules
    from tests.conftest import REPO

    text = (REPO / "docs" / "data.md").read_text("utf-8")
    assert all(line in text for line in DOC_LINES)
    inputs = tmp_path / "crm-readiness-demo" / "inputs"
    inputs.mkdir(parents=True)
    for name in ("customers.csv", "customers-rules.yaml"):
        shutil.copyfile(demo_en / "inputs" / name, inputs / name)
    monkeypatch.chdir(tmp_path)

    def run(line: str) -> str:
        res = CliRunner().invoke(app, [*shlex.split(line)[1:], "--lang", "en"])
        assert res.exit_code == 0, res.output
        return " ".join(res.output.split())

    data = json.loads((demo_en / "data" / "customers-profile.json").read_text("utf-8"))
    pairs = data["clerical"]["pairs"]
    assert 0 < len(pairs) <= 30
    decisions = {pairs[0]["pair_id"]: "different", pairs[-1]["pair_id"]: "same"}
    _decide(demo_en / "data" / "customers-issues.xlsx", tmp_path / "previous-issues.xlsx",
            decisions)
    assert "Labels from previous-issues.xlsx: 2 decided pairs" in run(DOC_LINES[1])
    labelled = json.loads((tmp_path / "review" / "customers-profile.json").read_text("utf-8"))
    assert labelled["labels"]["labelled"] == 2
    assert [p["pair_id"] for p in labelled["clerical"]["pairs"]] == [p["pair_id"] for p in pairs], (
        "the demo's sheet is no longer the page's first line's (more than 30 borderline pairs?)")
    assert (tmp_path / "review" / "customers-issues.xlsx").is_file()
    run(DOC_LINES[2])
    refined = load_rules(tmp_path / "refined-rules.yaml").duplicates
    assert refined is not None and refined.fuzzy is not None
    assert refined.fuzzy.estimated is not None and refined.fuzzy.estimated.labelled_pairs == 2


@pytest.mark.parametrize(("columns", "expected"), [
    (["客户名称", "客户编号"], "客户编号"), (["name", "customer_id"], "customer_id"),
    (["Account No", "x"], "Account No"), (["ID", "x"], "ID"), (["统一社会信用代码", "名称"], None),
    (["zip code", "邮政编码", "mobile"], None)])
def test_the_record_id_column_is_the_unique_one_else_found_by_name(
        columns: list[str], expected: str | None) -> None:
    from crm_readiness.engine.data.clerical import id_column
    from crm_readiness.models.data.rules import DataRules

    assert id_column(DataRules(), columns) == expected
    marked = DataRules.model_validate({"columns": {columns[-1]: {"unique": True}}})
    assert id_column(marked, columns) == columns[-1]


def test_a_chinese_workbook_is_read_by_an_english_run(tmp_path: Path) -> None:
    from crm_readiness.io.review_labels import read_labels
    from tests.hostile.test_fuzz_labels import SHEETS

    wb = load_workbook(io.BytesIO(SHEETS["zh"]))
    ws = wb["人工复核"]
    ws["B2"], ws["B3"], ws["B4"], ws["C4"] = "同一客户", "不同客户", " 不确定 ", "再查"
    wb.save(tmp_path / "zh.xlsx")
    labels = read_labels(tmp_path / "zh.xlsx")
    assert [(lab.decision, lab.note, lab.cell) for lab in labels] == [
        ("same", None, "人工复核!A2"), ("different", None, "人工复核!A3"),
        ("unsure", "再查", "人工复核!A4")]
    assert labels[0].left_row == 2 and labels[0].right_file == "c.csv"


def test_the_sample_does_not_depend_on_the_profile_keeping_its_pair_tables(
        synthetic: Synthetic) -> None:
    from crm_readiness.engine.data import ProfileOptions, profile
    from crm_readiness.engine.data.clerical import draw_review
    from crm_readiness.io.data_sources import load_rules, open_export

    with open_export([synthetic.csv]) as table:
        rules = load_rules(synthetic.rules, table.columns)
        profile(table, rules, ProfileOptions(max_listed_clusters=0))
        kept = draw_review(table, rules, 25)
        table.conn.execute("DROP TABLE _cr_pairs")
        table.conn.execute("DROP TABLE _cr_fz")
        rebuilt = draw_review(table, rules, 25)
    assert kept is not None and len(kept.pairs) == 25 and rebuilt == kept
