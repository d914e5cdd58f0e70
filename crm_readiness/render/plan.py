"""The implementation plan as HTML (inline SVG Gantt), Markdown, JSON and an xlsx Gantt sheet."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta

from markupsafe import Markup, escape

from crm_readiness.i18n import Lang, t
from crm_readiness.models.plan import ImplementationPlan, Stage, Stretch
from crm_readiness.render import Format
from crm_readiness.render.jinja_env import render_template
from crm_readiness.render.svg import PALETTE, text_width

_BAND = {"high": "#dc2626", "medium": "#d97706", "low": "#16a34a"}
_FONT = 'font-family="system-ui,-apple-system,Segoe UI,Noto Sans CJK SC,sans-serif"'


def _svg(width: float, height: float, body: str, title: str) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="100%" style="max-width:{width:.0f}px" role="img" aria-label="{escape(title)}" '
        f'{_FONT} font-size="12"><title>{escape(title)}</title>{body}</svg>')


def stretch_text(s: Stretch, lang: Lang) -> str:
    """Return one stretch's explanation in ``lang``."""
    params = dict(s.params)
    if "phase" in params:
        params["verdict"] = t(f"verdict.{params.get('verdict', 'ready')}", lang)
        # the phase's title in the report language (older plans hold only the id)
        params["phase"] = params.pop(f"phase_{lang}", params["phase"])
        params.pop("phase_en", None)
        params.pop("phase_zh", None)
    sign = "+" if s.weeks >= 0 else "−"
    return t("plan.weeks_delta", lang, sign=sign, weeks=abs(s.weeks)) + " " + t(
        f"plan.stretch.{s.code}", lang, **params)


def _months(start: date, end: date) -> list[date]:
    out: list[date] = []
    d = date(start.year, start.month, 1)
    while d <= end:
        if d >= start:
            out.append(d)
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out


def gantt(plan: ImplementationPlan, lang: Lang) -> Markup:
    """Return the plan as an SVG Gantt chart: stages, milestones and mitigations by due date."""
    names = [t(f"plan.stage.{s.id}", lang) for s in plan.stages] + [t("plan.mitigations", lang)]
    left = min(320.0, max(120.0, max(text_width(n) for n in names) + 16))
    top, row, width = 34.0, 28.0, 640.0
    days = (plan.end - plan.start).days + 1
    lanes = len(plan.stages) + 1
    height = top + row * lanes + 30

    def x(d: date) -> float:
        return left + width * (d - plan.start).days / days

    parts: list[str] = []
    for m in _months(plan.start, plan.end + timedelta(days=1)):
        mx = x(m)
        # the year shows at January, and on the first month unless a January follows closely
        first = m == _months(plan.start, plan.end)[0]
        label = m.strftime("%Y-%m") if m.month == 1 or (first and m.month <= 10) \
            else m.strftime("%m")
        parts.append(f'<line x1="{mx:.1f}" y1="{top - 6}" x2="{mx:.1f}" y2="{height - 26}" '
                     f'stroke="{"#9ca3af" if m.month == 1 else "#e5e7eb"}"/>'
                     f'<text x="{mx + 2:.1f}" y="{top - 10}" font-size="10">{escape(label)}</text>')
    for i, s in enumerate(plan.stages):
        y = top + i * row
        color = PALETTE[i % len(PALETTE)]
        x0, x1 = x(s.start), x(s.end + timedelta(days=1))
        name = t(f"plan.stage.{s.id}", lang)
        tip = f"{name}: {s.start.isoformat()} – {s.end.isoformat()} ({s.weeks} w)"
        parts.append(f'<text x="{left - 8}" y="{y + 17}" text-anchor="end">{escape(name)}</text>')
        parts.append(f'<rect x="{x0:.1f}" y="{y + 5}" width="{max(1.0, x1 - x0):.1f}" height="16" '
                     f'rx="3" fill="{color}"><title>{escape(tip)}</title></rect>')
        if s.weeks > s.baseline_weeks:
            bx = x(s.start + timedelta(days=7 * s.baseline_weeks))
            parts.append(f'<rect x="{bx:.1f}" y="{y + 5}" width="{max(0.0, x1 - bx):.1f}" '
                         f'height="16" fill="#fff" fill-opacity="0.45" stroke="{color}" '
                         f'stroke-dasharray="3 2"><title>{escape(t("plan.stretched", lang))}'
                         f'</title></rect>')
        mx = x1
        parts.append(f'<polygon points="{mx:.1f},{y + 2} {mx + 6:.1f},{y + 13} {mx:.1f},{y + 24} '
                     f'{mx - 6:.1f},{y + 13}" fill="#111827"><title>M{s.order} '
                     f'{escape(s.end.isoformat())}</title></polygon>')
    y = top + len(plan.stages) * row
    parts.append(f'<text x="{left - 8}" y="{y + 17}" text-anchor="end">'
                 f'{escape(t("plan.mitigations", lang))}</text>')
    for mit in plan.mitigations:
        mx = x(mit.due)
        tip = f"{mit.risk_id} {mit.title.get(lang)} — {mit.due.isoformat()}"
        parts.append(f'<polygon points="{mx:.1f},{y + 6} {mx + 6:.1f},{y + 20} {mx - 6:.1f},'
                     f'{y + 20}" fill="{_BAND[mit.band]}" fill-opacity="0.8">'
                     f"<title>{escape(tip)}</title></polygon>")
    parts.append(f'<text x="{left}" y="{height - 8}" font-size="10">'
                 f'{escape(plan.start.isoformat())}</text><text x="{left + width}" '
                 f'y="{height - 8}" font-size="10" text-anchor="end">'
                 f'{escape(plan.end.isoformat())}</text>')
    return _svg(left + width + 20, height, "".join(parts), t("plan.gantt", lang))


