"""Connected components of duplicate links: the vectorised union-find against a plain BFS."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_readiness.engine.data.unionfind import clusters, components


def _reference(pairs: list[tuple[int, int]]) -> dict[int, int]:
    """Smallest record of each record's component, by breadth-first search."""
    adj: dict[int, set[int]] = {}
    for a, b in pairs:
        adj.setdefault(a, set()).add(b)
        adj.setdefault(b, set()).add(a)
    root: dict[int, int] = {}
    for start in sorted(adj):
        if start in root:
            continue
        seen, todo = {start}, [start]
        while todo:
            x = todo.pop()
            for y in adj[x] - seen:
                seen.add(y)
                todo.append(y)
        for x in seen:
            root[x] = min(seen)
    return root


def _arrays(pairs: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    return (np.asarray([a for a, _ in pairs], dtype=np.int64),
            np.asarray([b for _, b in pairs], dtype=np.int64))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)).filter(lambda t: t[0] != t[1]),
                max_size=120))
def test_components_match_a_breadth_first_search(pairs: list[tuple[int, int]]) -> None:
    nodes, roots = components(*_arrays(pairs))
    assert dict(zip(nodes.tolist(), roots.tolist(), strict=True)) == _reference(pairs)


def test_clusters_are_numbered_by_their_smallest_record_and_ordered() -> None:
    # a long chain (worst case for naive label propagation), a star and a pair
    chain = [(k, k + 1) for k in range(100, 1100)]
    pairs = [*reversed(chain), (7, 3), (7, 5), (7, 9), (50, 40)]
    rids, cids = clusters(*_arrays(pairs))
    assert rids.tolist() == [3, 5, 7, 9, 40, 50, *range(100, 1101)]
    assert cids.tolist() == [1] * 4 + [2] * 2 + [3] * 1001


def test_no_links_no_clusters() -> None:
    rids, cids = clusters(np.zeros(0, np.int64), np.zeros(0, np.int64))
    assert len(rids) == 0 and len(cids) == 0
