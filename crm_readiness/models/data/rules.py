"""The data rules file: a data contract for one customer export.

Per column: ``required``, ``format``, ``enum``, ``pattern``, ``unique``,
``min``/``max``, thresholds, timeliness and consistency settings; a
``duplicates`` block with exact keys, fuzzy comparisons and blocking. Columns
named here must exist in the data (checked against the file's header by the
loader, with the rules file's line and column).
"""


import re
from datetime import date
from typing import Literal, Self

from pydantic import Field, field_validator, model_validator

from crm_readiness.i18n import MessageError
from crm_readiness.models._base import Model

FormatName = Literal["text", "cn_mobile", "cn_landline", "email", "date", "cn_uscc", "number",
                     "enum", "regex"]
FORMATS: tuple[str, ...] = ("text", "cn_mobile", "cn_landline", "email", "date", "cn_uscc",
                            "number", "enum", "regex")
Dimension = Literal["completeness", "validity", "uniqueness", "consistency", "timeliness"]
DIMENSIONS: tuple[Dimension, ...] = ("completeness", "validity", "uniqueness", "consistency",
                                     "timeliness")
FieldKind = Literal["company_name", "text", "address", "exact"]
Method = Literal["weighted", "probabilistic"]

#: similarity levels of a field in the probabilistic model, by kind (highest first; below
#: the last is "disagree").
DEFAULT_LEVELS: dict[str, tuple[float, ...]] = {
    "company_name": (1.0, 0.85, 0.7, 0.5), "text": (1.0, 0.8), "address": (1.0, 0.8),
    "exact": (1.0,),
}

#: values that mean "nothing was entered" (compared trimmed and case-insensitively).
DEFAULT_PLACEHOLDERS: tuple[str, ...] = (
    "无", "-", "--", "—", "——", "/", "N/A", "NA", "n.a.", "null", "none", "nil", "不详", "未知",
    "暂无", "空", "?", "？", "#N/A",
)


class Thresholds(Model):
    """Targets (0..1) a column or the whole file must reach; the domain's target is 95 %."""

    completeness: float | None = Field(default=None, ge=0, le=1)
    validity: float | None = Field(default=None, ge=0, le=1)
    uniqueness: float | None = Field(default=None, ge=0, le=1)
    consistency: float | None = Field(default=None, ge=0, le=1)
    timeliness: float | None = Field(default=None, ge=0, le=1)

    def get(self, dim: Dimension) -> float | None:
        """Return the target of dimension ``dim``."""
        value: float | None = getattr(self, dim)
        return value


def _check_regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise MessageError("model.regex_invalid", detail=str(exc)) from None
    return pattern


class ColumnRule(Model):
    """What one column must hold."""

    required: bool = Field(default=False, description="Missing values break the record.")
    format: FormatName = "text"
    enum: tuple[str, ...] | None = Field(default=None, description="Allowed values.")
    pattern: str | None = Field(default=None, description="Regular expression the whole "
                                "(trimmed) value must match.")
    unique: bool = Field(default=False, description="Every filled value must be distinct.")
    min: float | date | None = None
    max: float | date | None = None
    thresholds: Thresholds | None = None
    max_age_days: int | None = Field(default=None, ge=1, description="Date columns: values "
                                     "older than this (from as_of) are stale (timeliness).")
    city_column: str | None = Field(default=None, description="Landline columns: the city "
                                    "column whose area code the number must agree with.")

    _regex = field_validator("pattern")(lambda v: v if v is None else _check_regex(v))

    @field_validator("enum", mode="before")
    @classmethod
    def _enum_text(cls, v: object) -> object:
        if isinstance(v, list):
            return [str(x) for x in v]
        return v

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.format == "enum" and not self.enum:
            raise MessageError("model.format_enum_needs_an_enum")
        if self.format == "regex" and not self.pattern:
            raise MessageError("model.format_regex_needs_a_pattern")
        if self.max_age_days is not None and self.format != "date":
            raise MessageError("model.max_age_days_applies_to_date_columns")
        if self.city_column is not None and self.format != "cn_landline":
            raise MessageError("model.city_column_applies_to_cn_landline_columns")
        for bound in (self.min, self.max):
            if bound is not None and self.format not in ("number", "date"):
                raise MessageError("model.min_max_apply_to_number")
        return self

    @property
    def effective_enum(self) -> tuple[str, ...] | None:
        """Return the allowed values (``enum`` given with any format acts as a check)."""
        return self.enum


