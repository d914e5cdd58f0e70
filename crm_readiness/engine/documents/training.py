"""The training plan (培训计划): audiences by role, formats, sequence, seed users, measures."""

from __future__ import annotations

import math

from crm_readiness.engine.documents._inputs import DocumentInputs, state_table
from crm_readiness.engine.labels import labels
from crm_readiness.models._base import Text, tr
from crm_readiness.models.document import BulletList, Cell, Column, Document, Paragraph, Section, Table
from crm_readiness.models.plan import Stage


def audience_counts(users: int) -> dict[str, int]:
    """Return planning headcounts per audience from the number of CRM users.

    Managers about one in eight, seed users about one in ten (at least one),
    administrators two (three above 300 users), executives three to eight.
    """
    return {"executives": min(8, max(3, math.ceil(users / 100))),
            "managers": max(1, math.ceil(users / 8)),
            "users": users,
            "seed": max(1, math.ceil(users / 10)),
            "admins": 3 if users > 300 else 2}


def _sequence(inputs: DocumentInputs) -> Table:
    plan = inputs.plan
    stages: dict[str, Stage] = {s.id: s for s in plan.stages} if plan else {}

    def when(stage: str, edge: str) -> Cell:
        s = stages.get(stage)
        if s is None:
            return tr("docs.tbd")
        return (s.start if edge == "start" else s.end).isoformat()

    rows: tuple[tuple[Cell, ...], ...] = (
        (tr("docs.training.seq.seed"), when("training_golive", "start")),
        (tr("docs.training.seq.pilot"), when("pilot", "start")),
        (tr("docs.training.seq.waves"), when("rollout", "start")),
        (tr("docs.training.seq.new_hires"), tr("docs.tbd")),
    )
    return Table(columns=(Column(header=tr("docs.col.step"), weight=3),
                          Column(header=tr("docs.col.when"), weight=1)), rows=rows)


def build_training(inputs: DocumentInputs) -> Document:
    """Return the training plan."""
    p = inputs.profile
    counts = audience_counts(p.users)
    modules = labels("docs.module.", p.scope)
    users_label = Text(en=tr("docs.training.aud.users", modules=modules.en).en,
                       zh=tr("docs.training.aud.users", modules=modules.zh).zh)
    audiences: tuple[tuple[Cell, ...], ...] = tuple(
        (users_label if a == "users" else tr(f"docs.training.aud.{a}"), str(counts[a]),
         tr(f"docs.training.focus.{a}"))
        for a in ("executives", "managers", "users", "seed", "admins"))
    sections = (
        Section(title=tr("docs.training.audiences"), blocks=(
            Paragraph(text=tr("docs.training.audiences_hint", users=p.users), style="note"),
            Table(columns=(Column(header=tr("docs.col.audience"), weight=2),
                           Column(header=tr("docs.col.people"), weight=0.8),
                           Column(header=tr("docs.col.focus"), weight=3)), rows=audiences))),
        Section(title=tr("docs.training.formats"), blocks=(
            Paragraph(text=tr("docs.training.formats_text")),
            state_table(inputs, ("training.formats", "training.tiered_plan", "training.wiifm")))),
        Section(title=tr("docs.training.sequence"), blocks=(
            _sequence(inputs), state_table(inputs, ("training.pilot", "training.phased_rollout",
                                                    "training.timing_environment")))),
        Section(title=tr("docs.training.seed"), blocks=(
            state_table(inputs, ("training.seed_users", "training.internal_trainers",
                                 "training.executive_example")),)),
        Section(title=tr("docs.training.materials"), blocks=(
            BulletList(items=tuple(tr(f"docs.training.mat.{m}")
                                   for m in ("manual", "videos", "exercises", "faq"))),)),
        Section(title=tr("docs.training.adoption"), blocks=(
            BulletList(items=tuple(tr(f"docs.training.adopt.{m}")
                                   for m in ("active", "data", "only_crm", "satisfaction"))),
            state_table(inputs, ("training.adoption_metrics", "training.usage_in_performance",
                                 "training.satisfaction_exit", "training.feedback_loop")))),
    )
    return Document(kind="training", title=tr("docs.training.title"), organization=p.organization,
                    issued=inputs.issued, sections=sections)
