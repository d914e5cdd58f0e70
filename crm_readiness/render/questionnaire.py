"""Questionnaire workbooks, one per role: bilingual, dropdowns by range, protected structure.

Layout constants live in :mod:`crm_readiness.models.questionnaire` so the
reader (``io/questionnaire.py``) finds every cell where the writer put it.
Only the respondent cells and the answer, not-applicable, note and evidence
columns are unlocked; the sheet and the workbook structure are protected
(without a password: protection guards the layout, it is not security).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from crm_readiness.engine.workshop import QuestionnairePlan, questionnaire_plan
from crm_readiness.i18n import t
from crm_readiness.models import questionnaire as L
from crm_readiness.models.checklist import Checklist, ChecklistSet, ChoiceScale, Question, Role
from crm_readiness.models.profile import OrganizationProfile
from crm_readiness.render.cells import INPUT_FILL, WRAP, header, protect_form, put, workbook_bytes


def _bi(key: str, **params: object) -> str:
    return f"{t(key, 'en', **params)} / {t(key, 'zh', **params)}"


def _lists(wb: Workbook, checklists: ChecklistSet,
           questions: Sequence[Question]) -> dict[str, str]:
    """Write each choice scale's entries in a column of the Lists sheet; return name → range."""
    ws = wb.create_sheet(L.LISTS_SHEET)
    ranges: dict[str, str] = {}
    col = 0
    for q in questions:
        scale = checklists.scale_of(q)
        key = q.answers if isinstance(q.answers, str) else f"{q.id}"
        if key in ranges or not isinstance(scale, ChoiceScale):
            continue
        col += 1
        put(ws, 1, col, key, bold=True)
        for i, choice in enumerate(scale.choices, start=2):
            put(ws, i, col, L.choice_entry(choice.label))
        # the last entry lets a respondent say "don't know" (unanswered, not the lowest score)
        put(ws, len(scale.choices) + 2, col, f"{L.DONT_KNOW_EN} / {L.DONT_KNOW_ZH}")
        letter = get_column_letter(col)
        ranges[key] = f"{L.LISTS_SHEET}!${letter}$2:${letter}${len(scale.choices) + 2}"
        ws.column_dimensions[letter].width = 28
    ws.protection.sheet = True
    ws.sheet_state = "hidden"
    return ranges


def _meta(wb: Workbook, role: Role, profile: OrganizationProfile, checklists: ChecklistSet,
          generated: datetime) -> None:
    ws = wb.create_sheet(L.META_SHEET)
    rows = [("format", L.MAGIC), ("version", L.FORMAT), ("role", role),
            ("organization", profile.organization), ("generated_at", generated.isoformat()),
            ("checklists", json.dumps({c.id: c.version for c in checklists.checklists}))]
    for r, (k, v) in enumerate(rows, start=1):
        put(ws, r, 1, k)
        put(ws, r, 2, v)
    ws.protection.sheet = True
    ws.sheet_state = "hidden"


def _allowed(checklists: ChecklistSet, q: Question) -> str:
    scale = checklists.scale_of(q)
    if isinstance(scale, ChoiceScale):
        return " | ".join(L.choice_entry(c.label) for c in scale.choices)
    unit = f" {scale.unit.en}" if scale.unit else ""
    return f"{scale.min:g}–{scale.max:g}{unit}"


def _validation(ws: Worksheet, checklists: ChecklistSet, q: Question, ranges: dict[str, str],
                cache: dict[str, DataValidation]) -> DataValidation:
    scale = checklists.scale_of(q)
    key = q.answers if isinstance(q.answers, str) else q.id
    if key in cache:
        return cache[key]
    error = _bi("questionnaire.xlsx.invalid")
    if isinstance(scale, ChoiceScale):
        dv = DataValidation(type="list", formula1=f"={ranges[key]}", allow_blank=True)
    else:
        dv = DataValidation(type="decimal", operator="between", formula1=f"{scale.min:g}",
                            formula2=f"{scale.max:g}", allow_blank=True)
    dv.error = error
    dv.errorTitle = "crm-readiness"
    dv.showErrorMessage = True
    ws.add_data_validation(dv)
    cache[key] = dv
    return dv


def questions_for(checklists: ChecklistSet, role: Role,
                  profile: OrganizationProfile) -> list[tuple[Checklist, Question]]:
    """Return every question ``role`` is offered (core and optional), in checklist order."""
    plan = questionnaire_plan(checklists, role, profile)
    return [*plan.core, *plan.optional]


