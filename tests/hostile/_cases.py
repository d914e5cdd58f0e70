"""The hostile-input table: every file-taking command × every hostile file.

Extend it here: add a :class:`Command` to ``YAML_COMMANDS`` / ``WORKBOOK_COMMANDS``
for a new command (``argv`` gets the hostile file and a scratch folder), or a
file to ``tests/assets/hostile/`` (via ``tests/tools/make_hostile_corpus.py``)
or a generator to ``GENERATED_YAML`` for one too big to commit. A command
known to crash on a file for reasons outside the reader goes in ``KNOWN`` with
the reason; its test is then a strict xfail (it fails loudly once fixed).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from crm_readiness._resources import examples_dir

HOSTILE = Path(__file__).resolve().parents[1] / "assets" / "hostile"
DEMO = examples_dir() / "demo"
TARGET = examples_dir() / "target" / "generic-crm.yaml"


@dataclass(frozen=True)
class Command:
    """A command line that takes the hostile file somewhere; exit codes it may end with."""

    id: str
    argv: Callable[[Path, Path], list[str]]
    exits: frozenset[int] = frozenset({3})


def _d(name: str) -> str:
    return str(DEMO / name)


def _as_phase(bad: Path, tmp: Path) -> str:
    folder = tmp / "checklists"
    folder.mkdir(exist_ok=True)
    shutil.copyfile(bad, folder / bad.name)
    return str(folder)


def _demo_case(tmp: Path, **refs: Path) -> str:
    """Copy the demo inputs to ``tmp/case``; point the vendors file's ``scores`` (panel
    scores) or ``demonstrations`` (outcomes) at the given hostile file; return its path."""
    folder = tmp / "case"
    if not folder.exists():
        shutil.copytree(DEMO, folder)
    vendors = folder / "vendors.yaml"
    text = (DEMO / "vendors.yaml").read_text("utf-8")
    for key, bad in refs.items():
        name = {"scores": "panel-scores.yaml", "demonstrations": "demo-outcomes.yaml"}[key]
        text = text.replace(f"{key}: {name}", f"{key}: '{bad.resolve()}'", 1)
    vendors.write_text(text, "utf-8")
    return str(vendors)


@cache
def _filled_panel_master() -> bytes:
    """The filled panel workbook, made once per process: it depends on the demo case only
    (its ``_meta`` sheet names the panelist, vendors and criteria, no path)."""
    import tempfile

    import openpyxl

    from crm_readiness.workflows.vendor_panel import export_panel

    with tempfile.TemporaryDirectory(prefix="panel-") as folder:
        tmp = Path(folder)
        export_panel(Path(_demo_case(tmp)), tmp / "books", "en", force=True)
        wb = openpyxl.load_workbook(tmp / "books" / "panel-chen.xlsx")
        wb["Scores"].cell(10, 4).value = 4
        wb.save(tmp / "books" / "panel-chen.xlsx")
        return (tmp / "books" / "panel-chen.xlsx").read_bytes()


def _filled_panel(tmp: Path) -> str:
    """A valid filled panel workbook of the demo case (chen's scores, a copy in ``tmp``):
    the import reads it, then the hostile panel scores file it merges into."""
    book = tmp / "books" / "panel-chen.xlsx"
    book.parent.mkdir(parents=True, exist_ok=True)
    book.write_bytes(_filled_panel_master())
    return str(book)


def _panel_store(bad: Path, tmp: Path) -> list[str]:
    book = _filled_panel(tmp)
    store = tmp / "store" / bad.name  # a copy: the import locks (and would write) beside it
    store.parent.mkdir(exist_ok=True)
    shutil.copyfile(bad, store)
    return ["vendors", "panel", "import", book, "--vendors", _demo_case(tmp, scores=store)]


YAML_COMMANDS: tuple[Command, ...] = (
    Command("assess", lambda b, o: ["assess", "--answers", str(b), "--out", str(o / "r")]),
    Command("assess-checklists", lambda b, o: ["assess", "--answers", _d("answers.yaml"),
                                               "--checklists", _as_phase(b, o),
                                               "--out", str(o / "r")]),
    Command("checklist-validate", lambda b, o: ["checklist", "validate", str(b)]),
    Command("plan", lambda b, o: ["plan", "--answers", str(b), "--start", "2027-01-05",
                                  "--out", str(o / "p")]),
    Command("spec", lambda b, o: ["spec", "--answers", str(b), "--out", str(o / "s")]),
    Command("spec-requirements", lambda b, o: ["spec", "--answers", _d("answers.yaml"),
                                               "--requirements", str(b), "--out", str(o / "s")]),
    Command("questionnaire-export", lambda b, o: ["questionnaire", "export", "--role", "sales",
                                                  "--answers", str(b), "--out", str(o / "q")]),
    Command("tco", lambda b, o: ["tco", str(b), "--out", str(o / "f")]),
    Command("roi-costs", lambda b, o: ["roi", str(b), _d("benefits.yaml"), "--out",
                                       str(o / "f"), "--draws", "100"]),
    Command("roi-benefits", lambda b, o: ["roi", _d("costs.yaml"), str(b), "--out",
                                          str(o / "f"), "--draws", "100"]),
    Command("vendors-compare", lambda b, o: ["vendors", "compare", str(b), "--out",
                                             str(o / "v")]),
    Command("vendors-compare-requirements", lambda b, o: [
        "vendors", "compare", _d("vendors.yaml"), "--requirements", str(b), "--out",
        str(o / "v")]),
    Command("vendors-rfp", lambda b, o: ["vendors", "rfp", "--requirements", str(b), "--out",
                                         str(o / "rfp.xlsx")]),
    Command("vendors-compare-panel-scores", lambda b, o: [
        "vendors", "compare", _demo_case(o, scores=b), "--out", str(o / "v")]),
    Command("vendors-compare-demo-outcomes", lambda b, o: [
        "vendors", "compare", _demo_case(o, demonstrations=b), "--out", str(o / "v")]),
    Command("vendors-panel-import-store", _panel_store),
    Command("vendors-panel-export", lambda b, o: ["vendors", "panel", "export", str(b),
                                                  "--out", str(o / "panel")]),
    Command("vendors-demo-script", lambda b, o: ["vendors", "demo", "script", str(b),
                                                 "--out", str(o / "demos")]),
    Command("data-profile-rules", lambda b, o: [
        "data", "profile", str(HOSTILE.parent / "data" / "small.csv"), "--rules", str(b),
        "--out", str(o / "d"), "--format", "json"]),
    Command("review-kpis", lambda b, o: ["review", "--kpis", str(b), "--out", str(o / "rv")]),
    Command("review-kpis-case", lambda b, o: ["review", "--kpis", str(b), "--costs",
                                              _d("costs.yaml"), "--benefits",
                                              _d("benefits.yaml"), "--out", str(o / "rv")]),
    Command("data-clean-rules", lambda b, o: [
        "data", "clean", str(HOSTILE.parent / "data" / "small.csv"), "--rules", str(b),
        "--out", str(o / "clean.csv")]),
    Command("data-map-target", lambda b, o: [
        "data", "map", str(HOSTILE.parent / "data" / "small.csv"), "--target", str(b),
        "--out", str(o / "mapping.xlsx")]),
    Command("data-rehearse-target", lambda b, o: [
        "data", "rehearse", str(HOSTILE.parent / "data" / "small.csv"), "--target",
        str(TARGET), "--target", str(b), "--out", str(o / "r"), "--format", "json"]),
)


def _deep_block(tmp: Path) -> Path:
    path = tmp / "deep-block-1000.yaml"
    path.write_text("version: 1\n" + "".join("  " * i + f"k{i}:\n" for i in range(1000)),
                    "utf-8")
    return path


def _oversize(tmp: Path) -> Path:
    path = tmp / "oversize-30mib.yaml"
    line = "# " + "x" * 1021 + "\n"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("version: 1\n")
        for _ in range(30 * 1024):
            fh.write(line)
    return path


def _long_scalar(tmp: Path) -> Path:
    path = tmp / "long-scalar.yaml"
    path.write_text("version: 1\nnotes: " + "x" * (2 * 1024 * 1024) + "\n", "utf-8")
    return path


GENERATED_YAML: dict[str, Callable[[Path], Path]] = {
    "deep-block-1000.yaml": _deep_block,
    "oversize-30mib.yaml": _oversize,
    "long-scalar.yaml": _long_scalar,
}


def yaml_files() -> list[str]:
    """Every hostile YAML case: committed files, then generated ones."""
    return sorted(p.name for p in (HOSTILE / "yaml").iterdir()) + sorted(GENERATED_YAML)


def _answers_copy(tmp: Path) -> str:
    target = tmp / "answers.yaml"
    if not target.exists():
        shutil.copyfile(DEMO / "answers.yaml", target)
    return str(target)


WORKBOOK_COMMANDS: tuple[Command, ...] = (
    Command("questionnaire-import", lambda b, o: ["questionnaire", "import", str(b),
                                                  "--answers", _answers_copy(o)]),
    Command("vendors-import", lambda b, o: ["vendors", "import", str(b), "--vendors",
                                            str(o / "vendors.yaml")]),
    Command("vendors-panel-import", lambda b, o: ["vendors", "panel", "import", str(b),
                                                  "--vendors", _demo_case(o)]),
    Command("vendors-demo-import", lambda b, o: ["vendors", "demo", "import", str(b),
                                                 "--vendors", _demo_case(o)]),
    Command("data-profile", lambda b, o: ["data", "profile", str(b), "--rules",
                                          _d("customers-rules.yaml"), "--out", str(o / "d"),
                                          "--format", "json"]),
    Command("data-profile-labels", lambda b, o: [
        "data", "profile", str(HOSTILE.parent / "data" / "small.csv"), "--rules",
        _d("customers-rules.yaml"), "--labels", str(b), "--out", str(o / "d"),
        "--format", "json"]),
    Command("data-rehearse-mapping", lambda b, o: [
        "data", "rehearse", str(HOSTILE.parent / "data" / "small.csv"), "--target",
        str(TARGET), "--mapping", str(b), "--out", str(o / "r"), "--format", "json"]),
    Command("data-rehearse-source", lambda b, o: [
        "data", "rehearse", str(b), "--target", str(TARGET), "--out", str(o / "r"),
        "--format", "json"]),
)


def workbook_files() -> list[str]:
    """Every hostile workbook case."""
    return sorted(p.name for p in (HOSTILE / "workbooks").iterdir())


#: (command id, file name) → reason, for crashes whose fix lies outside the readers.
KNOWN: dict[tuple[str, str], str] = {
}
