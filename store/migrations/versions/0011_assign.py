"""assignments: a unit's task, or one occurrence of it, handed to one of its officers

Revision ID: 0011_assign
Revises: 0008_replicas
Create Date: 2026-12-04 19:00:00

``/giao`` (issue 16) records who of a unit does a task: ``assignments`` holds one row per
(task, unit, occurrence), the occurrence being 1900-01-01 for the whole task (a NULL would not be
covered by the unique key on PostgreSQL). The assignee gets the task's reminders; the unit's
other officers see "đã giao cho …" and are not reminded; handing it back deletes the row (the
audit table keeps the history). A new table only: nothing earlier changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_assign"
down_revision = "0008_replicas"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "task_id", sa.Integer, sa.ForeignKey("tasks.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("unit_id", sa.Integer, sa.ForeignKey("units.id"), nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        sa.Column("officer_id", sa.Integer, sa.ForeignKey("officers.id"), nullable=False),
        sa.Column("assigned_by", sa.BigInteger),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("task_id", "unit_id", "due_date", name="uq_assignments_occurrence"),
    )
    op.create_index("ix_assignments_unit_task", "assignments", ["unit_id", "task_id"])
    op.create_index("ix_assignments_officer_id", "assignments", ["officer_id"])


def downgrade() -> None:
    op.drop_index("ix_assignments_officer_id", table_name="assignments")
    op.drop_index("ix_assignments_unit_task", table_name="assignments")
    op.drop_table("assignments")
