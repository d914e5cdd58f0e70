"""Every runnable example in docs/*.md runs as written.

Convention (also in docs/dev/doc-examples.md): a fenced block is an example a test runs
when its info string says so —

- ```` ```yaml file=PATH ```` is written to ``PATH`` (relative to a scratch folder, one per
  page) exactly as printed, at its place among the page's runnable blocks;
- ```` ```sh run ```` (or ``bash run``): every line that is not blank or a ``#`` comment is a
  ``crm-readiness …`` command, run in that folder in order; it must exit 0, or the code a
  trailing ``# exit N`` names.

``crm-readiness demo`` is run once per test session and its folder copied where a page asks
for it (it is the slowest command and every page runs the same one).
Pages in :data:`OWNED` must classify each shell block (``run`` or ``norun``) so no example
silently escapes the test.
"""

from __future__ import annotations

import re
import shlex
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crm_readiness.cli.main import app
from tests.conftest import REPO, no_traceback

DOCS = REPO / "docs"
OWNED = ("assess.md", "checklists.md", "workshops.md", "data.md", "printing.md")
FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```\s*$", re.S | re.M)


@dataclass
class Page:
    name: str
    files: list[tuple[str, str]] = field(default_factory=list)
    commands: list[tuple[str, int]] = field(default_factory=list)
    steps: list[tuple[str, str, str | int]] = field(default_factory=list)
    shell_blocks: list[str] = field(default_factory=list)


def parse(path: Path) -> Page:
    page = Page(path.name)
    for info, body in FENCE.findall(path.read_text("utf-8")):
        words = info.split()
        lang = words[0] if words else ""
        if lang in ("sh", "bash", "shell", "console"):
            page.shell_blocks.append(info)
        opts = dict(w.split("=", 1) for w in words[1:] if "=" in w)
        if "file" in opts:
            page.files.append((opts["file"], body))
            page.steps.append(("file", opts["file"], body))
        if lang in ("sh", "bash") and "run" in words[1:]:
            for line in body.splitlines():
                text = line.strip()
                if not text or text.startswith("#"):
                    continue
                expect = 0
                m = re.search(r"#\s*exit\s+(\d+)\s*$", text)
                if m:
                    expect = int(m.group(1))
                    text = text[:m.start()].strip()
                page.commands.append((text, expect))
                page.steps.append(("cmd", text, expect))
    return page


PAGES = [parse(p) for p in sorted(DOCS.glob("*.md")) if p.name != "cli.md"]
RUNNABLE = [p for p in PAGES if p.commands]


def test_the_convention_finds_examples() -> None:
    assert {"assess.md", "data.md"} <= {p.name for p in RUNNABLE}
    assess = next(p for p in PAGES if p.name == "assess.md")
    assert any(name.endswith("answers.yaml") for name, _ in assess.files)


@pytest.mark.parametrize("name", OWNED)
def test_owned_pages_classify_every_shell_block(name: str) -> None:
    page = next(p for p in PAGES if p.name == name)
    for info in page.shell_blocks:
        assert {"run", "norun"} & set(info.split()[1:]), (
            f"{name}: shell block ```{info} must say `run` or `norun`")


@pytest.mark.parametrize("page", RUNNABLE, ids=[p.name for p in RUNNABLE])
def test_examples_run_as_written(page: Page, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 request: pytest.FixtureRequest) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CRM_READINESS_LANG", "en")
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()
    for kind, command, expect in page.steps:
        if kind == "file":
            target = tmp_path / command
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(str(expect), encoding="utf-8")
            continue
        argv = shlex.split(command, comments=True)
        assert argv[0] == "crm-readiness", f"{page.name}: not a crm-readiness command: {command}"
        if argv[1:2] == ["demo"] and len(argv) == 2:
            # the shared demo run of the suite (tests/conftest.py), copied: never run twice
            shutil.copytree(request.getfixturevalue("demo_en"), tmp_path / "crm-readiness-demo")
            continue
        result = runner.invoke(app, argv[1:])
        no_traceback(result)
        assert result.exit_code == expect, f"{page.name}: `{command}` exited {result.exit_code}:\n" \
                                           f"{result.output}"


@pytest.mark.parametrize(("name", "heading", "command"), [
    ("assess.md", "## Quick scan", "crm-readiness assess --quick"),
    ("assess.md", "## Gate waivers", "--strict-gates"),
    ("assess.md", "## Industry packs", "crm-readiness checklist packs"),
    ("workshops.md", "### Questionnaires that fit a role", "--max-questions"),
])
def test_guides_document_each_feature_with_a_run_example(name: str, heading: str,
                                                         command: str) -> None:
    text = (DOCS / name).read_text("utf-8")
    assert heading in text, f"{name} lacks {heading!r}"
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    runs = [body for info, body in FENCE.findall(section) if "run" in info.split()[1:]]
    assert any(command in body for body in runs), f"{name} {heading}: no run example of {command}"
