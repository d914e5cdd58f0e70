"""The demo's index.html is a dashboard: a card per capability, figures from the results, every file linked."""

from __future__ import annotations

import json
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from crm_readiness.demo.run import MARKER


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.figures: list[tuple[dict[str, str], str]] = []
        self.cards = 0
        self.scripts = 0
        self._open: dict[str, str] | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a":
            self.hrefs.append(a["href"])
        if tag == "script":
            self.scripts += 1
        if tag == "section" and "card" in a.get("class", "").split():
            self.cards += 1
        if "data-source" in a:
            self._open, self._text = a, ""

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag in ("div", "span"):
            self.figures.append((self._open, self._text.strip()))
            self._open = None


def _at(root: Path, source: str) -> Any:
    name, _, pointer = source.partition("#")
    node = json.loads((root / name).read_text("utf-8"))
    for part in pointer.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def _shown(kind: str, value: Any) -> str:
    """The figure as the dashboard should show the JSON value (worked out here, not imported)."""
    return {"score": lambda: f"{float(value):.1f}", "pct": lambda: f"{round(float(value) * 100)}%",
            "count": lambda: f"{int(value):,}", "count_list": lambda: f"{len(value):,}",
            "money": lambda: f"{Decimal(str(value)).quantize(Decimal(1)):,}",
            "text": lambda: str(value)}[kind]()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_index_links_every_file_and_shows_the_results(lang: str, request: pytest.FixtureRequest) -> None:
    root: Path = request.getfixturevalue(f"demo_{lang}")
    html = (root / "index.html").read_text("utf-8")
    page = _Page()
    page.feed(html)
    # every link resolves inside the folder; every file the demo wrote is linked
    for href in page.hrefs:
        assert "://" not in href and not href.startswith(("/", "..")), href
        assert (root / href).exists(), href  # a file, or a folder of them (questionnaires)
    written = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()} - {MARKER, "index.html"}
    assert written - set(page.hrefs) == set()
    assert {"workshop/plan.xlsx", "finance/roi.xlsx", "review/review.xlsx"} <= set(page.hrefs)
    # a card per capability, each figure equal to the JSON it names
    assert page.cards >= 7 and page.scripts == 0
    sources = {a["data-source"].split("#")[0] for a, _ in page.figures if a["data-source"]}
    assert {"assessment/readiness.json", "workshop/workshop-readiness.json", "finance/roi.json",
            "finance/tco-comparison.json", "vendors/comparison.json", "data/customers-profile.json",
            "review/review.json"} <= sources
    checked = 0
    for attrs, text in page.figures:
        if not attrs["data-source"]:
            continue
        value = _at(root, attrs["data-source"])
        kind = attrs.get("data-kind", "verdict")
        if kind == "verdict":
            assert attrs["data-value"] == value
            continue
        assert attrs["data-value"] == (str(len(value)) if kind == "count_list" else str(value))
        assert text == _shown(kind, value), (attrs["data-source"], text)
        checked += 1
    assert checked >= 12
    report = json.loads((root / "assessment" / "readiness.json").read_text("utf-8"))
    score = f"{report['overall']['score']:.1f}"
    assert f">{score}<" in html
    if lang == "zh":
        assert 'lang="zh-CN"' in html and "就绪度得分" in html and "Readiness score" not in html
    else:
        assert "Readiness score" in html
