"""The data-profile result: everything the report, workbook and JSON show.

Rates are fractions in [0, 1] (``None`` = not assessed, which is not zero);
counts are exact. Per-row detail (every failing row, every cluster member)
can be far larger than a report; the result keeps capped examples and
totals, and the issues workbook streams the full lists from the engine.
"""


from datetime import date

from pydantic import Field

from crm_readiness.models._base import ResultModel
from crm_readiness.models.data.clerical import ClericalSample, LabelOutcome
from crm_readiness.models.data.rules import Dimension, FormatName, ModelEstimate

RuleBroken = str  # missing_required · invalid_format · not_in_enum · pattern · below_min · …


class SourceInfo(ResultModel):
    """One input file as it was read."""

    path: str
    kind: str = Field(description="csv or xlsx")
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    rows: int
    first_record: int = Field(description="Record number (0-based) of its first row overall.")


class ValueChange(ResultModel):
    """A value as entered and as normalisation would write it."""

    raw: str
    normalised: str


class ColumnProfile(ResultModel):
    """Measurements of one column."""

    name: str
    format: FormatName
    required: bool
    ruled: bool = Field(description="Named in the rules file (not only inferred).")
    rows: int
    missing: int
    placeholders: int = Field(description="Missing because a placeholder (无, N/A …) was entered.")
    filled: int
    checked: int = Field(description="Filled values a format, enum, pattern or range checks.")
    valid: int
    invalid: int
    distinct: int
    duplicate_values: int = Field(description="Filled values repeating an earlier one.")
    unique: bool
    changed: int = Field(description="Valid values normalisation would rewrite.")
    consistency_checked: int = 0
    inconsistent: int = 0
    timeliness_checked: int = 0
    stale: int = 0
    completeness: float | None
    validity: float | None
    uniqueness: float | None
    consistency: float | None = None
    timeliness: float | None = None
    below_threshold: tuple[Dimension, ...] = ()
    change_examples: tuple[ValueChange, ...] = ()
    invalid_examples: tuple[str, ...] = ()
    top_values: tuple[tuple[str, int], ...] = ()


class DimensionScore(ResultModel):
    """One data-quality dimension over the whole file."""

    dimension: Dimension
    value: float | None = Field(description="0..1, None when not assessed.")
    target: float | None
    checked: int = Field(description="Values (or records) the rate is computed over.")
    passed: bool | None


#: hub values a profile keeps per column, the most shared first: the result (and its JSON)
#: stays bounded when a key column is nothing but shared values; ``hub_values`` counts all.
HUBS_KEPT = 1_000


class HubValue(ResultModel):
    """A key value shared by so many records that it is not evidence of a duplicate."""

    column: str
    value: str
    records: int


class ExactKeyDuplicates(ResultModel):
    """Records sharing one normalised key value."""

    column: str
    groups: int
    records: int
    examples: tuple[tuple[str, int], ...] = Field(default=(), description="(value, records)")


class FieldMatch(ResultModel):
    """How strongly one field matched between two records."""

    column: str
    similarity: float
    left: str
    right: str


class MatchEvidence(ResultModel):
    """Why two records are taken as the same customer."""

    left: int = Field(description="Record number (0-based).")
    right: int
    score: float
    fields: tuple[FieldMatch, ...]


class ClusterMember(ResultModel):
    """One record in a duplicate cluster."""

    record: int
    file: str
    row: int = Field(description="Row in its file (the header is row 1).")
    survivor: bool
    values: dict[str, str | None]


class DuplicateCluster(ResultModel):
    """Records taken as one customer, with the evidence for it."""

    cluster_id: int
    size: int
    members: tuple[ClusterMember, ...]
    evidence: tuple[MatchEvidence, ...]


