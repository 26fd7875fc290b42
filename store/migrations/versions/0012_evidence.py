"""evidence: the report attached to a completion (✅), and who is about to attach one

Revision ID: 0012_evidence
Revises: 0011_assign
Create Date: 2026-12-05 07:00:00

After ✅ an officer may attach the report (issue 16): its number ("123/BC-STP") and/or the file
sent in Telegram, kept as its ``file_id`` with name, size and type (the bot never downloads it;
a coordinator gets it re-sent by ``file_id``). ``evidence`` holds one row per completion and
goes with it (``ON DELETE CASCADE``: undoing ✅ drops what was attached). ``evidence_waits``
holds, per chat and person, the completion the next number or file is for, with its expiry, so
that any replica can take the next message. Two new tables only: nothing earlier changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_evidence"
down_revision = "0011_assign"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "completion_id",
            sa.Integer,
            sa.ForeignKey("completions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("number", sa.String(64)),
        sa.Column("file_id", sa.String(256)),
        sa.Column("file_unique_id", sa.String(64)),
        sa.Column("file_name", sa.String(255)),
        sa.Column("file_size", sa.BigInteger),
        sa.Column("mime_type", sa.String(127)),
        sa.Column("officer_id", sa.Integer, sa.ForeignKey("officers.id")),
        sa.Column("attached_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("completion_id", name="uq_evidence_completion"),
    )
    op.create_table(
        "evidence_waits",
        sa.Column("chat_id", sa.BigInteger, primary_key=True),
        sa.Column("user_id", sa.BigInteger, primary_key=True),
        sa.Column(
            "task_id", sa.Integer, sa.ForeignKey("tasks.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("unit_id", sa.Integer, sa.ForeignKey("units.id"), nullable=False),
        sa.Column("due_date", sa.Date, nullable=False),
        sa.Column("prompt_id", sa.BigInteger),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("evidence_waits")
    op.drop_table("evidence")
