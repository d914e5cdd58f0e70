"""Consensus across respondents: who said what, how far apart, what to discuss first.

For every question answered (with a score) by two or more respondents:

- the *combined* score is the declared consensus rule's (median by default,
  see :mod:`crm_readiness.engine.consensus`) — the same number the phase score
  uses;
- the *spread* is the highest minus the lowest respondent score (0..1);
- the question is *disputed* when spread ≥ ``disagreement_threshold``
  (``scoring.yaml``, 0.34 by default: one step apart on a four-step scale is
  not a dispute, two steps are);
- its agenda *priority* is spread × question weight; the workshop agenda lists
  the disputed questions by priority (gates first on ties).

A disputed question is a risk in itself (``basis: disagreement``): the people
who will use the CRM do not share one picture of where the company stands.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from crm_readiness.i18n import Lang, t
from crm_readiness.models._base import Text, tr
from crm_readiness.models.answers import AnswersFile
from crm_readiness.models.assessment import QuestionResult, RiskItem
from crm_readiness.models.checklist import ROLES, Checklist, ChecklistSet, Question, Role
from crm_readiness.models.profile import OrganizationProfile
from crm_readiness.models.workshop import (
    AgendaItem,
    ConsensusItem,
    ConsensusSummary,
    Opinion,
    RespondentSummary,
)

_EPS = 1e-9

#: minutes a respondent needs per question, by scale kind (reading, thinking, picking)
MINUTES_PER_QUESTION = {"choices": 0.5, "numeric": 1.0}
DEFAULT_CAP = 30


@dataclass(frozen=True)
class QuestionnairePlan:
    """What one role's questionnaire holds: the core (at most the cap) and the optional rest."""

    role: Role
    core: tuple[tuple[Checklist, Question], ...]
    optional: tuple[tuple[Checklist, Question], ...]
    minutes: int
    optional_minutes: int


def _minutes(checklists: ChecklistSet, items: Sequence[tuple[Checklist, Question]]) -> int:
    total = sum(MINUTES_PER_QUESTION[checklists.scale_of(q).kind] for _, q in items)
    return math.ceil(total) if items else 0


def questionnaire_plan(checklists: ChecklistSet, role: Role, profile: OrganizationProfile, *,
                       cap: int = DEFAULT_CAP, data_profile: bool = False) -> QuestionnairePlan:
    """Return the questions ``role`` can answer well, sized: the ``cap`` most important first.

    A question goes to the roles it declares (all roles when it declares none) when it
    applies to the profile. A *measured* question (``measure``: a data-profile percentage)
    goes to IT alone when a data profile exists (``data_profile``) or is planned (the
    profile migrates data): staff would only guess a number the profile measures. The
    core is ranked gates first, then by weight, then by how early the question lists the
    role; the rest is offered as optional. Both keep checklist order in the workbook.
    """
    from crm_readiness.engine.conditions import applies

    measured_elsewhere = data_profile or profile.data_migration
    found: list[tuple[int, Checklist, Question]] = []
    for c in checklists.checklists:
        for q in c.questions:
            if q.roles and role not in q.roles:
                continue
            if not applies(q.applies_when, profile):
                continue
            if q.measure is not None and measured_elsewhere and role != "it":
                continue
            found.append((len(found), c, q))
    ranked = sorted(found, key=lambda x: (not x[2].gate, -x[2].weight,
                                          x[2].roles.index(role) if role in x[2].roles else 9,
                                          x[0]))
    keep = {i for i, _, _ in ranked[:max(cap, 0)]}
    core = tuple((c, q) for i, c, q in found if i in keep)
    optional = tuple((c, q) for i, c, q in found if i not in keep)
    return QuestionnairePlan(role=role, core=core, optional=optional,
                             minutes=_minutes(checklists, core),
                             optional_minutes=_minutes(checklists, optional))


def _ordered_roles(roles: set[Role | None]) -> tuple[Role, ...]:
    return tuple(r for r in ROLES if r in roles)


def consensus_item(q: Question, phase: str, result: QuestionResult, threshold: float,
                   names: dict[str, str | None]) -> ConsensusItem | None:
    """Return the consensus view of one question (None with fewer than two scored answers)."""
    scored = [r for r in result.responses if r.score is not None]
    if len(scored) < 2:
        return None
    scores = [r.score for r in scored if r.score is not None]
    lo, hi = min(scores), max(scores)
    spread = hi - lo
    low = [r for r in scored if r.score is not None and r.score <= lo + _EPS]
    high = [r for r in scored if r.score is not None and r.score >= hi - _EPS]
    opinions = tuple(
        Opinion(respondent=r.respondent, name=names.get(r.respondent or ""), role=r.role,
                value=r.value, label=r.label, score=r.score, na=r.na, note=r.note)
        for r in result.responses)
    disputed = spread >= threshold - _EPS and spread > _EPS
    return ConsensusItem(
        question_id=q.id, phase=phase, text=q.text, weight=q.weight, gate=q.gate,
        combined=result.score, spread=spread, disputed=disputed, priority=spread * q.weight,
        low_roles=_ordered_roles({r.role for r in low}) if spread > _EPS else (),
        high_roles=_ordered_roles({r.role for r in high}) if spread > _EPS else (),
        low_respondents=tuple(r.respondent or "?" for r in low) if spread > _EPS else (),
        high_respondents=tuple(r.respondent or "?" for r in high) if spread > _EPS else (),
        opinions=opinions)


