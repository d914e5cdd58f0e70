"""Interactive assessment: one question at a time, saved after every answer.

Keys: a number (or a choice's value) answers; Enter keeps the current answer;
``?`` shows help; ``s`` skips; ``n`` marks not applicable (a reason is asked, and
for a gate who waives it); ``d`` don't know; ``e`` adds evidence; ``m`` a note;
``b`` goes back; ``q`` saves and quits. Numeric questions state their unit and
range and read ``45``, ``45%`` and ``0.45`` (asking which is meant when a
percentage could be either). Every change is written to the answers file (a
locked, comment-keeping merge) before the next question is shown, so Ctrl-C or
a killed process loses nothing; after an answer the run moves to the next
unanswered question, and the next run resumes at the first one.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from crm_readiness.cli._common import plain
from crm_readiness.i18n import Lang, t

if TYPE_CHECKING:
    from rich.console import Console

    from crm_readiness.models.answers import Answer, AnswersFile
    from crm_readiness.models.checklist import Checklist, ChecklistSet, NumericScale, Question
    from crm_readiness.models.profile import OrganizationProfile

ReadLine = Callable[[str], str | None]


def read_line(prompt: str) -> str | None:
    """Read one line from stdin after ``prompt``; None at end of input."""
    sys.stdout.write(prompt)
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line:
        return None
    return line.rstrip("\r\n")


@dataclass
class Session:
    """The state of one interactive run."""

    checklists: ChecklistSet
    answers: AnswersFile
    path: Path
    lang: Lang
    out: Console
    read: ReadLine
    respondent: str | None = None
    pending: dict[str, dict[str, str]] = field(default_factory=dict)  # note/evidence typed early


def ask_profile(out: Console, read: ReadLine, lang: Lang) -> OrganizationProfile | None:
    """Ask the profile facts the questions depend on (see :mod:`.profile_wizard`)."""
    from crm_readiness.cli.profile_wizard import ask_profile as wizard

    return wizard(out, read, lang)


def _applicable(s: Session) -> list[tuple[Checklist, Question]]:
    from crm_readiness.workflows.inputs import applies

    return [(c, q) for c in s.checklists.checklists for q in c.questions
            if applies(q.applies_when, s.answers.profile)]


def _mine(s: Session, qid: str) -> Answer | None:
    return next((a for a in s.answers.answers.get(qid, ()) if a.respondent == s.respondent), None)


def _store(s: Session, qid: str, answer: Answer | None) -> None:
    """Save one answer: a locked read-merge-write of the file as it is now (comments kept)."""
    from crm_readiness.workflows.inputs import update_answers

    def change(current: AnswersFile) -> AnswersFile:
        others = tuple(a for a in current.answers.get(qid, ()) if a.respondent != s.respondent)
        entries = others + ((answer,) if answer is not None else ())
        new = dict(current.answers)
        if entries:
            new[qid] = entries
        else:
            new.pop(qid, None)
        return current.model_copy(update={"answers": new})

    s.answers = update_answers(s.path, change)


def _shown(s: Session, q: Question, answer: Answer) -> str:
    """The current answer as the user reads it: a label, a number with unit, never a code."""
    from crm_readiness.models.checklist import ChoiceScale

    lang = s.lang
    if answer.na is not None:
        return t("report.na", lang, reason=answer.na)
    if answer.dont_know is not None:
        return t("ask.dont_know_shown", lang, reason=answer.dont_know)
    scale = s.checklists.scale_of(q)
    if isinstance(scale, ChoiceScale):
        choice = scale.choice(str(answer.value))
        return choice.label.get(lang) if choice else str(answer.value)
    unit = scale.unit.get(lang) if scale.unit else ""
    return f"{float(answer.value or 0):g}{unit}"


def _unit(s: Session, q: Question) -> tuple[NumericScale | None, str]:
    from crm_readiness.models.checklist import NumericScale

    scale = s.checklists.scale_of(q)
    if not isinstance(scale, NumericScale):
        return None, ""
    return scale, (scale.unit.get(s.lang) if scale.unit else "")


def _show(s: Session, c: Checklist, q: Question, i: int, n: int, done: int, total: int) -> None:
    from crm_readiness.models.checklist import ChoiceScale

    lang, out = s.lang, s.out
    out.print()
    progress = t("ask.progress", lang, phase=c.title.get(lang), i=i, n=n, done=done, total=total)
    out.print(f"[dim]{plain(progress)}[/]")
    gate = f" [red]({t('report.gate', lang)})[/]" if q.gate else ""
    out.print(f"[bold]{plain(q.text.get(lang))}[/]{gate}")
    scale = s.checklists.scale_of(q)
    if isinstance(scale, ChoiceScale):
        for k, choice in enumerate(scale.choices, start=1):
            out.print(f"  [cyan]{k}[/] {plain(choice.label.get(lang))}")
    else:
        num, unit = _unit(s, q)
        assert num is not None
        hint = t("ask.numeric_hint", lang, min=f"{num.min:g}", max=f"{num.max:g}", unit=unit)
        out.print(f"  [cyan]{plain(hint)}[/]")
    current = _mine(s, q.id)
    if current is not None:
        out.print(f"  [dim]{plain(t('ask.current', lang, value=_shown(s, q, current)))}[/]")
        if current.note:
            out.print(f"  [dim]{plain(t('ask.current_note', lang, text=current.note))}[/]")
        if current.evidence:
            out.print(f"  [dim]{plain(t('ask.current_evidence', lang, text=current.evidence))}[/]")


def _help(s: Session, q: Question) -> None:
    from crm_readiness.models.checklist import ChoiceScale

    lang = s.lang
    s.out.print(plain(q.help.get(lang)) if q.help else t("ask.help_none", lang))
    if q.evidence:
        s.out.print(f"[dim]{t('ask.evidence', lang)}: {plain(q.evidence.get(lang))}[/]")
    scale = s.checklists.scale_of(q)
    if isinstance(scale, ChoiceScale):
        for k, choice in enumerate(scale.choices, start=1):
            if choice.help:
                s.out.print(f"  [cyan]{k}[/] {plain(choice.label.get(lang))}: "
                            f"{plain(choice.help.get(lang))}")


def _small_int(raw: str) -> bool:
    """Whether ``raw`` is a short ASCII integer (``"²"`` and ``"٣"`` are digits to Python)."""
    return raw.isascii() and raw.isdigit() and len(raw) <= 9


def _number(s: Session, q: Question, raw: str) -> float | str | None:
    """A numeric answer; None if unreadable or out of range; ``"quit"`` if input ended."""
    num, unit = _unit(s, q)
    assert num is not None
    text = raw.strip().replace("％", "%").replace(" ", "")
    explicit = text.endswith("%")
    text = text.rstrip("%")
    if not text.isascii() or len(text) > 30:  # "٣" is a digit to Python, not to the user
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    percent = unit.strip() == "%" and num.max > 1
    if explicit and not percent:
        return None
    if percent and not explicit and 0 < value < 1 and "." in text:
        # 0.45 may be a fraction (45 %) or 0.45 %: ask rather than guess
        as_pct = f"{value * 100:g}"
        reply = s.read(f"{t('ask.ambiguous', s.lang, pct=as_pct, raw=f'{value:g}')} ")
        if reply is None:
            return "quit"
        if reply.strip().lower() in ("", "y", "yes", "是"):
            value *= 100
    return value if num.min <= value <= num.max else None


def _parse(s: Session, q: Question, raw: str) -> str | float | None:
    from crm_readiness.models.checklist import ChoiceScale

    scale = s.checklists.scale_of(q)
    if isinstance(scale, ChoiceScale):
        if _small_int(raw) and 1 <= int(raw) <= len(scale.choices):
            return scale.choices[int(raw) - 1].value
        found = scale.choice(raw.lower()) or next(
            (c for c in scale.choices if raw.casefold() in (c.label.en.casefold(), c.label.zh)),
            None)
        return found.value if found else None
    value = _number(s, q, raw)
    return None if value == "quit" else value


def _invalid(s: Session, q: Question) -> None:
    num, unit = _unit(s, q)
    if num is None:
        s.out.print(f"[red]{t('ask.invalid', s.lang)}[/]")
    else:
        text = t("ask.numeric_invalid", s.lang, min=f"{num.min:g}", max=f"{num.max:g}", unit=unit)
        s.out.print(f"[red]{plain(text)}[/]")


def _annotate(s: Session, q: Question, what: str) -> bool:
    """``e``/``m``: add evidence or a note; kept for the answer when there is none yet."""
    key = {"note": "ask.note_prompt", "evidence": "ask.evidence_prompt"}[what]
    text = s.read(f"{t(key, s.lang)} ")
    if text is None:
        return False
    if not text.strip():
        return True
    current = _mine(s, q.id)
    if current is None:
        s.pending.setdefault(q.id, {})[what] = text.strip()
        s.out.print(f"[dim]{t('ask.kept_for_answer', s.lang)}[/]")
    else:
        _store(s, q.id, current.model_copy(update={what: text.strip()}))
        s.out.print(f"[green]{t('ask.annotated', s.lang)}[/]")
    return True


def _answer(s: Session, q: Question, **given: object) -> None:
    """Store an answer, keeping the note and evidence typed for it or already on file."""
    from crm_readiness.models.answers import Answer

    previous = _mine(s, q.id)
    extra = s.pending.pop(q.id, {})
    note = extra.get("note") or (previous.note if previous else None)
    evidence = extra.get("evidence") or (previous.evidence if previous else None)
    _store(s, q.id, Answer(respondent=s.respondent, note=note, evidence=evidence,
                           **given))


def _not_applicable(s: Session, q: Question) -> bool | None:
    """``n``: ask the reason (and for a gate the waiver owner); None if input ended."""
    reason = s.read(f"{t('ask.na_reason', s.lang)} ")
    if reason is None:
        return None
    if not reason.strip():
        s.out.print(f"[red]{t('ask.na_needs_reason', s.lang)}[/]")
        return False
    owner = None
    if q.gate:
        owner = s.read(f"{t('ask.waived_by', s.lang)} ")
        if owner is None:
            return None
        if not owner.strip():
            s.out.print(f"[red]{t('ask.waiver_needs_owner', s.lang)}[/]")
            return False
    _answer(s, q, na=reason.strip(), waived_by=owner.strip() if owner else None)
    return True


def run(s: Session) -> bool:
    """Walk the unanswered questions; False if the user quits early.

    After an answer (or Enter on an answered question) the run moves to the next
    unanswered question, never back through answered ones; ``b`` steps back one.
    Reaching the end finishes the run; skipped questions stay unanswered (they
    count 0 and lower the coverage).
    """
    items = _applicable(s)
    total = len(items)
    skipped: set[str] = set()

    def answered() -> int:
        return sum(1 for _, q in items if _mine(s, q.id) is not None)

    def next_open(after: int) -> int:
        return next((k for k in range(after + 1, total)
                     if _mine(s, items[k][1].id) is None and items[k][1].id not in skipped), total)

    pos = next_open(-1)
    if 0 < answered() < total:
        s.out.print(t("ask.resume", s.lang, done=answered(), total=total))
    s.out.print(f"[dim]{t('ask.keys', s.lang)}[/]")
    while pos < total:
        c, q = items[pos]
        in_phase = [k for k, (cc, _) in enumerate(items) if cc.id == c.id]
        _show(s, c, q, in_phase.index(pos) + 1, len(in_phase), answered(), total)
        raw = s.read(f"{t('ask.prompt', s.lang)}: ")
        cmd = raw.strip() if raw is not None else "q"
        key = cmd.lower()
        if key == "q":
            s.out.print(t("ask.quit", s.lang, path=plain(s.path)))
            return False
        if key == "":
            if _mine(s, q.id) is None:
                s.out.print(f"[red]{t('ask.enter_nothing', s.lang)}[/]")
            else:
                pos = next_open(pos)
        elif key == "?":
            _help(s, q)
        elif key == "s":
            skipped.add(q.id)
            pos = next_open(pos)
        elif key == "b":
            pos = max(0, pos - 1)
        elif key in ("e", "m"):
            if not _annotate(s, q, "evidence" if key == "e" else "note"):
                s.out.print(t("ask.quit", s.lang, path=plain(s.path)))
                return False
        elif key == "d":
            who = s.read(f"{t('ask.dont_know_prompt', s.lang)} ")
            if who is None:
                s.out.print(t("ask.quit", s.lang, path=plain(s.path)))
                return False
            _answer(s, q, dont_know=who.strip() or "-")
            pos = next_open(pos)
        elif key == "n":
            done = _not_applicable(s, q)
            if done is None:
                s.out.print(t("ask.quit", s.lang, path=plain(s.path)))
                return False
            if done:
                pos = next_open(pos)
        else:
            value = _parse(s, q, cmd)
            if value is None:
                _invalid(s, q)
                continue
            _answer(s, q, value=value)
            pos = next_open(pos)
    if answered() == total:
        s.out.print(f"[green]{t('ask.all_done', s.lang)}[/]")
    return True
