"""Workshop results: consensus across respondents, the workshop agenda, the trend over snapshots.

These models hang off :class:`~crm_readiness.models.assessment.AssessmentResult`
(``consensus`` and ``trend``), so they import nothing from it.
"""


from datetime import datetime

from pydantic import Field

from crm_readiness.models._base import ResultModel, Text
from crm_readiness.models.checklist import Role


class RespondentSummary(ResultModel):
    """A respondent and how many questions they answered."""

    id: str
    name: str | None = None
    role: Role | None = None
    answered: int = 0


class Opinion(ResultModel):
    """What one respondent said about one question."""

    respondent: str | None = None
    name: str | None = None
    role: Role | None = None
    value: str | None = None
    label: Text | None = None
    score: float | None = Field(default=None, description="0..1; None when not applicable.")
    na: Text | None = None
    note: Text | None = None


class ConsensusItem(ResultModel):
    """One question answered by two or more respondents: combined score and disagreement."""

    question_id: str
    phase: str
    text: Text
    weight: int
    gate: bool = False
    combined: float | None = Field(description="Combined score by the consensus rule (0..1).")
    spread: float = Field(description="Highest − lowest respondent score (0..1).")
    disputed: bool = Field(description="spread ≥ the disagreement threshold.")
    priority: float = Field(description="spread × weight: how worth discussing it is.")
    low_roles: tuple[Role, ...] = Field(default=(), description="Roles of the lowest scorers.")
    high_roles: tuple[Role, ...] = Field(default=(), description="Roles of the highest scorers.")
    low_respondents: tuple[str, ...] = ()
    high_respondents: tuple[str, ...] = ()
    opinions: tuple[Opinion, ...] = ()


class AgendaItem(ResultModel):
    """A workshop agenda entry: a disputed question, ranked by spread × weight."""

    rank: int
    question_id: str
    phase: str
    text: Text
    weight: int
    gate: bool = False
    spread: float
    priority: float
    combined: float | None = None
    low_roles: tuple[Role, ...] = ()
    high_roles: tuple[Role, ...] = ()
    low_respondents: tuple[str, ...] = ()
    high_respondents: tuple[str, ...] = ()
    help: Text | None = Field(default=None, description="What a good answer looks like.")


class ConsensusSummary(ResultModel):
    """The consensus section of a report: respondents, per-question agreement, the agenda."""

    rule: str = "median"
    threshold: float = Field(default=0.34, description="Spread from which a question is disputed.")
    respondents: tuple[RespondentSummary, ...] = ()
    items: tuple[ConsensusItem, ...] = Field(
        default=(), description="Questions with two or more scored answers, in checklist order.")
    agenda: tuple[AgendaItem, ...] = ()

    @property
    def disputed(self) -> tuple[ConsensusItem, ...]:
        """Return the disputed questions."""
        return tuple(i for i in self.items if i.disputed)


class TrendPoint(ResultModel):
    """One snapshot in the trend: its name, time and scores."""

    name: str
    taken_at: datetime
    overall: float | None = None
    phases: dict[str, float | None] = Field(default_factory=dict)


class Trend(ResultModel):
    """Scores per phase over the saved snapshots (oldest first), for the trend chart."""

    points: tuple[TrendPoint, ...] = ()
    phase_titles: dict[str, Text] = Field(default_factory=dict)
