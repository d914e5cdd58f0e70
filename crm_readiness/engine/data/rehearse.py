"""Migration rehearsal: run the export through the mapping against the target schema, in SQL.

Per target object, every source row with a value in at least one mapped
(non-lookup) field becomes a record. Each field's value is the cleaned source
value (placeholders such as 无 or N/A are empty) after its transform; a record
is *rejected* when any field breaks a rule of the schema:

* ``type`` — a value that is not a phone, e-mail, date, number … (after the transform; a
  text field takes any value, and one its transform cannot normalise loads as entered);
* ``length`` — longer than the field's length;
* ``required`` — a required field empty, or not mapped at all;
* ``picklist`` — a value that neither is a picklist value nor has one in the value map;
* ``duplicate`` — a unique key repeated: the first record loads, every later one fails;
* ``orphan`` — a lookup whose value is not the key of any record of the parent object.

A cleansed copy (``data clean``) is rehearsed as it will be loaded: rows marked
``_survivor = no`` were merged into their surviving record and are not loaded.
Everything is one set of DuckDB queries over the table (joins, no literal lists
that grow with the data).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from crm_readiness.engine.data.formats import (
    clean_sql,
    date_value_sql,
    email_sql,
    enum_sql,
    ident,
    landline_sql,
    lit,
    missing_sql,
    mobile_sql,
    number_value_sql,
    uscc_sql,
)
from crm_readiness.engine.data.sql import one, rows, run
from crm_readiness.engine.data.table import DataTable, Progress, no_progress
from crm_readiness.models.data.rehearsal import (
    Effort,
    FieldForecast,
    ObjectForecast,
    RehearsalResult,
)
from crm_readiness.models.data.rules import DEFAULT_PLACEHOLDERS
from crm_readiness.models.data.target import (
    FieldMapping,
    TargetField,
    TargetMapping,
    TargetSchema,
)

#: guides: data cleansing services cost 0.5–2 CNY per record
COST_PER_RECORD = (Decimal("0.5"), Decimal("2"))
#: steward minutes to fix one rejected record (an assumption the report states)
MINUTES_PER_ISSUE = Decimal("3")
EXAMPLES = 3
_BOOLEAN = ("true", "false", "yes", "no", "y", "n", "1", "0", "是", "否")


@dataclass(frozen=True)
class RehearsalOptions:
    """Effort figures and the names the result records."""

    target_file: str = ""
    mapping_file: str = ""
    cost_per_record: tuple[Decimal, Decimal] = COST_PER_RECORD
    minutes_per_issue: Decimal = MINUTES_PER_ISSUE


def transform_sql(v: str, transform: str) -> str:
    """Return the transformed value of cleaned value ``v`` (NULL when it cannot be)."""
    if transform == "mobile":
        return mobile_sql(v)
    if transform == "landline":
        return landline_sql(v)
    if transform == "phone":
        return f"coalesce({mobile_sql(v)}, {landline_sql(v)})"
    if transform == "email":
        return email_sql(v)
    if transform == "date":
        return f"strftime({date_value_sql(v)}, '%Y-%m-%d')"
    if transform == "number":
        return f"CAST({number_value_sql(v)} AS VARCHAR)"
    if transform == "uscc":
        return uscc_sql(v)
    if transform == "upper":
        return f"upper({v})"
    if transform == "lower":
        return f"lower({v})"
    return v


def _type_ok(f: str, target: TargetField) -> str | None:
    """Return the condition that value ``f`` (not NULL) fits the field's type, or None."""
    kind = target.type
    if kind == "phone":
        return f"coalesce({mobile_sql(f)}, {landline_sql(f)}) IS NOT NULL"
    if kind == "email":
        return f"{email_sql(f)} IS NOT NULL"
    if kind == "date":
        return f"{date_value_sql(f)} IS NOT NULL"
    if kind == "number":
        return f"{number_value_sql(f)} IS NOT NULL"
    if kind == "integer":
        return f"coalesce({number_value_sql(f)} = round({number_value_sql(f)}), FALSE)"
    if kind == "boolean":
        return f"lower({f}) IN ({', '.join(lit(b) for b in _BOOLEAN)})"
    return None


