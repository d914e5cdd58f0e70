"""The implementation plan as HTML (inline SVG Gantt), Markdown, JSON and an xlsx Gantt sheet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from crm_readiness.i18n import Lang, t
from crm_readiness.models.plan import ImplementationPlan, Stage, Stretch
from crm_readiness.render import Format
from crm_readiness.render.decision import grouped
from crm_readiness.render.decisions import plan_decision
from crm_readiness.render.jinja_env import render_template
from crm_readiness.render.svg.gantt import gantt
from crm_readiness.render.svg.kit import PALETTE


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


def context(plan: ImplementationPlan, lang: Lang) -> dict[str, object]:
    """Return the template context: the plan and its phrased explanations."""
    def stage_notes(s: Stage) -> list[str]:
        return [stretch_text(x, lang) for x in s.stretches]

    hc_notes = [stretch_text(x, lang) for x in plan.hypercare.stretches] if plan.hypercare else []
    notes = {s.id: stage_notes(s) for s in plan.stages}
    return {"p": plan, "notes": notes, "hc_notes": hc_notes,
            "decision": plan_decision(plan, lang),
            "mitigation_groups": grouped(plan.mitigations, lambda m: m.stage,
                                         lambda sid: t(f"plan.stage.{sid}", lang),
                                         [s.id for s in plan.stages]),
            "ref_width": max((len(m.risk_id) for m in plan.mitigations), default=4) + 2,
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

    from crm_readiness.render.cells import workbook_bytes

    wb = Workbook()
    wb.remove(wb.active)
    add_gantt_sheet(wb, plan, lang)
    return workbook_bytes(wb)


PLAN_RENDERERS: dict[Format, Callable[[ImplementationPlan, Lang], bytes]] = {
    Format.html: render_plan_html,
    Format.md: render_plan_md,
    Format.json: render_plan_json,
    Format.xlsx: render_plan_xlsx,
}
