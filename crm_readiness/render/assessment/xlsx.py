"""The assessment workbook a project office can track.

Sheets: phase scores, answers with their respondents, the risk register with
a 5×5 heat map, the action plan with editable owner, due-date and status
columns (shaded; a date and a status dropdown are validated), and the
workshop agenda when respondents disagree. Every text cell is written as text
(:func:`~crm_readiness.render.cells.put`): a respondent's note that
starts with ``=`` stays a note.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from crm_readiness.i18n import Lang, t
from crm_readiness.models.assessment import AssessmentResult
from crm_readiness.render.cells import INPUT_FILL, header, put, sheet_title, workbook_bytes

_FILLS = {"low": "DCFCE7", "medium": "FEF3C7", "high": "FEE2E2"}
STATUSES = ("open", "in_progress", "done")


def _phases(ws: Worksheet, r: AssessmentResult, lang: Lang) -> None:
    put(ws, 1, 1, f"{t('report.title', lang)} — {r.profile.organization}", bold=True)
    put(ws, 2, 1, t("report.generated", lang, when=r.meta.generated_at.strftime("%Y-%m-%d %H:%M"),
                    version=r.meta.tool_version))
    header(ws, 4, [t("report.phase", lang), "ID", t("report.weight", lang),
                   t("report.score", lang), t("report.coverage", lang), t("report.level", lang),
                   t("report.verdict", lang), t("report.reasons", lang)],
           widths=[30, 14, 9, 9, 11, 8, 18, 60])
    rows: list[tuple[str, str, float | None, float | None, float, int | None, str, str]] = [
        (p.title.get(lang), p.id, p.weight, p.score, p.coverage, p.level, p.verdict,
             "; ".join(t(f"reason.{x.code}", lang, **x.params) for x in p.reasons))
            for p in r.phases]
    o = r.overall
    rows.append((t("report.overall", lang), "", None, o.score, o.coverage, o.level, o.verdict,
                 "; ".join(t(f"reason.{x.code}", lang, **x.params) for x in o.reasons)))
    for i, (title, pid, w, score, cov, level, verdict, why) in enumerate(rows, start=5):
        put(ws, i, 1, title, bold=not pid)
        put(ws, i, 2, pid)
        put(ws, i, 3, w)
        put(ws, i, 4, round(score, 1) if score is not None else None, number_format="0.0")
        put(ws, i, 5, cov, number_format="0%")
        put(ws, i, 6, level)
        put(ws, i, 7, t(f"verdict.{verdict}", lang),
            fill=PatternFill("solid", fgColor=_FILLS[{"ready": "low", "ready_with_risks": "medium",
                                                      "not_ready": "high"}[verdict]]))
        put(ws, i, 8, why, wrap=True)
    ws.freeze_panes = "A5"


def _answers(ws: Worksheet, r: AssessmentResult, lang: Lang) -> None:
    header(ws, 1, [t("report.phase", lang), "ID", t("report.question", lang),
                   t("report.weight", lang), t("report.gate", lang), t("workshop.xlsx.combined", lang),
                   t("workshop.xlsx.respondent", lang), t("workshop.xlsx.role", lang), t("report.answer", lang),
                   t("report.score", lang), t("report.note", lang), t("report.evidence", lang)],
           widths=[16, 24, 50, 8, 7, 10, 18, 12, 22, 8, 40, 30])
    row = 2
    for p in r.phases:
        for q in p.questions:
            base = [p.id, q.id, q.text.get(lang), q.weight, t("report.yes", lang) if q.gate else "",
                    q.score]
            responses = q.responses or ()
            if not responses:
                for c, v in enumerate(base, start=1):
                    put(ws, row, c, v, wrap=c == 3)
                put(ws, row, 9, t(f"report.{'excluded' if q.status == 'excluded' else 'unanswered'}",
                                  lang))
                row += 1
                continue
            for resp in responses:
                for c, v in enumerate(base, start=1):
                    put(ws, row, c, v, wrap=c == 3, number_format="0.00" if c == 6 else None)
                put(ws, row, 7, resp.respondent or "")
                put(ws, row, 8, t(f"workshop.role.{resp.role}", lang) if resp.role else "")
                answer = (t("report.dont_know", lang, reason=resp.dont_know)
                          if resp.dont_know is not None else
                          (resp.label.get(lang) if resp.label else resp.value) if resp.na is None
                          else t("report.na", lang, reason=resp.na))
                put(ws, row, 9, answer or "", wrap=True)
                put(ws, row, 10, resp.score, number_format="0.00")
                put(ws, row, 11, resp.note.get(lang) if resp.note else "", wrap=True)
                put(ws, row, 12, resp.evidence.get(lang) if resp.evidence else "", wrap=True)
                row += 1
    ws.auto_filter.ref = f"A1:L{max(1, row - 1)}"
    ws.freeze_panes = "C2"


def _risks(ws: Worksheet, r: AssessmentResult, lang: Lang) -> None:
    header(ws, 1, ["ID", t("report.risk", lang), t("report.category", lang),
                   t("report.likelihood", lang), t("report.impact", lang),
                   t("report.exposure", lang), t("report.band", lang),
                   t("report.mitigation", lang), t("report.owner", lang),
                   t("report.source", lang)],
           widths=[26, 50, 12, 10, 9, 9, 9, 50, 18, 30])
    for i, k in enumerate(r.risks, start=2):
        values = [k.id, k.title.get(lang), t(f"category.{k.category}", lang), k.likelihood,
                  k.impact, k.exposure, t(f"band.{k.band}", lang), k.mitigation.get(lang),
                  t(f"owner.{k.owner}", lang), ", ".join(k.questions)]
        for c, v in enumerate(values, start=1):
            put(ws, i, c, v, wrap=c in (2, 8))
        ws.cell(row=i, column=7).fill = PatternFill("solid", fgColor=_FILLS[k.band])
    # heat map: impact rows 5..1 downwards, likelihood columns 1..5
    top = len(r.risks) + 4
    put(ws, top, 1, t("report.heatmap", lang), bold=True)
    put(ws, top + 1, 1, f"{t('report.impact', lang)} ↓ / {t('report.likelihood', lang)} →")
    th = r.thresholds
    for like in range(1, 6):
        put(ws, top + 1, 1 + like, like, bold=True)
    for n, imp in enumerate(range(5, 0, -1)):
        row = top + 2 + n
        put(ws, row, 1, imp, bold=True)
        for like in range(1, 6):
            e = like * imp
            band = ("low" if e <= th.exposure_low_max else
                    "medium" if e <= th.exposure_medium_max else "high")
            count = sum(1 for k in r.risks if k.likelihood == like and k.impact == imp)
            put(ws, row, 1 + like, count or None,
                fill=PatternFill("solid", fgColor=_FILLS[band]))


def _actions(ws: Worksheet, r: AssessmentResult, lang: Lang) -> None:
    header(ws, 1, [t("report.rank", lang), t("report.phase", lang), "ID",
                   t("report.action", lang), t("report.question", lang),
                   t("report.priority", lang), t("report.gate", lang),
                   t("workshop.xlsx.owner", lang), t("workshop.xlsx.due", lang), t("workshop.xlsx.status", lang),
                   t("workshop.xlsx.comment", lang)],
           widths=[6, 14, 24, 50, 40, 9, 9, 18, 12, 14, 30])
    n = len(r.actions)
    for i, a in enumerate(r.actions, start=2):
        gate = t("report.gate_failed", lang) if a.gate_failed else (
            t("report.gate", lang) if a.gate else "")
        for c, v in enumerate([a.rank, a.phase, a.question_id, a.action.get(lang),
                               a.question.get(lang), round(a.priority, 2), gate], start=1):
            put(ws, i, c, v, wrap=c in (4, 5))
        put(ws, i, 8, None, fill=INPUT_FILL)
        put(ws, i, 9, None, fill=INPUT_FILL, number_format="yyyy-mm-dd")
        put(ws, i, 10, "open", fill=INPUT_FILL)
        put(ws, i, 11, None, fill=INPUT_FILL)
    if n:
        dates = DataValidation(type="date", operator="greaterThan", formula1="36526",
                               allow_blank=True)
        dates.error = t("workshop.xlsx.date_error", lang)
        dates.showErrorMessage = True
        status = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"',
                                allow_blank=True)
        ws.add_data_validation(dates)
        ws.add_data_validation(status)
        dates.add(f"I2:I{n + 1}")
        status.add(f"J2:J{n + 1}")
        ws.conditional_formatting.add(f"J2:J{n + 1}", CellIsRule(
            operator="equal", formula=['"done"'], fill=PatternFill("solid", fgColor="DCFCE7")))
        ws.auto_filter.ref = f"A1:K{n + 1}"
    ws.freeze_panes = "D2"


def _agenda(ws: Worksheet, r: AssessmentResult, lang: Lang) -> None:
    header(ws, 1, [t("report.rank", lang), "ID", t("report.question", lang),
                   t("report.weight", lang), t("workshop.spread", lang),
                   t("report.priority", lang), t("workshop.low_side", lang),
                   t("workshop.high_side", lang)], widths=[6, 24, 50, 8, 9, 9, 30, 30])
    for i, g in enumerate(r.consensus.agenda, start=2):
        low = ", ".join(g.low_respondents)
        high = ", ".join(g.high_respondents)
        for c, v in enumerate([g.rank, g.question_id, g.text.get(lang), g.weight,
                               round(g.spread, 2), round(g.priority, 2), low, high], start=1):
            put(ws, i, c, v, wrap=c == 3)


def render_xlsx(result: AssessmentResult, lang: Lang) -> bytes:
    """Return the assessment workbook as xlsx bytes."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title(t("workshop.xlsx.sheet.phases", lang))
    _phases(ws, result, lang)
    _answers(wb.create_sheet(sheet_title(t("workshop.xlsx.sheet.answers", lang))), result, lang)
    _risks(wb.create_sheet(sheet_title(t("workshop.xlsx.sheet.risks", lang))), result, lang)
    _actions(wb.create_sheet(sheet_title(t("workshop.xlsx.sheet.actions", lang))), result, lang)
    if result.consensus.agenda:
        _agenda(wb.create_sheet(sheet_title(t("workshop.xlsx.sheet.agenda", lang))), result, lang)
    return workbook_bytes(wb)
