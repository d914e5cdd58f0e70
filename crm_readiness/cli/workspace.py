"""``crm-readiness init DIR`` and ``crm-readiness demo``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from crm_readiness.cli._common import (
    ForceOpt,
    LangOpt,
    PaperOpt,
    console,
    h,
    handle_errors,
    parse_paper,
    plain,
    resolve_lang,
)
from crm_readiness.cli._help import HelpCommand
from crm_readiness.i18n import t


def demo(out: Annotated[Path, typer.Option("--out", "-o", help=h("demo.opt.out"))] = Path(
            "crm-readiness-demo"),
         pdf: Annotated[bool, typer.Option("--pdf", help=h("demo.opt.pdf"))] = False,
         paper: PaperOpt = "a4",
         force: ForceOpt = False, lang: LangOpt = None) -> None:
    """Run every capability on the bundled example company."""
    from crm_readiness.demo.run import run_demo

    language = resolve_lang(lang)
    out_console = console()
    with out_console.status("…") as status:
        run = run_demo(out, language, force=force, pdf=pdf, paper=parse_paper(paper),
                       on_part=lambda spec: status.update(spec.split(":")[0].rsplit(".", 1)[-1]))
    for e in run.entries:
        out_console.print(f"  • {plain(e.title.get(language))}: {plain(out / e.path)}")
    out_console.print(f"[green]{t('demo.done', language, path=plain(out), index=plain(run.index))}[/]")


def init(directory: Annotated[Path, typer.Argument(help=h("init.arg.directory"))],
         force: ForceOpt = False, lang: LangOpt = None) -> None:
    """Create a workspace with commented starter files."""
    from crm_readiness.workflows.workspace import init_workspace

    language = resolve_lang(lang)
    written = init_workspace(directory, language, force=force)
    for p in written:
        console().print(t("out.written", language, path=plain(p)))
    console().print(t("init.done", language, path=plain(directory),
                      answers=plain(directory / "answers.yaml")))


def register(app: typer.Typer) -> None:
    """Add ``demo`` and ``init`` to the app."""
    app.command("demo", help=h("demo.help"), cls=HelpCommand, epilog=h("ex.demo"))(handle_errors(demo))
    app.command("init", help=h("init.help"), cls=HelpCommand, epilog=h("ex.init"))(handle_errors(init))