def render_questionnaire(checklists: ChecklistSet, role: Role, profile: OrganizationProfile,
                         *, generated: datetime, plan: QuestionnairePlan | None = None) -> bytes:
    """Return the questionnaire workbook for ``role`` as xlsx bytes.

    ``plan`` (default: :func:`questionnaire_plan` with its cap) gives the core questions;
    the optional ones follow under their own heading, marked in the last column.
    """
    plan = plan or questionnaire_plan(checklists, role, profile)
    selected = [*plan.core, *plan.optional]
    wb = Workbook()
    ws = wb.active
    ws.title = L.QUESTIONS_SHEET
    ranges = _lists(wb, checklists, [q for _, q in selected])
    _meta(wb, role, profile, checklists, generated)
    put(ws, 1, 1, f"{_bi('questionnaire.xlsx.title')} — {profile.organization}", bold=True)
    put(ws, 2, 1, _bi("questionnaire.xlsx.instructions"), wrap=False)
    put(ws, 7, 1, _bi("questionnaire.xlsx.instructions_dk"), wrap=False)
    put(ws, 3, 1, _bi("questionnaire.xlsx.size", count=len(plan.core), minutes=plan.minutes,
                      optional=len(plan.optional)), wrap=False)
    put(ws, 4, 1, _bi("questionnaire.xlsx.name"), bold=True)
    put(ws, 4, 2, None, fill=INPUT_FILL, unlocked=True)
    put(ws, 5, 1, _bi("questionnaire.xlsx.id"), bold=True)
    put(ws, 5, 2, None, fill=INPUT_FILL, unlocked=True)
    put(ws, 6, 1, _bi("questionnaire.xlsx.role"), bold=True)
    put(ws, 6, 2, role)
    put(ws, 6, 3, f"{t('workshop.role.' + role, 'en')} / {t('workshop.role.' + role, 'zh')}")
    header(ws, L.HEADER_ROW, [
        "ID", _bi("report.phase"), "Question", "问题", _bi("questionnaire.xlsx.help"),
        _bi("report.answer"), _bi("questionnaire.xlsx.na"), _bi("report.note"),
        _bi("report.evidence"), _bi("questionnaire.xlsx.hint"), _bi("questionnaire.xlsx.allowed"),
        _bi("questionnaire.xlsx.dont_know"), _bi("questionnaire.xlsx.optional")],
        widths=[22, 16, 48, 36, 40, 24, 24, 32, 28, 28, 36, 28, 14])
    cache: dict[str, DataValidation] = {}
    rows: list[tuple[int, Checklist, Question, bool]] = []
    row = L.FIRST_ROW
    for c, q in plan.core:
        rows.append((row, c, q, False))
        row += 1
    if plan.optional:
        put(ws, row, L.COL_PHASE, _bi("questionnaire.xlsx.optional_heading",
                                      minutes=plan.optional_minutes), bold=True)
        row += 1
        for c, q in plan.optional:
            rows.append((row, c, q, True))
            row += 1
    for row, c, q, optional in rows:
        put(ws, row, L.COL_ID, q.id)
        put(ws, row, L.COL_PHASE, f"{c.title.en} / {c.title.zh}", wrap=True)
        put(ws, row, L.COL_TEXT_EN, q.text.en + (" [gate]" if q.gate else ""), wrap=True)
        put(ws, row, L.COL_TEXT_ZH, q.text.zh + ("【关卡】" if q.gate else ""), wrap=True)
        put(ws, row, L.COL_HELP, f"{q.help.en}\n{q.help.zh}" if q.help else "", wrap=True)
        if optional:
            put(ws, row, L.COL_OPTIONAL, L.OPTIONAL_MARK)
        for col in (L.COL_ANSWER, L.COL_NA, L.COL_NOTE, L.COL_EVIDENCE, L.COL_DONT_KNOW):
            put(ws, row, col, None, fill=INPUT_FILL, unlocked=True)
            ws.cell(row=row, column=col).alignment = WRAP
        put(ws, row, L.COL_HINT, f"{q.evidence.en}\n{q.evidence.zh}" if q.evidence else "",
            wrap=True)
        put(ws, row, L.COL_ALLOWED, _allowed(checklists, q), wrap=True)
        _validation(ws, checklists, q, ranges, cache).add(ws.cell(row=row, column=L.COL_ANSWER))
    ws.freeze_panes = ws.cell(row=L.FIRST_ROW, column=L.COL_TEXT_EN)
    protect_form(wb, ws)
    return workbook_bytes(wb)
