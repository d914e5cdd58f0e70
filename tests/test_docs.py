"""Docs are tested: every command has help and is documented; the CLI reference has not drifted."""

from __future__ import annotations

import re

from tests.conftest import REPO
from tests.tools.cli_reference import render_reference

DOCS = REPO / "docs"


def test_cli_reference_has_not_drifted() -> None:
    committed = (DOCS / "cli.md").read_text("utf-8")
    assert committed == render_reference(), (
        "docs/cli.md is stale: run `python -m tests.tools.regen_docs` and review the diff")


def test_every_command_has_help_and_a_guide() -> None:
    reference = render_reference()
    guides = "\n".join(p.read_text("utf-8") for p in DOCS.glob("*.md") if p.name != "cli.md")
    blocks = re.split(r"^#+ `", reference, flags=re.M)[1:]
    assert blocks
    for block in blocks:
        path = block.split("`")[0]
        body = block.split("\n", 2)[2] if block.count("\n") >= 2 else ""
        assert body.strip() and not body.strip().startswith("```"), f"{path} has no help text"
        leaf = path.removeprefix("crm-readiness").strip()
        if leaf:
            assert f"crm-readiness {leaf}" in guides, f"`crm-readiness {leaf}` is not in any guide in docs/"


def test_readme_opens_with_the_two_commands() -> None:
    text = (REPO / "README.md").read_text("utf-8")
    blocks = re.findall(r"```(?:bash|sh)?\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 2
    first, second = blocks[0].strip(), blocks[1].strip()
    assert "crm-readiness demo" in first and "pip install" in first
    assert "pytest" in second and "pip install" in second
    ci = (REPO / ".ci" / "run").read_text("utf-8")
    assert second.splitlines()[-1] in ci or all(line in ci for line in second.splitlines())


def test_guides_link_to_existing_files() -> None:
    for page in DOCS.glob("*.md"):
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text("utf-8")):
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"
