"""Test-side driver: a real ``telegram.ext.Application`` polling the fake server over HTTP.

    api = FakeBotApi(); await api.start()
    harness = BotHarness(api, builder_hook=lambda b: b.context_types(...))
    harness.app.add_handler(...)          # or register(harness.app) per feature
    await harness.start()
    chat = harness.private(42, "Lan")
    replies = await chat.send("/viec")    # -> Replies (what the bot sent/edited/answered)
    replies = await chat.press("✅ Xong")  # presses the button on the bot's latest message
    replies = await chat.send_document("plan.txt", b"...")
    await harness.stop(); await api.stop()

``send`` returns once the application has finished processing the update, so assertions see
the end state; a handler that fails is reported by ``harness.errors``.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import Application, ApplicationBuilder

from .server import FakeBotApi, FakeMessage, Recorded

_REPLY_METHODS = {
    "sendMessage",
    "sendDocument",
    "sendPhoto",
    "editMessageText",
    "editMessageReplyMarkup",
    "answerCallbackQuery",
}


class TrackingApplication(Application):  # type: ignore[type-arg]
    """An Application that signals when each update has been fully processed, including the
    handlers registered with ``block=False`` (which run as tasks while other updates go on)."""

    def create_task(self, coroutine: Any, update: object | None = None, *, name: str | None = None) -> asyncio.Task[Any]:  # type: ignore[override]  # fmt: skip
        task = super().create_task(coroutine, update=update, name=name)
        if isinstance(update, Update):
            pending: dict[int, list[asyncio.Task[Any]]] = self.bot_data.setdefault("_pending", {})
            pending.setdefault(update.update_id, []).append(task)
        return task

    async def process_update(self, update: object) -> None:
        try:
            await super().process_update(update)
        finally:
            if isinstance(update, Update):
                tracker: dict[int, asyncio.Event] = self.bot_data.setdefault("_processed", {})
                event = tracker.setdefault(update.update_id, asyncio.Event())
                tasks = self.bot_data.get("_pending", {}).pop(update.update_id, [])
                left = [t for t in tasks if not t.done()]
                if not left:
                    event.set()
                for t in left:  # the update is processed when its last non-blocking task ends
                    t.add_done_callback(
                        lambda _t, left=left: event.set() if all(x.done() for x in left) else None
                    )


@dataclass
class Reply:
    """One thing the bot did in answer: a message sent or edited, or a callback answer."""

    method: str
    text: str
    buttons: list[list[str]] = field(default_factory=list)  # inline keyboard texts
    callback_data: list[list[str]] = field(default_factory=list)
    keyboard: list[list[str]] = field(default_factory=list)  # reply keyboard texts
    message_id: int | None = None
    params: dict[str, Any] = field(default_factory=dict)


class Replies(list[Reply]):
    """The replies to one user action, with conveniences for assertions."""

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self if r.text)

    @property
    def buttons(self) -> list[str]:
        return [b for r in self for row in r.buttons for b in row]

    @property
    def messages(self) -> list[Reply]:
        return [r for r in self if r.method in ("sendMessage", "sendDocument", "sendPhoto")]

    @property
    def answers(self) -> list[Reply]:
        return [r for r in self if r.method == "answerCallbackQuery"]


def _to_reply(rec: Recorded) -> Reply:
    p = rec.params
    markup = p.get("reply_markup") or {}
    inline = markup.get("inline_keyboard") or [] if isinstance(markup, dict) else []
    kb = markup.get("keyboard") or [] if isinstance(markup, dict) else []
    text = str(p.get("text") or p.get("caption") or "")
    return Reply(
        method=rec.method,
        text=text,
        buttons=[[b.get("text", "") for b in row] for row in inline],
        callback_data=[[b.get("callback_data", "") for b in row] for row in inline],
        keyboard=[[b if isinstance(b, str) else b.get("text", "") for b in row] for row in kb],
        message_id=p.get("message_id"),
        params=p,
    )


class BotHarness:
    """Builds, starts and stops the Application against the fake server."""

    def __init__(
        self,
        api: FakeBotApi,
        builder_hook: Callable[[ApplicationBuilder], ApplicationBuilder] | None = None,  # type: ignore[type-arg]
        timeout: float = 10.0,
        app: Application | None = None,  # type: ignore[type-arg]
    ) -> None:
        self.api = api
        self.timeout = timeout
        self.app: Application = app or self._build(api, builder_hook)  # type: ignore[type-arg]
        self.errors: list[BaseException] = []
        self._message_ids = itertools.count(1000)
        self._query_ids = itertools.count(1)

        async def _record_error(update: object, context: Any) -> None:
            self.errors.append(context.error)

        self._record_error = _record_error

    @staticmethod
    def _build(api: FakeBotApi, builder_hook: Any) -> Application:  # type: ignore[type-arg]
        builder = (
            ApplicationBuilder()
            .token(api.token)
            .base_url(api.base_url)
            .base_file_url(api.base_file_url)
            .application_class(TrackingApplication)
        )
        if builder_hook is not None:
            builder = builder_hook(builder)
        return builder.build()

    @staticmethod
    def builder(api: FakeBotApi) -> ApplicationBuilder:  # type: ignore[type-arg]
        """An ApplicationBuilder pointed at ``api`` with the tracking Application class."""
        return (
            ApplicationBuilder()
            .token(api.token)
            .base_url(api.base_url)
            .base_file_url(api.base_file_url)
            .application_class(TrackingApplication)
        )

    async def start(self) -> None:
        self.app.add_error_handler(self._record_error)
        await self.app.initialize()
        if self.app.post_init is not None:  # as run_polling does
            await self.app.post_init(self.app)
        await self.app.start()
        assert self.app.updater is not None
        await self.app.updater.start_polling(poll_interval=0.0, timeout=1)

    async def stop(self) -> None:
        self.api.release_polls()
        if self.app.updater is not None and self.app.updater.running:
            await self.app.updater.stop()
        if self.app.running:
            await self.app.stop()
        await self.app.shutdown()

    def private(
        self, user_id: int, first_name: str = "Cán bộ", username: str | None = None
    ) -> FakeChat:
        """A private chat with user ``user_id``."""
        return FakeChat(self, user_id, user_id, "private", first_name, username)

    def group(self, chat_id: int, user_id: int, first_name: str = "Thành viên", title: str = "Nhóm") -> FakeChat:  # fmt: skip
        """User ``user_id`` writing in group ``chat_id`` (negative)."""
        return FakeChat(self, chat_id, user_id, "group", first_name, None, title)

    async def deliver(self, update: dict[str, Any]) -> None:
        """Queue an update for getUpdates and wait until the application has processed it."""
        update_id = self.api.push_update(update)
        tracker: dict[int, asyncio.Event] = self.app.bot_data.setdefault("_processed", {})
        event = tracker.setdefault(update_id, asyncio.Event())
        await asyncio.wait_for(event.wait(), self.timeout)


class FakeChat:
    """One user in one chat: sends text, documents and button presses; returns the replies."""

    def __init__(
        self,
        harness: BotHarness,
        chat_id: int,
        user_id: int,
        chat_type: str,
        first_name: str,
        username: str | None,
        title: str | None = None,
    ) -> None:
        self.h, self.chat_id, self.user_id = harness, chat_id, user_id
        self.chat_type, self.first_name, self.username, self.title = (
            chat_type,
            first_name,
            username,
            title,
        )

    @property
    def user(self) -> dict[str, Any]:
        u: dict[str, Any] = {"id": self.user_id, "is_bot": False, "first_name": self.first_name}
        if self.username:
            u["username"] = self.username
        return u

    @property
    def chat(self) -> dict[str, Any]:
        if self.chat_type == "private":
            return {"id": self.chat_id, "type": "private", "first_name": self.first_name}
        return {"id": self.chat_id, "type": self.chat_type, "title": self.title or "Nhóm"}

    def _message(self, **extra: Any) -> dict[str, Any]:
        return {
            "message_id": next(self.h._message_ids),
            "date": int(time.time()),
            "chat": self.chat,
            "from": self.user,
            **extra,
        }

    async def _act(self, update: dict[str, Any]) -> Replies:
        mark = len(self.h.api.requests)
        await self.h.deliver(update)
        return Replies(
            _to_reply(r)
            for r in self.h.api.requests[mark:]
            if r.method in _REPLY_METHODS
            and r.chat_id in (self.chat_id, self.user_id)
            and r.status == 200
        )

    async def send(self, text: str) -> Replies:
        """Type ``text``; a leading ``/command`` (or an @mention) carries its entity as Telegram's."""
        entities = []
        first = text.split(maxsplit=1)[0] if text.strip() else ""
        if first.startswith("/"):
            entities.append({"type": "bot_command", "offset": 0, "length": _u16(first)})
        elif first.startswith("@"):
            entities.append({"type": "mention", "offset": 0, "length": _u16(first)})
        msg = self._message(text=text)
        if entities:
            msg["entities"] = entities
        return await self._act({"message": msg})

    async def edit(self, text: str) -> Replies:
        """Edit an earlier message into ``text`` (Telegram sends an ``edited_message`` update)."""
        msg = self._message(text=text, edit_date=int(time.time()))
        first = text.split(maxsplit=1)[0] if text.strip() else ""
        if first.startswith("/"):
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": _u16(first)}]
        return await self._act({"edited_message": msg})

    async def send_document(
        self,
        file_name: str,
        data: bytes,
        mime_type: str = "text/plain",
        file_size: int | None = None,
        caption: str | None = None,
    ) -> Replies:
        """Send a file; ``file_size`` may claim more than ``data`` holds (oversized uploads)."""
        file_id = f"doc-{self.user_id}-{next(self.h._message_ids)}"
        self.h.api.add_file(file_id, data, f"documents/{file_id}-{file_name}")
        doc = {
            "file_id": file_id,
            "file_unique_id": file_id + "u",
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": len(data) if file_size is None else file_size,
        }
        msg = self._message(document=doc)
        if caption:
            msg["caption"] = caption
        return await self._act({"message": msg})

    def last_with_button(self, text: str) -> tuple[FakeMessage, str]:
        """The bot's latest message in this chat with a button labelled ``text`` (or starting so)."""
        for msg in sorted(
            self.h.api.messages.get(self.chat_id, {}).values(), key=lambda m: -m.message_id
        ):
            markup = msg.reply_markup if isinstance(msg.reply_markup, dict) else {}
            for row in markup.get("inline_keyboard") or []:
                for b in row:
                    if b.get("text") == text or str(b.get("text", "")).startswith(text):
                        return msg, str(b.get("callback_data"))
        raise AssertionError(f"no button {text!r} in chat {self.chat_id}")

    async def press(self, text: str) -> Replies:
        """Press the inline button labelled ``text`` on the bot's latest message that has it."""
        msg, data = self.last_with_button(text)
        return await self.press_data(data, msg)

    async def press_data(self, data: str, msg: FakeMessage | None = None) -> Replies:
        """Press a button carrying ``data`` (e.g. forged) on ``msg`` or the latest bot message."""
        if msg is None:
            msgs = self.h.api.messages.get(self.chat_id, {})
            msg = msgs[max(msgs)] if msgs else FakeMessage(1, self.chat_id, "x", None, None)
        query = {
            "id": f"{self.user_id}:{next(self.h._query_ids)}",
            "from": self.user,
            "chat_instance": f"ci{self.chat_id}",
            "data": data,
            "message": self.h.api._message_json(msg),
        }
        return await self._act({"callback_query": query})


def _u16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2
