"""The one bilingual text: what a user writes as a string, one language or ``{en, zh}``.

It is validated at the edge (tests/hostile holds the file-level cases), shown
in the report's language with the other as fallback, and kept whole in JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from crm_readiness.i18n import t
from crm_readiness.io.finance import load_costs
from crm_readiness.models._base import Text, plain_texts


@pytest.mark.parametrize(("given", "en", "zh"), [
    ("ERP integration", "ERP integration", "ERP integration"),
    ({"zh": "数据迁移"}, "数据迁移", "数据迁移"),
    ({"en": "Data migration"}, "Data migration", "Data migration"),
    ({"en": "Data migration", "zh": "数据迁移"}, "Data migration", "数据迁移"),
    ({"en": "  ", "zh": "数据迁移"}, "数据迁移", "数据迁移"),  # a blank language falls back too
    ({"en": None, "zh": "数据迁移"}, "数据迁移", "数据迁移"),
])
def test_a_string_or_one_language_fills_both(given: object, en: str, zh: str) -> None:
    text = Text.model_validate(given)
    assert (text.get("en"), text.get("zh")) == (en, zh)


@pytest.mark.parametrize("given", [{}, {"en": "", "zh": " "}, {"en": None}, {"en": "a", "fr": "b"},
                                   {"zh": ["a"]}, {"en": {"x": 1}, "zh": "b"}, 5])
def test_unknown_keys_blank_or_non_text_are_refused(given: object) -> None:
    with pytest.raises(ValidationError):
        Text.model_validate(given)


def test_a_text_given_as_one_string_equals_it_and_is_written_back_as_one() -> None:
    assert Text.model_validate("CRM") == "CRM" and {Text.model_validate("CRM"): 1}["CRM"] == 1
    assert Text(en="a", zh="乙") != "a"
    data = {"note": Text.model_validate("as written").model_dump(),
            "x": [Text(en="a", zh="乙").model_dump()]}
    assert plain_texts(json.loads(json.dumps(data))) == {
        "note": "as written", "x": [{"en": "a", "zh": "乙"}]}


def test_templates_and_messages_show_a_text_in_the_render_language() -> None:
    name = Text(en="Data migration", zh="数据迁移")
    # finalize and the md filter pick the language; t() fills a Text placeholder per language
    assert t("finance.option.apart", "zh", name=name, value="1", probability="5%", pv="1",
             npv="2", currency="CNY").count("数据迁移") == 1
    assert "Data migration" not in t("finance.option.apart", "zh", name=name, value="1",
                                      probability="5%", pv="1", npv="2", currency="CNY")


def test_a_cost_line_written_three_ways_renders_in_each_language(tmp_path: Path) -> None:
    costs = tmp_path / "costs.yaml"
    costs.write_text(
        "horizon_years: 3\n"
        "one_time:\n"
        "  - {id: impl, category: implementation, amount: 100000, name: Implementation}\n"
        "  - {id: data, category: data_migration, amount: 50000,\n"
        "     name: {en: Data migration, zh: 数据迁移}}\n"
        "  - {id: train, category: training, amount: 20000, name: {zh: 分层培训}}\n", "utf-8")
    from crm_readiness.engine.finance import compare_tco
    from crm_readiness.render.finance.report import render_tco

    comparison = compare_tco([load_costs(costs)])
    html = {lang: render_tco(comparison, lang, "html") + render_tco(comparison, lang, "md")
            for lang in ("en", "zh")}
    assert "Data migration" in html["en"] and "数据迁移" not in html["en"]
    assert "数据迁移" in html["zh"] and "Data migration" not in html["zh"]
    assert "分层培训" in html["en"] and "分层培训" in html["zh"]  # one language: the fallback
    assert "Implementation" in html["zh"]  # a plain string: the same in both
    assert "en=" not in html["en"] + html["zh"]  # never the object's repr
    data = json.loads(comparison.model_dump_json())
    names = [ln["name"] for ln in data["cases"][0]["cost_lines"] if ln["id"] != "contingency"]
    assert {"en": "Data migration", "zh": "数据迁移"} in names


def test_the_published_schemas_give_user_text_as_en_and_zh() -> None:
    from tests.conftest import REPO

    for name, where in (("finance-roi-result.schema.json", ("LineFlow", "name")),
                        ("finance-tco-result.schema.json", ("QualitativeItem", "owner")),
                        ("assessment-result.schema.json", ("Response", "note")),
                        ("review-result.schema.json", ("KpiReview", "owner"))):
        schema = json.loads((REPO / "docs" / name).read_text("utf-8"))
        text = schema["$defs"]["Text"]
        assert text["required"] == ["en", "zh"] and text["additionalProperties"] is False, name
        field = json.dumps(schema["$defs"][where[0]]["properties"][where[1]])
        assert "#/$defs/Text" in field, (name, where)


def test_a_bilingual_value_is_escaped_like_any_text(tmp_path: Path) -> None:
    costs = tmp_path / "costs.yaml"
    costs.write_text(
        "one_time:\n"
        "  - {id: impl, category: implementation, amount: 1000,\n"
        "     name: {en: '<b>bold</b>', zh: '<script>alert(1)</script>'}}\n", "utf-8")
    from crm_readiness.engine.finance import compare_tco
    from crm_readiness.render.finance.report import render_tco

    comparison = compare_tco([load_costs(costs)])
    assert "<script>" not in render_tco(comparison, "zh", "html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in render_tco(comparison, "zh", "html")
    assert "<b>bold</b>" not in render_tco(comparison, "en", "html")
