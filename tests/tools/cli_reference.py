"""Build docs/cli.md from the click command tree behind the Typer app (English help)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_SCRIPT = r'''
import typer
from crm_readiness.cli.main import app

# duck-typed: recent Typer vendors click (typer._click) instead of depending on it
def walk(cmd, path):
    yield path, cmd
    if hasattr(cmd, "commands"):
        for name in sorted(cmd.commands):
            yield from walk(cmd.commands[name], path + [name])

out = ["# CLI reference", "",
       "Generated from `--help` by `python -m tests.tools.regen_docs`; a test fails when it drifts.",
       "Help is shown in the language of `--lang`, else `CRM_READINESS_LANG` or the locale "
       "(`--lang zh` for Chinese); this page is English.",
       "Shell completion: `crm-readiness --install-completion` (bash, zsh, fish, PowerShell; "
       "restart the shell), or `crm-readiness --show-completion` to print the script.", ""]
root = typer.main.get_command(app)
for path, cmd in walk(root, ["crm-readiness"]):
    if cmd.hidden:
        continue
    level = "#" * min(len(path) + 1, 4)
    out.append(f"{level} `{' '.join(path)}`")
    out.append("")
    out.append((cmd.help or "").strip())
    out.append("")
    ctx = cmd.context_class(cmd, info_name=" ".join(path))
    usage = " ".join(cmd.collect_usage_pieces(ctx))
    out.append(f"```text illustrative\n{' '.join(path)} {usage}\n```")
    if cmd.epilog:
        out.append("")
        out.append("Examples:")
        out.append("")
        out.append("<!-- norun: help examples; tests/cli/test_help.py parses each, runs the cheap ones -->")
        out.append("```sh norun\n" + "\n".join(
            line if line.startswith("crm-readiness") else "# " + line
            for line in cmd.epilog.strip().splitlines()) + "\n```")
    rows = []
    for p in cmd.params:
        if p.param_type_name == "argument":
            rows.append(((p.name or "").upper(), "argument", (getattr(p, "help", "") or "").strip()))
        elif p.param_type_name == "option" and not p.hidden:
            names = ", ".join(p.opts + p.secondary_opts)
            default = ""
            if p.show_default is not False and p.default not in (None, False, (), []) and not p.is_flag:
                default = f" (default: {p.default})"
            rows.append((names, "option", (p.help or "").strip() + default))
    if rows:
        out.append("")
        out.append("| name | kind | description |")
        out.append("|---|---|---|")
        for name, kind, desc in rows:
            out.append(f"| `{name}` | {kind} | {desc.replace('|', '/')} |")
    out.append("")
print("\n".join(out))
'''


def render_reference() -> str:
    """Return the CLI reference as Markdown, generated in a clean English process."""
    env = dict(os.environ, CRM_READINESS_LANG="en", PYTHONPATH=str(REPO))
    proc = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True,
                          env=env, check=True, cwd=REPO)
    return proc.stdout


def commands() -> list[str]:
    """Return every command path, e.g. ``crm-readiness checklist show``."""
    return [line.split("`")[1] for line in render_reference().splitlines()
            if line.startswith("#") and "`" in line]
