"""Data-readiness models: the rules file (data contract) and the profile result."""

from crm_readiness.models.data.result import (
    ClusterMember,
    ClusterRow,
    ColumnProfile,
    DataProfileResult,
    DimensionScore,
    DuplicateCluster,
    DuplicateSummary,
    ExactKeyDuplicates,
    FieldMatch,
    HubValue,
    IssueRow,
    MatchEvidence,
    ReadinessScore,
    SourceInfo,
    ValueChange,
)
from crm_readiness.models.data.rules import (
    DEFAULT_PLACEHOLDERS,
    DIMENSIONS,
    FORMATS,
    BlockingKey,
    ColumnRule,
    DataRules,
    Dimension,
    DuplicateRules,
    FormatName,
    FuzzyField,
    FuzzyRules,
    ScoreWeights,
    Thresholds,
)

__all__ = [
    "DEFAULT_PLACEHOLDERS", "DIMENSIONS", "FORMATS", "BlockingKey", "ClusterMember", "ClusterRow",
    "ColumnProfile", "ColumnRule", "DataProfileResult", "DataRules", "Dimension",
    "DimensionScore", "DuplicateCluster", "DuplicateRules", "DuplicateSummary",
    "ExactKeyDuplicates", "FieldMatch", "FormatName", "FuzzyField", "FuzzyRules", "HubValue",
    "IssueRow", "MatchEvidence", "ReadinessScore", "ScoreWeights", "SourceInfo", "Thresholds",
    "ValueChange",
]