def agenda(items: Sequence[ConsensusItem], questions: dict[str, Question]) -> tuple[
        AgendaItem, ...]:
    """Return the workshop agenda: disputed questions by spread × weight, gates first on ties."""
    order = {item.question_id: i for i, item in enumerate(items)}
    ranked = sorted((i for i in items if i.disputed),
                    key=lambda i: (-round(i.priority, 9), not i.gate, order[i.question_id]))
    return tuple(
        AgendaItem(rank=n + 1, question_id=i.question_id, phase=i.phase, text=i.text,
                   weight=i.weight, gate=i.gate, spread=i.spread, priority=i.priority,
                   combined=i.combined, low_roles=i.low_roles, high_roles=i.high_roles,
                   low_respondents=i.low_respondents, high_respondents=i.high_respondents,
                   help=questions[i.question_id].help)
        for n, i in enumerate(ranked))


def _teams(roles: Sequence[Role], lang: Lang) -> str:
    names = [t(f"workshop.team.{r}", lang) for r in roles] or [t("workshop.team.unknown", lang)]
    return t("workshop.join", lang).join(names)


def disagreement_risk(item: ConsensusItem, checklists: ChecklistSet) -> RiskItem:
    """Return the risk a disputed question raises ("the sales team and IT disagree on …")."""
    same = set(item.low_roles) == set(item.high_roles)

    def title(lang_: Lang) -> str:
        question = item.text.get(lang_)
        if same:
            text = t("workshop.risk.title_within", lang_, teams=_teams(item.low_roles, lang_),
                     question=question)
        else:
            text = t("workshop.risk.title", lang_, low=_teams(item.low_roles, lang_),
                     high=_teams(item.high_roles, lang_), question=question)
        return text[:1].upper() + text[1:]

    likelihood = 4 if item.spread >= 0.67 - _EPS else 3
    impact = 5 if item.gate else max(2, min(5, item.weight))
    exposure = likelihood * impact
    mitigation = tr("workshop.risk.mitigation")
    rid = "R-DISAGREE-" + item.question_id.upper().replace(".", "-").replace("_", "-")
    return RiskItem(id=rid, category="management", title=Text(en=title("en"), zh=title("zh")),
                    likelihood=likelihood, impact=impact, exposure=exposure,
                    band=checklists.scoring.exposure.band(exposure), mitigation=mitigation,
                    owner="project_manager", phases=(item.phase,),
                    questions=(item.question_id,), basis="disagreement")


def _respondents(answers: AnswersFile,
                 phases: Sequence[tuple[Checklist, Sequence[QuestionResult]]]) -> tuple[
        RespondentSummary, ...]:
    counts: dict[str, int] = {}
    roles: dict[str, Role | None] = {}
    for _, results in phases:
        for r in results:
            for resp in r.responses:
                if resp.respondent:
                    counts[resp.respondent] = counts.get(resp.respondent, 0) + 1
                    roles.setdefault(resp.respondent, resp.role)
    out = [RespondentSummary(id=p.id, name=p.name, role=p.role, answered=counts.get(p.id, 0))
           for p in answers.respondents]
    declared = {p.id for p in answers.respondents}
    out.extend(RespondentSummary(id=rid, role=roles.get(rid), answered=n)
               for rid, n in counts.items() if rid not in declared)
    return tuple(out)


def consensus_section(checklists: ChecklistSet, answers: AnswersFile,
                      phases: Sequence[tuple[Checklist, Sequence[QuestionResult]]]) -> tuple[
        ConsensusSummary, tuple[RiskItem, ...]]:
    """Return the consensus section and one disagreement risk per disputed question.

    ``phases`` pairs each selected checklist with its question results (the
    scoring engine's own, so combined scores match the phase scores).
    """
    threshold = checklists.scoring.disagreement_threshold
    names = {p.id: p.name for p in answers.respondents}
    questions: dict[str, Question] = {}
    items: list[ConsensusItem] = []
    for checklist, results in phases:
        for q, r in zip(checklist.questions, results, strict=True):
            questions[q.id] = q
            if r.status != "answered":
                continue
            item = consensus_item(q, checklist.id, r, threshold, names)
            if item is not None:
                items.append(item)
    summary = ConsensusSummary(rule=answers.consensus.rule, threshold=threshold,
                               respondents=_respondents(answers, phases), items=tuple(items),
                               agenda=agenda(items, questions))
    risks = tuple(disagreement_risk(i, checklists) for i in items if i.disputed)
    return summary, risks
