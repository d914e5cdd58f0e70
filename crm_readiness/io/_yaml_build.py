"""Build Python data from a YAML event stream in one pass, with limits and positions.

The parser (libyaml through ``yaml.CSafeLoader`` when available, else the pure
Python ``SafeLoader``) produces events; this module turns them into dicts,
lists and scalars with an explicit stack, so nesting depth costs no Python
recursion. Every limit is checked as the events arrive: a document nested
deeper than :data:`MAX_DEPTH`, or whose aliases would expand to more than
:data:`MAX_ALIAS_NODES` nodes, is refused before it is built.

Plain scalars are typed the YAML 1.2 core way: only ``true``/``false`` are
booleans, ``010`` is the integer 10 (``0o10`` is octal), ``yes``/``no``/``on``/
``off`` and dates stay strings. Mapping keys always stay the text written.
The text of every plain scalar that became a number, boolean or null is kept,
so a model that wants text gets the text back (see ``yaml_files``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

PathKey = tuple[str | int, ...]

MAX_DEPTH = 64
MAX_ALIASES = 1_000
MAX_ALIAS_NODES = 100_000
MAX_SCALAR_CHARS = 1_048_576

_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")
_TAG = "tag:yaml.org,2002:"


class BuildError(Exception):
    """A problem that stops the build: ``key`` names the catalogue message."""

    def __init__(self, key: str, line: int | None, column: int | None, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.line = line
        self.column = column
        self.params = params


@dataclass
class Built:
    """The document, the position of every node and the text of every re-typed plain scalar."""

    data: Any
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    plain: dict[PathKey, str] = field(default_factory=dict)
    duplicates: list[tuple[PathKey, str, int, int]] = field(default_factory=list)



def resolve_plain(text: str, line: int, column: int) -> Any:
    """Return the value of a plain (unquoted, untagged) scalar, YAML 1.2 core schema."""
    if len(text) > 64 or not text:
        return text or None
    low = text.lower()
    if low in ("null", "~"):
        return None
    if low == "true":
        return True
    if low == "false":
        return False
    if _INT.fullmatch(text):  # 64 characters never reach Python's int-digits limit
        return int(text, 10)
    if _OCT.fullmatch(text):
        return int(text[2:], 8)
    if _HEX.fullmatch(text):
        return int(text[2:], 16)
    if _FLOAT.fullmatch(text):
        value = float(text)
        if math.isinf(value):
            raise BuildError("file.yaml_number_too_large", line, column, value=text[:40])
        return value
    if _INF.fullmatch(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.fullmatch(text):
        return math.nan
    return text


def _tagged(tag: str, text: str, line: int, column: int) -> Any:
    name = tag[len(_TAG):] if tag.startswith(_TAG) else tag
    if name in ("str", "timestamp"):  # dates stay text; the model parses them
        return text
    value = resolve_plain(text, line, column)
    wanted = {"int": int, "float": float, "bool": bool, "null": type(None)}.get(name)
    if wanted is None:
        raise BuildError("file.yaml_unknown_tag", line, column, tag=tag)
    if name == "float" and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, wanted) or (name == "int" and isinstance(value, bool)):
        raise BuildError("file.yaml_bad_tagged", line, column, tag=tag, value=text[:40])
    return value


class _Frame:
    __slots__ = ("anchor", "container", "key", "nodes", "path")

    def __init__(self, container: dict[str, Any] | list[Any], path: PathKey,
                 anchor: str | None) -> None:
        self.container = container
        self.path = path
        self.anchor = anchor
        self.key: str | None = None  # a mapping's pending key
        self.nodes = 1


def _pos(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _key_text(value: Any, line: int, column: int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    raise BuildError("file.yaml_bad_key", line, column)


def build(parser: Any) -> Built | None:
    """Consume ``parser``'s events; return the first document (``None`` for an empty stream)."""
    out = Built(None)
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int]] = {}
    aliases = 0
    alias_nodes = 0
    done = False
    started = False
    while True:
        event = parser.get_event()
        kind = type(event)
        if kind is yaml.StreamEndEvent:
            break
        if kind is yaml.StreamStartEvent or kind is yaml.DocumentEndEvent:
            continue
        if kind is yaml.DocumentStartEvent:
            if started:
                line, col = _pos(event)
                raise BuildError("file.yaml_multiple_documents", line, col)
            started = True
            continue
        line, col = _pos(event)
        if stack:
            top = stack[-1]
            if isinstance(top.container, dict) and top.key is None and kind in (
                    yaml.MappingStartEvent, yaml.SequenceStartEvent):
                raise BuildError("file.yaml_bad_key", line, col)
            slot: str | int = len(top.container) if isinstance(top.container, list) else (
                top.key or "")  # a key in its own slot is never given a path
            path = top.path + (slot,)
        else:
            path = ()
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if len(stack) >= MAX_DEPTH:
                raise BuildError("file.yaml_too_deep", line, col, limit=MAX_DEPTH)
            if event.tag not in (None, "!", _TAG + "map", _TAG + "seq"):
                raise BuildError("file.yaml_unknown_tag", line, col, tag=event.tag)
            if not stack or not isinstance(stack[-1].container, dict) or stack[-1].key is None:
                out.positions.setdefault(path, (line, col))
            container: dict[str, Any] | list[Any] = (
                {} if kind is yaml.MappingStartEvent else [])
            stack.append(_Frame(container, path, event.anchor))
            continue
        nodes = 1
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            frame = stack.pop()
            value: Any = frame.container
            nodes = frame.nodes
            if frame.anchor is not None:
                anchors[frame.anchor] = (value, nodes)
            path = frame.path
        elif kind is yaml.AliasEvent:
            if event.anchor not in anchors:
                raise BuildError("file.yaml_unknown_anchor", line, col, anchor=event.anchor)
            value, nodes = anchors[event.anchor]
            aliases += 1
            alias_nodes += nodes
            if aliases > MAX_ALIASES:
                raise BuildError("file.yaml_too_many_aliases", line, col, limit=MAX_ALIASES)
            if alias_nodes > MAX_ALIAS_NODES:
                raise BuildError("file.yaml_alias_expansion", line, col, limit=MAX_ALIAS_NODES)
        else:  # ScalarEvent
            text = event.value
            if len(text) > MAX_SCALAR_CHARS:
                raise BuildError("file.yaml_scalar_too_long", line, col, limit=MAX_SCALAR_CHARS)
            key_slot = bool(stack) and isinstance(stack[-1].container, dict) and (
                stack[-1].key is None)
            if event.tag not in (None, "!"):
                value = _tagged(event.tag, text, line, col)
            elif not event.style and event.implicit[0] and not key_slot:
                value = resolve_plain(text, line, col)
                if not isinstance(value, str):
                    out.plain[path] = text
            else:
                value = text
            if event.anchor is not None:
                anchors[event.anchor] = (value, 1)
        if not stack:
            out.data = value
            done = True
            continue
        top = stack[-1]
        top.nodes += nodes
        if isinstance(top.container, list):
            top.container.append(value)
            out.positions.setdefault(path, (line, col))
        elif top.key is None:
            name = _key_text(value, line, col)
            kpath = top.path + (name,)
            if name in top.container:
                out.duplicates.append((kpath, name, line, col))
            top.key = name
            out.positions[kpath] = (line, col)
        else:
            top.container[top.key] = value
            top.key = None
    return out if done else None
