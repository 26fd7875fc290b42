"""chat state: what the bot remembers of a person in a chat, in the store for every replica

Revision ID: 0014_chat_state
Revises: 0013_office_not_a_department
Create Date: 2026-12-05 13:20:00

The last question asked (its next page, "Xem thêm »") and a newcomer asked to type their unit's
name lived in one process's memory: with several replicas behind one webhook, the next press or
message could reach another replica, which knew nothing (issue 17). ``chat_state`` holds them,
one row per (chat, person, name) with an expiry. A new table only: nothing earlier changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_chat_state"
down_revision = "0013_office_not_a_department"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_state",
        sa.Column("chat_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("user_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("chat_state")
