"""Reading customer exports (CSV, XLSX) into DuckDB, and the data rules and profile files.

CSV: the encoding is detected (UTF-8 with or without BOM, UTF-16 with BOM,
otherwise GB18030 — the superset of GBK that Chinese Excel writes) or given;
non-UTF-8 text is transcoded in a streaming pass to a private temporary file,
so memory stays flat. The delimiter is sniffed. XLSX: the chosen sheet is
read with python-calamine row by row into a temporary CSV. DuckDB then loads
everything as text, with extension auto-install and auto-load switched off
(machines may be offline). Source files are only ever opened for reading.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import os
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, TextIO

from crm_readiness.engine.data.sql import one
from crm_readiness.engine.data.table import DataTable, Progress, no_progress
from crm_readiness.errors import InputFileError, Problem, UsageError, file_error
from crm_readiness.i18n import t
from crm_readiness.models.data.result import DataProfileResult, SourceInfo
from crm_readiness.models.data.rules import DataRules

TABLE = "src"
_CHUNK = 1 << 20
_XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
#: files a user may pick by mistake that are certainly not a table of records.
_NOT_TABULAR = (".yaml", ".yml", ".json", ".xml", ".html", ".htm", ".pdf", ".docx", ".doc",
                ".zip", ".md")
_DELIMITERS = (",", ";", "\t", "|")


def _err(path: Path, key: str, location: str = "", **params: object) -> InputFileError:
    return file_error(path, t(key, "en", **params), t(key, "zh", **params), location)


#: DuckDB's memory ceiling for small helper connections (review CSVs); the data engine
#: sizes its own from the machine (:func:`engine_settings`).
MEMORY_LIMIT = "1200MB"
#: environment variables of the scale settings (docs/data.md "Scale settings").
ENV_MEMORY = "CRM_READINESS_DATA_MEMORY"
ENV_TEMP = "CRM_READINESS_DATA_TEMP"
ENV_THREADS = "CRM_READINESS_DATA_THREADS"
_MIB = 1 << 20
#: the default memory limit: a quarter of the machine's memory, within these bounds.
DEFAULT_SHARE = 0.25
DEFAULT_FLOOR = 256 * _MIB
DEFAULT_CEILING = 2048 * _MIB
_UNITS = {"": 1, "b": 1, "kb": 1000, "mb": 1000**2, "gb": 1000**3, "tb": 1000**4,
          "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40}


@dataclass(frozen=True)
class EngineSettings:
    """How the data engine's DuckDB runs: memory ceiling (bytes), spill folder, threads."""

    memory_bytes: int
    temp_root: Path
    threads: int | None = None

    @property
    def memory_limit(self) -> str:
        """The limit as DuckDB's ``memory_limit`` setting (whole MiB)."""
        return f"{max(1, self.memory_bytes // _MIB)}MiB"


def machine_memory() -> int | None:
    """Return the memory this process may use: physical memory, or a cgroup limit below it."""
    total: int | None = None
    with contextlib.suppress(ValueError, OSError, AttributeError):
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    for name in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        with contextlib.suppress(OSError, ValueError):
            raw = Path(name).read_text(encoding="ascii").strip()
            if raw.isdigit() and (total is None or int(raw) < total):
                total = int(raw)
    return total if total and total > 0 else None


def parse_memory(text: str, what: str) -> int:
    """Return bytes of a size such as ``2GB``, ``1500MiB`` or ``40%`` (of the machine's memory).

    Raises :class:`UsageError` naming ``what`` (the option or variable) otherwise.
    """
    raw = text.strip().lower().replace(" ", "")
    value: float | None = None
    if raw.endswith("%"):
        with contextlib.suppress(ValueError):
            share = float(raw[:-1])
            total = machine_memory()
            if 0 < share <= 100 and total:
                value = total * share / 100
    else:
        num = raw.rstrip("kmgtib")
        unit = raw[len(num):]
        with contextlib.suppress(ValueError):
            if unit in _UNITS:
                value = float(num) * _UNITS[unit]
    if value is None or value < 64 * _MIB:
        raise UsageError(t("data.err.memory", "en", what=what, value=text),
                         t("data.err.memory", "zh", what=what, value=text))
    return int(value)


