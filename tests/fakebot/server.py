"""A fake Telegram Bot API server speaking the real HTTP protocol (aiohttp, 127.0.0.1, free port).

python-telegram-bot 22.8 posts ``/bot<TOKEN>/<method>`` with form fields (JSON-encoded values
for objects), multipart when files are attached; this server also accepts JSON bodies. It answers
``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code": N, "description": ...,
"parameters": {...}}`` exactly as Telegram does, so the client's own error mapping
(RetryAfter, Forbidden, BadRequest, NetworkError, TimedOut) is exercised.

Usage::

    api = FakeBotApi(token="123:ABC", username="tthc_test_bot")
    await api.start()                       # api.url, api.base_url, api.base_file_url
    app = ApplicationBuilder().token(api.token).base_url(api.base_url)
              .base_file_url(api.base_file_url).build()
    api.push_update({...})                  # queued for getUpdates (long-poll)
    api.add_file("FILE1", b"...", "documents/plan.txt")   # getFile + /file/bot<TOKEN>/<path>
    api.set_chat_member(-100, 42, "administrator")         # getChatMember answers
    api.fail("sendMessage", Fault.retry_after(3), times=2, chat_id=42)
    api.fail("sendMessage", Fault.bad_gateway())
    api.fail("sendMessage", Fault.delay(1.0))              # longer than the client's read timeout
    api.fail("sendMessage", Fault.blocked())               # 403 Forbidden: bot was blocked by the user
    api.fail("sendMessage", Fault.chat_not_found())        # 400 Bad Request: chat not found
    api.enforce_limits = True   # 30 msg/s overall, 1/s per private chat, 20/min per group -> 429
    api.clock = lambda: t       # the limits' clock (default time.monotonic), injectable
    api.cancel_on_disconnect = True   # (before start) a client time-out cancels the request,
                                      # so a delayed send is not delivered; default: delivered
    api.requests                # every request: Recorded(method, params, chat_id, at, status)
    api.for_chat(42)            # the requests concerning chat 42
    api.messages[42]            # the messages the bot has in chat 42 (edits applied): FakeMessage
    await api.stop()

Faults are consumed first-in first-out per method; ``chat_id=None`` matches any chat. A faulted
request is recorded with its status; a message is stored only when the send succeeded.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

# Fields whose form value is a JSON document (objects, arrays, booleans).
_JSON_FIELDS = {
    "reply_markup",
    "entities",
    "caption_entities",
    "commands",
    "allowed_updates",
    "link_preview_options",
    "reply_parameters",
    "scope",
    "disable_notification",
    "disable_web_page_preview",
    "show_alert",
    "drop_pending_updates",
    "protect_content",
}
_INT_FIELDS = {
    "chat_id",
    "message_id",
    "offset",
    "limit",
    "timeout",
    "user_id",
    "cache_time",
    "reply_to_message_id",
    "message_thread_id",
    "max_connections",
}
_SENDING = {"sendMessage", "sendDocument", "sendPhoto", "copyMessage", "forwardMessage"}


@dataclass(frozen=True)
class Fault:
    """One injected failure: an HTTP error answer, or a delay before the normal answer."""

    status: int = 0
    description: str = ""
    wait: int | None = None  # parameters.retry_after of a 429
    pause: float = 0.0  # seconds to wait before answering

    @classmethod
    def retry_after(cls, seconds: int) -> Fault:
        return cls(429, f"Too Many Requests: retry after {seconds}", wait=seconds)

    @classmethod
    def bad_gateway(cls) -> Fault:
        return cls(502, "Bad Gateway")

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        return cls(pause=seconds)

    @classmethod
    def blocked(cls) -> Fault:
        return cls(403, "Forbidden: bot was blocked by the user")

    @classmethod
    def chat_not_found(cls) -> Fault:
        return cls(400, "Bad Request: chat not found")


@dataclass
class Recorded:
    """One request as the server received it."""

    method: str
    params: dict[str, Any]
    chat_id: int | None
    at: float
    status: int = 200
    files: dict[str, bytes] = field(default_factory=dict)


@dataclass
class FakeMessage:
    """A message the bot sent, with its latest text and markup."""

    message_id: int
    chat_id: int
    text: str | None
    reply_markup: dict[str, Any] | None
    parse_mode: str | None
    document: str | None = None
    edits: int = 0
    photo: bytes | None = None  # sendPhoto's uploaded picture, as sent


class _Limiter:
    """Telegram's published soft limits: sliding windows per bot, per private chat, per group."""

    def __init__(self) -> None:
        self.overall: deque[float] = deque()
        self.per_chat: dict[int, deque[float]] = defaultdict(deque)

    def check(self, chat_id: int | None, now: float) -> int | None:
        """Seconds to wait if sending now breaks a limit, else None (and the send is counted)."""
        waits = [_window(self.overall, now, 1.0, 30)]
        if chat_id is not None:
            if chat_id < 0:
                waits.append(_window(self.per_chat[chat_id], now, 60.0, 20))
            else:
                waits.append(_window(self.per_chat[chat_id], now, 1.0, 1))
        worst = max(waits)
        if worst > 0:
            return max(1, math.ceil(worst))
        self.overall.append(now)
        if chat_id is not None:
            self.per_chat[chat_id].append(now)
        return None


