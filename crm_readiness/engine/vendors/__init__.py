"""Vendor selection engine: fit, criteria, AHP, cost, knockout, ranking, robustness, spec.

Pure computation over validated models; :func:`compare` is the entry point.
"""

from crm_readiness.engine.vendors.ahp import RI_TABLE_NAME, SAATY_RI, ahp_weights
from crm_readiness.engine.vendors.ranking import compare

__all__ = ["RI_TABLE_NAME", "SAATY_RI", "ahp_weights", "compare"]
