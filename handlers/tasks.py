"""Task lists (/viec /sapden /quahan /tuan /thang /donvi /xong, the reply keyboard) and the
per-task buttons ✅ Xong, ⏰ Nhắc lại sau, 📄 Chi tiết, with paging."""

from __future__ import annotations

import calendar as pycal
from datetime import date, datetime, time, timedelta

from telegram import InlineKeyboardButton, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.errors import TthcError
from handlers.context import App, BotContext, active_officer, answer_or_reply, is_group, reply
from handlers.formatting import (
    KEYBOARD_LISTS,
    PAGE_SIZE,
    button,
    e,
    format_day,
    inline,
    role_label,
    task_lines_html,
)
from reminders.policy import from_settings
from reminders.texts import DONE_PREFIX, SNOOZE_PREFIX, parse_callback
from services import officers, progress
from services.officers import Officer

# The reminder sender's buttons (``rd:``/``rs:``) lead to the same actions as ``d:``/``s:``.
REMINDER_PREFIXES = {"d": DONE_PREFIX + ":", "s": SNOOZE_PREFIX + ":"}
LIST_COMMANDS = {"viec": "vi", "sapden": "sd", "quahan": "qh", "tuan": "tu", "xong": "xo"}


def _day(d: date | None) -> str:
    return d.strftime("%Y%m%d") if d else "0"


def _parse_day(s: str) -> date | None:
    return None if s == "0" else datetime.strptime(s, "%Y%m%d").date()


def period(kind: str, arg: str, today: date) -> tuple[str, date, date, bool]:
    """Title, first and last day, and whether only open occurrences are listed."""
    if kind == "hn":
        return "Việc đến hạn hôm nay", today, today, False
    if kind == "tu":
        monday = today - timedelta(days=today.weekday())
        return "Việc đến hạn tuần này", monday, monday + timedelta(days=6), False
    if kind == "th":
        month = int(arg) if arg.isdigit() and 1 <= int(arg) <= 12 else today.month
        last = pycal.monthrange(today.year, month)[1]
        return (f"Việc đến hạn tháng {month}/{today.year}", date(today.year, month, 1),
                date(today.year, month, last), False)  # fmt: skip
    if kind == "sd":
        return "Việc đến hạn trong 14 ngày tới", today, today + timedelta(days=14), True
    if kind == "qh":
        return "Việc đã quá hạn", date(today.year - 1, 1, 1), today - timedelta(days=1), True
    if kind == "xo":
        return ("Chọn việc đã hoàn thành", date(today.year - 1, 1, 1),
                today + timedelta(days=30), True)  # fmt: skip
    if kind == "dv":
        return "Việc của đơn vị (30 ngày tới)", today, today + timedelta(days=30), False
    # vi: my open work, overdue first, then the next 30 days.
    return "Việc của đơn vị bạn", date(today.year - 1, 1, 1), today + timedelta(days=30), True


async def scope_unit(update: Update, context: BotContext, officer: Officer | None) -> int | None:
    """The unit whose tasks this chat may see: the group's linked unit, or the officer's own."""
    chat = update.effective_chat
    assert chat is not None
    if is_group(update):
        async with context.services.uow() as uow:
            unit_id = await officers.group_unit(uow.session, chat.id)
        if unit_id is None:
            await answer_or_reply(
                update, "Nhóm này chưa liên kết với đơn vị nào. Quản trị nhóm gõ /nhom TÊN ĐƠN VỊ."
            )
        return unit_id
    if officer is None or officer.unit_id is None:
        await answer_or_reply(update, "Tài khoản của bạn chưa gắn với đơn vị nào.")
        return None
    return officer.unit_id


