"""Base classes every model shares: strict (unknown fields rejected), frozen, bilingual text."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, field_validator

from crm_readiness.i18n import Lang, MessageError

__all__ = ["Lang", "Model", "ResultModel", "Text", "bi", "tr"]


class Model(BaseModel):
    """A validated, immutable value: unknown fields are an error (typos are caught)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class ResultModel(BaseModel):
    """A result emitted as JSON: immutable, fields documented in the published schema."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Text(Model):
    """A user-facing string in English and Simplified Chinese; both are required."""

    en: str
    zh: str

    @field_validator("en", "zh")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise MessageError("model.must_not_be_blank")
        return v.strip()

    def get(self, lang: Lang) -> str:
        """Return the text in ``lang``."""
        return self.zh if lang == "zh" else self.en


def bi(en: str, zh: str) -> Text:
    """Return a :class:`Text` (shorthand for engine-built bilingual strings)."""
    return Text(en=en, zh=zh)


def tr(key: str, **params: object) -> Text:
    """Return message ``key`` of the catalogue in both languages, placeholders filled."""
    from crm_readiness.i18n import t

    return Text(en=t(key, "en", **params), zh=t(key, "zh", **params))
