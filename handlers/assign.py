"""/giao assigns a unit's task (or one occurrence) to a named officer of the unit; the assignee
hands it back with ↩️ Trả lại or /tralai. Rights are checked in ``services.assignments``.

Both commands work in private chats only: typed in a group, /giao would announce the assignment
to the whole group.
"""

from __future__ import annotations

import contextlib
from datetime import date

from telegram import InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.assignment import assigned_note, read_day
from bot.errors import TthcError
from bot.phrases import delivery_failure
from bot.vndate import format_date
from handlers import task_buttons as tb  # read at call time: task_buttons imports this module
from handlers.context import (
    App,
    BotContext,
    Services,
    active_officer,
    answer_or_reply,
    is_group,
    pressing_officer,
    reply,
)
from handlers.formatting import button, e, inline, shorten
from services import assignments, unit_tasks
from services.assignments import Assigned, HandedBack
from services.officers import Officer
from store.assignments import Assignment

HAND_BACK = "↩️ Trả lại"
GIAO_HELP = (
    "Cú pháp: /giao MÃ_VIỆC [NGÀY] TÊN CÁN BỘ, ví dụ: /giao II.3 Nguyễn Văn A (cả việc) hoặc "
    "/giao II.3 20/12 Nguyễn Văn A (riêng hạn 20/12). Mã việc có trong 📄 Chi tiết."
)
TRALAI_HELP = "Cú pháp: /tralai MÃ_VIỆC [NGÀY], ví dụ: /tralai II.3 hoặc /tralai II.3 20/12."
PRIVATE_ONLY = "Lệnh /{} chỉ dùng trong tin nhắn riêng với bot; chưa thay đổi gì."


def _when(due: date | None) -> str:
    return f" (hạn {format_date(due)})" if due else ""


def hand_back_markup(svc: Services, chat_id: int, task_id: int, due: date | None) -> InlineKeyboardMarkup:  # fmt: skip
    """The ↩️ Trả lại button for the assignee's chat (``due`` None: the whole task)."""
    return inline([[button(HAND_BACK, svc.sign(chat_id, f"ra:{task_id}:{tb.day(due)}"))]])


def assigned_text(done: Assigned, by: Officer) -> str:
    """The message to the assignee."""
    who = "Anh/chị đã nhận" if by.id == done.assignee.id else f"📌 {e(by.name)} giao cho anh/chị"
    return (
        f"{who} việc mục <b>{e(done.ref)}</b>{e(_when(done.due))}:\n"
        f"{e(shorten(done.content, 600))}\n"
        "Lời nhắc việc này từ nay gửi cho anh/chị; các cán bộ khác của đơn vị không nhận nữa. "
        f"Nếu không phải việc của mình, bấm {HAND_BACK} hoặc gõ /tralai {e(done.ref)}."
    )


def detail_line(held: Assignment) -> str:
    """The line a 📄 Chi tiết gets when the task is assigned in the reader's unit."""
    return f"📌 <b>{e(assigned_note(held.officer_name, first=True))}</b>{e(_when(held.due))}"


async def detail_note(
    svc: Services, chat_id: int, officer: Officer | None, unit_id: int | None,
    task_id: int, due: date | None, private: bool,
) -> tuple[str, InlineKeyboardMarkup | None]:  # fmt: skip
    """For 📄 Chi tiết: the assignment line (or "") and, for the assignee in private, ↩️."""
    if unit_id is None:
        return "", None
    async with svc.uow(read_only=True) as uow:
        held = await assignments.holding(uow, task_id, unit_id, due, live=True)
    if held is None:
        return "", None
    mine = private and officer is not None and officer.id == held.officer_id
    return "\n" + detail_line(held), hand_back_markup(svc, chat_id, task_id, held.due) if mine else None  # fmt: skip


