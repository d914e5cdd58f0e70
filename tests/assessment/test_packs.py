"""Industry packs: each loads and validates, and the profile's industry switches it on and off.

Visible in the questions asked (assessment result, questionnaire, ``checklist packs``) and in
the requirements catalogue (the specification's modules).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from crm_readiness.engine.conditions import applies
from crm_readiness.engine.scoring import assess
from crm_readiness.engine.vendors.spec import build_spec
from crm_readiness.io.checklists import load_checklist_set, pack_files
from crm_readiness.io.vendors import load_catalogue
from crm_readiness.io.yaml_files import load_model
from crm_readiness.models.answers import AnswersFile
from crm_readiness.models.checklist import ChecklistSet, IndustryPack
from crm_readiness.models.profile import OrganizationProfile
from tests.conftest import no_traceback

PACKS = {"manufacturing": ("manufacturing",), "retail": ("retail", "consumer_goods", "ecommerce"),
         "regulated_services": ("finance", "banking", "insurance", "professional_services")}
# the topics the issue names for each pack, found in its question texts (en and zh)
TOPICS = {"manufacturing": (("dealer", "installed base", "spare-parts"), ("经销商", "设备台账", "备件")),
          "retail": (("membership", "channels", "campaigns"), ("会员", "渠道", "营销活动")),
          "regulated_services": (("compliance", "approval chains", "project delivery"),
                                 ("合规", "审批链", "项目交付"))}


@pytest.fixture(scope="module")
def packaged() -> ChecklistSet:
    return load_checklist_set()


def _profile(industry: str) -> OrganizationProfile:
    return OrganizationProfile(organization="Pack Co", industry=industry, size="mid", users=80,
                               scope=("sales", "service", "marketing"))


def _asked(sets: ChecklistSet, industry: str) -> set[str]:
    p = _profile(industry)
    return {q.id for c in sets.checklists for q in c.questions if applies(q.applies_when, p)}


def test_each_packaged_pack_loads_validates_and_is_bilingual(packaged: ChecklistSet) -> None:
    from crm_readiness._resources import checklists_dir

    files = {p.stem: p for p in pack_files(checklists_dir())}
    assert set(files) == set(PACKS)
    catalogue = load_catalogue()
    for pid, path in files.items():
        pack = load_model(path, IndustryPack)
        assert pack.id == pid and pack.industries == PACKS[pid]
        texts_en = " ".join(q.text.en for qs in pack.questions.values() for q in qs).lower()
        texts_zh = " ".join(q.text.zh for qs in pack.questions.values() for q in qs)
        en, zh = TOPICS[pid]
        assert all(w in texts_en for w in en) and all(w in texts_zh for w in zh), pid
        for q in (q for qs in pack.questions.values() for q in qs):
            assert q.text.en.strip() and q.text.zh.strip() and q.source and q.roles, q.id
            assert q.help and q.help.en.strip() and q.help.zh.strip()
        # the catalogue module it brings is switched on by the same industries
        assert pack.catalogue_module is not None
        module = catalogue.modules[pack.catalogue_module]
        assert module.industry == pack.industries
        assert [r for r in catalogue.requirements if r.module == pack.catalogue_module]
        # merged into the packaged set, every question marked with its pack
        info = next(p for p in packaged.packs if p.id == pid)
        for qid in info.questions:
            found = packaged.question(qid)
            assert found is not None and found[1].pack == pid


@pytest.mark.parametrize(("industry", "on"), [("manufacturing", "manufacturing"),
                                               ("retail", "retail"),
                                               ("Consumer_Goods ", "retail"),
                                               ("finance", "regulated_services"),
                                               ("professional_services", "regulated_services"),
                                               ("other", None)])
def test_the_profile_industry_switches_exactly_its_pack_on(packaged: ChecklistSet, industry: str,
                                                          on: str | None) -> None:
    asked = _asked(packaged, industry)
    for info in packaged.packs:
        mine = set(info.questions) & asked
        if info.id == on:
            assert mine, (industry, info.id)
        else:
            assert not mine, (industry, info.id)
    base = _asked(packaged, "other")
    assert base <= asked  # a pack only adds


def test_a_pack_question_keeps_its_own_condition(packaged: ChecklistSet) -> None:
    # project delivery is in the finance/services pack, but only for professional services
    assert "requirements.svc_project_delivery" in _asked(packaged, "professional_services")
    assert "requirements.svc_project_delivery" not in _asked(packaged, "finance")
    assert "requirements.svc_compliance_rules" in _asked(packaged, "finance")
    # the installed base needs service in scope as well as manufacturing
    sales_only = OrganizationProfile(organization="x", industry="manufacturing", size="smb",
                                     users=10, scope=("sales",))
    q = packaged.question("requirements.mfg_installed_base")
    assert q is not None and not applies(q[1].applies_when, sales_only)


def test_assessment_result_and_spec_follow_the_industry(packaged: ChecklistSet) -> None:
    catalogue = load_catalogue()
    for industry, on, off in (("manufacturing", "manufacturing", "retail"),
                              ("retail", "retail", "manufacturing")):
        answers = AnswersFile(profile=_profile(industry))
        result = assess(packaged, answers)
        packs = {p.id: p for p in result.packs}
        assert packs[on].on and packs[on].questions
        assert not packs[off].on and packs[off].questions == ()
        statuses = {q.id: q.status for ph in result.phases for q in ph.questions}
        assert all(statuses[qid] == "unanswered" for qid in packs[on].questions)
        off_ids = next(p.questions for p in packaged.packs if p.id == off)
        assert all(statuses[qid] == "excluded" for qid in off_ids)  # not for this profile
        spec = build_spec(catalogue, answers)
        in_scope = {m.module for m in spec.in_scope}
        out = {mid for mid, _ in spec.out_of_scope}
        assert f"industry_{on}" in in_scope and f"industry_{off}" in out


def test_questionnaire_and_report_show_the_pack(runner: CliRunner, write_yaml,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    import openpyxl

    for industry in ("manufacturing", "retail"):
        path = write_yaml(f"{industry}.yaml", {"profile": {
            "organization": "Pack Co", "industry": industry, "size": "mid", "users": 80,
            "scope": ["sales", "service", "marketing"]}})
        out = tmp_path / industry
        r = runner.invoke(app, ["questionnaire", "export", "--role", "sales", "--answers",
                                str(path), "--out", str(out), "--lang", "en",
                                "--max-questions", "200"])
        no_traceback(r)
        assert r.exit_code == 0, r.output
        ws = openpyxl.load_workbook(out / "questionnaire-sales.xlsx")["Questions"]
        ids = {str(c.value) for c in ws["A"] if c.value}
        assert ("requirements.mfg_dealer_channel" in ids) == (industry == "manufacturing")
        assert ("strategy.retail_store_metrics" in ids) == (industry == "retail")
        if industry != "retail":
            continue
        r = runner.invoke(app, ["assess", "--answers", str(path), "--out", str(out / "rep"),
                                "--lang", "zh", "--format", "md,json"])
        no_traceback(r)
        assert r.exit_code == 0, r.output
        data = json.loads((out / "rep" / "readiness.json").read_text("utf-8"))
        on = [p["id"] for p in data["packs"] if p["on"]]
        assert on == [industry]
        md = (out / "rep" / "readiness.md").read_text("utf-8")
        assert "行业包" in md and "适用于本行业" in md and "未启用（其他行业）" in md
        assert "行业包" in " ".join(r.output.split())


def test_checklist_packs_lists_on_and_off(runner: CliRunner) -> None:
    r = runner.invoke(app, ["checklist", "packs", "--industry", "retail", "--lang", "en"],
                      env={"COLUMNS": "300"})
    no_traceback(r)
    assert r.exit_code == 0, r.output
    rows = {line.split("│")[1].strip(): line for line in r.output.splitlines()
            if line.count("│") > 3 and line.split("│")[1].strip() in PACKS}
    assert set(rows) == set(PACKS)
    assert rows["retail"].rstrip(" │").endswith("on")
    assert "off (another industry)" in rows["manufacturing"]


def test_a_broken_user_pack_is_located_in_both_languages(runner: CliRunner,  # type: ignore[no-untyped-def]
                                                         write_yaml, tmp_path: Path) -> None:
    from crm_readiness._resources import checklists_dir

    folder = tmp_path / "extra"
    (folder / "packs").mkdir(parents=True)
    text = (checklists_dir() / "packs" / "retail.yaml").read_text("utf-8")
    (folder / "packs" / "retail.yaml").write_text(text.replace("  strategy:\n", "  strateg:\n"),
                                                  "utf-8")
    path = write_yaml("a.yaml", {"profile": {"organization": "x", "industry": "retail",
                                             "size": "smb", "users": 5}})
    for lang, words in (("en", "unknown phase 'strateg'"), ("zh", "未知的阶段 'strateg'")):
        r = runner.invoke(app, ["assess", "--answers", str(path), "--checklists", str(folder),
                                "--out", str(tmp_path / "o"), "--lang", lang])
        no_traceback(r)
        assert r.exit_code == 3
        flat = " ".join(r.output.split())
        assert "retail.yaml" in flat and words in flat and "questions.strateg" in flat


def test_checklist_validate_checks_packs_too(runner: CliRunner, tmp_path: Path) -> None:
    from crm_readiness._resources import checklists_dir

    r = runner.invoke(app, ["checklist", "validate", str(checklists_dir()), "--lang", "en"])
    no_traceback(r)
    assert r.exit_code == 0, r.output
    assert "manufacturing: valid (4 questions)" in r.output
    bad = tmp_path / "packs" / "bad.yaml"
    bad.parent.mkdir()
    text = (checklists_dir() / "packs" / "retail.yaml").read_text("utf-8")
    bad.write_text(text.replace("answers: maturity4", "answers: maturity9", 1), "utf-8")
    r = runner.invoke(app, ["checklist", "validate", str(bad), "--lang", "en"])
    no_traceback(r)
    assert r.exit_code == 3
    assert "bad.yaml" in r.output and "unknown answer scale 'maturity9'" in r.output


def test_a_requirement_can_narrow_its_pack_to_some_industries() -> None:
    catalogue = load_catalogue()

    def ids(industry: str) -> set[str]:
        spec = build_spec(catalogue, AnswersFile(profile=_profile(industry)))
        return {r.id for m in spec.in_scope for r in m.requirements}

    bank, consultancy, shop = ids("banking"), ids("professional_services"), ids("retail")
    assert {"FIN-01", "FIN-02", "FIN-03"} <= bank and "FIN-04" not in bank
    assert {"FIN-01", "FIN-02", "FIN-04"} <= consultancy and "FIN-03" not in consultancy
    assert not any(i.startswith("FIN-") for i in shop) and "RET-01" in shop
