"""Write the deterministic synthetic customer export (CSV or XLSX) used by the data benchmarks.

    python benchmarks/data_generate.py ROWS OUT.csv [--seed N]
    python benchmarks/data_generate.py ROWS OUT.xlsx [--seed N]
    python benchmarks/data_generate.py 20000000 big.csv --chunk 1000000 [--base 1m.csv]
    python benchmarks/data_generate.py 10000000 10m.csv --chunk 1000000 --copies-of 1m.csv
    python benchmarks/data_generate.py 20000000 20m.csv --chunk 1000000 --copies-of 10m.csv --from 10

The generator itself lives in ``crm_readiness.engine.data.synthetic`` (the
tests and the demo use it too): seeded, with known duplicate groups and known
invalid values. This script only writes its rows to a file.

With ``--chunk N`` (for 10 M+ rows, which neither fit in memory as Python rows
nor generate in reasonable time) the file is chunk 0 = ``generate(N, seed)``
(or the first ``N`` rows of ``--base FILE``) followed by shifted copies of it
(:func:`write_chunked`); duplicate groups do not cross chunks; the truth is not
reported. The first ``m × N`` rows of such a file are the file with ``m × N`` rows.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from crm_readiness.engine.data.synthetic import HEADER, RULES_YAML, Truth, generate
from crm_readiness.workflows.data import write_synthetic_csv as write_csv


def write_xlsx(path: Path, rows: int, seed: int) -> Truth:
    """Write the export as an XLSX workbook (sheet 客户) and return what was generated."""
    from openpyxl import Workbook

    data, truth = generate(rows, seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("客户")
    ws.append(list(HEADER))
    for row in data:
        ws.append(row)
    wb.save(path)
    return truth


def _shift_digits(value: str, k: int, width: int = 4) -> str:
    """Add ``k × 7919`` to the number the last ``width`` digits of ``value`` spell (mod 10^width)."""
    pos = [i for i, ch in enumerate(value) if ch.isdigit()][-width:]
    if len(pos) < width:
        return value
    n = (int("".join(value[i] for i in pos)) + k * 7919) % 10**width
    chars = list(value)
    for i, d in zip(pos, f"{n:0{width}d}", strict=True):
        chars[i] = d
    return "".join(chars)


def _shift_uscc(value: str, k: int) -> str:
    """Rotate a credit code's characters 13–16 by ``k`` in its alphabet (a lower-case
    character stays lower-case) and move its check character with them: a valid code
    stays valid, an invalid one invalid (the check keeps its distance from the right one)."""
    from crm_readiness.engine.data.uscc import ALPHABET, WEIGHTS

    v = value.strip()
    idx = [ALPHABET.find(ch) for ch in v.upper()]
    if len(v) != 18 or min(idx[12:16]) < 0:
        return value

    def right(ids: list[int]) -> int:
        return (31 - sum(i * w for i, w in zip(ids, WEIGHTS, strict=False)) % 31) % 31

    def cased(new: str, old: str) -> str:
        return new if old == old.upper() else new.lower()

    moved = [*idx[:12], *((i + k) % 31 for i in idx[12:16]), idx[16]]
    body = v[:12] + "".join(cased(ALPHABET[m], ch) for m, ch in zip(moved[12:], v[12:16],
                                                                      strict=False)) + v[16]
    if idx[17] < 0:
        return body + v[17]
    return body + cased(ALPHABET[(right(moved) + idx[17] - right(idx)) % 31], v[17])


def _copy_row(row: list[str], k: int, chunk: int) -> list[str]:
    """Chunk ``k``'s copy of a base row: own customer number, phones, e-mail and credit code."""
    out = list(row)
    if out[0].startswith("C") and out[0][1:].isdigit():
        out[0] = f"C{int(out[0][1:]) + k * chunk:08d}"
    for col in (4, 5):  # 手机, 座机
        out[col] = _shift_digits(out[col], k)
    if "@" in out[6]:
        out[6] = f"k{k}." + out[6]
    out[2] = _shift_uscc(out[2], k)
    return out


