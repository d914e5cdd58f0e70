"""Knockout: a vendor that leaves any *must* unmet (not supported) is not ranked.

It is still scored and shown, so the client sees what it would have scored.
Unanswered requirements are reported but do not knock a vendor out: nobody
has said the vendor cannot do it yet.
"""

from __future__ import annotations

from collections.abc import Sequence

from crm_readiness.models.vendors import RequirementOutcome, Status


def must_gaps(outcomes: Sequence[RequirementOutcome]) -> tuple[str, ...]:
    """Return the ids of must requirements the vendor does not support."""
    return tuple(o.id for o in outcomes if o.must_gap)


def unanswered(outcomes: Sequence[RequirementOutcome]) -> tuple[str, ...]:
    """Return the ids of requirements without a response."""
    return tuple(o.id for o in outcomes if o.response is None)


def status_of(gaps: Sequence[str]) -> Status:
    """Return ``knocked_out`` when any must is unmet, else ``eligible``."""
    return "knocked_out" if gaps else "eligible"
