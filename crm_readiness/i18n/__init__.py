"""User-facing strings in English and Simplified Chinese.

Each capability keeps its catalogue in its own module (``_core``, ``_finance``
…), a plain ``MESSAGES`` dict of ``key -> {"en": ..., "zh": ...}``; a test
checks that every key has both languages and that every ``{placeholder}``
appears in both. Modules are listed in :data:`CATALOGUES`; they are loaded on
first use so importing this package costs nothing.

A message may quote another by reference, ``{@verdict.ready}``: a term
worded once (a verdict's name) reads the same in every sentence that names it.
"""

from __future__ import annotations

import importlib
import locale
import os
import re
from functools import cache
from typing import Literal, cast

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")

#: catalogue modules, relative to this package; a capability adds its own here.
CATALOGUES: tuple[str, ...] = (
    "_core",
    "_vendors",
    "_assess",
    "_workshop",
    "_finance",
    "_data",
    "_migrate",
    "_clerical",
    "_models",
    "_io",
    "_documents",
    "_documents_process",
    "_review",
    "_examples",
    "_decision",
    "_print",
)


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Return every message, merged from all catalogue modules."""
    merged: dict[str, dict[str, str]] = {}
    for name in CATALOGUES:
        module = importlib.import_module(f"{__name__}.{name}")
        messages = cast(dict[str, dict[str, str]], module.MESSAGES)
        for key, value in messages.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice (in {name})")
            merged[key] = value
    return merged


def t(key: str, lang: Lang = "en", /, **params: object) -> str:
    """Return message ``key`` in ``lang`` with ``{placeholders}`` filled from ``params``."""
    entry = catalogue().get(key)
    if entry is None:
        raise KeyError(f"unknown message key {key!r}")
    text = entry.get(lang) or entry["en"]
    if "{@" in text:
        # the quoted message's braces are escaped when the text is formatted below
        text = _REF.sub(lambda m: _quoted(t(m.group(1), lang), escape=bool(params)), text)
    if not params:
        return text
    # a bilingual value (``models.Text``: what a user wrote in both languages) fills a
    # placeholder in the message's own language
    filled = {k: _in_lang(v, lang) for k, v in params.items()}
    return text.format(**filled)


#: a reference to another message inside a message: ``{@verdict.ready}``
_REF = re.compile(r"\{@([a-z_]+(?:\.[a-z0-9_]+)+)\}")


def _quoted(text: str, *, escape: bool) -> str:
    return text.replace("{", "{{").replace("}", "}}") if escape else text


def _in_lang(value: object, lang: Lang) -> object:
    if isinstance(value, str) or not (hasattr(value, "en") and hasattr(value, "zh")):
        return value
    return getattr(value, lang)


class MessageError(ValueError):
    """A validation failure as a catalogue key and its parameters.

    Model validators raise it instead of a literal message; the YAML reader
    turns it into the message in both languages (``text(lang)``). Pydantic keeps
    the exception in the error's ``ctx["error"]``.
    """

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(t(key, "en", **params))

    def text(self, lang: Lang) -> str:
        """Return the message in ``lang``."""
        return t(self.key, lang, **self.params)


def normalize_lang(value: str | None) -> Lang | None:
    """Map ``en``, ``zh``, ``zh-CN``, ``zh_CN.UTF-8`` … onto a supported language."""
    if not value:
        return None
    v = value.strip().lower().replace("_", "-")
    if v.startswith("zh"):
        return "zh"
    if v.startswith("en") or v in {"c", "posix", "c.utf-8"}:
        return "en"
    return None


def default_lang() -> Lang:
    """Return the language from ``CRM_READINESS_LANG`` or the locale; English otherwise."""
    for var in ("CRM_READINESS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        lang = normalize_lang(os.environ.get(var))
        if lang:
            return lang
    try:
        lang = normalize_lang(locale.getlocale()[0])
    except ValueError:
        lang = None
    return lang or "en"
