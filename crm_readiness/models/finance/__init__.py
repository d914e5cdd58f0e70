"""Finance models: the costs and benefits files (inputs) and the TCO/ROI results."""

from crm_readiness.models.finance.inputs import (
    BENCHMARK_SPLIT,
    COST_CATEGORIES,
    Benefit,
    BenefitsFile,
    CostCategory,
    CostsFile,
    OneTimeCost,
    RecurringCost,
    StaffCost,
)
from crm_readiness.models.finance.results import (
    BreakEven,
    CaseView,
    CategoryTotal,
    FinanceCase,
    FinanceFlag,
    IrrResult,
    LineFlow,
    MonteCarloResult,
    Payback,
    ScenarioResult,
    SensitivityResult,
    SplitRow,
    TcoComparison,
    TornadoRow,
)

__all__ = [
    "BENCHMARK_SPLIT", "COST_CATEGORIES", "Benefit", "BenefitsFile", "BreakEven", "CaseView",
    "CategoryTotal", "CostCategory", "CostsFile", "FinanceCase", "FinanceFlag", "IrrResult",
    "LineFlow", "MonteCarloResult", "OneTimeCost", "Payback", "RecurringCost", "ScenarioResult",
    "SensitivityResult", "SplitRow", "StaffCost", "TcoComparison", "TornadoRow",
]
