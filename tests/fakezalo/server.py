"""A fake Zalo Bot Platform API server speaking its HTTP protocol (aiohttp, 127.0.0.1, free port).

Modelled on ``tests/fakebot/server.py`` and on the Bot Platform's documented behaviour (sources
in ``handlers/zalo/__init__.py``): ``POST /bot<TOKEN>/<method>`` with a JSON body, answers
``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code": N, "description": ...}``.

- ``getUpdates {timeout}`` answers ONE update (no ``update_id``, no offset: what it answered is
  gone); an idle poll answers ``error_code 408 "Request timeout"``. While a webhook is set,
  polling is refused.
- Updates: ``{event_name, message: {from: {id, display_name, is_bot}, chat: {id, chat_type},
  text, message_id, date}}``; ids are strings, dates epoch milliseconds. A file arrives as
  ``message.unsupported.received``; in a group the bot receives only messages that mention it.
- ``sendMessage {chat_id, text}``: 1–2,000 characters, and only to a chat that wrote first;
  ``sendPhoto {chat_id, photo, caption}``; ``sendChatAction``. No buttons, no edits.
- ``quota_exceeded(times)``: the next sends answer ``error_code 429 "Quota exceeded"``.

Usage::

    api = FakeZaloApi()
    await api.start()                     # api.base_url for ZALO_API_BASE_URL
    api.user_says("u1", "Lan", "viec")    # a private text message
    api.user_sends_file("u1", "Lan")      # message.unsupported.received
    api.group_says("g1", "u1", "Lan", "@TTHC viec")   # delivered only when mentioning the bot
    api.sent_to("u1")                     # texts the bot sent to chat u1
"""

from __future__ import annotations

import asyncio
import itertools
import time
import uuid
from dataclasses import dataclass
from typing import Any

from aiohttp import web

TEXT_LIMIT = 2000


@dataclass
class Sent:
    chat_id: str
    text: str
    message_id: str
    method: str = "sendMessage"


