"""Without fuzzy, the exact-key links stay in DuckDB (issue 16, bounded memory at 20 M rows).

``_cr_matches`` is written by DuckDB from the pairs' SQL and only the record numbers reach
the union-find (as int32); it must be exactly what the array path (every pair, score and
similarity in numpy) gives, so the cluster results cannot change.
"""

from __future__ import annotations

import numpy as np

from crm_readiness.engine.data import ProfileOptions, profile
from crm_readiness.engine.data.duplicates import (
    CLUSTERS,
    MATCHES,
    _exact_matches,
    _register_clusters,
    find_hubs,
)
from crm_readiness.engine.data.plan import column_plans
from crm_readiness.engine.data.unionfind import clusters, components
from crm_readiness.io.data_sources import load_rules, open_export
from tests.data.conftest import Synthetic


def test_sql_links_equal_the_array_path(synthetic: Synthetic) -> None:
    with open_export([synthetic.csv]) as table:
        rules = load_rules(synthetic.rules, table.columns)
        result = profile(table, rules, ProfileOptions(fuzzy=False))
        con = table.conn
        got = (con.execute(f"SELECT * FROM {MATCHES}").fetchall(),
               con.execute(f"SELECT * FROM {CLUSTERS} ORDER BY rid").fetchall())
        plans = column_plans(table, rules)
        by_name = {p.name: p for p in plans}
        _register_clusters(table, _exact_matches(table, rules, by_name,
                                                 find_hubs(table, rules, by_name)[1]), plans)
        want = (con.execute(f"SELECT * FROM {MATCHES}").fetchall(),
                con.execute(f"SELECT * FROM {CLUSTERS} ORDER BY rid").fetchall())
    assert len(got[0]) == result.duplicates.matched_pairs > 100
    assert got == want


def test_int32_links_give_the_same_components_in_int32() -> None:
    rng = np.random.default_rng(3)
    left = rng.integers(0, 5000, 3000)
    right = rng.integers(0, 5000, 3000)
    keep = left != right
    wide = components(left[keep], right[keep])
    narrow = components(left[keep].astype(np.int32), right[keep].astype(np.int32))
    assert narrow[0].dtype == np.int32 and narrow[1].dtype == np.int32
    assert all(np.array_equal(a, b) for a, b in zip(wide, narrow, strict=True))
    rids, cids = clusters(left[keep].astype(np.int32), right[keep].astype(np.int32))
    wide_rids, wide_cids = clusters(left[keep], right[keep])
    assert rids.dtype == np.int32
    assert np.array_equal(rids, wide_rids) and np.array_equal(cids, wide_cids)
