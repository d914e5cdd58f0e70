"""The report charts drawn with the kit: radar, bars, heat map, lines, tornado.

Each function returns the chart as :class:`~markupsafe.Markup`; label columns
and margins follow the measured labels, legends carry colour keys, axes carry
round ticks (and their unit when one is given).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from markupsafe import Markup, escape

from crm_readiness.i18n import Lang
from crm_readiness.render.svg.kit import (
    GREY,
    GRID,
    INK,
    MUTED,
    PALETTE,
    Box,
    Canvas,
    color,
    compact,
    declutter,
    nice_ticks,
    text_width,
    wrap,
)

LEADING = 15.0
#: exposure bands of the heat map: light tints of Okabe–Ito green, orange and vermillion
BAND_FILLS = {"low": "#d9efe6", "medium": "#fbe0a6", "high": "#f3b28f"}
LOW_COLOR, HIGH_COLOR = PALETTE[3], PALETTE[0]


def _f(v: float) -> str:
    return f"{v:.1f}"


def radar(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], title: str, *,
          maximum: float = 100.0, value_format: str = "{:.0f}", rings: int = 5) -> Markup:
    """Return a radar of one or more named series (0..maximum) over ``labels``.

    One series: each axis label carries its value. Several: a legend with a
    colour key per series. The ring values are written along the top axis.
    """
    n = len(labels)
    if n < 3:
        first = series[0][1] if series else []
        return hbars(labels, list(first), title, maximum=maximum,
                     value_labels=[value_format.format(v) for v in first])
    r = 150.0
    c = Canvas()

    def point(i: int, frac: float) -> tuple[float, float]:
        ang = -math.pi / 2 + 2 * math.pi * i / n
        return r * frac * math.cos(ang), r * frac * math.sin(ang)

    for k in range(1, rings + 1):
        pts = " ".join(f"{_f(x)},{_f(y)}" for x, y in (point(i, k / rings) for i in range(n)))
        c.shape(f'<polygon points="{pts}" fill="none" stroke="{GRID}"/>', -r, -r, r, r)
    for i in range(n):
        x, y = point(i, 1.0)
        c.line(0, 0, x, y, GRID)
    for k, (name, vals) in enumerate(series):
        col, dash = color(k)
        pts = " ".join(f"{_f(x)},{_f(y)}" for x, y in
                       (point(i, max(0.0, min(1.0, v / maximum))) for i, v in enumerate(vals)))
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        c.parts.append(f'<polygon points="{pts}" fill="{col}" fill-opacity="0.12" stroke="{col}" '
                       f'stroke-width="2"{extra}><title>{escape(name)}</title></polygon>')
        for i, v in enumerate(vals):
            x, y = point(i, max(0.0, min(1.0, v / maximum)))
            c.parts.append(f'<circle cx="{_f(x)}" cy="{_f(y)}" r="3" fill="{col}"><title>'
                           f"{escape(name)} {escape(labels[i])}: "
                           f"{escape(value_format.format(v))}</title></circle>")
    for k in range(1, rings + 1):  # ring values, small, beside the top axis
        ring = value_format.format(maximum * k / rings)
        c.rect(3, -r * k / rings - 4, text_width(ring, 9) + 2, 10, "#fff", ' fill-opacity="0.85"')
        c.text(4, -r * k / rings + 4, ring, size=9, fill=MUTED)
    single = len(series) == 1
    blocks: list[tuple[float, str, list[str], Box]] = []
    for i, label in enumerate(labels):
        ax, ay = point(i, 1.0)
        cos = ax / r
        anchor = "start" if cos > 0.25 else "end" if cos < -0.25 else "middle"
        lines = wrap(label, 140)
        if single:
            lines.append(value_format.format(series[0][1][i]))
        h = LEADING * (len(lines) - 1) + 12
        lx = ax + (8 if anchor == "start" else -8 if anchor == "end" else 0)
        top = (ay - 10 - h if ay < 0 else ay + 8) if anchor == "middle" else ay - h / 2
        w = max(text_width(s, bold=single and j == len(lines) - 1) for j, s in enumerate(lines))
        x0 = lx if anchor == "start" else lx - w if anchor == "end" else lx - w / 2
        blocks.append((lx, anchor, lines, Box(x0, top, x0 + w, top + h + 3)))
    shifts = declutter([b for *_, b in blocks], gap=3.0)
    for (lx, anchor, lines, box), dy in zip(blocks, shifts, strict=True):
        base = box.y0 + dy + 10
        for j, s in enumerate(lines):
            bold = single and j == len(lines) - 1
            c.text(lx, base + j * LEADING, s, anchor=anchor, bold=bold,
                   fill=PALETTE[0] if bold else None)
    if not single:
        c.legend([(name, color(k)[0], "box") for k, (name, _) in enumerate(series)],
                 -r - 40, r + 56 + max(0.0, max(shifts, default=0.0)), 2 * r + 80)
    return c.render(title)


def hbars(labels: Sequence[str], values: Sequence[float], title: str, *,
          maximum: float = 100.0, unit: str = "", colors: Sequence[str] | None = None,
          value_labels: Sequence[str] | None = None, track: float = 320.0,
          legend: Sequence[tuple[str, str]] = (), heading: bool = False) -> Markup:
    """Return horizontal bars, one per label, scaled to ``maximum``, each with its value.

    ``heading`` writes the title above the bars (for a chart without a caption).
    """
    c = Canvas()
    wrapped = [wrap(x, 240) for x in labels]
    left = max((text_width(s) for ls in wrapped for s in ls), default=0.0) + 10
    y = 0.0
    if heading:
        c.text(0, 12, title, bold=True)
        y = 22.0
    for i, (lines, v) in enumerate(zip(wrapped, values, strict=True)):
        row = max(26.0, LEADING * len(lines) + 8)
        mid = y + row / 2
        w = track * max(0.0, min(1.0, v / maximum)) if maximum else 0.0
        col = colors[i] if colors else PALETTE[0]
        shown = value_labels[i] if value_labels else f"{v:.0f}{unit}"
        c.lines(left - 10, mid + 4 - LEADING * (len(lines) - 1) / 2, lines, anchor="end")
        c.rect(left, mid - 8, track, 16, "#f3f4f6")
        c.rect(left, mid - 8, w, 16, col, tip=f"{labels[i]}: {shown}")
        c.text(left + track + 6, mid + 4, shown)
        y += row
    if legend:
        c.legend([(name, col, "box") for name, col in legend], 0, y + 8, left + track)
    return c.render(title)


def heatmap(counts: Mapping[tuple[int, int], int], title: str, *, x_label: str, y_label: str,
            band_of: Mapping[tuple[int, int], str], band_names: Mapping[str, str],
            legend_title: str) -> Markup:
    """Return a 5×5 likelihood (x) × impact (y) grid with a count per cell and a band legend.

    ``band_of`` maps each (likelihood, impact) to ``low``/``medium``/``high``;
    ``band_names`` names the bands in the legend.
    """
    cell, left, top = 52.0, 28.0, 26.0
    c = Canvas()
    c.text(0, 12, f"{y_label} ↑", bold=True)
    for impact in range(5, 0, -1):
        for like in range(1, 6):
            x, y = left + (like - 1) * cell, top + (5 - impact) * cell
            band = band_of.get((like, impact), "low")
            n = counts.get((like, impact), 0)
            c.rect(x, y, cell, cell, BAND_FILLS[band], ' stroke="#fff" stroke-width="2"',
                   tip=f"{x_label} {like} × {y_label} {impact}: {n}")
            if n:
                c.shape(f'<circle cx="{_f(x + cell / 2)}" cy="{_f(y + cell / 2)}" r="14" '
                        f'fill="{INK}"/>', x, y, x + cell, y + cell)
                c.text(x + cell / 2, y + cell / 2 + 4, str(n), anchor="middle", bold=True,
                       fill="#fff")
    for i in range(1, 6):
        c.text(left + (i - 0.5) * cell, top + 5 * cell + 16, str(i), anchor="middle")
        c.text(left - 8, top + (5 - i + 0.5) * cell + 4, str(i), anchor="end")
    c.text(left + 5 * cell, top + 5 * cell + 34, f"{x_label} →", anchor="end", bold=True)
    ly = top + 5 * cell + 46
    c.text(0, ly + 11, legend_title)
    c.legend([(band_names[b], BAND_FILLS[b], "box") for b in ("low", "medium", "high")],
             text_width(legend_title) + 10, ly, 5 * cell + left)
    return c.render(title)


def _x_step(x_labels: Sequence[str], spacing: float) -> int:
    widest = max((text_width(s) for s in x_labels), default=0.0) + 8
    return max(1, math.ceil(widest / spacing)) if spacing > 0 else 1


def line_chart(x_labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
               title: str, *, lang: Lang, minimum: float | None = None,
               maximum: float | None = None, zero_line: bool = False, unit: str = "",
               compact_ticks: bool = False, value_format: str = "{:,.0f}") -> Markup:
    """Return a line chart, one polyline per named series, round ticks and a legend below.

    ``compact_ticks`` writes large values as ``250k`` / ``25万``; ``unit`` heads
    the value axis.
    """
    plot_w, plot_h = 500.0, 220.0
    values = [v for _, vs in series for v in vs if v is not None]
    lo = minimum if minimum is not None else min([0.0, *values])
    hi = maximum if maximum is not None else max([1.0, *values])
    ticks = nice_ticks(lo, hi)
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    lo, hi = ticks[0], ticks[-1]
    shown = [compact(v, lang, step) if compact_ticks else value_format.format(v) for v in ticks]
    left = max(text_width(s) for s in shown) + 10
    c = Canvas()
    n = max(1, len(x_labels) - 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return left + plot_w * i / n, plot_h * (1 - (v - lo) / (hi - lo))

    if unit:
        c.text(left - 8, -12, unit, anchor="end", bold=True, fill=MUTED)
    for v, s in zip(ticks, shown, strict=True):
        _, y = xy(0, v)
        c.line(left, y, left + plot_w, y, GRID)
        c.text(left - 6, y + 4, s, anchor="end")
    if zero_line and lo < 0 < hi:
        _, y = xy(0, 0.0)
        c.line(left, y, left + plot_w, y, INK, ' stroke-width="1.5"')
    every = _x_step(x_labels, plot_w / n)
    for i, label in enumerate(x_labels):
        if i % every == 0 or (i == len(x_labels) - 1 and every == 1):
            x, _ = xy(i, lo)
            c.text(x, plot_h + 18, label, anchor="middle")
    for k, (name, vals) in enumerate(series):
        col, dash = color(k)
        pts = [(i, v) for i, v in enumerate(vals) if v is not None]
        if not pts:
            continue
        path = " ".join(f"{_f(x)},{_f(y)}" for x, y in (xy(i, v) for i, v in pts))
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        c.parts.append(f'<polyline points="{path}" fill="none" stroke="{col}" '
                       f'stroke-width="2.5"{extra}/>')
        for i, v in pts:
            x, y = xy(i, v)
            c.parts.append(f'<circle cx="{_f(x)}" cy="{_f(y)}" r="3.5" fill="{col}">'
                           f"<title>{escape(name)} {escape(x_labels[i])}: "
                           f"{escape(value_format.format(v))}</title></circle>")
    c.legend([(name, color(k)[0], "line:" + color(k)[1]) for k, (name, _) in enumerate(series)],
             0, plot_h + 32, left + plot_w)
    return c.render(title)


def diverging_bars(labels: Sequence[str], lows: Sequence[float], highs: Sequence[float],
                   base: float, title: str, *, lang: Lang, base_label: str, low_label: str,
                   high_label: str, unit: str = "") -> Markup:
    """Return a tornado: for each label a bar from ``low`` to ``high`` around ``base``.

    The value axis below carries round ticks (and ``unit``); ``base_label``
    names the base line; the legend keys the part below and above the base.
    """
    width = 380.0
    wrapped = [wrap(x, 300) for x in labels]
    left = max((text_width(s) for ls in wrapped for s in ls), default=0.0) + 10
    ticks = nice_ticks(min([base, *lows, *highs]), max([base, *lows, *highs]), 4)
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    span_lo, span_hi = ticks[0], ticks[-1]

    def x(v: float) -> float:
        return left + width * (v - span_lo) / (span_hi - span_lo)

    c = Canvas()
    bx = x(base)
    c.text(bx, -8, f"{base_label} {compact(base, lang, step / 10)}", anchor="middle", bold=True)
    y = 0.0
    for label, lines, lo, hi in zip(labels, wrapped, lows, highs, strict=True):
        row = max(26.0, LEADING * len(lines) + 8)
        mid = y + row / 2
        a, b = sorted((x(lo), x(hi)))
        c.lines(left - 10, mid + 4 - LEADING * (len(lines) - 1) / 2, lines, anchor="end")
        tip = f"{label}: {compact(lo, lang, step / 100)} … {compact(hi, lang, step / 100)}"
        c.rect(min(a, bx), mid - 8, abs(bx - a), 16, LOW_COLOR, tip=tip)
        c.rect(bx, mid - 8, max(0.0, b - bx), 16, HIGH_COLOR, tip=tip)
        y += row
    for v in ticks:
        c.line(x(v), y, x(v), y + 4, GREY)
        c.text(x(v), y + 17, compact(v, lang, step), anchor="middle")
    c.line(left, y, left + width, y, GREY)
    c.line(bx, -2, bx, y, INK)
    if unit:
        c.text(left + width, y + 34, unit, anchor="end", bold=True, fill=MUTED)
    c.legend([(low_label, LOW_COLOR, "box"), (high_label, HIGH_COLOR, "box")], left, y + 42,
             width)
    return c.render(title)
