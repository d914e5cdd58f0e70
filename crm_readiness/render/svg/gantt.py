"""The implementation plan's Gantt chart, drawn with the chart kit."""

from __future__ import annotations

from datetime import date, timedelta

from markupsafe import Markup, escape

from crm_readiness.i18n import Lang, t
from crm_readiness.models.plan import ImplementationPlan
from crm_readiness.render.svg.kit import (
    GREY,
    GRID,
    INK,
    MUTED,
    PALETTE,
    Canvas,
    text_box,
    text_width,
)

#: mitigation markers by risk band (Okabe–Ito vermillion, orange, bluish green)
BAND_COLORS = {"high": PALETTE[3], "medium": PALETTE[1], "low": PALETTE[2]}
_MONTH_SIZE = 10.0


def _f(v: float) -> str:
    return f"{v:.1f}"


def months(start: date, end: date) -> list[date]:
    """Return the first day of every month from ``start`` (included if it is a 1st) to ``end``."""
    out: list[date] = []
    d = date(start.year, start.month, 1)
    while d <= end:
        if d >= start:
            out.append(d)
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out


def gantt(plan: ImplementationPlan, lang: Lang) -> Markup:
    """Return the plan as an SVG Gantt: stages, milestones, mitigations, month and year scale."""
    names = [t(f"plan.stage.{s.id}", lang) for s in plan.stages] + [t("plan.mitigations", lang)]
    left = max(text_width(n) for n in names) + 12
    top, row, width = 40.0, 28.0, 640.0
    days = (plan.end - plan.start).days + 1
    lanes = len(plan.stages) + 1
    bottom = top + row * lanes

    def x(d: date) -> float:
        return left + width * (d - plan.start).days / days

    c = Canvas()
    ticks = months(plan.start, plan.end + timedelta(days=1))
    spacing = width * 30.4 / days
    every = 1
    while every < 12 and spacing * every < text_width("00", _MONTH_SIZE) + 6:
        every += 1
    for m in ticks:
        mx = x(m)
        c.line(mx, top - 6, mx, bottom, GREY if m.month == 1 else GRID)
        if (m.month - 1) % every == 0:
            c.text(mx + 2, top - 10, f"{m.month:02d}", size=_MONTH_SIZE, fill=MUTED)
    # the year row above the months: each January, and the start's year if it has room
    years = [(x(m), m.year) for m in ticks if m.month == 1]
    years.append((left, plan.start.year))
    for yx, year in years:
        box = text_box(yx + 2, top - 24, str(year), _MONTH_SIZE, bold=True)
        if c.fits(box, 4):
            c.text(yx + 2, top - 24, str(year), size=_MONTH_SIZE, bold=True)
    for i, s in enumerate(plan.stages):
        y = top + i * row
        col = PALETTE[i % len(PALETTE)]
        x0, x1 = x(s.start), x(s.end + timedelta(days=1))
        name = names[i]
        tip = f"{name}: {s.start.isoformat()} – {s.end.isoformat()} ({s.weeks} w)"
        c.text(left - 8, y + 17, name, anchor="end")
        c.rect(x0, y + 5, max(1.0, x1 - x0), 16, col, ' rx="3"', tip=tip)
        if s.weeks > s.baseline_weeks:
            bx = x(s.start + timedelta(days=7 * s.baseline_weeks))
            c.rect(bx, y + 5, max(0.0, x1 - bx), 16, "#fff",
                   f' fill-opacity="0.5" stroke="{col}" stroke-dasharray="3 2"',
                   tip=t("plan.stretched", lang))
        c.shape(f'<polygon points="{_f(x1)},{_f(y + 2)} {_f(x1 + 6)},{_f(y + 13)} '
                f'{_f(x1)},{_f(y + 24)} {_f(x1 - 6)},{_f(y + 13)}" fill="{INK}"><title>'
                f'M{s.order} {s.end.isoformat()}</title></polygon>', x1 - 6, y + 2, x1 + 6, y + 24)
    y = top + len(plan.stages) * row
    c.text(left - 8, y + 17, names[-1], anchor="end")
    for mit in plan.mitigations:
        mx = x(mit.due)
        tip = f"{mit.risk_id} {mit.title.get(lang)} — {mit.due.isoformat()}"
        c.shape(f'<polygon points="{_f(mx)},{_f(y + 6)} {_f(mx + 6)},{_f(y + 20)} '
                f'{_f(mx - 6)},{_f(y + 20)}" fill="{BAND_COLORS[mit.band]}" fill-opacity="0.85">'
                f"<title>{escape(tip)}</title></polygon>", mx - 6, y + 6, mx + 6, y + 20)
    c.text(left, bottom + 14, plan.start.isoformat(), size=_MONTH_SIZE, fill=MUTED)
    c.text(left + width, bottom + 14, plan.end.isoformat(), size=_MONTH_SIZE, anchor="end",
           fill=MUTED)
    items = [(t("plan.milestone", lang), INK, "diamond"),
             (t("plan.stretched", lang), "#fff", "dashed")]
    items += [(t("plan.legend.mitigation", lang, band=t(f"band.{b}", lang)), BAND_COLORS[b],
               "triangle") for b in ("high", "medium", "low")]
    c.legend(items, left, bottom + 24, width)
    return c.render(t("plan.gantt", lang))
