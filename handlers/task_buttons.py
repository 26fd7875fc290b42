"""The buttons under each task: ✅ Xong, ⏰ Nhắc sau (1 or 3 working days), 📄 Chi tiết, and the
↩️ Hoàn tác under a ✅ confirmation.

Every press is verified (signed for this chat, the reminders' buttons too) and checked against
the presser's rights before anything changes. ✅ and ⏰ draw the very message pressed again (a
task list from its kind and page, a reminder from its outbox rows): the task marked, its buttons
gone, the other tasks' buttons kept.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler

from bot.errors import TthcError
from bot.phrases import (
    BUTTON_UNDO,
    DONE_BEFORE,
    UNDO_GONE,
    UNDO_MINUTES,
    UNDO_NOT_ALLOWED,
    done_confirmation,
    snooze_choice,
    snooze_mark,
    undone,
)
from bot.reminders import gather
from bot.reminders.policy import from_settings
from bot.reminders.texts import DONE_PREFIX, SNOOZE_PREFIX
from handlers import (
    task_detail,  # 📄 Chi tiết; a module: task_detail imports assign, which imports this
)
from handlers.context import (
    STALE,
    App,
    BotContext,
    active_officer,
    answer_or_reply,
    is_group,
    reply,
)
from handlers.evidence import offer_evidence  # i16-evidence: 📎 after ✅
from handlers.formatting import (
    button,
    e,
    format_day,
    inline,
    shorten,
)
from handlers.presses import (
    MAX_ID,
    OLD_REMINDER,
    REMINDER_PREFIXES,
    day,
    parse_day,
    verified,
)
from handlers.tasks import list_where, show_list
from reminders.telegram_port import remaining_buttons
from services import groups, progress, unit_lookup, unit_tasks
from services.officers import Officer
from services.sent_reminders import sent_message
from services.unit_tasks import TaskLine

__all__ = ["MAX_ID", "OLD_REMINDER", "REMINDER_PREFIXES", "day", "parse_day", "verified"]

REMINDER = "r"  # where a press was: a reminder message (drawn again from its outbox rows)
NOWHERE = "-"  # an old button or a message that cannot be drawn again


async def presser_unit(update: Update, context: BotContext) -> tuple[Officer, int] | None:
    """Changing a task needs an active officer with a unit (in a group: of the group's unit)."""
    officer = await active_officer(update, context)
    if officer is None:
        return None
    if officer.unit_id is None:
        await answer_or_reply(update, "Tài khoản của anh/chị chưa gắn với đơn vị nào.")
        return None
    if is_group(update):
        chat = update.effective_chat
        assert chat is not None
        async with context.services.uow(read_only=True) as uow:
            group_unit = await groups.group_unit(uow.session, chat.id)
        if group_unit != officer.unit_id:
            await answer_or_reply(update, "Anh/chị không thuộc đơn vị của nhóm này.")
            return None
    return officer, officer.unit_id


async def task_press(
    update: Update, context: BotContext, prefix: str
) -> tuple[list[str], Officer, int] | None:
    """A verified press on a task button by someone who may act for the task's unit."""
    fields = await verified(update, context, prefix)
    if fields is None:
        return None
    who = await presser_unit(update, context)
    if who is None:
        return None
    return fields, who[0], who[1]


def where_pressed(update: Update, fields: list[str], at: int) -> str:
    """Where the press was: a list (``kind arg . page``), a reminder, or neither."""
    if len(fields) > at:
        return fields[at]
    data = (update.callback_query.data if update.callback_query else "") or ""
    return REMINDER if data.startswith((DONE_PREFIX + ":", SNOOZE_PREFIX + ":")) else NOWHERE


async def redraw(
    update: Update,
    context: BotContext,
    where: str,
    unit_id: int,
    officer: Officer,
    message_id: int | None = None,
) -> None:
    """Draw again the message a task was acted on (``message_id``, else the one pressed)."""
    listed = list_where(where)
    if listed is not None:
        kind, arg, page = listed
        await show_list(update, context, kind, arg, unit_id, page, officer_id=officer.id,
                        acted=True, edit_id=message_id)  # fmt: skip
        return
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    if where != REMINDER:
        if message_id is None:  # an old list button: just that task's row goes
            with contextlib.suppress(TelegramError):
                await query.edit_message_reply_markup(remaining_buttons(query))
        return
    mid = message_id if message_id is not None else getattr(query.message, "message_id", None)
    svc = context.services
    async with svc.uow(read_only=True) as uow:
        sent = await sent_message(uow.session, chat.id, mid, svc.settings.timezone) if mid else None  # fmt: skip
        if sent is not None:
            batch, lines = sent
            occurrences = [(r.task_id, r.due_date) for r in batch.rows if r.task_id is not None]
            marks = await progress.marks(uow, unit_id, officer.id, list(occurrences),
                                         svc.now(), svc.settings.timezone)  # fmt: skip
    if sent is None:
        if message_id is None:
            with contextlib.suppress(TelegramError):
                await query.edit_message_reply_markup(remaining_buttons(query))
        return
    dated = {(t, d): mark for (t, d), mark in marks.items() if d is not None}
    item = gather.message(batch, lines, dated)
    markup = None
    if item.buttons:
        markup = InlineKeyboardMarkup(
            [[InlineKeyboardButton(label, callback_data=svc.sign(chat.id, data)) for label, data in row]
             for row in item.buttons]
        )  # fmt: skip
    with contextlib.suppress(TelegramError):  # gone, or already as drawn
        await context.bot.edit_message_text(item.text, chat_id=chat.id, message_id=mid,
                                            parse_mode="HTML", reply_markup=markup)  # fmt: skip


@dataclass(frozen=True)
class Tap:
    """A ✅ recorded: which occurrence, for which unit, by whom, and where it was pressed."""

    line: TaskLine
    unit_id: int
    unit_name: str
    officer: Officer
    recorded: bool  # False when the unit had marked it before
    where: str
    message_id: int | None


async def press_done(update: Update, context: BotContext) -> None:
    press = await task_press(update, context, "d")
    if press is None:
        return
    fields, officer, unit_id = press
    svc = context.services
    task_id, due = int(fields[0]), parse_day(fields[1])
    try:
        async with svc.uow() as uow:
            line = await unit_tasks.task_line(uow, task_id, unit_id, due)
            result = await progress.mark_done(uow, task_id, unit_id, due, officer.id, svc.now())
            name = await unit_lookup.unit_name(uow, unit_id)
    except TthcError as exc:
        await answer_or_reply(update, exc.message)
        return
    query = update.callback_query
    assert query is not None
    await query.answer("Đã ghi nhận hoàn thành." if result.recorded else DONE_BEFORE)
    where = where_pressed(update, fields, 2)
    await redraw(update, context, where, unit_id, officer)
    mid = getattr(query.message, "message_id", None)
    await confirm_done(update, context, Tap(line, unit_id, name, officer, result.recorded, where, mid))  # fmt: skip


async def confirm_done(update: Update, context: BotContext, tap: Tap) -> None:
    """The hook after a ✅ is recorded: say what was recorded for which unit, with ↩️ Hoàn tác
    for ten minutes, then offer to attach the report (i16-evidence)."""
    what = f"{tap.line.ref} {shorten(tap.line.content, 120)}".strip()
    if tap.recorded:
        text = done_confirmation(tap.unit_name, what) + f"\nHạn: {format_day(tap.line.last_day)}"
        markup = inline([[button(BUTTON_UNDO, undo_data(context, update, tap))]])
        await reply(update, e(text), reply_markup=markup)
    else:  # marked before: nothing to take back, the report may still be attached
        await reply(update, f"✅ {e(DONE_BEFORE)}\n{e(what)}")
    await offer_evidence(update, context, task_id=tap.line.task_id, due=tap.line.due_date,
                         unit_id=tap.unit_id)  # fmt: skip


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


def _from_b36(s: str) -> int | None:
    return int(s, 36) if 0 < len(s) <= 8 and s.isalnum() else None


def _minute(context: BotContext) -> int:
    return int(context.services.now().timestamp() // 60)


def undo_data(context: BotContext, update: Update, tap: Tap) -> str:
    """``un:<task>:<day>:<unit>:<until>:<message>:<where>`` (numbers base 36), signed."""
    chat = update.effective_chat
    assert chat is not None
    until = _minute(context) + UNDO_MINUTES
    where = tap.where if len(tap.where) <= 8 else NOWHERE
    payload = (f"un:{_b36(tap.line.task_id)}:{day(tap.line.due_date)}:{_b36(tap.unit_id)}:"
               f"{_b36(until)}:{_b36(tap.message_id or 0)}:{where}")  # fmt: skip
    return context.services.sign(chat.id, payload)


async def may_undo(update: Update, context: BotContext, unit_id: int) -> Officer | None:
    """The same unit's officer (in a group: the group's unit) or a coordinator."""
    officer = await active_officer(update, context)
    if officer is None:
        return None
    if officer.is_coordinator:
        return officer
    same = officer.unit_id == unit_id
    if same and is_group(update):
        chat = update.effective_chat
        assert chat is not None
        async with context.services.uow(read_only=True) as uow:
            same = await groups.group_unit(uow.session, chat.id) == unit_id
    if not same:
        await answer_or_reply(update, UNDO_NOT_ALLOWED)
        return None
    return officer


async def press_undo(update: Update, context: BotContext) -> None:
    """↩️ Hoàn tác: the ✅ taken back within ten minutes; the message pressed is drawn again."""
    fields = await verified(update, context, "un")
    if fields is None or len(fields) != 6:
        return
    query = update.callback_query
    assert query is not None
    task_id, unit_id = _from_b36(fields[0]), _from_b36(fields[2])
    until, mid = _from_b36(fields[3]), _from_b36(fields[4])
    if None in (task_id, unit_id, until, mid) or not 0 < (task_id or 0) <= MAX_ID:
        return
    assert task_id is not None and unit_id is not None and until is not None
    if _minute(context) > until:
        await query.answer(UNDO_GONE, show_alert=True)
        with contextlib.suppress(TelegramError):
            await query.edit_message_reply_markup(None)
        return
    officer = await may_undo(update, context, unit_id)
    if officer is None:
        return
    due, svc = parse_day(fields[1]), context.services
    try:
        async with svc.uow() as uow:
            line = await unit_tasks.task_line(uow, task_id, unit_id, due)
            taken = await progress.undo_done(uow, task_id, unit_id, due, officer.id, svc.now())  # fmt: skip
            name = await unit_lookup.unit_name(uow, unit_id)
    except TthcError as exc:
        await answer_or_reply(update, exc.message)
        return
    await query.answer("Đã hoàn tác." if taken else "Việc này hiện chưa được ghi nhận hoàn thành.")
    what = f"{line.ref} {shorten(line.content, 120)}".strip()
    with contextlib.suppress(TelegramError):
        await query.edit_message_text(e(undone(name, what)), parse_mode="HTML")
    if mid:
        await redraw(update, context, fields[5], unit_id, officer, message_id=mid)


def _choices(
    query_data: str, markup: object, task: str, due: str, where: str, sign: object
) -> InlineKeyboardMarkup | None:
    """The pressed message's buttons with the pressed ⏰'s row become ✅ · ⏰ 1 ngày · ⏰ 3 ngày."""
    if not isinstance(markup, InlineKeyboardMarkup) or not callable(sign):
        return None
    rows: list[list[InlineKeyboardButton]] = []
    found = False
    for row in markup.inline_keyboard:
        if any(b.callback_data == query_data for b in row):
            found = True
            keep = [b for b in row if str(b.text).startswith("✅")]
            rows.append(keep + [InlineKeyboardButton(snooze_choice(n), callback_data=sign(f"z:{task}:{due}:{n}:{where}"))
                                for n in (1, 3)])  # fmt: skip
        else:
            rows.append(list(row))
    return InlineKeyboardMarkup(rows) if found else None


async def press_snooze_menu(update: Update, context: BotContext) -> None:
    """⏰ Nhắc sau: the pressed task's row offers 1 or 3 working days, in the same message."""
    fields = await verified(update, context, "s")
    presser = await presser_unit(update, context) if fields is not None else None
    if fields is None or presser is None:
        return
    unit_id = presser[1]
    svc = context.services
    chat, query = update.effective_chat, update.callback_query
    assert chat is not None and query is not None
    task_id, due = fields[0], fields[1]
    try:
        async with svc.uow(read_only=True) as uow:
            line = await unit_tasks.task_line(uow, int(task_id), unit_id, parse_day(due))
    except TthcError as exc:
        await answer_or_reply(update, exc.message)
        return
    where = where_pressed(update, fields, 2)
    markup = _choices(query.data or "", getattr(query.message, "reply_markup", None), task_id,
                      due, where, lambda p: svc.sign(chat.id, p))  # fmt: skip
    what = f"<b>{e(line.ref)}</b> {e(shorten(line.content, 80))}"
    if markup is None:  # not on a message of ours: ask in a new one
        await query.answer()
        rows = [[button(snooze_choice(n), svc.sign(chat.id, f"z:{task_id}:{due}:{n}:{NOWHERE}")) for n in (1, 3)]]  # fmt: skip
        await reply(
            update, f"⏰ Nhắc sau việc {what}: chọn số ngày làm việc.", reply_markup=inline(rows)
        )
        return
    await query.answer(f"⏰ Nhắc sau việc {line.ref}: chọn 1 hoặc 3 ngày làm việc.")
    with contextlib.suppress(TelegramError):
        await query.edit_message_reply_markup(markup)


async def press_snooze(update: Update, context: BotContext) -> None:
    press = await task_press(update, context, "z")
    if press is None:
        return
    fields, officer, unit_id = press
    svc = context.services
    if fields[2] not in ("1", "3"):  # signed, so only an old or altered button gets here
        await answer_or_reply(update, STALE)
        return
    task_id, due, days = int(fields[0]), parse_day(fields[1]), int(fields[2])
    now = svc.now()
    hour = from_settings(officer.settings).hour
    try:
        async with svc.uow() as uow:
            until = progress.snooze_until(now, days, hour, await svc.calendar(uow.session))
            line = await unit_tasks.task_line(uow, task_id, unit_id, due)
            await progress.snooze(uow, task_id, officer.id, due, until, now)
    except TthcError as exc:
        await answer_or_reply(update, exc.message)
        return
    query = update.callback_query
    assert query is not None
    mark = snooze_mark(until.date(), hour)
    await query.answer(f"{mark}.")
    where = where_pressed(update, fields, 3)
    if where == NOWHERE:  # the question message of an old button: it becomes the answer
        with contextlib.suppress(TelegramError):
            await query.edit_message_text(f"{e(mark)}: {e(line.content[:200])}", parse_mode="HTML")
        return
    await redraw(update, context, where, unit_id, officer)


def register(app: App) -> None:
    """✅ Xong, ⏰ Nhắc sau (and the reminder sender's rd:/rs: buttons), 📄 Chi tiết, ↩️ Hoàn tác."""
    app.add_handler(CallbackQueryHandler(press_done, pattern=rf"^(d|{DONE_PREFIX}):"))
    app.add_handler(CallbackQueryHandler(press_snooze_menu, pattern=rf"^(s|{SNOOZE_PREFIX}):"))
    app.add_handler(CallbackQueryHandler(press_snooze, pattern=r"^z:"))
    app.add_handler(CallbackQueryHandler(task_detail.press_detail, pattern=r"^i:"))
    app.add_handler(CallbackQueryHandler(press_undo, pattern=r"^un:"))