class DuplicateSummary(ResultModel):
    """Exact-key duplicates, hubs and fuzzy clusters."""

    exact: tuple[ExactKeyDuplicates, ...] = ()
    hubs: tuple[HubValue, ...] = Field(default=(), description="Hub values, the most shared "
                                       f"first: at most {HUBS_KEPT:,} per column.")
    hub_values: int = Field(default=0, description="Hub values found in all columns (``hubs`` "
                            f"lists at most {HUBS_KEPT:,} per column).")
    fuzzy_run: bool = False
    candidate_pairs: int = 0
    matched_pairs: int = 0
    skipped_blocks: int = 0
    skipped_block_records: int = 0
    clusters: int = 0
    records_in_clusters: int = 0
    redundant_records: int = Field(default=0, description="Records beyond the first in each "
                                   "cluster: what merging would remove.")
    key_links: int = Field(default=0, description="Links from the exact keys that the fuzzy "
                           "comparison alone did not make (kept: a shared key is a duplicate).")
    method: str | None = Field(default=None, description="How fuzzy pairs were decided: "
                               "weighted or probabilistic.")
    precision_estimate: float | None = Field(
        default=None, description="Expected pairwise precision of the clusters (probabilistic "
        "method): from each link's match probability under the estimated model.")
    estimated: ModelEstimate | None = Field(default=None, description="How the probabilistic "
                                            "model was estimated (from the rules file).")
    listed: tuple[DuplicateCluster, ...] = ()

    @property
    def hubs_total(self) -> int:
        """Return the hub values found (a result written before ``hub_values``: those listed)."""
        return max(self.hub_values, len(self.hubs))


class ReadinessScore(ResultModel):
    """Composite data-readiness: weighted mean of the assessed dimensions."""

    value: float | None
    target: float = 0.95
    weights: dict[str, float]
    dimensions_used: tuple[Dimension, ...]
    weakest: Dimension | None = Field(default=None, description="The assessed dimension with "
                                      "the lowest value: what the verdict names.")
    weakest_value: float | None = None
    key_column: str | None = Field(default=None, description="The dedup key (the credit-code "
                                   "key if there is one, else the first exact key).")
    key_completeness: float | None = Field(default=None, description="Share of records with "
                                           "the dedup key filled.")


class DataProfileResult(ResultModel):
    """A data profile of one customer export (one or several files read together)."""

    tool_version: str
    as_of: date
    rules_source: str | None = Field(description="The rules file, or None when inferred.")
    files: tuple[SourceInfo, ...]
    rows: int
    columns: tuple[ColumnProfile, ...]
    dimensions: tuple[DimensionScore, ...]
    readiness: ReadinessScore
    required_columns: tuple[str, ...]
    records_passing: int
    record_pass_rate: float | None
    normalisation_changes: int
    issue_rows: int = Field(description="Records with at least one problem.")
    duplicates: DuplicateSummary
    clerical: ClericalSample | None = Field(default=None, description="The clerical-review "
                                            "sample of borderline pairs (issues workbook).")
    labels: LabelOutcome | None = Field(default=None, description="What the steward's labels "
                                        "(--labels) did and measured.")
    notes: tuple[str, ...] = ()

    def dimension(self, dim: Dimension) -> DimensionScore | None:
        """Return the score of one dimension."""
        return next((d for d in self.dimensions if d.dimension == dim), None)

    def column(self, name: str) -> ColumnProfile | None:
        """Return the profile of column ``name``."""
        return next((c for c in self.columns if c.name == name), None)


class IssueRow(ResultModel):
    """One problem in one row, for the data steward (streamed; not part of the result)."""

    record: int
    file: str
    row: int
    column: str
    value: str | None
    rule: RuleBroken
    detail: str | None = Field(default=None, description="Expected area code, allowed values, "
                               "the row a value first appears in, the normalised date …")
    format: FormatName = "text"


class ClusterRow(ResultModel):
    """One record of a duplicate cluster, for the side-by-side sheet (streamed)."""

    cluster_id: int
    record: int
    file: str
    row: int
    survivor: bool
    best_score: float | None
    values: dict[str, str | None]
