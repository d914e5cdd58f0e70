"""The Panel sheet of the comparison workbook: every panelist's score and comment, the
combined score, spread and outliers, the halo flags and the calibration agenda (a snapshot:
the combined scores are the inputs on the Criteria sheet)."""

from __future__ import annotations

from openpyxl import Workbook

from crm_readiness.i18n import Lang, t
from crm_readiness.render.vendors._cells import (
    BOLD,
    RED_FILL,
    SNAPSHOT_FILL,
    TITLE_FONT,
    WRAP,
    header,
    text,
    value,
    widths,
)
from crm_readiness.render.vendors._layout import Layout


def panel_sheet(wb: Workbook, lay: Layout, lang: Lang) -> None:
    """Write the Panel sheet (panelist text always stays text, never a formula)."""
    panel = lay.result.panel
    assert panel is not None
    ws = wb.create_sheet("Panel")
    names = {v.id: v.name.get(lang) for v in lay.result.vendors}
    crit = {c.id: c.name.get(lang) for c in lay.result.criteria}
    text(ws, 1, 1, t("vendors.rep.panel", lang), font=TITLE_FONT)
    text(ws, 2, 1, t("vendors.rep.panel_intro", lang, n=len(panel.panelists),
                     rule=t(f"vendors.rep.rule.{panel.rule}", lang),
                     outlier=f"{panel.outlier_distance:g}"), alignment=WRAP)
    r = 3
    for p in panel.panelists:
        text(ws, r, 1, p.id)
        text(ws, r, 2, p.name)
        text(ws, r, 3, p.role.get(lang) if p.role else None)
        r += 1
    for h in panel.halo:
        text(ws, r, 1, t("vendors.rep.halo", lang, panelist=h.panelist,
                         vendor=names.get(h.vendor, h.vendor), n=h.criteria), fill=RED_FILL)
        r += 1
    r += 1
    ids = [p.id for p in panel.panelists]
    header(ws, r, [t("vendors.wb.criterion", lang), t("vendors.wb.vendor", lang), *ids,
                   t("vendors.rep.combined", lang), t("vendors.rep.spread", lang),
                   t("vendors.wb.comment", lang)])
    for c in panel.cells:
        r += 1
        text(ws, r, 1, crit.get(c.criterion, c.criterion))
        text(ws, r, 2, names.get(c.vendor, c.vendor))
        for k, pid in enumerate(ids):
            fill = RED_FILL if pid in c.outliers else SNAPSHOT_FILL
            value(ws, r, 3 + k, c.scores.get(pid), "0.0", fill=fill)
        value(ws, r, 3 + len(ids), c.combined, "0.00", font=BOLD)
        value(ws, r, 4 + len(ids), c.spread, "0.0")
        text(ws, r, 5 + len(ids), "\n".join(f"{pid}: {x}" for pid, x in c.comments.items()),
             alignment=WRAP)
    r += 2
    text(ws, r, 1, t("vendors.rep.agenda", lang), font=BOLD)
    r += 1
    header(ws, r, ["#", t("vendors.wb.criterion", lang), t("vendors.wb.vendor", lang),
                   t("vendors.rep.spread", lang), t("vendors.wb.weight", lang),
                   t("vendors.rep.priority", lang), t("vendors.rep.low_high", lang)])
    for n, a in enumerate(panel.agenda, start=1):
        r += 1
        value(ws, r, 1, n)
        text(ws, r, 2, crit.get(a.criterion, a.criterion))
        text(ws, r, 3, names.get(a.vendor, a.vendor))
        value(ws, r, 4, a.spread, "0.0")
        value(ws, r, 5, a.weight, "0.0%")
        value(ws, r, 6, a.priority, "0.00")
        text(ws, r, 7, f"{a.low[0]} {a.low[1]:g} – {a.high[0]} {a.high[1]:g}")
    widths(ws, {"A": 28, "B": 24})
