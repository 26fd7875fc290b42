"""group links only by someone entitled to the unit; when an approval was decided

Revision ID: 0006_group_link_rights
Revises: 0005_topic_trigram_index
Create Date: 2026-12-04 16:10:00

A group chat could be linked to any unit by any administrator of the group, officer or not; the
group then read the unit's tasks and received its reminders. Linking now needs an active officer
of that unit (or a coordinator or administrator) who is also an administrator of the group. The
links made earlier by someone not entitled (judged on who they are now: ``group_chats.linked_by``
against ``officers``) are deactivated here, and every active coordinator and administrator is
told which, by a notice in the outbox (the dispatcher sends it like any reminder).

``officers.decided_at`` records when a coordinator approved or rejected a request, so a rejected
newcomer waits a cool-down before asking again (each request messages every coordinator).
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006_group_link_rights"
down_revision = "0005_topic_trigram_index"
branch_labels = None
depends_on = None

NOTICE_KIND = "groups.unlinked"
COORDINATOR_ROLES = ("coordinator", "administrator")
LISTED = 30  # groups named in the notice; the rest are counted

groups = sa.table(
    "group_chats",
    sa.column("id", sa.Integer),
    sa.column("chat_id", sa.BigInteger),
    sa.column("title", sa.String),
    sa.column("unit_id", sa.Integer),
    sa.column("linked_by", sa.BigInteger),
    sa.column("active", sa.Boolean),
)
officers = sa.table(
    "officers",
    sa.column("id", sa.Integer),
    sa.column("telegram_id", sa.BigInteger),
    sa.column("unit_id", sa.Integer),
    sa.column("role", sa.String),
    sa.column("status", sa.String),
    sa.column("chat_active", sa.Boolean),
)
units = sa.table("units", sa.column("id", sa.Integer), sa.column("name", sa.String))
outbox = sa.table(
    "outbox",
    sa.column("chat_id", sa.BigInteger),
    sa.column("officer_id", sa.Integer),
    sa.column("task_id", sa.Integer),
    sa.column("due_date", sa.Date),
    sa.column("kind", sa.String),
    sa.column("send_at", sa.DateTime(timezone=True)),
    sa.column("status", sa.String),
    sa.column("text", sa.Text),
    sa.column("attempts", sa.Integer),
)
audit = sa.table(
    "audit",
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("actor", sa.BigInteger),
    sa.column("action", sa.String),
    sa.column("detail", sa.JSON),
)


def _entitled(officer: Any, unit_id: int) -> bool:
    if officer is None or officer.status != "active":
        return False
    return officer.role in COORDINATOR_ROLES or officer.unit_id == unit_id


def notice_text(unlinked: list[tuple[str, int, str]]) -> str:
    """The coordinators' notice: each unlinked group (title, chat id) and the unit it had."""
    lines = [
        f"⚠️ <b>Đã hủy liên kết {len(unlinked)} nhóm chat với đơn vị</b>: người liên kết "
        "không phải cán bộ của đơn vị đó (cũng không phải điều phối viên). Các nhóm này không "
        "còn xem việc và nhận nhắc việc của đơn vị:"
    ]
    for title, chat_id, unit in unlinked[:LISTED]:
        lines.append(f"• {escape(title)} (chat {chat_id}) — {escape(unit)}")
    if len(unlinked) > LISTED:
        lines.append(f"… và {len(unlinked) - LISTED} nhóm khác.")
    lines.append(
        "Để liên kết lại: cán bộ của đơn vị (hoặc điều phối viên) là quản trị nhóm "
        "gõ /nhom TÊN ĐƠN VỊ trong nhóm."
    )
    return "\n".join(lines)


def upgrade() -> None:
    op.add_column("officers", sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True))
    bind = op.get_bind()
    people = {r.telegram_id: r for r in bind.execute(sa.select(officers)).all()}
    linked = bind.execute(
        sa.select(groups.c.id, groups.c.chat_id, groups.c.title, groups.c.unit_id,
                  groups.c.linked_by, units.c.name)
        .join(units, units.c.id == groups.c.unit_id)
        .where(groups.c.active.is_(True))
        .order_by(groups.c.id)
    ).all()  # fmt: skip
    bad = [g for g in linked if not _entitled(people.get(g.linked_by), g.unit_id)]
    if not bad:
        return
    now = datetime.now(UTC)
    bind.execute(groups.update().where(groups.c.id.in_([g.id for g in bad])).values(active=False))
    for g in bad:
        bind.execute(audit.insert().values(
            at=now, actor=None, action="group.unlink",
            detail={"chat_id": g.chat_id, "unit_id": g.unit_id, "linked_by": g.linked_by,
                    "reason": "linked by someone not entitled to the unit (migration 0006)"},
        ))  # fmt: skip
    text = notice_text([(g.title or "Nhóm", g.chat_id, g.name) for g in bad])
    for p in people.values():
        if p.status == "active" and p.role in COORDINATOR_ROLES and p.chat_active:
            bind.execute(outbox.insert().values(
                chat_id=p.telegram_id, officer_id=p.id, task_id=None, due_date=now.date(),
                kind=NOTICE_KIND, send_at=now, status="pending", text=text, attempts=0,
            ))  # fmt: skip


def downgrade() -> None:
    # The deactivated links stay inactive: re-linking them is a person's decision.
    with op.batch_alter_table("officers") as batch:
        batch.drop_column("decided_at")
