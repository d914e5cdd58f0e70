"""Reference checks of a vendors file: weights, AHP judgements (and groups), ids.

Each problem is ``(path in the file, English, Chinese)``; the loader turns them into
located problems (line and column).
"""


from crm_readiness.i18n import t
from crm_readiness.models.requirements import RequirementsCatalogue
from crm_readiness.models.vendors.inputs import Judgements, VendorsFile, parse_ratio

Located = tuple[tuple[str | int, ...], str, str]


def _weights(vf: VendorsFile) -> list[Located]:
    out: list[Located] = []
    given = [c for c in vf.criteria if c.weight is not None]
    if vf.ahp is not None:
        if given:
            out.append((("criteria",), *_tt("vendors.check.weights_and_ahp")))
        return out
    missing = [c.id for c in vf.criteria if c.weight is None]
    if missing:
        ids = ", ".join(missing)
        out.append((("criteria",), *_tt("vendors.check.no_weight", ids=ids)))
        return out
    total = sum(c.weight or 0.0 for c in vf.criteria)
    if abs(total - 1.0) > 1e-6:
        pct = f"{total * 100:.2f}%"
        out.append((("criteria",), *_tt("vendors.check.weight_sum", pct=pct)))
    return out


def _ahp(vf: VendorsFile) -> list[Located]:
    if vf.ahp is None:
        return []
    out: list[Located] = []
    ids = [c.id for c in vf.criteria]
    owner: dict[str, str] = {}
    for gid, group in vf.ahp.groups.items():
        if gid in ids:
            out.append((("ahp", "groups", gid), *_tt("vendors.model.group_is_criterion", id=gid)))
        for cid in group.criteria:
            if cid not in ids:
                out.append((("ahp", "groups", gid, "criteria"),
                            *_tt("vendors.model.sub_no_parent", id=cid)))
            elif cid in owner:
                out.append((("ahp", "groups", gid, "criteria"),
                            *_tt("vendors.model.group_twice", id=cid, other=owner[cid])))
            owner.setdefault(cid, gid)
    if out:
        return out
    top = vf.ahp.top_ids(ids)
    for judge, comparisons in vf.ahp.matrices().items():
        base: tuple[str | int, ...] = ("ahp", "panelists", judge) if judge else (
            "ahp", "comparisons")
        out += _judgements(top, comparisons, base)
    for gid, group in vf.ahp.groups.items():
        for judge, comparisons in group.matrices().items():
            base = ("ahp", "groups", gid, "panelists", judge) if judge else (
                "ahp", "groups", gid, "comparisons")
            out += _judgements(list(group.criteria), comparisons, base)
    return out


def _tt(key: str, **params: object) -> tuple[str, str]:
    return t(key, "en", **params), t(key, "zh", **params)


def _judgements(ids: list[str], comparisons: Judgements,
                base: tuple[str | int, ...]) -> list[Located]:
    out: list[Located] = []
    seen: dict[frozenset[str], tuple[str, str]] = {}
    for a, row in comparisons.items():
        if a not in ids:
            out.append(((*base, a), *_tt("vendors.check.unknown_criterion", id=repr(a))))
            continue
        for b, raw in row.items():
            loc: tuple[str | int, ...] = (*base, a, b)
            if b not in ids:
                out.append((loc, *_tt("vendors.check.unknown_criterion", id=repr(b))))
                continue
            if a == b:
                out.append((loc, *_tt("vendors.check.self_pair")))
                continue
            try:
                value = parse_ratio(raw)
            except (ValueError, ZeroDivisionError):
                out.append((loc, *_tt("vendors.check.bad_judgement", value=repr(raw))))
                continue
            if not 1 / 9 - 1e-9 <= value <= 9 + 1e-9:
                out.append((loc, *_tt("vendors.check.judgement_range", value=raw)))
            pair = frozenset((a, b))
            if pair in seen:
                out.append((loc, *_tt("vendors.check.pair_twice", a=a, b=b)))
            seen[pair] = (a, b)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            if frozenset((a, b)) not in seen:
                out.append((base, *_tt("vendors.check.pair_missing", a=a, b=b)))
    return out


def cross_check(vf: VendorsFile, catalogue: RequirementsCatalogue) -> list[Located]:
    """Return every reference problem of ``vf`` against ``catalogue``, located by path."""
    out = _weights(vf) + _ahp(vf)
    ids = [c.id for c in vf.criteria]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        out.append((("criteria",), *_tt("vendors.check.criterion_ids_repeat",
                                        ids=", ".join(dup))))
    for kind in ("functional_fit", "cost"):
        if sum(1 for c in vf.criteria if c.kind == kind) > 1:
            out.append((("criteria",), *_tt("vendors.check.one_of_kind", kind=kind)))
    if any(c.kind == "cost" for c in vf.criteria) and vf.budget is None:
        out.append(((), *_tt("vendors.check.cost_needs_budget")))
    scored = {c.id for c in vf.criteria if c.kind == "scored"}
    req_ids = {r.id for r in catalogue.requirements}
    vids = [v.id for v in vf.vendors]
    for i, v in enumerate(vf.vendors):
        if vids.count(v.id) > 1:
            out.append((("vendors", i, "id"), *_tt("vendors.check.vendor_id_repeats",
                                                   id=repr(v.id))))
        for rid in v.responses:
            if rid not in req_ids:
                out.append((("vendors", i, "responses", rid),
                            *_tt("vendors.check.unknown_requirement", id=repr(rid))))
        for cid in v.scores:
            if cid not in scored:
                out.append((("vendors", i, "scores", cid),
                            *_tt("vendors.check.not_scored", id=repr(cid),
                                 scored=", ".join(sorted(scored)) or "-")))
    return out
