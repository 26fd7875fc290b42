"""A plan file's preview awaiting 📥 Nhập / Hủy, kept in the store (the confirmation may reach
another replica): keep one, take one back. Each use case commits."""

from __future__ import annotations

import secrets

from store import replicas
from store.uow import UnitOfWork


async def keep_preview(
    uow: UnitOfWork, telegram_id: int, name: str, data: bytes, keep: int, max_bytes: int
) -> str:
    """Store the file for ``telegram_id``'s confirmation and return its token; only the newest
    ``keep`` previews, of at most ``max_bytes`` in all, stay (never-confirmed ones go)."""
    token = secrets.token_hex(4)
    await replicas.put_preview(uow.session, token, telegram_id, name, data, keep, max_bytes)
    await uow.commit()
    return token


async def take_preview(uow: UnitOfWork, token: str, telegram_id: int) -> tuple[str, bytes] | None:
    """Remove and return ``telegram_id``'s preview (file name, bytes); None when it is gone or
    someone else's (one taker wins when two replicas confirm at once)."""
    pending = await replicas.take_preview(uow.session, token, telegram_id)
    await uow.commit()
    return pending
