"""The ``crm-readiness`` Typer app: registers each command family.

Each family module exposes ``register(app)``; keep imports here cheap (no
pydantic, jinja2, openpyxl, numpy or duckdb at import time).
"""

from __future__ import annotations

import sys

import typer

from crm_readiness import __version__
from crm_readiness.cli import assess as _assess
from crm_readiness.cli import checklist as _checklist
from crm_readiness.cli import data as _data
from crm_readiness.cli import documents as _documents
from crm_readiness.cli import finance as _finance
from crm_readiness.cli import review as _review
from crm_readiness.cli import vendors as _vendors
from crm_readiness.cli import workshop as _workshop
from crm_readiness.cli import workspace as _workspace
from crm_readiness.cli._common import h
from crm_readiness.cli._help import HelpGroup

app = typer.Typer(
    name="crm-readiness",
    help=h("app.help"),
    epilog=h("ex.root"),
    cls=HelpGroup,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"crm-readiness {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help=h("opt.version")),
) -> None:
    pass


_assess.register(app)
_checklist.register(app)
_finance.register(app)
_workspace.register(app)
_vendors.register(app)
_workshop.register(app)
_data.register(app)
_documents.register(app)
_review.register(app)


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

    try:
        app()  # standalone: usage errors print click's message and exit 2, --help exits 0
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
