"""The one way a user's YAML file becomes a model: parse once, then trust.

Safe YAML (no tags beyond the core ones, nothing executed), parsed once by
libyaml when it is available, built iteratively with every node's position
kept, so a pydantic error at ``questions.3.weight`` is reported with the file,
that path and the line/column where it stands. All problems in a file are
reported at once. Limits (file size, nesting depth, alias expansion, scalar
length) make a hostile file a located exit-3 error in well under a second;
see ``crm_readiness.io._yaml_build`` and ``docs/dev/mechanisms.md``.

Plain scalars follow YAML 1.2: ``yes``/``no``/``on``/``off`` and dates stay
text, ``010`` is 10; where a model wants text (a string, an enum or literal)
the text as written is given to it instead of the number or boolean.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from crm_readiness.errors import InputFileError, Problem
from crm_readiness.i18n import MessageError, t
from crm_readiness.io import _yaml_build as B

M = TypeVar("M", bound=BaseModel)
PathKey = tuple[str | int, ...]

#: Largest YAML file read (bytes); ``CRM_READINESS_YAML_MAX_BYTES`` overrides it.
MAX_YAML_BYTES = 10 * 1024 * 1024
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# pydantic error types meaning "this field wants text": the plain scalar's text is offered
_TEXT_ERRORS = frozenset({"string_type", "literal_error", "enum"})


@dataclass(frozen=True)
class LoadedYaml:
    """A parsed YAML document and the (line, column) of every node, 1-based.

    ``plain`` holds the text of every plain scalar that became a number, a
    boolean or null, by its path, so a model that wants text can get it back.
    """

    path: Path
    data: Any
    positions: Mapping[PathKey, tuple[int, int]]
    plain: Mapping[PathKey, str] = field(default_factory=dict)

    def locate(self, loc: PathKey) -> tuple[int | None, int | None]:
        """Return the position of ``loc`` or of its nearest existing parent."""
        key = tuple(loc)
        while True:
            if key in self.positions:
                return self.positions[key]
            if not key:
                return None, None
            key = key[:-1]


def max_yaml_bytes() -> int:
    """Return the YAML file-size limit (``CRM_READINESS_YAML_MAX_BYTES`` or the default)."""
    raw = os.environ.get("CRM_READINESS_YAML_MAX_BYTES", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else MAX_YAML_BYTES


def _fail(path: Path, key: str, line: int | None = None, column: int | None = None,
          **params: object) -> InputFileError:
    return InputFileError(path, [Problem("", t(key, "en", **params), t(key, "zh", **params),
                                         line, column)])


def read_text(path: Path, *, max_bytes: int | None = None) -> str:
    """Return a text file's content (UTF-8, BOM tolerated) or raise a located error.

    With ``max_bytes`` a larger file is refused before it is read.
    """
    try:
        if max_bytes is not None and path.stat().st_size > max_bytes:
            raise _fail(path, "file.too_large", size=path.stat().st_size, limit=max_bytes)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _fail(path, "file.not_found") from None
    except IsADirectoryError:
        raise _fail(path, "file.is_dir") from None
    except OSError as exc:
        raise _fail(path, "file.unreadable", reason=exc.strerror or str(exc)) from None
    if max_bytes is not None and len(raw) > max_bytes:  # grew, or a special file
        raise _fail(path, "file.too_large", size=len(raw), limit=max_bytes)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(path, "file.not_utf8", pos=exc.start) from None


def _offset_position(text: str, offset: int, *, in_bytes: bool) -> tuple[int, int]:
    before = text.encode("utf-8")[:offset].decode("utf-8", "replace") if in_bytes else (
        text[:offset])
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def parse_yaml(path: Path, text: str) -> LoadedYaml:
    """Parse ``text`` safely; raise :class:`InputFileError` on syntax errors or duplicate keys."""
    loader = _LOADER(text)
    try:
        built = B.build(loader)
    except B.BuildError as exc:
        raise _fail(path, exc.key, exc.line, exc.column, **exc.params) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = " ".join(s for s in (exc.context, exc.problem) if s) or str(exc)
        raise _fail(path, "file.yaml_syntax", mark.line + 1 if mark else None,
                    mark.column + 1 if mark else None, detail=detail) from None
    except yaml.reader.ReaderError as exc:
        line, col = _offset_position(text, exc.position, in_bytes=_LOADER is not yaml.SafeLoader)
        raise _fail(path, "file.yaml_bad_character", line, col,
                    code=f"U+{exc.character:04X}" if isinstance(exc.character, int)
                    else repr(exc.character)) from None
    except yaml.YAMLError as exc:
        raise _fail(path, "file.yaml_syntax", detail=str(exc)) from None
    finally:
        loader.dispose()
    if built is None:
        return LoadedYaml(path, None, {})
    problems = [Problem(_dotted(kpath), t("file.yaml_duplicate_key", "en", key=name),
                        t("file.yaml_duplicate_key", "zh", key=name), line, col)
                for kpath, name, line, col in built.duplicates]
    if problems:
        raise InputFileError(path, problems)
    return LoadedYaml(path, built.data, built.positions, built.plain)


def load_yaml(path: Path) -> LoadedYaml:
    """Read and parse a YAML file whose top level must be a mapping."""
    loaded = parse_yaml(path, read_text(path, max_bytes=max_yaml_bytes()))
    if loaded.data is None:
        raise _fail(path, "file.empty")
    if not isinstance(loaded.data, dict):
        raise _fail(path, "file.yaml_not_mapping", 1, 1)
    return loaded


def _dotted(loc: PathKey) -> str:
    return ".".join(str(p) for p in loc)


# pydantic error types with a Chinese wording in the catalogue (``pyd.<type>``); any
# other type keeps pydantic's English text in both languages.
_ZH_TYPES = frozenset({
    "missing", "extra_forbidden", "literal_error", "enum", "int_parsing", "int_type",
    "int_from_float", "float_parsing", "float_type", "decimal_parsing", "decimal_type",
    "bool_parsing", "bool_type", "string_type", "list_type", "dict_type", "model_type",
    "greater_than", "greater_than_equal", "less_than", "less_than_equal", "too_short",
    "too_long", "string_too_short", "string_pattern_mismatch", "date_parsing",
    "date_from_datetime_parsing", "union_tag_invalid",
})


def _message(err: Mapping[str, Any]) -> tuple[str, str | None]:
    msg = str(err.get("msg", ""))
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    etype = str(err.get("type", ""))
    ctx = err.get("ctx") or {}
    error = ctx.get("error")
    if isinstance(error, MessageError):  # our validators raise a catalogue key
        return error.text("en"), error.text("zh")
    if etype == "value_error":
        return msg, None
    if etype not in _ZH_TYPES:
        return msg, None
    try:
        return msg, t(f"pyd.{etype}", "zh", **dict(ctx))
    except (KeyError, IndexError):
        return msg, t(f"pyd.{etype}", "zh")


def _clean_loc(loc: tuple[Any, ...], *, drop_names: bool) -> PathKey:
    """Drop the validator tags pydantic inserts (``function-after[...]``) and, without the
    document to check against, the model names of union branches."""
    out: list[str | int] = []
    for part in loc:
        if isinstance(part, int):
            out.append(part)
        elif "[" in str(part) or (drop_names and str(part)[:1].isupper()):
            continue
        else:
            out.append(str(part))
    return tuple(out)


def _fit_loc(loc: PathKey, data: Any) -> PathKey:
    """Keep only the parts of a pydantic location that exist in the document.

    Pydantic inserts union tags and branch model names (``when``, ``choices``,
    ``RiskRule``) and list indices for values the file wrote as a single item;
    walking the parsed document tells them apart from real keys such as ``A-1``.
    The last part is kept even when absent: a missing field is named by it.
    """
    out: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            out.append(part)
            node = node[part]
        elif last or node is None or not isinstance(node, dict | list):
            out.append(part)
            node = None
        # otherwise: a union tag, branch name or added index that the file does not hold
    return tuple(out)


def validation_problems(exc: ValidationError, loaded: LoadedYaml | None = None,
                        prefix: PathKey = ()) -> list[Problem]:
    """Turn a pydantic error into located problems, one per error."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for err in exc.errors(include_url=False):
        raw = tuple(err.get("loc", ()))
        if loaded is not None and not prefix:
            loc = _fit_loc(_clean_loc(raw, drop_names=False), loaded.data)
        else:
            loc = prefix + _clean_loc(raw, drop_names=True)
        en, zh = _message(err)
        if (_dotted(loc), en) in seen:
            continue
        seen.add((_dotted(loc), en))
        line, col = loaded.locate(loc) if loaded else (None, None)
        problems.append(Problem(_dotted(loc), en, zh, line, col))
    return problems


