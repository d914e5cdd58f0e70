"""The review's CSV inputs: KPI actuals and the adoption export, read with located errors.

Contracts (UTF-8, a BOM tolerated, comma-separated, a header row; extra columns
are ignored, column order is free):

- actuals: ``kpi,date,value`` — one measured value of a KPI of the register on a
  date (YYYY-MM-DD); merged with the register's own measurements.
- adoption export: ``user,date,records_created,records_updated,logins`` and an
  optional ``team`` — one row per user and day, as any CRM can export it.

Every problem names the file, the column and the row's line in the file;
reading stops after :data:`MAX_PROBLEMS` problems. Files beyond
:data:`MAX_CSV_BYTES` are refused before they are read.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from crm_readiness.errors import InputFileError, Problem
from crm_readiness.i18n import t
from crm_readiness.io.yaml_files import read_text
from crm_readiness.models.review import MAX_VALUE, KpiRegister, Measurement
from crm_readiness.models.review_adoption import ActivityRow

MAX_CSV_BYTES = 200 * 1024 * 1024
MAX_PROBLEMS = 20
MAX_COUNT = 10_000_000
ACTUALS_COLUMNS = ("kpi", "date", "value")
ADOPTION_COLUMNS = ("user", "date", "records_created", "records_updated", "logins")


class _Rows:
    """The data rows of a CSV file as (line, {column: text}); problems collected on the way."""

    def __init__(self, path: Path, required: tuple[str, ...]) -> None:
        self.path = path
        self.problems: list[Problem] = []
        text = read_text(path, max_bytes=MAX_CSV_BYTES)
        self._lines = text.splitlines()
        header = next(csv.reader(self._lines[:1]), [])
        self.columns = {name.strip().lower(): i for i, name in enumerate(header)}
        missing = [c for c in required if c not in self.columns]
        if missing:
            self.fail(1, None, "review.csv_missing_columns", missing=", ".join(missing),
                      expected=", ".join(required))
            raise InputFileError(path, self.problems)

    def fail(self, line: int, column: str | None, key: str, **params: object) -> None:
        self.problems.append(Problem(column or "", t(key, "en", **params),
                                     t(key, "zh", **params), line, None))
        if len(self.problems) >= MAX_PROBLEMS:
            raise InputFileError(self.path, self.problems)

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        for offset, row in enumerate(csv.reader(self._lines[1:]), start=2):
            if row and (len(row) > 1 or row[0].strip()):
                yield offset, row

    def cell(self, row: list[str], name: str) -> str:
        i = self.columns[name]
        return row[i].strip() if i < len(row) else ""

    def day(self, line: int, row: list[str]) -> date | None:
        """Return the row's date, or None after recording the problem."""
        raw = self.cell(row, "date")
        if len(raw) == 10:
            try:
                return date.fromisoformat(raw)
            except ValueError:
                pass
        self.fail(line, "date", "review.csv_bad_date", value=raw[:40])
        return None

    def finish(self) -> None:
        if self.problems:
            raise InputFileError(self.path, self.problems)


def load_actuals(path: Path, register: KpiRegister) -> KpiRegister:
    """Return ``register`` with the actuals of ``path`` merged into its KPIs' measurements."""
    rows = _Rows(path, ACTUALS_COLUMNS)
    kpis = {k.id: k for k in register.kpis}
    extra: dict[str, list[Measurement]] = {k: [] for k in kpis}
    seen: dict[tuple[str, date], int] = {}
    for line, row in rows:
        kid = rows.cell(row, "kpi")
        kpi = kpis.get(kid)
        if kpi is None:
            rows.fail(line, "kpi", "review.unknown_kpi", id=kid[:60],
                      known=", ".join(list(kpis)[:10]))
            continue
        day = rows.day(line, row)
        raw = rows.cell(row, "value")
        try:
            value: Decimal | None = Decimal(raw)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or abs(value) > MAX_VALUE:
            rows.fail(line, "value", "review.csv_bad_number", value=raw[:40])
            continue
        if day is None:
            continue
        if day < kpi.baseline.date:
            rows.fail(line, "date", "review.measurement_before_baseline", date=day.isoformat(),
                      baseline=kpi.baseline.date.isoformat())
            continue
        if (kid, day) in seen or any(m.date == day for m in kpi.measurements):
            rows.fail(line, "date", "review.csv_duplicate_date", id=kid, date=day.isoformat())
            continue
        seen[(kid, day)] = line
        extra[kid].append(Measurement(date=day, value=value))
    rows.finish()
    merged = tuple(
        k.model_copy(update={"measurements": tuple(sorted((*k.measurements, *extra[k.id]),
                                                          key=lambda m: m.date))})
        for k in register.kpis)
    return register.model_copy(update={"kpis": merged})


def _count(rows: _Rows, line: int, row: list[str], name: str) -> int | None:
    raw = rows.cell(row, name)
    if not raw:
        return 0
    if not raw.isdigit() or int(raw) > MAX_COUNT:
        rows.fail(line, name, "review.csv_bad_count", value=raw[:40])
        return None
    return int(raw)


def _checked_row(rows: _Rows, line: int, row: list[str], has_team: bool) -> ActivityRow | None:
    """The slow path: one row checked cell by cell, every problem recorded."""
    user = rows.cell(row, "user")
    if not user:
        rows.fail(line, "user", "review.csv_empty_user")
        return None
    day = rows.day(line, row)
    created = _count(rows, line, row, "records_created")
    updated = _count(rows, line, row, "records_updated")
    logins = _count(rows, line, row, "logins")
    if day is None or created is None or updated is None or logins is None:
        return None
    team = rows.cell(row, "team") if has_team else ""
    return ActivityRow(user[:200], team[:200], day, created, updated, logins)


