"""A small client of the Zalo Bot Platform HTTP API (see ``handlers.zalo`` for the sources).

``POST {base}/bot{token}/{method}`` with a JSON body; every answer is the envelope
``{ok, result, description, error_code}``. ``get_update`` returns ONE update or None (an idle
poll answers ``error_code 408 "Request timeout"``, which is normal).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import httpx

log = logging.getLogger("tthc.zalo")
TEXT_LIMIT = 2000  # sendMessage accepts 1 to 2,000 characters
IDLE = 408
QUOTA = 429


class ZaloError(Exception):
    """The API answered ``ok: false`` (``code`` is its ``error_code``)."""

    def __init__(self, code: int, description: str) -> None:
        super().__init__(f"{code} {description}")
        self.code = code
        self.description = description


class ZaloNetworkError(Exception):
    """The API could not be reached or answered something that is not its envelope."""


class ZaloApi:
    """One bot's API. ``on_message`` is called for each message the bot sends (the quota)."""

    def __init__(
        self,
        token: str,
        base_url: str,
        *,
        timeout: float = 10.0,
        on_message: Callable[[], Any] | None = None,
    ) -> None:
        self._url = f"{base_url.rstrip('/')}/bot{token}/"
        self._client = httpx.AsyncClient(timeout=timeout)
        self.on_message = on_message
        self.me: dict[str, Any] = {}

    async def close(self) -> None:
        await self._client.aclose()

    async def call(self, method: str, wait: float | None = None, **params: Any) -> Any:
        try:
            response = await self._client.post(
                self._url + method,
                json=params,
                timeout=httpx.USE_CLIENT_DEFAULT if wait is None else wait,
            )
            body = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            # The URL holds the token: never put the exception's text (which quotes it) in a log.
            raise ZaloNetworkError(type(exc).__name__) from None
        if not isinstance(body, dict) or "ok" not in body:
            raise ZaloNetworkError(f"HTTP {response.status_code}")
        if not body["ok"]:
            raise ZaloError(int(body.get("error_code") or 0), str(body.get("description") or ""))
        return body.get("result")

    async def get_me(self) -> dict[str, Any]:
        self.me = dict(await self.call("getMe") or {})
        return self.me

    async def get_update(self, timeout: int = 30) -> dict[str, Any] | None:
        """One update, or None when the poll was idle."""
        try:
            result = await self.call("getUpdates", wait=timeout + 10.0, timeout=timeout)
        except ZaloError as exc:
            if exc.code == IDLE:
                return None
            raise
        return result if isinstance(result, dict) and result else None

    async def send_message(self, chat_id: str, text: str) -> str:
        """Send plain text (cut to the limit; an empty text is not sent) and return its id."""
        text = text.strip()[:TEXT_LIMIT] or "…"
        result = await self.call("sendMessage", chat_id=chat_id, text=text)
        if self.on_message is not None:
            await self.on_message()
        return str((result or {}).get("message_id", ""))

    async def send_photo(self, chat_id: str, photo_url: str, caption: str = "") -> str:
        result = await self.call("sendPhoto", chat_id=chat_id, photo=photo_url, caption=caption)
        if self.on_message is not None:
            await self.on_message()
        return str((result or {}).get("message_id", ""))

    async def send_chat_action(self, chat_id: str, action: str = "typing") -> None:
        await self.call("sendChatAction", chat_id=chat_id, action=action)

    async def set_webhook(self, url: str, secret_token: str) -> None:
        await self.call("setWebhook", url=url, secret_token=secret_token)

    async def delete_webhook(self) -> None:
        await self.call("deleteWebhook")
