"""The relation the data engine computes over, and the progress protocol.

The io layer opens the source files into a DuckDB table (``DataTable``); the
engine only runs SQL over it and creates its own temporary tables in the same
connection. Nothing here touches files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from crm_readiness.models.data.result import SourceInfo

#: receives progress: a stage name and the fraction of the whole job done (0..1).
Progress = Callable[[str, float], None]


def no_progress(stage: str, done: float) -> None:
    """A progress sink that ignores everything."""


@dataclass(frozen=True)
class DataTable:
    """A loaded export: the DuckDB connection, the table, its columns and the files read."""

    conn: Any
    table: str
    columns: tuple[str, ...]
    sources: tuple[SourceInfo, ...]

    @property
    def rows(self) -> int:
        """Return the number of records."""
        return sum(s.rows for s in self.sources)

    def locate(self, record: int) -> tuple[str, int]:
        """Return (file, row in that file with the header as row 1) of record number ``record``."""
        for s in reversed(self.sources):
            if record >= s.first_record:
                return s.path, record - s.first_record + 2
        return self.sources[0].path, record + 2

    def locate_sql(self, rid: str, name: Callable[[str], str] = str) -> tuple[str, str]:
        """Return SQL expressions of the file name (as ``name`` writes it) and row of record id
        expression ``rid``."""
        from crm_readiness.engine.data.formats import lit

        file_case = "CASE " + " ".join(
            f"WHEN {rid} >= {s.first_record} THEN {lit(name(s.path))}"
            for s in reversed(self.sources)) + " END"
        row_case = "CASE " + " ".join(
            f"WHEN {rid} >= {s.first_record} THEN {rid} - {s.first_record} + 2"
            for s in reversed(self.sources)) + " END"
        return file_case, row_case
