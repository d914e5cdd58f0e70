"""The project's documents as one bilingual model: sections of paragraphs, lists and tables.

Every document the tool writes (charter, specification, training plan, migration
plan, go-live checklist) is built as a :class:`Document` by the engine and
rendered to docx, HTML and Markdown by ``render/documents``; blocks are paragraphs, lists,
tables with column weights and timeline figures. Text is either a
bilingual :class:`Text` (the tool's own words) or a plain string (what a user
wrote: names, notes), shown as written in both languages.
"""


from datetime import date
from typing import Annotated, Literal

from pydantic import Field

from crm_readiness.models._base import Lang, ResultModel, Text

Cell = Text | str


def cell_text(value: Cell, lang: Lang) -> str:
    """Return ``value`` in ``lang`` (a plain string is the same in both)."""
    return value if isinstance(value, str) else value.get(lang)


class Paragraph(ResultModel):
    """A paragraph; ``note`` paragraphs are set smaller (guidance, sources)."""

    kind: Literal["paragraph"] = "paragraph"
    text: Cell
    style: Literal["body", "note", "fill"] = "body"


class BulletList(ResultModel):
    """A bulleted or numbered list."""

    kind: Literal["list"] = "list"
    items: tuple[Cell, ...]
    numbered: bool = False


class Column(ResultModel):
    """A table column: its header and its share of the text width (weights are relative)."""

    header: Text
    weight: float = Field(default=1.0, gt=0)


class Table(ResultModel):
    """A table with a header row that repeats on every page."""

    kind: Literal["table"] = "table"
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


class Bar(ResultModel):
    """One bar of a timeline: a label and its dates (inclusive)."""

    label: Cell
    start: date
    end: date


class Figure(ResultModel):
    """A timeline figure (the plan's stages as bars over months), with its caption."""

    kind: Literal["timeline"] = "timeline"
    caption: Text
    bars: tuple[Bar, ...] = Field(min_length=1)


Block = Annotated[Paragraph | BulletList | Table | Figure, Field(discriminator="kind")]


class Section(ResultModel):
    """A numbered section: its blocks, then its subsections."""

    title: Text
    blocks: tuple[Block, ...] = ()
    subsections: "tuple[Section, ...]" = ()


DocumentKind = Literal["charter", "specification", "training", "migration", "golive"]


class Document(ResultModel):
    """A whole document: what the header, footer and title page show, then its sections."""

    kind: DocumentKind
    title: Text
    organization: str
    version: str = "1.0"
    issued: date
    sections: tuple[Section, ...]
