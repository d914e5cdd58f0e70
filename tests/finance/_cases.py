"""Small cases built in code for the engine tests."""

from __future__ import annotations

from typing import Any

from crm_readiness.models.finance.inputs import BenefitsFile, CostsFile


def costs(**overrides: Any) -> CostsFile:
    data: dict[str, Any] = {
        "horizon_years": 3, "discount_rate": 0.10, "users": {"initial": 100},
        "one_time": [{"id": "licence", "name": "Licence", "category": "software",
                      "amount": 1000}],
    }
    data.update(overrides)
    return CostsFile.model_validate(data)


def benefits(lines: list[dict[str, Any]], **overrides: Any) -> BenefitsFile:
    data: dict[str, Any] = {"benefits": lines}
    data.update(overrides)
    return BenefitsFile.model_validate(data)


def amount(line_id: str, value: float, ramp: list[float], **extra: Any) -> dict[str, Any]:
    return {"id": line_id, "type": "amount", "name": line_id, "amount": value, "ramp": ramp,
            "ramp_rest": "last", **extra}
