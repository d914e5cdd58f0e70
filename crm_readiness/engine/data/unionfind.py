"""Union-find (disjoint sets) over record numbers: duplicate pairs → clusters."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt


class UnionFind:
    """Disjoint sets of integer ids, with path halving and union by size."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.size: dict[int, int] = {}

    def find(self, x: int) -> int:
        """Return the representative of ``x``'s set."""
        parent = self.parent
        if x not in parent:
            parent[x] = x
            self.size[x] = 1
            return x
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        """Merge the sets of ``a`` and ``b``."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]

    def union_all(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Merge every pair."""
        for a, b in pairs:
            self.union(a, b)

    def clusters(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Return (record, cluster id) arrays; clusters numbered 1.. by their smallest record."""
        members: dict[int, list[int]] = {}
        for x in self.parent:
            members.setdefault(self.find(x), []).append(x)
        groups = sorted((sorted(m) for m in members.values() if len(m) > 1), key=lambda m: m[0])
        rids = [r for g in groups for r in g]
        cids = [k + 1 for k, g in enumerate(groups) for _ in g]
        return np.asarray(rids, dtype=np.int64), np.asarray(cids, dtype=np.int64)
