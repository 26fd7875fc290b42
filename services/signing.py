"""The deployment's secret for signing buttons when the bot runs without a token."""

from __future__ import annotations

import secrets

from sqlalchemy.ext.asyncio import AsyncSession

from store.models import SettingRow


async def callback_secret(session: AsyncSession) -> bytes:
    """A deployment secret for signing buttons when there is no token (created once)."""
    row = await session.get(SettingRow, "callback_secret")
    if row is None:
        row = SettingRow(key="callback_secret", value=secrets.token_hex(32))
        session.add(row)
        await session.flush()
    return row.value.encode()
