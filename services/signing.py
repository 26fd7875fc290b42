"""Signed callback data: an HMAC bound to the chat, and the key it is made with.

Every button the bot sends (the handlers' and the reminder sender's) carries ``payload:sig``;
a press is acted on only when the signature holds for the chat it was pressed in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from store.uow import UnitOfWork

SIG_LEN = 11  # base64url characters of the HMAC kept in callback data (66 bits)


def derive_key(token: str | None, stored_secret: bytes | None = None) -> bytes:
    """The button-signing key: derived from the token, or from a stored secret without one."""
    base = token.encode() if token else (stored_secret or b"")
    if not base:
        raise ValueError("no secret for signing buttons")
    return hashlib.sha256(b"tthc-callback|" + base).digest()


def sign(key: bytes, chat_id: int, payload: str) -> str:
    """``payload`` plus a short HMAC bound to the chat, for callback data (< 64 bytes)."""
    mac = hmac.new(key, f"{chat_id}|{payload}".encode(), hashlib.sha256).digest()
    data = f"{payload}:{base64.urlsafe_b64encode(mac).decode()[:SIG_LEN]}"
    if len(data.encode()) > 64:
        raise ValueError("callback data too long")
    return data


def verify(key: bytes, chat_id: int, data: str) -> list[str] | None:
    """The payload's fields when the signature holds for this chat, else None."""
    payload, _, sig = data.rpartition(":")
    if not payload or len(sig) != SIG_LEN:
        return None
    if not hmac.compare_digest(sign(key, chat_id, payload).rpartition(":")[2], sig):
        return None
    return payload.split(":")


async def callback_secret(uow: UnitOfWork) -> bytes:
    """A deployment secret for signing buttons when there is no token (created once, committed)."""
    stored = await uow.settings.get("callback_secret")
    if stored is None:
        stored = secrets.token_hex(32)
        await uow.settings.set("callback_secret", stored)
        await uow.commit()
    return stored.encode()
