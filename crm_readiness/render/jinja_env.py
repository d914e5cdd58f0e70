"""The Jinja environment every report shares: packaged templates, autoescape, i18n.

HTML templates are autoescaped (a ``<script>`` in an organisation name is
inert); Markdown templates escape the few characters that would change
Markdown structure. Templates call ``t("key")`` for interface strings and
``tx(text)`` for a bilingual model field; both use the render's language.
A bilingual value (:class:`~crm_readiness.models._base.Text`: a checklist's
words or what a user wrote as a string or ``{en, zh}``) printed as is
(``{{ line.name }}``, ``{{ note|md }}``) or passed to ``t(key, name=...)``
shows in the render's language too, so templates never print both.
"""

from __future__ import annotations

from contextvars import ContextVar
from decimal import Decimal
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from crm_readiness._resources import templates_dir, user_cache_dir
from crm_readiness.i18n import Lang
from crm_readiness.i18n import t as _t

#: the language of the template being rendered (read by ``finalize`` and the filters)
_LANG: ContextVar[Lang] = ContextVar("render_lang", default="en")


def _in_lang(value: object) -> object:
    """Return a bilingual value in the render's language; any other value unchanged."""
    if isinstance(value, str) or not (hasattr(value, "en") and hasattr(value, "zh")):
        return value
    return getattr(value, _LANG.get())


def _md_escape(value: object) -> str:
    value = _in_lang(value)
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


def bytecode_cache(settings: str) -> jinja2.BytecodeCache | None:
    """Return the per-user cache of compiled templates (most of a report's time), or None.

    Jinja checks each entry against its template's source, so an edited
    template is compiled again. The compiled code also depends on the
    environment's settings (``finalize`` is compiled in), which Jinja does not
    check: the file names carry ``settings``, a tag each environment changes with
    its settings (so environments with different settings never share an entry).
    """
    folder = user_cache_dir("jinja")
    return None if folder is None else jinja2.FileSystemBytecodeCache(
        str(folder), pattern=f"__jinja2_{settings}_%s.cache")


#: the generation of the environment settings below (part of the cached files' names)
_SETTINGS = "finalize1"


@cache
def _environment(kind: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        bytecode_cache=bytecode_cache(_SETTINGS),
        autoescape=(kind == "html"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_in_lang,
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

    def labels(prefix: str, codes: tuple[str, ...]) -> str:
        """Return profile codes (``docs.module.`` …) as their labels, listed in ``lang``."""
        from crm_readiness.engine.labels import labels as bilingual_labels

        return bilingual_labels(prefix, tuple(codes)).get(lang)

    template = env.get_template(name)
    token = _LANG.set(lang)
    try:
        return template.render(t=t, tx=tx, labels=labels, lang=lang, Markup=Markup,
                               page_of=page_of_css(lang), **context)
    finally:
        _LANG.reset(token)
