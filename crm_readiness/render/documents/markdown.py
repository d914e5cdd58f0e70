"""A document as Markdown (GitHub flavour): numbered headings, pipe tables, lists."""

from __future__ import annotations

from crm_readiness.i18n import Lang, t
from crm_readiness.models.document import BulletList, Cell, Document, Figure, Paragraph, Table, cell_text
from crm_readiness.render.documents._figure import text_bars
from crm_readiness.render.documents._text import clean, heading, numbered


def _esc(value: Cell, lang: Lang) -> str:
    text = clean(cell_text(value, lang))
    for ch in ("\\", "|", "*", "_", "`", "<", ">", "[", "]", "#"):
        text = text.replace(ch, "\\" + ch)
    return text.replace("\r", " ").replace("\n", " ")


def render_markdown(doc: Document, lang: Lang) -> str:
    """Return ``doc`` as Markdown in ``lang``."""
    title = doc.title.get(lang)
    out = [f"# {_esc(title, lang)}", "",
           t("docs.meta", lang, org=_esc(doc.organization, lang), version=doc.version,
             date=doc.issued.isoformat()), ""]
    for number, level, section in numbered(doc.sections):
        out += [f"{'#' * min(level + 1, 6)} {_esc(heading(number, cell_text(section.title, lang)), lang)}", ""]
        for block in section.blocks:
            if isinstance(block, Paragraph):
                text = _esc(block.text, lang)
                out += [f"*{text}*" if block.style == "note" else text, ""]
            elif isinstance(block, BulletList):
                out += [f"{i}. {_esc(item, lang)}" if block.numbered else f"- {_esc(item, lang)}"
                        for i, item in enumerate(block.items, start=1)] + [""]
            elif isinstance(block, Table):
                out.append("| " + " | ".join(_esc(c.header, lang) for c in block.columns) + " |")
                out.append("|" + "|".join("---" for _ in block.columns) + "|")
                out += ["| " + " | ".join(_esc(v, lang) for v in row) + " |" for row in block.rows]
                out.append("")
            elif isinstance(block, Figure):
                out += [f"*{_esc(block.caption, lang)}*", "", "| | |", "|---|---|"]
                bars = zip(block.bars, text_bars(block), strict=True)
                out += [f"| {_esc(b.label, lang)} | `{bar}` |" for b, bar in bars]
                out.append("")
    return "\n".join(out).rstrip() + "\n"
