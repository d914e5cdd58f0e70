"""What the three document renderers share: numbering, clean text, widths of text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from crm_readiness.models.document import Section

# XML 1.0 cannot hold C0 controls other than tab, newline and carriage return; they are
# shown as control pictures (U+2400 + code) so nothing a user typed silently disappears.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """Return ``text`` with XML-illegal control characters made visible."""
    return _CONTROLS.sub(lambda m: chr(0x2400 + (ord(m.group()) % 0x80 if ord(m.group()) != 0x7F
                                                 else 0x21)), text)


def numbered(sections: tuple[Section, ...], prefix: str = "") -> Iterator[tuple[str, int, Section]]:
    """Yield ``(number, level, section)`` depth first: ``1``, ``1.1``, ``1.2``, ``2`` …"""
    for i, section in enumerate(sections, start=1):
        number = f"{prefix}{i}"
        yield number, number.count(".") + 1, section
        yield from numbered(section.subsections, number + ".")


def em_width(text: str) -> float:
    """Return the width of ``text`` in ems: East Asian wide characters count 1, others ~0.55."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.55 for ch in text)


def longest_word(text: str) -> float:
    """Return the width in ems of the longest unbreakable run of ``text``.

    Latin words break only at spaces and hyphens; each wide (CJK) character is
    its own break opportunity.
    """
    best = 0.0
    for word in re.split(r"[\s\-/]+", text):
        run = 0.0
        for ch in word:
            if unicodedata.east_asian_width(ch) in ("W", "F"):
                best, run = max(best, run, 1.0), 0.0
            else:
                run += 0.55
        best = max(best, run)
    return best
