"""The probabilistic (Fellegi–Sunter) match model: levels, m/u, EM, expected precision.

Each compared field of a candidate pair falls in a *level* (its similarity
reaches ``levels[k]``; below the last level it disagrees; empty on either side
it is left out). ``m[k]`` is the share of true duplicate pairs at level ``k``,
``u[k]`` the share of pairs of different customers. A pair's match weight is
``log2(prior / (1 − prior)) + Σ log2(m / u)`` over its compared fields and its
match probability ``1 / (1 + 2^−weight)``.

Estimation from the data itself, as probabilistic record linkers do:

* ``u`` starts from pairs of records drawn at random (almost all of them
  different customers): the chance agreement of each field;
* ``m``, ``u`` and the prior by expectation–maximisation on the candidate pairs
  the blocking produced. ``u`` is re-estimated there because the model is
  applied to candidate pairs only: records blocked together on the name
  share it far more often than random records do, and a ``u`` kept at its
  random-pair value would let a shared name outweigh a different contact,
  phone and address (measured on the seeded generator: precision 0.77 with
  ``u`` fixed, 0.999 re-estimated).

The expected precision of a set of links is the mean of their match
probabilities; for clusters (links joined transitively), each link of a
cluster's strongest spanning tree, if wrong, would wrongly join the records on
its two sides, so the expected wrong pairs are Σ (1 − p) × left × right.
Pure numpy, bounded by the number of pairs given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from crm_readiness.engine.data.unionfind import components

#: probabilities are kept inside [EPS, 1 − EPS] (a level never seen is not impossible).
EPS = 1e-6
#: at most this many candidate pairs are used to estimate m (a seeded sample beyond).
MAX_EM_PAIRS = 2_000_000
EM_ITERATIONS = 200
EM_TOLERANCE = 1e-6


def level_matrix(sims: npt.NDArray[np.float64],
                 levels: Sequence[Sequence[float]]) -> npt.NDArray[np.int8]:
    """Return each pair's level per field (0 = highest; len(levels) = disagree; -1 = left out)."""
    out = np.full(sims.shape, -1, dtype=np.int8)
    for j, lv in enumerate(levels):
        col = sims[:, j]
        present = col >= 0
        failed = np.zeros(len(col), dtype=np.int8)
        for x in lv:
            failed += (col < x - 1e-9).astype(np.int8)
        out[present, j] = failed[present]
    return out


def level_weights(m: Sequence[float], u: Sequence[float]) -> npt.NDArray[np.float64]:
    """Return the weight (log2 m/u) of each level, made monotone.

    A more similar value never counts less than a less similar one, agreeing
    at the top level never counts against a match and disagreeing never for
    it. EM on blocked pairs can break this — pairs brought together by a
    shared address that is a template (高新区1xx号) are mostly different
    customers, so "address differs" would look like evidence of a match.
    """
    bf = np.log2(np.clip(np.asarray(m, dtype=np.float64), EPS, 1 - EPS)
                 / np.clip(np.asarray(u, dtype=np.float64), EPS, 1 - EPS))
    bf = np.minimum.accumulate(bf)
    bf[0] = max(bf[0], 0.0)
    bf[-1] = min(bf[-1], 0.0)
    return np.asarray(np.minimum.accumulate(bf), dtype=np.float64)


def match_weights(lev: npt.NDArray[np.int8], m: Sequence[Sequence[float]],
                  u: Sequence[Sequence[float]], prior: float) -> npt.NDArray[np.float64]:
    """Return the match weight (log2 odds) of each pair."""
    w = np.full(len(lev), np.log2(prior / (1 - prior)), dtype=np.float64)
    for j in range(lev.shape[1]):
        bf = level_weights(m[j], u[j])
        col = lev[:, j]
        present = col >= 0
        w[present] += bf[col[present]]
    return w