class FuzzyField(Model):
    """One field compared between two records, with its share of the match score."""

    column: str
    kind: FieldKind = Field(default="text", description="company_name: legal suffixes, (城市) "
                            "and region prefixes removed before comparing; text: edit "
                            "similarity; address: edit similarity, 0 when the house numbers "
                            "differ; exact: equal normalised values.")
    weight: float = Field(default=1.0, gt=0, le=100)
    levels: tuple[float, ...] | None = Field(default=None, description="Probabilistic method: "
                                             "similarity levels, highest first (default by "
                                             "kind); below the last the field disagrees.")
    m: tuple[float, ...] | None = Field(default=None, description="Probabilistic method: per "
                                        "level and then 'disagree', the share of true "
                                        "duplicate pairs at that level.")
    u: tuple[float, ...] | None = Field(default=None, description="Probabilistic method: the "
                                        "same for pairs of different customers.")

    @property
    def effective_levels(self) -> tuple[float, ...]:
        """Return the similarity levels (given, or the default of the kind)."""
        return self.levels if self.levels is not None else DEFAULT_LEVELS[self.kind]

    @model_validator(mode="after")
    def _model(self) -> Self:
        levels = self.effective_levels
        if list(levels) != sorted(levels, reverse=True) or any(not 0 < x <= 1 for x in levels):
            raise MessageError("model.fuzzy_levels_descending")
        for probs in (self.m, self.u):
            if probs is not None and (len(probs) != len(levels) + 1
                                      or any(not 0 < x < 1 for x in probs)):
                raise MessageError("model.fuzzy_m_u_per_level", levels=len(levels) + 1)
        return self


class BlockingKey(Model):
    """Records are compared only when they agree on a blocking key."""

    columns: tuple[str, ...] = Field(min_length=1)
    typos_in: str | None = Field(default=None, description="One of the columns matched with "
                                 "up to one character typed wrong (one-deletion variants).")

    @model_validator(mode="after")
    def _typo_col(self) -> Self:
        if self.typos_in is not None and self.typos_in not in self.columns:
            raise MessageError("model.typos_in_must_be_one_of")
        return self


class ModelEstimate(Model):
    """How the probabilistic model's numbers were estimated (written by ``data rules init``)."""

    candidate_pairs: int = Field(ge=0, description="Candidate pairs EM estimated m and the "
                                 "prior on.")
    random_pairs: int = Field(ge=0, description="Random record pairs u was estimated on.")
    iterations: int = Field(ge=0, description="EM iterations until the estimates settled.")
    labelled_pairs: int = Field(default=0, ge=0, description="Pairs a steward labelled "
                                "(rules init --labels) whose match status EM kept fixed.")


class FuzzyRules(Model):
    """How records of the same customer entered differently are found."""

    fields: tuple[FuzzyField, ...] = Field(min_length=1)
    threshold: float = Field(default=0.8, gt=0, le=1, description="Match score from which two "
                             "records are the same customer.")
    min_fields: int = Field(default=2, ge=1, description="Fields that must be filled on both "
                            "records for a match.")
    min_agreeing: int = Field(default=2, ge=1, description="Fields that must agree (similarity "
                              "at least agree_at) for a match: a shared name alone is not enough.")
    agree_at: float = Field(default=0.8, gt=0, le=1)
    blocking: tuple[BlockingKey, ...] = Field(min_length=1)
    max_block: int = Field(default=60, ge=2, description="Blocks larger than this are skipped "
                           "(reported) so the work stays near-linear.")
    method: Method = Field(default="weighted", description="weighted: the weighted mean of "
                           "the field similarities against threshold; probabilistic: a "
                           "Fellegi-Sunter model (m/u per field and level, prior) gives each "
                           "pair a match probability, compared with match_probability.")
    prior: float | None = Field(default=None, gt=0, lt=1, description="Probabilistic method: "
                                "the share of candidate pairs that are duplicates.")
    match_probability: float = Field(default=0.9, gt=0, lt=1, description="Probabilistic "
                                     "method: pairs from this probability match.")
    estimated: ModelEstimate | None = Field(default=None, description="Probabilistic method: "
                                            "how m, u and the prior were estimated.")
    guards: tuple[str, ...] = Field(default=(), description="Columns (a city) that, filled "
                                    "and different on two records, keep them apart whatever "
                                    "their other fields say (exact keys still join them).")

    @model_validator(mode="after")
    def _probabilistic(self) -> Self:
        if self.method == "probabilistic" and (
                self.prior is None or any(f.m is None or f.u is None for f in self.fields)):
            raise MessageError("model.fuzzy_probabilistic_needs_m_u")
        return self