def write_chunked(path: Path, rows: int, seed: int, chunk: int, base: Path | None) -> int:
    """Stream ``rows`` rows to CSV ``path``: a generated chunk, then shifted copies of it.

    Generating is slow (about 4 min per million rows on a shared 2-core box), so
    chunk 0 is ``generate(chunk, seed)`` (or read from ``base``, a file this script
    wrote) and chunk ``k`` is its copy with the customer number, the last digits of
    mobile and landline, the credit code's serial (valid codes stay valid) and the
    e-mail shifted, so no key value repeats across chunks (no artificial hubs) and
    the invalid values keep their share. Company names repeat across chunks.
    """
    if base is not None:
        with base.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            next(reader)
            data = [r for _, r in zip(range(chunk), reader, strict=False)]
    else:
        data, _ = generate(chunk, seed)
    written = 0
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        k = 0
        while written < rows:
            n = min(len(data), rows - written)
            w.writerows(data[:n] if k == 0 else (_copy_row(r, k, chunk) for r in data[:n]))
            written += n
            k += 1
            print(f"  {written:,} rows", flush=True)
    return written


def copies_sql(src: Path, out: Path, shifts: list[int], chunk: int) -> list[str]:
    """Return DuckDB ``COPY`` statements: ``src``'s rows to ``out``, then one shifted copy
    per ``k`` in ``shifts``, each to a part file beside ``out`` (:func:`write_copies`).

    The same shifts as :func:`_copy_row` (customer number ``+ k × chunk``; the last
    four consecutive digits of mobile and landline ``+ k × 7919``; the credit code's
    characters 13–16 rotated by ``k``, in their case, and its check character moved
    with them, so a valid code stays valid and an invalid one invalid; ``k{k}.`` before
    the e-mail), done by DuckDB straight into the files. Shifts add up, so a copy of a
    copy is again a distinct chunk.

    Cheap per row (this is what makes 10 M rows from 1 M, or 20 M from 10 M, a few
    CPU minutes): each copy reads ``src`` once with plain ``read_csv`` (no full-file
    type sniffing: every column is text); the credit code's weighted sum is computed
    once per row as unrolled arithmetic (a list lambda per row cost ten times more)
    and the copy's check character comes from it by the rotated characters' weight
    difference; one ``regexp_extract`` per phone gives its three parts.
    """
    from crm_readiness.engine.data.formats import lit
    from crm_readiness.engine.data.uscc import ALPHABET, WEIGHTS

    u = '"统一社会信用代码"'
    digits = "'^(.*)([0-9]{4})([^0-9]*)$'"

    def index(i: int) -> str:
        """The alphabet index of the credit code's ``i``-th character (-1 if not in it)."""
        return f"(instr('{ALPHABET}', upper(substr({u}, {i}, 1))) - 1)"

    def check(total: str) -> str:
        """The index of the right check character for a weighted sum ``total``."""
        return f"((31 - (({total}) % 31 + 31) % 31) % 31)"

    total = " + ".join(f"{index(i)} * {w}" for i, w in enumerate(WEIGHTS, start=1))
    # per row, once for all copies: the weighted sum, the characters 13-16's indices,
    # each phone's three parts
    prep = (f"SELECT *, ({total}) AS __t, "
            + ", ".join(f"{index(i)} AS __i{i}" for i in (*range(13, 17), 18)) + ", "
            + ", ".join(f"regexp_extract(\"{c}\", {digits}, ['a', 'b', 'c']) AS __{n}"
                        for n, c in (("m", "手机"), ("l", "座机"))))

    def copy(k: int) -> str:
        def phone(c: str, n: str) -> str:
            return (f"CASE WHEN __{n}.b <> '' THEN __{n}.a || lpad(((__{n}.b::INTEGER + "
                    f"{k * 7919}) % 10000)::VARCHAR, 4, '0') || __{n}.c ELSE \"{c}\" END")

        def keep_case(i: int, ch: str) -> str:
            """``ch`` lower-cased where the code's ``i``-th character is (the case is kept)."""
            return f"CASE WHEN substr({u}, {i}, 1) = upper(substr({u}, {i}, 1)) THEN {ch} " \
                f"ELSE lower({ch}) END"

        rot = " || ".join(keep_case(i, f"substr('{ALPHABET}', ((__i{i} + {k}) % 31 + 1)"
                                       f"::INTEGER, 1)") for i in range(13, 17))
        body = f"(substr({u}, 1, 12) || {rot} || substr({u}, 17, 1))"
        in_alphabet = " AND ".join(f"__i{i} >= 0" for i in range(13, 17))
        delta = " + ".join(f"((__i{i} + {k}) % 31 - __i{i}) * {WEIGHTS[i - 1]}"
                           for i in range(13, 17))
        # the check character keeps its distance from the right one: 0 for a valid code
        moved = (f"substr('{ALPHABET}', ((({check(f'__t + {delta}')} + __i18 - "
                 f"{check('__t')}) % 31 + 31) % 31 + 1)::INTEGER, 1)")
        uscc = (f"CASE WHEN length({u}) = 18 AND {in_alphabet} THEN {body} || CASE WHEN "
                f"__i18 >= 0 THEN {keep_case(18, moved)} ELSE substr({u}, 18, 1) END "
                f"ELSE {u} END")
        ident = '"客户编号"'
        rid = (f"CASE WHEN regexp_full_match({ident}, 'C[0-9]+') THEN 'C' || lpad((substr("
               f"{ident}, 2)::BIGINT + {k * chunk})::VARCHAR, 8, '0') ELSE {ident} END")
        mail = '"邮箱"'
        cols = [rid if c == "客户编号" else uscc if c == "统一社会信用代码"
                else phone(c, "m") if c == "手机" else phone(c, "l") if c == "座机"
                else f"CASE WHEN contains({mail}, '@') THEN 'k{k}.' || {mail} ELSE {mail} END"
                if c == "邮箱" else f'"{c}"' for c in HEADER]
        return "SELECT " + ", ".join(f'{e} AS "{c}"' for e, c in zip(cols, HEADER, strict=True))

    read = f"read_csv({lit(str(src))}, header=true, all_varchar=true)"
    parts = [f"SELECT * FROM {read}", *[f"{copy(k)} FROM ({prep} FROM {read})" for k in shifts]]
    return [f"COPY ({q}) TO {lit(str(part))} (FORMAT csv, HEADER {str(n == 0).lower()})"
            for n, (q, part) in enumerate(zip(parts, _parts(out, len(parts)), strict=True))]


