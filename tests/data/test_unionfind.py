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


def _plain_precision(left: list[int], right: list[int], prob: list[float]) -> float:
    """The expected precision by a plain Kruskal over every link (no contraction)."""
    order = sorted(range(len(left)), key=lambda k: -prob[k])
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    adj: dict[int, list[tuple[int, float]]] = {}
    for k in order:
        ra, rb = find(left[k]), find(right[k])
        if ra != rb:
            parent[rb] = ra
            adj.setdefault(left[k], []).append((right[k], prob[k]))
            adj.setdefault(right[k], []).append((left[k], prob[k]))
    wrong = pairs = 0.0
    done: set[int] = set()
    for root in adj:
        if root in done:
            continue
        comp, todo = {root}, [root]
        while todo:
            x = todo.pop()
            for y, _ in adj[x]:
                if y not in comp:
                    comp.add(y)
                    todo.append(y)
        done |= comp
        n = len(comp)
        pairs += n * (n - 1) / 2
        # each tree link: the records on either side of it
        for x in comp:
            for y, p in adj[x]:
                if x < y:
                    side, todo = {x}, [x]
                    while todo:
                        z = todo.pop()
                        for w, _ in adj[z]:
                            if w not in side and {z, w} != {x, y}:
                                side.add(w)
                                todo.append(w)
                    wrong += (1 - p) * len(side) * (n - len(side))
    return max(0.0, 1 - wrong / pairs)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 25), st.integers(0, 25),
                          st.sampled_from([1.0, 1.0, 0.99, 0.95, 0.9, 0.7])
                          ).filter(lambda t: t[0] != t[1]), min_size=1, max_size=60))
def test_cluster_precision_contracting_certain_links_changes_nothing(
        links: list[tuple[int, int, float]]) -> None:
    from crm_readiness.engine.data.linkage import cluster_precision

    left = [min(a, b) for a, b, _ in links]
    right = [max(a, b) for a, b, _ in links]
    prob = [p for _, _, p in links]
    got = cluster_precision(np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64),
                            np.asarray(prob))
    assert got is not None
    assert abs(got - _plain_precision(left, right, prob)) < 1e-9
