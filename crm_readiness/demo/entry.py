"""One output the demo wrote (a leaf: the capabilities' demo parts import it)."""

from __future__ import annotations

from dataclasses import dataclass

from crm_readiness.models._base import Text


@dataclass(frozen=True)
class DemoEntry:
    """One output the demo wrote: its section, title, relative path and a one-line summary."""

    section: Text
    title: Text
    path: str
    summary: Text | None = None
