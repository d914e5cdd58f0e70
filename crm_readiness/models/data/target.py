"""The target CRM: its schema (objects, fields, picklists, keys, lookups) and a source mapping.

A *target schema* is what the CRM being bought will accept: per object its
fields with a type, a maximum length, whether a value is required, the
picklist values, the unique keys and the lookups to other objects. A user
exports it from the vendor's field list or writes it by hand (a generic one
ships in ``examples/``). A *mapping* says which source column fills which
target field, with which transform, and how each distinct source value of a
picklist column becomes a picklist value; ``data map`` drafts it as a workbook
that the steward edits and ``data rehearse`` reads back.

Checks that need the whole file (a lookup to an object the schema lacks, a key
naming an unknown field) are made by the loader, which knows where each name
stands in the file.
"""


from typing import Literal, Self

from pydantic import Field, field_validator, model_validator

from crm_readiness.i18n import MessageError
from crm_readiness.models._base import Model

FieldType = Literal["text", "phone", "email", "date", "number", "integer", "boolean",
                    "picklist", "lookup"]
FIELD_TYPES: tuple[str, ...] = ("text", "phone", "email", "date", "number", "integer",
                                "boolean", "picklist", "lookup")
#: types whose value is a string with a length a CRM enforces
LENGTH_TYPES = frozenset({"text", "phone", "email", "picklist", "lookup"})

Transform = Literal["none", "mobile", "landline", "phone", "email", "date", "number",
                    "uscc", "upper", "lower"]
TRANSFORMS: tuple[str, ...] = ("none", "mobile", "landline", "phone", "email", "date", "number",
                               "uscc", "upper", "lower")

Violation = Literal["type", "length", "required", "picklist", "duplicate", "orphan"]
VIOLATIONS: tuple[Violation, ...] = ("type", "length", "required", "picklist", "duplicate",
                                     "orphan")


class PicklistValue(Model):
    """One allowed value of a picklist and the other spellings that mean it (制造业 …)."""

    value: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()

    @field_validator("aliases", mode="before")
    @classmethod
    def _texts(cls, v: object) -> object:
        return [str(x) for x in v] if isinstance(v, list) else v


class TargetField(Model):
    """One field of a target object."""

    type: FieldType = "text"
    label: str | None = Field(default=None, description="The name users see (any language).")
    aliases: tuple[str, ...] = Field(default=(), description="Other column names that mean "
                                     "this field (English or Chinese), for drafting.")
    length: int | None = Field(default=None, ge=1, le=1_000_000,
                               description="Longest value accepted (characters).")
    required: bool = False
    values: tuple[PicklistValue, ...] | None = Field(default=None,
                                                    description="Picklist values.")
    references: str | None = Field(default=None, description="Lookup fields: the object "
                                   "whose key the value must match.")

    @field_validator("values", mode="before")
    @classmethod
    def _values(cls, v: object) -> object:
        if isinstance(v, list):
            return [{"value": str(x)} if not isinstance(x, dict) else x for x in v]
        return v

    @field_validator("aliases", mode="before")
    @classmethod
    def _aliases(cls, v: object) -> object:
        return [str(x) for x in v] if isinstance(v, list) else v

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.values is not None and self.type != "picklist":
            raise MessageError("target.values_need_picklist", type=self.type)
        if self.type == "picklist" and not self.values:
            raise MessageError("target.picklist_needs_values")
        if self.references is not None and self.type != "lookup":
            raise MessageError("target.references_need_lookup", type=self.type)
        if self.type == "lookup" and not self.references:
            raise MessageError("target.lookup_needs_references")
        if self.length is not None and self.type not in LENGTH_TYPES:
            raise MessageError("target.length_not_for_type", type=self.type)
        return self

    def picklist(self) -> tuple[str, ...]:
        """Return the allowed picklist values (empty for other types)."""
        return tuple(v.value for v in self.values or ())


class TargetObject(Model):
    """One object (record type) of the target CRM: account, contact, opportunity …"""

    label: str | None = None
    key: str | None = Field(default=None, description="The field other objects' lookups "
                            "match (an external id).")
    unique: tuple[tuple[str, ...], ...] = Field(default=(), description="Unique keys: each "
                                                "a list of fields whose values together "
                                                "must be distinct.")
    fields: dict[str, TargetField] = Field(min_length=1)

    @field_validator("unique", mode="before")
    @classmethod
    def _keys(cls, v: object) -> object:
        if isinstance(v, list):
            return [[x] if isinstance(x, str) else x for x in v]
        return v


class TargetSchema(Model):
    """A target CRM's schema: the objects a migration loads into."""

    version: Literal[1] = 1
    name: str = Field(min_length=1, description="The CRM or vendor this schema describes.")
    objects: dict[str, TargetObject] = Field(min_length=1)

    def field(self, obj: str, name: str) -> TargetField | None:
        """Return field ``obj.name`` or None."""
        o = self.objects.get(obj)
        return None if o is None else o.fields.get(name)


class FieldMapping(Model):
    """One source column filling one target field."""

    source: str = Field(min_length=1)
    object: str
    field: str
    transform: Transform = "none"
    basis: str = Field(default="", description="Why it was drafted: name, alias, shape or "
                       "user.")


class ValueMapping(Model):
    """One distinct source value of a picklist column and the picklist value it becomes."""

    object: str
    field: str
    source_value: str
    target_value: str | None = None


class TargetMapping(Model):
    """Which source column fills which target field, and the picklist value maps."""

    fields: tuple[FieldMapping, ...] = ()
    values: tuple[ValueMapping, ...] = ()
    unmapped: tuple[str, ...] = Field(default=(), description="Source columns left unmapped.")

    def for_object(self, obj: str) -> list[FieldMapping]:
        """Return the mappings into object ``obj``."""
        return [m for m in self.fields if m.object == obj]
