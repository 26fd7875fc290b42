"""The buttons under each task: ✅ Xong, ⏰ Nhắc lại sau (1 or 3 days), 📄 Chi tiết.

Every press is verified (signed for this chat, the reminders' buttons too) and checked against
the presser's rights before anything changes.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime, time, timedelta

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler

from bot.errors import NotAllowed, TthcError
from handlers import assign as assigning
from handlers.context import (
    STALE,
    App,
    BotContext,
    active_officer,
    answer_or_reply,
    is_group,
    reply,
    scope_unit,
)
from handlers.evidence import offer_evidence  # i16-evidence: 📎 after ✅
from handlers.formatting import (
    CUT_NOTE,
    button,
    clip,
    e,
    format_day,
    inline,
    role_label,
    shorten,
)
from reminders.policy import from_settings
from reminders.telegram_port import remaining_buttons
from reminders.texts import DONE_PREFIX, SNOOZE_PREFIX, parse_callback
from services import groups, progress, unit_tasks
from services.officers import Officer

# The reminder sender's buttons (``rd:``/``rs:``) lead to the same actions as ``d:``/``s:``.
REMINDER_PREFIXES = {"d": DONE_PREFIX, "s": SNOOZE_PREFIX}
OLD_REMINDER = "Nút của tin nhắc việc này đã cũ. Gõ /quahan hoặc /sapden để xem và đánh dấu việc."
MAX_ID = 2**31 - 1  # task ids are 32-bit integers (PostgreSQL); a larger one is forged


def day(d: date | None) -> str:
    """An occurrence in callback data: yyyymmdd, or 0 for an undated task."""
    return d.strftime("%Y%m%d") if d else "0"


def parse_day(s: str) -> date | None:
    return None if s == "0" else datetime.strptime(s, "%Y%m%d").date()


async def verified(update: Update, context: BotContext, prefix: str) -> list[str] | None:
    """The verified fields of a press, or None after answering that it is forged or stale.

    The reminder sender's ``rd:``/``rs:`` buttons are signed like every other button; an unsigned
    one (sent before buttons were signed) is refused as stale.
    """
    query = update.callback_query
    chat = update.effective_chat
    assert query is not None and chat is not None
    data = query.data or ""
    fields = context.services.verify(chat.id, data)
    reminder = REMINDER_PREFIXES.get(prefix)
    if fields is None and reminder is not None and parse_callback(data) is not None:
        await query.answer(OLD_REMINDER, show_alert=True)  # unsigned: sent before signing
        return None
    if fields is not None and reminder is not None and fields[0] == reminder:
        parsed = parse_callback(":".join(fields))
        if parsed is not None and 0 < parsed[1] <= MAX_ID:
            return [str(parsed[1]), day(parsed[2])]
        fields = None
    if fields is None or fields[0] != prefix:
        await query.answer(STALE, show_alert=True)
        return None
    return fields[1:]


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


async def press_done(update: Update, context: BotContext) -> None:
    press = await task_press(update, context, "d")
    if press is None:
        return
    fields, officer, unit_id = press
    svc = context.services
    task_id, due = int(fields[0]), parse_day(fields[1])
    try:
        async with svc.uow() as uow:
            line = await unit_tasks.task_line(uow.session, task_id, unit_id, due)
            result = await progress.mark_done(
                uow.session, task_id, unit_id, due, officer.id, svc.now()
            )
            await uow.commit()
    except TthcError as exc:
        await answer_or_reply(update, exc.message)
        return
    assert update.callback_query is not None
    note = (
        "Đã ghi nhận hoàn thành."
        if result.recorded
        else "Việc này đã được ghi nhận hoàn thành trước đó."
    )
    await update.callback_query.answer(note)
    if (update.callback_query.data or "").startswith(DONE_PREFIX + ":"):
        # That task's buttons have done their work (an overdue list keeps the other tasks' rows).
        with contextlib.suppress(TelegramError):
            await update.callback_query.edit_message_reply_markup(
                remaining_buttons(update.callback_query)
            )
    await reply(update, f"✅ {note}\n{e(line.content[:200])} — hạn {e(format_day(line.last_day))}")
    await offer_evidence(update, context, task_id=task_id, due=due, unit_id=unit_id)  # i16-evidence


async def press_snooze_menu(update: Update, context: BotContext) -> None:
    fields = await verified(update, context, "s")
    presser = await presser_unit(update, context) if fields is not None else None
    if fields is None or presser is None:
        return
    unit_id = presser[1]
    svc = context.services
    chat = update.effective_chat
    assert chat is not None and update.callback_query is not None
    task_id, due = fields[0], fields[1]
    # Named in the question: pressed on a list of several overdue tasks, "this task" is unclear.
    try:
        async with svc.uow(read_only=True) as uow:
            line = await unit_tasks.task_line(uow.session, int(task_id), unit_id, parse_day(due))
    except TthcError as exc:
        await answer_or_reply(update, exc.message)
        return
    await update.callback_query.answer()
    rows = [[button(f"⏰ {n} ngày", svc.sign(chat.id, f"z:{task_id}:{due}:{n}")) for n in (1, 3)]]
    what = f"<b>{e(line.ref)}</b> {e(shorten(line.content, 80))}"
    await reply(update, f"Nhắc việc {what} sau:", reply_markup=inline(rows))


async def press_snooze(update: Update, context: BotContext) -> None:
    press = await task_press(update, context, "z")
    if press is None:
        return
    fields, officer, unit_id = press
    svc = context.services
    task_id, due, days = int(fields[0]), parse_day(fields[1]), int(fields[2])
    now = svc.now()
    hour = from_settings(officer.settings).hour
    until = datetime.combine(now.date() + timedelta(days=days), time(hour), now.tzinfo)
    try:
        async with svc.uow() as uow:
            line = await unit_tasks.task_line(uow.session, task_id, unit_id, due)
            await progress.snooze(uow.session, task_id, officer.id, due, until, now)
            await uow.commit()
    except TthcError as exc:
        await answer_or_reply(update, exc.message)
        return
    assert update.callback_query is not None
    await update.callback_query.answer(f"Sẽ nhắc lại sau {days} ngày.")
    await update.callback_query.edit_message_text(
        f"⏰ Sẽ nhắc lại {e(format_day(until.date()))} lúc {hour} giờ: {e(line.content[:200])}",
        parse_mode="HTML",
    )


async def press_detail(update: Update, context: BotContext) -> None:
    """📄 Chi tiết: the whole task, for whoever may read it (the unit, its group, coordinators)."""
    fields = await verified(update, context, "i")
    if fields is None:
        return
    task_id, due = int(fields[0]), parse_day(fields[1])
    officer = None
    if is_group(update):
        unit_id, read_all = await scope_unit(update, context, None), False
        if unit_id is None:
            return
    else:
        officer = await active_officer(update, context)
        if officer is None:
            return
        unit_id, read_all = officer.unit_id, officer.is_coordinator
    try:
        async with context.services.uow(read_only=True) as uow:
            if not read_all:
                if unit_id is None:
                    raise NotAllowed("Tài khoản của anh/chị chưa gắn với đơn vị nào.")
                await unit_tasks.task_line(uow.session, task_id, unit_id, due)
            d = await unit_tasks.task_detail(uow.session, task_id)
    except TthcError as exc:
        await answer_or_reply(update, exc.message)
        return
    assert update.callback_query is not None and update.effective_chat is not None
    # Assigned in the reader's unit: "đã giao cho …", and ↩️ Trả lại for the assignee.
    note, markup = await assigning.detail_note(context.services, update.effective_chat.id,
                                               officer, unit_id, task_id, due, not is_group(update))  # fmt: skip
    await update.callback_query.answer()
    await reply(update, detail_html(d, task_id, due) + note, reply_markup=markup)


# Characters of each stored field a 📄 Chi tiết shows (a crafted plan's cell can hold megabytes):
# together they fit in three messages.
DETAIL_LIMITS = {"content": 3000, "result": 1200, "notes": 1200, "deadline": 400, "units": 900}


def detail_html(d: dict[str, object], task_id: int, due: date | None) -> str:
    """The 📄 Chi tiết text, each field clipped; a note says when something was cut."""
    cut = False

    def field(name: str, text: object) -> str:
        nonlocal cut
        full = str(text)
        short = clip(full, DETAIL_LIMITS[name])
        cut = cut or short != full
        return e(short)

    parts = [
        f"📄 <b>Mục {e(clip(str(d['ref']), 40))}</b> — {e(clip(str(d['plan'] or ''), 300))} "
        f"(mã việc #{task_id})",
        field("content", d["content"]),
    ]
    if d["result"]:
        parts.append(f"<b>Sản phẩm:</b> {field('result', d['result'])}")
    parts.append(f"<b>Thời hạn:</b> {field('deadline', d['deadline'] or 'không ghi')}")
    if due:
        parts.append(f"<b>Hạn:</b> {e(format_day(due))}")
    for role in ("lead", "support"):
        names = d[role]
        if isinstance(names, list) and names:
            label = role_label(role).capitalize()
            parts.append(f"<b>{label}:</b> {field('units', ', '.join(map(str, names)))}")
    if d["notes"]:
        parts.append(f"<b>Ghi chú:</b> {field('notes', d['notes'])}")
    if cut:
        parts.append(CUT_NOTE)
    return "\n".join(parts)


def register(app: App) -> None:
    """✅ Xong, ⏰ Nhắc lại sau (and the reminder sender's rd:/rs: buttons), 📄 Chi tiết."""
    app.add_handler(CallbackQueryHandler(press_done, pattern=rf"^(d|{DONE_PREFIX}):"))
    app.add_handler(CallbackQueryHandler(press_snooze_menu, pattern=rf"^(s|{SNOOZE_PREFIX}):"))
    app.add_handler(CallbackQueryHandler(press_snooze, pattern=r"^z:"))
    app.add_handler(CallbackQueryHandler(press_detail, pattern=r"^i:"))
