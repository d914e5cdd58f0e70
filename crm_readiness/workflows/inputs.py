"""Thin entry points the CLI uses to load and save input files (the seam: cli → workflows).

``cli/`` may import only ``workflows`` (plus models, errors and i18n); these
functions forward to ``io`` and ``engine`` so the command modules need nothing
else. Each imports its implementation on first call, keeping ``--help`` fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crm_readiness.errors import InputFileError
    from crm_readiness.models.answers import AnswersFile
    from crm_readiness.models.checklist import Checklist, ChecklistSet, Condition, IndustryPack
    from crm_readiness.models.profile import OrganizationProfile
    from crm_readiness.models.requirements import RequirementsCatalogue


def load_checklist_set(extra_dir: Path | None = None) -> ChecklistSet:
    """Return the packaged checklists, extended or overridden by ``extra_dir``."""
    from crm_readiness.io.checklists import load_checklist_set as load

    return load(extra_dir)


def phase_files(folder: Path) -> list[Path]:
    """Return the phase checklist files of ``folder``."""
    from crm_readiness.io.checklists import phase_files as files

    return files(folder)


def pack_files(folder: Path) -> list[Path]:
    """Return the industry pack files of a checklist folder (``packs/*.yaml``)."""
    from crm_readiness.io.checklists import pack_files as files

    return files(folder)


def validate_files(paths: list[Path]) -> tuple[list[Checklist | IndustryPack],
                                                list[InputFileError]]:
    """Validate checklist files on their own; return the valid ones and one error per bad file."""
    from crm_readiness.io.checklists import validate_files as validate

    return validate(paths)


def load_answers(path: Path, checklists: ChecklistSet) -> AnswersFile:
    """Load an answers file and check every answer against ``checklists``."""
    from crm_readiness.io.assessment import load_answers as load

    return load(path, checklists)


def save_answers(path: Path, answers: AnswersFile) -> Path:
    """Write the answers file atomically."""
    from crm_readiness.io.assessment import save_answers as save

    return save(path, answers)


def update_answers(path: Path, mutate: Callable[[AnswersFile], AnswersFile]) -> AnswersFile:
    """Lock, re-read, ``mutate`` and write back answers file ``path`` (no concurrent answer lost)."""
    from crm_readiness.io.answers_store import update_answers as update

    return update(path, mutate)


def load_catalogue(path: Path | None = None) -> RequirementsCatalogue:
    """Load a requirements catalogue (the packaged standard one when ``path`` is None)."""
    from crm_readiness.io.vendors import load_catalogue as load

    return load(path)


def applies(condition: Condition | None, profile: OrganizationProfile) -> bool:
    """Return whether ``condition`` holds for ``profile`` (no condition: True)."""
    from crm_readiness.engine.conditions import applies as holds

    return holds(condition, profile)
