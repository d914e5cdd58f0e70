"""Connected components of record pairs (duplicate links → clusters), vectorised in numpy.

Min-label hooking with pointer jumping over arrays: every round hooks the root of
each link's larger side onto the smaller root (``np.minimum.at``), then halves
every path until each record points at its root; a component's root ends as its
smallest record. The rounds grow with the logarithm of the longest chain, not with
the number of links, and no Python loop touches a link.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def components(left: npt.NDArray[np.int64], right: npt.NDArray[np.int64],
               ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Return (records, root) of every record in a link: its component's smallest record."""
    left = np.asarray(left, dtype=np.int64)
    right = np.asarray(right, dtype=np.int64)
    nodes = np.unique(np.concatenate([left, right]))
    if len(nodes) == 0:
        return nodes, nodes.copy()
    li = np.searchsorted(nodes, left)
    ri = np.searchsorted(nodes, right)
    parent = np.arange(len(nodes), dtype=np.int64)
    while True:
        pl, pr = parent[li], parent[ri]
        differ = pl != pr
        if not differ.any():
            break
        pl, pr = pl[differ], pr[differ]
        lo = np.minimum(pl, pr)
        np.minimum.at(parent, np.maximum(pl, pr), lo)
        while True:  # pointer jumping until every record points at a root
            grand = parent[parent]
            if np.array_equal(grand, parent):
                break
            parent = grand
        li, ri = li[differ], ri[differ]
    return nodes, nodes[parent]


def clusters(left: npt.NDArray[np.int64], right: npt.NDArray[np.int64],
             ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Return (record, cluster id) arrays of the clusters the links form.

    Clusters are numbered 1.. by their smallest record; the arrays are ordered by
    cluster, then record.
    """
    nodes, roots = components(left, right)
    order = np.lexsort((nodes, roots))
    rids, roots = nodes[order], roots[order]
    cids = np.searchsorted(np.unique(roots), roots).astype(np.int64) + 1
    return rids, cids
