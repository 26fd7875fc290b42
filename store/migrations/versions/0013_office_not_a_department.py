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
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0013_office_not_a_department"
down_revision = "0012_evidence"
branch_labels = None
depends_on = None

_OFFICE = "provincial_office"


def _rewrite_rules(
    key_like: str, change: Callable[[dict[str, Any]], dict[str, Any] | None]
) -> None:
    """Give each unit whose key is LIKE ``key_like`` the rule ``change`` returns (None: keep)."""
    bind = op.get_bind()
    units = sa.table(
        "units",
        sa.column("id", sa.Integer),
        sa.column("key", sa.String),
        sa.column("rule", sa.JSON),
    )
    rows = bind.execute(sa.select(units.c.id, units.c.rule).where(units.c.key.like(key_like))).all()
    for unit_id, rule in rows:
        if isinstance(rule, str):
            rule = json.loads(rule)
        new = change(rule) if isinstance(rule, dict) else None
        if new is not None and new != rule:
            bind.execute(sa.update(units).where(units.c.id == unit_id).values(rule=new))


def _office(add: bool) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def change(rule: dict[str, Any]) -> dict[str, Any]:
        kinds = [k for k in rule.get("kinds") or [] if k != _OFFICE]
        return {**rule, "kinds": [_OFFICE, *kinds] if add else kinds}

    return change


def _phong_only(add: bool) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    """The groups of a unit's phòng ("Các phòng nghiên cứu thuộc VP UBND tỉnh") cover its phòng
    only, not the centres beside them (Trung tâm Công báo và Tin học)."""

    def change(rule: dict[str, Any]) -> dict[str, Any] | None:
        if rule.get("kinds") != ["division"]:
            return None
        new = {k: v for k, v in rule.items() if k != "name_prefix"}
        return {**new, "name_prefix": "phong"} if add else new

    return change


def upgrade() -> None:
    _rewrite_rules("%so_ban_nganh", _office(add=False))
    _rewrite_rules("%.phong", _phong_only(add=True))


def downgrade() -> None:
    _rewrite_rules("%.phong", _phong_only(add=False))
    _rewrite_rules("%so_ban_nganh", _office(add=True))
