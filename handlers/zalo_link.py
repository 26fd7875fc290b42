"""/zalo on Telegram: a single-use pairing code that links the officer's Zalo chat (the Zalo
adapter is ``handlers.zalo``). Private chats only; active officers only."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler, filters

from handlers.context import App, BotContext, active_officer, reply
from handlers.formatting import e
from services import zalo
from services.zalo import PAIRING_TTL


async def pairing(update: Update, context: BotContext) -> None:
    officer = await active_officer(update, context)
    if officer is None:
        return
    svc = context.services
    async with svc.uow() as uow:
        code = await zalo.create_pairing(uow, officer, svc.now())
    minutes = int(PAIRING_TTL.total_seconds() // 60)
    await reply(
        update,
        f"Mã ghép nối Zalo: <code>{e(code)}</code>\nGửi mã này cho bot trên Zalo trong "
        f"{minutes} phút (dùng một lần). Sau đó lời nhắc việc sẽ gửi qua Zalo.",
    )


def register(app: App) -> None:
    app.add_handler(CommandHandler("zalo", pairing, filters=filters.ChatType.PRIVATE))
