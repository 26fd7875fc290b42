"""The audit trail: one row per change made through the services, and the UTC they store."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from store.models import AuditRow


def utc(at: datetime) -> datetime:
    """``at`` in UTC, as the store keeps times; naive datetimes are refused."""
    if at.tzinfo is None:
        raise ValueError("aware datetimes only")
    return at.astimezone(UTC)


async def audit(session: AsyncSession, now: datetime, actor: int | None, action: str, **detail: object) -> None:  # fmt: skip
    """Record ``action`` by ``actor`` (a Telegram id, None for the system) with its details."""
    session.add(AuditRow(at=utc(now), actor=actor, action=action, detail=dict(detail)))