class DuplicateRules(Model):
    """Exact keys (normalised) and fuzzy comparisons."""

    keys: tuple[str, ...] = Field(default=(), description="Columns whose equal normalised value "
                                  "means the same customer (mobile, e-mail, credit code).")
    hub_size: int = Field(default=8, ge=2, description="A key value shared by this many records "
                          "or more is a hub (switchboard number, placeholder) and is not "
                          "evidence.")
    fuzzy: FuzzyRules | None = None


class ScoreWeights(Model):
    """Weights of the dimensions in the composite data-readiness score."""

    completeness: float = Field(default=0.3, ge=0)
    validity: float = Field(default=0.3, ge=0)
    uniqueness: float = Field(default=0.2, ge=0)
    consistency: float = Field(default=0.1, ge=0)
    timeliness: float = Field(default=0.1, ge=0)

    def get(self, dim: Dimension) -> float:
        """Return the weight of ``dim``."""
        value: float = getattr(self, dim)
        return value


class DataRules(Model):
    """A rules file (data contract) for one customer export."""

    version: int = 1
    placeholders: tuple[str, ...] = Field(default=DEFAULT_PLACEHOLDERS, description="Values "
                                          "counted as missing (replaces the default list).")
    extra_placeholders: tuple[str, ...] = Field(default=(), description="Added to the list.")
    as_of: date | None = Field(default=None, description="Reference date for timeliness "
                               "(default: today).")
    thresholds: Thresholds = Thresholds(completeness=0.95, validity=0.95, uniqueness=0.95,
                                        consistency=0.95, timeliness=0.95)
    weights: ScoreWeights = ScoreWeights()
    columns: dict[str, ColumnRule] = Field(default_factory=dict)
    duplicates: DuplicateRules | None = None

    @field_validator("placeholders", "extra_placeholders", mode="before")
    @classmethod
    def _texts(cls, v: object) -> object:
        if isinstance(v, list):
            return ["" if x is None else str(x) for x in v]
        return v

    @model_validator(mode="after")
    def _references(self) -> Self:
        problems: list[str] = []
        for name, rule in self.columns.items():
            if rule.city_column and rule.city_column not in self.columns:
                problems.append(f"columns.{name}.city_column: {rule.city_column!r} has no rule")
        if problems:
            raise MessageError("model.city_column_unknown", columns=", ".join(problems))
        return self

    def all_placeholders(self) -> tuple[str, ...]:
        """Return every placeholder, lower-cased and trimmed, without repeats."""
        seen: dict[str, None] = {}
        for p in (*self.placeholders, *self.extra_placeholders):
            seen[p.strip().lower()] = None
        return tuple(seen)

    def referenced_columns(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Return ``(path in the file, column)`` for every data column the rules name."""
        refs: list[tuple[tuple[str | int, ...], str]] = [(("columns", c), c) for c in self.columns]
        dup = self.duplicates
        if dup is not None:
            refs += [(("duplicates", "keys", i), c) for i, c in enumerate(dup.keys)]
            if dup.fuzzy is not None:
                refs += [(("duplicates", "fuzzy", "fields", i, "column"), f.column)
                         for i, f in enumerate(dup.fuzzy.fields)]
                refs += [(("duplicates", "fuzzy", "guards", i), c)
                         for i, c in enumerate(dup.fuzzy.guards)]
                for i, b in enumerate(dup.fuzzy.blocking):
                    refs += [(("duplicates", "fuzzy", "blocking", i, "columns", j), c)
                             for j, c in enumerate(b.columns)]
        return refs
