"""/caidat (an officer's reminder settings, changed with buttons) and /huongdan."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.reminders.policy import from_settings
from handlers.context import App, BotContext, active_officer, pressing_officer, reply, who
from handlers.formatting import button, help_text, inline, main_keyboard
from services import officers

LEAD_CHOICES: tuple[tuple[int, ...], ...] = ((3, 1), (5, 3, 1), (7, 3, 1), (1,))
HOUR_CHOICES = (7, 8, 9, 14, 16)


def _next(seq: tuple, current: object) -> object:  # type: ignore[type-arg]
    return seq[(seq.index(current) + 1) % len(seq)] if current in seq else seq[0]


def _render(settings: dict[str, object]) -> str:
    p = from_settings(settings)
    onoff = {True: "bật", False: "tắt"}
    return (
        "<b>Cài đặt nhắc việc</b>\n"
        f"Nhắc trước hạn: {', '.join(str(d) for d in p.lead_days)} ngày làm việc\n"
        f"Giờ nhắc: {p.hour} giờ\n"
        f"Nhắc việc phối hợp: {onoff[p.cooperating]}\n"
        f"Bản tin buổi sáng: {onoff[p.digest]}\n"
        "Bấm nút để đổi."
    )


def _buttons(context: BotContext, chat_id: int) -> object:
    s = context.services
    return inline(
        [
            [button("Số ngày nhắc trước", s.sign(chat_id, "cs:lead")),
             button("Giờ nhắc", s.sign(chat_id, "cs:hour"))],
            [button("Việc phối hợp bật/tắt", s.sign(chat_id, "cs:coop")),
             button("Bản tin sáng bật/tắt", s.sign(chat_id, "cs:digest"))],
        ]
    )  # fmt: skip


async def show_settings(update: Update, context: BotContext) -> None:
    officer = await active_officer(update, context)
    chat = update.effective_chat
    if officer is None or chat is None:
        return
    await reply(update, _render(officer.settings), reply_markup=_buttons(context, chat.id))


async def change_setting(update: Update, context: BotContext) -> None:
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    press = await pressing_officer(update, context, "cs")
    if press is None:
        return
    fields, officer = press
    p = from_settings(officer.settings)
    what = fields[1]
    change: dict[str, object]
    if what == "lead":
        change = {"lead_days": list(_next(LEAD_CHOICES, p.lead_days))}  # type: ignore[call-overload]
    elif what == "hour":
        change = {"hour": _next(HOUR_CHOICES, p.hour)}
    elif what == "coop":
        change = {"cooperating": not p.cooperating}
    else:
        change = {"digest": not p.digest}
    async with context.services.uow() as uow:
        new = await officers.update_settings(uow, officer.id, change)
    await query.answer("Đã lưu.")
    await query.edit_message_text(
        _render(new),
        parse_mode="HTML",
        reply_markup=_buttons(context, chat.id),  # type: ignore[arg-type]
    )


async def show_help(update: Update, context: BotContext) -> None:
    """/huongdan: the commands of the asker's role (an officer does not read coordinators')."""
    officer = await who(update, context)
    private = update.effective_chat is not None and update.effective_chat.type == "private"
    await reply(update, help_text(officer), reply_markup=main_keyboard() if private else None)


def register(app: App) -> None:
    app.add_handler(CommandHandler("caidat", show_settings))
    app.add_handler(CommandHandler("huongdan", show_help))
    app.add_handler(CallbackQueryHandler(change_setting, pattern=r"^cs:"))
