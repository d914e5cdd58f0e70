"""Atomic writes: a file is either its old self or its complete new self.

Every output goes to a temporary file in the same folder as its target, is
flushed and fsynced, then renamed over the target (atomic on POSIX and
Windows). A killed process therefore never leaves a half-written answers file
or report. A target that is a symbolic link is written *through*: the file the
link points to is replaced and the link itself stays a link. The file mode of
a replaced file is kept.

The pieces here are used by :class:`crm_readiness.io.output.OutputSet` (every
command's writes) and by :func:`write_bytes` (one file, through the same set).
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


def real_target(path: Path) -> Path:
    """Return the file a write to ``path`` must replace: the link's target for a symlink."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def new_temp(real: Path) -> Path:
    """Create an empty temporary file beside ``real`` and return its path (raises OSError)."""
    fd, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    os.close(fd)
    return Path(name)


def fill_temp(tmp: Path, data: bytes) -> None:
    """Write ``data`` into ``tmp`` and fsync it (raises OSError)."""
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def sync_file(tmp: Path) -> None:
    """Flush a file another writer filled to disk (raises OSError)."""
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())


def set_mode(tmp: Path, real: Path) -> None:
    """Give ``tmp`` the mode of the file it replaces, or the umask default for a new file."""
    with contextlib.suppress(OSError):
        if real.exists():
            os.chmod(tmp, real.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)


def remove_quietly(path: Path) -> None:
    """Delete ``path`` if it exists, ignoring errors (cleanup of temporary files)."""
    with contextlib.suppress(OSError):
        path.unlink()


def write_bytes(path: Path, data: bytes, *, force: bool) -> Path:
    """Write ``data`` to ``path`` atomically; refuse to replace a file unless ``force``.

    The same code as every command's output set (one editable target).
    """
    from crm_readiness.io.output import OutputSet

    outputs = OutputSet(force=force)
    outputs.add(path, data, editable=True)
    return outputs.commit()[0]


def write_text(path: Path, text: str, *, force: bool) -> Path:
    """Write UTF-8 ``text`` to ``path`` atomically (see :func:`write_bytes`)."""
    return write_bytes(path, text.encode("utf-8"), force=force)
