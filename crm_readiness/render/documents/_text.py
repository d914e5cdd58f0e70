"""What the three document renderers share: numbering, clean text, widths of text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from crm_readiness.cells_rule import visible_controls
from crm_readiness.models.document import Section


def clean(text: str) -> str:
    """Return ``text`` with control characters made visible (\x01 → ␁, DEL → ␡): the one rule
    of :mod:`crm_readiness.cells_rule`, so nothing a user typed silently disappears."""
    return visible_controls(text)


_ENUMERATOR = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|\d+(?:\.\d+)*[.、]?\s+)")


def heading(number: str, title: str) -> str:
    """Return ``number title`` with any numbering the title already carries (``四、``, ``4.``) removed."""
    return f"{number} {_ENUMERATOR.sub('', clean(title))}"


def numbered(sections: tuple[Section, ...], prefix: str = "") -> Iterator[tuple[str, int, Section]]:
    """Yield ``(number, level, section)`` depth first: ``1``, ``1.1``, ``1.2``, ``2`` …"""
    for i, section in enumerate(sections, start=1):
        number = f"{prefix}{i}"
        yield number, number.count(".") + 1, section
        yield from numbered(section.subsections, number + ".")


#: widths of Latin characters in ems, by class, for DejaVu Sans Bold: the widest font a document
#: is likely shown in (LibreOffice substitutes it for Calibri when neither Calibri nor its metric
#: twin Carlito is installed; Calibri is ~25 % narrower). Measured with LibreOffice: a flat 0.55 em
#: broke the bold headers "Exposure" and "manager" inside the word.
_NARROW, _SEMI, _WIDE = set("ilj.,;:'!|"), set("frtI()[]/-"), set("mwMW")


def char_em(ch: str) -> float:
    """Return the width of one character in ems (a CJK character is 1 em)."""
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if ch in _NARROW:
        return 0.34
    if ch in _SEMI:
        return 0.5
    if ch in _WIDE:
        return 1.05
    if ch.isupper():
        return 0.77
    if ch.isascii():
        return 0.7
    return 0.84


def em_width(text: str) -> float:
    """Return the width of ``text`` in ems."""
    return sum(char_em(ch) for ch in text)


def longest_word(text: str, *, hyphens: bool = True, cjk_run: int = 1) -> float:
    """Return the width in ems of the longest unbreakable run of ``text``.

    Latin words break at spaces (and at hyphens and slashes when ``hyphens``). Chinese may
    break between any two characters, but a short label ("序号", "负责人") reads badly broken:
    up to ``cjk_run`` consecutive wide characters are kept together.
    """
    best = 0.0
    for word in re.split(r"[\s\-/]+" if hyphens else r"\s+", text):
        run, wide = 0.0, 0
        for ch in word:
            if unicodedata.east_asian_width(ch) in ("W", "F"):
                best, run = max(best, run), 0.0
                wide += 1
                best = max(best, float(min(wide, cjk_run)))
            else:
                wide = 0
                run += char_em(ch)
        best = max(best, run)
    return best
