"""The organisation profile: who is implementing, at what scale, with what scope."""


from typing import Literal

from pydantic import Field

from crm_readiness.models._base import Model

Size = Literal["smb", "mid", "large"]
Deployment = Literal["saas", "on-prem", "hybrid"]
Module = Literal["sales", "marketing", "service", "analytics", "partner", "field_service",
                 "ecommerce", "cpq"]
Integration = Literal["erp", "finance", "oa", "wecom", "dingtalk", "ecommerce", "call_center",
                      "marketing_automation", "data_warehouse", "other"]


class OrganizationProfile(Model):
    """What the organisation is; checklist conditions and the plan read it."""

    organization: str = Field(min_length=1, description="Organisation name as shown in reports.")
    industry: str = Field(default="other", description="Industry, e.g. manufacturing, retail.")
    size: Size = Field(description="smb (< 100 staff), mid (100–1000), large (> 1000).")
    users: int = Field(ge=1, le=1_000_000, description="Expected CRM users at go-live.")
    deployment: Deployment = "saas"
    scope: tuple[Module, ...] = Field(default=("sales",), min_length=1,
                                      description="CRM modules in scope.")
    integrations: tuple[Integration, ...] = Field(default=(),
                                                 description="Systems the CRM must connect to.")
    data_migration: bool = Field(default=True, description="Legacy data will be migrated.")
    customization: Literal["none", "light", "heavy"] = Field(
        default="light", description="Expected customisation beyond configuration.")
