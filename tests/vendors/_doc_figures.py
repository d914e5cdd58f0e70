"""The demo figures quoted in docs/vendors.md, computed from the demo inputs.

docs/vendors.md holds them between ``<!-- demo:NAME -->`` and ``<!-- /demo:NAME -->``
markers; tests/vendors/test_docs_vendors.py fails when they drift from what the engine
computes now. Rewrite them with::

    python -m tests.vendors._doc_figures
"""

from __future__ import annotations

import re
from pathlib import Path

from crm_readiness._resources import examples_dir
from crm_readiness.models.vendors import Comparison

DOC = Path(__file__).resolve().parents[2] / "docs" / "vendors.md"
_BLOCK = re.compile(r"(<!-- demo:(?P<name>[a-z-]+) -->\n)(?P<body>.*?)(<!-- /demo:(?P=name) -->)",
                    re.S)


def demo_comparison() -> Comparison:
    """Return the demo's comparison (group AHP, panel, demonstrations) as the CLI computes it."""
    from crm_readiness.workflows.vendors import run_compare

    return run_compare(examples_dir() / "demo" / "vendors.yaml").comparison


VERDICT = {"robust": "robust", "fairly_robust": "fairly robust", "fragile": "a close call"}


def _pct(x: float, digits: int = 1) -> str:
    return f"{x * 100:.{digits}f}%"


def _weights(res: Comparison) -> str:
    names = {c.id: c.name.en for c in res.criteria}
    ranked = sorted(res.criteria, key=lambda c: -c.weight)
    return ", ".join(f"{names[c.id]} {_pct(c.weight)}" for c in ranked)


def worked_example(res: Comparison) -> str:
    """The §4 worked example: weights, cost score, the ranking table and the verdict."""
    ahp = res.ahp
    assert ahp is not None and res.budget is not None
    crs = ", ".join(f"{p.panelist} {p.cr:.3f}" for p in ahp.panelists)
    yunfan = res.vendor("yunfan")
    cost = next(c for c in yunfan.criteria if c.id == "cost")
    lo, hi = float(res.budget.min) / 1e6, float(res.budget.max) / 1e6
    tco = float(yunfan.cost or 0) / 1e6
    lines = [
        f"The demo's weights come from three panelists' AHP judgements combined by the "
        f"geometric mean (group CR = {ahp.cr:.3f}; {crs}): {_weights(res)}. The budget is "
        f"{lo:g}–{hi:g} million CNY of 3-year TCO; YunFan's cost file gives {tco:.2f} million, "
        f"so its cost score is 5 · ({hi:g} − {tco:.2f})/({hi:g} − {lo:g}) = {cost.score:.2f}.",
        "",
        "| Vendor | Functional fit | Total | Must gaps | Credibility | Status | Rank |",
        "|---|---:|---:|---:|---:|---|---:|",
    ]
    for v in sorted(res.vendors, key=lambda v: -v.total):
        gaps = f"{len(v.must_gaps)} ({', '.join(v.must_gaps)})" if v.must_gaps else "0"
        cred = (f"{_pct(v.credibility, 0)} ({round(v.credibility * v.demonstrated)} of "
                f"{v.demonstrated})" if v.credibility is not None else "–")
        status = v.status.replace("_", " ")
        lines.append(f"| {v.name.en} | {_pct(v.functional_fit)} | {v.total:.2f} | {gaps} | {cred} "
                     f"| {status} | {v.rank or '–'} |")
    rob = res.robustness
    names = {v.id: v.name.en for v in res.vendors}
    share = rob.shares[0].first_share if rob.shares else 0.0
    flip = rob.smallest_flip
    assert flip is not None and flip.new_weight is not None and rob.margin_spread is not None
    crit = {c.id: c.name.en for c in res.criteria}
    lines += [
        "",
        f"The verdict is *{VERDICT[rob.verdict]}*: {names[rob.leader or '']} leads in {share * 100:.0f}% "
        f"of weight draws; its margin over {names[rob.runner_up or '']} "
        f"({rob.margin:.2f} points) is less than the {rob.margin_spread:.1f} points by which "
        f"that margin moves across the draws, and moving the weight of "
        f"{crit[flip.criterion]} from {_pct(flip.weight)} to "
        f"{_pct(flip.new_weight)} hands the lead to {names[flip.new_leader or '']} — exactly "
        "the weights to settle with the client before signing.",
    ]
    return "\n".join(lines) + "\n"


def panel_figures(res: Comparison) -> str:
    """The §7 demo figures: the top agenda item, the CRs, the claim gap and credibility."""
    panel, ahp = res.panel, res.ahp
    assert panel is not None and ahp is not None
    top = panel.agenda[0]
    cell = next(c for c in panel.cells if (c.vendor, c.criterion) == (top.vendor, top.criterion))
    names = {v.id: v.name.en for v in res.vendors}
    crit = {c.id: c.name.en for c in res.criteria}
    scores = " / ".join(f"{cell.scores[p.id]:g}" for p in panel.panelists if p.id in cell.scores)
    gaps = [(v, g) for v in res.vendors for g in v.claim_gaps]
    (v, g), = gaps
    cred = v.credibility or 0.0
    return (
        f"In the demo {names[top.vendor]}'s {crit[top.criterion]} "
        f"({scores}, spread {top.spread:g}) tops the calibration agenda; AHP CR "
        + ", ".join(f"{p.panelist} {p.cr:.3f}" for p in ahp.panelists)
        + f", group {ahp.cr:.3f}. {v.name.en} claimed {g.requirement} {g.claimed}; it was shown "
        f"{'only with custom work' if g.outcome == 'custom' else g.outcome} — credibility "
        f"{cred * 100:.0f}% ({round(cred * v.demonstrated)} of {v.demonstrated}).\n")


def blocks(res: Comparison) -> dict[str, str]:
    """Every generated block of docs/vendors.md by name."""
    return {"worked-example": worked_example(res), "panel": panel_figures(res)}


def render(text: str, res: Comparison) -> str:
    """Return ``text`` with every demo block replaced by its current figures."""
    want = blocks(res)
    return _BLOCK.sub(lambda m: m.group(1) + want[m.group("name")] + m.group(4), text)


def found(text: str) -> dict[str, str]:
    """Return the demo blocks of ``text`` by name."""
    return {m.group("name"): m.group("body") for m in _BLOCK.finditer(text)}


if __name__ == "__main__":
    DOC.write_text(render(DOC.read_text("utf-8"), demo_comparison()), "utf-8")
    print(f"rewrote the demo figures in {DOC}")
