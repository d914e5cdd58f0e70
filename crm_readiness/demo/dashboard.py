"""The demo's dashboard: one card per capability, its headline figures read from the results it wrote.

Each figure names its source (``assessment/readiness.json#overall.score``) and
carries the exact value found there, so the page shows what the results say
and a test can check it. Every file the demo wrote is linked: the entries the
parts return, then any other file, under the card of its folder (or under
"Inputs and other files").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from crm_readiness.demo.entry import DemoEntry
from crm_readiness.i18n import Lang, t

#: files of the demo folder that are not outputs to link
NOT_LINKED = (".crm-readiness-demo", "index.html")
OTHER = "inputs"


@dataclass(frozen=True)
class Figure:
    """One headline figure: its label, the value as shown, where it comes from and its exact value."""

    label: str
    shown: str
    source: str
    value: str
    kind: str = "text"


@dataclass(frozen=True)
class Link:
    """A link to one output: relative path, title and an optional one-line summary."""

    path: str
    title: str
    summary: str | None = None
    pdf: str | None = None


@dataclass
class Card:
    """One capability: its title, headline figures, verdict (a ``v-<verdict>`` badge) and outputs."""

    folder: str
    title: str
    figures: list[Figure | None] = field(default_factory=list)
    verdict: Figure | None = None
    tone: str | None = None
    links: list[Link] = field(default_factory=list)


class _Results:
    """The JSON results of the demo folder, read once each; a missing file gives no figures."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[str, Any] = {}

    def get(self, source: str) -> Any:
        """Return the value at ``file.json#a.b.0.c`` (None when the file or the key is absent)."""
        name, _, pointer = source.partition("#")
        if name not in self._cache:
            path = self.root / name
            self._cache[name] = json.loads(path.read_text("utf-8")) if path.is_file() else None
        node = self._cache[name]
        for part in pointer.split(".") if pointer else ():
            if isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            elif isinstance(node, dict) and part in node:
                node = node[part]
            else:
                return None
        return node


def _score(v: Any) -> str:
    return f"{float(v):.1f}"


def _money(v: Any) -> str:
    return f"{Decimal(str(v)).quantize(Decimal(1)):,}"


def _pct(v: Any) -> str:
    return f"{float(v) * 100:.0f}%"


def _count(v: Any) -> str:
    return f"{int(v):,}"


def _text(v: Any) -> str:
    return str(v)


def _count_list(v: Any) -> str:
    return f"{len(v):,}"


#: how a figure is shown, by kind; the dashboard test formats the JSON value the same way
FORMATS: dict[str, Callable[[Any], str]] = {"score": _score, "money": _money, "pct": _pct, "count": _count,
                                            "count_list": _count_list, "text": _text}


def _figure(results: _Results, label: str, source: str, kind: str) -> Figure | None:
    value = results.get(source)
    if value is None:
        return None
    exact = str(len(value)) if kind == "count_list" else str(value)
    return Figure(label, FORMATS[kind](value), source, exact, kind)


def _verdict(results: _Results, source: str, lang: Lang) -> Figure | None:
    value = results.get(source)
    if value not in ("ready", "ready_with_risks", "not_ready"):
        return None
    return Figure(t("dash.verdict", lang), t(f"verdict.{value}", lang), source, str(value), "verdict")


def _assessment(card: Card, r: _Results, lang: Lang) -> None:
    f = "assessment/readiness.json"
    card.figures += [_figure(r, t("dash.score", lang), f"{f}#overall.score", "score"),
                     _figure(r, t("dash.blockers", lang), f"{f}#blockers", "count_list")]
    card.verdict = _verdict(r, f"{f}#overall.verdict", lang)


def _workshop(card: Card, r: _Results, lang: Lang) -> None:
    f = "workshop/workshop-readiness.json"
    card.figures += [_figure(r, t("dash.score", lang), f"{f}#overall.score", "score"),
                     _figure(r, t("dash.plan_weeks", lang), "workshop/plan.json#total_weeks", "count"),
                     _figure(r, t("dash.plan_end", lang), "workshop/plan.json#end", "text")]
    card.verdict = _verdict(r, f"{f}#overall.verdict", lang)


def _finance(card: Card, r: _Results, lang: Lang) -> None:
    currency = r.get("finance/roi.json#currency") or ""
    card.figures += [_figure(r, t("dash.npv", lang, currency=currency), "finance/roi.json#risk_adjusted.npv",
                             "money"),
                     _figure(r, t("dash.payback", lang), "finance/roi.json#risk_adjusted.payback.months", "score"),
                     _figure(r, t("dash.tco", lang, currency=currency),
                             "finance/roi.json#risk_adjusted.tco_nominal", "money")]
    ranking = r.get("finance/tco-comparison.json#ranking")
    if ranking:
        card.figures.append(_figure(r, t("dash.tco_lowest", lang),
                                    f"finance/tco-comparison.json#cases.{ranking[0]}.vendor.{lang}", "text"))


