"""Display helpers the CLI prints results with, from ``render`` (the seam: cli → workflows).

Re-exported so ``cli/`` imports only ``workflows``; importing this module imports
only the small label modules, never openpyxl, jinja2 or docx.
"""

from __future__ import annotations

from crm_readiness.render.finance.labels import (
    driver_label,
    irr_text,
    line_names,
    money,
    payback_text,
    pct,
    tornado_label,
)
from crm_readiness.render.finance.report import flag_texts, horizon_note, mc_position
from crm_readiness.render.plan import stretch_text

__all__ = ["driver_label", "flag_texts", "horizon_note", "irr_text", "line_names", "mc_position",
           "money", "payback_text", "pct", "stretch_text", "tornado_label"]
