"""📎 The report attached after ✅ (issue 16): the offer, the wait for a number or a file, and a
coordinator's 📎 on the status board that gets the file re-sent.

Private chats only (in a group the bot sees only commands and replies). What the next message is
for is kept in the store (``services.evidence``), the buttons are signed for the chat, and every
press and message checks the sender's rights again.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime

from telegram import InlineKeyboardButton, Message, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, CallbackQueryHandler, MessageHandler, filters

from bot import phrases
from bot.errors import TthcError
from bot.evidence import looks_like_number
from bot.vndate import short_date
from handlers import status as status_view  # read at call time: handlers.status imports this
from handlers.context import (
    STALE,
    App,
    BotContext,
    Services,
    active_officer,
    answer_or_reply,
    is_group,
    pressing_officer,
    reply,
)
from handlers.formatting import button, clip, e, inline
from services import evidence
from services.evidence import WAIT_FOR, Attached
from services.status import Board
from store.evidence_repo import FileRef

ATTACH, SKIP, FETCH = "ea", "es", "ef"
MAX_BOARD_FILES = 20  # 📎 buttons under one board; the Excel file names every file


def _day(d: date | None) -> str:
    return d.strftime("%Y%m%d") if d else "0"


def _parse_day(s: str) -> date | None:
    return None if s == "0" else datetime.strptime(s, "%Y%m%d").date()


def _markup(svc: Services, chat_id: int, task_id: int, due: date | None, unit_id: int, *, attach: bool = True):  # type: ignore[no-untyped-def]  # fmt: skip
    data = f"{task_id}:{_day(due)}:{unit_id}"
    row = [button(phrases.BUTTON_ATTACH, svc.sign(chat_id, f"{ATTACH}:{data}"))] if attach else []
    row.append(button(phrases.BUTTON_SKIP, svc.sign(chat_id, f"{SKIP}:{data}")))
    return inline([row])


async def offer_evidence(
    update: Update, context: BotContext, *, task_id: int, due: date | None, unit_id: int
) -> None:
    """After ✅ in a private chat: offer 📎 Gửi kèm báo cáo / Bỏ qua (nothing is waited for yet,
    so a question typed next is answered as usual)."""
    chat = update.effective_chat
    if chat is None or is_group(update):
        return
    markup = _markup(context.services, chat.id, task_id, due, unit_id)
    await reply(update, e(phrases.EVIDENCE_OFFER), reply_markup=markup)


def _fields(fields: list[str]) -> tuple[int, date | None, int] | None:
    try:
        return int(fields[1]), _parse_day(fields[2]), int(fields[3])
    except (ValueError, IndexError):
        return None


async def press_attach(update: Update, context: BotContext) -> None:
    """📎 Gửi kèm báo cáo: wait (in the store) for this officer's next number or file."""
    press = await pressing_officer(update, context, ATTACH)
    if press is None:
        return
    parsed = _fields(press[0])
    query, chat, svc = update.callback_query, update.effective_chat, context.services
    assert query is not None and chat is not None
    if parsed is None or is_group(update):
        await query.answer(STALE, show_alert=True)
        return
    task_id, due, unit_id = parsed
    prompt = query.message.message_id if query.message is not None else None
    try:
        async with svc.uow() as uow:
            await evidence.start(uow, press[1], chat.id, task_id, due, unit_id, prompt, svc.now())
    except TthcError as exc:
        await answer_or_reply(update, exc.message)
        return
    await query.answer()
    text = phrases.EVIDENCE_ASK.format(minutes=int(WAIT_FOR.total_seconds() // 60))
    markup = _markup(svc, chat.id, task_id, due, unit_id, attach=False)
    with contextlib.suppress(TelegramError):
        await query.edit_message_text(e(text), parse_mode="HTML", reply_markup=markup)


async def press_skip(update: Update, context: BotContext) -> None:
    """Bỏ qua: nothing attached, the wait (if any) dropped, the completion untouched."""
    press = await pressing_officer(update, context, SKIP)
    if press is None:
        return
    query, chat, user = update.callback_query, update.effective_chat, update.effective_user
    assert query is not None and chat is not None and user is not None
    async with context.services.uow() as uow:
        await evidence.skip(uow, chat.id, user.id)
    await query.answer()
    with contextlib.suppress(TelegramError):
        await query.edit_message_text(e(phrases.EVIDENCE_SKIPPED), parse_mode="HTML")


def _file(message: Message) -> FileRef | None:
    doc = message.document
    if doc is None:
        return None
    return FileRef(doc.file_id, doc.file_unique_id, doc.file_name, doc.file_size, doc.mime_type)


async def on_message(update: Update, context: BotContext) -> None:
    """A private message while a wait is open: a file, or a number (typed in reply to the
    prompt, or shaped like one), is attached; anything else goes on to the other handlers."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return
    svc = context.services
    async with svc.uow(read_only=True) as uow:
        wait = await evidence.pending(uow, chat.id, user.id, svc.now())
    if wait is None:
        return
    file = _file(message)
    if file is None and message.photo:
        await reply(update, e(phrases.EVIDENCE_PHOTO))
        raise ApplicationHandlerStop
    text = message.text or ""
    if file is None:
        answered = message.reply_to_message is not None and message.reply_to_message.message_id == wait.prompt_id  # fmt: skip
        if not answered and not looks_like_number(text):
            return  # a question asked meanwhile: answered as usual, the wait stays
    officer = await active_officer(update, context)
    if officer is None:
        raise ApplicationHandlerStop
    caption = message.caption if message.caption and looks_like_number(message.caption) else None
    try:
        async with svc.uow() as uow:
            if file is not None:
                done = await evidence.attach_file(uow, officer, wait, file, svc.now(), number=caption)  # fmt: skip
            else:
                done = await evidence.attach_number(uow, officer, wait, text, svc.now())
    except TthcError as exc:
        await reply(update, e(exc.message))
        raise ApplicationHandlerStop from None
    if wait.prompt_id is not None:
        with contextlib.suppress(TelegramError):  # the prompt's Bỏ qua has done its work
            await context.bot.edit_message_reply_markup(chat.id, wait.prompt_id, reply_markup=None)
    markup = _markup(svc, chat.id, done.task_id, done.due, wait.unit_id)
    await reply(update, attached_html(done), reply_markup=markup)
    raise ApplicationHandlerStop


def attached_html(done: Attached) -> str:
    """ "📎 Đã gửi kèm báo cáo số 123/BC-STP (việc mục 1, hạn 20/8/2025)."."""
    when = f", hạn {short_date(done.due)}" if done.due else ""
    line = phrases.evidence_attached(done.number, done.file_name).rstrip(".")
    return f"{e(line)} (việc mục <b>{e(done.ref)}</b>{e(when)})."


# --- the status board's 📎 ---------------------------------------------------------------------


def board_buttons(svc: Services, chat_id: int, b: Board) -> list[list[InlineKeyboardButton]]:
    """One 📎 per attached file on the board (at most ``MAX_BOARD_FILES``), for coordinators."""
    rows: list[list[InlineKeyboardButton]] = []
    for occ in b.occurrences:
        for u in occ.units:
            if u.evidence is None or u.evidence.file is None:
                continue
            if len(rows) == MAX_BOARD_FILES:
                return rows
            label = f"📎 {clip(occ.ref, 10)} · {clip(u.name, 28)}"
            rows.append([button(label, svc.sign(chat_id, f"{FETCH}:{u.evidence.id}"))])
    return rows


async def press_fetch(update: Update, context: BotContext) -> None:
    """📎 on the board: the file re-sent by its Telegram id, to a coordinator only."""
    press = await pressing_officer(
        update, context, FETCH, coordinator_only=status_view.NOT_COORDINATOR
    )
    if press is None:
        return
    fields, officer = press
    query, chat, svc = update.callback_query, update.effective_chat, context.services
    assert query is not None and chat is not None
    try:
        async with svc.uow(read_only=True) as uow:
            found = await evidence.fetch(uow, officer, int(fields[1]))
            caption = await evidence.caption(uow, found)
    except (TthcError, ValueError, IndexError) as exc:
        await answer_or_reply(update, exc.message if isinstance(exc, TthcError) else STALE)
        return
    assert found.file is not None
    try:
        await chat.send_document(found.file.file_id, caption=caption)
    except TelegramError:
        await query.answer(phrases.EVIDENCE_RESEND_FAILED, show_alert=True)
        return
    await query.answer()


def register(app: App) -> None:
    """The offer's 📎 / Bỏ qua, the board's 📎, and (before every other message handler) the
    number or file a waiting officer sends."""
    private = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE
    content = (filters.TEXT & ~filters.COMMAND) | filters.Document.ALL | filters.PHOTO
    app.add_handler(MessageHandler(private & content, on_message), group=-1)
    app.add_handler(CallbackQueryHandler(press_attach, pattern=rf"^{ATTACH}:"))
    app.add_handler(CallbackQueryHandler(press_skip, pattern=rf"^{SKIP}:"))
    app.add_handler(CallbackQueryHandler(press_fetch, pattern=rf"^{FETCH}:"))