def engine_settings(memory: str | None = None, temp_dir: Path | None = None,
                    threads: int | None = None) -> EngineSettings:
    """Resolve the scale settings: the option given, else the environment, else the default.

    Default memory: a quarter of the machine's memory (cgroup limit included),
    at least 256 MiB and at most 2 GiB; default folder: the system temporary
    folder; default threads: DuckDB's (one per core).
    """
    env_mem = os.environ.get(ENV_MEMORY, "").strip()
    if memory:
        size = parse_memory(memory, "--memory-limit")
    elif env_mem:
        size = parse_memory(env_mem, ENV_MEMORY)
    else:
        total = machine_memory() or 8 * (1 << 30)
        size = int(min(max(total * DEFAULT_SHARE, DEFAULT_FLOOR), DEFAULT_CEILING))
    env_tmp = os.environ.get(ENV_TEMP, "").strip()
    root = temp_dir or (Path(env_tmp) if env_tmp else Path(tempfile.gettempdir()))
    if not root.is_dir():
        what = "--temp-dir" if temp_dir else ENV_TEMP
        raise UsageError(t("data.err.temp_dir", "en", what=what, path=str(root)),
                         t("data.err.temp_dir", "zh", what=what, path=str(root)))
    env_threads = os.environ.get(ENV_THREADS, "").strip()
    if threads is None and env_threads:
        if not env_threads.isdigit() or int(env_threads) < 1:
            raise UsageError(t("data.err.threads", "en", what=ENV_THREADS, value=env_threads),
                             t("data.err.threads", "zh", what=ENV_THREADS, value=env_threads))
        threads = int(env_threads)
    return EngineSettings(memory_bytes=size, temp_root=root, threads=threads)


def connect(settings: EngineSettings | None = None, spill: Path | None = None) -> Any:
    """Return an in-memory DuckDB connection that never downloads or auto-loads extensions.

    ``settings``: memory ceiling and threads; ``spill``: the folder DuckDB writes to past
    the ceiling — the blocks of its tables (the export's, the normalised values, the
    problem rows) as well as the sorts, joins and aggregates, so memory stays bounded at
    any size.
    """
    import duckdb

    con = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False,
                                             "autoload_known_extensions": False})
    con.execute("SET autoinstall_known_extensions=false")
    con.execute("SET autoload_known_extensions=false")
    con.execute("SET enable_progress_bar=false")  # progress is ours to report, not DuckDB's
    # bounded memory: past this DuckDB spills to the private temp folder (a wide export's
    # normalised table does not fit in RAM on a small box)
    limit = settings.memory_limit if settings else MEMORY_LIMIT
    con.execute(f"SET memory_limit='{limit}'")
    if settings is not None and settings.threads:
        con.execute(f"SET threads={int(settings.threads)}")
    if spill is not None:
        con.execute(f"SET temp_directory='{str(spill).replace(chr(39), chr(39) * 2)}'")
    return con


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise _err(path, "file.not_found")
    if path.is_dir():
        raise _err(path, "file.is_dir")
    if path.stat().st_size == 0:
        raise _err(path, "data.err.empty")


def _line_of(path: Path, byte_pos: int) -> int:
    line = 1
    with path.open("rb") as fh:
        left = byte_pos
        while left > 0:
            block = fh.read(min(_CHUNK, left))
            if not block:
                break
            line += block.count(b"\n")
            left -= len(block)
    return line


def _codec(name: str, path: Path) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise _err(path, "data.err.unknown_encoding", encoding=name) from None


def _first_guess(path: Path, given: str | None) -> str:
    """Return the encoding the file's first 64 KiB point to: ``utf-16`` by its BOM, the given
    one (``utf-8-sig`` for UTF-8 with a BOM), else ``utf-8-sig`` / ``utf-8``; raises for a
    binary file. Nothing past the head is read."""
    with path.open("rb") as fh:
        head = fh.read(65536)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if head.startswith(b"PK\x03\x04") or b"\x00" in head:
        raise _err(path, "data.err.binary")
    enc = _codec(given, path) if given else "utf-8"
    return "utf-8-sig" if enc == "utf-8" and head.startswith(codecs.BOM_UTF8) else enc


