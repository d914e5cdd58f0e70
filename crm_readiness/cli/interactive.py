"""Interactive assessment: one question at a time, saved after every answer.

Keys: a number answers; ``?`` shows help; ``s`` skips; ``n`` marks not
applicable (a reason is asked); ``b`` goes back; ``q`` saves and quits. Every
change is written to the answers file atomically before the next question
is shown, so Ctrl-C or a killed process loses nothing and the next run
resumes at the first unanswered question.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from crm_readiness.cli._common import plain
from crm_readiness.i18n import Lang, t

if TYPE_CHECKING:
    from rich.console import Console

    from crm_readiness.models.answers import Answer, AnswersFile
    from crm_readiness.models.checklist import Checklist, ChecklistSet, Question
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


def ask_profile(out: Console, read: ReadLine, lang: Lang) -> OrganizationProfile | None:
    """Ask the few profile facts the questions depend on; None if input ends."""
    from crm_readiness.models.profile import OrganizationProfile

    zh = lang == "zh"

    def ask(en: str, cn: str, default: str) -> str | None:
        answer = read(f"{cn if zh else en} [{default}]: ")
        if answer is None:
            return None
        return answer.strip() or default

    org = ask("Organisation name", "组织名称", "My company")
    size = ask("Size: smb / mid / large", "规模：smb（中小）/ mid（中型）/ large（大型）", "mid")
    users = ask("Expected CRM users", "预计 CRM 用户数", "100")
    deployment = ask("Deployment: saas / on-prem / hybrid", "部署：saas / on-prem / hybrid", "saas")
    scope = ask("Modules in scope (comma-separated: sales, marketing, service …)",
                "范围模块（逗号分隔：sales、marketing、service …）", "sales,service")
    integ = ask("Systems to integrate (comma-separated: erp, finance, oa, wecom, dingtalk; "
                "or none)", "需集成的系统（逗号分隔：erp、finance、oa、wecom、dingtalk；或 none）",
                "none")
    migrate = ask("Migrate legacy data? yes / no", "是否迁移历史数据？yes / no", "yes")
    if None in (org, size, users, deployment, scope, integ, migrate):
        return None
    assert org and size and users and deployment and scope and integ and migrate
    from pydantic import ValidationError

    try:
        return OrganizationProfile.model_validate({
            "organization": org, "size": size, "users": int(users) if _small_int(users) else users,
            "deployment": deployment,
            "scope": [s.strip() for s in scope.split(",") if s.strip()],
            "integrations": [] if integ.lower() in ("none", "无", "") else
            [s.strip() for s in integ.split(",") if s.strip()],
            "data_migration": migrate.lower() in ("yes", "y", "是", "true"),
        })
    except ValidationError as exc:
        out.print(f"[red]{plain(exc.errors()[0]['msg'])}[/] — {t('ask.invalid', lang)}")
        return ask_profile(out, read, lang)


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
    current = _mine(s, q.id)
    if current is not None:
        shown = (t("report.na", lang, reason=current.na) if current.na is not None
                 else str(current.value))
        out.print(f"  [dim]{plain(t('ask.current', lang, value=shown))}[/]")


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


def _parse(s: Session, q: Question, raw: str) -> str | float | None:
    from crm_readiness.models.checklist import ChoiceScale

    scale = s.checklists.scale_of(q)
    if isinstance(scale, ChoiceScale):
        if _small_int(raw) and 1 <= int(raw) <= len(scale.choices):
            return scale.choices[int(raw) - 1].value
        found = scale.choice(raw)
        return found.value if found else None
    try:
        number = float(raw)
    except ValueError:
        return None
    return number if scale.min <= number <= scale.max else None


def run(s: Session) -> bool:
    """Walk the questions from the first unanswered one; False if the user quits early.

    Reaching the end finishes the run; skipped questions stay unanswered (they count 0
    and lower the coverage).
    """
    from crm_readiness.models.answers import Answer

    items = _applicable(s)
    total = len(items)

    def answered() -> int:
        return sum(1 for _, q in items if _mine(s, q.id) is not None)

    pos = next((k for k, (_, q) in enumerate(items) if _mine(s, q.id) is None), total)
    if 0 < answered() < total:
        s.out.print(t("ask.resume", s.lang, done=answered(), total=total))
    s.out.print(f"[dim]{t('ask.keys', s.lang)}[/]")
    while pos < total:
        c, q = items[pos]
        in_phase = [k for k, (cc, _) in enumerate(items) if cc.id == c.id]
        _show(s, c, q, in_phase.index(pos) + 1, len(in_phase), answered(), total)
        raw = s.read(f"{t('ask.prompt', s.lang)}: ")
        if raw is None or raw.strip().lower() == "q":
            s.out.print(t("ask.quit", s.lang, path=plain(s.path)))
            return False
        cmd = raw.strip()
        if cmd == "?":
            _help(s, q)
        elif cmd.lower() == "s":
            pos += 1
        elif cmd.lower() == "b":
            pos = max(0, pos - 1)
        elif cmd.lower() == "n":
            reason = s.read(f"{t('ask.na_reason', s.lang)} ")
            if reason is None:
                s.out.print(t("ask.quit", s.lang, path=plain(s.path)))
                return False
            if not reason.strip():
                s.out.print(f"[red]{t('ask.na_needs_reason', s.lang)}[/]")
                continue
            owner = None
            if q.gate:
                owner = s.read(f"{t('ask.waived_by', s.lang)} ")
                if owner is None:
                    s.out.print(t("ask.quit", s.lang, path=str(s.path)))
                    return False
                if not owner.strip():
                    s.out.print(f"[red]{t('ask.waiver_needs_owner', s.lang)}[/]")
                    continue
            _store(s, q.id, Answer(na=reason.strip(), respondent=s.respondent,
                                   waived_by=owner.strip() if owner else None))
            pos += 1
        else:
            value = _parse(s, q, cmd)
            if value is None:
                s.out.print(f"[red]{t('ask.invalid', s.lang)}[/]")
                continue
            previous = _mine(s, q.id)
            _store(s, q.id, Answer(value=value, respondent=s.respondent,
                                   note=previous.note if previous else None,
                                   evidence=previous.evidence if previous else None))
            pos += 1
    if answered() == total:
        s.out.print(f"[green]{t('ask.all_done', s.lang)}[/]")
    return True