#: transforms whose result is NULL unless the value has the field's type (no check to repeat)
_TYPED_BY = {"phone": {"mobile", "landline", "phone"}, "email": {"email"}, "date": {"date"},
             "number": {"number"}}


_IDENTITY = frozenset({"none", "upper", "lower"})


@dataclass
class _Slot:
    """One target field of one object: its index, mapping and SQL names."""

    k: int
    name: str
    field: TargetField
    mapping: FieldMapping | None


def _object_sql(obj: str, slots: list[_Slot], src: str) -> str:
    """The records of ``obj``: rid, raw value r{k} and final value f{k} per mapped field."""
    cols = ["s.rid"]
    joins: list[str] = []
    filled: list[str] = []
    for s in slots:
        if s.mapping is None:
            continue
        raw = f"s.{ident('c:' + s.mapping.source)}"
        final = transform_sql(raw, s.mapping.transform)
        if s.field.type in ("text", "lookup") and s.mapping.transform not in _IDENTITY:
            # a text field takes any value: one the transform cannot normalise loads as entered
            final = f"coalesce({final}, {raw})"
        if s.field.type == "picklist":
            joins.append(f"LEFT JOIN _cr_vm vm{s.k} ON vm{s.k}.obj = {lit(obj)} AND "
                         f"vm{s.k}.fld = {lit(s.name)} AND vm{s.k}.src = {raw}")
            final = f"coalesce({enum_sql(final, s.field.picklist())}, vm{s.k}.tgt)"
        cols += [f"{raw} AS r{s.k}", f"{final} AS f{s.k}"]
        if s.field.type != "lookup":
            filled.append(f"{raw} IS NOT NULL")
    where = " OR ".join(filled) if filled else "FALSE"
    return (f"SELECT {', '.join(cols)} FROM {src} s {' '.join(joins)} WHERE {where}")


def _flags(obj: str, slots: list[_Slot], keys: tuple[tuple[str, ...], ...],
           tables: dict[str, str]) -> tuple[str, list[tuple[int, str]]]:
    """The violation flags of ``obj``'s records: SQL and the (slot, kind) of each flag."""
    by_name = {s.name: s for s in slots}
    exprs: list[str] = []
    names: list[tuple[int, str]] = []
    joins: list[str] = []
    for s in slots:
        k, f = s.k, s.field
        if s.mapping is None:
            if f.required:
                exprs.append("TRUE")
                names.append((k, "required"))
            continue
        ok = _type_ok(f"o.f{k}", f)
        if s.mapping.transform in _TYPED_BY.get(f.type, ()):
            exprs.append(f"(o.r{k} IS NOT NULL AND o.f{k} IS NULL)")
            names.append((k, "type"))
        elif ok is not None:
            exprs.append(f"(o.r{k} IS NOT NULL AND (o.f{k} IS NULL OR NOT ({ok})))")
            names.append((k, "type"))
        if f.length is not None:
            exprs.append(f"coalesce(length(o.f{k}) > {int(f.length)}, FALSE)")
            names.append((k, "length"))
        if f.required:
            exprs.append(f"(o.r{k} IS NULL)")
            names.append((k, "required"))
        if f.type == "picklist":
            exprs.append(f"(o.r{k} IS NOT NULL AND o.f{k} IS NULL)")
            names.append((k, "picklist"))
        if f.type == "lookup" and f.references is not None:
            key_col = tables.get(f"{f.references}:key")
            if key_col is None:
                exprs.append(f"(o.f{k} IS NOT NULL)")
            else:
                ptable = tables[f.references]
                joins.append(f"LEFT JOIN (SELECT DISTINCT {key_col} AS key FROM {ptable} "
                             f"WHERE {key_col} IS NOT NULL) p{k} ON p{k}.key = o.f{k}")
                exprs.append(f"(o.f{k} IS NOT NULL AND p{k}.key IS NULL)")
            names.append((k, "orphan"))
    for key in keys:
        members = [by_name[n] for n in key]
        if any(m.mapping is None for m in members):
            continue
        part = ", ".join(f"o.f{m.k}" for m in members)
        present = " AND ".join(f"o.f{m.k} IS NOT NULL" for m in members)
        exprs.append(f"(CASE WHEN {present} THEN row_number() OVER (PARTITION BY {part} "
                     f"ORDER BY o.rid) > 1 ELSE FALSE END)")
        names.append((members[0].k, "duplicate"))
    cols = ", ".join(f"{e} AS g{i}" for i, e in enumerate(exprs)) or "FALSE AS g0"
    return (f"SELECT o.*, {cols} FROM {tables[obj]} o {' '.join(joins)}", names)