def _likely_utf8(path: Path, given: str | None) -> str | None:
    """Return ``utf-8`` / ``utf-8-sig`` when :func:`detect_encoding` would first check the whole
    file as UTF-8 (the usual case), else None; raises what it raises for a binary file."""
    guess = _first_guess(path, given)
    return guess if guess in ("utf-8", "utf-8-sig") else None


def detect_encoding(path: Path, given: str | None = None) -> str:
    """Return the encoding of CSV ``path``: ``utf-8``, ``utf-8-sig``, ``utf-16`` or ``gb18030``.

    Raises a located :class:`InputFileError` for binary files and text that is
    not valid in the given (or any supported) encoding.
    """
    guess = _first_guess(path, given)
    if guess == "utf-16":
        return guess
    if given or guess == "utf-8-sig":
        _validate(path, guess)
        return guess
    try:
        _validate(path, "utf-8")
        return "utf-8"
    except InputFileError:
        pass
    try:
        _validate(path, "gb18030")
    except InputFileError:
        raise _err(path, "data.err.encoding_unknown") from None
    return "gb18030"


def _validate(path: Path, encoding: str, sink: TextIO | None = None) -> None:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    offset = 0
    with path.open("rb") as fh:
        while True:
            block = fh.read(_CHUNK)
            final = not block
            try:
                text = decoder.decode(block, final=final)
            except UnicodeDecodeError as exc:
                pos = max(0, offset + exc.start - len(decoder.getstate()[0]))
                line = _line_of(path, pos)
                raise _err(path, "data.err.encoding", encoding=encoding, line=line,
                           pos=pos) from None
            if sink is not None and text:
                sink.write(text)
            if final:
                return
            offset += len(block)


def sniff_delimiter(sample: str) -> str:
    """Return the delimiter (, ; tab |) that splits the first lines into the most, steady fields."""
    lines = sample.splitlines()[:50]
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]  # the last line may be cut off
    best, best_key = ",", (0.0, 0)
    for d in _DELIMITERS:
        counts = [len(r) for r in csv.reader(lines, delimiter=d)]
        if not counts or counts[0] < 2:
            continue
        steady = sum(1 for c in counts if c == counts[0]) / len(counts)
        key = (steady, counts[0])
        if key > best_key:
            best, best_key = d, key
    return best


def _head_text(path: Path, encoding: str) -> str:
    with path.open("rb") as fh:
        raw = fh.read(65536)
    return raw.decode(encoding, errors="ignore").lstrip("\ufeff")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _xlsx_to_csv(path: Path, sheet: str | None, out: Path) -> tuple[str, int]:
    """Copy one sheet of a workbook to CSV ``out``, read through the one workbook reader.

    A broken archive, corrupt XML met while streaming rows, or a file that is no
    workbook at all is a located exit 3 naming ``path`` (:mod:`crm_readiness.io.workbooks`).
    """
    from crm_readiness.io.workbooks import open_workbook

    with open_workbook(path) as wb:
        names = wb.sheet_names
        name = sheet if sheet is not None else (names[0] if names else None)
        if name is None or name not in names:
            raise _err(path, "data.err.sheet", sheet=str(sheet), sheets=", ".join(names))
        rows = 0
        with out.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            for _, values in wb.sheet(name).rows():
                writer.writerow([_cell(v) for v in values])
                rows += 1
    return name, rows


def _read_csv_sql(path: Path, delimiter: str) -> str:
    from crm_readiness.engine.data.formats import lit

    return (f"read_csv({lit(str(path))}, delim={lit(delimiter)}, header=true, all_varchar=true, "
            f"quote='\"', escape='\"', encoding='utf-8', sample_size=-1, skip=0)")


def _first_ragged_line(csv_path: Path, delimiter: str) -> str:
    """Return the line of the first record whose field count differs from the header's."""
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        width = None
        for fields in reader:
            if width is None:
                width = len(fields)
            elif fields and len(fields) != width:
                return str(reader.line_num)
    return "?"


def _out_of_memory(settings: EngineSettings) -> UsageError:
    """Return the error of a run that needed more than the engine's memory ceiling (exit 2)."""
    limit = f"{settings.memory_bytes / _MIB:,.0f} MiB"
    return UsageError(t("data.err.out_of_memory", "en", limit=limit),
                      t("data.err.out_of_memory", "zh", limit=limit))