def context(plan: ImplementationPlan, lang: Lang) -> dict[str, object]:
    """Return the template context: the plan and its phrased explanations."""
    def stage_notes(s: Stage) -> list[str]:
        return [stretch_text(x, lang) for x in s.stretches]

    return {"p": plan, "notes": {s.id: stage_notes(s) for s in plan.stages},
            "criterion": lambda c: t(f"plan.criterion.{c.code}", lang, target=c.target or "")}


def render_plan_md(plan: ImplementationPlan, lang: Lang) -> bytes:
    """Return the plan as Markdown."""
    return render_template("plan/plan.md.j2", lang, **context(plan, lang)).encode("utf-8")


def render_plan_html(plan: ImplementationPlan, lang: Lang) -> bytes:
    """Return the plan as self-contained HTML with the SVG Gantt."""
    return render_template("plan/plan.html.j2", lang, gantt=gantt(plan, lang),
                           **context(plan, lang)).encode("utf-8")


def render_plan_json(plan: ImplementationPlan, lang: Lang) -> bytes:
    """Return the plan as JSON."""
    return (plan.model_dump_json(indent=2) + "\n").encode("utf-8")


def add_gantt_sheet(wb: object, plan: ImplementationPlan, lang: Lang) -> None:
    """Add the plan's sheets to ``wb``: the Gantt (a column per week), milestones, mitigations."""
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    from crm_readiness.render.cells import header, put

    ws = wb.create_sheet(t("plan.sheet", lang)[:31])  # type: ignore[attr-defined]
    fixed = [t("plan.stage", lang), t("plan.start", lang), t("plan.end", lang),
             t("plan.weeks", lang), t("plan.why", lang)]
    header(ws, 1, fixed, widths=[26, 12, 12, 8, 60])
    for w in range(plan.total_weeks):
        col = len(fixed) + 1 + w
        put(ws, 1, col, plan.start + timedelta(days=7 * w), bold=True, number_format="mm-dd")
        ws.column_dimensions[get_column_letter(col)].width = 6
    week0 = 0
    for i, s in enumerate(plan.stages, start=2):
        put(ws, i, 1, t(f"plan.stage.{s.id}", lang))
        put(ws, i, 2, s.start, number_format="yyyy-mm-dd")
        put(ws, i, 3, s.end, number_format="yyyy-mm-dd")
        put(ws, i, 4, s.weeks)
        put(ws, i, 5, "; ".join(stretch_text(x, lang) for x in s.stretches), wrap=True)
        color = PALETTE[(i - 2) % len(PALETTE)].lstrip("#").upper()
        fill = PatternFill("solid", fgColor=f"FF{color}")
        for w in range(week0, week0 + s.weeks):
            ws.cell(row=i, column=len(fixed) + 1 + w).fill = fill
        week0 += s.weeks
    ws.freeze_panes = ws.cell(row=2, column=len(fixed) + 1)
    # milestones and mitigations on sheets of their own: under the Gantt they shared its
    # narrow date columns (wrapped a few letters a line) and printed at the week grid's scale
    ms = wb.create_sheet(t("plan.sheet_milestones", lang)[:31])  # type: ignore[attr-defined]
    header(ms, 1, [t("plan.milestone", lang), t("plan.date", lang),
                   t("plan.exit_criteria", lang)], widths=[34, 12, 80])
    for k, m in enumerate(plan.milestones, start=2):
        put(ms, k, 1, f"{m.id} {t(f'plan.stage.{m.stage}', lang)}")
        put(ms, k, 2, m.date, number_format="yyyy-mm-dd")
        put(ms, k, 3, "; ".join(t(f"plan.criterion.{c.code}", lang, target=c.target or "")
                                for c in m.criteria), wrap=True)
    ms.freeze_panes = "A2"
    mt = wb.create_sheet(t("plan.sheet_mitigations", lang)[:31])  # type: ignore[attr-defined]
    header(mt, 1, ["ID", t("report.risk", lang), t("report.mitigation", lang),
                   t("plan.due", lang), t("report.owner", lang)], widths=[30, 40, 60, 12, 18])
    for k, mit in enumerate(plan.mitigations, start=2):
        put(mt, k, 1, mit.risk_id)
        put(mt, k, 2, mit.title.get(lang), wrap=True)
        put(mt, k, 3, mit.mitigation.get(lang), wrap=True)
        put(mt, k, 4, mit.due, number_format="yyyy-mm-dd")
        put(mt, k, 5, t(f"owner.{mit.owner}", lang))
    mt.freeze_panes = "A2"


def render_plan_xlsx(plan: ImplementationPlan, lang: Lang) -> bytes:
    """Return the plan as an xlsx workbook holding the Gantt sheet."""
    from openpyxl import Workbook

    from crm_readiness.render.cells import print_setup

    wb = Workbook()
    wb.remove(wb.active)
    add_gantt_sheet(wb, plan, lang)
    buf = io.BytesIO()
    print_setup(wb)
    wb.save(buf)
    return buf.getvalue()


PLAN_RENDERERS: dict[Format, Callable[[ImplementationPlan, Lang], bytes]] = {
    Format.html: render_plan_html,
    Format.md: render_plan_md,
    Format.json: render_plan_json,
    Format.xlsx: render_plan_xlsx,
}
