"""Base classes every model shares: strict (unknown fields rejected), frozen, bilingual text."""


from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator, model_validator

from crm_readiness.i18n import Lang, MessageError

__all__ = ["BOTH", "Lang", "Model", "ResultModel", "Text", "bi", "plain_texts", "tr"]


class Model(BaseModel):
    """A validated, immutable value: unknown fields are an error (typos are caught)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class ResultModel(BaseModel):
    """A result emitted as JSON: immutable, fields documented in the published schema."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


#: validation context of files whose every text must be given in both languages
BOTH: dict[str, str] = {"text": "both"}


class Text(Model):
    """A user-facing string in English and Simplified Chinese.

    The one bilingual text type, for the tool's own words (checklists, the
    catalogue) and for what a user writes (line names, notes, titles, evidence…).
    A file may give it as ``{en: ..., zh: ...}``, as one language only
    (``{zh: 华东精密}``), or as a plain string; the missing language falls back
    to the given one, so both fields are always filled and the JSON carries
    both. Unknown keys, a non-string value or both languages blank are errors.
    A checklist is read with the context ``{"text": "both"}`` (:data:`BOTH`):
    its questions are shipped in two languages, so a missing one is an error.
    """

    en: str
    zh: str

    @model_validator(mode="before")
    @classmethod
    def _fill(cls, data: Any, info: ValidationInfo) -> Any:
        if (info.context or {}).get("text") == "both":
            if isinstance(data, str):
                raise MessageError("model.text_both_languages")
            return data
        if isinstance(data, str):
            data = {"en": data, "zh": data}
        if not isinstance(data, dict):
            return data
        given = {k: v for k, v in data.items() if k in ("en", "zh")
                 and v is not None and not (isinstance(v, str) and not v.strip())}
        if not given and not (set(data) - {"en", "zh"}):
            raise MessageError("model.text_blank")
        if len(given) == 1:
            ((lang, value),) = given.items()
            other = "zh" if lang == "en" else "en"
            # a wrong value (a list, a mapping) is reported at its own key, not at the copy
            return {**data, lang: value, other: value if isinstance(value, str) else "-"}
        return data

    @field_validator("en", "zh")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise MessageError("model.must_not_be_blank")
        return v.strip()

    def get(self, lang: Lang) -> str:
        """Return the text in ``lang``."""
        return self.zh if lang == "zh" else self.en

    def __eq__(self, other: object) -> bool:
        # a plain string is the same text in both languages, so it equals that string
        if isinstance(other, str):
            return self.en == other and self.zh == other
        return super().__eq__(other)

    def __hash__(self) -> int:
        return hash(self.en) if self.en == self.zh else hash((self.en, self.zh))

    @classmethod
    def join(cls, items: "Iterable[Text | str]", sep: str = "; ", sep_zh: str = "；") -> "Text":
        """Return ``items`` joined in each language (a plain string is the same in both)."""
        parts = [i if isinstance(i, Text) else Text(en=i, zh=i) for i in items]
        return Text(en=sep.join(p.en for p in parts) or "-",
                    zh=sep_zh.join(p.zh for p in parts) or "-")


def bi(en: str, zh: str) -> Text:
    """Return a :class:`Text` (shorthand for engine-built bilingual strings)."""
    return Text(en=en, zh=zh)


def tr(key: str, **params: object) -> Text:
    """Return message ``key`` of the catalogue in both languages, placeholders filled."""
    from crm_readiness.i18n import t

    return Text(en=t(key, "en", **params), zh=t(key, "zh", **params))


def plain_texts(data: Any) -> Any:
    """Return dumped model data with each ``{en: x, zh: x}`` (one text for both) as ``x``.

    For writing a user's file back: a note written as a plain string stays one.
    """
    if isinstance(data, dict):
        if set(data) == {"en", "zh"} and data["en"] == data["zh"] and isinstance(data["en"], str):
            return data["en"]
        return {k: plain_texts(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [plain_texts(v) for v in data]
    return data
