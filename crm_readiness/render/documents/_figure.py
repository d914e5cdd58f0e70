"""Timeline figures: the periods a timeline spans, and the figure as SVG (HTML) and as text.

A timeline of up to 18 months is drawn by month, up to 54 months by quarter, a
longer one by year (so a period column of the Word table stays wide enough for its label). Word
draws it as a table with the active periods shaded (see ``docx.py``): python-docx
embeds no SVG, and a table prints and edits everywhere.
"""

from __future__ import annotations

from datetime import date

from markupsafe import Markup, escape

from crm_readiness.i18n import Lang
from crm_readiness.models.document import Figure, cell_text
from crm_readiness.render.documents._text import clean
from crm_readiness.render.svg import _svg

MAX_MONTHS, MAX_QUARTER_MONTHS = 18, 54
BAR_COLOUR = "#2563eb"


def periods(fig: Figure) -> list[tuple[date, date, str]]:
    """Return the figure's periods as (first day, last day, short label): months or quarters."""
    first = min(b.start for b in fig.bars)
    last = max(b.end for b in fig.bars)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    step = 1 if months <= MAX_MONTHS else 3 if months <= MAX_QUARTER_MONTHS else 12
    year, month = first.year, first.month
    month -= (month - 1) % step
    out: list[tuple[date, date, str]] = []
    while date(year, month, 1) <= last:
        ny, nm = (year + (month + step - 1) // 12, (month + step - 1) % 12 + 1)
        end = date.fromordinal(date(ny, nm, 1).toordinal() - 1)
        label = f"{month}" if step == 1 else f"Q{(month - 1) // 3 + 1}" if step == 3 else f"'{year % 100:02d}"
        out.append((date(year, month, 1), end, label))
        year, month = ny, nm
    return out


def step_of(spans: list[tuple[date, date, str]]) -> int:
    """Return the months per period of ``spans`` (1, 3 or 12)."""
    start, end, _ = spans[0]
    return (end.year - start.year) * 12 + end.month - start.month + 1


def active(fig: Figure) -> list[list[bool]]:
    """Return, per bar, whether it runs in each period."""
    spans = periods(fig)
    return [[b.start <= end and b.end >= start for start, end, _ in spans] for b in fig.bars]


def svg(fig: Figure, lang: Lang) -> Markup:
    """Return the timeline as inline SVG (labels escaped)."""
    spans = periods(fig)
    first, last = spans[0][0], spans[-1][1]
    total = (last - first).days + 1
    left, width, row, top = 230.0, 560.0, 22.0, 28.0
    parts: list[str] = []
    for i, (start, _, label) in enumerate(spans):
        x = left + width * (start - first).days / total
        parts.append(f'<line x1="{x:.1f}" y1="{top - 6:.0f}" x2="{x:.1f}" '
                     f'y2="{top + row * len(fig.bars):.0f}" stroke="#e5e7eb"/>')
        if step_of(spans) < 12 and (i == 0 or label in ("1", "Q1")):
            parts.append(f'<text x="{x + 2:.1f}" y="12" fill="#6b7280">{start.year}</text>')
        parts.append(f'<text x="{x + 2:.1f}" y="{top - 8:.0f}" fill="#6b7280" font-size="10">'
                     f'{escape(label)}</text>')
    for n, bar in enumerate(fig.bars):
        y = top + n * row
        x0 = left + width * (bar.start - first).days / total
        x1 = left + width * ((bar.end - first).days + 1) / total
        name = clean(cell_text(bar.label, lang))
        parts.append(f'<text x="{left - 8:.0f}" y="{y + 15:.0f}" text-anchor="end">{escape(name)}</text>')
        parts.append(f'<rect x="{x0:.1f}" y="{y + 4:.0f}" width="{max(x1 - x0, 2):.1f}" height="{row - 8:.0f}" '
                     f'rx="3" fill="{BAR_COLOUR}"><title>{escape(name)}: {bar.start.isoformat()} – '
                     f'{bar.end.isoformat()}</title></rect>')
    return _svg(left + width + 10, top + row * len(fig.bars) + 6, "".join(parts),
                clean(fig.caption.get(lang)))


def text_bars(fig: Figure, width: int = 36) -> list[str]:
    """Return one bar of ``█`` per row, ``width`` characters for the whole timeline (Markdown)."""
    spans = periods(fig)
    first, last = spans[0][0], spans[-1][1]
    total = (last - first).days + 1
    out = []
    for bar in fig.bars:
        a = round(width * (bar.start - first).days / total)
        b = max(a + 1, round(width * ((bar.end - first).days + 1) / total))
        out.append("·" * a + "█" * (b - a) + "·" * (width - b))
    return out
