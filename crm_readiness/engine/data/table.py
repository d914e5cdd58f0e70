"""The relation the data engine computes over, and the progress protocol.

The io layer opens the source files into a DuckDB table (``DataTable``); the
engine only runs SQL over it and creates its own temporary tables in the same
connection. Nothing here touches files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from crm_readiness.models.data.result import SourceInfo

_T = TypeVar("_T")

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


@contextmanager
def beside(table: DataTable, work: Callable[[DataTable], _T]) -> Iterator[Future[_T]]:
    """Run ``work`` on a thread, over ``table`` on a DuckDB cursor of its own (a connection
    is not shared between threads), while the block runs; wait for it on the way out.

    DuckDB releases Python's lock while it runs SQL, so a Python stage in the block and
    the SQL of ``work`` (or the other way round) keep two cores busy.
    """
    cursor = table.conn.cursor()
    try:
        with ThreadPoolExecutor(max_workers=1) as pool:
            yield pool.submit(work, replace(table, conn=cursor))
    finally:
        cursor.close()
