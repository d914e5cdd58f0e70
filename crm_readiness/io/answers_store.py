"""The one read-merge-write of YAML files people edit: locked, comment-preserving, atomic.

Every change the tool makes to an existing user YAML file goes through
:func:`update_store`: answers files (an interactive answer, a questionnaire
import, a workshop merge) through :func:`update_answers`, and the vendors file
(``vendors import``), panel scores and demonstration outcomes files directly:

1. take an advisory lock beside the file (``filelock``: cross-platform, and
   the OS releases it when a process dies), waiting at most ``timeout``
   seconds; a lock held longer is reported (exit 4) with the lock file named;
2. read and validate the file with the one YAML reader;
3. apply the caller's change to the validated model and validate the result;
4. write it back in round-trip mode (``ruamel.yaml``): only what changed is
   touched, so comments, key order and quoting stay as the user wrote them;
5. check that the written text reads back as exactly the new answers (else
   fall back to a plain rewrite), then rename it into place atomically,
   through a symbolic link if the file is one.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from crm_readiness.errors import InputFileError, OutputError
from crm_readiness.i18n import t
from crm_readiness.io.atomic import real_target

if TYPE_CHECKING:
    from crm_readiness.models.answers import AnswersFile
    from crm_readiness.models.checklist import ChecklistSet

#: how long a writer waits for another one to finish (a save takes milliseconds)
LOCK_TIMEOUT = 30.0

Mutate = Callable[["AnswersFile"], "AnswersFile"]
S = TypeVar("S")


def lock_path(path: Path) -> Path:
    """Return the lock file of answers file ``path`` (beside the real file, through links)."""
    real = real_target(Path(path))
    return real.with_name(f".{real.name}.lock")


@contextmanager
def answers_lock(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[Path]:
    """Hold the advisory lock of answers file ``path``; raise :class:`OutputError` after ``timeout``."""
    from filelock import FileLock, Timeout

    lock_file = lock_path(path)
    lock = FileLock(str(lock_file), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        params = {"lock": lock_file, "seconds": f"{timeout:g}"}
        raise OutputError(path, t("out.locked", "en", **params),
                          t("out.locked", "zh", **params)) from None
    except OSError as exc:
        raise OutputError(lock_file, exc.strerror or str(exc)) from None
    try:
        yield lock_file
    finally:
        lock.release()


def _plain_is_string(text: str) -> bool:
    """Whether ``text`` written unquoted reads back as a string under YAML 1.1 too (PyYAML)."""
    import yaml

    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return bool(tag == "tag:yaml.org,2002:str")


_KEY = re.compile(r"^( *)[^\s#-][^#]*:\s*(#.*)?$")
_ITEM = re.compile(r"^( *)- ")


def _indents(text: str) -> tuple[int, int]:
    """Return (mapping indent, dash offset) the file uses for block collections (2, 0 if unsure)."""
    mapping, offset = 0, -1
    prev: int | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        item = _ITEM.match(line)
        if item and prev is not None and offset < 0:
            offset = max(0, indent - prev)
        elif not item and prev is not None and indent > prev and not mapping:
            mapping = indent - prev
        key = _KEY.match(line)
        prev = indent if key else None
    return mapping or 2, max(offset, 0)


def _yaml(text: str = "") -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.representer import RoundTripRepresenter

    class Representer(RoundTripRepresenter):
        """Quote new strings such as ``yes`` or ``010`` that YAML 1.1 readers would retype."""

        def represent_str(self, data: str) -> Any:
            if not _plain_is_string(data):
                return self.represent_scalar("tag:yaml.org,2002:str", data, style='"')
            return super().represent_str(data)

    Representer.add_representer(str, Representer.represent_str)
    y = YAML(typ="rt")
    y.Representer = Representer
    y.preserve_quotes = True
    y.width = 4096
    mapping, offset = _indents(text)
    y.indent(mapping=mapping, sequence=offset + 2, offset=offset)
    return y


def _same(node: Any, value: Any) -> bool:
    return type(node) is type(value) and bool(node == value)


def _commented(value: Any) -> Any:
    """Return ``value`` as round-trip nodes (so a comment can be attached to its last entry)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict) and not isinstance(value, CommentedMap):
        return CommentedMap((k, _commented(v)) for k, v in value.items())
    if isinstance(value, list) and not isinstance(value, CommentedSeq):
        return CommentedSeq(_commented(v) for v in value)
    return value


def _tail_slot(node: Any) -> tuple[list[Any], int] | None:
    """Return (comment entry, index) of the last block entry of ``node``, or None.

    ruamel keeps the whole-line comments and blank lines that follow a block
    collection on its last scalar entry; they belong to whatever comes next.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    while isinstance(node, CommentedMap | CommentedSeq) and node and not node.fa.flow_style():
        key: Any = next(reversed(node)) if isinstance(node, CommentedMap) else len(node) - 1
        child = node[key]
        if isinstance(child, CommentedMap | CommentedSeq) and child and not child.fa.flow_style():
            node = child
            continue
        at = 2 if isinstance(node, CommentedMap) else 0
        entry = node.ca.items.setdefault(key, [None, None, None, None][:4 if at else 2])
        return entry, at
    return None


def _take_tail(node: Any) -> str | None:
    """Detach the lines that follow ``node``'s last entry (its own end-of-line comment stays)."""
    slot = _tail_slot(node)
    token = slot[0][slot[1]] if slot else None
    if token is None or "\n" not in token.value:
        return None
    eol, _, rest = str(token.value).partition("\n")
    if not rest:
        return None
    token.value = eol + "\n"
    return rest


