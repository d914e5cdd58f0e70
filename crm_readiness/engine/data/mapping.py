"""Draft a source → target mapping: column names (English and Chinese) and value shapes.

Conservative by design: a column is mapped only when its name (or, for a few
unmistakable shapes — mobiles, landlines, e-mails, credit codes — its values)
points at exactly one target field *and* its values fit the field's type. A
date column never fills a number field, a column of free text never fills a
date; two equally good candidates leave the column unmapped. Unmapped is
better than wrong: the steward maps the rest in the workbook.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from crm_readiness.engine.data.formats import (
    clean_sql,
    date_value_sql,
    email_sql,
    ident,
    landline_sql,
    missing_sql,
    mobile_sql,
    number_value_sql,
    uscc_sql,
)
from crm_readiness.engine.data.sql import rows, run
from crm_readiness.engine.data.table import DataTable
from crm_readiness.models.data.rules import DEFAULT_PLACEHOLDERS
from crm_readiness.models.data.target import (
    FieldMapping,
    TargetField,
    TargetMapping,
    TargetSchema,
    Transform,
    ValueMapping,
)

#: columns ``data clean`` adds to the cleansed copy: never mapped
CLEANSED_COLUMNS = frozenset({"_cluster_id", "_survivor", "_issues", "_source_file",
                              "_source_row"})
#: share of filled values that must have a shape for the column to have it
SHAPE_SHARE = 0.8
#: most distinct values a column may have to fill a picklist
PICKLIST_DISTINCT = 60
#: rows read to recognise shapes (as ``rules init`` does)
SHAPE_ROWS = 5_000
#: distinct values listed per picklist column in the value map
VALUE_ROWS = 500

# Concepts: words (normalised) that name the same thing in exports and CRMs.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "company_name": ("accountname", "company", "companyname", "customername", "organisation",
                     "organization", "客户名称", "公司名称", "企业名称", "单位名称", "客户全称",
                     "公司", "企业"),
    "mobile": ("mobile", "mobilephone", "cell", "cellphone", "手机", "手机号", "手机号码",
               "移动电话", "联系电话手机"),
    "landline": ("phone", "tel", "telephone", "landline", "officephone", "电话", "座机",
                 "固话", "固定电话", "办公电话", "公司电话"),
    "email": ("email", "mail", "emailaddress", "邮箱", "电子邮件", "电子邮箱", "邮件"),
    "city": ("city", "城市", "所在城市", "所在地"),
    "address": ("address", "street", "billingaddress", "地址", "详细地址", "公司地址"),
    "industry": ("industry", "sector", "行业", "所属行业"),
    "rating": ("rating", "level", "grade", "tier", "customerlevel", "客户等级", "等级", "级别",
               "客户级别"),
    "uscc": ("creditcode", "unifiedsocialcreditcode", "uscc", "taxid", "统一社会信用代码",
             "信用代码", "社会信用代码", "税号"),
    "contact_name": ("contact", "contactname", "联系人", "联系人姓名", "姓名"),
    "external_id": ("customerid", "accountid", "customerno", "customernumber",
                    "accountnumber", "externalid", "客户编号", "客户编码", "客户代码"),
    "last_activity": ("lastactivity", "lastactivitydate", "lastcontact", "lastcontactdate",
                      "最近联系日期", "最后联系日期", "最近联系时间", "最后联系时间"),
    "amount": ("amount", "dealamount", "金额", "商机金额", "合同金额"),
    "close_date": ("closedate", "expectedclosedate", "预计成交日期", "成交日期"),
    "stage": ("stage", "salesstage", "阶段", "销售阶段", "商机阶段"),
    "opportunity_name": ("opportunity", "opportunityname", "dealname", "商机名称", "商机"),
}
_SHAPE_CONCEPT = {"mobile": "mobile", "landline": "landline", "email": "email", "uscc": "uscc"}
_BOOLEAN = ("true", "false", "yes", "no", "y", "n", "1", "0", "是", "否")
_PUNCT = re.compile(r"[\s_\-./\\()（）:：#*·、]+")


def norm_name(name: str) -> str:
    """Return a column or field name folded for comparison (case, spaces, punctuation)."""
    return _PUNCT.sub("", name.strip().lower())


@dataclass(frozen=True)
class ColumnShape:
    """What a source column holds: fill, shares of each shape, distinct values, examples."""

    name: str
    filled: int
    shares: dict[str, float]
    distinct: int
    max_length: int
    examples: tuple[str, ...]

    def has(self, shape: str) -> bool:
        """Return True when at least :data:`SHAPE_SHARE` of the filled values have ``shape``."""
        return self.filled > 0 and self.shares.get(shape, 0.0) >= SHAPE_SHARE

    @property
    def specific(self) -> str | None:
        """Return the most specific shape the column has (mobile, email, date …) or None."""
        for shape in ("uscc", "mobile", "landline", "email", "date", "number"):
            if self.has(shape):
                return shape
        if self.has("phone"):
            return "phone"
        return None


@dataclass
class MappingDraft:
    """A drafted mapping with what was learnt about each column (for the workbook)."""

    mapping: TargetMapping
    shapes: dict[str, ColumnShape]
    value_counts: dict[tuple[str, str, str], int] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


_SHAPES = {"mobile": mobile_sql, "landline": landline_sql, "email": email_sql,
           "uscc": uscc_sql, "date": date_value_sql, "number": number_value_sql}


def column_shapes(table: DataTable, columns: Iterable[str],
                  sample_rows: int = SHAPE_ROWS) -> dict[str, ColumnShape]:
    """Measure the shapes of ``columns`` on the first ``sample_rows`` records, in one query.

    The sample is unpivoted into one ``(column, value)`` stream, cleaned once into a
    temporary table, then grouped by column: each shape's SQL appears once whatever the
    number of columns (written once per column, binding and planning the query cost more
    than running it, and the cleaned value was recomputed for every reference).
    """
    names = list(columns)
    if not names:
        return {}
    marks = [p.strip().lower() for p in DEFAULT_PLACEHOLDERS]
    raw = ", ".join(ident(n) for n in names)
    run(table.conn, "CREATE OR REPLACE TEMP TABLE _cr_shape AS SELECT i, v, "
                    f"NOT {missing_sql('v', marks)} AS ok FROM (SELECT i, {clean_sql('w')} AS v "
                    f"FROM (SELECT unnest(range({len(names)})) AS i, unnest([{raw}]) AS w "
                    f"FROM {table.table} WHERE rowid < {int(sample_rows)}))")
    parts = ["count(*) FILTER (WHERE ok)"]
    parts += [f"count(*) FILTER (WHERE ok AND {fn('v')} IS NOT NULL)" for fn in _SHAPES.values()]
    parts += ["count(DISTINCT CASE WHEN ok THEN v END)",
              "coalesce(max(CASE WHEN ok THEN length(v) END), 0)",
              "list_sort(list(DISTINCT v) FILTER (WHERE ok))[1:3]"]
    try:
        found = {int(r[0]): r[1:] for r in rows(
            table.conn, f"SELECT i, {', '.join(parts)} FROM _cr_shape GROUP BY i")}
    finally:
        run(table.conn, "DROP TABLE IF EXISTS _cr_shape")
    empty = (0,) * (1 + len(_SHAPES) + 2) + (None,)  # a sample without rows: no group at all
    out: dict[str, ColumnShape] = {}
    for i, name in enumerate(names):
        cells = found.get(i, empty)
        filled = int(cells[0])
        shares = {shape: (int(c) / filled if filled else 0.0)
                  for shape, c in zip(_SHAPES, cells[1:1 + len(_SHAPES)], strict=True)}
        shares["phone"] = min(1.0, shares["mobile"] + shares["landline"])
        examples = tuple(sorted(str(x) for x in (cells[-1] or ())))
        out[name] = ColumnShape(name, filled, shares, int(cells[-3]), int(cells[-2]), examples)
    return out


def _field_words(name: str, f: TargetField) -> set[str]:
    words = {norm_name(name)} | {norm_name(a) for a in f.aliases}
    if f.label:
        words.add(norm_name(f.label))
    return {w for w in words if w}


def _concepts(words: set[str]) -> set[str]:
    return {c for c, terms in CONCEPTS.items() if words & set(terms)}


def fits(shape: ColumnShape, f: TargetField) -> bool:
    """Return True when the column's values fit the field's type (never across types)."""
    spec = shape.specific
    if f.type == "date":
        return shape.has("date")
    if f.type in ("number", "integer"):
        return shape.has("number") and not shape.has("date")
    if f.type == "phone":
        return shape.has("phone")
    if f.type == "email":
        return shape.has("email")
    if f.type == "boolean":
        return shape.filled > 0 and all(x.lower() in _BOOLEAN for x in shape.examples) and (
            shape.distinct <= 2)
    if f.type == "picklist":
        return shape.filled > 0 and shape.distinct <= max(PICKLIST_DISTINCT,
                                                          3 * len(f.values or ())) and (
            spec not in ("date", "email", "mobile", "landline", "phone", "uscc"))
    # text and lookup hold any text; a date column is a type change, never a guess
    return spec != "date"


def transform_for(shape: ColumnShape, f: TargetField) -> Transform:
    """Return the transform a drafted mapping applies (normalised phone, ISO date …)."""
    if f.type == "phone":
        if shape.has("mobile"):
            return "mobile"
        return "landline" if shape.has("landline") else "phone"
    if f.type == "email":
        return "email"
    if f.type == "date":
        return "date"
    if f.type in ("number", "integer"):
        return "number"
    if f.type in ("text", "lookup") and shape.has("uscc"):
        return "uscc"
    return "none"


def _pick(cands: list[tuple[int, str, str]]) -> tuple[str, str] | None:
    """Return the single best candidate (strength, object, field), or None on a tie."""
    if not cands:
        return None
    best = max(c[0] for c in cands)
    top = {(o, f) for s, o, f in cands if s == best}
    return next(iter(top)) if len(top) == 1 else None


def draft_mapping(table: DataTable, schema: TargetSchema) -> MappingDraft:
    """Draft the mapping of ``table``'s columns onto ``schema`` (see the module docstring)."""
    columns = [c for c in table.columns if c not in CLEANSED_COLUMNS]
    shapes = column_shapes(table, columns)
    fields = [(o, n, f) for o, obj in schema.objects.items() for n, f in obj.fields.items()]
    words = {(o, n): _field_words(n, f) for o, n, f in fields}
    concepts = {k: _concepts(w) for k, w in words.items()}
    claims: dict[str, tuple[int, str, str, str]] = {}  # column → strength, object, field, basis
    notes: dict[str, str] = {}
    for col in columns:
        shape = shapes[col]
        cw = norm_name(col)
        cc = _concepts({cw})
        cands: list[tuple[int, str, str]] = []
        mismatch = False
        for o, n, f in fields:
            strength = 3 if cw in words[(o, n)] else (2 if cc & concepts[(o, n)] else 0)
            if f.type == "lookup" and strength < 3:
                continue  # a lookup is drafted from its own name or from the parent's key
            if strength == 0 and shape.specific in _SHAPE_CONCEPT and not cc:
                strength = 1 if _SHAPE_CONCEPT[shape.specific] in concepts[(o, n)] else 0
            if not strength:
                continue
            if fits(shape, f):
                cands.append((strength, o, n))
            else:
                mismatch = True
        chosen = _pick(cands)
        if chosen is None:
            notes[col] = ("ambiguous" if cands else "type_mismatch" if mismatch
                          else "empty" if shape.filled == 0 else "no_match")
            continue
        strength = max(c[0] for c in cands)
        claims[col] = (strength, chosen[0], chosen[1],
                       {3: "name", 2: "synonym", 1: "shape"}[strength])
    # one column per field: a field claimed twice keeps the stronger claim, a tie keeps neither
    by_field: dict[tuple[str, str], list[str]] = {}
    for col, (_s, o, n, _b) in claims.items():
        by_field.setdefault((o, n), []).append(col)
    for cols in by_field.values():
        if len(cols) > 1:
            best = max(claims[c][0] for c in cols)
            keep = [c for c in cols if claims[c][0] == best]
            for c in cols:
                if c not in keep or len(keep) > 1:
                    del claims[c]
                    notes[c] = "ambiguous"
    mapped: list[FieldMapping] = []
    for col in columns:
        if col in claims:
            _s, o, n, basis = claims[col]
            f = schema.objects[o].fields[n]
            mapped.append(FieldMapping(source=col, object=o, field=n,
                                       transform=transform_for(shapes[col], f), basis=basis))
    mapped += _lookups(schema, mapped)
    values, counts = _value_maps(table, schema, mapped)
    unmapped = tuple(c for c in columns if c not in claims)
    return MappingDraft(TargetMapping(fields=tuple(mapped), values=values, unmapped=unmapped),
                        shapes, counts, notes)


