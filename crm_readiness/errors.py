"""The error hierarchy and the exit codes it maps to (DESIGN.md "Exit codes").

0 success · 1 a gate the user asked for failed · 2 usage error · 3 invalid
input file · 4 output could not be written · 70 internal error · 130
interrupted · 69 a format needs an optional extra that is not installed
(docs/exit-codes.md). Every error a user can cause is a
:class:`CrmReadinessError`; the CLI turns it into one message and its exit
code. Anything else is a bug: ``cli.main.main()`` prints one bilingual line
and writes the traceback to a file in the temp folder (exit 70).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from crm_readiness.i18n import Lang

EXIT_OK = 0
EXIT_GATE = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_OUTPUT = 4
EXIT_UNAVAILABLE = 69  # EX_UNAVAILABLE of sysexits.h: an optional component is not installed
EXIT_INTERNAL = 70  # EX_SOFTWARE of sysexits.h
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file, located as precisely as known."""

    location: str
    message: str
    message_zh: str | None = None
    line: int | None = None
    column: int | None = None

    @classmethod
    def of(cls, location: str, key: str, line: int | None = None, column: int | None = None,
           **params: object) -> Problem:
        """Return the problem whose message is catalogue entry ``key`` in both languages."""
        from crm_readiness.i18n import t

        return cls(location, t(key, "en", **params), t(key, "zh", **params), line, column)

    def text(self, lang: Lang = "en") -> str:
        """Return the message in ``lang`` (English when no translation exists)."""
        if lang == "zh" and self.message_zh:
            return self.message_zh
        return self.message

    def where(self, lang: Lang = "en") -> str:
        """Return ``location (line L, column C)`` in ``lang``, or as much of it as is known."""
        from crm_readiness.i18n import t

        parts = [self.location] if self.location else []
        if self.line is not None:
            pos = (t("err.at_line_column", lang, line=self.line, column=self.column)
                   if self.column is not None else t("err.at_line", lang, line=self.line))
            parts.append(t("err.position", lang, pos=pos))
        return " ".join(parts)


class CrmReadinessError(Exception):
    """Base of every error a user can cause; carries its exit code."""

    exit_code: ClassVar[int] = EXIT_USAGE

    def __init__(self, message: str, message_zh: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_zh = message_zh

    def __reduce__(self) -> tuple[Any, ...]:
        # pickle (a demo part failing in a worker process) rebuilds the error as it is, without
        # calling a subclass's ``__init__`` with the formatted message as its only argument
        return _rebuild_error, (type(self), self.args, self.__dict__.copy())

    def text(self, lang: Lang = "en") -> str:
        """Return the full message in ``lang``."""
        if lang == "zh" and self.message_zh:
            return self.message_zh
        return self.message


def _rebuild_error(cls: type[CrmReadinessError], args: tuple[Any, ...],
                   state: dict[str, Any]) -> CrmReadinessError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class UsageError(CrmReadinessError):
    """The command line asked for something impossible (exit 2)."""

    exit_code = EXIT_USAGE


@dataclass
class _FileProblems:
    path: Path
    problems: list[Problem] = field(default_factory=list)


class InputFileError(CrmReadinessError):
    """An input file is missing, unreadable or invalid (exit 3).

    Holds every problem found in the file, so the user fixes them in one pass.
    """

    exit_code = EXIT_INPUT

    def __init__(self, path: Path | str, problems: list[Problem]) -> None:
        self.path = Path(path)
        self.problems = list(problems)
        super().__init__(self._render("en"), self._render("zh"))

    def _render(self, lang: Lang) -> str:
        from crm_readiness.i18n import t

        n = len(self.problems)
        key = "err.input_file_one" if n == 1 else "err.input_file_many"
        lines = [t(key, lang, path=str(self.path), n=n)]
        for p in self.problems:
            where = p.where(lang)
            lines.append(f"  - {where}: {p.text(lang)}" if where else f"  - {p.text(lang)}")
        return "\n".join(lines)


class OutputError(CrmReadinessError):
    """An output could not be written, or would overwrite without ``--force`` (exit 4)."""

    exit_code = EXIT_OUTPUT

    def __init__(self, path: Path | str, reason: str, reason_zh: str | None = None) -> None:
        from crm_readiness.i18n import t

        self.path = Path(path)
        self.reason = reason
        super().__init__(t("err.cannot_write", "en", path=str(self.path), reason=reason),
                         t("err.cannot_write", "zh", path=str(self.path),
                           reason=reason_zh or reason))


def file_error(path: Path | str, message: str, message_zh: str | None = None,
               location: str = "") -> InputFileError:
    """Return an :class:`InputFileError` holding a single problem."""
    return InputFileError(path, [Problem(location, message, message_zh)])


class MissingExtraError(CrmReadinessError):
    """A format needs an optional extra that is not installed (exit 69).

    The message names the extra to install (``pip install "crm-readiness[pdf]"``)
    and why it could not be used (not installed, or a system library missing).
    """

    exit_code = EXIT_UNAVAILABLE
