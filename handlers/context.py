"""The typed context every handler gets: services, signed buttons, who is asking, replying."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from telegram import Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.clock import Clock
from bot.phrases import TEAM
from bot.settings import Settings
from handlers.formatting import capped_parts
from services import groups, officers, signing
from services.officers import Officer
from services.reminders import work_calendar
from services.signing import derive_key as derive_key  # re-exported for the composition roots
from store.uow import Session, Sessions, UnitOfWork


@dataclass
class Services:
    """Everything the handlers use, built once by the composition root."""

    settings: Settings
    sessions: Sessions
    clock: Clock
    key: bytes  # HMAC key for callback data

    def uow(self, read_only: bool = False) -> UnitOfWork:
        """A unit of work; ``read_only`` for answers and lists (no write lock, cannot commit)."""
        return UnitOfWork(self.sessions, read_only=read_only)

    def now(self) -> datetime:
        return self.clock().astimezone(self.settings.timezone)

    def today(self) -> date:
        return self.now().date()

    async def calendar(self, session: Session) -> Any:
        """The working-day calendar with the deployment's extra days off."""
        return await work_calendar(session)

    def sign(self, chat_id: int, payload: str) -> str:
        """``payload`` plus a short HMAC bound to the chat, for callback data (< 64 bytes)."""
        return signing.sign(self.key, chat_id, payload)

    def verify(self, chat_id: int, data: str) -> list[str] | None:
        """The payload's fields when the signature holds for this chat, else None."""
        return signing.verify(self.key, chat_id, data)


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """The handlers' context: ``context.services`` is typed."""

    @property
    def services(self) -> Services:
        svc = self.application.bot_data["services"]
        assert isinstance(svc, Services)
        return svc


CONTEXT_TYPES = ContextTypes(context=BotContext)
App = Application[Any, BotContext, Any, Any, Any, Any]


def is_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)


async def reply(update: Update, html: str, **kwargs: Any) -> Message | None:
    """Send ``html`` to the update's chat, split under the limit and cut after a few messages
    (``capped_parts``); markup goes on the last part."""
    chat = update.effective_chat
    if chat is None:
        return None
    parts = capped_parts(html)
    markup = kwargs.pop("reply_markup", None)
    sent = None
    for i, part in enumerate(parts):
        sent = await chat.send_message(
            part,
            parse_mode=ParseMode.HTML,
            reply_markup=markup if i == len(parts) - 1 else None,
            **kwargs,
        )
    return sent


async def who(update: Update, context: BotContext) -> Officer | None:
    """The officer behind the update (first administrators are created on sight)."""
    user = update.effective_user
    if user is None:
        return None
    svc = context.services
    # Every update asks this: read without the write lock (on SQLite a write unit of work would
    # queue each message behind the reminders' commits); write only to create an administrator.
    async with svc.uow(read_only=True) as uow:
        found = await officers.get_officer(uow, user.id)
    if found is not None or user.id not in svc.settings.admin_ids:
        return found
    async with svc.uow() as uow:
        found = await officers.identify(
            uow, user.id, user.full_name, svc.settings.admin_ids, svc.now()
        )
    return found


STALE = "Nút này không hợp lệ hoặc đã cũ."


async def pressed(update: Update, context: BotContext, *prefixes: str) -> list[str] | None:
    """The fields of a button press signed for this chat with one of ``prefixes``, else None
    after telling the presser the button is forged or stale."""
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    fields = context.services.verify(chat.id, query.data or "")
    if fields is None or fields[0] not in prefixes:
        await query.answer(STALE, show_alert=True)
        return None
    return fields


NOT_REGISTERED = "Anh/chị chưa đăng ký. Gõ /start để đăng ký với đơn vị của mình."
PENDING = f"Đăng ký của anh/chị đang chờ {TEAM} duyệt."
REMOVED = f"Tài khoản của anh/chị đã bị gỡ khỏi hệ thống. Hãy liên hệ {TEAM} nếu cần."
REJECTED = f"Đăng ký của anh/chị đã bị từ chối. Hãy liên hệ {TEAM}."


def refusal(officer: Officer | None) -> str | None:
    """Why this person may not use officer features, or None when they may."""
    if officer is None:
        return NOT_REGISTERED
    return {"pending": PENDING, "removed": REMOVED, "rejected": REJECTED}.get(officer.status)


async def active_officer(update: Update, context: BotContext) -> Officer | None:
    """The active officer, or None after telling the user why not."""
    officer = await who(update, context)
    why = refusal(officer)
    if why is not None:
        await answer_or_reply(update, why)
        return None
    return officer


async def coordinator(
    update: Update, context: BotContext, refusal_text: str, private_only: str | None = None
) -> Officer | None:
    """The active coordinator (or administrator) behind a command, or None after saying why
    not; with ``private_only`` (the refusal text), the command is refused in a group."""
    if private_only is not None and is_group(update):
        await reply(update, private_only)
        return None
    officer = await active_officer(update, context)
    if officer is None:
        return None
    if not officer.is_coordinator:
        await reply(update, refusal_text)
        return None
    return officer


async def pressing_officer(
    update: Update, context: BotContext, *prefixes: str, coordinator_only: str | None = None
) -> tuple[list[str], Officer] | None:
    """A verified button press (``pressed``) by an active officer, or None after saying why not.

    With ``coordinator_only`` (the refusal text), the presser must also be a coordinator.
    """
    fields = await pressed(update, context, *prefixes)
    if fields is None:
        return None
    officer = await active_officer(update, context)
    if officer is None:
        return None
    if coordinator_only is not None and not officer.is_coordinator:
        await answer_or_reply(update, coordinator_only)
        return None
    return fields, officer


async def answer_or_reply(update: Update, text: str) -> None:
    """A refusal: as a callback alert for a button press, as a message otherwise."""
    if update.callback_query is not None:
        await update.callback_query.answer(text, show_alert=True)
    else:
        await reply(update, text)


async def scope_unit(update: Update, context: BotContext, officer: Officer | None) -> int | None:
    """The unit whose tasks this chat may see: the group's linked unit, or the officer's own."""
    chat = update.effective_chat
    assert chat is not None
    if is_group(update):
        async with context.services.uow(read_only=True) as uow:
            unit_id = await groups.group_unit(uow, chat.id)
        if unit_id is None:
            await answer_or_reply(
                update,
                "Nhóm này chưa liên kết với đơn vị nào. Cán bộ của đơn vị là quản trị nhóm gõ /nhom TÊN ĐƠN VỊ.",
            )
        return unit_id
    if officer is None or officer.unit_id is None:
        await answer_or_reply(update, "Tài khoản của anh/chị chưa gắn với đơn vị nào.")
        return None
    return officer.unit_id