def _lookups(schema: TargetSchema, mapped: list[FieldMapping]) -> list[FieldMapping]:
    """A child object filled from the same rows links to its parent through the parent's key."""
    out: list[FieldMapping] = []
    filled = {m.object for m in mapped if schema.objects[m.object].fields[m.field].type
              != "lookup"}
    by_field = {(m.object, m.field): m for m in mapped}
    for o, obj in schema.objects.items():
        if o not in filled:
            continue
        for n, f in obj.fields.items():
            if f.type != "lookup" or f.references is None or (o, n) in by_field:
                continue
            parent = schema.objects[f.references]
            key = by_field.get((f.references, parent.key or ""))
            if key is not None:
                out.append(FieldMapping(source=key.source, object=o, field=n,
                                        transform=key.transform, basis="lookup"))
    return out


def _value_maps(table: DataTable, schema: TargetSchema, mapped: list[FieldMapping]
                ) -> tuple[tuple[ValueMapping, ...], dict[tuple[str, str, str], int]]:
    """Distinct source values of each picklist column → the picklist value they match."""
    marks = [p.strip().lower() for p in DEFAULT_PLACEHOLDERS]
    values: list[ValueMapping] = []
    counts: dict[tuple[str, str, str], int] = {}
    for m in mapped:
        f = schema.objects[m.object].fields[m.field]
        if f.type != "picklist":
            continue
        lookup: dict[str, str] = {}
        for pv in f.values or ():
            for spelling in (pv.value, *pv.aliases):
                lookup.setdefault(norm_name(spelling), pv.value)
        sql = (f"SELECT v, count(*) AS n FROM (SELECT {clean_sql(ident(m.source))} AS v "
               f"FROM {table.table}) WHERE NOT {missing_sql('v', marks)} "
               f"GROUP BY v ORDER BY n DESC, v LIMIT {VALUE_ROWS}")
        for v, n in rows(table.conn, sql):
            text = str(v)
            values.append(ValueMapping(object=m.object, field=m.field, source_value=text,
                                       target_value=lookup.get(norm_name(text))))
            counts[(m.object, m.field, text)] = int(n)
    return tuple(values), counts