class FakeZaloApi:
    def __init__(self, token: str = "9911:ZALO-test-token", name: str = "TTHC") -> None:
        self.token = token
        self.name = name
        self.bot_id = "bot-" + uuid.uuid4().hex[:8]
        self.requests: list[tuple[str, dict[str, Any], int]] = []  # (method, body, error code)
        self.sent: list[Sent] = []
        self.actions: list[tuple[str, str]] = []
        self.webhook: dict[str, Any] = {}
        self.max_poll = 1.0  # seconds an idle poll waits at most (the client's timeout is longer)
        self._updates: list[dict[str, Any]] = []
        self._new = asyncio.Event()
        self._known_chats: set[str] = set()
        self._quota_faults = 0
        self._ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._closing = False

    # ----------------------------------------------------------------- lifecycle
    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self.base_url

    async def stop(self) -> None:
        self._closing = True
        self._new.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # ----------------------------------------------------------------- test controls
    def _message(self, chat_id: str, chat_type: str, user_id: str, name: str, **extra: Any) -> dict[str, Any]:  # fmt: skip
        return {
            "from": {"id": user_id, "display_name": name, "is_bot": False},
            "chat": {"id": chat_id, "chat_type": chat_type},
            "message_id": uuid.uuid4().hex,
            "date": int(time.time() * 1000),
            **extra,
        }

    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        chat = update.get("message", {}).get("chat", {})
        if chat.get("id"):
            self._known_chats.add(str(chat["id"]))
        self._updates.append(update)
        self._new.set()
        return update

    def user_says(self, user_id: str, name: str, text: str) -> dict[str, Any]:
        """A private text message (the private chat's id is the user's id)."""
        msg = self._message(user_id, "PRIVATE", user_id, name, text=text)
        return self.push({"event_name": "message.text.received", "message": msg})

    def user_sends_file(self, user_id: str, name: str) -> dict[str, Any]:
        msg = self._message(user_id, "PRIVATE", user_id, name)
        return self.push({"event_name": "message.unsupported.received", "message": msg})

    def user_sends_photo(self, user_id: str, name: str) -> dict[str, Any]:
        msg = self._message(user_id, "PRIVATE", user_id, name, photo="https://example.org/a.jpg")
        return self.push({"event_name": "message.image.received", "message": msg})

    def group_says(self, group_id: str, user_id: str, name: str, text: str) -> dict[str, Any] | None:  # fmt: skip
        """A group message: queued only when it mentions the bot (``@name``)."""
        if f"@{self.name}".lower() not in text.lower():
            return None
        msg = self._message(group_id, "GROUP", user_id, name, text=text)
        return self.push({"event_name": "message.text.received", "message": msg})

    def quota_exceeded(self, times: int = 1) -> None:
        """The next ``times`` sends answer 429 Quota exceeded."""
        self._quota_faults += times

    def sent_to(self, chat_id: str) -> list[str]:
        return [s.text for s in self.sent if s.chat_id == chat_id]

    def calls(self, method: str) -> list[tuple[str, dict[str, Any], int]]:
        return [r for r in self.requests if r[0] == method]

    @property
    def pending(self) -> int:
        return len(self._updates)

    # ----------------------------------------------------------------- protocol
    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return self._error("?", {}, 401, "Unauthorized")
        method = request.match_info["method"]
        try:
            body = await request.json() if request.can_read_body else {}
        except ValueError:
            body = {}
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return self._error(method, body, 404, "Not Found")
        try:
            result = await handler(body)
        except _ApiError as exc:
            return self._error(method, body, exc.code, exc.description)
        self.requests.append((method, body, 0))
        return web.json_response({"ok": True, "result": result})

    def _error(self, method: str, body: dict[str, Any], code: int, description: str) -> web.Response:  # fmt: skip
        self.requests.append((method, body, code))
        return web.json_response({"ok": False, "error_code": code, "description": description})

    async def _m_getMe(self, body: dict[str, Any]) -> Any:
        return {"id": self.bot_id, "account_name": self.name, "account_type": "BASIC",
                "can_join_groups": True}  # fmt: skip

    async def _m_getUpdates(self, body: dict[str, Any]) -> Any:
        if self.webhook:
            raise _ApiError(400, "Webhook is set; getUpdates is not available")
        wait = min(float(body.get("timeout") or 0), self.max_poll)
        deadline = time.monotonic() + wait
        while not self._updates and not self._closing:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            self._new.clear()
            try:
                await asyncio.wait_for(self._new.wait(), left)
            except TimeoutError:
                break
        if not self._updates:
            raise _ApiError(408, "Request timeout")
        return self._updates.pop(0)

    def _check_send(self, body: dict[str, Any]) -> str:
        chat_id = str(body.get("chat_id") or "")
        if not chat_id:
            raise _ApiError(400, "chat_id is required")
        if self._quota_faults > 0:
            self._quota_faults -= 1
            raise _ApiError(429, "Quota exceeded")
        if chat_id not in self._known_chats:
            raise _ApiError(403, "The user has not interacted with the bot")
        return chat_id

    async def _m_sendMessage(self, body: dict[str, Any]) -> Any:
        text = body.get("text")
        if not isinstance(text, str) or not 1 <= len(text) <= TEXT_LIMIT:
            raise _ApiError(400, "text must be 1-2000 characters")
        chat_id = self._check_send(body)
        message_id = f"m{next(self._ids)}"
        self.sent.append(Sent(chat_id, text, message_id))
        return {"message_id": message_id, "date": int(time.time() * 1000)}

    async def _m_sendPhoto(self, body: dict[str, Any]) -> Any:
        if not str(body.get("photo") or "").startswith(("http://", "https://")):
            raise _ApiError(400, "photo must be a URL")
        chat_id = self._check_send(body)
        message_id = f"m{next(self._ids)}"
        self.sent.append(Sent(chat_id, str(body.get("caption") or ""), message_id, "sendPhoto"))
        return {"message_id": message_id, "date": int(time.time() * 1000)}

    async def _m_sendChatAction(self, body: dict[str, Any]) -> Any:
        self.actions.append((str(body.get("chat_id")), str(body.get("action"))))
        return True

    async def _m_setWebhook(self, body: dict[str, Any]) -> Any:
        secret = str(body.get("secret_token") or "")
        if not 8 <= len(secret) <= 256:
            raise _ApiError(400, "secret_token must be 8-256 characters")
        self.webhook = {"url": body.get("url"), "secret_token": secret}
        return {"url": body.get("url")}

    async def _m_deleteWebhook(self, body: dict[str, Any]) -> Any:
        self.webhook = {}
        return {"url": ""}


class _ApiError(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
