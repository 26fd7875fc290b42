"""The outbox as the dispatcher sees it: the claimed-row type, its constants and the
repositories' operations. The SQL lives in ``store.outbox_repo`` (queueing) and
``store.outbox_claims`` (claims, leases, fates); this module re-exports both so that the
delivery layer keeps one name and imports no SQLAlchemy.
"""

from __future__ import annotations

from bot.reminders.items import OVERDUE_KIND, OutboxItem
from store.outbox_claims import (
    HELD,
    claim,
    hand_back,
    mark_dropped,
    mark_failed,
    mark_sending,
    mark_sent,
    orphan_claims,
    recent_group_sends,
    release,
    renew,
)
from store.outbox_repo import (
    CHUNK,
    dialect_of,
    drop_pending_for_chat,
    insert_planned,
    lock_planning,
    utc,
)

__all__ = [
    "CHUNK",
    "HELD",
    "OVERDUE_KIND",
    "OutboxItem",
    "claim",
    "dialect_of",
    "drop_pending_for_chat",
    "hand_back",
    "insert_planned",
    "lock_planning",
    "mark_dropped",
    "mark_failed",
    "mark_sending",
    "mark_sent",
    "orphan_claims",
    "recent_group_sends",
    "release",
    "renew",
    "utc",
]
