"""Cost scored against the budget range, never against the cheapest bid.

score = 5 at or below the budget minimum, 0 at or above the maximum, linear
in between: 5 · (max − cost) / (max − min). Each vendor's score depends only on
its own cost and the budget, so adding or removing a vendor cannot reorder
the others (no rank reversal).
"""

from __future__ import annotations

from decimal import Decimal

from crm_readiness.models.vendors import Budget


def cost_score(cost: Decimal, budget: Budget) -> float:
    """Return the 0–5 cost score of a nominal TCO against ``budget``."""
    if cost <= budget.min:
        return 5.0
    if cost >= budget.max:
        return 0.0
    return 5.0 * float(budget.max - cost) / float(budget.max - budget.min)
