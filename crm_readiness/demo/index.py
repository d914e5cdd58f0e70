"""The demo's ``index.html``: a dashboard with one card per capability (see :mod:`.dashboard`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from crm_readiness.demo.dashboard import build_cards
from crm_readiness.demo.entry import DemoEntry
from crm_readiness.i18n import Lang
from crm_readiness.render.jinja_env import render_template


def render_index(out_dir: Path, entries: Sequence[DemoEntry], lang: Lang) -> str:
    """Return the demo index page: headline figures from the results, a link to every file written."""
    return render_template("demo/index.html.j2", lang, cards=build_cards(out_dir, entries, lang))
