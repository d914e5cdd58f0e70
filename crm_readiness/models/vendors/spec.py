"""The requirements specification (需求说明书) as a result model: what the document says."""


from typing import Literal

from crm_readiness.models._base import ResultModel, Text
from crm_readiness.models.profile import OrganizationProfile
from crm_readiness.models.requirements import GlossaryEntry, Requirement, Section

NoteKind = Literal["goal", "kpi", "context"]


class SpecNote(ResultModel):
    """A note from the strategy (or data) answers: what the organisation said and where."""

    question_id: str
    question: Text | None
    note: Text
    kind: NoteKind
    respondent: str | None = None


class SpecModule(ResultModel):
    """A module's requirements in priority order."""

    module: str
    name: Text
    section: Section
    requirements: tuple[Requirement, ...]


class SpecDocument(ResultModel):
    """Everything the specification shows, in order."""

    profile: OrganizationProfile
    catalogue_title: Text | None
    goals: tuple[SpecNote, ...]
    kpis: tuple[SpecNote, ...]
    context: tuple[SpecNote, ...]
    in_scope: tuple[SpecModule, ...]
    out_of_scope: tuple[tuple[str, Text], ...]
    functional: tuple[SpecModule, ...]
    integrations: tuple[SpecModule, ...]
    non_functional: tuple[SpecModule, ...]
    data_notes: tuple[SpecNote, ...]
    glossary: tuple[GlossaryEntry, ...]
    priority_counts: dict[str, int]
