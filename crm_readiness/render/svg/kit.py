"""The chart kit's primitives: text measurement, nice ticks, number labels, palette, canvas.

Every chart of the reports is drawn on a :class:`Canvas`: it records each
element's box (texts measured with :func:`text_width`) and sizes the SVG's
viewBox to what was drawn, so no label falls outside the picture. Every text
passes through :func:`markupsafe.escape`; the SVG is inline, has no script and
no external reference.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from crm_readiness.i18n import Lang

#: Okabe–Ito colour-blind-safe palette
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
           "#000000")
#: a series past the palette's length is drawn dashed, so two series never look alike
DASHES = ("", "6 3", "2 3")
GREY = "#9ca3af"
INK = "#111827"
MUTED = "#4b5563"
GRID = "#e5e7eb"
FONT_SIZE = 12.0
#: font ascent and descent as fractions of the font size (box of a text around its baseline)
ASCENT, DESCENT = 0.82, 0.24
_FONT = 'font-family="system-ui,-apple-system,Segoe UI,Noto Sans CJK SC,PingFang SC,sans-serif"'

# average advance widths in em of a sans-serif font, slightly generous so nothing clips
_NARROW = set("il.,:;!|'`ǀ()[]{}·")
_WIDE_LATIN = set("mwMW@%")


def char_width(ch: str) -> float:
    """Return one character's advance in em: full-width and wide (CJK) characters count 1."""
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufeff":
        return 0.0
    if ch == " ":
        return 0.3
    if ch in _NARROW:
        return 0.3
    if ch in _WIDE_LATIN:
        return 0.9
    if ch.isdigit():
        return 0.58
    if ch.isupper():
        return 0.7
    if ch.islower():
        return 0.56
    return 0.62


def text_width(text: str, size: float = FONT_SIZE, *, bold: bool = False) -> float:
    """Return a label's width in pixels at ``size``; CJK and full-width characters count double."""
    em = sum(char_width(ch) for ch in text)
    return em * size * (1.06 if bold else 1.0)


def wrap(text: str, limit: float, size: float = FONT_SIZE, max_lines: int = 2) -> list[str]:
    """Split ``text`` into at most ``max_lines`` lines of about ``limit`` pixels.

    Latin text breaks at spaces; CJK text between characters. A line that would
    still be too long at the last line is kept whole (the canvas makes room).
    """
    if text_width(text, size) <= limit or max_lines <= 1:
        return [text]
    lines: list[str] = []
    rest = text
    while rest and len(lines) < max_lines - 1 and text_width(rest, size) > limit:
        cut = _break_at(rest, limit, size)
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        lines.append(rest)
    return lines


def _break_at(text: str, limit: float, size: float) -> int:
    width, last_space, i = 0.0, -1, 0
    for i, ch in enumerate(text):
        width += char_width(ch) * size
        if ch == " ":
            last_space = i
        if width > limit and i > 0:
            if last_space > 0:
                return last_space
            return i if unicodedata.east_asian_width(ch) in ("W", "F") else max(1, i)
    return len(text)


def nice_step(span: float, count: int = 5) -> float:
    """Return a round step (1, 2, 2.5 or 5 × 10ⁿ) giving about ``count`` intervals over ``span``."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / max(1, count)
    if raw <= 0:
        return 1.0
    mag = 10.0 ** math.floor(math.log10(raw))
    for m in (1.0, 2.0, 2.5, 5.0, 10.0):
        if raw <= m * mag * (1 + 1e-9):
            return m * mag
    return 10.0 * mag


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Return round tick values covering ``lo``..``hi`` (the first ≤ lo, the last ≥ hi).

    Non-finite bounds fall back to 0..1; the result never has more than about
    ``2 · count + 2`` ticks, whatever the magnitudes.
    """
    if not (math.isfinite(lo) and math.isfinite(hi)):
        lo, hi = 0.0, 1.0
    if hi < lo:
        lo, hi = hi, lo
    if hi - lo < 1e-9 * max(1.0, abs(lo), abs(hi)):  # one value (or float noise around it)
        hi = lo + max(1.0, abs(lo) * 0.1)
    step = nice_step(hi - lo, count)
    first = math.floor(lo / step + 1e-9)
    last = math.ceil(hi / step - 1e-9)
    last = max(first + 1, last)
    if first * step > lo:
        first -= 1
    if last * step < hi:
        last += 1
    return [_clean(k * step, step) for k in range(first, last + 1)]


def _clean(v: float, step: float) -> float:
    """Return ``v`` without float noise (``0.30000000000000004`` → ``0.3``; near zero → 0)."""
    if abs(v) < step * 1e-6:
        return 0.0
    return float(f"{v:.12g}")