async def _viewer(update: Update, context: BotContext) -> tuple[Officer | None, int | None] | None:
    """Who is reading and which unit: in a group anyone reads the group's unit."""
    if is_group(update):
        officer = await officers_who(update, context)
        unit_id = await scope_unit(update, context, officer)
        return (officer, unit_id) if unit_id is not None else None
    officer = await active_officer(update, context)
    if officer is None:
        return None
    unit_id = await scope_unit(update, context, officer)
    return (officer, unit_id) if unit_id is not None else None


async def officers_who(update: Update, context: BotContext) -> Officer | None:
    from handlers.context import who

    return await who(update, context)


async def show_list(
    update: Update, context: BotContext, kind: str, arg: str, unit_id: int, page: int = 0
) -> None:
    """Send (or, for a paging press, edit) one page of a task list with its buttons."""
    svc = context.services
    chat = update.effective_chat
    assert chat is not None
    today = svc.today()
    title, start, end, open_only = period(kind, arg, today)
    async with svc.uow() as uow:
        lines = await officers.unit_tasks(uow.session, unit_id, start, end, open_only)
        name = await officers.unit_name(uow.session, unit_id)
    pages = max(1, -(-len(lines) // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    html = task_lines_html(f"{title} — {name}", lines, page, today)
    rows: list[list[InlineKeyboardButton]] = []
    for i, line in enumerate(lines[page * PAGE_SIZE : (page + 1) * PAGE_SIZE], start=1):
        due = _day(line.due_date)
        row = [] if line.done else [
            button(f"✅ Xong {i}", svc.sign(chat.id, f"d:{line.task_id}:{due}")),
            button(f"⏰ Nhắc lại sau {i}", svc.sign(chat.id, f"s:{line.task_id}:{due}")),
        ]  # fmt: skip
        row.append(button(f"📄 Chi tiết {i}", svc.sign(chat.id, f"i:{line.task_id}:{due}")))
        rows.append(row)
    nav = []
    if page > 0:
        nav.append(button("« Trang trước", svc.sign(chat.id, f"p:{kind}:{arg or '-'}:{unit_id}:{page - 1}")))  # fmt: skip
    if page < pages - 1:
        nav.append(button("Trang sau »", svc.sign(chat.id, f"p:{kind}:{arg or '-'}:{unit_id}:{page + 1}")))  # fmt: skip
    if nav:
        rows.append(nav)
    markup = inline(rows) if rows else None
    query = update.callback_query
    if query is not None and query.message is not None:
        await query.answer()
        await query.edit_message_text(html, parse_mode="HTML", reply_markup=markup)
    else:
        await reply(update, html, reply_markup=markup)


async def list_command(update: Update, context: BotContext) -> None:
    """/viec /sapden /quahan /tuan /xong and /thang [N]."""
    msg = update.effective_message
    assert msg is not None and msg.text is not None
    command = msg.text.split()[0].lstrip("/").split("@")[0].lower()
    viewer = await _viewer(update, context)
    if viewer is None:
        return
    if command == "thang":
        arg = context.args[0] if context.args else ""
        if arg and not (arg.isdigit() and 1 <= int(arg) <= 12):
            await reply(update, "Tháng phải là số từ 1 đến 12, ví dụ: /thang 8")
            return
        await show_list(update, context, "th", arg, viewer[1] or 0)
        return
    await show_list(update, context, LIST_COMMANDS[command], "", viewer[1] or 0)


async def keyboard_list(update: Update, context: BotContext) -> None:
    """The reply keyboard: Hôm nay / Tuần này / Tháng này / Quá hạn."""
    msg = update.effective_message
    assert msg is not None and msg.text is not None
    viewer = await _viewer(update, context)
    if viewer is not None:
        await show_list(update, context, KEYBOARD_LISTS[msg.text.strip()], "", viewer[1] or 0)


async def unit_command(update: Update, context: BotContext) -> None:
    """/donvi TÊN: a unit's tasks; officers and groups see only their own unit."""
    if is_group(update):
        viewer = await _viewer(update, context)
    else:
        coordinator = await active_officer(update, context)
        if coordinator is None:
            return
        viewer = (coordinator, coordinator.unit_id)
    if viewer is None:
        return
    officer, own_unit = viewer
    name = " ".join(context.args or []).strip()
    if not name:
        await reply(update, "Gõ tên đơn vị sau lệnh, ví dụ: /donvi Sở Tư pháp")
        return
    async with context.services.uow() as uow:
        found = await officers.find_units(uow.session, name)
    if not found:
        await reply(update, f"Không tìm thấy đơn vị “{e(name)}”.")
        return
    target = found[0]
    may_see_all = officer is not None and officer.is_coordinator and not is_group(update)
    if target.id != own_unit and not may_see_all:
        await reply(update, "Bạn chỉ xem được việc của đơn vị mình.")
        return
    await show_list(update, context, "dv", "", target.id)


async def _press(update: Update, context: BotContext, prefix: str) -> list[str] | None:
    """The verified fields of a press, or None after answering that it is forged or stale."""
    query = update.callback_query
    chat = update.effective_chat
    assert query is not None and chat is not None
    data = query.data or ""
    if data.startswith(REMINDER_PREFIXES.get(prefix, "\0")):
        # Reminder buttons (reminders.texts) carry plain ids; the rights check below still runs.
        parsed = parse_callback(data)
        if parsed is not None:
            return [str(parsed[1]), _day(parsed[2])]
    fields = context.services.verify(chat.id, data)
    if fields is None or fields[0] != prefix:
        await query.answer("Nút này không hợp lệ hoặc đã cũ.", show_alert=True)
        return None
    return fields[1:]


async def _presser_unit(update: Update, context: BotContext) -> tuple[Officer, int] | None:
    """Changing a task needs an active officer with a unit (in a group: of the group's unit)."""
    officer = await active_officer(update, context)
    if officer is None:
        return None
    if officer.unit_id is None:
        await answer_or_reply(update, "Tài khoản của bạn chưa gắn với đơn vị nào.")
        return None
    if is_group(update):
        chat = update.effective_chat
        assert chat is not None
        async with context.services.uow() as uow:
            group_unit = await officers.group_unit(uow.session, chat.id)
        if group_unit != officer.unit_id:
            await answer_or_reply(update, "Bạn không thuộc đơn vị của nhóm này.")
            return None
    return officer, officer.unit_id


async def press_done(update: Update, context: BotContext) -> None:
    fields = await _press(update, context, "d")
    if fields is None:
        return
    who = await _presser_unit(update, context)
    if who is None:
        return
    officer, unit_id = who
    svc = context.services
    task_id, due = int(fields[0]), _parse_day(fields[1])
    try:
        async with svc.uow() as uow:
            line = await officers.task_line(uow.session, task_id, unit_id, due)
            result = await progress.mark_done(
                uow.session, task_id, unit_id, due, officer.id, svc.now()
            )
            await uow.commit()
    except TthcError as exc:
        await answer_or_reply(update, exc.message)
        return
    assert update.callback_query is not None
    note = "Đã ghi nhận hoàn thành." if result.recorded else "Việc này đã được báo xong trước đó."
    await update.callback_query.answer(note)
    await reply(update, f"✅ {note}\n{e(line.content[:200])} — hạn {e(format_day(line.last_day))}")


async def press_snooze_menu(update: Update, context: BotContext) -> None:
    fields = await _press(update, context, "s")
    if fields is None or await _presser_unit(update, context) is None:
        return
    svc = context.services
    chat = update.effective_chat
    assert chat is not None and update.callback_query is not None
    task_id, due = fields[0], fields[1]
    await update.callback_query.answer()
    rows = [[button(f"⏰ {n} ngày", svc.sign(chat.id, f"z:{task_id}:{due}:{n}")) for n in (1, 3)]]
    await reply(update, "Nhắc lại việc này sau:", reply_markup=inline(rows))


async def press_snooze(update: Update, context: BotContext) -> None:
    fields = await _press(update, context, "z")
    if fields is None:
        return
    who = await _presser_unit(update, context)
    if who is None:
        return
    officer, unit_id = who
    svc = context.services
    task_id, due, days = int(fields[0]), _parse_day(fields[1]), int(fields[2])
    now = svc.now()
    hour = from_settings(officer.settings).hour
    until = datetime.combine(now.date() + timedelta(days=days), time(hour), now.tzinfo)
    try:
        async with svc.uow() as uow:
            line = await officers.task_line(uow.session, task_id, unit_id, due)
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
    fields = await _press(update, context, "i")
    if fields is None:
        return
    officer = await officers_who(update, context)
    unit_id = await scope_unit(update, context, officer) if is_group(update) else None
    if not is_group(update):
        officer = await active_officer(update, context)
        if officer is None:
            return
        unit_id = officer.unit_id
    task_id, due = int(fields[0]), _parse_day(fields[1])
    svc = context.services
    try:
        async with svc.uow() as uow:
            if not (officer and officer.is_coordinator and not is_group(update)):
                if unit_id is None:
                    return
                await officers.task_line(uow.session, task_id, unit_id, due)
            d = await officers.task_detail(uow.session, task_id)
    except TthcError as exc:
        await answer_or_reply(update, exc.message)
        return
    assert update.callback_query is not None
    await update.callback_query.answer()
    parts = [f"📄 <b>Mục {e(d['ref'])}</b> — {e(d['plan'] or '')}", e(d["content"])]
    if d["result"]:
        parts.append(f"<b>Sản phẩm:</b> {e(d['result'])}")
    parts.append(f"<b>Thời hạn:</b> {e(d['deadline'] or 'không ghi')}")
    if due:
        parts.append(f"<b>Lần này:</b> {e(format_day(due))}")
    lead, support = d["lead"], d["support"]
    assert isinstance(lead, list) and isinstance(support, list)
    if lead:
        parts.append(f"<b>{role_label('lead').capitalize()}:</b> {e(', '.join(lead))}")
    if support:
        parts.append(f"<b>{role_label('support').capitalize()}:</b> {e(', '.join(support))}")
    if d["notes"]:
        parts.append(f"<b>Ghi chú:</b> {e(d['notes'])}")
    await reply(update, "\n".join(parts))


async def press_page(update: Update, context: BotContext) -> None:
    fields = await _press(update, context, "p")
    if fields is None:
        return
    kind, arg, unit_id, page = fields[0], fields[1], int(fields[2]), int(fields[3])
    if is_group(update):
        viewer = await _viewer(update, context)
    else:
        reader = await active_officer(update, context)
        viewer = (reader, reader.unit_id) if reader else None
    if viewer is None:
        return
    officer, own = viewer
    if unit_id != own and not (officer and officer.is_coordinator and not is_group(update)):
        await answer_or_reply(update, "Bạn chỉ xem được việc của đơn vị mình.")
        return
    await show_list(update, context, kind, "" if arg == "-" else arg, unit_id, page)


def register(app: App) -> None:
    """Lists, the reply keyboard and the task buttons."""
    app.add_handler(CommandHandler(["viec", "sapden", "quahan", "tuan", "thang", "xong"], list_command))  # fmt: skip
    app.add_handler(CommandHandler("donvi", unit_command))
    app.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.Text(list(KEYBOARD_LISTS)), keyboard_list)
    )
    app.add_handler(CallbackQueryHandler(press_done, pattern=rf"^(d|{DONE_PREFIX}):"))
    app.add_handler(CallbackQueryHandler(press_snooze_menu, pattern=rf"^(s|{SNOOZE_PREFIX}):"))
    app.add_handler(CallbackQueryHandler(press_snooze, pattern=r"^z:"))
    app.add_handler(CallbackQueryHandler(press_detail, pattern=r"^i:"))
    app.add_handler(CallbackQueryHandler(press_page, pattern=r"^p:"))
