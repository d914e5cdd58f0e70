"""The project's documents built from the files the project keeps (pure: models in, a
:class:`~crm_readiness.models.document.Document` out)."""

from __future__ import annotations

from crm_readiness.engine.documents._inputs import BudgetFigures, DataFigures, DocumentInputs
from crm_readiness.engine.documents.charter import build_charter
from crm_readiness.engine.documents.golive import build_golive
from crm_readiness.engine.documents.migration import build_migration
from crm_readiness.engine.documents.specification import build_specification
from crm_readiness.engine.documents.training import build_training

__all__ = ["BudgetFigures", "DataFigures", "DocumentInputs", "build_charter", "build_golive",
           "build_migration", "build_specification", "build_training"]
