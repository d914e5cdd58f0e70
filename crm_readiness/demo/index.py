"""The demo's ``index.html``: links to every report the demo wrote, grouped by section."""

from __future__ import annotations

from collections.abc import Sequence

from crm_readiness.demo.entry import DemoEntry
from crm_readiness.i18n import Lang
from crm_readiness.render.jinja_env import render_template


def render_index(entries: Sequence[DemoEntry], lang: Lang) -> str:
    """Return the demo index page."""
    sections: dict[str, list[DemoEntry]] = {}
    titles: dict[str, str] = {}
    for e in entries:
        key = e.section.en
        sections.setdefault(key, []).append(e)
        titles[key] = e.section.get(lang)
    return render_template("demo/index.html.j2", lang,
                           sections=[(titles[k], v) for k, v in sections.items()])
