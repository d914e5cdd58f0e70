"""Loading and saving the answers file, checked against the checklists.

Beyond the model's own validation, every answer is checked against the
question it answers: the question id must exist, the value must be on the
question's scale, a named respondent must be declared when respondents are.
All problems are reported at once, each with its line and column.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from crm_readiness.engine.scoring import AnswerValueError, score_value
from crm_readiness.errors import InputFileError, Problem
from crm_readiness.io.atomic import real_target
from crm_readiness.io.yaml_files import LoadedYaml, dump_yaml, load_yaml, validate_loaded
from crm_readiness.models._base import plain_texts
from crm_readiness.models.answers import AnswersFile
from crm_readiness.models.checklist import ChecklistSet, ChoiceScale

ANSWERS_HEADER = (
    "# crm-readiness answers file (see docs/assess.md).\n"
    "# value: a choice of the question's scale (or a number for numeric scales);\n"
    "# na: \"reason\" marks a question not applicable. Several respondents: a list.\n"
)


def _allowed(scale: Any) -> str:
    if isinstance(scale, ChoiceScale):
        return ", ".join(c.value for c in scale.choices)
    return f"{scale.min:g}..{scale.max:g}"


def _raw_answers(loaded: LoadedYaml | None) -> dict[str, Any]:
    raw = loaded.data.get("answers") if loaded and isinstance(loaded.data, dict) else None
    return raw if isinstance(raw, dict) else {}


def _unknown_question(qid: str, checklists: ChecklistSet, line: int | None,
                      col: int | None) -> Problem:
    """Return the problem of an unknown question id, with the closest known ids."""
    known = [q.id for c in checklists.checklists for q in c.questions]
    close = difflib.get_close_matches(qid, known, n=3, cutoff=0.6)
    if close:  # only the best match and those as close as it (not every loosely similar id)
        best = difflib.SequenceMatcher(None, qid, close[0]).ratio()
        close = [k for k in close if difflib.SequenceMatcher(None, qid, k).ratio() >= best - 0.05]
    if not close:  # a right name in the wrong phase: match on the part after the dot
        tail = qid.rsplit(".", 1)[-1]
        close = [k for k in known if k.rsplit(".", 1)[-1] == tail][:3]
    if close:
        return Problem.of(f"answers.{qid}", "answers.unknown_id_close", line, col, id=qid,
                          ids=", ".join(close))
    if checklists.phase(qid.split(".")[0]) is None:
        return Problem.of(f"answers.{qid}", "io.answers.unknown_phase", line, col, qid=repr(qid),
                          phases=", ".join(c.id for c in checklists.checklists))
    return Problem.of(f"answers.{qid}", "io.answers.unknown_question", line, col, qid=repr(qid))


def check_answers(answers: AnswersFile, checklists: ChecklistSet,
                  loaded: LoadedYaml | None = None) -> list[Problem]:
    """Return every problem of ``answers`` against ``checklists`` (empty when all is well)."""
    problems: list[Problem] = []

    def at(*loc: str | int) -> tuple[int | None, int | None]:
        return loaded.locate(loc) if loaded else (None, None)

    declared = {r.id for r in answers.respondents}
    for qid, entries in answers.answers.items():
        found = checklists.question(qid)
        if found is None:
            line, col = at("answers", qid)
            problems.append(_unknown_question(qid, checklists, line, col))
            continue
        _, question = found
        scale = checklists.scale_of(question)
        many = len(entries) > 1 or isinstance(_raw_answers(loaded).get(qid), list)
        for i, answer in enumerate(entries):
            base: tuple[str | int, ...] = ("answers", qid, i) if many else ("answers", qid)
            if answer.value is not None:
                try:
                    score_value(scale, answer.value)
                except AnswerValueError:
                    line, col = at(*base, "value")
                    allowed = _allowed(scale)
                    problems.append(Problem.of(
                        ".".join(str(p) for p in base) + ".value", "io.answers.value_not_allowed",
                        line, col, value=repr(answer.value), allowed=allowed))
            if question.gate and answer.na is not None and answer.waived_by is None:
                line, col = at(*base, "na")
                problems.append(Problem.of(".".join(str(p) for p in base) + ".waived_by",
                                           "waiver.needs_owner", line, col, id=qid))
            if declared and answer.respondent and answer.respondent not in declared:
                line, col = at(*base, "respondent")
                problems.append(Problem.of(
                    ".".join(str(p) for p in base) + ".respondent",
                    "io.answers.respondent_undeclared", line, col,
                    respondent=repr(answer.respondent)))
    return problems


def load_answers_file(path: Path) -> AnswersFile:
    """Load an answers file, validated as a model (not yet against checklists)."""
    return validate_loaded(load_yaml(path), AnswersFile)


def load_answers(path: Path, checklists: ChecklistSet) -> AnswersFile:
    """Load an answers file and check every answer against ``checklists``."""
    loaded = load_yaml(path)
    answers = validate_loaded(loaded, AnswersFile)
    problems = check_answers(answers, checklists, loaded)
    if problems:
        raise InputFileError(path, problems)
    return answers


def answers_to_data(answers: AnswersFile) -> dict[str, Any]:
    """Return the answers as plain data in file order (single answers as a mapping)."""
    data = plain_texts(answers.model_dump(mode="json", exclude_none=True, exclude_defaults=True))
    out: dict[str, Any] = {"version": answers.version,
                           "profile": answers.profile.model_dump(mode="json", exclude_none=True)}
    out.update({key: data[key] for key in ("respondents", "consensus") if key in data})
    out["answers"] = {qid: (entries[0] if len(entries) == 1 else entries)
                      for qid, entries in data.get("answers", {}).items()}
    return out


def answers_text(answers: AnswersFile) -> str:
    """Return a whole new answers file (header comment and the answers in file order)."""
    return ANSWERS_HEADER + dump_yaml(answers_to_data(answers))


def save_answers(path: Path, answers: AnswersFile) -> Path:
    """Write ``answers`` to ``path`` under the answers lock, atomically, through symlinks.

    An existing file is edited in place (its comments, key order and quoting
    are kept where the answers did not change); a missing one is created.
    Callers that change part of a file use
    :func:`crm_readiness.io.answers_store.update_answers` instead, so a
    concurrent writer's answers are never lost.
    """
    from crm_readiness.io.answers_store import create_answers, update_answers

    if real_target(path).exists():
        update_answers(path, lambda _current: answers)
        return path
    return create_answers(path, answers, force=False)
