"""The audit trail: one row per change made through the services."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import to_utc
from store.models import AuditRow

# The name services.zalo imports (the Zalo branch may still be editing it); new code: to_utc.
utc = to_utc


async def audit(session: AsyncSession, now: datetime, actor: int | None, action: str, **detail: object) -> None:  # fmt: skip
    """Record ``action`` by ``actor`` (a Telegram id, None for the system) with its details."""
    session.add(AuditRow(at=to_utc(now), actor=actor, action=action, detail=dict(detail)))
