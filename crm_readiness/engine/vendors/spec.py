"""The requirements specification (需求说明书) from the catalogue, the profile and the answers.

Goals and KPIs are the notes the organisation wrote on its strategy questions
(question ids starting ``strategy.``): a note whose question id mentions a
KPI, metric, target or measure is filed under KPIs, one that mentions a goal,
objective, vision, roadmap, quick win or alignment under goals, and every other
strategy note (pain points, sponsor, team) under the current situation. Modules whose ``scope``
does not meet the profile's scope, or whose ``industry`` (an industry pack) is not the
profile's, are listed as out of scope.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from crm_readiness.models._base import Text
from crm_readiness.models.answers import AnswersFile
from crm_readiness.models.requirements import PRIORITIES, Requirement, RequirementsCatalogue
from crm_readiness.models.vendors.spec import NoteKind, SpecDocument, SpecModule, SpecNote

KPI_WORDS = ("kpi", "metric", "target", "measure", "success")
GOAL_WORDS = ("goal", "objective", "vision", "roadmap", "quick_win", "alignment")


def _kind(question_id: str) -> NoteKind:
    low = question_id.lower()
    if any(w in low for w in KPI_WORDS):
        return "kpi"
    if any(w in low for w in GOAL_WORDS):
        return "goal"
    return "context"


def _notes(answers: AnswersFile, prefix: str, questions: Mapping[str, Text]) -> list[SpecNote]:
    out: list[SpecNote] = []
    for qid, given in answers.answers.items():
        if not qid.startswith(prefix):
            continue
        for a in given:
            if a.note:
                out.append(SpecNote(question_id=qid, question=questions.get(qid),
                                    note=a.note, kind=_kind(qid),
                                    respondent=a.respondent))
    return out


def module_in_scope(catalogue: RequirementsCatalogue, module: str,
                    scope: Iterable[str] | None, industry: str | None = None) -> bool:
    """Whether catalogue ``module`` is in an organisation's ``scope`` and ``industry``.

    The one rule (specification, ranking, RFP): a module that names the scopes it
    belongs to is in when one of them is the organisation's; a module of an industry
    pack is in only for that industry; any other module always is. ``scope`` None
    means every scope.
    """
    info = catalogue.modules.get(module)
    if info is None:
        return True
    if scope is not None and info.scope and not set(scope).intersection(info.scope):
        return False
    return not info.industry or (industry or "").strip().lower() in info.industry


def requirement_applies(req: Requirement, industry: str | None) -> bool:
    """Whether a requirement narrowed to some industries applies to ``industry``."""
    return not req.industry or (industry or "").strip().lower() in req.industry


def scoped_catalogue(catalogue: RequirementsCatalogue, scope: Iterable[str] | None,
                     industry: str | None = None) -> RequirementsCatalogue:
    """Return ``catalogue`` without the requirements outside ``scope`` and ``industry``."""
    wanted = None if scope is None else tuple(scope)
    keep = tuple(r for r in catalogue.requirements
                 if module_in_scope(catalogue, r.module, wanted, industry)
                 and requirement_applies(r, industry))
    return catalogue.model_copy(update={"requirements": keep})


def build_spec(catalogue: RequirementsCatalogue, answers: AnswersFile,
               questions: Mapping[str, Text] | None = None) -> SpecDocument:
    """Return the specification for the organisation in ``answers`` from ``catalogue``.

    ``questions`` maps question ids to their text (from the checklists) for context.
    """
    qs = questions or {}
    scope = set(answers.profile.scope)
    industry = answers.profile.industry.strip().lower()
    order = {p: i for i, p in enumerate(PRIORITIES)}
    modules: list[SpecModule] = []
    out_of_scope: list[tuple[str, Text]] = []
    for mid in catalogue.module_ids():
        info = catalogue.modules.get(mid)
        reqs = tuple(sorted((r for r in catalogue.requirements if r.module == mid
                             and requirement_applies(r, industry)),
                            key=lambda r: order[r.priority]))
        if not reqs:
            continue
        if not module_in_scope(catalogue, mid, scope, industry):
            assert info is not None
            out_of_scope.append((mid, info.name))
            continue
        modules.append(SpecModule(module=mid, name=catalogue.module_name(mid),
                                  section=info.section if info else "functional",
                                  requirements=reqs))
    strategy = _notes(answers, "strategy.", qs)
    data_notes = _notes(answers, "data.", qs) if answers.profile.data_migration else []
    included = [r for m in modules for r in m.requirements]
    return SpecDocument(
        profile=answers.profile, catalogue_title=catalogue.title,
        goals=tuple(n for n in strategy if n.kind == "goal"),
        kpis=tuple(n for n in strategy if n.kind == "kpi"),
        context=tuple(n for n in strategy if n.kind == "context"),
        in_scope=tuple(modules), out_of_scope=tuple(out_of_scope),
        functional=tuple(m for m in modules if m.section == "functional"),
        integrations=tuple(m for m in modules if m.section == "integration"),
        non_functional=tuple(m for m in modules if m.section == "non_functional"),
        data_notes=tuple(data_notes), glossary=catalogue.glossary,
        priority_counts={p: sum(1 for r in included if r.priority == p) for p in PRIORITIES})