def compact(value: float, lang: Lang, step: float | None = None) -> str:
    """Return ``value`` as a short axis label: ``250k``/``1.2M`` in en, ``25万``/``1.2亿`` in zh.

    ``step`` (the tick step) decides the decimals so neighbouring ticks differ.
    """
    units = ((1e8, "亿"), (1e4, "万")) if lang == "zh" else ((1e9, "B"), (1e6, "M"), (1e3, "k"))
    ref = abs(step) if step else abs(value)
    sign = "−" if value < 0 else ""
    for div, suffix in units:
        if abs(value) >= div or (ref >= div and value != 0):
            return f"{sign}{_trim(abs(value) / div, ref / div)}{suffix}"
    return f"{sign}{_trim(abs(value), ref)}"


def _trim(v: float, ref: float) -> str:
    decimals = 0
    while decimals < 3 and ref and abs(ref * 10 ** decimals - round(ref * 10 ** decimals)) > 1e-6:
        decimals += 1
    text = f"{v:,.{decimals}f}"
    return text


@dataclass
class Box:
    """An axis-aligned box in SVG user units."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box, tol: float = 0.0) -> bool:
        """Whether the two boxes overlap by more than ``tol`` in both directions."""
        return (min(self.x1, other.x1) - max(self.x0, other.x0) > tol
                and min(self.y1, other.y1) - max(self.y0, other.y0) > tol)


def text_box(x: float, y: float, text: str, size: float = FONT_SIZE, anchor: str = "start",
             *, bold: bool = False) -> Box:
    """Return the box of a one-line text whose baseline starts (or centres, or ends) at x, y."""
    w = text_width(text, size, bold=bold)
    x0 = x - w if anchor == "end" else x - w / 2 if anchor == "middle" else x
    return Box(x0, y - ASCENT * size, x0 + w, y + DESCENT * size)


def _f(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".") if v != int(v) else str(int(v))


@dataclass
class Canvas:
    """Collects SVG elements and their extent; :meth:`render` fits the viewBox to them."""

    parts: list[str] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    texts: list[Box] = field(default_factory=list)
    pad: float = 8.0

    def extend(self, box: Box) -> None:
        """Make room for ``box`` (a shape's extent)."""
        self.boxes.append(box)

    def shape(self, markup: str, x0: float, y0: float, x1: float, y1: float) -> None:
        """Add a shape (already escaped markup) covering x0..x1 × y0..y1."""
        self.parts.append(markup)
        self.extend(Box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))

    def rect(self, x: float, y: float, w: float, h: float, fill: str, extra: str = "",
             tip: str | None = None) -> None:
        """Add a rectangle, optionally with a tooltip."""
        inner = f"<title>{escape(tip)}</title>" if tip else ""
        self.shape(f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(max(0.0, w))}" '
                   f'height="{_f(max(0.0, h))}" fill="{fill}"{extra}>{inner}</rect>',
                   x, y, x + max(0.0, w), y + max(0.0, h))

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str = GRID,
             extra: str = "") -> None:
        """Add a line."""
        self.shape(f'<line x1="{_f(x1)}" y1="{_f(y1)}" x2="{_f(x2)}" y2="{_f(y2)}" '
                   f'stroke="{stroke}"{extra}/>', x1, y1, x2, y2)

    def fits(self, box: Box, gap: float = 0.0) -> bool:
        """Whether ``box``, widened by ``gap`` on each side, overlaps no text drawn so far."""
        wide = Box(box.x0 - gap, box.y0, box.x1 + gap, box.y1)
        return not any(wide.overlaps(b) for b in self.texts)

    def text(self, x: float, y: float, text: str, *, anchor: str = "start",
             size: float = FONT_SIZE, bold: bool = False, fill: str | None = None) -> Box:
        """Add a one-line text with its baseline at ``y``; return its box."""
        box = text_box(x, y, text, size, anchor, bold=bold)
        attrs = f' text-anchor="{anchor}"' if anchor != "start" else ""
        if size != FONT_SIZE:
            attrs += f' font-size="{_f(size)}"'
        if bold:
            attrs += ' font-weight="bold"'
        if fill:
            attrs += f' fill="{fill}"'
        self.parts.append(f'<text x="{_f(x)}" y="{_f(y)}"{attrs}>{escape(text)}</text>')
        self.boxes.append(box)
        self.texts.append(box)
        return box

    def lines(self, x: float, y: float, lines: Sequence[str], *, anchor: str = "start",
              size: float = FONT_SIZE, leading: float = 1.25, bold: bool = False) -> Box:
        """Add several lines, the first baseline at ``y``; return the box around them."""
        boxes = [self.text(x, y + k * size * leading, s, anchor=anchor, size=size, bold=bold)
                 for k, s in enumerate(lines)]
        return Box(min(b.x0 for b in boxes), boxes[0].y0, max(b.x1 for b in boxes), boxes[-1].y1)

    def legend(self, items: Sequence[tuple[str, str, str]], x: float, y: float,
               width: float) -> float:
        """Add colour keys ``(label, colour, shape)`` in rows within ``width``; return the height.

        ``shape`` is ``box``, ``dashed`` (a box with a dashed outline), ``line`` (a
        dash pattern may follow after a colon: ``line:6 3``), ``triangle`` or ``diamond``.
        """
        row_h, gap = 18.0, 16.0
        cx, cy = x, y
        for label, color, shape in items:
            w = 14 + 6 + text_width(label)
            if cx > x and cx + w > x + width:
                cx, cy = x, cy + row_h
            if shape.startswith("line"):
                dash = shape.partition(":")[2]
                extra = f' stroke-width="3" stroke-dasharray="{dash}"' if dash else \
                    ' stroke-width="3"'
                self.line(cx, cy + 7, cx + 14, cy + 7, color, extra)
            elif shape == "triangle":
                self.shape(f'<polygon points="{_f(cx + 7)},{_f(cy)} {_f(cx + 14)},{_f(cy + 13)} '
                           f'{_f(cx)},{_f(cy + 13)}" fill="{color}"/>', cx, cy, cx + 14, cy + 13)
            elif shape == "dashed":
                self.rect(cx, cy + 1, 14, 12, color, f' stroke="{INK}" stroke-dasharray="3 2"')
            elif shape == "diamond":
                self.shape(f'<polygon points="{_f(cx + 7)},{_f(cy)} {_f(cx + 14)},{_f(cy + 7)} '
                           f'{_f(cx + 7)},{_f(cy + 14)} {_f(cx)},{_f(cy + 7)}" fill="{color}"/>',
                           cx, cy, cx + 14, cy + 14)
            else:
                self.rect(cx, cy + 1, 14, 12, color, ' stroke="#6b7280" stroke-width="0.5"')
            self.text(cx + 20, cy + 11, label)
            cx += w + gap
        return cy + row_h - y

    def render(self, title: str) -> Markup:
        """Return the inline SVG, its viewBox the union of every element plus a margin."""
        if self.boxes:
            x0 = min(b.x0 for b in self.boxes) - self.pad
            y0 = min(b.y0 for b in self.boxes) - self.pad
            x1 = max(b.x1 for b in self.boxes) + self.pad
            y1 = max(b.y1 for b in self.boxes) + self.pad
        else:
            x0, y0, x1, y1 = 0.0, 0.0, 10.0, 10.0
        x0, y0 = math.floor(x0), math.floor(y0)
        w, h = math.ceil(x1 - x0), math.ceil(y1 - y0)
        return Markup(
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0} {y0} {w} {h}" '
            f'width="100%" style="max-width:{w}px" role="img" aria-label="{escape(title)}" '
            f'{_FONT} font-size="{_f(FONT_SIZE)}" fill="{INK}"><title>{escape(title)}</title>'
            f'{"".join(self.parts)}</svg>')


