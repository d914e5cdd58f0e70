"""Connected components of record pairs (duplicate links → clusters), vectorised in numpy.

Min-label hooking with pointer jumping over arrays: every round hooks the root of
each link's larger side onto the smaller root (``np.minimum.at``), then halves
every path until each record points at its root; a component's root ends as its
smallest record. The rounds grow with the logarithm of the longest chain, not with
the number of links, and no Python loop touches a link.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

#: record numbers: int64, or int32 when the caller fetched them so (see :func:`components`)
IntArray = npt.NDArray[np.signedinteger[Any]]


def _index_dtype(n: int) -> type[np.signedinteger[Any]]:
    """int32 for the per-record indices when they fit (half the memory of int64)."""
    return np.int32 if n < 2**31 else np.int64


def components(left: IntArray, right: IntArray) -> tuple[IntArray, IntArray]:
    """Return (records, root) of every record in a link: its component's smallest record.

    The records keep the links' integer type (int32 links from a large export take
    half the memory); the working indices are int32 whenever they fit.
    """
    left = np.asarray(left)
    right = np.asarray(right)
    if left.dtype.kind != "i":
        left = left.astype(np.int64)
    if right.dtype.kind != "i":
        right = right.astype(np.int64)
    nodes = np.unique(np.concatenate([left, right]))
    if len(nodes) == 0:
        return nodes, nodes.copy()
    ix = _index_dtype(len(nodes))
    li = np.searchsorted(nodes, left).astype(ix, copy=False)
    ri = np.searchsorted(nodes, right).astype(ix, copy=False)
    parent = np.arange(len(nodes), dtype=ix)
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


def clusters(left: IntArray, right: IntArray) -> tuple[IntArray, IntArray]:
    """Return (record, cluster id) arrays of the clusters the links form.

    Clusters are numbered 1.. by their smallest record; the arrays are ordered by
    cluster, then record.
    """
    nodes, roots = components(left, right)
    order = np.lexsort((nodes, roots))
    rids, roots = nodes[order], roots[order]
    cids = np.searchsorted(np.unique(roots), roots).astype(_index_dtype(len(rids) + 1)) + 1
    return rids, cids
