"""Progress between assessments: snapshots and the comparison of two of them.

A snapshot keeps the whole result it was taken from (question texts, weights,
scores, checklist versions), so it can be compared after the checklists have
changed: a question added or retired is reported as such, never as a score
change.
"""


from datetime import datetime
from typing import Literal

from pydantic import Field

from crm_readiness.models._base import ResultModel, Text
from crm_readiness.models.assessment import AssessmentResult, Band, Verdict
from crm_readiness.models.checklist import OwnerRole

SNAPSHOT_FORMAT = 1


class Snapshot(ResultModel):
    """A saved assessment run: its name, when, the checklist versions and the full result."""

    format: int = SNAPSHOT_FORMAT
    name: str
    taken_at: datetime
    answers_file: str | None = None
    checklist_versions: dict[str, int]
    result: AssessmentResult


class SnapshotInfo(ResultModel):
    """One line of ``history``."""

    name: str
    taken_at: datetime
    path: str
    overall: float | None
    coverage: float
    verdict: Verdict
    blockers: int
    risks: int
    checklist_versions: dict[str, int]


class PhaseDelta(ResultModel):
    """One phase between snapshot A and B.

    ``like_for_like`` compares only the questions both runs had, so a question
    added or retired moves ``checklist_effect``, not the comparable change.
    """

    id: str
    title: Text
    status: Literal["both", "added", "retired"]
    version_a: int | None = None
    version_b: int | None = None
    score_a: float | None = None
    score_b: float | None = None
    coverage_a: float | None = None
    coverage_b: float | None = None
    verdict_a: Verdict | None = None
    verdict_b: Verdict | None = None
    delta: float | None = Field(default=None, description="score_b − score_a as reported.")
    like_for_like: float | None = Field(
        default=None, description="Score change over the questions both snapshots share.")
    checklist_effect: float | None = Field(
        default=None, description="delta − like_for_like: the part due to added/retired questions.")
    questions_added: tuple[str, ...] = ()
    questions_retired: tuple[str, ...] = ()


class QuestionChange(ResultModel):
    """A question in both snapshots whose combined answer changed."""

    question_id: str
    phase: str
    text: Text
    score_a: float | None
    score_b: float | None
    status_a: str
    status_b: str


class QuestionRef(ResultModel):
    """A question named in a comparison (added, retired)."""

    question_id: str
    phase: str
    text: Text
    status: str = Field(description="Its status in the snapshot that has it.")


class BlockerRef(ResultModel):
    """A go-live blocker in a comparison."""

    question_id: str
    phase: str
    text: Text
    new_question: bool = Field(default=False,
                               description="Opened only because the question is new.")


class RiskRef(ResultModel):
    """A risk in a comparison."""

    id: str
    title: Text
    band: Band
    exposure: int
    exposure_before: int | None = None
    owner: OwnerRole | None = None


class ActionRef(ResultModel):
    """An action of snapshot A, now done (its question is at full score or not applicable)."""

    question_id: str
    phase: str
    action: Text
    score_b: float | None = None
    owner: OwnerRole | None = None


class Comparison(ResultModel):
    """Snapshot A against snapshot B (B is normally the later one)."""

    a: SnapshotInfo
    b: SnapshotInfo
    overall_delta: float | None = None
    verdict_a: Verdict
    verdict_b: Verdict
    phases: tuple[PhaseDelta, ...]
    questions_added: tuple[QuestionRef, ...] = ()
    questions_retired: tuple[QuestionRef, ...] = ()
    questions_changed: tuple[QuestionChange, ...] = ()
    blockers_closed: tuple[BlockerRef, ...] = ()
    blockers_opened: tuple[BlockerRef, ...] = ()
    blockers_retired: tuple[BlockerRef, ...] = Field(
        default=(), description="Blockers of A whose question no longer exists in B.")
    risks_added: tuple[RiskRef, ...] = ()
    risks_retired: tuple[RiskRef, ...] = ()
    risks_changed: tuple[RiskRef, ...] = ()
    actions_done: tuple[ActionRef, ...] = ()
    actions_new: tuple[ActionRef, ...] = ()
    open_blockers: tuple[BlockerRef, ...] = Field(default=(), description="B's go-live blockers.")
    top_risks: tuple[RiskRef, ...] = Field(default=(), description="B's top risks by exposure.")
    next_actions: tuple[ActionRef, ...] = Field(
        default=(), description="B's next actions: its path to Ready (else its action plan) first.")
