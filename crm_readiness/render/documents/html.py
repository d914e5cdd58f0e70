"""A document as self-contained HTML: A4 print layout, numbered headings, contents list.

A user folder (``--templates DIR``) may hold ``<kind>.html.j2`` or
``document.html.j2``; it may ``{% extends "documents/document.html.j2" %}`` and
override blocks. Autoescaping stays on whatever the template.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from crm_readiness._resources import templates_dir
from crm_readiness.i18n import Lang
from crm_readiness.i18n import t as _t
from crm_readiness.models.document import Cell, Document, cell_text
from crm_readiness.render.documents._figure import svg
from crm_readiness.render.documents._text import clean, heading, numbered
from crm_readiness.render.jinja_env import bytecode_cache, css_string

PACKAGED = "documents/document.html.j2"


#: the generation of the environment settings below (part of the compiled templates' file names)
_SETTINGS = "documents1"


@cache
def _environment(user: Path | None) -> jinja2.Environment:
    """Return the environment for ``user``'s folder (None: the packaged templates), made once.

    Compiled templates are kept per process and in the per-user cache (compiling the
    document template was most of an HTML document's time, once for each of the
    demo's five documents); Jinja checks a template's source, so an edited one
    is compiled again.
    """
    loaders: list[jinja2.BaseLoader] = []
    if user is not None:
        loaders.append(jinja2.FileSystemLoader(str(user)))
    loaders.append(jinja2.FileSystemLoader(str(templates_dir())))
    return jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              bytecode_cache=bytecode_cache(_SETTINGS))


def template_name(kind: str, user: Path | None) -> str:
    """Return the template used for a document of ``kind``: the user's own, else the packaged one."""
    if user is not None:
        for name in (f"{kind}.html.j2", "document.html.j2"):
            if (user / name).is_file():
                return name
    return PACKAGED


def render_html(doc: Document, lang: Lang, *, templates: Path | None = None) -> str:
    """Return ``doc`` as an HTML page in ``lang``."""
    env = _environment(templates)

    def t(key: str, **params: object) -> str:
        return _t(key, lang, **params)

    def tx(value: Cell) -> str:
        return clean(cell_text(value, lang))

    sections = [{"number": n, "level": level, "section": s,
                 "heading": heading(n, cell_text(s.title, lang))} for n, level, s in numbered(doc.sections)]
    template = env.get_template(template_name(doc.kind, templates))
    running = css_string(f"{clean(doc.organization)} · {tx(doc.title)}")
    return template.render(doc=doc, lang=lang, t=t, tx=tx, sections=sections, organization=clean(doc.organization),
                           figure=lambda fig: svg(fig, lang),
                           title=tx(doc.title), issued=doc.issued.isoformat(), running_header=running)
