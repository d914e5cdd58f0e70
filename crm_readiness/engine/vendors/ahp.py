"""Analytic Hierarchy Process: weights from pairwise judgements, and their consistency.

Weights are the principal (Perron) eigenvector of the reciprocal comparison
matrix, normalised to sum 1. Consistency: CI = (λmax − n)/(n − 1),
CR = CI / RI(n) with Saaty's random-index table; CR ≤ 0.10 is acceptable.

A panel: each panelist's matrix gives their own weights and CR; the group's
matrix is the element-wise geometric mean of the judgements (AIJ, which keeps
the matrix reciprocal), and its eigenvector the group's weights. With
``aggregate: priorities`` (AIP) the group's weights are instead the
normalised geometric mean of the panelists' weights; the CR reported is then
the CR of the geometric-mean matrix.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from crm_readiness.models.vendors import AhpDeviation, AhpResult, parse_ratio
from crm_readiness.models.vendors.panel import PanelistAhp

#: Saaty's random consistency index RI(n): mean CI of random reciprocal matrices
#: (T. L. Saaty, *The Analytic Hierarchy Process*, 1980; n = 11–15 from Saaty's
#: later extension of the same simulation).
SAATY_RI: dict[int, float] = {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32,
                              8: 1.41, 9: 1.45, 10: 1.49, 11: 1.51, 12: 1.48, 13: 1.56,
                              14: 1.57, 15: 1.59}
RI_TABLE_NAME = "Saaty (1980), n = 1–15"
CR_THRESHOLD = 0.10


def comparison_matrix(criteria: Sequence[str],
                      comparisons: Mapping[str, Mapping[str, float | str]]) -> np.ndarray:
    """Return the reciprocal matrix A (a_ij = importance of i over j) from upper judgements.

    Every unordered pair must be given once (the loader checks this).
    """
    n = len(criteria)
    index = {c: i for i, c in enumerate(criteria)}
    a = np.ones((n, n))
    for x, row in comparisons.items():
        for y, raw in row.items():
            i, j = index[x], index[y]
            v = parse_ratio(raw)
            a[i, j] = v
            a[j, i] = 1.0 / v
    return a


def principal_eigen(a: np.ndarray) -> tuple[np.ndarray, float]:
    """Return the normalised principal eigenvector of ``a`` and its eigenvalue λmax."""
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    w = np.abs(vectors[:, k].real)
    return w / w.sum(), float(values[k].real)


def deviations(criteria: Sequence[str], a: np.ndarray, w: np.ndarray,
               top: int = 3) -> tuple[AhpDeviation, ...]:
    """Return the ``top`` judgements that disagree most with the ratios the weights imply."""
    out: list[AhpDeviation] = []
    n = len(criteria)
    for i in range(n):
        for j in range(i + 1, n):
            judged = float(a[i, j])
            implied = float(w[i] / w[j])
            out.append(AhpDeviation(a=criteria[i], b=criteria[j], judged=judged,
                                    implied=implied,
                                    deviation=abs(math.log(judged / implied))))
    out.sort(key=lambda d: -d.deviation)
    return tuple(out[:top])


def _cr(lam: float, n: int) -> tuple[float, float, float]:
    ci = (lam - n) / (n - 1) if n > 2 else 0.0
    ci = max(ci, 0.0)  # rounding can give −1e-16 for a consistent matrix
    ri = SAATY_RI.get(n, SAATY_RI[15])
    return ci, ri, (ci / ri if ri > 0 else 0.0)


def _result(criteria: Sequence[str], a: np.ndarray, w: np.ndarray, lam: float,
            accept_inconsistent: bool, **extra: object) -> AhpResult:
    ci, ri, cr = _cr(lam, len(criteria))
    return AhpResult.model_validate(dict(
        criteria=tuple(criteria), matrix=tuple(tuple(float(x) for x in row) for row in a),
        weights=tuple(float(x) for x in w), lambda_max=lam, ci=ci, ri=ri, cr=cr,
        ri_table=RI_TABLE_NAME, ri_values=dict(SAATY_RI), threshold=CR_THRESHOLD,
        consistent=cr <= CR_THRESHOLD, accepted_inconsistent=accept_inconsistent and
        cr > CR_THRESHOLD, worst=deviations(criteria, a, w), **extra))


def ahp_weights(criteria: Sequence[str], comparisons: Mapping[str, Mapping[str, float | str]],
                *, accept_inconsistent: bool = False) -> AhpResult:
    """Return AHP weights, λmax, CI, RI, CR and the most inconsistent judgements."""
    a = comparison_matrix(criteria, comparisons)
    w, lam = principal_eigen(a)
    return _result(criteria, a, w, lam, accept_inconsistent)


def group_ahp(criteria: Sequence[str],
              panel: Mapping[str, Mapping[str, Mapping[str, float | str]]], *,
              aggregate: str = "judgements", accept_inconsistent: bool = False) -> AhpResult:
    """Return the group's AHP weights from several panelists' judgements, with each one's CR."""
    n = len(criteria)
    mats = {pid: comparison_matrix(criteria, comp) for pid, comp in panel.items()}
    own: list[PanelistAhp] = []
    vectors: list[np.ndarray] = []
    for pid, a in mats.items():
        w, lam = principal_eigen(a)
        vectors.append(w)
        cr = _cr(lam, n)[2]
        own.append(PanelistAhp(panelist=pid, weights=tuple(float(x) for x in w), lambda_max=lam,
                               cr=cr, consistent=cr <= CR_THRESHOLD))
    logs = np.mean([np.log(a) for a in mats.values()], axis=0)
    g = np.exp(logs)
    w_g, lam_g = principal_eigen(g)
    if aggregate == "priorities":
        gm = np.exp(np.mean([np.log(v) for v in vectors], axis=0))
        w_g = gm / gm.sum()
    return _result(criteria, g, w_g, lam_g, accept_inconsistent, panelists=tuple(own),
                   aggregate=aggregate)
