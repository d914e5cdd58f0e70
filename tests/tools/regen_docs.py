"""Regenerate the generated docs: JSON Schemas and the CLI reference.

    python -m tests.tools.regen_docs

Tests compare the committed files with a fresh generation, so a change to a
model or a command's help shows up as a test failure until this is run and the
diff reviewed.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.tools.cli_reference import render_reference

DOCS = Path(__file__).resolve().parents[2] / "docs"


def schemas() -> dict[str, dict[str, object]]:
    """Return each published schema by file name."""
    from crm_readiness.models.assessment import AssessmentResult
    from crm_readiness.models.data.rehearsal import RehearsalRun
    from crm_readiness.models.data.result import DataProfileResult
    from crm_readiness.models.finance.results import FinanceCase, TcoComparison
    from crm_readiness.models.review_results import ReviewResult

    return {
        "assessment-result.schema.json": AssessmentResult.model_json_schema(mode="serialization"),
        "finance-roi-result.schema.json": FinanceCase.model_json_schema(mode="serialization"),
        "finance-tco-result.schema.json": TcoComparison.model_json_schema(mode="serialization"),
        "review-result.schema.json": ReviewResult.model_json_schema(mode="serialization"),
        "data-rehearsal-result.schema.json": RehearsalRun.model_json_schema(mode="serialization"),
        "data-profile-result.schema.json": DataProfileResult.model_json_schema(
            mode="serialization"),
    }


def main() -> None:
    for name, schema in schemas().items():
        (DOCS / name).write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", "utf-8")
    (DOCS / "cli.md").write_text(render_reference(), "utf-8")
    print("regenerated docs/*.schema.json and docs/cli.md")


if __name__ == "__main__":
    main()
