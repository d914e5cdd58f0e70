"""Scope consistency: the specification lists exactly the in-scope requirements, names the rest
as out of scope, and (once the ranking takes the profile's scope) counts what the ranking and
the RFP workbook count."""

from __future__ import annotations

import io
import re

from crm_readiness.io.assessment import load_answers_file
from crm_readiness.io.vendors import load_catalogue
from crm_readiness.models.document import Document
from crm_readiness.render import Format
from crm_readiness.render.documents import render_document
from crm_readiness.workflows.documents import out_of_scope_ids
from tests.documents.conftest import DEMO


def _listed(doc: Document) -> set[str]:
    text = render_document(doc, Format.md, "en").decode("utf-8").replace("\\", "")
    return set(re.findall(r"^\| ([A-Z]+-\d+) \|", text, flags=re.M))


def _in_scope() -> tuple[set[str], set[str], set[str]]:
    from crm_readiness.engine.vendors.spec import build_spec

    catalogue = load_catalogue(DEMO / "requirements.yaml")
    spec = build_spec(catalogue, load_answers_file(DEMO / "answers.yaml"))
    inside = {r.id for m in spec.in_scope for r in m.requirements}
    return inside, set(out_of_scope_ids(catalogue, spec)), {r.id for r in catalogue.requirements}


def test_specification_lists_the_in_scope_requirements_and_names_the_rest(
        demo_docs: dict[str, Document]) -> None:
    inside, outside, everything = _in_scope()
    assert outside and inside and not inside & outside and inside | outside == everything
    spec = demo_docs["specification"]
    assert _listed(spec) == inside
    text = render_document(spec, Format.md, "en").decode("utf-8").replace("\\", "")
    line = next(x for x in text.splitlines() if x.startswith("Out of scope (not scored"))
    assert set(re.findall(r"[A-Z]+-\d+", line)) == outside
    zh = render_document(spec, Format.md, "zh").decode("utf-8")
    assert "不在本期范围（不评分" in zh


def test_ranking_and_rfp_workbook_count_the_specification_requirements() -> None:
    from openpyxl import load_workbook

    from crm_readiness.models.vendors import rfp_layout as L
    from crm_readiness.render.vendors.rfp import render_rfp_workbook
    from crm_readiness.workflows.vendors import run_compare

    inside, _, _ = _in_scope()
    run = run_compare(DEMO / "vendors.yaml")
    wb = load_workbook(io.BytesIO(render_rfp_workbook(run.catalogue, "en")))
    ws = wb[L.RESPONSES]
    sent = {ws.cell(r, L.COL_ID).value for r in range(L.FIRST_ROW, ws.max_row + 1)} - {None}
    assert sent == inside
    assert run.comparison.requirements_count == len(inside)
