"""The migration-rehearsal result: load-failure forecast, reconciliation counts, effort.

Counts are exact (computed in DuckDB over every record); money is Decimal.
A record of an object is *rejected* when any of its fields breaks a rule of
the target schema; the reconciliation counts are the ones the cut-over checks
(source rows = rows excluded as merged duplicates + rows per object …).
"""


from decimal import Decimal

from pydantic import Field

from crm_readiness.models._base import ResultModel
from crm_readiness.models.data.result import SourceInfo
from crm_readiness.models.data.target import FieldType


class FieldForecast(ResultModel):
    """What one target field would do on load."""

    field: str
    type: FieldType
    source: str | None = Field(description="The source column mapped to it (None: unmapped).")
    transform: str | None = None
    required: bool = False
    filled: int = Field(description="Mapped rows with a value for this field.")
    violations: dict[str, int] = Field(description="Rows breaking each rule "
                                             "(type, length, required, picklist, duplicate, "
                                             "orphan); only kinds that apply are listed.")
    examples: list[str] = Field(default_factory=list,
                                description="A few offending source values.")

    @property
    def failing(self) -> int:
        """Return the violations of every kind, summed."""
        return sum(self.violations.values())


class ObjectForecast(ResultModel):
    """Load-failure forecast and reconciliation counts of one target object."""

    object: str
    mapped_rows: int = Field(description="Source rows that yield a record of this object.")
    expected_loaded: int
    expected_rejected: int
    fields: list[FieldForecast]
    unmapped_required: list[str] = Field(default_factory=list,
                                         description="Required fields no column fills.")

    @property
    def reject_rate(self) -> float | None:
        """Return the share of mapped rows forecast to fail (None when nothing is mapped)."""
        return None if self.mapped_rows == 0 else self.expected_rejected / self.mapped_rows


class Effort(ResultModel):
    """Effort estimate: a cleansing service per record (guides: 0.5–2 CNY) and steward hours."""

    records: int
    cost_per_record_low: Decimal
    cost_per_record_high: Decimal
    cost_low: Decimal
    cost_high: Decimal
    issues: int = Field(description="Rejected rows a steward must fix before cut-over.")
    minutes_per_issue: Decimal
    steward_hours: Decimal
    currency: str = "CNY"


class RehearsalResult(ResultModel):
    """One rehearsal of a source export against one target schema."""

    target: str = Field(description="The target schema's name (CRM or vendor).")
    target_file: str
    mapping_file: str
    files: list[SourceInfo]
    source_rows: int
    merged_duplicates: int = Field(description="Rows a cleansed copy marks as merged into a "
                                   "surviving record (_survivor = no); not loaded.")
    rows_considered: int
    objects: list[ObjectForecast]
    unmapped_columns: list[str]
    expected_loaded: int
    expected_rejected: int
    load_rate: float | None = Field(description="Expected loaded / mapped rows, all objects.")
    mapped_fields: int
    target_fields: int
    effort: Effort


class FitRow(ResultModel):
    """One target in a migration-fit comparison."""

    target: str
    target_file: str
    mapped_fields: int
    target_fields: int
    unmapped_required: int
    expected_loaded: int
    expected_rejected: int
    load_rate: float | None
    steward_hours: Decimal


class RehearsalRun(ResultModel):
    """The rehearsals of one export against one or more target schemas (``--target`` repeated)."""

    version: int = 1
    rehearsals: list[RehearsalResult]
    comparison: list[FitRow] = Field(description="One row per target, best load rate first.")
