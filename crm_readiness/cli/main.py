"""The ``crm-readiness`` Typer app: registers each command family.

Each family module exposes ``register(app)``; keep imports here cheap (no
pydantic, jinja2, openpyxl, numpy or duckdb at import time).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer

from crm_readiness import __version__
from crm_readiness.cli._common import h
from crm_readiness.cli._help import HelpGroup

#: the command families, in the order ``--help`` lists their commands; each module has ``register(app)``
FAMILIES = ("assess", "checklist", "finance", "workspace", "vendors", "workshop", "data",
            "documents", "review")
#: top-level command → the family registering it (a test checks it against the families)
COMMANDS: dict[str, str] = {
    "assess": "assess", "checklist": "checklist", "tco": "finance", "roi": "finance",
    "demo": "workspace", "init": "workspace", "vendors": "vendors", "requirements": "vendors",
    "spec": "vendors", "questionnaire": "workshop", "history": "workshop", "compare": "workshop",
    "plan": "workshop", "data": "data", "docs": "documents", "review": "review",
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"crm-readiness {__version__}")
        raise typer.Exit()


def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help=h("opt.version")),
) -> None:
    pass


def build_app(families: Sequence[str] = FAMILIES) -> typer.Typer:
    """Return the ``crm-readiness`` app with the commands of ``families`` (all by default)."""
    import importlib

    built = typer.Typer(
        name="crm-readiness",
        help=h("app.help"),
        epilog=h("ex.root"),
        cls=HelpGroup,
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback()(_root)
    for family in families:
        importlib.import_module(f"crm_readiness.cli.{family}").register(built)
    return built


def __getattr__(name: str) -> typer.Typer:
    """``app``, the full app (tests, documentation), is built on first use."""
    if name == "app":
        full = globals()["app"] = build_app()
        return full
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def app_for(argv: Sequence[str]) -> typer.Typer:
    """Return the app :func:`main` runs for ``argv``: only the named command's family when it names one.

    Typer turns every registered command into a click command before parsing,
    reading each one's signature; building only the family of the command run
    saves most of that. The command, its options, help and errors are the same.
    Root options (``--help``, ``--version``, completion), an unknown command
    or shell completion get the full app.
    """
    import os

    family = COMMANDS.get(argv[0]) if argv else None
    if family is None or any(k.startswith("_CRM_READINESS_COMPLETE") for k in os.environ):
        return build_app()
    return build_app((family,))


def _crash_report(exc: BaseException) -> str:
    """Write the traceback of ``exc`` to a new file in the temp folder; return its path."""
    import platform
    import tempfile
    import traceback

    fd, name = tempfile.mkstemp(prefix="crm-readiness-crash-", suffix=".log",
                                dir=tempfile.gettempdir())
    with open(fd, "w", encoding="utf-8", errors="backslashreplace") as fh:
        fh.write(f"crm-readiness {__version__}\nPython {platform.python_version()} on "
                 f"{platform.platform()}\nargv: {sys.argv!r}\n\n")
        fh.write("".join(traceback.format_exception(exc)))
    return name


def _tune_gc() -> None:
    """Collect cyclic garbage less often in this short-lived process.

    Building the command line, the pydantic schemas and the reports allocates
    hundreds of thousands of long-lived objects; with the default thresholds the
    collector ran over 140 times during ``assess`` and took a quarter of its CPU.
    What start-up already built is frozen (never scanned again; forked demo
    workers share it), and a young-generation collection runs every 50,000
    allocations instead of 700, so a cycle is still freed, just later.
    """
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def _skip_pydantic_plugins() -> None:
    """Tell pydantic not to look for plugins: the tool uses none, and the search costs ~50 ms.

    Pydantic scans every installed distribution's entry points before building
    its first schema. A user who wants a plugin (an observability tool) sets
    ``PYDANTIC_DISABLE_PLUGINS`` themselves (an empty value enables them all).
    """
    import os

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def main() -> None:
    """Console-script entry point: the one error boundary (exit codes in docs/exit-codes.md).

    User errors print their message and exit with their code; usage errors of
    the command line stay exit 2 (click); Ctrl-C exits 130 with one bilingual line
    (:class:`~crm_readiness.cli._help.HelpGroup` while parsing or in a command); anything else is a
    bug: one bilingual line on stderr, the traceback in a file, exit 70.
    """
    from crm_readiness.cli._common import report_error
    from crm_readiness.cli._help import Interrupted, interrupted_line
    from crm_readiness.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, CrmReadinessError
    from crm_readiness.i18n import t

    _tune_gc()
    _skip_pydantic_plugins()
    try:
        # standalone: usage errors print click's message and exit 2, --help exits 0
        app_for(sys.argv[1:])()
    except CrmReadinessError as exc:
        report_error(exc)
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, Interrupted):  # Ctrl-C outside click (HelpGroup handles its own)
        sys.stderr.write(interrupted_line() + "\n")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # the boundary: every bug ends here, never as a traceback
        try:
            where = _crash_report(exc)
        except OSError as write_error:
            where = f"({write_error.strerror or write_error})"
        line = " / ".join(t("err.internal", lang, version=__version__, path=where)
                          for lang in ("en", "zh"))
        sys.stderr.write(line + "\n")
        sys.exit(EXIT_INTERNAL)
