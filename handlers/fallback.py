"""Last resort: unknown commands, forged or stale buttons, unsupported messages, and errors."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

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


async def on_error(update: object, context: BotContext) -> None:
    """Log with the traceback; tell the user something useful."""
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
