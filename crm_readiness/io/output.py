"""The one output writer: a command declares all its targets, then they are written together.

``OutputSet.commit()`` works in three steps, so no command leaves a partial
set of outputs behind:

1. **Preflight** every target before anything is rendered or written: it is
   not a folder; its folder exists (or can be created) and is writable; an
   *editable* target (a file people edit: workbooks, starter files, answers)
   that already exists needs ``--force``. Regenerated reports are replaced.
2. **Stage**: render each target into a temporary file beside it and fsync it.
3. **Install**: only when every temporary file is complete, rename them all
   into place. On any failure before this step every temporary file (and any
   folder the set created) is removed and every existing file is untouched.

A target that is a symbolic link is written through (the link's target is
replaced, the link stays). See docs/outputs.md for the overwrite rule.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crm_readiness.errors import OutputError
from crm_readiness.i18n import t
from crm_readiness.io.atomic import fill_temp, new_temp, real_target, remove_quietly, set_mode, sync_file

Content = bytes | Callable[[], bytes]
StreamWriter = Callable[[Path], None]


@dataclass
class _Target:
    path: Path
    content: Content | None
    stream: StreamWriter | None
    editable: bool
    real: Path | None = None
    tmp: Path | None = None


def _error(path: Path, key: str, **params: object) -> OutputError:
    return OutputError(path, t(key, "en", **params), t(key, "zh", **params))


def _failed(path: Path, exc: OSError) -> OutputError:
    reason = exc.strerror or str(exc)
    return _error(path, "out.write_failed", reason=reason)


def _existing_ancestor(folder: Path) -> Path:
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return probe


def _not_writable(folder: Path) -> str | None:
    """Why files cannot be created in ``folder`` (None when they can): permissions, then a probe."""
    if not os.access(folder, os.W_OK | os.X_OK):
        return os.strerror(errno.EACCES)
    try:
        probe = new_temp(folder / ".crm-readiness-probe")
    except OSError as exc:  # a full disk, a read-only mount, a quota
        return exc.strerror or str(exc)
    remove_quietly(probe)
    return None


class OutputSet:
    """All the files one command writes, preflighted together and installed together."""

    def __init__(self, *, force: bool) -> None:
        self.force = force
        self._targets: list[_Target] = []

    def __len__(self) -> int:
        return len(self._targets)

    @property
    def paths(self) -> list[Path]:
        """The targets declared so far, in order."""
        return [x.path for x in self._targets]

    def _push(self, target: _Target) -> Path:
        key = os.path.abspath(target.path)
        if any(os.path.abspath(x.path) == key for x in self._targets):
            raise ValueError(f"output {target.path} declared twice")  # a bug, not a user error
        self._targets.append(target)
        return target.path

    def add(self, path: Path, content: Content, *, editable: bool = False) -> Path:
        """Declare ``path`` with its bytes, or a callable rendering them at commit time."""
        return self._push(_Target(Path(path), content, None, editable))

    def add_stream(self, path: Path, write: StreamWriter, *, editable: bool = False) -> Path:
        """Declare ``path`` filled by ``write(tmp_path)`` (for large streamed outputs)."""
        return self._push(_Target(Path(path), None, write, editable))

    def preflight(self) -> None:
        """Check every target; raise :class:`OutputError` (exit 4) naming the first refused one."""
        seen: dict[str, Path] = {}
        for x in self._targets:
            real = real_target(x.path)
            key = os.path.normcase(os.path.abspath(real))
            if key in seen:
                raise ValueError(f"outputs {seen[key]} and {x.path} are the same file")
            seen[key] = x.path
            if real.is_dir():
                raise _error(x.path, "out.is_dir")
            if x.editable and real.exists() and not self.force:
                raise _error(x.path, "out.exists")
            folder = _existing_ancestor(real.parent)
            if not folder.is_dir():
                raise _error(x.path, "out.parent_not_dir", folder=folder)
            why = _not_writable(folder)
            if why is not None:
                raise _error(x.path, "out.not_writable", folder=folder, reason=why)
            x.real = real

    def commit(self, on_stage: Callable[[Path, int, int], None] | None = None) -> list[Path]:
        """Preflight, stage every target, then install them all; return the paths written.

        ``on_stage(path, n, total)`` is called before the n-th target (from 0) is
        rendered, for progress reports.
        """
        self.preflight()
        created: list[Path] = []
        done = False
        try:
            for n, x in enumerate(self._targets):
                if on_stage is not None:
                    on_stage(x.path, n, len(self._targets))
                self._stage(x, created)
            for x in self._targets:
                assert x.real is not None and x.tmp is not None
                try:
                    os.replace(x.tmp, x.real)
                except OSError as exc:
                    raise _failed(x.path, exc) from None
                x.tmp = None
            done = True
        finally:
            self._cleanup(created, failed=not done)
        return self.paths

    def _stage(self, x: _Target, created: list[Path]) -> None:
        assert x.real is not None
        missing = [p for p in (x.real.parent, *x.real.parent.parents) if not p.exists()]
        try:
            for folder in reversed(missing):
                folder.mkdir()
                created.append(folder)
            x.tmp = new_temp(x.real)
            if x.stream is not None:
                x.stream(x.tmp)
                sync_file(x.tmp)
            else:
                assert x.content is not None
                data = x.content() if callable(x.content) else x.content
                fill_temp(x.tmp, data)
            set_mode(x.tmp, x.real)
        except OutputError as exc:
            raise _error(x.path, "out.write_failed", reason=exc.reason) from None
        except OSError as exc:
            raise _failed(x.path, exc) from None

    def _cleanup(self, created: list[Path], *, failed: bool) -> None:
        for x in self._targets:
            if x.tmp is not None:
                remove_quietly(x.tmp)
                x.tmp = None
        if failed:
            for folder in reversed(created):
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only folders this set created, and only when empty
