"""The docs' examples as a test runs them: the one parser and runner (docs/dev/doc-examples.md).

Every fenced block of a page under docs/ says what a test does with it, in its info string:

- ```` ```sh run ```` (``bash`` too): each line is run in order, in the page's scratch folder,
  as a shell would — ``crm-readiness …`` commands (exit 0, or the code a trailing comment
  ``# exit N`` names, maybe followed by why), ``cd DIR``, ``#`` comments, a trailing ``\\``
  continues the line, ``*`` / ``?`` expand to the matching files; ``crm-readiness demo``
  copies the suite's shared demo run;
- ```` ```sh norun ````: shown, never run (an install, an interactive session, a synopsis …);
  the line just above it says why, ``<!-- norun: why -->``;
- ```` ```LANG file=PATH ```` (any language): written to ``PATH`` (relative to the current
  folder) exactly as printed, at its place among the runnable blocks — a later ``run`` block
  must run a command that names it (or its folder), so the file is read as a user's would be;
- ```` ```text output ````: compared with the output of the command just before it (each line,
  spaces collapsed, appears in that output in order; a line ``…`` skips any amount);
- ```` ```text illustrative ```` / ```` ```yaml fragment ````: an excerpt or a sketch that
  cannot be compared or run as it is (a comment near it says where the complete one is).

A block with no language or no marker fails the test, and so does an indented code block
(it cannot carry a marker), so no example escapes it.
"""

from __future__ import annotations

import glob
import re
import shlex
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```\s*$", re.S | re.M)
SHELL = ("sh", "bash", "shell", "console")
MARKERS = ("run", "norun", "output", "illustrative", "fragment")
ELISION = ("…", "...")


@dataclass(frozen=True)
class Block:
    line: int
    lang: str
    markers: tuple[str, ...]
    file: str | None
    body: str
    reason: str = ""  # the ``<!-- norun: why -->`` comment just above the block

    @property
    def where(self) -> str:
        return f"line {self.line} ```{' '.join((self.lang, *self.markers))}"


@dataclass(frozen=True)
class Step:
    kind: str  # "file", "cmd", "cd" or "output"
    line: int
    text: str
    expect: int = 0
    body: str = ""


@dataclass
class Page:
    path: Path
    blocks: list[Block] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    indented: list[int] = field(default_factory=list)  # lines opening an indented code block

    @property
    def name(self) -> str:
        """``assess.md``, or ``dev/doc-examples.md`` for a page in a sub-folder of docs/."""
        return self.path.name if self.path.parent.name == "docs" else \
            f"{self.path.parent.name}/{self.path.name}"

    @property
    def files(self) -> dict[str, str]:
        """The ``file=`` blocks: path -> text."""
        return {s.text: s.body for s in self.steps if s.kind == "file"}

    @property
    def commands(self) -> list[str]:
        return [s.text for s in self.steps if s.kind == "cmd"]


def command_lines(body: str, first: int) -> list[tuple[int, str]]:
    """The logical lines of a shell block (``\\`` continues), blank lines and comments dropped."""
    out: list[tuple[int, str]] = []
    pending, start = "", first
    for offset, raw in enumerate(body.splitlines()):
        text = raw.strip()
        if not pending:
            start = first + offset
        if text.endswith("\\"):
            pending += text[:-1] + " "
            continue
        text, pending = pending + text, ""
        if text and not text.startswith("#"):
            out.append((start, text))
    return out


def parse(path: Path) -> Page:
    page = Page(path)
    source = path.read_text("utf-8")
    for m in FENCE.finditer(source):
        info, body = m.group(1), m.group(2)
        line = source.count("\n", 0, m.start()) + 1
        words = info.split()
        opts = dict(w.split("=", 1) for w in words[1:] if "=" in w)
        before = source[:m.start()].rstrip().rsplit("\n", 1)[-1]
        why = re.fullmatch(r"<!--\s*norun:\s*(.+?)\s*-->", before.strip())
        block = Block(line, words[0] if words else "", tuple(w for w in words[1:] if "=" not in w),
                      opts.get("file"), body, why.group(1) if why else "")
        page.blocks.append(block)
        if block.file:
            page.steps.append(Step("file", line, block.file, body=body))
        if block.lang in SHELL and "run" in block.markers:
            for at, text in command_lines(body, line + 1):
                m_exit = re.search(r"\s#\s*exit\s+(\d+)\b.*$", text)
                expect = int(m_exit.group(1)) if m_exit else 0
                command = text[:m_exit.start()].strip() if m_exit else text
                words = shlex.split(command, comments=True)
                if words and words[0] == "cd":
                    page.steps.append(Step("cd", at, " ".join(words[1:])))
                else:
                    page.steps.append(Step("cmd", at, command, expect))
        if "output" in block.markers:
            page.steps.append(Step("output", line, "", body=body))
    page.indented = _indented_blocks(source)
    return page


def _indented_blocks(source: str) -> list[int]:
    """Lines where a Markdown indented code block opens (outside fences and lists)."""
    blanked = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), source)
    lines, found = blanked.split("\n"), []
    for i, text in enumerate(lines):
        if not (text.startswith("    ") or text.startswith("\t")) or not text.strip():
            continue
        before = lines[i - 1] if i else ""
        if before.strip() and not before.startswith("#"):
            continue  # a continuation line, not a block
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        context = lines[j] if j >= 0 else ""
        if re.match(r"\s*([-*+]|\d+\.)\s", context) or context.startswith(("  ", "\t", "|")):
            continue  # inside a list item (or right after an indented line)
        found.append(i + 1)
    return found


