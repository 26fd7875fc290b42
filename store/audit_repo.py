"""The audit trail's one writer: one row per change made through the services."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import to_utc
from store.models import AuditRow


async def audit(session: AsyncSession, now: datetime, actor: int | None, action: str, **detail: object) -> None:  # fmt: skip
    """Record ``action`` by ``actor`` (a Telegram id, None for the system) with its details."""
    session.add(AuditRow(at=to_utc(now), actor=actor, action=action, detail=dict(detail)))


class AuditRepo:
    """``uow.audit.record(now, actor, action, **detail)``."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def record(self, now: datetime, actor: int | None, action: str, **detail: object) -> None:  # fmt: skip
        await audit(self._session, now, actor, action, **detail)
