"""/nhom TÊN ĐƠN VỊ: links the group chat to one unit. Needs someone entitled to the unit (an
active officer of it, or a coordinator) who is also an administrator of the group."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, ChatMemberHandler, CommandHandler

from bot.errors import TthcError
from bot.phrases import TEAM
from handlers.context import App, BotContext, answer_or_reply, is_group, pressed, reply, who
from handlers.formatting import e
from handlers.unit_pick import named_unit
from services import groups

ADMINS = (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)
NOT_ADMIN = "Chỉ quản trị viên của nhóm mới liên kết được nhóm với đơn vị."
NOT_OFFICER = (
    f"Chỉ cán bộ đã đăng ký của đơn vị (hoặc {TEAM}) đồng thời là quản trị nhóm mới liên "
    "kết được nhóm với đơn vị. Hãy đăng ký bằng /start trong tin nhắn riêng với bot, hoặc nhờ "
    "cán bộ của đơn vị là quản trị nhóm gõ /nhom TÊN ĐƠN VỊ."
)


async def _is_group_admin(update: Update, context: BotContext) -> bool:
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError:
        return False
    return member.status in ADMINS


async def link(update: Update, context: BotContext) -> None:
    if not is_group(update):
        await reply(update, "Lệnh /nhom dùng trong nhóm chat của đơn vị.")
        return
    if not await _is_group_admin(update, context):
        await reply(update, NOT_ADMIN)
        return
    officer = await who(update, context)
    if officer is None or not officer.is_active:
        await reply(update, NOT_OFFICER)
        return
    unit_id = await named_unit(
        update, context, command="nhom", prefix="gl", question="Liên kết nhóm với đơn vị nào?"
    )
    if unit_id is not None:
        await _link(update, context, unit_id)


async def pick(update: Update, context: BotContext) -> None:
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    fields = await pressed(update, context, "gl")
    if fields is None:
        return
    if not await _is_group_admin(update, context):
        await answer_or_reply(update, NOT_ADMIN)
        return
    await query.answer()
    await _link(update, context, int(fields[1]))


async def _link(update: Update, context: BotContext, unit_id: int) -> None:
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    svc = context.services
    try:
        async with svc.uow() as uow:
            name = await groups.link_group(uow, chat.id, chat.title, unit_id, user.id, svc.now())
    except TthcError as exc:  # not entitled to that unit: said in the group, what to do
        await reply(update, e(exc.message))
        return
    await reply(
        update,
        f"Đã liên kết nhóm với <b>{e(name)}</b>. Nhắc việc của đơn vị sẽ gửi cả vào nhóm này.",
    )


async def membership(update: Update, context: BotContext) -> None:
    """The bot was added to a group (explain /nhom) or removed from it (stop sending there)."""
    change, chat = update.my_chat_member, update.effective_chat
    if change is None or chat is None or chat.type == "private":
        return
    now_in = change.new_chat_member.status in (*ADMINS, ChatMemberStatus.MEMBER)
    was_in = change.old_chat_member.status in (*ADMINS, ChatMemberStatus.MEMBER)
    svc = context.services
    if now_in and not was_in:
        await reply(update, f"Xin chào! Cán bộ của đơn vị (hoặc {TEAM}) là quản trị nhóm gõ /nhom TÊN ĐƠN VỊ để liên kết nhóm với đơn vị.")  # fmt: skip
    elif was_in and not now_in:
        async with svc.uow() as uow:
            await groups.unlink_group(uow, chat.id, svc.now())


def register(app: App) -> None:
    app.add_handler(ChatMemberHandler(membership, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(CommandHandler("nhom", link))
    app.add_handler(CallbackQueryHandler(pick, pattern=r"^gl:"))
