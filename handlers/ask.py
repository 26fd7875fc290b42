"""Free text: a newcomer's unit name, or a question for the question reader (services.ask)."""

from __future__ import annotations

from typing import Any

from telegram import MessageEntity, Update
from telegram.ext import MessageHandler, filters

from bot.errors import TthcError
from handlers.context import App, BotContext, active_officer, is_group, reply, who
from handlers.formatting import e
from handlers.onboarding import name_unit
from handlers.tasks import scope_unit


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


async def answer_question(context: BotContext, question: str, unit_id: int | None) -> str:
    """The reader's answer as HTML, or a hint when the question reader is not available."""
    svc = context.services
    try:
        from services.ask import ask
    except ImportError:
        return "Chưa trả lời được câu hỏi tự do. Hãy dùng /viec, /sapden, /quahan, /tuan, /thang."
    async with svc.uow() as uow:
        calendar = await svc.calendar(uow.session)
        answer: Any = await ask(
            uow, question, unit_id=unit_id, today=svc.today(), calendar=calendar
        )
    return str(answer.reply.to_html())


async def on_text(update: Update, context: BotContext) -> None:
    msg = update.effective_message
    assert msg is not None
    if is_group(update):
        question = _addressed_to_bot(update, context)
        if not question:
            return  # the bot answers commands and mentions only in a group
        unit_id = await scope_unit(update, context, await who(update, context))
        if unit_id is None:
            return
    else:
        if await name_unit(update, context):
            return
        officer = await active_officer(update, context)
        if officer is None:
            return
        unit_id = officer.unit_id
        question = (msg.text or "").strip()
    try:
        html = await answer_question(context, question, unit_id)
    except TthcError as exc:
        html = e(exc.message)
    await reply(update, html)


def register(app: App) -> None:
    """Last among text handlers: anything that is not a command or a keyboard button."""
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_text))