def _vendors(card: Card, r: _Results, lang: Lang) -> None:
    leader = r.get("vendors/comparison.json#ranking.0")
    vendors = r.get("vendors/comparison.json#vendors") or []
    at = next((i for i, v in enumerate(vendors) if v.get("id") == leader), None)
    if at is not None:
        name = f"vendors/comparison.json#vendors.{at}.name.{lang}"
        card.figures += [_figure(r, t("dash.leader", lang), name, "text"),
                         _figure(r, t("dash.leader_score", lang), f"vendors/comparison.json#vendors.{at}.total",
                                 "score")]
    card.figures.append(_figure(r, t("dash.vendors", lang), "vendors/comparison.json#vendors", "count_list"))


def _data(card: Card, r: _Results, lang: Lang) -> None:
    f = next(iter(sorted(p.name for p in (r.root / "data").glob("*-profile.json"))), None)
    if f is None:
        return
    src = f"data/{f}"
    card.figures += [_figure(r, t("dash.data_score", lang), f"{src}#readiness.value", "pct"),
                     _figure(r, t("dash.data_target", lang), f"{src}#readiness.target", "pct"),
                     _figure(r, t("dash.rows", lang), f"{src}#rows", "count")]


def _migration(card: Card, r: _Results, lang: Lang) -> None:
    f = next(iter(sorted(p.name for p in (r.root / "migration").glob("*-rehearsal.json"))), None)
    if f is None:
        return
    best = f"migration/{f}#comparison.0"
    card.figures += [_figure(r, t("dash.fit_best", lang), f"{best}.target", "text"),
                     _figure(r, t("dash.fit_load_rate", lang), f"{best}.load_rate", "pct"),
                     _figure(r, t("dash.fit_rejected", lang), f"{best}.expected_rejected", "count"),
                     _figure(r, t("dash.fit_hours", lang), f"{best}.steward_hours", "score")]


def _documents(card: Card, r: _Results, lang: Lang) -> None:
    count = sum(1 for link in card.links if link.path.endswith(".html"))
    card.figures.append(Figure(t("dash.documents", lang), str(count), "", str(count), "count"))


def _review(card: Card, r: _Results, lang: Lang) -> None:
    f = "review/review.json"
    card.figures += [_figure(r, t("dash.kpis_on_track", lang), f"{f}#status_counts.on_track", "count"),
                     _figure(r, t("dash.kpis_off_track", lang), f"{f}#status_counts.off_track", "count")]
    card.verdict = _verdict(r, f"{f}#golive.verdict", lang)
    if card.verdict is not None:
        card.verdict = Figure(t("dash.golive", lang), card.verdict.shown, card.verdict.source, card.verdict.value,
                              "verdict")


HEADLINES: dict[str, Callable[[Card, _Results, Lang], None]] = {
    "assessment": _assessment, "workshop": _workshop, "finance": _finance, "vendors": _vendors,
    "data": _data, "migration": _migration, "documents": _documents, "review": _review,
}


def _folder(path: str) -> str:
    return path.split("/", 1)[0] if "/" in path else OTHER


def build_cards(out_dir: Path, entries: Sequence[DemoEntry], lang: Lang) -> list[Card]:
    """Return the dashboard's cards: one per capability the demo ran, every file it wrote linked."""
    cards: dict[str, Card] = {}
    linked: set[str] = set()
    for e in entries:
        card = cards.get(e.section.en)
        if card is None:
            card = cards[e.section.en] = Card("", e.section.get(lang))
        if not card.folder and _folder(e.path) != OTHER:
            card.folder = _folder(e.path)
        pdf = e.path[: -len(".html")] + ".pdf" if e.path.endswith(".html") else None
        if pdf is not None and not (out_dir / pdf).is_file():
            pdf = None
        card.links.append(Link(e.path, e.title.get(lang), e.summary.get(lang) if e.summary else None, pdf))
        linked.update(p for p in (e.path, pdf) if p)
    by_folder = {c.folder: c for c in cards.values() if c.folder}
    rest = Card(OTHER, t("dash.other_files", lang))
    for path in sorted(out_dir.rglob("*")):
        rel = path.relative_to(out_dir).as_posix()
        if not path.is_file() or rel in NOT_LINKED or rel in linked:
            continue
        home = by_folder.get(_folder(rel), rest)
        home.links.append(Link(rel, rel.split("/", 1)[-1]))
    results = _Results(out_dir)
    for card in by_folder.values():
        fill = HEADLINES.get(card.folder)
        if fill is not None:
            fill(card, results, lang)
        card.figures = [f for f in card.figures if f is not None]
        if card.tone is None and card.verdict is not None:
            card.tone = f"v-{card.verdict.value}"
    out = list(cards.values())
    if rest.links:
        out.append(rest)
    return out