def load_adoption(path: Path) -> list[ActivityRow]:
    """Return the rows of an adoption export (see the module's contract).

    The fast path parses a row in one go (dates cached, names interned); a row it
    cannot take is re-read by the slow path, which records each problem.
    """
    rows = _Rows(path, ADOPTION_COLUMNS)
    has_team = "team" in rows.columns
    c = rows.columns
    iu, idate, ic, iup, il = (c["user"], c["date"], c["records_created"], c["records_updated"],
                              c["logins"])
    it = c.get("team", -1)
    width = max(iu, idate, ic, iup, il, it) + 1
    days: dict[str, date] = {}
    names: dict[str, str] = {}
    out: list[ActivityRow] = []
    append = out.append
    for line, row in rows:
        try:
            if len(row) < width:
                raise ValueError
            raw_day = row[idate].strip()
            day = days.get(raw_day)
            if day is None:
                if len(raw_day) != 10:
                    raise ValueError
                day = days[raw_day] = date.fromisoformat(raw_day)
            user = row[iu].strip()[:200]
            created, updated, logins = int(row[ic] or 0), int(row[iup] or 0), int(row[il] or 0)
            if not user or not (0 <= created <= MAX_COUNT and 0 <= updated <= MAX_COUNT
                                and 0 <= logins <= MAX_COUNT):
                raise ValueError
            team = row[it].strip()[:200] if it >= 0 else ""
            append(ActivityRow(names.setdefault(user, user), names.setdefault(team, team), day,
                               created, updated, logins))
        except ValueError:
            checked = _checked_row(rows, line, row, has_team)
            if checked is not None:
                append(checked)
    rows.finish()
    return out


class AdoptionTable:
    """The adoption export loaded into DuckDB as table ``activity``.

    Columns: ``user``, ``team`` (text), ``day`` (DATE), ``work`` (records created
    + updated) and ``logins``; every row checked. Close it (or use ``with``).
    """

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def close(self) -> None:
        """Close the DuckDB connection."""
        self.conn.close()

    def __enter__(self) -> AdoptionTable:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _sql_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def open_adoption(path: Path) -> AdoptionTable:
    """Load an adoption export into DuckDB (see the module's contract).

    DuckDB reads and checks the file in bulk; when it finds a bad row or cannot
    read the file, the file is read again by :func:`load_adoption`, which names
    each problem's column and line.
    """
    import duckdb

    from crm_readiness.io.data_sources import connect

    read_text_limit(path)
    conn = connect()
    try:
        try:
            conn.execute("CREATE TEMP TABLE raw AS SELECT * FROM read_csv(?, header = true, "
                         "all_varchar = true, delim = ',', quote = '\"', escape = '\"')",
                         [str(path)])
        except duckdb.Error as exc:
            load_adoption(path)  # raises the located problems when it finds them
            raise InputFileError(path, [Problem("", t("review.csv_unreadable", "en",
                                                      detail=str(exc)[:200]),
                                                t("review.csv_unreadable", "zh",
                                                  detail=str(exc)[:200]))]) from None
        names = {str(r[0]).strip().lower(): str(r[0])
                 for r in conn.execute("DESCRIBE raw").fetchall()}
        if any(c not in names for c in ADOPTION_COLUMNS):
            load_adoption(path)  # the missing columns, located
        col = {c: _sql_name(names[c]) for c in ADOPTION_COLUMNS}
        team = f"coalesce(trim({_sql_name(names['team'])}), '')" if "team" in names else "''"

        def count(c: str) -> str:
            return (f"TRY_CAST(coalesce(nullif(trim({col[c]}), ''), '0') AS UINTEGER)")

        day = (f"CASE WHEN length(trim({col['date']})) = 10 "
               f"THEN TRY_CAST(trim({col['date']}) AS DATE) END")
        conn.execute(
            f"CREATE TEMP TABLE typed AS SELECT left(trim({col['user']}), 200) AS \"user\", "
            f"left({team}, 200) AS team, {day} AS day, {count('records_created')} AS created, "
            f"{count('records_updated')} AS updated, {count('logins')} AS logins FROM raw")
        conn.execute("DROP TABLE raw")
        bad = conn.execute(
            "SELECT count(*) FROM typed WHERE coalesce(\"user\", '') = '' OR day IS NULL "
            f"OR created IS NULL OR updated IS NULL OR logins IS NULL OR created > {MAX_COUNT} "
            f"OR updated > {MAX_COUNT} OR logins > {MAX_COUNT}").fetchone()
        if bad and bad[0]:
            load_adoption(path)  # raises with every problem located
        conn.execute("CREATE TEMP VIEW activity AS SELECT \"user\", team, day, "
                     "CAST(created AS BIGINT) + updated AS work, "
                     "CAST(logins AS BIGINT) AS logins FROM typed")
    except BaseException:
        conn.close()
        raise
    return AdoptionTable(conn)


def read_text_limit(path: Path) -> None:
    """Refuse a missing, unreadable or too large file before DuckDB opens it (located)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        read_text(path)  # the located "not found"
        return
    if size > MAX_CSV_BYTES or path.is_dir():
        read_text(path, max_bytes=MAX_CSV_BYTES)
