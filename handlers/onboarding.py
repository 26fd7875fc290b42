"""Onboarding: /start (with an invite code or by naming the unit), approvals, and /moi invites."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.errors import TthcError
from bot.phrases import TEAM
from handlers.context import (
    App,
    BotContext,
    active_officer,
    answer_or_reply,
    is_group,
    pressed,
    pressing_officer,
    refusal,
    reply,
    who,
)
from handlers.formatting import button, e, help_text, inline, main_keyboard
from handlers.unit_pick import named_unit
from services import chat_state, invites, officers, unit_lookup

ANY_CHAT = 0  # a newcomer names their unit in any chat with the bot (their private one)
log = logging.getLogger(__name__)


async def start(update: Update, context: BotContext) -> None:
    """/start [code]: redeem an invite, greet a known officer, or ask a newcomer for their unit."""
    user = update.effective_user
    assert user is not None
    if is_group(update):
        await reply(update, f"Xin chào! Cán bộ của đơn vị (hoặc {TEAM}) là quản trị nhóm gõ /nhom TÊN ĐƠN VỊ để liên kết nhóm với đơn vị.")  # fmt: skip
        return
    svc = context.services
    code = context.args[0] if context.args else None
    if code:
        try:
            async with svc.uow() as uow:
                joined = await invites.redeem_invite(uow, code, user.id, user.full_name, svc.now())  # fmt: skip
        except TthcError as exc:
            await reply(update, e(exc.message))
            return
        await reply(
            update,
            f"Chào {e(joined.name)}! Anh/chị đã được đăng ký vào <b>{e(joined.unit_name or '')}</b>.\n\n"
            + help_text(joined),
            reply_markup=main_keyboard(),
        )
        return
    officer = await who(update, context)
    if officer is not None:
        # /start again after blocking the bot: reminders may be sent to this chat again.
        async with svc.uow() as uow:
            await officers.reopen_chat(uow, user.id)
    if officer is not None and officer.is_active:
        unit = f" ({e(officer.unit_name)})" if officer.unit_name else ""
        await reply(
            update,
            f"Chào {e(officer.name)}{unit}!\n\n" + help_text(officer),
            reply_markup=main_keyboard(),
        )
        return
    if officer is not None and officer.status != "rejected":
        await reply(update, refusal(officer) or "")
        return
    if officer is not None:  # rejected: may ask again after a cool-down
        async with svc.uow(read_only=True) as uow:
            wait = await invites.approval_refusal(uow, user.id, svc.now())
        if wait is not None:
            await reply(update, e(wait))
            return
    async with svc.uow() as uow:
        await chat_state.remember(uow, ANY_CHAT, user.id, chat_state.AWAITING_UNIT, "1", svc.now())
    await reply(
        update,
        "Xin chào! Anh/chị là cán bộ đầu mối của đơn vị nào? Hãy gõ tên đơn vị, ví dụ: <i>Sở Tư pháp</i>.",  # noqa: RUF001
    )


async def name_unit(update: Update, context: BotContext) -> bool:
    """A newcomer typed their unit's name: offer the matcher's candidates. True when handled."""
    msg, chat, user = update.effective_message, update.effective_chat, update.effective_user
    assert msg is not None and chat is not None
    svc = context.services
    if user is None:
        return False
    async with svc.uow(read_only=True) as uow:
        waiting = await chat_state.recall(
            uow, ANY_CHAT, user.id, chat_state.AWAITING_UNIT, svc.now()
        )
    if waiting is None:
        return False
    async with svc.uow(read_only=True) as uow:
        found = await unit_lookup.find_units(uow, msg.text or "")
    if not found:
        await reply(
            update, f"Không tìm thấy đơn vị “{e(msg.text or '')}”. Hãy gõ lại tên đầy đủ hơn."
        )
        return True
    rows = [[button(u.name, svc.sign(chat.id, f"u:{u.id}"))] for u in found]
    await reply(update, "Chọn đúng đơn vị của anh/chị:", reply_markup=inline(rows))
    return True


async def pick_unit(update: Update, context: BotContext) -> None:
    """The newcomer picked a unit: record the request and ask the coordinators."""
    query, chat, user = update.callback_query, update.effective_chat, update.effective_user
    assert query is not None and chat is not None and user is not None
    svc = context.services
    fields = await pressed(update, context, "u")
    if fields is None:
        return
    try:
        async with svc.uow() as uow:
            officer, deciders = await invites.request_approval(uow, user.id, user.full_name, int(fields[1]), svc.now())  # fmt: skip
    except TthcError as exc:
        await answer_or_reply(update, exc.message)
        return
    async with svc.uow() as uow:
        await chat_state.forget(uow, ANY_CHAT, user.id, chat_state.AWAITING_UNIT)
    await query.answer()
    await query.edit_message_text(
        f"Đã gửi yêu cầu tham gia <b>{e(officer.unit_name or '')}</b>. Vui lòng chờ {TEAM} duyệt.",  # fmt: skip
        parse_mode="HTML",
    )
    if not deciders:
        await reply(update, f"Hiện chưa có cán bộ nào của {TEAM} dùng bot để duyệt; hãy báo {TEAM}.")  # fmt: skip
    # The newcomer by name, linked to their Telegram profile (and @username): never a raw id.
    handle = f" (@{e(user.username)})" if user.username else ""
    who = f'<a href="tg://user?id={officer.telegram_id}">{e(officer.name)}</a>{handle}'
    for d in deciders:
        rows = [[button("✔️ Duyệt", svc.sign(d.telegram_id, f"ap:{officer.id}")),
                 button("✖️ Từ chối", svc.sign(d.telegram_id, f"rj:{officer.id}"))]]  # fmt: skip
        try:
            await context.bot.send_message(
                d.telegram_id,
                f"Yêu cầu đăng ký: <b>{who}</b> — {e(officer.unit_name or '')}",
                parse_mode="HTML",
                reply_markup=inline(rows),
            )
        except TelegramError:  # a coordinator who blocked the bot; the others still get it
            log.warning("approval request not delivered to coordinator %s", d.id)


async def decide(update: Update, context: BotContext) -> None:
    """A coordinator's ✔️ Duyệt / ✖️ Từ chối."""
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    svc = context.services
    press = await pressing_officer(update, context, "ap", "rj")
    if press is None:
        return
    fields, by = press
    try:
        async with svc.uow() as uow:
            officer = await invites.decide(uow, int(fields[1]), fields[0] == "ap", by, svc.now())  # fmt: skip
    except TthcError as exc:
        await answer_or_reply(update, exc.message)
        return
    approved = officer.status == "active"
    verdict = "đã được duyệt" if approved else "đã bị từ chối"
    await query.answer()
    await query.edit_message_text(f"{e(officer.name)} — {e(officer.unit_name or '')}: {verdict}.")
    text = (
        f"Đăng ký vào {e(officer.unit_name or '')} đã được duyệt. Gõ /viec để xem việc."
        if approved
        else f"Đăng ký của anh/chị đã bị từ chối. Hãy liên hệ {TEAM}."
    )
    await context.bot.send_message(
        officer.telegram_id,
        text,
        parse_mode="HTML",
        reply_markup=main_keyboard() if approved else None,
    )


