"""The chart kit: every inline-SVG chart of the HTML reports (no script, no network).

:mod:`.kit` measures text (CJK and full-width characters count double), makes
round ticks and short unit labels, holds the Okabe–Ito palette and the
:class:`~.kit.Canvas` that fits each SVG's viewBox to what was drawn;
:mod:`.charts` draws radar, bars, heat map, lines and tornado; :mod:`.gantt`
the implementation plan.
"""

from __future__ import annotations

from crm_readiness.render.svg.charts import (
    BAND_FILLS,
    diverging_bars,
    hbars,
    heatmap,
    line_chart,
    radar,
)
from crm_readiness.render.svg.kit import PALETTE, compact, nice_ticks, text_width, wrap

__all__ = ["BAND_FILLS", "PALETTE", "compact", "diverging_bars", "hbars", "heatmap",
           "line_chart", "nice_ticks", "radar", "text_width", "wrap"]
