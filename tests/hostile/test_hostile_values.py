"""Hostile *values* in otherwise valid input files: a located exit 3 in both languages.

The structural corpus (``test_yaml_inputs``) breaks the YAML itself; these
cases keep the demo's valid files and change one value the way a user might:
an amount of 10^28 (``Decimal`` has no upper bound, so the engine would have
to refuse it), an integer with 40 digits, a score that is NaN, an answer to a
question that does not exist, a requirement id given twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile._cases import DEMO, HOSTILE, Command
from tests.hostile.conftest import run_hostile


def _first(pattern: str, repl: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        new, n = re.subn(pattern, repl, text, count=1, flags=re.M)
        assert n == 1, pattern
        return new

    return change


#: case id → (demo file, change, command line of the changed file)
CASES: dict[str, tuple[str, Callable[[str], str], Callable[[Path, Path], list[str]]]] = {
    "tco-amount-1e28": ("costs.yaml", _first(r"amount: 620000$", "amount: 1e28"),
                        lambda b, o: ["tco", str(b), "--out", str(o / "f")]),
    "tco-amount-40-digits": ("costs.yaml", _first(r"amount: 620000$", "amount: " + "9" * 40),
                             lambda b, o: ["tco", str(b), "--out", str(o / "f")]),
    "roi-benefit-1e28": ("benefits.yaml", _first(r"mode: 420000", "mode: 1e28"),
                         lambda b, o: ["roi", str(DEMO / "costs.yaml"), str(b), "--out",
                                       str(o / "f"), "--draws", "100"]),
    "vendors-score-nan": ("vendors.yaml", _first(r"score: 4\.5$", "score: .nan"),
                          lambda b, o: ["vendors", "compare", str(b), "--out", str(o / "v")]),
    "vendors-score-huge": ("vendors.yaml", _first(r"score: 4\.5$", "score: 1e308"),
                           lambda b, o: ["vendors", "compare", str(b), "--out", str(o / "v")]),
    "answers-unknown-question": (
        "answers.yaml", _first(r"^answers:$", "answers:\n  strategy.no_such_question: {value: yes}"),
        lambda b, o: ["assess", "--answers", str(b), "--out", str(o / "r")]),
    "requirements-duplicate-id": (
        "requirements.yaml", _first(r"^- id: SAL-02$", "- id: SAL-01"),
        lambda b, o: ["vendors", "compare", str(DEMO / "vendors.yaml"), "--requirements",
                      str(b), "--out", str(o / "v")]),
    "target-length-huge": ("target-yunfan.yaml", _first(r"length: 12,", "length: 1e308,"),
                           lambda b, o: _rehearse(b, o)),
    "target-lookup-unknown-object": (
        "target-yunfan.yaml", _first(r"references: customer", "references: client"),
        lambda b, o: _rehearse(b, o)),
    "target-picklist-values-on-text": (
        "target-yunfan.yaml", _first(r"name: \{type: text, length: 60,",
                                     "name: {type: text, values: [A], length: 60,"),
        lambda b, o: _rehearse(b, o)),
}


def _rehearse(bad: Path, out: Path) -> list[str]:
    return ["data", "rehearse", str(HOSTILE.parent / "data" / "small.csv"), "--target", str(bad),
            "--out", str(out / "r"), "--format", "json"]


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_value_is_a_located_input_error(case: str, tmp_path: Path) -> None:
    source, change, argv = CASES[case]
    bad = tmp_path / f"{case}-{source}"
    bad.write_text(change((DEMO / source).read_text("utf-8")), "utf-8")
    command = Command(case, argv)
    run_hostile(command, bad, tmp_path, "en")
    run_hostile(command, bad, tmp_path, "zh")

#: bilingual text (``{en, zh}``, one language, or a plain string) written wrongly: case id →
#: (demo file, change, command line, the place the message must name)
TEXT_CASES: dict[str, tuple[str, Callable[[str], str], Callable[[Path, Path], list[str]], str]] = {
    "text-unknown-language": (
        "costs.yaml", _first(r'name: \{en: "PaaS platform', 'name: {fr: "plateforme", en: "PaaS platform'),
        lambda b, o: ["tco", str(b), "--out", str(o / "f")], "one_time.0.name.fr"),
    "text-both-blank": (
        "benefits.yaml", _first(r'name: \{en: "Higher win rate[^}]*\}', 'name: {en: "", zh: "  "}'),
        lambda b, o: ["roi", str(DEMO / "costs.yaml"), str(b), "--out", str(o / "f"),
                      "--draws", "100"], "benefits.0.name"),
    "text-empty-mapping": (
        "costs.yaml", _first(r'name: \{en: "PaaS platform[^}]*\}', "name: {}"),
        lambda b, o: ["tco", str(b), "--out", str(o / "f")], "one_time.0.name"),
    "text-list-for-a-language": (
        "answers.yaml", _first(r'note: \{en: "Customer data in reps[^}]*\}', 'note: {en: [a, b], zh: "x"}'),
        lambda b, o: ["assess", "--answers", str(b), "--out", str(o / "r")],
        "answers.strategy.pain_points_diagnosed.note.en"),
    "text-mapping-for-a-language": (
        "vendors.yaml", _first(r'comment: \{en: "Equipment object[^}]*\}', "comment: {zh: {x: 1}}"),
        lambda b, o: ["vendors", "compare", str(b), "--out", str(o / "v")],
        "vendors.0.responses.SRV-08.comment.zh"),
}


@pytest.mark.parametrize("case", sorted(TEXT_CASES))
def test_bilingual_text_written_wrongly_is_a_located_input_error(case: str, tmp_path: Path) -> None:
    source, change, argv, place = TEXT_CASES[case]
    bad = tmp_path / f"{case}-{source}"
    bad.write_text(change((DEMO / source).read_text("utf-8")), "utf-8")
    command = Command(case, argv)
    for lang in ("en", "zh"):
        result = run_hostile(command, bad, tmp_path, lang)
        assert place in "".join(result.output.split()), (place, result.output)


@pytest.mark.parametrize(("case", "change", "place"), [
    ("checklist-one-language", _first(r'^      zh: "是否已与各业务部门共同诊断.*$\n', ""),
     "questions.0.text.zh"),
    ("checklist-plain-string", _first(r'^    text:\n      en: "Have the business pain points(.*)"\n      zh: .*$',
                                      r'    text: "Have the business pain points\1"'),
     "questions.0.text"),
])
def test_a_checklist_gives_every_text_in_both_languages(case: str, change: Callable[[str], str],
                                                        place: str, tmp_path: Path) -> None:
    from tests.hostile._cases import YAML_COMMANDS

    checklists = Path(__file__).resolve().parents[2] / "checklists"
    bad = tmp_path / f"{case}-strategy.yaml"
    bad.write_text(change((checklists / "strategy.yaml").read_text("utf-8")), "utf-8")
    command = next(c for c in YAML_COMMANDS if c.id == "checklist-validate")
    for lang in ("en", "zh"):
        result = run_hostile(command, bad, tmp_path, lang)
        assert place in "".join(result.output.split()), (place, result.output)
