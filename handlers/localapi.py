"""An in-process Bot API stand-in for the console chat: a ``BaseRequest`` that answers locally.

The real ``Application`` and ``Bot`` run unchanged; every call the bot makes is answered here as
Telegram would and recorded, so the console shows exactly what a phone would receive.
"""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT_ID = 1
BOT_USERNAME = "tthc_console_bot"


@dataclass
class Sent:
    """One thing the bot did: a message sent or edited, or a button press answered."""

    method: str
    chat_id: int | None
    message_id: int | None
    text: str
    inline: list[list[dict[str, Any]]] = field(default_factory=list)
    keyboard: list[list[str]] = field(default_factory=list)


class LocalBotApi(BaseRequest):
    """Answers getMe, sendMessage, editMessageText, answerCallbackQuery and the rest in-process."""

    def __init__(self) -> None:
        self.sent: list[Sent] = []
        self._ids = itertools.count(1)
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        try:
            result = self._answer(name, params)
        except LookupError as exc:
            body = {"ok": False, "error_code": 400, "description": f"Bad Request: {exc}"}
            return 400, json.dumps(body).encode()
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _answer(self, name: str, p: dict[str, Any]) -> Any:
        if name == "getMe":
            return {"id": BOT_ID, "is_bot": True, "first_name": "TTHC", "username": BOT_USERNAME,
                    "can_join_groups": True, "can_read_all_group_messages": False,
                    "supports_inline_queries": False}  # fmt: skip
        if name in ("sendMessage", "sendDocument"):
            chat_id = int(p["chat_id"])
            message_id = next(self._ids)
            text = str(p.get("text") or p.get("caption") or "")
            self._record(name, chat_id, message_id, text, p.get("reply_markup"))
            msg: dict[str, Any] = {"message_id": message_id, "date": int(time.time()), "text": text,
                   "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group",
                            "first_name": "Cán bộ", "title": "Nhóm"}}  # fmt: skip
            self.messages[(chat_id, message_id)] = msg
            return msg
        if name in ("editMessageText", "editMessageReplyMarkup"):
            chat_id, message_id = int(p["chat_id"]), int(p["message_id"])
            found = self.messages.get((chat_id, message_id))
            if found is None:
                raise LookupError("message to edit not found")
            msg = found
            if "text" in p:
                msg["text"] = str(p["text"])
            self._record(name, chat_id, message_id, str(msg["text"]), p.get("reply_markup"))
            return msg
        if name == "answerCallbackQuery":
            if p.get("text"):
                self.sent.append(Sent(name, None, None, str(p["text"])))
            return True
        if name == "getChatMember":
            user = {"id": int(p["user_id"]), "is_bot": False, "first_name": "Cán bộ"}
            return {"status": "creator", "user": user, "is_anonymous": False}
        if name == "getFile":
            raise LookupError("files are not available in the console")
        return True  # setMyCommands, deleteWebhook, sendChatAction ...

    def _record(self, name: str, chat_id: int, message_id: int, text: str, markup: Any) -> None:
        markup = markup or {}
        inline = markup.get("inline_keyboard") or []
        keyboard = [[b["text"] if isinstance(b, dict) else str(b) for b in row]
                    for row in markup.get("keyboard") or []]  # fmt: skip
        self.sent.append(Sent(name, chat_id, message_id, text, inline, keyboard))
