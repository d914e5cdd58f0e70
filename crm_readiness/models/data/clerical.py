"""The clerical-review sample of borderline pairs and the labels a steward gives back.

The issues workbook's *Clerical review* sheet shows :class:`ClericalSample`;
a later ``data profile --labels WORKBOOK`` reads the decisions back
(:class:`LabelledPair`) and reports what they measured (:class:`LabelOutcome`).
"""


from typing import Literal

from pydantic import Field

from crm_readiness.models._base import ResultModel

Decision = Literal["same", "different", "unsure"]
DECISIONS: tuple[Decision, ...] = ("same", "different", "unsure")


class ReviewRecord(ResultModel):
    """One side of a reviewed pair: where the record is and what identifies its content."""

    record: int = Field(description="Record number (0-based) in this run.")
    file: str
    row: int = Field(description="Row in its file, the header being row 1.")
    id: str | None = Field(default=None, description="The record's own id (the first column "
                           "the rules mark unique, else one named like an id), when there is "
                           "one.")
    fingerprint: str = Field(description="Hash of the record's raw values: a re-exported file "
                             "with moved rows still maps, a changed record is stale.")


class ReviewField(ResultModel):
    """One compared field of a pair, side by side."""

    column: str
    left: str | None
    right: str | None
    similarity: float | None = Field(description="None: empty on a side, left out.")
    level: int | None = Field(description="Agreement level (0 = the highest; ``levels`` = "
                              "disagree; None = left out).")
    levels: int = Field(description="Similarity levels of the field (disagree is one more).")
    agreement: str = Field(description="The level in words: equal, ≥ x, disagree or empty.")


class ReviewPair(ResultModel):
    """A borderline candidate pair for the steward to decide."""

    pair_id: str = Field(description="Stable id from both records' fingerprints.")
    left: ReviewRecord
    right: ReviewRecord
    score: float = Field(description="Match probability (probabilistic) or match score "
                         "(weighted) under the rules.")
    model_match: bool = Field(description="The rules alone link the pair.")
    same_cluster: bool = Field(description="The two records ended in one cluster of this run.")
    stratum: int = Field(description="Score band of the sample (0 = lowest).")
    fields: tuple[ReviewField, ...]
    decision: Decision | None = Field(default=None, description="A decision carried over from "
                                      "the labels read in this run.")
    note: str | None = None


class ClericalSample(ResultModel):
    """A bounded, seeded, stratified sample of candidate pairs around the match threshold."""

    method: str = Field(description="weighted or probabilistic: what ``score`` is.")
    threshold: float = Field(description="The score from which the rules link a pair.")
    band: tuple[float, float] = Field(description="Scores counted as borderline.")
    strata: int
    seed: int
    size: int = Field(description="Pairs asked for (--review).")
    scanned_pairs: int = Field(description="Candidate pairs scored for the sample (all of "
                               "them, or a seeded sample of a very large set).")
    candidate_pairs: int
    in_band: int = Field(description="Scanned pairs inside the band.")
    id_column: str | None
    columns: tuple[str, ...] = Field(description="The compared fields, in the rules' order.")
    pairs: tuple[ReviewPair, ...]


class LabelledPair(ResultModel):
    """One decided row of a clerical-review sheet, as read back."""

    pair_id: str
    left_file: str | None
    left_row: int
    left_fingerprint: str
    right_file: str | None
    right_row: int
    right_fingerprint: str
    decision: Decision
    note: str | None = None
    cell: str = Field(description="Where the pair is (its id cell, Sheet!A7).")


class LabelOutcome(ResultModel):
    """What the steward's labels did and measured in this run."""

    source: str = Field(description="The workbook the labels were read from.")
    labelled: int = Field(description="Decided pairs read (same + different + unsure).")
    same: int
    different: int
    unsure: int
    moved: int = Field(description="Labelled records found by their fingerprint at another row.")
    linked: int = Field(description="Same/different pairs the rules alone link.")
    confirmed: int = Field(description="… of which the steward said 'same'.")
    rejected: int = Field(description="… of which the steward said 'different'.")
    missed: int = Field(description="'Same' pairs the rules alone do not link.")
    measured_precision: float | None = Field(description="confirmed / (confirmed + rejected): "
                                             "the precision of the labelled borderline links.")
    expected_precision: float | None = Field(description="Mean match probability of the same "
                                             "links (probabilistic method): the model's own "
                                             "estimate for them.")
    forced_links: int = Field(description="'Same' pairs added as links.")
    kept_apart: int = Field(description="Links dropped so that no 'different' pair shares a "
                            "cluster.")
    conflicts: int = Field(default=0, description="'Same' pairs not linked because a "
                           "'different' label keeps their clusters apart.")


#: the clerical-review sheet's fixed columns (catalogue ``data.rv.col.<key>``), in sheet order;
#: the compared fields follow ``id_b``, the fingerprints come last. A reader finds them by header.
LEAD_COLUMNS = ("pair_id", "decision", "note", "score", "model_match", "same_cluster",
                "file_a", "row_a", "id_a", "file_b", "row_b", "id_b")
TAIL_COLUMNS = ("fp_a", "fp_b")
#: the columns a labels reader needs.
READ_COLUMNS = ("pair_id", "decision", "note", "file_a", "row_a", "fp_a", "file_b", "row_b",
                "fp_b")
