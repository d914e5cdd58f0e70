"""The Jinja environment every report shares: packaged templates, autoescape, i18n.

HTML templates are autoescaped (a ``<script>`` in an organisation name is
inert); Markdown templates escape the few characters that would change
Markdown structure. Templates call ``t("key")`` for interface strings and
``tx(text)`` for a bilingual model field; both use the render's language.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from crm_readiness._resources import templates_dir, user_cache_dir
from crm_readiness.i18n import Lang
from crm_readiness.i18n import t as _t


def _md_escape(value: object) -> str:
    text = "" if value is None else str(value)
    for ch in ("\\", "|", "*", "_", "`", "<", ">", "[", "]"):
        text = text.replace(ch, "\\" + ch)
    return text.replace("\r", " ").replace("\n", " ")


def _pct(value: float | Decimal | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{float(value) * 100:.{digits}f}%"


def _num(value: float | Decimal | int | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{float(value):,.{digits}f}" if digits else f"{round(float(value)):,}"


def _money(value: Decimal | float | int | None, digits: int = 0) -> str:
    """Format money with thousands separators, rounding half-up only here, for display."""
    if value is None:
        return "–"
    d = Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding="ROUND_HALF_UP")
    return f"{d:,.{digits}f}"


def css_string(text: str) -> Markup:
    """Return ``text`` as a quoted CSS string: every character but letters, digits, spaces and
    CJK written as a CSS escape, so nothing a user typed can end the string or the style sheet."""
    out = []
    for ch in text:
        if ch.isalnum() or ch == " " or ord(ch) >= 0x3000:
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):06x}")
    return Markup('"' + "".join(out) + '"')


def page_of_css(lang: Lang) -> Markup:
    """Return the CSS ``content`` value of "Page X of Y" in ``lang`` (the page counters between strings)."""
    text = _t("print.page_of", lang, page="\0", pages="\1")
    before, _, rest = text.partition("\0")
    middle, _, after = rest.partition("\1")
    parts = [css_string(before), Markup("counter(page)"), css_string(middle), Markup("counter(pages)"),
             css_string(after)]
    return Markup(" ").join(parts)


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Return the per-user cache of compiled templates (most of a report's time), or None.

    Jinja checks each entry against its template's source, so an edited
    template is compiled again.
    """
    folder = user_cache_dir("jinja")
    return None if folder is None else jinja2.FileSystemBytecodeCache(str(folder))


@cache
def _environment(kind: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        bytecode_cache=_bytecode_cache(),
        autoescape=(kind == "html"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = _md_escape
    env.filters["pct"] = _pct
    env.filters["num"] = _num
    env.filters["money"] = _money
    return env


def render_template(name: str, lang: Lang, **context: Any) -> str:
    """Render packaged template ``name`` in ``lang``; HTML if the name ends in ``.html.j2``."""
    kind = "html" if name.endswith(".html.j2") else "text"
    env = _environment(kind)

    def t(key: str, **params: object) -> str:
        return _t(key, lang, **params)

    def tx(text: Any) -> str:
        if text is None:
            return ""
        if isinstance(text, dict):
            return str(text.get(lang) or text.get("en") or "")
        getter = getattr(text, "get", None)
        return str(getter(lang)) if callable(getter) else str(text)

    template = env.get_template(name)
    return template.render(t=t, tx=tx, lang=lang, Markup=Markup, page_of=page_of_css(lang), **context)
