"""Inline SVG charts for the HTML reports: no scripts, no network, print-friendly.

Every label passes through :func:`markupsafe.escape`; each function returns a
:class:`~markupsafe.Markup` the templates insert as is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import Markup, escape

PALETTE = ("#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777",
           "#65a30d", "#475569", "#ea580c")
_FONT = 'font-family="system-ui,-apple-system,Segoe UI,Noto Sans CJK SC,sans-serif"'


def text_width(text: str, size: float = 12.0) -> float:
    """Return an estimate of a label's width in pixels (CJK characters count about double)."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.58 for ch in text)


def _wrap(text: str, limit: float) -> list[str]:
    """Split a label into at most two lines of about ``limit`` pixels."""
    if text_width(text) <= limit:
        return [text]
    words = text.split(" ")
    if len(words) > 1:
        best = min(range(1, len(words)), key=lambda k: abs(
            text_width(" ".join(words[:k])) - text_width(" ".join(words[k:]))))
        return [" ".join(words[:best]), " ".join(words[best:])]
    half = len(text) // 2
    return [text[:half], text[half:]]


def _svg(width: float, height: float, body: str, title: str) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="100%" style="max-width:{width:.0f}px" role="img" aria-label="{escape(title)}" '
        f'{_FONT} font-size="12"><title>{escape(title)}</title>{body}</svg>'
    )


def radar(labels: Sequence[str], values: Sequence[float], title: str, *,
          series: Sequence[tuple[str, Sequence[float]]] | None = None,
          maximum: float = 100.0) -> Markup:
    """Return a radar chart of ``values`` (0..maximum) on ``labels``; extra ``series`` overlay."""
    n = len(labels)
    size, cx, cy, r = 640.0, 320.0, 200.0, 130.0
    if n < 3:
        return hbars(labels, values, title, maximum=maximum)
    parts: list[str] = []

    def point(i: int, frac: float) -> tuple[float, float]:
        ang = -math.pi / 2 + 2 * math.pi * i / n
        return cx + r * frac * math.cos(ang), cy + r * frac * math.sin(ang)

    for ring in (0.2, 0.4, 0.6, 0.8, 1.0):
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, ring) for i in range(n)))
        parts.append(f'<polygon points="{pts}" fill="none" stroke="#d1d5db"/>')
    for i, label in enumerate(labels):
        x, y = point(i, 1.0)
        lx, ly = point(i, 1.18)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#d1d5db"/>')
        lines = _wrap(label, 150)
        top = ly + 4 - 7 * (len(lines) - 1)
        spans = "".join(f'<tspan x="{lx:.1f}" dy="{0 if k == 0 else 14}">{escape(line)}</tspan>'
                        for k, line in enumerate(lines))
        parts.append(f'<text x="{lx:.1f}" y="{top:.1f}" text-anchor="{anchor}">{spans}</text>')
    all_series = [("", values), *(series or [])]
    for k, (name, vals) in enumerate(all_series):
        color = PALETTE[k % len(PALETTE)]
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in
                       (point(i, max(0.0, min(1.0, v / maximum))) for i, v in enumerate(vals)))
        parts.append(f'<polygon points="{pts}" fill="{color}" fill-opacity="0.18" '
                     f'stroke="{color}" stroke-width="2"><title>{escape(name)}</title></polygon>')
        if k == 0:
            for i, v in enumerate(vals):
                x, y = point(i, max(0.0, min(1.0, v / maximum)))
                parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{color}">'
                             f"<title>{escape(labels[i])}: {v:.0f}</title></circle>")
    return _svg(size, 400, "".join(parts), title)


def hbars(labels: Sequence[str], values: Sequence[float], title: str, *,
          maximum: float = 100.0, unit: str = "", colors: Sequence[str] | None = None,
          value_labels: Sequence[str] | None = None) -> Markup:
    """Return horizontal bars, one per label, scaled to ``maximum``."""
    row, width = 26.0, 320.0
    left = min(360.0, max(80.0, max((text_width(x) for x in labels), default=0.0) + 16))
    height = row * len(labels) + 16
    parts: list[str] = []
    for i, (label, v) in enumerate(zip(labels, values, strict=True)):
        y = 8 + i * row
        w = width * max(0.0, min(1.0, v / maximum)) if maximum else 0.0
        color = colors[i] if colors else PALETTE[0]
        shown = value_labels[i] if value_labels else f"{v:.0f}{unit}"
        parts.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{width}" height="16" fill="#f3f4f6"/>')
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{w:.1f}" height="16" fill="{color}"/>')
        parts.append(f'<text x="{left + width + 6}" y="{y + 15}">{escape(shown)}</text>')
    return _svg(left + width + 70, height, "".join(parts), title)


