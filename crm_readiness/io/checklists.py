"""Loading the phase checklists: packaged ones, overridden or extended from a folder.

A folder holds ``scales.yaml`` (answer scales), optionally ``scoring.yaml``
(thresholds), one YAML file per phase and optionally ``packs/`` (industry packs:
questions added to phases, each applying only to the pack's industries). A user folder given with
``--checklists`` adds scales, replaces ``scoring.yaml`` and adds phases or
replaces packaged phases with the same ``id``. Every file is validated and
every problem in every file is reported before anything is scored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from crm_readiness._resources import checklists_dir
from crm_readiness.errors import CrmReadinessError, InputFileError, Problem
from crm_readiness.io.yaml_files import LoadedYaml, load_yaml, validate_loaded
from crm_readiness.models._base import BOTH
from crm_readiness.models.checklist import (
    Checklist,
    ChecklistSet,
    ChoiceScale,
    Condition,
    IndustryPack,
    NumericScale,
    PackInfo,
    Question,
    ScalesFile,
    ScoringConfig,
)

SPECIAL = {"scales.yaml", "scoring.yaml"}
PACKS = "packs"
M = TypeVar("M", bound=BaseModel)

# packaged files parsed once per process: (resolved path, mtime_ns, size, model) → result
_CACHE: dict[tuple[str, int, int, type[Any]], tuple[LoadedYaml, Any]] = {}


def _packaged(path: Path) -> bool:
    try:
        return path.resolve().parent in (checklists_dir().resolve(),
                                         (checklists_dir() / PACKS).resolve())
    except OSError:
        return False


def _load(path: Path, model: type[M]) -> tuple[LoadedYaml, M]:
    """Load and validate one checklist file; a packaged file is parsed once per process.

    The cache key holds the resolved path, modification time and size, so an
    edited file (a source checkout) is read again.
    """
    key: tuple[str, int, int, type[Any]] | None = None
    if _packaged(path):
        try:
            st = path.stat()
            key = (str(path.resolve()), st.st_mtime_ns, st.st_size, model)
        except OSError:
            key = None
        if key is not None and key in _CACHE:
            loaded, value = _CACHE[key]
            return loaded, value
    loaded = load_yaml(path)
    # a checklist's questions are shipped in both languages: none may fall back
    value = validate_loaded(loaded, model, context=BOTH)
    if key is not None:
        _CACHE[key] = (loaded, value)
    return loaded, value


class ChecklistProblems(CrmReadinessError):
    """Problems in several checklist files at once (exit 3)."""

    exit_code = 3

    def __init__(self, errors: list[InputFileError]) -> None:
        self.errors = errors
        super().__init__("\n".join(e.text("en") for e in errors),
                         "\n".join(e.text("zh") for e in errors))


@dataclass(frozen=True)
class _Phase:
    checklist: Checklist
    loaded: LoadedYaml


def phase_files(folder: Path) -> list[Path]:
    """Return the phase checklist files of a folder (``*.yaml``/``*.yml`` but the special ones)."""
    return sorted(p for p in folder.iterdir()
                  if p.suffix in (".yaml", ".yml") and p.name not in SPECIAL and p.is_file())


def _check_scales(phase: _Phase, scales: dict[str, ChoiceScale | NumericScale]) -> list[Problem]:
    return _check_questions(phase.checklist.questions, phase.loaded, ("questions",), scales)


def _check_questions(questions: tuple[Question, ...], loaded: LoadedYaml, at: tuple[str, ...],
                     scales: dict[str, ChoiceScale | NumericScale]) -> list[Problem]:
    problems: list[Problem] = []
    where = ".".join(at)
    for i, q in enumerate(questions):
        if isinstance(q.answers, str) and q.answers not in scales:
            line, col = loaded.locate((*at, i, "answers"))
            known = ", ".join(sorted(scales))
            problems.append(Problem.of(f"{where}.{i}.answers", "io.checklists.unknown_scale",
                                       line, col, scale=repr(q.answers), known=known))
        scale = scales.get(q.answers) if isinstance(q.answers, str) else q.answers
        if q.measure is not None and scale is not None and not isinstance(scale, NumericScale):
            line, col = loaded.locate((*at, i, "measure"))
            problems.append(Problem.of(f"{where}.{i}.measure",
                                       "io.checklists.measure_needs_numeric", line, col))
        if scale is not None and isinstance(scale, ChoiceScale):
            for j, rule in enumerate(q.risks):
                when = getattr(rule, "when", None)
                for v in (when.value_in or ()) if when else ():
                    if scale.choice(v) is None:
                        line, col = loaded.locate((*at, i, "risks", j, "when"))
                        problems.append(Problem.of(
                            f"{where}.{i}.risks.{j}.when.value_in",
                            "io.checklists.value_not_in_scale", line, col, value=repr(v)))
    return problems


def _load_phase(path: Path, errors: list[InputFileError]) -> _Phase | None:
    try:
        loaded, checklist = _load(path, Checklist)
        return _Phase(checklist, loaded)
    except InputFileError as exc:
        errors.append(exc)
        return None


@dataclass(frozen=True)
class _Pack:
    pack: IndustryPack
    loaded: LoadedYaml
    path: Path


def pack_files(folder: Path) -> list[Path]:
    """Return the industry pack files of a checklist folder (``packs/*.yaml``)."""
    packs = folder / PACKS
    if not packs.is_dir():
        return []
    return sorted(p for p in packs.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def _pack_condition(pack: IndustryPack, q: Question) -> Condition:
    """The pack's industries, and the question's own condition when it has one."""
    own = (q.applies_when,) if q.applies_when is not None else None
    return Condition(industry=pack.industries, any_of=own)


def _merge_pack(pk: _Pack, phases: dict[str, _Phase],
                scales: dict[str, ChoiceScale | NumericScale]) -> list[Problem]:
    """Add the pack's questions to their phases; return the problems instead when any."""
    problems: list[Problem] = []
    added: dict[str, tuple[Question, ...]] = {}
    for phase_id, questions in pk.pack.questions.items():
        line, col = pk.loaded.locate(("questions", phase_id))
        phase = phases.get(phase_id)
        if phase is None:
            known = ", ".join(sorted(phases))
            problems.append(Problem.of(f"questions.{phase_id}", "pack.unknown_phase", line, col,
                                       phase=phase_id, known=known))
            continue
        taken = {q.id for q in phase.checklist.questions}
        for i, q in enumerate(questions):
            if not q.id.startswith(phase_id + ".") or q.id in taken:
                qline, qcol = pk.loaded.locate(("questions", phase_id, i, "id"))
                problems.append(Problem.of(f"questions.{phase_id}.{i}.id", "pack.bad_question_id",
                                           qline, qcol, id=q.id, phase=phase_id))
            taken.add(q.id)
        problems += _check_questions(questions, pk.loaded, ("questions", phase_id), scales)
        added[phase_id] = tuple(q.model_copy(update={
            "pack": pk.pack.id, "applies_when": _pack_condition(pk.pack, q)}) for q in questions)
    if problems:
        return problems
    for phase_id, questions in added.items():
        phase = phases[phase_id]
        merged = phase.checklist.model_copy(
            update={"questions": phase.checklist.questions + questions})
        phases[phase_id] = _Phase(merged, phase.loaded)
    return []


def _pack_info(pack: IndustryPack) -> PackInfo:
    return PackInfo(id=pack.id, title=pack.title, description=pack.description,
                    industries=pack.industries, catalogue_module=pack.catalogue_module,
                    questions=tuple(q.id for qs in pack.questions.values() for q in qs))


def load_checklist_set(extra_dir: Path | None = None, *,
                       packaged_dir: Path | None = None) -> ChecklistSet:
    """Return the packaged checklists, extended or overridden by ``extra_dir``.

    Raises :class:`ChecklistProblems` listing every problem in every file.
    """
    if extra_dir is None and packaged_dir is None:
        return _packaged_set()
    return _build_set(packaged_dir or checklists_dir(), extra_dir)


#: the packaged set read in this process, by its cache entry as read (the demo's parts share it)
_SETS: dict[tuple[str, int, int], ChecklistSet] = {}


def _packaged_set() -> ChecklistSet:
    """Return the packaged checklists, from the per-user cache when their files are unchanged.

    The cache holds the validated set as JSON (never code), keyed by a digest of
    every packaged file's name and bytes; reading it costs a tenth of parsing
    the YAML. A missing, stale or unreadable entry is simply rebuilt. Within a
    process an entry is read once (a changed packaged file is a new entry, a
    rewritten entry a new modification time).
    """
    import hashlib
    import os
    import tempfile

    from crm_readiness._resources import user_cache_dir

    base = checklists_dir()
    folder = user_cache_dir("checklists")
    if folder is None:
        return _build_set(base, None)
    digest = hashlib.sha256(str(base).encode())
    for p in [*sorted(base.iterdir()), *pack_files(base)]:  # the industry packs too
        if p.suffix in (".yaml", ".yml") and p.is_file():
            digest.update(str(p.relative_to(base)).encode() + b"\0" + p.read_bytes() + b"\0")
    entry = folder / f"set-{digest.hexdigest()[:32]}.json"
    stamp = _stamp(entry)
    known = None if stamp is None else _SETS.get(stamp)
    if known is not None:  # frozen models: one process shares the one validated set
        return known
    try:
        loaded = ChecklistSet.model_validate_json(entry.read_bytes())
        if stamp is not None:
            _SETS[stamp] = loaded
        return loaded
    except (OSError, ValueError):
        pass
    built = _build_set(base, None)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".set-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(built.model_dump_json().encode())
        os.replace(tmp, entry)
    except OSError:
        return built  # no cache this time; the set is still right
    stamp = _stamp(entry)
    if stamp is not None:
        _SETS[stamp] = built
    return built


def _stamp(entry: Path) -> tuple[str, int, int] | None:
    """Return the cache entry's path, modification time and size (None when it is missing)."""
    try:
        st = entry.stat()
    except OSError:
        return None
    return str(entry), st.st_mtime_ns, st.st_size


def _build_set(base: Path, extra_dir: Path | None) -> ChecklistSet:
    folders = [base] + ([extra_dir] if extra_dir is not None else [])
    if extra_dir is not None and not extra_dir.is_dir():
        raise InputFileError(extra_dir, [Problem.of("", "io.checklists.folder_missing")])
    errors: list[InputFileError] = []
    scales: dict[str, ChoiceScale | NumericScale] = {}
    scoring: ScoringConfig | None = None
    phases: dict[str, _Phase] = {}
    sources: dict[str, str] = {}
    packs: dict[str, _Pack] = {}
    for folder in folders:
        scales_path = folder / "scales.yaml"
        if scales_path.exists():
            try:
                scales.update(_load(scales_path, ScalesFile)[1].scales)
            except InputFileError as exc:
                errors.append(exc)
        scoring_path = folder / "scoring.yaml"
        if scoring_path.exists():
            try:
                scoring = _load(scoring_path, ScoringConfig)[1]
            except InputFileError as exc:
                errors.append(exc)
        for path in phase_files(folder):
            phase = _load_phase(path, errors)
            if phase is not None:
                phases[phase.checklist.id] = phase
                sources[phase.checklist.id] = str(path)
        for path in pack_files(folder):  # a user pack replaces a packaged one with its id
            try:
                loaded, pack = _load(path, IndustryPack)
                packs[pack.id] = _Pack(pack, loaded, path)
            except InputFileError as exc:
                errors.append(exc)
    for pid, phase in phases.items():
        problems = _check_scales(phase, scales)
        if problems:
            errors.append(InputFileError(Path(sources[pid]), problems))
    if not errors:
        for pk in packs.values():
            problems = _merge_pack(pk, phases, scales)
            if problems:
                errors.append(InputFileError(pk.path, problems))
    if scoring is None and not errors:
        errors.append(InputFileError(base / "scoring.yaml", [
            Problem.of("", "io.checklists.scoring_missing")]))
    if errors:
        raise ChecklistProblems(errors)
    assert scoring is not None
    ordered = sorted(phases.values(), key=lambda p: (p.checklist.order, p.checklist.id))
    return ChecklistSet(scales=scales, scoring=scoring,
                        checklists=tuple(p.checklist for p in ordered), sources=sources,
                        packs=tuple(_pack_info(pk.pack) for pk in packs.values()))


def validate_files(paths: list[Path]) -> tuple[list[Checklist | IndustryPack],
                                                list[InputFileError]]:
    """Validate checklist files on their own (scales from the package plus any beside them).

    A file in a ``packs`` folder is validated as an industry pack. Returns the valid
    checklists and packs, and one error per invalid file.
    """
    errors: list[InputFileError] = []
    scales: dict[str, ChoiceScale | NumericScale] = {}
    for folder in [checklists_dir(), *{p.parent for p in paths},
                   *{p.parent.parent for p in paths if p.parent.name == PACKS}]:
        sp = folder / "scales.yaml"
        if sp.exists():
            try:
                scales.update(_load(sp, ScalesFile)[1].scales)
            except InputFileError as exc:
                errors.append(exc)
    good: list[Checklist | IndustryPack] = []
    for path in paths:
        if path.name == "scales.yaml":
            continue
        if path.name == "scoring.yaml":
            try:
                _load(path, ScoringConfig)
            except InputFileError as exc:
                errors.append(exc)
            continue
        if path.parent.name == PACKS:
            try:
                loaded, pack = _load(path, IndustryPack)
            except InputFileError as exc:
                errors.append(exc)
                continue
            problems = [p for phase_id, qs in pack.questions.items()
                        for p in _check_questions(qs, loaded, ("questions", phase_id), scales)]
            if problems:
                errors.append(InputFileError(path, problems))
            else:
                good.append(pack)
            continue
        phase = _load_phase(path, errors)
        if phase is None:
            continue
        problems = _check_scales(phase, scales)
        if problems:
            errors.append(InputFileError(path, problems))
        else:
            good.append(phase.checklist)
    return good, errors
