"""Last resort: unknown commands, forged or stale buttons, unsupported messages, and errors."""

from __future__ import annotations

import logging
from typing import Any

from telegram import Update
from telegram.error import NetworkError
from telegram.ext import CallbackQueryHandler, MessageHandler, filters
from telegram.request import HTTPXRequest

from handlers.context import STALE, App, BotContext, is_group, reply
from handlers.formatting import e

log = logging.getLogger(__name__)


async def unknown_command(update: Update, context: BotContext) -> None:
    msg = update.effective_message
    assert msg is not None
    command = (msg.text or "").split()[0].split("@")[0]
    if is_group(update) and "@" in (msg.text or "").split()[0]:
        target = (msg.text or "").split()[0].split("@", 1)[1]
        if target.lower() != (context.bot.username or "").lower():
            return  # a command for another bot
    await reply(update, f"Không có lệnh {e(command)}. Gõ /huongdan để xem các lệnh.")


async def stale_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer(STALE, show_alert=True)


async def unsupported(update: Update, context: BotContext) -> None:
    if not is_group(update):
        await reply(update, "Bot chỉ đọc tin nhắn chữ và tệp kế hoạch. Gõ /huongdan để xem hướng dẫn.")  # fmt: skip


OUTAGE = "outage"  # bot_data key of the application's ``Outage``


class Outage:
    """Telegram unreachable while polling: every failed poll reaches the error handler with no
    update. Logged once when the outage starts (a warning, no traceback) and once when a poll
    succeeds again (``PollingRequest``)."""

    def __init__(self) -> None:
        self.failed_polls = 0

    def failed(self, exc: BaseException) -> None:
        self.failed_polls += 1
        if self.failed_polls == 1:
            log.warning("Telegram unreachable (%s: %s); polling keeps retrying", type(exc).__name__, exc)  # fmt: skip

    def recovered(self) -> None:
        if self.failed_polls:
            log.info("Telegram reachable again after %d failed polls", self.failed_polls)
            self.failed_polls = 0


class PollingRequest(HTTPXRequest):
    """The getUpdates connection: a poll answered (HTTP 200) ends the outage."""

    def __init__(self, outage: Outage, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.outage = outage

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        code, payload = await super().do_request(*args, **kwargs)
        if code == 200:
            self.outage.recovered()
        return code, payload


def outage_of(context: BotContext) -> Outage:
    found = context.application.bot_data.setdefault(OUTAGE, Outage())
    assert isinstance(found, Outage)
    return found


async def on_error(update: object, context: BotContext) -> None:
    """Log with the traceback; tell the user something useful. A failed poll (no update, a
    network error or time-out) is no handler's failure: logged plainly, once per outage."""
    if update is None and isinstance(context.error, NetworkError):
        outage_of(context).failed(context.error)
        return
    log.error("handler failed", exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await update.effective_chat.send_message(
                "Xin lỗi, bot gặp lỗi khi xử lý yêu cầu này. Vui lòng thử lại sau."
            )
        except Exception:  # the chat may be gone; the log holds the cause
            log.warning("could not tell the user about the error")


def register(app: App) -> None:
    app.add_handler(MessageHandler(filters.COMMAND, unknown_command))
    app.add_handler(CallbackQueryHandler(stale_button))
    app.add_handler(MessageHandler(filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.Document.ALL, unsupported))  # fmt: skip
    app.add_error_handler(on_error)  # type: ignore[arg-type]