async def invite(update: Update, context: BotContext) -> None:
    """/moi TÊN ĐƠN VỊ: a single-use invite link for that unit (coordinators only)."""
    officer = await active_officer(update, context)
    if officer is None:
        return
    if not officer.is_coordinator:
        await reply(update, f"Chỉ {TEAM} mới tạo được liên kết mời.")
        return
    unit_id = await named_unit(
        update, context, command="moi", prefix="mi", question="Tạo liên kết mời cho đơn vị nào?"
    )
    if unit_id is not None:
        await _send_invite(update, context, officer.telegram_id, unit_id)


async def pick_invite_unit(update: Update, context: BotContext) -> None:
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    press = await pressing_officer(
        update, context, "mi", coordinator_only=f"Chỉ {TEAM} mới tạo được liên kết mời."
    )
    if press is None:
        return
    fields, officer = press
    await query.answer()
    await _send_invite(update, context, officer.telegram_id, int(fields[1]))


async def _send_invite(update: Update, context: BotContext, by: int, unit_id: int) -> None:
    svc = context.services
    async with svc.uow() as uow:
        name = await unit_lookup.unit_name(uow, unit_id)
        code = await invites.create_invite(uow, unit_id, by, svc.now())
    link = f"https://t.me/{context.bot.username}?start={code}"
    await reply(
        update,
        f"Liên kết mời cho <b>{e(name)}</b> (dùng một lần, hết hạn sau 7 ngày):\n{e(link)}\n"
        f"Trên Zalo: gửi mã <code>{e(code)}</code> cho bot Zalo.",
    )


def register(app: App) -> None:
    """/start, /moi and the onboarding buttons; the unit-name step is called from the text router."""
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler("moi", invite, filters=filters.ChatType.PRIVATE))
    app.add_handler(CallbackQueryHandler(pick_unit, pattern=r"^u:"))
    app.add_handler(CallbackQueryHandler(decide, pattern=r"^(ap|rj):"))
    app.add_handler(CallbackQueryHandler(pick_invite_unit, pattern=r"^mi:"))