def color(k: int) -> tuple[str, str]:
    """Return the colour and dash pattern of series ``k``."""
    return PALETTE[k % len(PALETTE)], DASHES[(k // len(PALETTE)) % len(DASHES)]


def declutter(boxes: list[Box], gap: float = 2.0, rounds: int = 60) -> list[float]:
    """Return vertical shifts that separate overlapping label boxes (pairwise push apart)."""
    shifts = [0.0] * len(boxes)
    cur = [Box(b.x0, b.y0, b.x1, b.y1) for b in boxes]
    for _ in range(rounds):
        moved = False
        for i in range(len(cur)):
            for j in range(i + 1, len(cur)):
                a, b = cur[i], cur[j]
                if not a.overlaps(b, -gap) or min(a.x1, b.x1) - max(a.x0, b.x0) <= 0:
                    continue
                upper, lower = (i, j) if (a.y0 + a.y1) <= (b.y0 + b.y1) else (j, i)
                need = cur[upper].y1 + gap - cur[lower].y0
                if need <= 0:
                    continue
                for k, d in ((upper, -need / 2), (lower, need / 2)):
                    shifts[k] += d
                    cur[k] = Box(cur[k].x0, cur[k].y0 + d, cur[k].x1, cur[k].y1 + d)
                moved = True
        if not moved:
            break
    return shifts