def probabilities(weights: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Return the match probability of each match weight."""
    return np.asarray(1.0 / (1.0 + np.exp2(-np.clip(weights, -60, 60))), dtype=np.float64)


def level_shares(lev: npt.NDArray[np.int8], n_levels: Sequence[int],
                 weights: npt.NDArray[np.float64] | None = None) -> list[list[float]]:
    """Return per field the (weighted) share of compared pairs at each level, smoothed."""
    out: list[list[float]] = []
    for j, k in enumerate(n_levels):
        col = lev[:, j]
        present = col >= 0
        wts = np.ones(len(col)) if weights is None else weights
        counts = np.bincount(col[present].astype(np.int64), weights=wts[present],
                             minlength=k + 1)[:k + 1]
        total = counts.sum()
        shares = (counts + 0.5) / (total + 0.5 * (k + 1))  # add-half smoothing
        out.append([float(np.clip(s, EPS, 1 - EPS)) for s in shares])
    return out


@dataclass
class Estimate:
    """An estimated model and how it was estimated."""

    m: list[list[float]]
    u: list[list[float]]
    prior: float
    iterations: int
    em_pairs: int
    random_pairs: int


def estimate(lev: npt.NDArray[np.int8], u_lev: npt.NDArray[np.int8],
             n_levels: Sequence[int], *, seed: int = 20240501, fix_u: bool = False,
             fixed: npt.NDArray[np.float64] | None = None) -> Estimate:
    """Estimate m, u and the prior by EM on the candidate pairs' levels.

    ``u`` starts from the random pairs' levels (chance agreement); with
    ``fix_u`` it stays there (Splink's default), otherwise EM re-estimates it
    among the candidate pairs — the right ``u`` for pairs the blocking brought
    together, where a shared name is no longer rare. ``fixed`` (aligned with
    ``lev``; NaN = free) holds the match probability of pairs a person labelled
    (1 same, 0 different): EM keeps them at it.
    """
    u = level_shares(u_lev, n_levels)
    if len(lev) > MAX_EM_PAIRS:
        pick = np.sort(np.random.default_rng(seed).choice(len(lev), MAX_EM_PAIRS, replace=False))
        if fixed is not None:  # labelled pairs are always kept
            pick = np.union1d(pick, np.flatnonzero(~np.isnan(fixed)))
            fixed = fixed[pick]
        lev = lev[pick]
    # start: the top level means a match far more often than chance, 'disagree' rarely
    m = []
    for k in n_levels:
        start = np.full(k + 1, 0.1 / max(1, k))
        start[0] = 0.9 - (0.05 if k > 1 else 0.0)
        start[-1] = 0.05 if k > 1 else 0.1
        m.append(list(start / start.sum()))
    prior = 0.1
    iterations = 0
    for iterations in range(1, EM_ITERATIONS + 1):  # noqa: B007 (the count is reported)
        p = probabilities(match_weights(lev, m, u, prior))
        if fixed is not None:
            p = np.where(np.isnan(fixed), p, fixed)
        new_prior = float(np.clip(p.mean(), EPS, 1 - EPS)) if len(p) else prior
        new_m = level_shares(lev, n_levels, p)
        new_u = u if fix_u else level_shares(lev, n_levels, 1.0 - p)
        change = max([abs(new_prior - prior)]
                     + [abs(a - b) for x, y in zip([*new_m, *new_u], [*m, *u], strict=True)
                        for a, b in zip(x, y, strict=True)])
        m, u, prior = new_m, new_u, new_prior
        if change < EM_TOLERANCE:
            break
    return Estimate(m=m, u=u, prior=prior, iterations=iterations, em_pairs=len(lev),
                    random_pairs=len(u_lev))


def cluster_precision(left: npt.NDArray[np.int64], right: npt.NDArray[np.int64],
                      prob: npt.NDArray[np.float64]) -> float | None:
    """Return the expected pairwise precision of the clusters the links form (None: no link).

    Links are taken strongest first into a spanning forest (Kruskal); a forest
    link of probability p whose removal separates s1 and s2 records contributes
    (1 − p) × s1 × s2 expected wrong pairs.

    Certain links (p = 1: a shared key, or a weight past float precision) come
    first in that order and contribute nothing, so their components are
    contracted (vectorised, :func:`unionfind.components`) into weighted nodes and
    only the uncertain links go through the forest and the subtree sizes.
    """
    if len(left) == 0:
        return None
    left = np.asarray(left, dtype=np.int64)
    right = np.asarray(right, dtype=np.int64)
    prob = np.asarray(prob, dtype=np.float64)
    # pairs: every cluster of n records has n(n − 1)/2
    _, roots = components(left, right)
    sizes = np.unique(roots, return_counts=True)[1].astype(np.float64)
    pairs = float((sizes * (sizes - 1) / 2).sum())
    # contract the certain links: each record → the smallest record of its certain component
    sure = prob >= 1.0
    nodes, sure_roots = components(left[sure], right[sure])

    def contract(x: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        if len(nodes) == 0:
            return x
        at = np.clip(np.searchsorted(nodes, x), 0, len(nodes) - 1)
        return np.where(nodes[at] == x, sure_roots[at], x)

    weight = dict(zip(*(a.tolist() for a in np.unique(sure_roots, return_counts=True)),
                      strict=True))
    unsure = ~sure
    ul, ur, up = contract(left[unsure]), contract(right[unsure]), prob[unsure]
    keep = ul != ur
    ul, ur, up = ul[keep], ur[keep], up[keep]
    order = np.argsort(-up, kind="stable")
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    adj: dict[int, list[tuple[int, float]]] = {}
    for a, b, p in zip(ul[order].tolist(), ur[order].tolist(), up[order].tolist(),
                       strict=True):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
            adj.setdefault(a, []).append((b, p))
            adj.setdefault(b, []).append((a, p))
    seen: set[int] = set()
    wrong = 0.0
    for root in adj:
        if root in seen:
            continue
        # iterative DFS: order, parents, then weighted subtree sizes bottom-up
        stack, order_nodes, up_link = [root], [], {root: (-1, 1.0)}
        seen.add(root)
        while stack:
            x = stack.pop()
            order_nodes.append(x)
            for y, p in adj[x]:
                if y not in seen:
                    seen.add(y)
                    up_link[y] = (x, p)
                    stack.append(y)
        size = {x: weight.get(x, 1) for x in order_nodes}
        n = sum(size.values())
        for x in reversed(order_nodes):
            par, p = up_link[x]
            if par >= 0:
                size[par] += size[x]
                wrong += (1.0 - p) * size[x] * (n - size[x])
    return max(0.0, 1.0 - wrong / pairs) if pairs else None