def load_model(path: Path, model: type[M], *, context: dict[str, Any] | None = None) -> M:
    """Load ``path`` as YAML and validate it as ``model``, reporting every problem at once."""
    loaded = load_yaml(path)
    return validate_loaded(loaded, model, context=context)


def _data_path(loc: tuple[Any, ...], data: Any) -> PathKey:
    """Return the parts of a pydantic location that walk the document (tags skipped)."""
    out: list[str | int] = []
    node = data
    for part in loc:
        in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
        if in_dict or (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            out.append(part)
            node = node[part]
    return tuple(out)


def _get(data: Any, path: PathKey) -> Any:
    for part in path:
        data = data[part]
    return data


def _with(data: Any, path: PathKey, value: Any) -> Any:
    """Return ``data`` with the node at ``path`` replaced (containers on the way copied)."""
    if not path:
        return value
    copy: Any = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _with(data[path[0]], path[1:], value)
    return copy


def _text_fixes(exc: ValidationError, loaded: LoadedYaml, data: Any) -> dict[PathKey, str]:
    fixes: dict[PathKey, str] = {}
    for err in exc.errors(include_url=False):
        if err.get("type") not in _TEXT_ERRORS:
            continue
        where = _data_path(tuple(err.get("loc", ())), data)
        text = loaded.plain.get(where)
        if text is not None and not isinstance(_get(data, where), str):
            fixes[where] = text
    return fixes


def validate_loaded(loaded: LoadedYaml, model: type[M], *,
                    context: dict[str, Any] | None = None) -> M:
    """Validate already-parsed YAML as ``model``; raise a located :class:`InputFileError`.

    A plain scalar typed as a number or boolean that the model wants as text
    (``010`` as an id, ``true`` as an enum value) is retried as the text written.
    """
    data = loaded.data
    for attempt in range(8):
        try:
            return model.model_validate(data, context=context)
        except ValidationError as exc:
            fixes = _text_fixes(exc, loaded, data) if attempt < 7 else {}
            if not fixes:
                raise InputFileError(loaded.path, validation_problems(exc, loaded)) from None
            for where, text in fixes.items():
                data = _with(data, where, text)
    raise AssertionError("unreachable")  # pragma: no cover


def dump_yaml(data: Any) -> str:
    """Return ``data`` as block-style YAML that keeps key order and Chinese text readable."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False,
                          width=100)
