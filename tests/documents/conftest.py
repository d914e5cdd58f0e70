"""Shared fixtures: the demo's five documents (built once), their renderings, a data profile."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from crm_readiness.i18n import Lang
from crm_readiness.models.document import Document
from crm_readiness.render import Format
from crm_readiness.render.documents import render_document
from crm_readiness.workflows.documents import KINDS, build_documents
from tests.conftest import REPO

DEMO = REPO / "crm_readiness" / "examples" / "demo"
DAY = date(2026, 12, 1)
START = date(2027, 1, 4)
#: a real ``data profile`` JSON of the demo company's export (``python -m tests.documents.make_assets``)
PROFILE = Path(__file__).parent / "assets" / "customers-profile.json"


@pytest.fixture(scope="session")
def data_profile() -> Path:
    return PROFILE


@pytest.fixture(scope="session")
def demo_docs(data_profile: Path) -> dict[str, Document]:
    docs = build_documents(list(KINDS), DEMO / "answers.yaml", requirements=DEMO / "requirements.yaml",
                           costs=DEMO / "costs.yaml", benefits=DEMO / "benefits.yaml",
                           data_profile=data_profile, start=START, today=DAY)
    return {d.kind: d for d in docs}


Rendered = Callable[[str, Format, Lang], bytes]


@pytest.fixture(scope="session")
def rendered(demo_docs: dict[str, Document]) -> Rendered:
    """Return a document of the demo rendered (each rendering made once per session)."""
    cache: dict[tuple[str, Format, Lang], bytes] = {}

    def get(kind: str, fmt: Format, lang: Lang) -> bytes:
        key = (kind, fmt, lang)
        if key not in cache:
            cache[key] = render_document(demo_docs[kind], fmt, lang)
        return cache[key]

    return get