def _window(q: deque[float], now: float, span: float, limit: int) -> float:
    while q and q[0] <= now - span:
        q.popleft()
    if len(q) < limit:
        return 0.0
    return q[0] + span - now


class FakeBotApi:
    """The fake server; see the module docstring for the API."""

    def __init__(
        self,
        token: str = "123456:TEST-token",
        username: str = "tthc_test_bot",
        bot_id: int = 123456,
        enforce_limits: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token
        self.username = username
        self.bot_id = bot_id
        self.enforce_limits = enforce_limits
        self.clock = clock
        self.requests: list[Recorded] = []
        self.messages: dict[int, dict[int, FakeMessage]] = defaultdict(dict)
        self.files: dict[str, tuple[str, bytes]] = {}
        self.chat_members: dict[tuple[int, int], str] = {}
        self.webhook: dict[str, Any] = {}
        self.commands: list[dict[str, Any]] = []
        self._faults: dict[str, list[tuple[Fault, int | None]]] = defaultdict(list)
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self._new_update = asyncio.Event()
        self._limiter = _Limiter()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.confirmed_offset = 0
        self._closing = False
        # True: a client that gives up (time-out) cancels the request before it is processed,
        # so a delayed send is not delivered; False: it is delivered and only the answer lost.
        self.cancel_on_disconnect = False

    # ----------------------------------------------------------------- lifecycle
    async def start(self) -> str:
        """Listen on 127.0.0.1 on a free port; return the server's root URL."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.*}", self._handle_file)
        self._runner = web.AppRunner(
            app, access_log=None, handler_cancellation=self.cancel_on_disconnect
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self.url

    def release_polls(self) -> None:
        """Answer pending and further long polls at once (lets a client stop without waiting)."""
        self._closing = True
        self._new_update.set()

    async def stop(self) -> None:
        self.release_polls()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder().base_url(...)``."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``ApplicationBuilder().base_file_url(...)``."""
        return f"{self.url}/file/bot"

    # ----------------------------------------------------------------- test controls
    def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update (its ``update_id`` is assigned here); return the id."""
        update = dict(update)
        update["update_id"] = next(self._update_ids)
        self._updates.append(update)
        self._new_update.set()
        return int(update["update_id"])

    def add_file(self, file_id: str, data: bytes, file_path: str) -> None:
        """Make ``getFile(file_id)`` answer ``file_path`` and serve ``data`` from it."""
        self.files[file_id] = (file_path, data)

    def set_chat_member(self, chat_id: int, user_id: int, status: str) -> None:
        """``getChatMember`` answers: creator, administrator, member, left, kicked."""
        self.chat_members[(chat_id, user_id)] = status

    def fail(self, method: str, fault: Fault, times: int = 1, chat_id: int | None = None) -> None:
        """Make the next ``times`` calls of ``method`` (for ``chat_id``, or any) fail with ``fault``."""
        for _ in range(times):
            self._faults[method].append((fault, chat_id))

    def for_chat(self, chat_id: int) -> list[Recorded]:
        """Every request concerning ``chat_id`` (sends, edits, callback answers to its user)."""
        return [r for r in self.requests if r.chat_id == chat_id]

    def calls(self, method: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method]

    # ----------------------------------------------------------------- HTTP
    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.Response(status=404)
        path = request.match_info["path"]
        for stored_path, data in self.files.values():
            if stored_path == path:
                return web.Response(body=data)
        return web.Response(status=404)

    async def _handle_api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params, files = await _read_params(request)
        chat_id = _chat_of(method, params, self)
        rec = Recorded(method, params, chat_id, self.clock(), files=files)
        self.requests.append(rec)
        fault = self._take_fault(method, chat_id)
        if fault is not None:
            if fault.pause:
                await asyncio.sleep(fault.pause)
            if fault.status:
                rec.status = fault.status
                return _error(fault.status, fault.description, fault.wait)
        if self.enforce_limits and method in _SENDING:
            wait = self._limiter.check(chat_id, self.clock())
            if wait is not None:
                rec.status = 429
                return _error(429, f"Too Many Requests: retry after {wait}", wait)
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            rec.status = 404
            return _error(404, "Not Found: method not found")
        try:
            result = await handler(params, files)
        except _ApiError as exc:
            rec.status = exc.status
            return _error(exc.status, exc.description)
        return web.json_response({"ok": True, "result": result})

    def _take_fault(self, method: str, chat_id: int | None) -> Fault | None:
        queue = self._faults.get(method)
        if not queue:
            return None
        for i, (fault, target) in enumerate(queue):
            if target is None or target == chat_id:
                del queue[i]
                return fault
        return None

    # ----------------------------------------------------------------- methods
    def _me(self) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "TTHC",
            "username": self.username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _m_getMe(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        return self._me()

    async def _m_getUpdates(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        offset = int(p.get("offset") or 0)
        timeout = float(p.get("timeout") or 0)
        if offset:
            self.confirmed_offset = max(self.confirmed_offset, offset)
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        deadline = asyncio.get_running_loop().time() + timeout
        while not self._updates and not self._closing:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                break
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), left)
            except TimeoutError:
                break
        limit = int(p.get("limit") or 100)
        return self._updates[:limit]

    async def _m_deleteWebhook(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        self.webhook = {}
        return True

    async def _m_setWebhook(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        self.webhook = dict(p)
        return True

    async def _m_getWebhookInfo(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        return {"url": self.webhook.get("url", ""), "has_custom_certificate": False,
                "pending_update_count": 0}  # fmt: skip

    async def _m_setMyCommands(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        self.commands = list(p.get("commands") or [])
        return True

    async def _m_getMyCommands(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        return self.commands

    def _chat(self, chat_id: int) -> dict[str, Any]:
        if chat_id < 0:
            return {"id": chat_id, "type": "group", "title": f"Nhóm {chat_id}"}
        return {"id": chat_id, "type": "private", "first_name": f"User {chat_id}"}

    def _store(self, chat_id: int, text: str | None, p: dict[str, Any], doc: str | None = None) -> dict[str, Any]:  # fmt: skip
        mid = next(self._message_ids[chat_id])
        msg = FakeMessage(mid, chat_id, text, p.get("reply_markup"), p.get("parse_mode"), doc)
        self.messages[chat_id][mid] = msg
        return self._message_json(msg)

    def _message_json(self, msg: FakeMessage) -> dict[str, Any]:
        out: dict[str, Any] = {
            "message_id": msg.message_id,
            "date": int(time.time()),
            "chat": self._chat(msg.chat_id),
            "from": self._me(),
        }
        if msg.text is not None:
            out["text"] = msg.text
        if msg.document is not None:
            out["document"] = {"file_id": f"sent-{msg.message_id}", "file_unique_id": "u",
                               "file_name": msg.document}  # fmt: skip
        if msg.photo is not None:
            out["photo"] = [{"file_id": f"photo-{msg.message_id}", "file_unique_id": "p",
                             "width": 1080, "height": 1080, "file_size": len(msg.photo)}]  # fmt: skip
            if msg.text is not None:
                out["caption"] = out.pop("text")
        markup = msg.reply_markup
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            out["reply_markup"] = markup
        return out

    async def _m_sendMessage(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        chat_id = _need_chat(p)
        text = str(p.get("text") or "")
        if not text.strip():
            raise _ApiError(400, "Bad Request: message text is empty")
        if len(text) > 4096:
            raise _ApiError(400, "Bad Request: message is too long")
        return self._store(chat_id, text, p)

    async def _m_sendDocument(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        chat_id = _need_chat(p)
        name = next(iter(f), None) or str(p.get("document") or "file")
        return self._store(chat_id, p.get("caption"), p, doc=name)

    async def _m_sendPhoto(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        """An uploaded picture (kept in ``FakeMessage.photo``); a caption over 1,024 characters
        is refused as Telegram does."""
        chat_id = _need_chat(p)
        data = next(iter(f.values()), None)
        if data is None:
            raise _ApiError(400, "Bad Request: there is no photo in the request")
        caption = p.get("caption")
        if caption is not None and len(str(caption)) > 1024:
            raise _ApiError(400, "Bad Request: message caption is too long")
        out = self._store(chat_id, caption, p)
        self.messages[chat_id][out["message_id"]].photo = data
        return self._message_json(self.messages[chat_id][out["message_id"]])

    def _find(self, p: dict[str, Any]) -> FakeMessage:
        chat_id = _need_chat(p)
        msg = self.messages.get(chat_id, {}).get(int(p.get("message_id") or 0))
        if msg is None:
            raise _ApiError(400, "Bad Request: message to edit not found")
        return msg

    async def _m_editMessageText(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        msg = self._find(p)
        text = str(p.get("text") or "")
        markup = p.get("reply_markup")
        if text == msg.text and markup == msg.reply_markup:
            raise _ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and "
                "reply markup are exactly the same as a current content and reply markup "
                "of the message",
            )
        if len(text) > 4096:
            raise _ApiError(400, "Bad Request: message is too long")
        msg.text, msg.reply_markup, msg.parse_mode = text, markup, p.get("parse_mode")
        msg.edits += 1
        return self._message_json(msg)

    async def _m_editMessageReplyMarkup(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        msg = self._find(p)
        msg.reply_markup = p.get("reply_markup")
        msg.edits += 1
        return self._message_json(msg)

    async def _m_answerCallbackQuery(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        return True

    async def _m_getFile(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        file_id = str(p.get("file_id") or "")
        if file_id not in self.files:
            raise _ApiError(400, "Bad Request: invalid file_id")
        path, data = self.files[file_id]
        if len(data) > 20 * 1024 * 1024:
            raise _ApiError(400, "Bad Request: file is too big")
        return {"file_id": file_id, "file_unique_id": file_id[::-1], "file_size": len(data),
                "file_path": path}  # fmt: skip

    async def _m_getChatMember(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        chat_id, user_id = _need_chat(p), int(p.get("user_id") or 0)
        status = self.chat_members.get((chat_id, user_id))
        if status is None:
            raise _ApiError(400, "Bad Request: user not found")
        user = {"id": user_id, "is_bot": False, "first_name": f"User {user_id}"}
        out: dict[str, Any] = {"status": status, "user": user}
        if status == "administrator":
            out.update({k: True for k in _ADMIN_RIGHTS})
            out["can_be_edited"] = False
        if status == "creator":
            out["is_anonymous"] = False
        if status == "kicked":
            out["until_date"] = 0
        return out

    async def _m_getChat(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        return self._chat(_need_chat(p)) | {"accent_color_id": 0, "max_reaction_count": 11}

    async def _m_sendChatAction(self, p: dict[str, Any], f: dict[str, bytes]) -> Any:
        return True


_ADMIN_RIGHTS = [
    "is_anonymous",
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
]


class _ApiError(Exception):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status, self.description = status, description


def _need_chat(p: dict[str, Any]) -> int:
    try:
        return int(p["chat_id"])
    except (KeyError, TypeError, ValueError):
        raise _ApiError(400, "Bad Request: chat_id is empty") from None


def _chat_of(method: str, p: dict[str, Any], api: FakeBotApi) -> int | None:
    if "chat_id" in p:
        try:
            return int(p["chat_id"])
        except (TypeError, ValueError):
            return None
    if method == "answerCallbackQuery":
        # The query id is "<user id>:<n>" in updates built by the driver.
        qid = str(p.get("callback_query_id") or "")
        head = qid.split(":", 1)[0]
        if head.lstrip("-").isdigit():
            return int(head)
    return None


def _error(status: int, description: str, retry_after: int | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    if status == 502:
        return web.Response(status=502, text="<html>Bad Gateway</html>")
    return web.json_response(body, status=status)


async def _read_params(request: web.Request) -> tuple[dict[str, Any], dict[str, bytes]]:
    params: dict[str, Any] = {}
    files: dict[str, bytes] = {}
    ctype = request.content_type
    if ctype == "application/json":
        raw = await request.json() if request.can_read_body else {}
        return dict(raw or {}), files
    if ctype.startswith("multipart/"):
        reader = await request.multipart()
        async for part in reader:
            if part.name is None:
                continue
            if getattr(part, "filename", None):
                files[part.filename or part.name] = await part.read()  # type: ignore[union-attr]
                params[part.name] = part.filename
            else:
                params[part.name] = await part.text()  # type: ignore[union-attr]
    else:
        form = await request.post()
        params = {k: v for k, v in form.items() if isinstance(v, str)}
    params.update(request.query)
    return {k: _decode(k, v) for k, v in params.items()}, files


def _decode(key: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if key in _JSON_FIELDS:
        try:
            return json.loads(value)
        except ValueError:
            return value
    if key in _INT_FIELDS and value.lstrip("-").isdigit():
        return int(value)
    return value
