"""The outbox as reminders/ and services/ see it: the claimed-row type, its constants and the
repository's operations. The SQL lives in ``store.outbox_repo``; this module re-exports it so
that callers keep one name and no reminders module imports SQLAlchemy.
"""

from __future__ import annotations

from store.outbox_repo import (
    CHUNK,
    HELD,
    OVERDUE_KIND,
    OutboxItem,
    claim,
    dialect_of,
    drop_pending_for_chat,
    hand_back,
    insert_planned,
    lock_planning,
    mark_dropped,
    mark_failed,
    mark_sending,
    mark_sent,
    orphan_claims,
    recent_group_sends,
    release,
    renew,
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
