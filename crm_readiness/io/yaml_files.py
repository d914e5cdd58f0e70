"""The one way a user's YAML file becomes a model: parse, then trust.

``yaml.safe_load`` semantics (no tags, nothing executed) with every node's
position kept, so a pydantic error at ``questions.3.weight`` is reported with
the file, that path and the line/column where it stands. All problems in a
file are reported at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from crm_readiness.errors import InputFileError, Problem
from crm_readiness.i18n import MessageError, t

M = TypeVar("M", bound=BaseModel)
PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class LoadedYaml:
    """A parsed YAML document and the (line, column) of every node, 1-based."""

    path: Path
    data: Any
    positions: Mapping[PathKey, tuple[int, int]]

    def locate(self, loc: PathKey) -> tuple[int | None, int | None]:
        """Return the position of ``loc`` or of its nearest existing parent."""
        key = tuple(loc)
        while True:
            if key in self.positions:
                return self.positions[key]
            if not key:
                return None, None
            key = key[:-1]


def read_text(path: Path) -> str:
    """Return a text file's content (UTF-8, BOM tolerated) or raise a located error."""
    problem: tuple[str, str] | None = None
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problem = (t("file.not_found", "en"), t("file.not_found", "zh"))
    except IsADirectoryError:
        problem = (t("file.is_dir", "en"), t("file.is_dir", "zh"))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        problem = (t("file.unreadable", "en", reason=reason),
                   t("file.unreadable", "zh", reason=reason))
    if problem is not None:
        raise InputFileError(path, [Problem("", problem[0], problem[1])])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(path, [Problem("", t("file.not_utf8", "en", pos=exc.start),
                                            t("file.not_utf8", "zh", pos=exc.start))]) from None


def _walk(node: yaml.Node, key: PathKey, out: dict[PathKey, tuple[int, int]],
          problems: list[Problem]) -> None:
    out[key] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for k_node, v_node in node.value:
            name = str(k_node.value)
            if name in seen:
                line, col = k_node.start_mark.line + 1, k_node.start_mark.column + 1
                problems.append(Problem(_dotted(key + (name,)),
                                        t("file.yaml_duplicate_key", "en", key=name),
                                        t("file.yaml_duplicate_key", "zh", key=name), line, col))
            seen.add(name)
            child = key + (name,)
            out[child] = (k_node.start_mark.line + 1, k_node.start_mark.column + 1)
            _walk(v_node, child, out, problems)
            # the key's own position is more useful than the value's for "missing"/"extra"
            out[child] = (k_node.start_mark.line + 1, k_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, key + (i,), out, problems)


def parse_yaml(path: Path, text: str) -> LoadedYaml:
    """Parse ``text`` safely; raise :class:`InputFileError` on syntax errors or duplicate keys."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = " ".join(s for s in (exc.context, exc.problem) if s) or str(exc)
        raise InputFileError(path, [Problem(
            "", t("file.yaml_syntax", "en", detail=detail), t("file.yaml_syntax", "zh", detail=detail),
            mark.line + 1 if mark else None, mark.column + 1 if mark else None)]) from None
    except yaml.YAMLError as exc:
        raise InputFileError(path, [Problem("", t("file.yaml_syntax", "en", detail=str(exc)),
                                            t("file.yaml_syntax", "zh", detail=str(exc)))]) from None
    positions: dict[PathKey, tuple[int, int]] = {}
    problems: list[Problem] = []
    if node is not None:
        _walk(node, (), positions, problems)
    if problems:
        raise InputFileError(path, problems)
    return LoadedYaml(path, data, positions)


def load_yaml(path: Path) -> LoadedYaml:
    """Read and parse a YAML file whose top level must be a mapping."""
    loaded = parse_yaml(path, read_text(path))
    if loaded.data is None:
        raise InputFileError(path, [Problem("", t("file.empty", "en"), t("file.empty", "zh"))])
    if not isinstance(loaded.data, dict):
        raise InputFileError(path, [Problem("", t("file.yaml_not_mapping", "en"),
                                            t("file.yaml_not_mapping", "zh"), 1, 1)])
    return loaded


def _dotted(loc: PathKey) -> str:
    return ".".join(str(p) for p in loc)


# pydantic error types → Chinese wording; anything else keeps pydantic's English text.
_ZH: dict[str, str] = {
    "missing": "缺少必填字段",
    "extra_forbidden": "不允许的字段（拼写错误？）",
    "literal_error": "取值无效，应为：{expected}",
    "enum": "取值无效，应为：{expected}",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "decimal_parsing": "应为数字",
    "decimal_type": "应为数字",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "string_type": "应为文本",
    "list_type": "应为列表",
    "dict_type": "应为映射（键: 值）",
    "model_type": "应为映射（键: 值）",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应大于或等于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应小于或等于 {le}",
    "too_short": "至少需要 {min_length} 项",
    "too_long": "最多允许 {max_length} 项",
    "string_too_short": "至少需要 {min_length} 个字符",
    "string_pattern_mismatch": "格式不符合要求：{pattern}",
    "date_parsing": "应为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
    "union_tag_invalid": "类型无效，应为：{expected_tags}",
}


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
    zh_tpl = _ZH.get(etype)
    if zh_tpl is None:
        return msg, None
    try:
        return msg, zh_tpl.format(**{k: v for k, v in ctx.items()})
    except (KeyError, IndexError):
        return msg, zh_tpl


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


def validate_loaded(loaded: LoadedYaml, model: type[M], *,
                    context: dict[str, Any] | None = None) -> M:
    """Validate already-parsed YAML as ``model``; raise a located :class:`InputFileError`."""
    try:
        return model.model_validate(loaded.data, context=context)
    except ValidationError as exc:
        raise InputFileError(loaded.path, validation_problems(exc, loaded)) from None


def dump_yaml(data: Any) -> str:
    """Return ``data`` as block-style YAML that keeps key order and Chinese text readable."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False,
                          width=100)
