"""Write the deterministic synthetic customer export (CSV or XLSX) used by the data benchmarks.

    python benchmarks/data_generate.py ROWS OUT.csv [--seed N]
    python benchmarks/data_generate.py ROWS OUT.xlsx [--seed N]

The generator itself lives in ``crm_readiness.engine.data.synthetic`` (the
tests and the demo use it too): seeded, with known duplicate groups and known
invalid values. This script only writes its rows to a file.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    """Parse the command line and write the file (and the rules next to it)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rows", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=20240501)
    args = parser.parse_args()
    if args.out.suffix.lower() == ".xlsx":
        truth = write_xlsx(args.out, args.rows, args.seed)
    else:
        truth = write_csv(args.out, args.rows, args.seed)
    args.out.with_name(args.out.stem + "-rules.yaml").write_text(RULES_YAML, encoding="utf-8")
    print(f"{args.out}: {truth.rows} rows, {len(truth.groups)} duplicate groups, "
          f"{len(truth.pairs())} duplicate pairs")


if __name__ == "__main__":
    main()
