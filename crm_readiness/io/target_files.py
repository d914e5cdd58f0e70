"""Read a target schema (YAML) and a mapping workbook (xlsx) back, located problems on failure.

The schema goes through the one YAML reader; the checks that need the whole
file (a lookup to an unknown object, a key or unique key naming an unknown
field) are made here, each placed at the line and column of the name. The
mapping workbook goes through the one workbook reader; every problem names its
sheet and cell. Neither ever writes to a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from crm_readiness.errors import InputFileError, Problem
from crm_readiness.io.workbooks import Cell, Sheet, cell_ref, open_workbook
from crm_readiness.io.yaml_files import load_yaml, validate_loaded
from crm_readiness.models.data import mapping_layout as L
from crm_readiness.models.data.rehearsal import RehearsalRun
from crm_readiness.models.data.target import (
    TRANSFORMS,
    FieldMapping,
    TargetMapping,
    TargetSchema,
    ValueMapping,
)

#: transforms that keep a value of the field's type (anything else is a change of type)
TRANSFORMS_FOR: dict[str, frozenset[str]] = {
    "text": frozenset(TRANSFORMS) - {"date", "number"},
    "lookup": frozenset(TRANSFORMS) - {"date"},
    "phone": frozenset({"none", "mobile", "landline", "phone"}),
    "email": frozenset({"none", "email", "lower"}),
    "date": frozenset({"none", "date"}),
    "number": frozenset({"none", "number"}),
    "integer": frozenset({"none", "number"}),
    "boolean": frozenset({"none", "lower", "upper"}),
    "picklist": frozenset({"none", "upper", "lower"}),
}


def load_target(path: Path) -> TargetSchema:
    """Load a target-schema file; every problem is located (file, line, column)."""
    loaded = load_yaml(path)
    schema = validate_loaded(loaded, TargetSchema)
    problems: list[Problem] = []
    for o, obj in schema.objects.items():
        names = ", ".join(obj.fields)
        if obj.key is not None and obj.key not in obj.fields:
            line, col = loaded.locate(("objects", o, "key"))
            problems.append(Problem.of(f"objects.{o}.key", "target.unknown_field", line, col,
                                       field=obj.key, object=o, fields=names))
        for i, key in enumerate(obj.unique):
            for j, name in enumerate(key):
                if name not in obj.fields:
                    line, col = loaded.locate(("objects", o, "unique", i, j))
                    problems.append(Problem.of(f"objects.{o}.unique.{i}", "target.unknown_field",
                                               line, col, field=name, object=o, fields=names))
        for n, f in obj.fields.items():
            if f.references is None:
                continue
            where = ("objects", o, "fields", n, "references")
            line, col = loaded.locate(where)
            parent = schema.objects.get(f.references)
            if parent is None:
                problems.append(Problem.of(".".join(where), "target.unknown_object", line, col,
                                           object=f.references,
                                           objects=", ".join(schema.objects)))
            elif parent.key is None:
                problems.append(Problem.of(".".join(where), "target.parent_without_key", line,
                                           col, object=f.references))
    if problems:
        raise InputFileError(path, problems)
    return schema


def _text(value: Cell) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def _check_header(path: Path, ws: Sheet, keys: Sequence[str], read: int) -> None:
    from crm_readiness.i18n import t

    problems: list[Problem] = []
    for col, key in enumerate(keys[:read], start=1):
        got = _text(ws.cell(L.HEADER_ROW, col))
        allowed = {t(f"map.col.{key}", "en"), t(f"map.col.{key}", "zh")}
        if got not in allowed:
            problems.append(Problem.of(cell_ref(ws.name, L.HEADER_ROW, col), "map.bad_header",
                                       got=got or "", want=" / ".join(sorted(allowed))))
    if problems:
        raise InputFileError(path, problems)


def read_mapping(path: Path, schema: TargetSchema, columns: Sequence[str]) -> TargetMapping:
    """Read a mapping workbook written by ``data map`` (and edited) against ``schema``.

    ``columns`` are the source export's columns: a row naming another column, an
    unknown object, field or transform, a field filled twice, a transform that
    changes the field's type or a value map onto a value the picklist lacks is a
    problem naming its cell (all reported at once).
    """
    have = set(columns)
    problems: list[Problem] = []
    fields: list[FieldMapping] = []
    values: list[ValueMapping] = []
    unmapped: list[str] = []
    with open_workbook(path) as wb:
        missing = [s for s in (L.FIELDS, L.VALUES) if s not in wb.sheet_names]
        if missing:
            raise InputFileError(path, [Problem.of(s, "map.sheet_missing", sheet=s,
                                                   sheets=", ".join(wb.sheet_names))
                                        for s in missing])
        ws = wb.sheet(L.FIELDS)
        _check_header(path, ws, L.FIELD_COLUMNS, L.FIELD_READ)
        seen: dict[tuple[str, str], str] = {}
        for r, cells in ws.rows(min_row=L.FIRST_ROW, max_col=L.FIELD_READ):
            source, obj, name, transform = (_text(c) for c in cells)
            if source is None:
                if obj or name:
                    problems.append(Problem.of(cell_ref(ws.name, r, 1), "map.no_source"))
                continue
            if source not in have:
                problems.append(Problem.of(cell_ref(ws.name, r, 1), "map.unknown_column",
                                           name=source, columns=", ".join(columns[:30])))
                continue
            if obj is None and name is None:
                unmapped.append(source)
                continue
            target = schema.objects.get(obj or "")
            if target is None:
                problems.append(Problem.of(cell_ref(ws.name, r, 2), "target.unknown_object",
                                           object=obj or "", objects=", ".join(schema.objects)))
                continue
            f = target.fields.get(name or "")
            if f is None:
                problems.append(Problem.of(cell_ref(ws.name, r, 3), "target.unknown_field",
                                           field=name or "", object=obj,
                                           fields=", ".join(target.fields)))
                continue
            assert obj is not None and name is not None
            tr = transform or "none"
            if tr not in TRANSFORMS:
                problems.append(Problem.of(cell_ref(ws.name, r, 4), "map.unknown_transform",
                                           transform=tr, transforms=", ".join(TRANSFORMS)))
                continue
            if tr not in TRANSFORMS_FOR[f.type]:
                problems.append(Problem.of(cell_ref(ws.name, r, 4), "map.transform_type",
                                           transform=tr, type=f.type,
                                           allowed=", ".join(sorted(TRANSFORMS_FOR[f.type]))))
                continue
            ref = cell_ref(ws.name, r, 3)
            if (obj, name) in seen:
                problems.append(Problem.of(ref, "map.field_twice", field=f"{obj}.{name}",
                                           first=seen[(obj, name)]))
                continue
            seen[(obj, name)] = ref
            fields.append(FieldMapping(source=source, object=obj, field=name,
                                       transform=tr, basis="workbook"))
        vs = wb.sheet(L.VALUES)
        _check_header(path, vs, L.VALUE_COLUMNS, L.VALUE_READ)
        pairs: set[tuple[str, str, str]] = set()
        for r, cells in vs.rows(min_row=L.FIRST_ROW, max_col=L.VALUE_READ):
            obj, name, src, tgt = (_text(c) for c in cells)
            if obj is None and name is None and src is None and tgt is None:
                continue
            f = schema.field(obj or "", name or "")
            if f is None or f.type != "picklist":
                problems.append(Problem.of(cell_ref(vs.name, r, 2), "map.not_picklist",
                                           field=f"{obj}.{name}"))
                continue
            if src is None:
                problems.append(Problem.of(cell_ref(vs.name, r, 3), "map.no_source_value"))
                continue
            if tgt is not None and tgt not in f.picklist():
                problems.append(Problem.of(cell_ref(vs.name, r, 4), "map.unknown_value",
                                           value=tgt, values=", ".join(f.picklist()[:30])))
                continue
            assert obj is not None and name is not None
            if (obj, name, src) in pairs:
                problems.append(Problem.of(cell_ref(vs.name, r, 3), "map.value_twice",
                                           value=src))
                continue
            pairs.add((obj, name, src))
            values.append(ValueMapping(object=obj, field=name, source_value=src,
                                       target_value=tgt))
    if problems:
        raise InputFileError(path, problems)
    return TargetMapping(fields=tuple(fields), values=tuple(values), unmapped=tuple(unmapped))


def load_rehearsal_result(path: Path) -> RehearsalRun:
    """Load a rehearsal JSON written by ``data rehearse`` (``assess --data-rehearsal``)."""
    from pydantic import ValidationError

    from crm_readiness.io.yaml_files import read_text, validation_problems

    text = read_text(path)
    try:
        return RehearsalRun.model_validate_json(text)
    except ValidationError as exc:
        head = Problem.of("", "rehearse.err.json")
        raise InputFileError(path, [head, *validation_problems(exc)[:10]]) from None
