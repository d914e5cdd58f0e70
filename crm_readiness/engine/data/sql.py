"""Running SQL on the data engine's DuckDB connection without leaving a result pending.

DuckDB 2.x refuses any further work on a connection (``register``, a new
``execute``) while a result from ``execute()`` is not fully fetched; a bare
``.fetchone()`` leaves the rest pending. Every query whose rows the engine
reads goes through :func:`one` or :func:`rows`, which fetch everything, so the
connection is always free. Statements without rows use :func:`run`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np


def run(con: Any, sql: str, params: Sequence[object] | None = None) -> None:
    """Execute a statement and drain any result it produced."""
    cur = con.execute(sql, params) if params is not None else con.execute(sql)
    cur.fetchall()


def rows(con: Any, sql: str, params: Sequence[object] | None = None) -> list[tuple[Any, ...]]:
    """Return every row of ``sql`` (the result fully fetched)."""
    cur = con.execute(sql, params) if params is not None else con.execute(sql)
    out: list[tuple[Any, ...]] = cur.fetchall()
    return out


def one(con: Any, sql: str, params: Sequence[object] | None = None) -> tuple[Any, ...]:
    """Return the single row of an aggregate query (the result fully fetched)."""
    got = rows(con, sql, params)
    if not got:
        raise LookupError("query returned no row")
    return got[0]


@contextmanager
def record_ids(con: Any, name: str, ids: Iterable[int]) -> Iterator[str]:
    """Register the distinct record numbers ``ids`` as the view ``name`` (one BIGINT column
    ``rid``, ascending) for the ``with`` block, so a query can join or semi-join them."""
    con.register(name, {"rid": np.unique(np.fromiter(ids, dtype=np.int64))})
    try:
        yield name
    finally:
        con.unregister(name)
