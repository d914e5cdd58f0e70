"""Property-based fuzz: every valid example YAML, mutated, through its own loader.

Byte flips, truncation, inserted control characters and YAML syntax, duplicated
or dropped lines. The only allowed outcomes are a valid model or an
:class:`InputFileError` (exit 3) — never another exception, never a hang.
Bounded and derandomised so CI is stable; ``CRM_FUZZ_EXAMPLES`` raises the count.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_readiness._resources import checklists_dir, examples_dir
from crm_readiness.errors import InputFileError
from crm_readiness.models.checklist import ChecklistSet

EXAMPLES = int(os.environ.get("CRM_FUZZ_EXAMPLES", "30"))
DEMO = examples_dir() / "demo"
RUNS: dict[str, int] = {}


@cache
def _checklists() -> ChecklistSet:
    from crm_readiness.io.checklists import load_checklist_set

    return load_checklist_set()


def _answers(path: Path) -> Any:
    from crm_readiness.io.assessment import load_answers

    return load_answers(path, _checklists())


def _costs(path: Path) -> Any:
    from crm_readiness.io.finance import load_costs

    return load_costs(path)


def _benefits(path: Path) -> Any:
    from crm_readiness.io.finance import load_benefits, load_costs

    return load_benefits(path, load_costs(DEMO / "costs.yaml"))


def _rules(path: Path) -> Any:
    from crm_readiness.io.data_sources import load_rules

    return load_rules(path)


def _catalogue(path: Path) -> Any:
    from crm_readiness.io.vendors import load_catalogue

    return load_catalogue(path)


def _vendors(path: Path) -> Any:
    from crm_readiness.io.vendors import load_vendors_shape

    return load_vendors_shape(path)


@cache
def _demo_vendors() -> Any:
    from crm_readiness.io.vendors import load_vendors

    return load_vendors(DEMO / "vendors.yaml")


def _panel_scores(path: Path) -> Any:
    from crm_readiness.io.panel import load_panel_scores

    return load_panel_scores(path, _demo_vendors()[0])


def _demo_outcomes(path: Path) -> Any:
    from crm_readiness.io.demo_outcomes import load_demo_outcomes

    vf, catalogue, _ = _demo_vendors()
    return load_demo_outcomes(path, vf, catalogue)


def _kpis(path: Path) -> Any:
    from crm_readiness.io.finance import load_benefits, load_costs
    from crm_readiness.io.review import load_register

    costs = load_costs(DEMO / "costs.yaml")
    questions = {q.id for c in _checklists().checklists for q in c.questions}
    return load_register(path, questions=questions,
                         benefits=load_benefits(DEMO / "benefits.yaml", costs), costs=costs)


def _lessons(path: Path) -> Any:
    from crm_readiness.io.review import load_lessons, load_register

    return load_lessons(path, load_register(DEMO / "kpis.yaml"))


def _target(path: Path) -> Any:
    from crm_readiness.io.target_files import load_target

    return load_target(path)


def _checklist_file(path: Path) -> Any:
    from crm_readiness.io.checklists import validate_files

    good, errors = validate_files([path])
    if errors:
        raise errors[0]
    return good


def _loader(path: Path) -> Callable[[Path], Any]:
    name = path.name
    if path.parent == checklists_dir():
        return _checklist_file
    if path.parent.name == "catalogue" or name == "requirements.yaml":
        return _catalogue
    if "answers" in name:
        return _answers
    if name.startswith("costs"):
        return _costs
    if name == "benefits.yaml":
        return _benefits
    if name.endswith("rules.yaml"):
        return _rules
    if name == "vendors.yaml":
        return _vendors
    if name == "panel-scores.yaml":
        return _panel_scores
    if name == "demo-outcomes.yaml":
        return _demo_outcomes
    if name == "kpis.yaml":
        return _kpis
    if name == "lessons.yaml":
        return _lessons
    if path.parent.name == "target" or name.startswith("target-"):
        return _target
    raise AssertionError(f"no loader known for {path}: add it to tests/hostile/test_fuzz_yaml.py")


VALID = sorted([*examples_dir().rglob("*.yaml"), *checklists_dir().glob("*.yaml"),
                *checklists_dir().glob("catalogue/*.yaml")])
_INSERTS = [b"\x00", b"\x01", b"\x1b", b"\x7f", b"\t", b"\xff", b"&a ", b"*a", b"*nowhere",
            b"!!python/object ", b": ", b"- ", b"[", b"{", b"'", b'"', b"\n---\n", b"<<: ",
            b"1e400", b"010", b"yes", b"~", b"? ", b"%YAML 1.1\n"]

mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**9), st.integers(1, 255)),
    st.tuples(st.just("truncate"), st.integers(0, 10**9), st.just(0)),
    st.tuples(st.just("insert"), st.integers(0, 10**9), st.integers(0, len(_INSERTS) - 1)),
    st.tuples(st.just("dup_line"), st.integers(0, 10**9), st.just(0)),
    st.tuples(st.just("drop_line"), st.integers(0, 10**9), st.just(0)),
)


def mutate(data: bytes, steps: list[tuple[str, int, int]]) -> bytes:
    for kind, at, arg in steps:
        if not data:
            return data
        i = at % len(data)
        if kind == "flip":
            data = data[:i] + bytes([data[i] ^ arg]) + data[i + 1:]
        elif kind == "truncate":
            data = data[:i]
        elif kind == "insert":
            data = data[:i] + _INSERTS[arg] + data[i:]
        else:
            lines = data.splitlines(keepends=True)
            j = at % len(lines)
            lines[j:j + 1] = [lines[j], lines[j]] if kind == "dup_line" else []
            data = b"".join(lines)
    return data


@pytest.mark.parametrize("source", VALID, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_mutated_example_is_a_model_or_an_input_error(source: Path,
                                                      tmp_path_factory: pytest.TempPathFactory
                                                      ) -> None:
    load = _loader(source)
    load(source)  # the unmutated file is valid
    original = source.read_bytes()
    folder = tmp_path_factory.mktemp("fuzz")
    target = folder / source.name

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(mutation, min_size=1, max_size=3))
    def check(steps: list[tuple[str, int, int]]) -> None:
        target.write_bytes(mutate(original, steps))
        start = time.perf_counter()
        try:
            load(target)
        except InputFileError as exc:
            assert exc.path.name == target.name or exc.path.name.endswith(".yaml")
            assert exc.text("en") and exc.text("zh")
        assert time.perf_counter() - start < 5.0
        RUNS[source.name] = RUNS.get(source.name, 0) + 1

    check()
    assert RUNS[source.name] >= min(EXAMPLES, 10)
