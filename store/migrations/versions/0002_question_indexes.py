"""covering indexes for the questions' per-unit queries

Revision ID: 0002_question_indexes
Revises: 0001
Create Date: 2026-11-23 00:35:00

- task_due (task_id, last_day, due_date, before): a task's occurrences by real last day, read
  from the index alone (period lists per task of a unit, each task's latest past occurrence);
- task_due (last_day, task_id): a date range for every unit, in task order;
- task_units (unit_id, task_id, role): a unit's tasks and its role without reading the table;
- tasks (id) WHERE NOT active: the few inactive tasks, so a list need not read every task row.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_question_indexes"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.create_index(
            "ix_tasks_inactive",
            ["id"],
            unique=False,
            sqlite_where=sa.text("active = 0"),
            postgresql_where=sa.text("NOT active"),
        )
    with op.batch_alter_table("task_due", schema=None) as batch_op:
        batch_op.create_index(
            "ix_task_due_task_last", ["task_id", "last_day", "due_date", "before"], unique=False
        )
        batch_op.create_index("ix_task_due_last_task", ["last_day", "task_id"], unique=False)
    with op.batch_alter_table("task_units", schema=None) as batch_op:
        batch_op.create_index(
            "ix_task_units_unit_task", ["unit_id", "task_id", "role"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("task_units", schema=None) as batch_op:
        batch_op.drop_index("ix_task_units_unit_task")
    with op.batch_alter_table("task_due", schema=None) as batch_op:
        batch_op.drop_index("ix_task_due_last_task")
        batch_op.drop_index("ix_task_due_task_last")
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_index("ix_tasks_inactive")