def unclassified(page: Page) -> list[str]:
    """Blocks that do not say what a test does with them (the page's problems, located)."""
    problems = [f"{page.name} line {n}: an indented code block; fence it with a marker"
                for n in page.indented]
    for b in page.blocks:
        if not b.lang:
            problems.append(f"{page.name} line {b.line}: a block needs a language and a marker")
        elif b.lang in SHELL and not {"run", "norun"} & set(b.markers):
            problems.append(f"{page.name} {b.where}: a shell block says `run` or `norun`")
        elif "norun" in b.markers and not b.reason:
            problems.append(f"{page.name} {b.where}: say why just above it: <!-- norun: why -->")
        elif not b.file and not set(MARKERS) & set(b.markers):
            problems.append(f"{page.name} {b.where}: say file=PATH, `output`, `illustrative` "
                            "or `fragment`")
    for i, step in enumerate(page.steps):
        if step.kind == "file" and not _read_later(step.text, page.steps[i + 1:]):
            problems.append(f"{page.name} line {step.line}: no later `run` command reads "
                            f"{step.text} (or its folder)")
    seen_command = False
    for s in page.steps:
        seen_command = seen_command or s.kind == "cmd"
        if s.kind == "output" and not seen_command:
            problems.append(f"{page.name} line {s.line}: an `output` block follows no command")
    return problems


def _read_later(path: str, later: list[Step]) -> bool:
    """Whether a later command names ``path`` or one of its folders (``--templates house``)."""
    parts = Path(path).parts
    names = {path} | {"/".join(parts[:n]) for n in range(1, len(parts))}
    for step in later:
        if step.kind == "cmd":
            words = {w.rstrip("/") for w in shlex.split(step.text, comments=True)}
            if names & words or any(w.endswith("=" + path) for w in words):
                return True
    return False


def _collapse(text: str) -> str:
    return " ".join(text.split())


def output_mismatch(expected: str, output: str) -> str | None:
    """Why ``output`` does not show ``expected`` (its lines in order, spaces collapsed), or None."""
    have, at = _collapse(output.replace("\r", "")), 0
    for line in expected.splitlines():
        want = _collapse(line)
        if not want or want in ELISION:
            continue
        found = have.find(want, at)
        if found < 0:
            return f"not in the output (in this order): {want!r}"
        at = found + len(want)
    return None


@dataclass
class PageRun:
    """A page run to its end: the scratch folder and each command with its output."""

    page: Page
    folder: Path
    outputs: list[tuple[str, str]] = field(default_factory=list)


def _argv(command: str, cwd: Path) -> list[str]:
    argv = []
    for word in shlex.split(command, comments=True):
        matches = sorted(glob.glob(word, root_dir=cwd)) if any(c in word for c in "*?[") else []
        argv.extend(matches or [word])  # as a shell: a pattern matching nothing stays as typed
    return argv


def run_page(page: Page, folder: Path, demo: Callable[[], Path]) -> PageRun:
    """Run ``page``'s steps in ``folder``; ``demo()`` is the shared demo folder to copy.

    Fails (AssertionError naming the page and line) at the first step that does not do what
    the page says.
    """
    import pytest
    from typer.testing import CliRunner

    from crm_readiness.cli.main import app
    from tests.conftest import no_traceback

    run = PageRun(page, folder)
    cwd = folder
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CRM_READINESS_LANG", "en")
        mp.setenv("COLUMNS", "200")
        for step in page.steps:
            where = f"{page.name} line {step.line}"
            if step.kind == "file":
                target = cwd / step.text
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(step.body, encoding="utf-8")
            elif step.kind == "cd":
                cwd = (cwd / step.text).resolve()
                assert cwd.is_dir() and cwd.is_relative_to(folder.resolve()), \
                    f"{where}: `cd {step.text}`: no such folder in the page's scratch folder"
            elif step.kind == "output":
                assert run.outputs, f"{where}: an output block follows no command"
                command, output = run.outputs[-1]
                why = output_mismatch(step.body, output)
                assert why is None, f"{where}: `{command}` {why}\n--- its output:\n{output}"
            else:
                argv = _argv(step.text, cwd)
                assert argv[0] == "crm-readiness", f"{where}: not a crm-readiness command: {step.text}"
                mp.chdir(cwd)
                if argv[1:] == ["demo"]:
                    # the suite's one demo run (tests/conftest.py), copied: never run twice
                    shutil.copytree(demo(), cwd / "crm-readiness-demo")
                    run.outputs.append((step.text, ""))
                    continue
                result = runner.invoke(app, argv[1:])
                no_traceback(result)
                assert result.exit_code == step.expect, (
                    f"{where}: `{step.text}` exited {result.exit_code}, not {step.expect}:\n"
                    f"{result.output}")
                run.outputs.append((step.text, result.output))
    return run


class DocRuns:
    """Each page run at most once per test session (worker), whichever test asks first."""

    def __init__(self, scratch: Callable[[str], Path], demo: Callable[[], Path]) -> None:
        self._scratch, self._demo, self._done = scratch, demo, dict[str, PageRun]()

    def __call__(self, page: Page) -> PageRun:
        if page.name not in self._done:
            self._done[page.name] = run_page(page, self._scratch(page.name), self._demo)
        return self._done[page.name]
