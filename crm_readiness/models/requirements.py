"""The requirements catalogue: what the CRM must do, by module and priority (MoSCoW).

A requirement has a stable id, a module, a bilingual title and description, a
priority (must / should / could; high / medium / low are accepted and mapped
onto them) and an acceptance note saying how a demo or test proves it.
"""


from typing import Any, Literal, Self

from pydantic import Field, field_validator, model_validator

from crm_readiness.i18n import MessageError
from crm_readiness.models._base import Model, Text
from crm_readiness.models.profile import Module as ScopeModule

Priority = Literal["must", "should", "could"]
PRIORITIES: tuple[Priority, ...] = ("must", "should", "could")
Section = Literal["functional", "integration", "non_functional"]

#: accepted spellings of a priority → the MoSCoW level they mean
PRIORITY_ALIASES: dict[str, Priority] = {
    "must": "must", "should": "should", "could": "could",
    "high": "must", "medium": "should", "low": "could",
    "must_have": "must", "should_have": "should", "could_have": "could",
    "必须": "must", "应该": "should", "可以": "could",
    "高": "must", "中": "should", "低": "could",
}

_REQ_ID = r"^[A-Za-z][A-Za-z0-9_.-]*$"
_MODULE_ID = r"^[a-z][a-z0-9_]*$"


def normalize_priority(value: Any) -> Any:
    """Map ``high``/``medium``/``low`` (and a few other spellings) onto must/should/could."""
    if isinstance(value, str):
        key = value.strip().lower().replace(" ", "_").replace("-", "_")
        if key in PRIORITY_ALIASES:
            return PRIORITY_ALIASES[key]
        raise MessageError("model.unknown_priority", value=repr(value))
    return value


class ModuleInfo(Model):
    """A catalogue module: its name, the spec section it belongs to, the profile scope it needs."""

    name: Text
    section: Section = "functional"
    scope: tuple[ScopeModule, ...] = Field(
        default=(), description="Profile scope modules that bring this module into the "
                                "specification; empty = always included.")
    industry: tuple[str, ...] = Field(
        default=(), description="Profile industries that bring this module into the "
                                "specification (an industry pack); empty = every industry.")

    _lower = field_validator("industry", mode="before")(
        lambda v: [str(x).strip().lower() for x in v] if isinstance(v, list) else v)


class Requirement(Model):
    """One requirement of the catalogue."""

    id: str = Field(pattern=_REQ_ID, max_length=40)
    module: str = Field(pattern=_MODULE_ID)
    title: Text
    description: Text | None = None
    priority: Priority
    acceptance: Text | None = Field(default=None,
                                    description="How a scripted demo or test proves it.")
    industry: tuple[str, ...] = Field(
        default=(), description="Profile industries it applies to; empty = those of its module.")

    _prio = field_validator("priority", mode="before")(lambda v: normalize_priority(v))
    _lower = field_validator("industry", mode="before")(
        lambda v: [str(x).strip().lower() for x in v] if isinstance(v, list) else v)


class GlossaryEntry(Model):
    """A term of the specification's glossary."""

    term: str = Field(min_length=1)
    definition: Text


class RequirementsCatalogue(Model):
    """A requirements catalogue file (the packaged standard one, or a tailored copy)."""

    version: int = Field(default=1, ge=1)
    title: Text | None = None
    modules: dict[str, ModuleInfo] = Field(default_factory=dict,
                                           description="Module id → name, section, scope.")
    requirements: tuple[Requirement, ...] = Field(min_length=1)
    glossary: tuple[GlossaryEntry, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Self:
        ids = [r.id for r in self.requirements]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise MessageError("model.requirement_ids_repeat", ids=", ".join(dup))
        if self.modules:
            unknown = sorted({r.module for r in self.requirements} - set(self.modules))
            if unknown:
                raise MessageError("model.modules_undeclared", modules=", ".join(unknown))
        return self

    def module_ids(self) -> list[str]:
        """Return module ids in catalogue order (declared order first, then first use)."""
        order = list(self.modules)
        for r in self.requirements:
            if r.module not in order:
                order.append(r.module)
        return order

    def module_name(self, module: str) -> Text:
        """Return a module's display name (its id when undeclared)."""
        info = self.modules.get(module)
        return info.name if info else Text(en=module, zh=module)

    def requirement(self, req_id: str) -> Requirement | None:
        """Return the requirement with id ``req_id``."""
        return next((r for r in self.requirements if r.id == req_id), None)
