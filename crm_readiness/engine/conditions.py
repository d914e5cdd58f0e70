"""Matching structured applicability conditions against the organisation profile."""

from __future__ import annotations

from crm_readiness.models.checklist import Condition
from crm_readiness.models.profile import OrganizationProfile


def applies(condition: Condition | None, profile: OrganizationProfile) -> bool:
    """Return whether every test in ``condition`` holds for ``profile`` (no condition: True)."""
    if condition is None:
        return True
    c, p = condition, profile
    checks = (
        c.size is None or p.size in c.size,
        c.deployment is None or p.deployment in c.deployment,
        c.industry is None or p.industry.strip().lower() in {i.lower() for i in c.industry},
        c.scope_any is None or bool(set(c.scope_any) & set(p.scope)),
        c.integrations_any is None or bool(set(c.integrations_any) & set(p.integrations)),
        c.has_integrations is None or c.has_integrations == bool(p.integrations),
        c.data_migration is None or c.data_migration == p.data_migration,
        c.customization is None or p.customization in c.customization,
        c.users_min is None or p.users >= c.users_min,
        c.users_max is None or p.users <= c.users_max,
        c.any_of is None or any(applies(sub, p) for sub in c.any_of),
        c.none_of is None or not any(applies(sub, p) for sub in c.none_of),
    )
    return all(checks)
