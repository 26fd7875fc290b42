"""several bot processes on one database: a sender lease, handled webhook updates, plan previews

Revision ID: 0008_replicas
Revises: 0006_group_link_rights
Create Date: 2026-12-04 17:00:00

- ``sender_leases``: one row per bot token; the process holding it (``holder`` until
  ``expires_at``) is the only one sending reminders, so Telegram's limits are kept by one pacer.
- ``webhook_updates``: every update received through the webhook, recorded (insert-or-ignore on
  ``update_id``) before it is acknowledged; ``status`` working → done. A replica that dies while
  working leaves the row for another to finish.
- ``plan_previews``: a plan file waiting for 📥 Nhập / Hủy, so that any replica can import it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_replicas"
down_revision = "0007_zalo"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sender_leases",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("holder", sa.String(64), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("fence", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "webhook_updates",
        sa.Column("update_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("owner", sa.String(64), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_webhook_updates_status", "webhook_updates", ["status", "claimed_at"])
    op.create_table(
        "plan_previews",
        sa.Column("token", sa.String(64), primary_key=True),
        sa.Column("telegram_id", sa.BigInteger, nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_plan_previews_created", "plan_previews", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_plan_previews_created", "plan_previews")
    op.drop_table("plan_previews")
    op.drop_index("ix_webhook_updates_status", "webhook_updates")
    op.drop_table("webhook_updates")
    op.drop_table("sender_leases")