def _load_one(con: Any, path: Path, csv_path: Path, delimiter: str, first: bool) -> int:
    import duckdb

    from crm_readiness.engine.data.formats import ident

    src = _read_csv_sql(csv_path, delimiter)
    try:
        cols = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {src}").fetchall()]
        if first:
            con.execute(f"CREATE TABLE {TABLE} ({', '.join(ident(c) + ' VARCHAR' for c in cols)})")
        else:
            have = {r[0] for r in con.execute(f"DESCRIBE {TABLE}").fetchall()}
            for c in cols:
                if c not in have:
                    con.execute(f"ALTER TABLE {TABLE} ADD COLUMN {ident(c)} VARCHAR")
        before = one(con, f"SELECT count(*) FROM {TABLE}")[0]
        con.execute(f"INSERT INTO {TABLE} BY NAME SELECT * FROM {src}")
        after = one(con, f"SELECT count(*) FROM {TABLE}")[0]
    except duckdb.OutOfMemoryException:
        raise  # the memory ceiling, not the file (see open_export)
    except duckdb.Error as exc:
        text = str(exc)
        if "sniffing" in text or "Expected Number of Columns" in text:
            line = _first_ragged_line(csv_path, delimiter)
            raise _err(path, "data.err.csv_shape", line=line, delimiter=repr(delimiter)) from None
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        detail = " ".join(lines[:3])[:300]
        raise _err(path, "data.err.csv", detail=detail) from None
    return int(after) - int(before)


@contextlib.contextmanager
def open_export(paths: Sequence[Path], *, encoding: str | None = None, sheet: str | None = None,
                delimiter: str | None = None, settings: EngineSettings | None = None,
                progress: Progress = no_progress) -> Iterator[DataTable]:
    """Load the files (read together as one export) into DuckDB and yield the table.

    DuckDB works in memory up to a ceiling and spills past it to ``spill/`` in a private
    folder (under ``settings.temp_root``), its tables' blocks included, so memory stays
    bounded at any size; the folder is removed on exit. The sources are never written to.
    """
    settings = settings or engine_settings()
    tmp = Path(tempfile.mkdtemp(prefix="crm-readiness-data-", dir=settings.temp_root))
    try:
        con = connect(settings, tmp / "spill")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    import duckdb

    try:
        try:
            yield _load_all(con, tmp, paths, encoding, sheet, delimiter, progress, overlap=True)
        except _NotUtf8:
            # a file that looked like UTF-8 is not: load it all again the serial way, which
            # finds its encoding (GB18030) or reports the bad byte, as it always did
            con.close()
            con = connect(settings, tmp / "spill")
            yield _load_all(con, tmp, paths, encoding, sheet, delimiter, progress, overlap=False)
    except duckdb.OutOfMemoryException:
        # what DuckDB cannot spill (a CSV reader's buffers, one huge value) past the ceiling
        raise _out_of_memory(settings) from None
    finally:
        con.close()
        shutil.rmtree(tmp, ignore_errors=True)


class _NotUtf8(Exception):
    """A file checked as UTF-8 while it loaded turned out not to be (no encoding was given)."""


def _load_checked(con: Any, path: Path, delimiter: str | None, first: bool,
                  encoding: str | None, enc: str) -> tuple[str, int]:
    """Load UTF-8-looking ``path`` while a thread checks that all of it is valid ``enc``.

    DuckDB releases the GIL while it reads, so the check (Python, one core) runs beside
    the load. The check decides, as when it ran first: invalid text with ``--encoding``
    given is reported (whatever DuckDB said); without it :class:`_NotUtf8` asks for the
    serial path. Returns (delimiter, rows).
    """
    from concurrent.futures import ThreadPoolExecutor

    delim = delimiter or sniff_delimiter(_head_text(path, "utf-8"))
    with ThreadPoolExecutor(max_workers=1) as pool:
        check = pool.submit(_validate, path, enc)
        try:
            rows = _load_one(con, path, path, delim, first=first)
        except InputFileError:
            _checked(check, encoding)
            raise
        _checked(check, encoding)
    return delim, rows


