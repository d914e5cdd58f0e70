"""Each document carries the project's own facts: the training plan's headcounts and dates, the
migration plan's measured data, the go-live checklist's gates and items with status, owner and
evidence; the demo writes all five in Word and HTML, linked from its index."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import yaml

from crm_readiness.io.assessment import load_answers_file
from crm_readiness.io.data_sources import load_profile_result
from crm_readiness.models.document import Document
from crm_readiness.render import Format
from crm_readiness.render.documents import render_document
from crm_readiness.workflows.documents import STEMS, build_documents
from tests.documents.conftest import DAY, DEMO, PROFILE, START


def _md(doc: Document, lang: str = "en") -> str:
    return render_document(doc, Format.md, lang).decode("utf-8").replace("\\", "")  # type: ignore[arg-type]


def test_training_plan_counts_people_from_the_profile_and_dates_from_the_plan(
        demo_docs: dict[str, Document]) -> None:
    from crm_readiness.engine.plan import build_plan
    from crm_readiness.workflows.assessment import score
    from crm_readiness.workflows.inputs import load_answers, load_checklist_set

    users = load_answers_file(DEMO / "answers.yaml").profile.users
    text = _md(demo_docs["training"])
    assert f"| Front-line users (sales, customer service) | {users} |" in text
    assert f"| Seed users and internal trainers | {math.ceil(users / 10)} |" in text
    checklists = load_checklist_set()
    plan = build_plan(score(checklists, load_answers(DEMO / "answers.yaml", checklists)), START)
    stages = {s.id: s for s in plan.stages}
    assert f"| {stages['training_golive'].start.isoformat()} |" in text
    assert f"| {stages['rollout'].start.isoformat()} |" in text


def test_migration_plan_shows_the_measured_data(demo_docs: dict[str, Document]) -> None:
    profile = load_profile_result(PROFILE)
    text = _md(demo_docs["migration"])
    source = Path(profile.files[0].path).name
    assert f"{source}: {profile.files[0].rows:,} records" in text
    assert profile.readiness.value is not None
    assert f"Data-readiness score {profile.readiness.value * 100:.1f} %" in text
    assert f"{profile.duplicates.clusters:,} duplicate clusters" in text
    for column in profile.columns:  # the field-mapping sheet lists every measured column
        assert f"| {column.name} |" in text, column.name
    zh = _md(demo_docs["migration"], "zh")
    assert "手机号（11 位）" in zh and "完整率" in zh
    without = build_documents(["migration"], DEMO / "answers.yaml", today=DAY)[0]
    assert "crm-readiness data profile" in _md(without) and f"| {profile.columns[0].name} |" not in _md(without)


GOLIVE_PHASE = {
    "id": "golive", "version": 1, "order": 7, "weight": 10,
    "title": {"en": "Go-live and operations", "zh": "上线与运营"},
    "questions": [
        {"id": "golive.uat_signed", "weight": 5, "gate": True, "answers": "yes_no",
         "text": {"en": "Has the business signed off user acceptance testing?",
                  "zh": "业务部门是否已签署用户验收测试？"},
         "risks": [{"default": "none"}], "actions": {"en": "Run UAT.", "zh": "执行用户验收测试。"}},
        {"id": "golive.hypercare_team", "weight": 3, "answers": "yes_no",
         "text": {"en": "Is a hypercare team named for the first weeks?", "zh": "是否已指定上线初期的保障团队？"},
         "risks": [{"default": "none"}], "actions": {"en": "Name it.", "zh": "指定团队。"}},
    ],
}


def test_golive_checklist_has_every_gate_and_item_with_status_owner_and_evidence(tmp_path: Path) -> None:
    from crm_readiness.workflows.assessment import score
    from crm_readiness.workflows.inputs import load_answers, load_checklist_set

    extra = tmp_path / "checklists"
    extra.mkdir()
    (extra / "golive.yaml").write_text(yaml.safe_dump(GOLIVE_PHASE, allow_unicode=True), "utf-8")
    data = yaml.safe_load((DEMO / "answers.yaml").read_text("utf-8"))
    # this test's own golive phase replaces the packaged one: drop the demo's golive answers
    data["answers"] = {k: v for k, v in data["answers"].items() if not k.startswith("golive.")}
    data["answers"]["golive.uat_signed"] = {"value": "yes", "evidence": "UAT sign-off sheet 2027-10"}
    data["answers"]["golive.hypercare_team"] = {"value": "no"}
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")

    doc = build_documents(["golive"], answers, checklists=extra, today=DAY)[0]
    text = _md(doc)
    checklists = load_checklist_set(extra)
    result = score(checklists, load_answers(answers, checklists))
    gates = [q for ph in result.phases for q in ph.questions if q.gate]
    assert len(gates) > 5
    for q in gates:
        assert f"| {q.text.en} |" in text, q.id
    uat = "| Has the business signed off user acceptance testing? | Met | to be confirmed | UAT sign-off sheet 2027-10"
    assert uat in text
    items = text.split("## 2 Go-live and operations items")[1].split("## 3")[0]
    assert "| Is a hypercare team named for the first weeks? | Not met |" in items
    assert "signed off user acceptance" not in items  # a gate is listed once, among the gates
    sponsor = next(q for q in gates if q.id == "strategy.executive_sponsor")
    assert "Project charter v2" in text and sponsor.text.en in text  # the demo answer's evidence
    assert "上线报告（观察期结束后填写）" in _md(doc, "zh")


def test_demo_part_writes_all_five_in_word_and_html_linked_from_the_index(tmp_path: Path) -> None:
    from crm_readiness.demo.index import render_index
    from crm_readiness.workflows.documents import demo_part

    (tmp_path / "data").mkdir()
    shutil.copyfile(PROFILE, tmp_path / "data" / "customers-profile.json")
    entries = demo_part(tmp_path, "zh")
    written = sorted(p.name for p in (tmp_path / "documents").iterdir())
    assert written == sorted(f"{stem}{suffix}" for stem in STEMS.values() for suffix in (".docx", ".html"))
    index = render_index(tmp_path, entries, "zh")
    for name in written:
        assert f'href="documents/{name}"' in index, name
    page = (tmp_path / "documents" / "migration-plan.html").read_text("utf-8")
    assert 'lang="zh-CN"' in page and "数据迁移方案" in page and "customers.csv" in page
