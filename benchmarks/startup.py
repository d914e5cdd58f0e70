"""Start-up time: ``crm-readiness --help`` against a bare Typer app's ``--help``.

    python benchmarks/startup.py [--runs 15]

Both run in fresh interpreters, interleaved, so machine noise hits both alike.
The package is byte-compiled first, as ``pip install`` does for a wheel (and as
Typer itself is): with ``PYTHONDONTWRITEBYTECODE`` set and a source checkout,
every start would otherwise recompile it, which no installed user sees.
Target (issue: readiness assessment): median ratio ≤ 1.3.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = '''
import typer
app = typer.Typer(help="A bare Typer app.")
@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    print(name)
@app.command()
def bye() -> None:
    """Say bye."""
if __name__ == "__main__":
    app()
'''


def _time(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    import compileall

    import crm_readiness

    compileall.compile_dir(Path(crm_readiness.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare.py"
        bare.write_text(BARE)
        ours_cmd = [sys.executable, "-c", "from crm_readiness.cli.main import main; main()", "--help"]
        bare_cmd = [sys.executable, str(bare), "--help"]
        _time(ours_cmd), _time(bare_cmd)  # warm the file cache
        ours, base = [], []
        for _ in range(args.runs):
            ours.append(_time(ours_cmd))
            base.append(_time(bare_cmd))
    m_ours, m_base = statistics.median(ours), statistics.median(base)
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}")
    print(f"runs: {args.runs} each, interleaved")
    print(f"crm-readiness --help: median {m_ours * 1000:.0f} ms")
    print(f"bare typer --help:    median {m_base * 1000:.0f} ms")
    ratio = m_ours / m_base
    print(f"ratio: {ratio:.2f} (target ≤ 1.30) {'OK' if ratio <= 1.3 else 'OVER'}")
    sys.exit(0 if ratio <= 1.3 else 1)


if __name__ == "__main__":
    main()