def _checked(check: Any, given: str | None) -> None:
    try:
        check.result()
    except InputFileError:
        if given:
            raise
        raise _NotUtf8 from None


def _load_all(con: Any, tmp: Path, paths: Sequence[Path], encoding: str | None,
              sheet: str | None, delimiter: str | None, progress: Progress, *,
              overlap: bool) -> DataTable:
    """Load every file into the table :data:`TABLE` of ``con``; return it as a DataTable.

    With ``overlap`` a CSV that looks like UTF-8 is checked while it loads
    (:func:`_load_checked`), else its encoding is found first.
    """
    sources: list[SourceInfo] = []
    total = 0
    for n, path in enumerate(paths):
        progress("load", 0.05 * n / max(1, len(paths)))
        _check_readable(path)
        with path.open("rb") as fh:
            magic = fh.read(8)
        if path.suffix.lower() in _NOT_TABULAR:
            raise _err(path, "data.err.not_tabular", suffix=path.suffix.lower())
        kind = "xlsx" if (path.suffix.lower() in _XLSX_SUFFIXES
                          or magic.startswith(b"PK\x03\x04")) else "csv"
        enc: str | None = None
        used_sheet: str | None = None
        loaded: tuple[str, int] | None = None
        if kind == "xlsx":
            csv_path = tmp / f"{n}.csv"
            used_sheet, _ = _xlsx_to_csv(path, sheet, csv_path)
            delim = ","
        else:
            enc = _likely_utf8(path, encoding) if overlap else None
            loaded = None if enc is None else _load_checked(
                con, path, delimiter, n == 0, encoding, enc)
            if loaded is None:
                enc = detect_encoding(path, encoding)
                if enc in ("utf-8", "utf-8-sig"):
                    csv_path = path
                else:
                    csv_path = tmp / f"{n}.csv"
                    with csv_path.open("w", encoding="utf-8", newline="") as sink:
                        _validate(path, enc, sink)
                delim = delimiter or sniff_delimiter(_head_text(csv_path, "utf-8"))
        if loaded is None:
            if csv_path.stat().st_size == 0:
                raise _err(path, "data.err.empty")
            rows = _load_one(con, path, csv_path, delim, first=(n == 0))
        else:
            delim, rows = loaded
        if rows == 0:
            raise _err(path, "data.err.empty")
        sources.append(SourceInfo(path=str(path), kind=kind, encoding=enc,
                                  delimiter=delim if kind == "csv" else None,
                                  sheet=used_sheet, rows=rows, first_record=total))
        total += rows
    columns = tuple(r[0] for r in con.execute(f"DESCRIBE {TABLE}").fetchall())
    return DataTable(conn=con, table=TABLE, columns=columns, sources=tuple(sources))


def load_rules(path: Path, columns: Sequence[str] | None = None) -> DataRules:
    """Load a rules file; with ``columns``, every column it names must exist in the data."""
    from crm_readiness.engine.data.formats import regex_problems
    from crm_readiness.io.yaml_files import load_yaml, validate_loaded

    loaded = load_yaml(path)
    rules = validate_loaded(loaded, DataRules)
    refused = regex_problems([r.pattern for r in rules.columns.values() if r.pattern])
    if refused:
        found: list[Problem] = []
        for name, rule in rules.columns.items():
            if rule.pattern in refused:
                line, column = loaded.locate(("columns", name, "pattern"))
                detail = refused[rule.pattern]
                found.append(Problem(
                    f"columns.{name}.pattern",
                    t("data.err.regex_engine", "en", pattern=rule.pattern, detail=detail),
                    t("data.err.regex_engine", "zh", pattern=rule.pattern, detail=detail),
                    line, column))
        raise InputFileError(path, found)
    if columns is not None:
        have = set(columns)
        shown = ", ".join(columns[:30])
        problems: list[Problem] = []
        for loc, col in rules.referenced_columns():
            if col not in have:
                line, column = loaded.locate(loc)
                problems.append(Problem(
                    ".".join(str(p) for p in loc),
                    t("data.err.column_missing", "en", column=col, columns=shown),
                    t("data.err.column_missing", "zh", column=col, columns=shown), line, column))
        if problems:
            raise InputFileError(path, problems)
    return rules


