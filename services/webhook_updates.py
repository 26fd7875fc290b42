"""The webhook's record of received updates (``store.replicas``): each step one committed unit
of work, so an update is recorded before Telegram is answered and marked done once handled."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from store import replicas
from store.uow import UnitOfWork


async def record(uow: UnitOfWork, update_id: int, payload: dict[str, Any] | str, owner: str, stale: timedelta) -> bool:  # fmt: skip
    """Record a received update (the dict, or its JSON text as received) and commit; True when
    ``owner`` should handle it now."""
    mine = await replicas.record_update(uow.session, update_id, payload, owner, stale)
    await uow.commit()
    return mine


async def finish(uow: UnitOfWork, update_id: int, owner: str) -> None:
    """Mark the update handled, committed."""
    await replicas.finish_update(uow.session, update_id, owner)
    await uow.commit()


async def take_abandoned(uow: UnitOfWork, owner: str, stale: timedelta) -> list[dict[str, Any]]:
    """Take over (committed) the updates a stopped replica left working; their payloads."""
    left = await replicas.abandoned_updates(uow.session, owner, stale)
    await uow.commit()
    return left


async def prune(uow: UnitOfWork, older_than: timedelta) -> None:
    """Forget handled updates older than ``older_than``, committed."""
    await replicas.prune_updates(uow.session, older_than)
    await uow.commit()