def heatmap(counts: dict[tuple[int, int], int], title: str, *, x_label: str, y_label: str,
            band_of: dict[tuple[int, int], str]) -> Markup:
    """Return a 5×5 likelihood (x) × impact (y) grid with a count per cell.

    ``band_of`` maps each (likelihood, impact) to ``low``/``medium``/``high``.
    """
    cell, left, top = 56.0, 60.0, 16.0
    fills = {"low": "#dcfce7", "medium": "#fef3c7", "high": "#fee2e2"}
    parts: list[str] = []
    for impact in range(5, 0, -1):
        for like in range(1, 6):
            x = left + (like - 1) * cell
            y = top + (5 - impact) * cell
            band = band_of.get((like, impact), "low")
            n = counts.get((like, impact), 0)
            parts.append(f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" '
                         f'fill="{fills[band]}" stroke="#fff" stroke-width="2"/>')
            if n:
                parts.append(f'<circle cx="{x + cell / 2}" cy="{y + cell / 2}" r="14" '
                             f'fill="#1f2937"/><text x="{x + cell / 2}" y="{y + cell / 2 + 4}" '
                             f'text-anchor="middle" fill="#fff" font-weight="bold">{n}</text>')
    for i in range(1, 6):
        parts.append(f'<text x="{left + (i - 0.5) * cell}" y="{top + 5 * cell + 16}" '
                     f'text-anchor="middle">{i}</text>')
        parts.append(f'<text x="{left - 10}" y="{top + (5 - i + 0.5) * cell + 4}" '
                     f'text-anchor="end">{i}</text>')
    parts.append(f'<text x="{left + 2.5 * cell}" y="{top + 5 * cell + 36}" '
                 f'text-anchor="middle" font-weight="bold">{escape(x_label)}</text>')
    parts.append(f'<text x="16" y="{top + 2.5 * cell}" text-anchor="middle" font-weight="bold" '
                 f'transform="rotate(-90 16 {top + 2.5 * cell})">{escape(y_label)}</text>')
    return _svg(left + 5 * cell + 16, top + 5 * cell + 46, "".join(parts), title)


def line_chart(x_labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
               title: str, *, minimum: float | None = None, maximum: float | None = None,
               zero_line: bool = False, value_format: str = "{:.0f}") -> Markup:
    """Return a line chart: one polyline per named series over ``x_labels``."""
    width, height, right, top, bottom = 560.0, 280.0, 130.0, 16.0, 36.0
    values = [v for _, vs in series for v in vs if v is not None]
    lo = minimum if minimum is not None else min([0.0, *values])
    hi = maximum if maximum is not None else max([1.0, *values])
    if hi == lo:
        hi = lo + 1
    ticks = [value_format.format(lo + (hi - lo) * k / 4) for k in range(5)]
    left = max(48.0, max(text_width(x) for x in ticks) + 14)
    width += left - 64.0
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(1, len(x_labels) - 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return left + plot_w * i / n, top + plot_h * (1 - (v - lo) / (hi - lo))

    parts: list[str] = []
    for k in range(5):
        v = lo + (hi - lo) * k / 4
        _, y = xy(0, v)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
                     f'stroke="#e5e7eb"/><text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
                     f"{escape(ticks[k])}</text>")
    if zero_line and lo < 0 < hi:
        _, y = xy(0, 0.0)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
                     f'stroke="#111827" stroke-width="1.5"/>')
    for i, label in enumerate(x_labels):
        x, _ = xy(i, lo)
        parts.append(f'<text x="{x:.1f}" y="{height - bottom + 18}" text-anchor="middle">'
                     f"{escape(label)}</text>")
    for k, (name, vals) in enumerate(series):
        color = PALETTE[k % len(PALETTE)]
        pts = [(i, v) for i, v in enumerate(vals) if v is not None]
        if pts:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(i, v) for i, v in pts))
            parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" '
                         f'stroke-width="2.5"/>')
            for i, v in pts:
                x, y = xy(i, v)
                parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{color}">'
                             f"<title>{escape(name)} {escape(x_labels[i])}: "
                             f"{escape(value_format.format(v))}</title></circle>")
        ly = top + 14 + 18 * k
        parts.append(f'<rect x="{width - right + 12}" y="{ly - 9}" width="10" height="10" '
                     f'fill="{color}"/><text x="{width - right + 26}" y="{ly}">'
                     f"{escape(name)}</text>")
    return _svg(width, height, "".join(parts), title)


def diverging_bars(labels: Sequence[str], lows: Sequence[float], highs: Sequence[float],
                   base: float, title: str, *, value_format: str = "{:,.0f}") -> Markup:
    """Return a tornado chart: for each label a bar from ``low`` to ``high`` around ``base``."""
    row, width = 26.0, 360.0
    left = min(360.0, max(80.0, max((text_width(x) for x in labels), default=0.0) + 16))
    height = row * len(labels) + 40
    span_lo = min([base, *lows, *highs])
    span_hi = max([base, *lows, *highs])
    if span_hi == span_lo:
        span_hi = span_lo + 1

    def x(v: float) -> float:
        return left + width * (v - span_lo) / (span_hi - span_lo)

    parts: list[str] = []
    for i, (label, lo, hi) in enumerate(zip(labels, lows, highs, strict=True)):
        y = 8 + i * row
        a, b = sorted((x(lo), x(hi)))
        parts.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{min(a, x(base)):.1f}" y="{y + 3}" '
                     f'width="{abs(x(base) - a):.1f}" height="16" fill="{PALETTE[1]}"/>')
        parts.append(f'<rect x="{x(base):.1f}" y="{y + 3}" width="{max(0.0, b - x(base)):.1f}" '
                     f'height="16" fill="{PALETTE[2]}"/>')
        parts.append(f"<title>{escape(label)}: {escape(value_format.format(lo))} … "
                     f"{escape(value_format.format(hi))}</title>")
    bx = x(base)
    parts.append(f'<line x1="{bx:.1f}" y1="4" x2="{bx:.1f}" y2="{height - 30}" stroke="#111827"/>')
    parts.append(f'<text x="{bx:.1f}" y="{height - 12}" text-anchor="middle">'
                 f"{escape(value_format.format(base))}</text>")
    return _svg(left + width + 30, height, "".join(parts), title)
