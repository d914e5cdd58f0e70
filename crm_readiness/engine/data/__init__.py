"""Data readiness: validate, measure and deduplicate a customer export inside DuckDB.

The io layer loads the files into a DuckDB table (:class:`DataTable`); the
engine runs SQL over it (validators, metrics, blocking, the similarity of the
blocked candidate pairs) and numpy over the pairs' numbers only, so memory stays
bounded as files grow.
"""

from crm_readiness.engine.data.profile import ProfileOptions, profile
from crm_readiness.engine.data.table import DataTable, Progress, no_progress

__all__ = ["DataTable", "ProfileOptions", "Progress", "no_progress", "profile"]
