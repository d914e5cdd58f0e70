"""Benchmark ``data profile`` on a wide export: many columns, end to end, wall time and peak RSS.

    python benchmarks/data_wide.py                          # 1 000 columns × 100 000 rows
    python benchmarks/data_wide.py --cols 200 --rows 100000 --runs 3
    python benchmarks/data_wide.py --rules                  # with a rules file (rules init)

The CSV is generated into a temporary folder by DuckDB from a fixed seed (the
same arguments give the same bytes): columns cycle through company names,
contact names, mobiles, e-mails, cities, landlines, dates, grades, amounts and
free text, with about 4 % empty cells and some malformed values. Each run is
``crm-readiness data profile`` in a fresh subprocess (all report formats, the
issues workbook and the sample); its wall time is measured from outside and
its peak RSS read from ``getrusage(RUSAGE_CHILDREN)``. Without ``--rules`` the
rules are drafted from the data (as a first look at an unknown export does);
with ``--rules`` they are drafted once by ``data rules init`` and passed in.
Targets: 1 000 × 100 000 in < 120 s and < 2 GiB peak RSS on a 2-core box.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KINDS = ("company", "person", "mobile", "email", "city", "landline", "date", "grade",
         "amount", "text")
_CITIES = ["上海", "北京", "广州", "深圳", "杭州", "成都", "武汉", "南京", "苏州", "天津"]
_AREA = ["021", "010", "020", "0755", "0571", "028", "027", "025", "0512", "022"]
_CORES = ["华瑞", "宏远", "海通", "新锐", "中科", "金桥", "东方", "恒达", "瑞丰", "长城",
          "鼎盛", "汇通", "天成", "永泰", "博远", "嘉禾"]
_TRADES = ["机械", "科技", "物流", "电子", "医药", "建材", "贸易", "软件"]
_SURNAMES = ["张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴"]
_GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明"]


def _list(values: list[str]) -> str:
    return "[" + ", ".join("'" + v + "'" for v in values) + "]"


def _pick(values: list[str], h: str) -> str:
    return f"{_list(values)}[(1 + ({h}) % {len(values)})::BIGINT]"


def _column_sql(j: int, seed: int) -> tuple[str, str]:
    """Return (header, SQL expression over ``i``) of column ``j``."""
    kind = KINDS[j % len(KINDS)]
    h = f"hash(i, {j}, {seed})"
    h2 = f"hash(i, {j}, {seed} + 1)"
    empty = f"({h2}) % 25 = 0"
    if kind == "company":
        expr = (f"{_pick(_CITIES, h)} || {_pick(_CORES, f'{h} // 10')} || "
                f"{_pick(_TRADES, f'{h} // 1000')} || (({h} // 100000) % 500)::VARCHAR || "
                f"'有限公司'")
    elif kind == "person":
        expr = f"{_pick(_SURNAMES, h)} || {_pick(_GIVEN, f'{h} // 10')}"
    elif kind == "mobile":
        expr = (f"CASE WHEN ({h}) % 20 = 0 THEN '1' || lpad((({h} // 20) % 10000000)::VARCHAR, "
                f"7, '0') ELSE '13' || (({h} // 20) % 10)::VARCHAR || "
                f"lpad((({h} // 200) % 100000000)::VARCHAR, 8, '0') END")
    elif kind == "email":
        expr = (f"'user' || (({h}) % 100000)::VARCHAR || CASE WHEN ({h} // 100000) % 30 = 0 "
                f"THEN '@163' ELSE '@example.com' END")
    elif kind == "city":
        expr = _pick(_CITIES, h)
    elif kind == "landline":
        expr = (f"{_pick(_AREA, h)} || '-' || (2 + ({h} // 10) % 8)::VARCHAR || "
                f"lpad((({h} // 100) % 10000000)::VARCHAR, 7, '0')")
    elif kind == "date":
        expr = (f"CASE WHEN ({h}) % 40 = 0 THEN '2023-02-30' ELSE strftime(DATE '2019-01-01' "
                f"+ ((({h} // 40) % 2200)::INTEGER), '%Y-%m-%d') END")
    elif kind == "grade":
        expr = _pick(["A", "B", "C", "D", "a", "E"], h)
    elif kind == "amount":
        expr = f"(({h}) % 1000000)::VARCHAR || '.' || lpad((({h} // 1000000) % 100)::VARCHAR, 2, '0')"
    else:
        expr = (f"'备注 ' || (({h}) % 5000)::VARCHAR || ' ' || "
                f"{_pick(_TRADES, f'{h} // 5000')}")
    return f"{kind}_{j:04d}", f"CASE WHEN {empty} THEN NULL ELSE {expr} END"


def generate(path: Path, cols: int, rows: int, seed: int) -> None:
    """Write the wide CSV (UTF-8, header row) with DuckDB."""
    import duckdb

    con = duckdb.connect()
    try:
        con.execute("SET preserve_insertion_order = true")
        con.execute("SET enable_progress_bar = false")
        parts = []
        for j in range(cols):
            header, expr = _column_sql(j, seed)
            parts.append(f'{expr} AS "{header}"')
        con.execute(f"COPY (SELECT {', '.join(parts)} FROM range({rows}) t(i) ORDER BY i) "
                    f"TO '{path}' (FORMAT csv, HEADER true)")
    finally:
        con.close()


def _cli() -> list[str]:
    return [sys.executable, "-m", "crm_readiness"]


def run_once(csv_path: Path, rules: Path | None, out: Path) -> tuple[float, float, float]:
    """Profile once in a fresh child; return (wall s, peak RSS MiB, CPU s) of that child."""
    args = [*_cli(), "data", "profile", str(csv_path), "--out", str(out), "--force",
            "--lang", "en"]
    if rules is not None:
        args += ["--rules", str(rules)]
    # peak RSS of the child: run it under a tiny Python parent that reports its own
    # RUSAGE_CHILDREN, so earlier runs do not mix into this run's maximum
    probe = ("import resource, subprocess, sys, json\n"
             "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
             "ru = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
             "print(json.dumps({'rc': p.returncode, 'rss_kib': ru.ru_maxrss, "
             "'cpu': ru.ru_utime + ru.ru_stime, 'err': p.stderr[-2000:]}))\n")
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True,
                          check=True)
    wall = time.perf_counter() - start
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    if got["rc"] not in (0, 1):
        raise SystemExit(f"data profile failed with exit {got['rc']}:\n{got['err']}")
    return wall, got["rss_kib"] / 1024, got["cpu"]


def main() -> None:
    """Generate the file, run ``data profile`` ``--runs`` times, print the medians."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cols", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20240501)
    parser.add_argument("--rules", action="store_true",
                        help="draft a rules file first (data rules init) and profile with it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="crm-readiness-wide-") as tmp_name:
        tmp = Path(tmp_name)
        csv_path = tmp / f"wide-{args.cols}x{args.rows}.csv"
        t0 = time.perf_counter()
        generate(csv_path, args.cols, args.rows, args.seed)
        print(f"generated {csv_path.name}: {csv_path.stat().st_size / 2**20:.0f} MiB in "
              f"{time.perf_counter() - t0:.1f} s", flush=True)
        rules: Path | None = None
        if args.rules:
            rules = tmp / "rules.yaml"
            subprocess.run([*_cli(), "data", "rules", "init", str(csv_path), "--out",
                            str(rules)], check=True, capture_output=True)
        walls: list[float] = []
        peaks: list[float] = []
        cpus: list[float] = []
        for n in range(args.runs):
            wall, peak, cpu = run_once(csv_path, rules, tmp / "out")
            walls.append(wall)
            peaks.append(peak)
            cpus.append(cpu)
            print(f"run {n + 1}: {wall:.1f} s wall, {cpu:.1f} s CPU, peak RSS {peak:.0f} MiB",
                  flush=True)
    report = {"cols": args.cols, "rows": args.rows, "runs": args.runs,
              "rules": "file" if args.rules else "drafted",
              "median_s": round(statistics.median(walls), 1),
              "min_s": round(min(walls), 1), "max_s": round(max(walls), 1),
              "median_cpu_s": round(statistics.median(cpus), 1),
              "peak_rss_mib": round(max(peaks)), "cpus": os.cpu_count(),
              "load_avg_1min": round(os.getloadavg()[0], 1),
              "self_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    print(json.dumps(report))


if __name__ == "__main__":
    main()
