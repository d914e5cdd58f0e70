"""The pair similarity computed in DuckDB equals rapidfuzz's normalised Levenshtein."""

from __future__ import annotations

import random

import duckdb
from rapidfuzz.distance import Levenshtein

from crm_readiness.engine.data.fuzzy import _similarity_sql

ALPHABET = "华瑞机械有限公司上海abc 1２3-"


def test_text_similarity_matches_rapidfuzz() -> None:
    rng = random.Random(7)

    def value() -> str | None:
        if rng.random() < 0.1:
            return None
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12)))

    pairs = [(value(), value()) for _ in range(3000)]
    pairs += [(a, a[:k] + "x" + a[k + 1:]) for a in ("华瑞机械", "上海鼎盛贸易") for k in range(4)]
    con = duckdb.connect()
    con.execute("CREATE TABLE p (i INTEGER, a VARCHAR, b VARCHAR)")
    con.executemany("INSERT INTO p VALUES (?, ?, ?)", [(i, a, b) for i, (a, b) in enumerate(pairs)])
    got = con.execute(f"SELECT {_similarity_sql(0, 'text')} FROM (SELECT i, a AS g0 FROM p) l "
                      f"JOIN (SELECT i, b AS g0 FROM p) r USING (i) ORDER BY i").fetchall()
    for (sim,), (a, b) in zip(got, pairs, strict=True):
        want = -1.0 if a is None or b is None else Levenshtein.normalized_similarity(a, b)
        assert abs(sim - want) < 1e-12, (a, b, sim, want)


def test_exact_and_address_similarity() -> None:
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT {_similarity_sql(0, 'exact')}, {_similarity_sql(1, 'address')} FROM "
        "(VALUES ('x', '高新区123号', '123'), ('x', '高新区123号', '123'), (NULL, NULL, NULL), "
        "('y', '高新区128号', '128')) l(g0, g1, d1) "
        "CROSS JOIN (VALUES ('x', '高新区123号', '123')) r(g0, g1, d1)").fetchall()
    assert rows == [(1.0, 1.0), (1.0, 1.0), (-1.0, -1.0), (0.0, 0.0)]


def test_pairs_sample_bounds_the_pair_table_reproducibly() -> None:
    """At most ``limit`` pairs, chosen by the seeded order, renumbered by (a, b); PAIRS itself when it fits."""
    import duckdb

    from crm_readiness.engine.data.fuzzy import PAIRS, pairs_sample

    con = duckdb.connect()
    con.execute(f"CREATE TABLE {PAIRS} AS SELECT i AS pid, i AS a, i + 1 AS b FROM range(1000) t(i)")
    assert pairs_sample(con, "_s", 1000, 1000, "hash(pid + 7)") == (PAIRS, 1000)
    name, n = pairs_sample(con, "_s", 1000, 100, "hash(pid + 7)")
    assert (name, n) == ("_s", 100)
    got = con.execute("SELECT pid, a, b FROM _s ORDER BY pid").fetchall()
    assert [r[0] for r in got] == list(range(100))
    assert [r[1] for r in got] == sorted(r[1] for r in got) and all(b == a + 1 for _, a, b in got)
    want = sorted(r[0] for r in con.execute(f"SELECT a FROM {PAIRS} ORDER BY hash(pid + 7) LIMIT 100").fetchall())
    assert [r[1] for r in got] == want
    pairs_sample(con, "_s", 1000, 100, "hash(pid + 7)")
    assert con.execute("SELECT pid, a, b FROM _s ORDER BY pid").fetchall() == got
