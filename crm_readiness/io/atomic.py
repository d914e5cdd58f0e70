"""Atomic writes: a file is either its old self or its complete new self.

Every output goes to a temporary file in the same folder, is flushed and
fsynced, then renamed over the target (atomic on POSIX and Windows). A
killed process therefore never leaves a half-written answers file or report.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from crm_readiness.errors import OutputError
from crm_readiness.i18n import t


def ensure_dir(path: Path) -> Path:
    """Create folder ``path`` (and parents) or raise :class:`OutputError`."""
    if path.exists() and not path.is_dir():
        raise OutputError(path, t("out.not_dir", "en"), t("out.not_dir", "zh"))
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputError(path, reason) from None
    return path


def check_writable(path: Path, *, force: bool) -> None:
    """Raise :class:`OutputError` when ``path`` exists and ``force`` is not given."""
    if path.exists() and not force:
        raise OutputError(path, t("out.exists", "en"), t("out.exists", "zh"))


def write_bytes(path: Path, data: bytes, *, force: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically; refuse to replace a file unless ``force``."""
    check_writable(path, force=force)
    ensure_dir(path.parent)
    fd = -1
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fd = -1
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            with contextlib.suppress(OSError):
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
        tmp = ""
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc)) from None
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return path


def write_text(path: Path, text: str, *, force: bool = True) -> Path:
    """Write UTF-8 ``text`` to ``path`` atomically (see :func:`write_bytes`)."""
    return write_bytes(path, text.encode("utf-8"), force=force)
