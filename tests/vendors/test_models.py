"""Models: priority and response spellings, shapes, and the packaged catalogue."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from crm_readiness.io.vendors import load_catalogue
from crm_readiness.models.requirements import Requirement
from crm_readiness.models.vendors import Criterion, VendorResponse, normalize_response


@pytest.mark.parametrize(("given", "expected"), [
    ("high", "must"), ("Medium", "should"), ("low", "could"), ("must", "must"), ("高", "must")])
def test_priorities_map_onto_moscow(given: str, expected: str) -> None:
    r = Requirement.model_validate({"id": "X-1", "module": "sales", "priority": given,
                                    "title": {"en": "t", "zh": "标题"}})
    assert r.priority == expected


@pytest.mark.parametrize(("given", "expected"), [
    ("Native", "native"), ("custom development", "custom"), ("3rd-party", "third_party"),
    ("定制开发", "custom"), ("不支持", "not_supported"), ("Roadmap", "roadmap"),
    (False, "not_supported")])
def test_response_spellings(given: object, expected: str) -> None:
    assert normalize_response(given) == expected
    assert VendorResponse.model_validate(given).response == expected


def test_unknown_response_and_bad_anchor_are_rejected() -> None:
    with pytest.raises(ValueError, match="unknown response"):
        normalize_response("maybe")
    with pytest.raises(ValidationError):
        Criterion.model_validate({"id": "u", "name": {"en": "U", "zh": "易"},
                                  "anchors": {7: {"en": "x", "zh": "某"}}})


def test_packaged_catalogue_covers_the_domain() -> None:
    cat = load_catalogue()
    assert 60 <= len(cat.requirements) <= 120
    assert set(cat.module_ids()) == {"sales", "marketing", "service", "platform", "bi_ai",
                                     "integration", "security", "non_functional",
                                     "industry_manufacturing", "industry_retail",
                                     "industry_regulated_services"}  # industry packs
    titles = " ".join(r.title.en for r in cat.requirements)
    for topic in ("360°", "pipeline", "Contracts", "CPQ", "Mobile", "campaigns", "scoring",
                  "segmentation", "Ticket", "Knowledge", "SLA", "Custom objects", "Workflow",
                  "Low-code", "ERP", "WeCom", "DingTalk", "Finance", "OA", "REST API", "AI",
                  "permissions", "masking", "PIPL", "Audit", "Ease of use", "Performance",
                  "Availability", "Data residency"):
        assert topic.lower() in titles.lower(), topic
    assert all(r.title.zh and r.acceptance for r in cat.requirements)
    assert {r.priority for r in cat.requirements} == {"must", "should", "could"}
