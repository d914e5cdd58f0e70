"""Reading filled questionnaire workbooks back and merging them into the answers file.

Every invalid or missing cell is reported by sheet and cell reference
(``Questions!F12``). Nothing from a file with problems is applied unless the
caller asks for a partial import; without it, one bad file stops the whole
import so the answers file changes all at once or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crm_readiness.engine.scoring import AnswerValueError, score_value
from crm_readiness.errors import CrmReadinessError, InputFileError, Problem, UsageError
from crm_readiness.i18n import t
from crm_readiness.io.workbooks import Sheet, column_letter, open_workbook
from crm_readiness.models import questionnaire as L
from crm_readiness.models.answers import Answer, AnswersFile, Respondent
from crm_readiness.models.checklist import ROLES, ChecklistSet, ChoiceScale, NumericScale, Role
from crm_readiness.models.questionnaire import ImportedFile, ImportReport


class QuestionnaireProblems(CrmReadinessError):
    """Invalid or missing cells in one or more questionnaires (exit 3)."""

    exit_code = 3

    def __init__(self, errors: list[InputFileError]) -> None:
        self.errors = errors
        super().__init__("\n".join(e.text("en") for e in errors) + "\n" + t(
            "questionnaire.nothing_applied", "en"),
            "\n".join(e.text("zh") for e in errors) + "\n" + t(
            "questionnaire.nothing_applied", "zh"))


@dataclass
class ParsedQuestionnaire:
    """One workbook as read: its respondent, valid answers and located problems."""

    path: Path
    respondent: Respondent | None = None
    answers: dict[str, Answer] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _p(cell: str, key: str, **params: object) -> Problem:
    return Problem(f"{L.QUESTIONS_SHEET}!{cell}", t(key, "en", **params), t(key, "zh", **params))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def parse_value(raw: Any, scale: ChoiceScale | NumericScale) -> str | float | int:
    """Return the answer value a cell holds on ``scale``; raise :class:`AnswerValueError`."""
    if isinstance(scale, ChoiceScale):
        if isinstance(raw, bool):
            raw = "yes" if raw else "no"
        text = str(raw).strip().casefold()
        for c in scale.choices:
            if text in {c.value.casefold(), c.label.en.casefold(), c.label.zh.casefold(),
                        L.choice_entry(c.label).casefold()}:
                return c.value
        raise AnswerValueError(str(raw))
    if isinstance(raw, bool):
        raise AnswerValueError(str(raw))
    if isinstance(raw, (int, float)):
        number: float = float(raw)
    else:
        try:
            number = float(str(raw).strip().rstrip("%").strip())
        except ValueError:
            raise AnswerValueError(str(raw)) from None
    score_value(scale, number)
    return int(number) if number.is_integer() else number


def _allowed(scale: ChoiceScale | NumericScale) -> str:
    if isinstance(scale, ChoiceScale):
        return ", ".join(L.choice_entry(c.label) for c in scale.choices)
    return f"{scale.min:g}–{scale.max:g}"


def read_questionnaire(path: Path, checklists: ChecklistSet, *,
                       now: datetime | None = None) -> ParsedQuestionnaire:
    """Read one filled questionnaire; collect every problem instead of stopping at the first."""
    with open_workbook(path) as wb:
        if L.QUESTIONS_SHEET not in wb.sheet_names or L.META_SHEET not in wb.sheet_names or (
                wb.sheet(L.META_SHEET).value("B1") != L.MAGIC):
            raise InputFileError(path, [Problem("", t("questionnaire.not_ours", "en"),
                                                t("questionnaire.not_ours", "zh"))])
        meta = {str(r[0]): r[1] for _, r in wb.sheet(L.META_SHEET).rows(max_col=2) if r[0]}
        return _read_answers(path, wb.sheet(L.QUESTIONS_SHEET), meta, checklists, now)


def _read_answers(path: Path, ws: Sheet, meta: dict[str, Any], checklists: ChecklistSet,
                  now: datetime | None) -> ParsedQuestionnaire:
    out = ParsedQuestionnaire(path)
    role_raw = _text(ws.value(L.ROLE_CELL))
    role: Role | None = next((r for r in ROLES if r == role_raw), None)
    if role is None or role != meta.get("role"):
        out.problems.append(_p(L.ROLE_CELL, "questionnaire.bad_role", value=role_raw or "",
                               roles=", ".join(ROLES)))
    name = _text(ws.value(L.NAME_CELL))
    if name is None:
        out.problems.append(_p(L.NAME_CELL, "questionnaire.no_name"))
    rid = _text(ws.value(L.ID_CELL)) or name
    if rid is not None and role is not None:
        out.respondent = Respondent(id=rid, name=name, role=role)
    stamp = now or datetime.now(UTC).replace(microsecond=0)
    source = f"questionnaire:{path.name}"
    for row in range(L.FIRST_ROW, ws.max_row + 1):
        qid = _text(ws.cell(row, L.COL_ID))
        if qid is None:
            continue
        found = checklists.question(qid)
        if found is None:
            out.problems.append(_p(f"A{row}", "questionnaire.unknown_question", id=qid))
            continue
        scale = checklists.scale_of(found[1])
        cell = f"{column_letter(L.COL_ANSWER)}{row}"
        raw: Any = ws.cell(row, L.COL_ANSWER)
        raw = None if isinstance(raw, str) and not raw.strip() else raw
        na = _text(ws.cell(row, L.COL_NA))
        note = _text(ws.cell(row, L.COL_NOTE))
        evidence = _text(ws.cell(row, L.COL_EVIDENCE))
        unknown = _text(ws.cell(row, L.COL_DONT_KNOW))
        optional = _text(ws.cell(row, L.COL_OPTIONAL)) == L.OPTIONAL_MARK
        common = {"note": note, "evidence": evidence, "respondent": rid, "role": role,
                  "answered_at": stamp, "source": source}
        said_dk = raw is not None and str(raw).strip().casefold() in L.DONT_KNOW_SPELLINGS
        if said_dk or (unknown is not None and raw is None and na is None):
            # "don't know" counts as unanswered, with who would know (or the note) as reason
            out.answers[qid] = Answer(dont_know=unknown or note or "-", **common)
        elif unknown is not None and raw is not None:
            out.problems.append(_p(cell, "questionnaire.dont_know_and_value", id=qid))
        elif raw is None and na is None and optional:
            continue  # an optional question left blank is simply not answered
        elif raw is None and na is None:
            out.problems.append(_p(cell, "questionnaire.missing", id=qid))
        elif raw is not None and na is not None:
            out.problems.append(_p(cell, "questionnaire.both", id=qid))
        elif na is not None:
            # a gate answered N/A is a waiver: the respondent who wrote it is its owner
            owner = (name or rid) if found[1].gate else None
            out.answers[qid] = Answer(na=na, waived_by=owner, **common)
        else:
            try:
                out.answers[qid] = Answer(value=parse_value(raw, scale), **common)
            except AnswerValueError:
                out.problems.append(_p(cell, "questionnaire.invalid", value=str(raw), id=qid,
                                       allowed=_allowed(scale)))
    return out


def _conflict(parsed: ParsedQuestionnaire, answers: AnswersFile,
              taken: dict[str, Path]) -> Problem | None:
    person = parsed.respondent
    if person is None:
        return None
    known = answers.respondent(person.id)
    if known is not None and known.role != person.role:
        return _p(L.ID_CELL, "questionnaire.role_conflict", id=person.id, role=known.role)
    if person.id in taken:
        return _p(L.ID_CELL, "questionnaire.duplicate", id=person.id, other=taken[person.id].name)
    return None


def _undeclared(answers: AnswersFile) -> list[Respondent]:
    """Declare the respondents the file names but does not declare (their role is in the answers).

    Once the import declares respondents, every named respondent must be declared.
    """
    declared = {r.id for r in answers.respondents}
    found: dict[str, Role | None] = {}
    for entries in answers.answers.values():
        for a in entries:
            if a.respondent and a.respondent not in declared:
                found[a.respondent] = found.get(a.respondent) or a.role
    missing = sorted(rid for rid, role in found.items() if role is None)
    if missing:
        names = ", ".join(missing)
        raise UsageError(t("questionnaire.undeclared", "en", ids=names),
                         t("questionnaire.undeclared", "zh", ids=names))
    return [Respondent(id=rid, role=role) for rid, role in found.items() if role is not None]


def merge(answers: AnswersFile, parsed: list[ParsedQuestionnaire], *,
          partial: bool = False) -> tuple[AnswersFile, ImportReport]:
    """Return ``answers`` with every questionnaire's answers merged in, and a report.

    A respondent's earlier answers to the same questions are replaced (importing
    the same file twice changes nothing). Without ``partial``, any problem in any
    file raises :class:`QuestionnaireProblems` and nothing is merged.
    """
    taken: dict[str, Path] = {}
    for p in parsed:
        problem = _conflict(p, answers, taken)
        if problem is not None:
            p.problems.append(problem)
        elif p.respondent is not None:
            taken[p.respondent.id] = p.path
    bad = [p for p in parsed if p.problems]
    if bad and not partial:
        raise QuestionnaireProblems([InputFileError(p.path, p.problems) for p in bad])
    respondents = list(answers.respondents) + _undeclared(answers)
    merged: dict[str, tuple[Answer, ...]] = dict(answers.answers)
    files: list[ImportedFile] = []
    new: list[str] = []
    applied = 0
    for p in parsed:
        person = p.respondent
        usable = person is not None and not any(x.location.endswith(L.ID_CELL) for x in p.problems)
        if usable and person is not None and p.answers:
            if answers.respondent(person.id) is None and person.id not in new:
                respondents.append(person)
                new.append(person.id)
            for qid, answer in p.answers.items():
                kept = tuple(a for a in merged.get(qid, ()) if a.respondent != person.id)
                merged[qid] = (*kept, answer)
            applied += len(p.answers)
        files.append(ImportedFile(path=str(p.path), respondent=person.id if person else None,
                                  role=person.role if person else None,
                                  answers=len(p.answers) if usable else 0,
                                  problems=len(p.problems), applied=bool(usable and p.answers)))
    result = AnswersFile(version=answers.version, profile=answers.profile,
                         respondents=tuple(respondents), consensus=answers.consensus,
                         answers=merged)
    return result, ImportReport(files=tuple(files), applied_answers=applied,
                                new_respondents=tuple(new))


def merge_into(answers_path: Path, paths: Sequence[Path], checklists: ChecklistSet, *,
               partial: bool = False, now: datetime | None = None) -> tuple[
        list[ParsedQuestionnaire], ImportReport]:
    """Read the questionnaires, then merge them into the answers file under its lock.

    The workbooks are read first (slow, no lock held); the merge is made on the
    answers as they are on disk once the lock is held, so two imports running
    at the same time both keep their respondents. Comments in the answers file
    are kept (see :mod:`crm_readiness.io.answers_store`).
    """
    from crm_readiness.io.answers_store import update_answers

    parsed = [read_questionnaire(p, checklists, now=now) for p in paths]
    reports: list[ImportReport] = []

    def mutate(current: AnswersFile) -> AnswersFile:
        merged, report = merge(current, parsed, partial=partial)
        reports.append(report)
        return merged if report.applied_answers else current

    update_answers(answers_path, mutate, checklists=checklists)
    return parsed, reports[-1]
