"""The answers file: the profile, the respondents and their answers per question.

One question may hold answers from several respondents (workshops,
questionnaires); the engine combines them by the declared consensus rule.
"""


from datetime import datetime
from typing import Any, Literal, Self

from pydantic import Field, field_validator, model_validator

from crm_readiness.i18n import MessageError
from crm_readiness.models._base import Model, Text
from crm_readiness.models.checklist import Role
from crm_readiness.models.profile import OrganizationProfile

AnswerValue = str | float | int


class Answer(Model):
    """One respondent's answer to one question: a value, or not applicable with a reason."""

    value: AnswerValue | None = None
    na: Text | None = Field(default=None, description="Not applicable, with the reason why.")
    dont_know: Text | None = Field(
        default=None, description="The respondent does not know, with why or who would: counts "
                                  "as unanswered (not as the lowest answer).")
    waived_by: str | None = Field(
        default=None, min_length=1,
        description="Who waives a gate answered not applicable (required for a gate's N/A).")
    note: Text | None = None
    evidence: Text | None = None
    respondent: str | None = None
    role: Role | None = None
    answered_at: datetime | None = None
    source: str | None = Field(default=None,
                               description="Where it came from: a questionnaire file, data profile…")

    @field_validator("value", mode="before")
    @classmethod
    def _words(cls, v: Any) -> Any:
        if isinstance(v, bool):  # YAML 1.1 reads yes/no as booleans
            return "yes" if v else "no"
        return v

    @field_validator("dont_know", mode="before")
    @classmethod
    def _unknown(cls, v: Any) -> Any:
        if v is True:
            return "-"
        if v is False:
            return None
        if isinstance(v, str) and not v.strip():
            return "-"
        return v

    @field_validator("na", mode="before")
    @classmethod
    def _reason(cls, v: Any) -> Any:
        if v is True or (isinstance(v, str) and not v.strip()):
            raise MessageError("model.not_applicable_needs_a_reason")
        if v is False:
            return None
        return v

    @model_validator(mode="after")
    def _one_of(self) -> Self:
        given = sum(x is not None for x in (self.value, self.na, self.dont_know))
        if given == 0:
            raise MessageError("model.give_a_value_or_na")
        if given > 1:
            raise MessageError("model.give_either_a_value_or")
        if self.waived_by is not None and self.na is None:
            raise MessageError("model.waived_by_goes_with_na")
        return self


class Respondent(Model):
    """A person who answers: their id (used in answers), name and role."""

    id: str = Field(min_length=1)
    name: str | None = None
    role: Role
    weight: float = Field(default=1.0, gt=0, le=10, description="Personal weight in consensus.")


class ConsensusRule(Model):
    """How several respondents' scores for one question combine into one."""

    rule: Literal["median", "mean", "weighted"] = "median"
    role_weights: dict[Role, float] = Field(
        default_factory=dict, description="For 'weighted': weight per role (default 1).")


class AnswersFile(Model):
    """An answers file: profile, optional respondents and consensus rule, answers by question id."""

    version: int = 1
    profile: OrganizationProfile
    respondents: tuple[Respondent, ...] = ()
    consensus: ConsensusRule = ConsensusRule()
    answers: dict[str, tuple[Answer, ...]] = Field(default_factory=dict)

    @field_validator("answers", mode="before")
    @classmethod
    def _listify(cls, v: Any) -> Any:
        # a single answer may be written as a mapping; several as a list; an empty
        # section (only comments under "answers:") means no answers yet
        if v is None:
            return {}
        if isinstance(v, dict):
            return {k: ([a] if isinstance(a, dict) else a) for k, a in v.items()}
        return v

    @field_validator("respondents", mode="before")
    @classmethod
    def _none_is_empty(cls, v: Any) -> Any:
        return () if v is None else v

    @model_validator(mode="after")
    def _respondents(self) -> Self:
        ids = [r.id for r in self.respondents]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise MessageError("model.respondent_ids_repeat", ids=", ".join(dup))
        return self

    def respondent(self, rid: str | None) -> Respondent | None:
        """Return the declared respondent with id ``rid``."""
        return next((r for r in self.respondents if r.id == rid), None) if rid else None
