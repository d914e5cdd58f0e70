"""Every report opens with a decision page; registers follow as grouped appendices.

The decision page (verdict and why, blockers, next actions, top risks) must come
before the appendices and before any register, in both languages; ids sit in
cells that never wrap; each register group's count equals the JSON.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from crm_readiness.engine.scoring import assess
from crm_readiness.i18n import Lang, t
from crm_readiness.io.assessment import load_answers
from crm_readiness.io.checklists import load_checklist_set
from crm_readiness.models.assessment import AssessmentResult
from crm_readiness.render import Format
from crm_readiness.render.assessment import RENDERERS
from crm_readiness.workflows.assessment import demo_answers_path

SECTIONS = ("decision-verdict", "decision-blockers", "decision-actions", "decision-risks")


@pytest.fixture(scope="module")
def demo() -> AssessmentResult:
    checklists = load_checklist_set()
    return assess(checklists, load_answers(demo_answers_path(), checklists))


def assert_decision_first(html: str, extra: tuple[str, ...] = ()) -> None:
    """Check the decision sections exist, in order, before the appendices and any register."""
    positions = [html.find(f'id="{s}"') for s in ("decision", *SECTIONS, *extra)]
    assert all(p >= 0 for p in positions), dict(zip(("decision", *SECTIONS, *extra), positions,
                                                     strict=True))
    assert positions == sorted(positions)
    appendices = html.find('<section id="appendices">')
    register = html.find('class="register')
    for cut in (appendices, register):
        if cut >= 0:
            assert max(positions) < cut
    if appendices >= 0:
        tail = html[appendices:]
        assert "<details" in tail and "<script" not in html.lower()


def group_counts(html: str, section: str) -> Counter[str]:
    """Return {group key: count} from the group headings inside one appendix section."""
    start = html.index(f'id="{section}"')
    end = html.index("</details>", start)
    return Counter({k: int(n) for k, n in re.findall(
        r'data-group="([^"]+)" data-count="(\d+)"', html[start:end])})


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_assessment_opens_with_the_decision_page(demo: AssessmentResult, lang: Lang) -> None:
    html = RENDERERS[Format.html](demo, lang).decode("utf-8")
    assert_decision_first(html, ("decision-path",))
    first = html[:html.index('<section id="appendices">')]
    # the verdict, every blocker, five next actions, the five top risks by exposure
    assert t(f"verdict.{demo.overall.verdict}", lang) in first
    for b in demo.blockers:
        assert b.question_id in first
    decision = first[first.index('id="decision-actions"'):first.index('id="decision-risks"')]
    assert decision.count("<tr>") == 1 + 5
    top = sorted(demo.risks, key=lambda r: (-r.exposure, -r.impact, r.id))[:5]
    risks = first[first.index('id="decision-risks"'):]
    assert [r.id for r in top] == re.findall(r'<td class="id">([^<]+)</td>', risks)[:5]
    # the path to Ready: its verified projection and its plan weeks
    path = demo.path_to_ready
    assert path is not None
    assert t("path.summary", lang, steps=len(path.steps), score=f"{path.projected_score:.1f}",
             verdict=t(f"verdict.{path.projected_verdict}", lang),
             weeks=path.plan_weeks).replace("'", "&#39;") in first
    # the registers are appendices, not body: no risk register row before them
    assert all(f'<td class="id">{r.id}</td>' not in first.split('id="decision-risks"')[0]
               for r in demo.risks)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_registers_are_grouped_with_counts_from_the_json(demo: AssessmentResult,
                                                         lang: Lang) -> None:
    html = RENDERERS[Format.html](demo, lang).decode("utf-8")
    assert group_counts(html, "appendix-risks") == Counter(r.category for r in demo.risks)
    assert group_counts(html, "appendix-actions") == Counter(a.phase for a in demo.actions)
    path = demo.path_to_ready
    assert path is not None
    assert group_counts(html, "appendix-path") == Counter(s.phase for s in path.steps)
    md = RENDERERS[Format.md](demo, lang).decode("utf-8")
    risks_md = md[md.index(f"## {t('report.risks', lang)}"):md.index(
        f"## {t('report.actions', lang)}")]
    headed = {h: int(n) for h, n in re.findall(r"^### (.+) \((\d+)\)$", risks_md, re.M)}
    assert headed == {t(f"category.{c}", lang): n
                      for c, n in Counter(r.category for r in demo.risks).items()}


def test_ids_sit_in_cells_that_do_not_wrap(demo: AssessmentResult) -> None:
    html = RENDERERS[Format.html](demo, "en").decode("utf-8")
    rule = re.search(r"\.id, td\.id \{([^}]*)\}", html)
    assert rule is not None and "white-space: nowrap" in rule.group(1)
    register = html[html.index('id="appendix-risks"'):]
    for r in demo.risks:
        assert f'<td class="id">{r.id}</td>' in register
    # the id column is as wide as the longest id, the title column wraps beside it
    longest = max(len(r.id) for r in demo.risks)
    assert f'<col style="width:{longest + 2}ch">' in register
    # the workshop "who said what" column takes the width the others leave (no sliver)
    assert "table-layout: fixed" in html


def test_markdown_twin_has_the_decision_page_before_the_appendix(
        demo: AssessmentResult) -> None:
    for lang in ("en", "zh"):
        md = RENDERERS[Format.md](demo, lang).decode("utf-8")  # type: ignore[arg-type]
        marks = [md.find(f"## {t('decision.title', lang)}"),
                 md.find(f"### {t('decision.blockers', lang)}"),
                 md.find(f"### {t('decision.next_actions', lang)}"),
                 md.find(f"### {t('decision.top_risks', lang)}"),
                 md.find(f"### {t('path.title', lang)}"),
                 md.find(f"# {t('decision.appendix', lang)}\n")]
        assert all(m >= 0 for m in marks) and marks == sorted(marks)




#: every report that decides something, in the shared demo run (documents and forms aside)
REPORTS = ("assessment/readiness.html", "assessment/readiness-measured.html",
           "workshop/workshop-readiness.html", "workshop/compare.html", "workshop/plan.html",
           "finance/roi.html", "finance/tco-comparison.html", "vendors/comparison.html",
           "data/customers-profile.html", "review/review.html")


@pytest.fixture(scope="module")
def demo_runs(demo_en: Path, demo_zh: Path) -> dict[str, Path]:
    return {"en": demo_en, "zh": demo_zh}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("report", REPORTS)
def test_every_report_of_the_demo_opens_with_the_decision_page(
        demo_runs: dict[str, Path], report: str, lang: str) -> None:
    html = (demo_runs[lang] / report).read_text("utf-8")
    assert_decision_first(html)
    assert '<section id="appendices">' in html
    appendix = html[html.index('<section id="appendices">'):]
    assert f"<h2>{t('decision.appendix', lang)}</h2>" in appendix  # type: ignore[arg-type]
    twin = demo_runs[lang] / report.replace(".html", ".md")
    if twin.exists():
        md = twin.read_text("utf-8")
        cut = md.index(f"# {t('decision.appendix', lang)}\n")  # type: ignore[arg-type]
        assert 0 <= md.find(f"## {t('decision.title', lang)}") < cut  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_plan_mitigations_are_grouped_by_stage_with_counts_from_the_json(
        demo_runs: dict[str, Path], lang: str) -> None:
    folder = demo_runs[lang] / "workshop"
    plan = json.loads((folder / "plan.json").read_text("utf-8"))
    html = (folder / "plan.html").read_text("utf-8")
    assert group_counts(html, "appendix-mitigations") == Counter(
        m["stage"] for m in plan["mitigations"])
    for m in plan["mitigations"]:
        assert f'<td class="id">{m["risk_id"]}</td>' in html


def test_workshop_who_said_what_column_gets_the_width(demo_runs: dict[str, Path]) -> None:
    html = (demo_runs["en"] / "workshop" / "workshop-readiness.html").read_text("utf-8")
    agenda = html[html.index('<table class="register agenda">'):]
    cols = re.findall(r"<col(?: style=\"width:([^\"]+)\")?>", agenda[:agenda.index("</colgroup>")])
    # fixed layout; the last column ("who said what") has no width of its own: it takes the rest
    assert len(cols) == 5 and cols[-1] == "" and all(cols[:-1])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_report_puts_markup_in_its_title_or_style(demo_runs: dict[str, Path],
                                                     lang: str) -> None:
    # the benefits review once repeated its adoption section inside <title> and <style>
    for page in sorted(demo_runs[lang].rglob("*.html")):
        html = page.read_text("utf-8")
        title = html[html.index("<title>") + 7:html.index("</title>")]
        style = html[html.index("<style>"):html.index("</style>")]
        assert "<" not in title and "<h2" not in style and "<div" not in style, page.name
