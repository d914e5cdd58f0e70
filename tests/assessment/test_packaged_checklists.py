"""The seven packaged checklists: valid, bilingual, complete, consistent with each other."""

from __future__ import annotations

import re

import pytest

from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.models.checklist import ChecklistSet, RiskDefault, RiskRule, RiskSpec

CJK = re.compile(r"[\u4e00-\u9fff]")
PHASES = ["strategy", "requirements", "vendor", "budget", "data", "training", "golive"]


@pytest.fixture(scope="module")
def packaged() -> ChecklistSet:
    return load_checklist_set()


def test_the_seven_phases_load_in_order_with_their_weights(packaged: ChecklistSet) -> None:
    assert [c.id for c in packaged.checklists] == PHASES
    # the six pre-purchase phases keep their 100; go-live adds 10 (the overall score is the
    # weight-normalised mean, so go-live counts 10/110 and each phase's share is weight/110)
    assert sum(c.weight for c in packaged.checklists) == pytest.approx(110)
    assert packaged.checklists[-1].weight == 10
    for c in packaged.checklists:
        core = [q for q in c.questions if q.pack is None]  # industry packs add to a phase
        assert 12 <= len(core) <= 25, (c.id, len(core))


def test_every_question_is_bilingual_with_a_default_rule_and_an_action(packaged: ChecklistSet) -> None:
    for c in packaged.checklists:
        for t in (c.title, c.description):
            assert t is not None and t.en and CJK.search(t.zh), c.id
        for q in c.questions:
            for text in (q.text, q.help, q.evidence, q.actions):
                assert text is not None, (q.id, "missing text")
                # English may quote a Chinese term in brackets (线索到回款), but is English
                assert len(CJK.findall(text.en)) < 0.2 * len(text.en), (q.id, text.en)
                assert CJK.search(text.zh), (q.id, text.zh)
            assert isinstance(q.risks[-1], RiskDefault), q.id
            assert q.roles, f"{q.id} declares no workshop role"
            assert q.source, f"{q.id} does not say which domain fact it rests on"
            for rule in q.risks:
                spec = rule.risk if isinstance(rule, RiskRule) else rule.default
                if isinstance(spec, RiskSpec):
                    assert CJK.search(spec.title.zh) and CJK.search(spec.mitigation.zh), spec.id


def test_gates_where_the_domain_says_do_not_proceed(packaged: ChecklistSet) -> None:
    gates = {q.id for c in packaged.checklists for q in c.questions if q.gate}
    assert {"strategy.executive_sponsor", "budget.approved_budget", "data.data_owner"} <= gates
    owner = packaged.question("data.data_owner")
    assert owner is not None and owner[1].applies_when is not None
    assert owner[1].applies_when.data_migration is True  # only a gate when data is migrated
    # go-live: stop without business UAT, a cut-over with rollback, reconciliation, hypercare
    assert {"golive.uat_business_testers", "golive.cutover_rollback",
            "golive.reconciliation_plan", "golive.hypercare_team"} <= gates


def test_a_shared_risk_id_means_the_same_risk(packaged: ChecklistSet) -> None:
    seen: dict[str, RiskSpec] = {}
    for c in packaged.checklists:
        for q in c.questions:
            for rule in q.risks:
                spec = rule.risk if isinstance(rule, RiskRule) else rule.default
                if isinstance(spec, RiskSpec):
                    assert seen.setdefault(spec.id, spec) == spec, f"{spec.id} differs between questions"


def test_measured_data_questions_use_a_percent_scale(packaged: ChecklistSet) -> None:
    from crm_readiness.models.checklist import NumericScale

    measured = [q for c in packaged.checklists for q in c.questions if q.measure]
    assert {q.measure for q in measured} >= {"completeness", "validity", "uniqueness"}
    for q in measured:
        scale = packaged.scale_of(q)
        assert isinstance(scale, NumericScale) and (scale.min, scale.max) == (0, 100)