async def assign_command(update: Update, context: BotContext) -> None:
    """/giao MÃ_VIỆC [NGÀY] TÊN CÁN BỘ."""
    if is_group(update):
        await reply(update, PRIVATE_ONLY.format("giao"))
        return
    officer = await active_officer(update, context)
    if officer is None:
        return
    args = context.args or []
    dated = len(args) >= 3 and read_day(args[1]) is not None
    if len(args) < 2:
        await reply(update, e(GIAO_HELP))
        return
    name = " ".join(args[2:] if dated else args[1:])
    svc = context.services
    try:
        async with svc.uow() as uow:
            task_id = await unit_tasks.find_task(uow.session, args[0])
            due = await assignments.occurrence(uow, task_id, args[1], svc.today()) if dated else None  # fmt: skip
            target = await assignments.pick_assignee(uow, name, officer, task_id)
            done = await assignments.assign(uow, task_id, due, target, officer, svc.now())
    except TthcError as exc:
        await reply(update, e(exc.message))
        return
    assignee = done.assignee
    if assignee.id == officer.id:
        markup = hand_back_markup(svc, assignee.telegram_id, task_id, due)
        await reply(update, assigned_text(done, officer), reply_markup=markup)
        return
    note = ""
    try:
        if assignee.telegram_id > 0:  # an officer who joined on Zalo alone has a negative id
            await context.bot.send_message(
                assignee.telegram_id,
                assigned_text(done, officer),
                parse_mode="HTML",
                reply_markup=hand_back_markup(svc, assignee.telegram_id, task_id, due),
            )
    except TelegramError as exc:
        note = f"\nChưa gửi được tin: {e(delivery_failure(assignee.name, exc.message))}; việc vẫn đã giao."
    await reply(
        update,
        f"Đã giao việc mục <b>{e(done.ref)}</b> (mã việc #{done.task_id}){e(_when(due))} "
        f"cho {e(assignee.name)} — {e(done.unit_name)}. Các cán bộ khác của đơn vị thôi nhận "
        f"lời nhắc việc này; nhóm của đơn vị vẫn nhận.{note}",
    )


async def _handed_back(update: Update, context: BotContext, back: HandedBack, officer: Officer) -> str:  # fmt: skip
    """Tell who had assigned it (when someone else) and return the answer to the assignee."""
    if back.assigned_by is not None and back.assigned_by != officer.telegram_id:
        with contextlib.suppress(TelegramError):
            await context.bot.send_message(
                back.assigned_by,
                f"↩️ {e(officer.name)} đã trả lại việc mục <b>{e(back.ref)}</b>{e(_when(back.due))}; "
                "mọi cán bộ của đơn vị lại nhận lời nhắc việc này.",
                parse_mode="HTML",
            )
    return (
        f"↩️ Đã trả lại việc mục <b>{e(back.ref)}</b>{e(_when(back.due))}. "
        "Mọi cán bộ của đơn vị lại nhận lời nhắc việc này."
    )


async def hand_back_command(update: Update, context: BotContext) -> None:
    """/tralai MÃ_VIỆC [NGÀY]: the assignee gives the task back to the whole unit."""
    if is_group(update):
        await reply(update, PRIVATE_ONLY.format("tralai"))
        return
    officer = await active_officer(update, context)
    if officer is None:
        return
    args = context.args or []
    if not args or len(args) > 2:
        await reply(update, e(TRALAI_HELP))
        return
    svc = context.services
    try:
        async with svc.uow() as uow:
            task_id = await unit_tasks.find_task(uow.session, args[0])
            due = await assignments.occurrence(uow, task_id, args[1], svc.today()) if len(args) == 2 else None  # fmt: skip
            back = await assignments.hand_back(uow, task_id, due, officer, svc.now())
    except TthcError as exc:
        await reply(update, e(exc.message))
        return
    await reply(update, await _handed_back(update, context, back, officer))


async def press_hand_back(update: Update, context: BotContext) -> None:
    """↩️ Trả lại under an assignment message or a 📄 Chi tiết."""
    press = await pressing_officer(update, context, "ra")
    if press is None:
        return
    fields, officer = press
    svc = context.services
    try:
        async with svc.uow() as uow:
            back = await assignments.hand_back(
                uow, int(fields[1]), tb.parse_day(fields[2]), officer, svc.now()
            )
    except (TthcError, ValueError) as exc:
        await answer_or_reply(update, exc.message if isinstance(exc, TthcError) else "Nút này không hợp lệ hoặc đã cũ.")  # fmt: skip
        return
    query = update.callback_query
    assert query is not None
    await query.answer("Đã trả lại việc.")
    with contextlib.suppress(TelegramError):
        await query.edit_message_reply_markup(None)  # the button has done its work
    await reply(update, await _handed_back(update, context, back, officer))


def register(app: App) -> None:
    """/giao, /tralai and the ↩️ Trả lại button."""
    app.add_handler(CommandHandler("giao", assign_command))
    app.add_handler(CommandHandler("tralai", hand_back_command))
    app.add_handler(CallbackQueryHandler(press_hand_back, pattern=r"^ra:"))
