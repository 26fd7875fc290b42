"""Free text: a newcomer's unit name, or a question for the question reader (services.ask)."""

from __future__ import annotations

from typing import Any

from telegram import MessageEntity, Update
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot.errors import TthcError
from handlers.context import (
    App,
    BotContext,
    Services,
    active_officer,
    is_group,
    reply,
    scope_unit,
    who,
)
from handlers.formatting import button, e, inline
from handlers.onboarding import name_unit
from services import chat_state, unit_lookup


def _addressed_to_bot(update: Update, context: BotContext) -> str | None:
    """In a group, the question when the bot is mentioned or replied to; None otherwise."""
    msg = update.effective_message
    if msg is None or msg.text is None:
        return None
    mention = f"@{context.bot.username}".lower()
    text = msg.text
    for entity, value in msg.parse_entities([MessageEntity.MENTION]).items():
        if value.lower() == mention:
            return (text[: entity.offset] + text[entity.offset + entity.length :]).strip()
    replied = msg.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == context.bot.id:  # fmt: skip
        return text.strip()
    return None


OWN_UNIT_ONLY = "Anh/chị chỉ xem được việc của đơn vị mình."
CHAT = 0  # "person" of the chat-wide state: anyone in a group pages through its last question


async def asked(
    svc: Services, question: str, unit_id: int | None, read_all: bool, page: int = 0
) -> Any | None:
    """The reader's ``services.ask.Answer``, or None when the question names another unit and
    the asker may not read it (``read_all``: a coordinator in private). Any channel uses it."""
    from services.ask import ask

    async with svc.uow(read_only=True) as uow:
        calendar = await svc.calendar(uow.session)
        answer: Any = await ask(
            uow, question, unit_id=unit_id, today=svc.today(), calendar=calendar, page=page
        )
        named = getattr(answer.query, "unit", None)
        if named is not None and not read_all:
            allowed = await unit_lookup.covering(uow.session, unit_id) if unit_id else set()
            if named.id not in allowed:
                return None
    return answer


async def answer_question(
    context: BotContext, question: str, unit_id: int | None, read_all: bool, page: int = 0
) -> tuple[str, bool]:
    """The reader's answer as HTML and whether a next page exists.

    A question naming another unit is refused unless ``read_all`` (a coordinator in private).
    """
    answer = await asked(context.services, question, unit_id, read_all, page)
    if answer is None:
        return OWN_UNIT_ONLY, False
    return str(answer.reply.to_html()), bool(answer.reply.more)


async def _asker(update: Update, context: BotContext) -> tuple[int | None, bool] | None:
    """The unit a question is about by default, and whether the asker may read every unit."""
    if is_group(update):
        unit_id = await scope_unit(update, context, await who(update, context))
        return (unit_id, False) if unit_id is not None else None
    officer = await active_officer(update, context)
    if officer is None:
        return None
    return officer.unit_id, officer.is_coordinator


async def _send_answer(
    update: Update, context: BotContext, question: str, asker: tuple[int | None, bool], page: int
) -> None:
    chat = update.effective_chat
    assert chat is not None
    try:
        html, more = await answer_question(context, question, asker[0], asker[1], page)
    except TthcError as exc:
        html, more = e(exc.message), False
    markup = None
    if more:
        # The question is kept in the store (any replica may take the press); the button only
        # carries the page.
        svc = context.services
        async with svc.uow() as uow:
            await chat_state.remember(uow, chat.id, CHAT, chat_state.QUESTION, question, svc.now())
        markup = inline([[button("Xem thêm »", context.services.sign(chat.id, f"q:{page + 1}"))]])  # fmt: skip
    await reply(update, html, reply_markup=markup)


async def on_text(update: Update, context: BotContext) -> None:
    msg = update.effective_message
    assert msg is not None
    if is_group(update):
        question = _addressed_to_bot(update, context)
        if not question:
            return  # the bot answers commands and mentions only in a group
    else:
        if await name_unit(update, context):
            return
        question = (msg.text or "").strip()
    asker = await _asker(update, context)
    if asker is not None:
        await _send_answer(update, context, question, asker, 0)


async def on_more(update: Update, context: BotContext) -> None:
    """Xem thêm »: the next page of the last question asked in this chat."""
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    svc = context.services
    fields = svc.verify(chat.id, query.data or "")
    async with svc.uow(read_only=True) as uow:
        question = await chat_state.recall(uow, chat.id, CHAT, chat_state.QUESTION, svc.now())
    if fields is None or fields[0] != "q" or not question:
        await query.answer("Nút này không hợp lệ hoặc đã cũ.", show_alert=True)
        return
    asker = await _asker(update, context)
    if asker is None:
        return
    await query.answer()
    await _send_answer(update, context, str(question), asker, int(fields[1]))


def register(app: App) -> None:
    """Last among text handlers: anything that is not a command or a keyboard button."""
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_text))
    app.add_handler(CallbackQueryHandler(on_more, pattern=r"^q:"))