def _put_tail(node: Any, rest: str | None) -> None:
    """Attach the detached following lines ``rest`` after ``node``'s (new) last entry."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    slot = _tail_slot(node) if rest else None
    if slot is None or rest is None:
        return
    entry, at = slot
    if entry[at] is None:
        entry[at] = CommentToken("\n" + rest, CommentMark(0), None)
    else:
        entry[at].value = entry[at].value.rstrip("\n") + "\n" + rest


def _apply(node: Any, old: Any, new: Any) -> Any:
    """Return ``node`` (the round-trip document at this place) changed from ``old`` to ``new``.

    Parts where ``old == new`` are left exactly as they are in the document.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if old == new and node is not None:
        return node
    if isinstance(new, dict) and isinstance(node, CommentedMap):
        before = old if isinstance(old, dict) else {}
        gone = [k for k in before if k not in new and k in node]
        rest = _take_tail(node) if gone or any(k not in node for k in new) else None
        for key in gone:
            node.pop(key)
        for key, value in new.items():
            if key in node:
                node[key] = _apply(node[key], before.get(key), value)
            else:
                node[key] = _commented(value)
        _put_tail(node, rest)
        return node
    if isinstance(new, list) and isinstance(node, CommentedSeq):
        prior: list[Any] = old if isinstance(old, list) and len(old) == len(node) else [None] * len(node)
        rest = _take_tail(node) if len(new) != len(node) else None
        for i, value in enumerate(new[:len(node)]):
            node[i] = _apply(node[i], prior[i], value)
        del node[len(new):]
        node.extend(_commented(v) for v in new[len(node):])
        _put_tail(node, rest)
        return node
    if isinstance(node, CommentedMap | CommentedSeq):  # replaced (a map became a list…)
        rest = _take_tail(node)
        value = _commented(new)
        _put_tail(value, rest)  # the lines after it stay after it (lost only to a scalar)
        return value
    if not _same(node, new):
        return new
    return node


def round_trip_text(text: str, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """Return ``text`` with ``old`` changed to ``new`` in place, comments kept; None if impossible."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    y = _yaml(text)
    try:
        doc = y.load(text)
    except (YAMLError, ValueError):
        return None
    if not isinstance(doc, CommentedMap):
        return None
    _apply(doc, old, new)
    buf = io.StringIO()
    y.dump(doc, buf)
    return buf.getvalue()


def _reads_back(path: Path, text: str, load: Callable[[Path], S],
                to_data: Callable[[S], dict[str, Any]], expected: dict[str, Any]) -> bool:
    """Whether ``text`` (a candidate for ``path``) loads back as ``expected`` through ``load``."""
    from crm_readiness.io.atomic import fill_temp, new_temp, remove_quietly

    tmp = new_temp(real_target(path))
    try:
        fill_temp(tmp, text.encode("utf-8"))
        return to_data(load(tmp)) == expected
    except InputFileError:
        return False
    finally:
        remove_quietly(tmp)


def update_store(path: Path, load: Callable[[Path], S], to_data: Callable[[S], dict[str, Any]],
                 render: Callable[[S], str], mutate: Callable[[S], S], *, empty: S | None = None,
                 timeout: float = LOCK_TIMEOUT) -> tuple[S, bool]:
    """The one locked read-merge-write of a YAML file people edit; return (new content, written).

    Locks ``path``, loads it as it is now (``empty`` when it does not exist and ``empty``
    is given; otherwise a missing file is exit 3), applies ``mutate`` and, when the data
    changed, writes it back atomically through symlinks: edited in place so comments,
    key order and quoting stay where the data did not change (when the edited text loads
    back as the new data), else rendered afresh by ``render``. Concurrent writers never
    lose each other's changes.
    """
    from crm_readiness.io.atomic import write_text
    from crm_readiness.io.yaml_files import read_text

    with answers_lock(path, timeout):
        text: str | None = None
        if empty is not None and not path.is_file():
            before = empty
        else:
            text = read_text(path)
            before = load(path)
        after = mutate(before)
        old, new = to_data(before), to_data(after)
        if text is not None and old == new:
            return after, False
        body = render(after)
        if text is not None:
            kept = round_trip_text(text, old, new)
            if kept is not None and _reads_back(path, kept, load, to_data, new):
                body = kept
        write_text(path, body, force=True)
        return after, True


def update_answers(path: Path, mutate: Mutate, *, checklists: ChecklistSet | None = None,
                   timeout: float = LOCK_TIMEOUT) -> AnswersFile:
    """Lock, read, ``mutate``, validate and write back answers file ``path``; return the new answers.

    ``mutate`` receives the answers as they are on disk now (not as some earlier
    read saw them), so concurrent writers never lose each other's answers. The
    file must exist (a missing or invalid one is exit 3); new files are written
    with :func:`create_answers`.
    """
    from crm_readiness.io.assessment import (
        answers_text,
        answers_to_data,
        check_answers,
        load_answers,
        load_answers_file,
    )
    from crm_readiness.models.answers import AnswersFile

    def change(before: AnswersFile) -> AnswersFile:
        after = AnswersFile.model_validate(answers_to_data(mutate(before)))  # copies skip it
        if checklists is not None:
            problems = check_answers(after, checklists)
            if problems:
                raise InputFileError(path, problems)
        return after

    def load(p: Path) -> AnswersFile:
        return load_answers(p, checklists) if checklists else load_answers_file(p)

    return update_store(path, load, answers_to_data, answers_text, change, timeout=timeout)[0]


def create_answers(path: Path, answers: AnswersFile, *, force: bool,
                   timeout: float = LOCK_TIMEOUT) -> Path:
    """Write a new answers file under the lock (an existing one needs ``force``)."""
    from crm_readiness.io.assessment import answers_text
    from crm_readiness.io.atomic import write_text

    with answers_lock(path, timeout):
        return write_text(path, answers_text(answers), force=force)

