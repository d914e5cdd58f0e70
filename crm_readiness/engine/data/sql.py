"""Running SQL on the data engine's DuckDB connection without leaving a result pending.

DuckDB 2.x refuses any further work on a connection (``register``, a new
``execute``) while a result from ``execute()`` is not fully fetched; a bare
``.fetchone()`` leaves the rest pending. Every query whose rows the engine
reads goes through :func:`one` or :func:`rows`, which fetch everything, so the
connection is always free. Statements without rows use :func:`run`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


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