def _parts(out: Path, n: int) -> list[Path]:
    return [out, *[out.with_name(f"{out.name}.part{j}") for j in range(1, n)]]


def write_copies(src: Path, out: Path, shifts: list[int], chunk: int) -> None:
    """Write ``src`` then its shifted copies (:func:`copies_sql`) to CSV ``out``.

    One ``COPY`` per part, each streamed to its own file by DuckDB and appended to
    ``out`` (a single ``COPY`` of a ``UNION ALL`` kept the later parts in memory to
    keep their order: 1 GiB and no output for minutes at 10 M rows).
    """
    import shutil

    import duckdb

    con = duckdb.connect()
    parts = _parts(out, len(shifts) + 1)
    try:
        for n, sql in enumerate(copies_sql(src, out, shifts, chunk)):
            con.execute(sql)
            if n:
                with out.open("ab") as dst, parts[n].open("rb") as part:
                    shutil.copyfileobj(part, dst, 1 << 24)
                parts[n].unlink()
                print(f"  copy {n}/{len(shifts)} (shifted by {shifts[n - 1]} chunks)", flush=True)
    finally:
        con.close()
        for part in parts[1:]:
            part.unlink(missing_ok=True)


def main() -> None:
    """Parse the command line and write the file (and the rules next to it)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rows", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=20240501)
    parser.add_argument("--chunk", type=int, default=0,
                        help="stream in chunks of this many generated rows (10 M+ rows)")
    parser.add_argument("--copies-of", type=Path, default=None,
                        help="write this CSV then shifted copies of it (DuckDB) up to ROWS: "
                             "ROWS / --chunk files' worth, the given file being --from chunks")
    parser.add_argument("--from", dest="from_chunks", type=int, default=1,
                        help="with --copies-of: how many chunks the given file holds")
    parser.add_argument("--base", type=Path, default=None,
                        help="with --chunk: read chunk 0 from this CSV instead of generating it")
    args = parser.parse_args()
    args.out.with_name(args.out.stem + "-rules.yaml").write_text(RULES_YAML, encoding="utf-8")
    if args.copies_of:
        have, want = args.from_chunks, -(-args.rows // args.chunk)
        shifts = list(range(have, want, have))
        write_copies(args.copies_of, args.out, shifts, args.chunk)
        print(f"{args.out}: {args.copies_of} and its copies shifted by {shifts} chunks")
        return
    if args.chunk:
        n = write_chunked(args.out, args.rows, args.seed, args.chunk, args.base)
        print(f"{args.out}: {n} rows (chunks of {args.chunk})")
        return
    if args.out.suffix.lower() == ".xlsx":
        truth = write_xlsx(args.out, args.rows, args.seed)
    else:
        truth = write_csv(args.out, args.rows, args.seed)
    print(f"{args.out}: {truth.rows} rows, {len(truth.groups)} duplicate groups, "
          f"{len(truth.pairs())} duplicate pairs")


if __name__ == "__main__":
    main()
