"""What every command shares: the error policy, the language and format options, consoles.

Heavy libraries are never imported here at module level: ``crm-readiness
--help`` must start about as fast as a bare Typer program.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar

import typer

from crm_readiness.cli._help import remember
from crm_readiness.errors import EXIT_INTERRUPTED, CrmReadinessError, UsageError
from crm_readiness.i18n import Lang, default_lang, normalize_lang, t
from crm_readiness.models.printing import PAPERS, Paper

if TYPE_CHECKING:
    from rich.console import Console

P = ParamSpec("P")
R = TypeVar("R")

HELP_LANG: Lang = default_lang()


def h(key: str, **params: object) -> str:
    """Return help text ``key`` in the locale's language; help pages re-render it in ``--lang``'s."""
    return remember(t(key, HELP_LANG, **params), key, params)


_state: dict[str, Lang] = {"lang": HELP_LANG}


def console() -> Console:
    """Return the console for normal output (stdout).

    No emoji codes: a name or note with ``:smile:`` in it is printed as typed
    (and rich's emoji table is never loaded).
    """
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, emoji=False)


def err_console() -> Console:
    """Return the console for errors (stderr)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


def resolve_lang(value: str | None) -> Lang:
    """Return the language asked for with ``--lang`` (or the locale's); remember it for errors."""
    if value is None:
        lang = default_lang()
    else:
        found = normalize_lang(value)
        if found is None:
            raise UsageError(t("err.usage_lang", "en", value=value),
                             t("err.usage_lang", "zh", value=value))
        lang = found
    _state["lang"] = lang
    return lang


def parse_formats(value: str, allowed: Sequence[str]) -> list[str]:
    """Split ``md,html`` into a list, each checked against ``allowed``; keep order, no repeats."""
    out: list[str] = []
    for part in value.split(","):
        name = part.strip().lower()
        if not name:
            continue
        if name not in allowed:
            choices = ", ".join(allowed)
            raise UsageError(t("err.usage_format", "en", value=name, choices=choices),
                             t("err.usage_format", "zh", value=name, choices=choices))
        if name not in out:
            out.append(name)
    return out


def parse_paper(value: str) -> Paper:
    """Return the paper asked for with ``--paper`` (a4 or letter), checked."""
    name = value.strip().lower()
    for paper in PAPERS:
        if paper == name:
            return paper
    raise UsageError(t("err.usage_paper", "en", value=value), t("err.usage_paper", "zh", value=value))


#: control characters a terminal acts on: C0 but tab and newline, DEL, C1 (CSI, OSC …).
_TERMINAL_CONTROLS = {c: (0x2400 + c if c < 0x20 else 0x2421 if c == 0x7F else 0xFFFD)
                      for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if c not in (0x09, 0x0A)}


def plain(value: object) -> str:
    """Return user text safe to print with rich: no markup effect, no ANSI or control bytes.

    Control characters become visible pictures (ESC → ``␛``, C1 → U+FFFD) and
    rich markup (``[bold red]``) is escaped, so a name or note is shown as typed.
    """
    from rich.markup import escape

    return escape(str(value).translate(_TERMINAL_CONTROLS))


def current_lang() -> Lang:
    """Return the language of the running command (for errors)."""
    return _state["lang"]


def report_error(exc: CrmReadinessError) -> None:
    """Print ``exc`` as one red paragraph on stderr in the current language."""
    err_console().print(f"[bold red]✗[/] {plain(exc.text(_state['lang']))}")


def handle_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Map user errors to their message and exit code; real bugs go on to ``main()``'s boundary."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except CrmReadinessError as exc:
            report_error(exc)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            err_console().print(t("err.interrupted", _state["lang"]))
            raise typer.Exit(EXIT_INTERRUPTED) from None

    return wrapper


def print_written(paths: Sequence[Path], lang: Lang) -> None:
    """List the files a command wrote."""
    out = console()
    for p in paths:
        out.print(t("out.written", lang, path=plain(p)))


def stdin_is_tty() -> bool:
    """Return whether standard input is an interactive terminal."""
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


LangOpt = Annotated[str | None, typer.Option("--lang", help=h("opt.lang"), show_default=False)]
PaperOpt = Annotated[str, typer.Option("--paper", help=h("opt.paper"))]
ForceOpt = Annotated[bool, typer.Option("--force", help=h("opt.force"))]