def rehearse(table: DataTable, schema: TargetSchema, mapping: TargetMapping,
             options: RehearsalOptions = RehearsalOptions(),
             progress: Progress = no_progress) -> RehearsalResult:
    """Rehearse loading ``table`` into ``schema`` through ``mapping``; return the forecast."""
    con = table.conn
    marks = [p.strip().lower() for p in DEFAULT_PLACEHOLDERS]
    used = sorted({m.source for m in mapping.fields})
    survivor = "_survivor" in table.columns
    inner = "".join(f", {clean_sql(ident(c))} AS w{i}" for i, c in enumerate(used))
    outer = "".join(f", CASE WHEN {missing_sql(f'w{i}', marks)} THEN NULL ELSE w{i} END "
                    f"AS {ident('c:' + c)}" for i, c in enumerate(used))
    keep = f" WHERE coalesce({ident('_survivor')}, '') <> 'no'" if survivor else ""
    run(con, f"CREATE OR REPLACE TEMP TABLE _cr_rsrc AS SELECT rid{outer} FROM "
             f"(SELECT rowid AS rid{inner} FROM {table.table}{keep})")
    considered = int(one(con, "SELECT count(*) FROM _cr_rsrc")[0])
    run(con, "CREATE OR REPLACE TEMP TABLE _cr_vm (obj VARCHAR, fld VARCHAR, src VARCHAR, "
             "tgt VARCHAR)")
    pairs = [(v.object, v.field, v.source_value, v.target_value) for v in mapping.values
             if v.target_value]
    if pairs:
        con.executemany("INSERT INTO _cr_vm VALUES (?, ?, ?, ?)", pairs)
    slots: dict[str, list[_Slot]] = {}
    tables: dict[str, str] = {}
    by_field = {(m.object, m.field): m for m in mapping.fields}
    k = 0
    for o, obj in schema.objects.items():
        slots[o] = []
        for n, f in obj.fields.items():
            slots[o].append(_Slot(k, n, f, by_field.get((o, n))))
            k += 1
    # pass 1: every object's records; pass 2 flags them (a lookup joins its parent's records)
    for i, o in enumerate(schema.objects):
        progress("rehearse", 0.1 + 0.4 * i / max(1, len(schema.objects)))
        name = f"_cr_obj{i}"
        run(con, f"CREATE OR REPLACE TEMP TABLE {name} AS "
                 f"{_object_sql(o, slots[o], '_cr_rsrc')}")
        tables[o] = name
        key = schema.objects[o].key
        ks = next((s for s in slots[o] if s.name == key and s.mapping is not None), None)
        if ks is not None:
            tables[f"{o}:key"] = f"f{ks.k}"
    forecasts: list[ObjectForecast] = []
    for i, (o, obj) in enumerate(schema.objects.items()):
        progress("rehearse", 0.5 + 0.5 * i / max(1, len(schema.objects)))
        sql, names = _flags(o, slots[o], obj.unique, tables)
        flagged = f"_cr_flag{i}"
        run(con, f"CREATE OR REPLACE TEMP TABLE {flagged} AS {sql}")
        forecasts.append(_forecast(con, o, slots[o], names, flagged))
    progress("rehearse", 1.0)
    return _result(table, schema, mapping, forecasts, considered, options)


