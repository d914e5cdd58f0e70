"""The ``crm-readiness`` Typer app: registers each command family.

Each family module exposes ``register(app)``; keep imports here cheap (no
pydantic, jinja2, openpyxl, numpy or duckdb at import time).
"""

from __future__ import annotations

import typer

from crm_readiness import __version__
from crm_readiness.cli import assess as _assess
from crm_readiness.cli import checklist as _checklist
from crm_readiness.cli import data as _data
from crm_readiness.cli import documents as _documents
from crm_readiness.cli import finance as _finance
from crm_readiness.cli import vendors as _vendors
from crm_readiness.cli import workshop as _workshop
from crm_readiness.cli import workspace as _workspace
from crm_readiness.cli._common import h

app = typer.Typer(
    name="crm-readiness",
    help=h("app.help"),
    no_args_is_help=True,
    add_completion=False,
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
                                 help="Show the version and exit. / 显示版本并退出。"),
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


def main() -> None:
    """Console-script entry point."""
    app()
