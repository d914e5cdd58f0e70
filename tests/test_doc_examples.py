"""Every example in docs/ runs as written (the convention: docs/dev/doc-examples.md).

The parser and runner are tests/tools/doc_examples.py; each page runs once per session
(``doc_runs`` in tests/conftest.py), and a page's own tests read that run.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import REPO
from tests.tools.doc_examples import FENCE, Page, output_mismatch, parse, unclassified

DOCS = REPO / "docs"
PAGES = [parse(p) for p in sorted([*DOCS.glob("*.md"), *DOCS.glob("*/*.md")])]
RUNNABLE = [p for p in PAGES if p.commands]


def _page(name: str) -> Page:
    return next(p for p in PAGES if p.name == name)


def test_the_convention_finds_every_page_and_its_examples() -> None:
    assert {p.name for p in PAGES} >= {"assess.md", "finance.md", "vendors.md", "documents.md",
                                        "review.md", "cli.md", "dev/doc-examples.md"}
    assert {"assess.md", "data.md", "finance.md", "vendors.md", "documents.md", "review.md",
            "workshops.md"} <= {p.name for p in RUNNABLE}
    assert any(name.endswith("answers.yaml") for name in _page("assess.md").files)


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_block_says_what_the_test_does_with_it(page: Page) -> None:
    assert unclassified(page) == []


def test_an_unmarked_block_is_found(tmp_path: Any) -> None:
    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "new.md"
    page.write_text("```sh\ncrm-readiness demo\n```\n\n```\nx\n```\n\n```yaml file=a/b.yaml\na: 1\n```\n\n"
                    "```text output\nx\n```\n\n```sh norun\npip install x\n```\n\n"
                    "<!-- norun: an install -->\n```sh norun\npip install x\n```\n\n"
                    "    crm-readiness demo\n\n- a list item\n\n    its second paragraph\n", "utf-8")
    problems = unclassified(parse(page))
    assert [p.split(":")[0] for p in problems] == [
        "new.md line 26", "new.md line 1 ```sh", "new.md line 5", "new.md line 17 ```sh norun",
        "new.md line 9", "new.md line 13"]


def test_output_blocks_are_compared_in_order() -> None:
    output = "Wrote   a.md\n  Invalid input file: x.yaml (1 problem)\n  - kpis.0 (line 7): bad\n"
    assert output_mismatch("Invalid input file: x.yaml (1 problem)\n…\n", output) is None
    assert output_mismatch("Wrote a.md\n- kpis.0 (line 7): bad", output) is None
    assert output_mismatch("- kpis.0 (line 7): bad\nWrote a.md", output) is not None
    assert output_mismatch("Wrote b.md", output) is not None


@pytest.mark.parametrize("page", RUNNABLE, ids=[p.name for p in RUNNABLE])
def test_examples_run_as_written(page: Page, doc_runs: Any) -> None:
    run = doc_runs(page)
    assert len(run.outputs) == len(page.commands)


@pytest.mark.parametrize(("name", "heading", "command"), [
    ("assess.md", "## Quick scan", "crm-readiness assess --quick"),
    ("assess.md", "## Gate waivers", "--strict-gates"),
    ("assess.md", "## Industry packs", "crm-readiness checklist packs"),
    ("workshops.md", "### Questionnaires that fit a role", "--max-questions"),
    ("outputs.md", "## Bilingual input fields", "crm-readiness roi"),
])
def test_guides_document_each_feature_with_a_run_example(name: str, heading: str,
                                                         command: str) -> None:
    text = (DOCS / name).read_text("utf-8")
    assert heading in text, f"{name} lacks {heading!r}"
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    runs = [body for info, body in FENCE.findall(section) if "run" in info.split()[1:]]
    assert any(command in body for body in runs), f"{name} {heading}: no run example of {command}"
