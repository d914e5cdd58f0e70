"""Snapshots of assessment runs, stored beside the answers file.

``answers.yaml`` keeps its snapshots in ``answers.snapshots/<name>.json``: the
full result, the checklist versions and the time it was taken. Writes are
atomic; an existing snapshot name is never replaced without ``force``.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from crm_readiness.errors import InputFileError, OutputError, Problem, UsageError
from crm_readiness.i18n import t
from crm_readiness.io.output import OutputSet
from crm_readiness.io.yaml_files import validation_problems
from crm_readiness.models.assessment import AssessmentResult
from crm_readiness.models.progress import Snapshot, SnapshotInfo
from crm_readiness.models.workshop import Trend

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
SUFFIX = ".json"


def snapshot_dir(answers_path: Path) -> Path:
    """Return the folder holding the snapshots of ``answers_path``."""
    return answers_path.parent / f"{answers_path.stem}.snapshots"


def check_name(name: str) -> str:
    """Return ``name`` if it is a valid snapshot name, else raise :class:`UsageError`."""
    if not NAME.match(name) or name.endswith(SUFFIX):
        raise UsageError(t("snapshot.bad_name", "en", name=name),
                         t("snapshot.bad_name", "zh", name=name))
    return name


def snapshot_path(answers_path: Path, name: str) -> Path:
    """Return where snapshot ``name`` of ``answers_path`` lives."""
    return snapshot_dir(answers_path) / f"{check_name(name)}{SUFFIX}"


def make_snapshot(name: str, result: AssessmentResult, *, taken_at: datetime | None = None,
                  answers_file: str | None = None) -> Snapshot:
    """Return a snapshot of ``result`` (its trend is dropped: snapshots do not nest)."""
    clean = result.model_copy(update={"trend": Trend()})
    return Snapshot(name=check_name(name), taken_at=taken_at or result.meta.generated_at,
                    answers_file=answers_file or result.meta.answers_file,
                    checklist_versions=dict(result.meta.checklist_versions), result=clean)


def add_snapshot(outputs: OutputSet, answers_path: Path, snapshot: Snapshot) -> Path:
    """Declare ``snapshot`` in ``outputs``; an existing snapshot of that name needs ``force``."""
    path = snapshot_path(answers_path, snapshot.name)
    if path.exists() and not outputs.force:
        raise OutputError(path, t("snapshot.exists", "en", name=snapshot.name),
                          t("snapshot.exists", "zh", name=snapshot.name))
    return outputs.add(path, lambda: (snapshot.model_dump_json(indent=1) + "\n").encode("utf-8"),
                       editable=True)


def save_snapshot(answers_path: Path, snapshot: Snapshot, *, force: bool = False) -> Path:
    """Write ``snapshot`` beside ``answers_path`` atomically; refuse to replace unless ``force``."""
    outputs = OutputSet(force=force)
    add_snapshot(outputs, answers_path, snapshot)
    return outputs.commit()[0]


def read_snapshot(path: Path) -> Snapshot:
    """Load one snapshot file, every problem located (exit 3)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(path, [Problem("", t("file.not_found", "en"),
                                            t("file.not_found", "zh"))]) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputFileError(path, [Problem("", t("file.unreadable", "en", reason=reason),
                                            t("file.unreadable", "zh", reason=reason))]) from None
    try:
        return Snapshot.model_validate_json(raw)
    except ValidationError as exc:
        raise InputFileError(path, validation_problems(exc)) from None


def resolve(answers_path: Path, ref: str) -> Path:
    """Return the snapshot file ``ref`` names: a snapshot name, or a path to a ``.json``."""
    as_path = Path(ref)
    if ref.endswith(SUFFIX) and as_path.exists():
        return as_path
    path = snapshot_dir(answers_path) / f"{ref}{SUFFIX}"
    if not NAME.match(ref) or not path.exists():
        known = ", ".join(i.name for i in list_snapshots(answers_path)) or "–"
        raise UsageError(t("snapshot.unknown", "en", name=ref, known=known),
                         t("snapshot.unknown", "zh", name=ref, known=known))
    return path


def load_snapshot(answers_path: Path, ref: str) -> Snapshot:
    """Load the snapshot ``ref`` (a name beside ``answers_path``, or a file path)."""
    return read_snapshot(resolve(answers_path, ref))


def info(snapshot: Snapshot, path: Path) -> SnapshotInfo:
    """Return the ``history`` line of a snapshot."""
    r = snapshot.result
    return SnapshotInfo(name=snapshot.name, taken_at=snapshot.taken_at, path=str(path),
                        overall=r.overall.score, coverage=r.overall.coverage,
                        verdict=r.overall.verdict, blockers=len(r.blockers), risks=len(r.risks),
                        checklist_versions=snapshot.checklist_versions)


def load_all(answers_path: Path) -> list[tuple[Snapshot, Path]]:
    """Return every snapshot of ``answers_path``, oldest first (invalid files raise)."""
    folder = snapshot_dir(answers_path)
    if not folder.is_dir():
        return []
    found = [(read_snapshot(p), p) for p in sorted(folder.glob(f"*{SUFFIX}"))
             if not p.name.startswith(".")]
    found.sort(key=lambda sp: (sp[0].taken_at, sp[0].name))
    return found


def list_snapshots(answers_path: Path) -> list[SnapshotInfo]:
    """Return the ``history`` of ``answers_path``: one line per snapshot, oldest first."""
    return [info(s, p) for s, p in load_all(answers_path)]
