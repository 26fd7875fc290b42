"""office not a department: "Các sở, ban, ngành tỉnh" no longer covers Văn phòng UBND tỉnh

Revision ID: 0013_office_not_a_department
Revises: 0012_evidence
Create Date: 2026-12-05 12:10:00

The provincial office runs the plan: the tasks addressed to "Các sở, ban, ngành" are the ones it
follows on the status board, not its own. Until now the group covered it, so its officers were
told they led every such task and were reminded of each. The group's rule drops the office's
kind; a task is the office's only where the plan names it. Likewise a group of a unit's phòng
("Các phòng nghiên cứu thuộc VP UBND tỉnh") stops covering the centres beside them (its rule
gains ``name_prefix``). Only rules' JSON changes (the directory's revision triggers give caches
a new token); downgrade restores both.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0013_office_not_a_department"
down_revision = "0012_evidence"
branch_labels = None
depends_on = None

_OFFICE = "provincial_office"


def _rewrite(add: bool) -> None:
    bind = op.get_bind()
    units = sa.table(
        "units",
        sa.column("id", sa.Integer),
        sa.column("key", sa.String),
        sa.column("rule", sa.JSON),
    )
    rows = bind.execute(
        sa.select(units.c.id, units.c.rule).where(units.c.key.like("%so_ban_nganh"))
    ).all()
    for unit_id, rule in rows:
        if isinstance(rule, str):
            rule = json.loads(rule)
        if not isinstance(rule, dict):
            continue
        kinds = [k for k in rule.get("kinds") or [] if k != _OFFICE]
        if add:
            kinds.insert(0, _OFFICE)
        if kinds == list(rule.get("kinds") or []):
            continue
        bind.execute(
            sa.update(units).where(units.c.id == unit_id).values(rule={**rule, "kinds": kinds})
        )


def _divisions_prefix(add: bool) -> None:
    """The groups of a unit's phòng ("Các phòng nghiên cứu thuộc VP UBND tỉnh") cover its phòng
    only, not the centres beside them (Trung tâm Công báo và Tin học)."""
    bind = op.get_bind()
    units = sa.table(
        "units",
        sa.column("id", sa.Integer),
        sa.column("key", sa.String),
        sa.column("rule", sa.JSON),
    )
    rows = bind.execute(
        sa.select(units.c.id, units.c.rule).where(units.c.key.like("%.phong"))
    ).all()
    for unit_id, rule in rows:
        if isinstance(rule, str):
            rule = json.loads(rule)
        if not isinstance(rule, dict) or rule.get("kinds") != ["division"]:
            continue
        new = {k: v for k, v in rule.items() if k != "name_prefix"}
        if add:
            new["name_prefix"] = "phong"
        if new != rule:
            bind.execute(sa.update(units).where(units.c.id == unit_id).values(rule=new))


def upgrade() -> None:
    _rewrite(add=False)
    _divisions_prefix(add=True)


def downgrade() -> None:
    _divisions_prefix(add=False)
    _rewrite(add=True)