def _forecast(con: object, obj: str, slots: list[_Slot], names: list[tuple[int, str]],
              flagged: str) -> ObjectForecast:
    aggs = ["count(*)"]
    aggs += [f"count(*) FILTER (WHERE g{i})" for i in range(len(names))]
    anyflag = " OR ".join(f"g{i}" for i in range(len(names))) or "FALSE"
    aggs.append(f"count(*) FILTER (WHERE {anyflag})")
    mapped_slots = [s for s in slots if s.mapping is not None]
    aggs += [f"count(r{s.k})" for s in mapped_slots]
    row = one(con, f"SELECT {', '.join(aggs)} FROM {flagged}")
    total, rejected = int(row[0]), int(row[len(names) + 1])
    counts = [int(x) for x in row[1:len(names) + 1]]
    filled = {s.k: int(x) for s, x in zip(mapped_slots, row[len(names) + 2:], strict=True)}
    per: dict[int, dict[str, int]] = {}
    examples: dict[int, list[str]] = {}
    for (k, kind), n in zip(names, counts, strict=True):
        per.setdefault(k, {})[kind] = per.get(k, {}).get(kind, 0) + n
    for i, (k, _kind) in enumerate(names):
        if counts[i] and any(s.k == k and s.mapping is not None for s in slots):
            found = examples.setdefault(k, [])
            if len(found) < EXAMPLES:
                for (v,) in rows(con, f"SELECT DISTINCT r{k} FROM {flagged} WHERE g{i} AND "
                                      f"r{k} IS NOT NULL ORDER BY 1 LIMIT {EXAMPLES}"):
                    if str(v) not in found and len(found) < EXAMPLES:
                        found.append(str(v))
    fields: list[FieldForecast] = []
    unmapped_required: list[str] = []
    for s in slots:
        if s.mapping is None and s.field.required:
            unmapped_required.append(s.name)
        if s.mapping is None and not s.field.required:
            continue
        viol = per.get(s.k, {})
        violations: dict[str, int] = {
            kind: viol[kind] for kind in ("type", "length", "required", "picklist",
                                          "duplicate", "orphan") if kind in viol}
        fields.append(FieldForecast(
            field=s.name, type=s.field.type,
            source=None if s.mapping is None else s.mapping.source,
            transform=None if s.mapping is None else s.mapping.transform,
            required=s.field.required, filled=filled.get(s.k, 0),
            violations=violations, examples=examples.get(s.k, [])))
    return ObjectForecast(object=obj, mapped_rows=total, expected_loaded=total - rejected,
                          expected_rejected=rejected, fields=fields,
                          unmapped_required=unmapped_required)


def _result(table: DataTable, schema: TargetSchema, mapping: TargetMapping,
            forecasts: list[ObjectForecast], considered: int,
            options: RehearsalOptions) -> RehearsalResult:
    mapped = sum(f.mapped_rows for f in forecasts)
    rejected = sum(f.expected_rejected for f in forecasts)
    low, high = options.cost_per_record
    hours = (Decimal(rejected) * options.minutes_per_issue / 60).quantize(
        Decimal("0.1"), ROUND_HALF_UP)
    effort = Effort(records=considered, cost_per_record_low=low, cost_per_record_high=high,
                    cost_low=(low * considered).quantize(Decimal("1"), ROUND_HALF_UP),
                    cost_high=(high * considered).quantize(Decimal("1"), ROUND_HALF_UP),
                    issues=rejected, minutes_per_issue=options.minutes_per_issue,
                    steward_hours=hours)
    used = {m.source for m in mapping.fields}
    return RehearsalResult(
        target=schema.name, target_file=options.target_file, mapping_file=options.mapping_file,
        files=list(table.sources), source_rows=table.rows,
        merged_duplicates=table.rows - considered, rows_considered=considered,
        objects=forecasts,
        unmapped_columns=[c for c in table.columns if c not in used and not c.startswith("_")],
        expected_loaded=mapped - rejected, expected_rejected=rejected,
        load_rate=None if mapped == 0 else (mapped - rejected) / mapped,
        mapped_fields=len({(m.object, m.field) for m in mapping.fields}),
        target_fields=sum(len(o.fields) for o in schema.objects.values()), effort=effort)