def load_profile_result(path: Path) -> DataProfileResult:
    """Load a profile JSON written by ``data profile`` back into its result model."""
    from pydantic import ValidationError

    from crm_readiness.io.yaml_files import read_text, validation_problems

    text = read_text(path)
    try:
        return DataProfileResult.model_validate_json(text)
    except ValidationError as exc:
        problems = validation_problems(exc)
        if not problems:
            raise _err(path, "data.err.profile_json", detail=str(exc)[:200]) from None
        head = t("data.err.profile_json", "en", detail=""), t("data.err.profile_json", "zh",
                                                               detail="")
        raise InputFileError(path, [Problem("", head[0], head[1]), *problems[:10]]) from None


def _plain_header(names: Sequence[str]) -> bool:
    """Whether DuckDB writes these column names as they are (unique, nothing to quote)."""
    return (len(set(names)) == len(names) and all(
        n and n == n.strip() and not any(c in n for c in ',"\r\n\ufeff') for n in names))


def export_query_csv(con: Any, sql: str, path: Path, *, force: bool,
                     on_start: Callable[[], None] | None = None, safe: bool = True,
                     safe_columns: Collection[int] = ()) -> Path:
    """Write the rows of ``sql`` to CSV ``path`` (UTF-8 with BOM for Excel) atomically.

    With ``safe`` (the default) every field and header passes the one safe-cell
    rule (:mod:`crm_readiness.cells_rule`), so no spreadsheet evaluates a formula;
    ``safe=False`` writes values verbatim (``data clean --raw``). ``safe_columns``:
    positions of columns the query already made safe (numbers, the tool's codes,
    literals the rule was applied to), written as text without the per-row rule.
    Refuses to replace an existing file unless ``force``.
    """
    import csv
    import io

    import duckdb

    from crm_readiness.cells_rule import safe_text, safe_text_sql
    from crm_readiness.engine.data.formats import ident, lit
    from crm_readiness.errors import OutputError
    from crm_readiness.io.atomic import check_writable, ensure_dir

    check_writable(path, force=force)
    ensure_dir(path.parent)
    if on_start:
        on_start()
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc)) from None
    os.close(fd)
    body = Path(tmp_name + ".body")
    try:
        names = [str(d[0]) for d in con.execute(f"SELECT * FROM ({sql}) LIMIT 0").description]
        if safe:
            names = [safe_text(n) for n in names]
            pos = ", ".join(f"c{k}" for k in range(len(names)))
            cols = ", ".join((f"CAST(c{k} AS VARCHAR)" if k in safe_columns
                              else safe_text_sql(f"CAST(c{k} AS VARCHAR)")) + f" AS c{k}"
                             for k in range(len(names)))
            sql = f"SELECT {cols} FROM ({sql}) AS q({pos})"
        if _plain_header(names):
            # DuckDB writes the whole file, header included: the BOM rides on the first name
            aliases = ", ".join(ident(("\ufeff" if k == 0 else "") + n)
                                for k, n in enumerate(names))
            con.execute(f"COPY (SELECT * FROM ({sql}) AS q({aliases})) TO {lit(tmp_name)} "
                        f"(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"')")
            with open(tmp_name, "rb+") as out:
                os.fsync(out.fileno())
        else:  # a header DuckDB would quote: written here, the rows appended from COPY
            head = io.StringIO()
            csv.writer(head, lineterminator="\n").writerow(names)
            con.execute(f"COPY ({sql}) TO {lit(str(body))} (FORMAT csv, HEADER false, "
                        f"DELIMITER ',', QUOTE '\"')")
            with open(tmp_name, "wb") as out, body.open("rb") as src:
                out.write(codecs.BOM_UTF8)
                out.write(head.getvalue().encode("utf-8"))
                shutil.copyfileobj(src, out, _CHUNK)
                out.flush()
                os.fsync(out.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, path)
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc)) from None
    except duckdb.Error as exc:  # COPY failed: full disk, folder not writable …
        raise OutputError(path, " ".join(str(exc).split())[:300]) from None
    finally:
        for leftover in (Path(tmp_name), body):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return path
