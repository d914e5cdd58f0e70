"""What the three document renderers share: numbering, clean text, widths of text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from crm_readiness.models.document import Section

# XML 1.0 cannot hold C0 controls other than tab, newline and carriage return; they are
# shown as control pictures (U+2400 + code) so nothing a user typed silently disappears.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return "\u2421" if code == 0x7F else chr(0x2400 + code)


def clean(text: str) -> str:
    """Return ``text`` with XML-illegal control characters made visible (\x01 → ␁, DEL → ␡)."""
    return _CONTROLS.sub(_picture, text)


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


def em_width(text: str) -> float:
    """Return the width of ``text`` in ems: East Asian wide characters count 1, others ~0.55."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.55 for ch in text)


def longest_word(text: str, *, hyphens: bool = True) -> float:
    """Return the width in ems of the longest unbreakable run of ``text``.

    Latin words break at spaces (and at hyphens and slashes when ``hyphens``);
    each wide (CJK) character is its own break opportunity.
    """
    best = 0.0
    for word in re.split(r"[\s\-/]+" if hyphens else r"\s+", text):
        run = 0.0
        for ch in word:
            if unicodedata.east_asian_width(ch) in ("W", "F"):
                best, run = max(best, run, 1.0), 0.0
            else:
                run += 0.55
        best = max(best, run)
    return best
