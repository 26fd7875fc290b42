"""Zalo: officers' Zalo chats, pairing codes, handled message ids, the monthly message count

Revision ID: 0007_zalo
Revises: 0006_group_link_rights
Create Date: 2026-12-04 17:00:00

A second channel (handlers.zalo). ``zalo_chats`` links an officer to their Zalo chat and keeps
the chat's memory (which number meant which task occurrence, what "xem thêm" continues);
``zalo_groups`` links a Zalo group to a unit;
``zalo_pairings`` holds the hashes of single-use codes shown on Telegram; ``zalo_seen`` the
message ids already handled (Zalo has no update offset); ``zalo_quota`` the messages counted
per bot and month against the plan's cap.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_zalo"
down_revision = "0006_group_link_rights"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "zalo_chats",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("officer_id", sa.Integer, sa.ForeignKey("officers.id"), nullable=False),
        sa.Column("zalo_user_id", sa.String(64), nullable=False),
        sa.Column("chat_id", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(200)),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("state", sa.JSON, nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("officer_id", name="uq_zalo_chats_officer"),
        sa.UniqueConstraint("zalo_user_id", name="uq_zalo_chats_user"),
    )
    op.create_table(
        "zalo_groups",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("chat_id", sa.String(64), nullable=False, unique=True),
        sa.Column("unit_id", sa.Integer, sa.ForeignKey("units.id"), nullable=False),
        sa.Column("linked_by", sa.Integer, sa.ForeignKey("officers.id")),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("state", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_zalo_groups_unit_id", "zalo_groups", ["unit_id"])
    op.create_table(
        "zalo_pairings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("officer_id", sa.Integer, sa.ForeignKey("officers.id"), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_zalo_pairings_officer_id", "zalo_pairings", ["officer_id"])
    op.create_table(
        "zalo_seen",
        sa.Column("message_id", sa.String(100), primary_key=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_zalo_seen_seen_at", "zalo_seen", ["seen_at"])
    op.create_table(
        "zalo_quota",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("bot_id", sa.String(64), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("warned", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.UniqueConstraint("bot_id", "month", name="uq_zalo_quota_month"),
    )


def downgrade() -> None:
    op.drop_table("zalo_quota")
    op.drop_index("ix_zalo_seen_seen_at", table_name="zalo_seen")
    op.drop_table("zalo_seen")
    op.drop_index("ix_zalo_pairings_officer_id", table_name="zalo_pairings")
    op.drop_table("zalo_pairings")
    op.drop_index("ix_zalo_groups_unit_id", table_name="zalo_groups")
    op.drop_table("zalo_groups")
    op.drop_table("zalo_chats")
