"""Loading the requirements catalogue and the vendors file, and writing a vendors file back.

A vendors file that exists is only ever changed through
:func:`crm_readiness.io.answers_store.update_store` (locked, comments kept);
:func:`vendors_yaml` renders a new one.

The vendors file is validated in two passes, both reported with file, dotted
path and line/column: its shape (pydantic), then its references against the
catalogue (:func:`crm_readiness.models.vendors.cross_check`).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from crm_readiness._resources import checklists_dir
from crm_readiness.errors import InputFileError, Problem
from crm_readiness.i18n import t
from crm_readiness.io.yaml_files import dump_yaml, load_model, load_yaml, validate_loaded
from crm_readiness.models._base import plain_texts
from crm_readiness.models.requirements import RequirementsCatalogue
from crm_readiness.models.vendors import VendorsFile, cross_check

STANDARD_CATALOGUE = "standard-crm.yaml"


def standard_catalogue_path() -> Path:
    """Return the packaged standard CRM requirements catalogue."""
    return checklists_dir() / "catalogue" / STANDARD_CATALOGUE


def load_catalogue(path: Path | None = None) -> RequirementsCatalogue:
    """Load a requirements catalogue (the packaged standard one when ``path`` is None)."""
    return load_model(path or standard_catalogue_path(), RequirementsCatalogue)


def catalogue_path_for(vendors_path: Path, vf: VendorsFile, override: Path | None) -> Path:
    """Return the catalogue a vendors file uses: ``override``, its own reference, or the standard."""
    if override is not None:
        return override
    if vf.requirements:
        ref = Path(vf.requirements)
        return ref if ref.is_absolute() else vendors_path.parent / ref
    return standard_catalogue_path()


def load_vendors_shape(path: Path) -> VendorsFile:
    """Load a vendors file and check its shape only (no catalogue references)."""
    return load_model(path, VendorsFile)


def check_references(path: Path, vf: VendorsFile, catalogue: RequirementsCatalogue) -> None:
    """Raise a located :class:`InputFileError` for every reference problem of ``vf``."""
    found = cross_check(vf, catalogue)
    if not found:
        return
    loaded = load_yaml(path)
    problems = []
    for loc, en, zh in found:
        line, col = loaded.locate(loc)
        problems.append(Problem(".".join(str(p) for p in loc), en, zh, line, col))
    raise InputFileError(path, problems)


def load_vendors(path: Path, catalogue_override: Path | None = None
                 ) -> tuple[VendorsFile, RequirementsCatalogue, Path]:
    """Load a vendors file and its catalogue; return both and the catalogue's path."""
    loaded = load_yaml(path)
    vf = validate_loaded(loaded, VendorsFile)
    cat_path = catalogue_path_for(path, vf, catalogue_override)
    catalogue = load_catalogue(cat_path)
    check_references(path, vf, catalogue)
    return vf, catalogue, cat_path


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def vendors_data(vf: VendorsFile) -> dict[str, Any]:
    """Return ``vf`` as the plain data of its file (defaults left out, one-word responses short)."""
    data: dict[str, Any] = plain_texts(_plain(vf.model_dump(exclude_defaults=True, exclude_none=True)))
    for vendor in data.get("vendors", []):
        responses = vendor.get("responses", {})
        for rid, resp in list(responses.items()):
            if set(resp) == {"response"}:
                responses[rid] = resp["response"]
        scores = vendor.get("scores", {})
        for cid, sc in list(scores.items()):
            if set(sc) == {"score"}:
                scores[cid] = sc["score"]
    return data


def vendors_yaml(vf: VendorsFile) -> str:
    """Return ``vf`` as a new YAML file (a header, then :func:`vendors_data`)."""
    header = "".join(f"# {t('io.vendors.header', lang)}\n" for lang in ("en", "zh"))
    return header + dump_yaml(vendors_data(vf))
