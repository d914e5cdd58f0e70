"""Tiny demo parts for the runner's tests (imported by spec, run in forked workers)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from crm_readiness.demo.entry import DemoEntry
from crm_readiness.errors import file_error
from crm_readiness.i18n import Lang
from crm_readiness.models._base import Text


def _entry(name: str) -> DemoEntry:
    return DemoEntry(Text(en="fake", zh="假"), Text(en=name, zh=name), f"{name}.txt")


def slow_source(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    time.sleep(0.3)  # the reader must wait for it even though it was submitted later
    (out_dir / "source.txt").write_text(str(os.getpid()), "utf-8")
    return [_entry("source")]


def reader(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    pid = (out_dir / "source.txt").read_text("utf-8")  # FileNotFoundError if run too early
    (out_dir / "reader.txt").write_text(pid, "utf-8")
    return [_entry("reader")]


def quick(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    (out_dir / "quick.txt").write_text(str(os.getpid()), "utf-8")
    return [_entry("quick")]


def bad_input(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    raise file_error(out_dir / "x.yaml", "broken on purpose", "故意损坏", "line 3")


class _Unpicklable(Exception):
    def __init__(self, a: int, b: int) -> None:  # pickle re-calls __init__ with one argument
        super().__init__(f"{a}/{b}")


def crash(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    raise _Unpicklable(1, 2)  # a bug: its traceback must reach the crash log


def quick_too(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    (out_dir / "quick_too.txt").write_text(str(os.getpid()), "utf-8")
    return [_entry("quick_too")]


def preloaded(out_dir: Path, lang: Lang) -> list[DemoEntry]:
    from tests.demo import fake_preload

    (out_dir / "preloaded.txt").write_text(str(fake_preload.IMPORTED_BY), "utf-8")
    return [_entry("preloaded")]
