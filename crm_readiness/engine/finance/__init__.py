"""The finance engine: multi-year TCO and the ROI case (pure; Decimal money).

Public entry points: :func:`build_case` (one case, with sensitivity when
benefits are given), :func:`compare_tco` (several vendors' costs), and the
metrics :func:`npv`, :func:`irr`, :func:`payback` on plain cash flows.
"""

from crm_readiness.engine.finance.case import build_case, build_view, compare_tco
from crm_readiness.engine.finance.drivers import Driver, case_drivers
from crm_readiness.engine.finance.metrics import irr, npv, payback, sign_changes
from crm_readiness.engine.finance.sensitivity import SensitivityOptions

__all__ = ["Driver", "SensitivityOptions", "build_case", "build_view", "case_drivers",
           "compare_tco", "irr", "npv", "payback", "sign_changes"]
