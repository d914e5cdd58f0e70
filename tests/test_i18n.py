"""Every user-facing message exists in English and Chinese with the same placeholders."""

from __future__ import annotations

import string

from crm_readiness.i18n import CATALOGUES, catalogue, normalize_lang


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_both_languages_and_the_same_placeholders() -> None:
    messages = catalogue()
    assert len(messages) > 100 and len(CATALOGUES) >= 2
    for key, entry in messages.items():
        assert set(entry) == {"en", "zh"}, key
        assert entry["en"].strip() and entry["zh"].strip(), key
        assert _fields(entry["en"]) == _fields(entry["zh"]), key


def test_chinese_text_is_chinese() -> None:
    # a zh entry identical to en is allowed only for symbols, codes and placeholders
    for key, entry in catalogue().items():
        if entry["zh"] == entry["en"]:
            stripped = entry["en"].translate(str.maketrans("", "", "{}#%/–-—.:,()"))
            assert not any(c.isalpha() and c.isascii() for c in stripped.replace("reason", "")), key


def test_locale_names_map_to_languages() -> None:
    assert normalize_lang("zh_CN.UTF-8") == "zh"
    assert normalize_lang("zh-Hans") == "zh"
    assert normalize_lang("en_GB.UTF-8") == "en"
    assert normalize_lang("C.UTF-8") == "en"
    assert normalize_lang("fr_FR") is None
