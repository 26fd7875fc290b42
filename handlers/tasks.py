"""Task lists: /viec /sapden /quahan /tuan /thang /donvi /xong, the reply keyboard, paging."""

from __future__ import annotations

import calendar as pycal
import contextlib
import re
from datetime import date, timedelta

from telegram import InlineKeyboardButton, Update
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.phrases import numbered_buttons
from handlers.context import (
    App,
    BotContext,
    active_officer,
    answer_or_reply,
    is_group,
    reply,
    scope_unit,
    who,
)
from handlers.formatting import (
    KEYBOARD_LISTS,
    PAGE_SIZE,
    button,
    e,
    inline,
    task_lines_html,
)
from handlers.presses import day, verified
from services import progress, unit_lookup, unit_tasks
from services.officers import Officer

LIST_COMMANDS = {"viec": "vi", "sapden": "sd", "quahan": "qh", "tuan": "tu", "xong": "xo"}


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
    return "Việc của đơn vị", date(today.year - 1, 1, 1), today + timedelta(days=30), True


def _id(officer: Officer | None) -> int | None:
    return officer.id if officer is not None else None


async def _viewer(update: Update, context: BotContext) -> tuple[Officer | None, int | None] | None:
    """Who is reading and which unit: in a group anyone reads the group's unit."""
    if is_group(update):
        officer = await who(update, context)
        unit_id = await scope_unit(update, context, officer)
        return (officer, unit_id) if unit_id is not None else None
    officer = await active_officer(update, context)
    if officer is None:
        return None
    unit_id = await scope_unit(update, context, officer)
    return (officer, unit_id) if unit_id is not None else None


async def show_list(
    update: Update,
    context: BotContext,
    kind: str,
    arg: str,
    unit_id: int,
    page: int = 0,
    *,
    officer_id: int | None = None,
    acted: bool = False,
    edit_id: int | None = None,
) -> None:
    """Send (or, for a press, edit) one page of a task list with its buttons.

    ``acted``: drawn again after ✅/⏰/↩️ on it — the occurrences done stay listed, marked
    "✅ đã hoàn thành", and a done or snoozed one has no ✅/⏰ left; ``edit_id`` names the list
    message when the press was on another one (↩️ under the confirmation)."""
    svc = context.services
    chat = update.effective_chat
    assert chat is not None
    today = svc.today()
    title, start, end, open_only = period(kind, arg, today)
    async with svc.uow(read_only=True) as uow:
        lines = await unit_tasks.unit_tasks(
            uow.session, unit_id, start, end, open_only and not acted, today=today
        )
        if open_only and acted:  # the open list as sent, its done occurrences kept and marked
            lines = [line for line in lines if not line.superseded]
        name = await unit_lookup.unit_name(uow, unit_id)
        pages = max(1, -(-len(lines) // PAGE_SIZE))
        page = min(max(page, 0), pages - 1)
        chunk = lines[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        cal = await svc.calendar(uow.session)
        limits = await unit_tasks.text_limits(uow.session, (x.task_id for x in chunk))
        marks = await progress.marks(uow.session, unit_id, officer_id,
                                     [(x.task_id, x.due_date) for x in chunk], svc.now(),
                                     svc.settings.timezone)  # fmt: skip
    html = task_lines_html(f"{title} — {name}", lines, page, today, marks=marks, limits=limits,
                           days_late=lambda last: cal.days_late(last, today))  # fmt: skip
    where = f"{kind}{arg}.{page}"
    rows: list[list[InlineKeyboardButton]] = []
    for i, line in enumerate(chunk, start=1):
        due = day(line.due_date)
        done, snooze, detail = numbered_buttons(i)
        row = [button(detail, svc.sign(chat.id, f"i:{line.task_id}:{due}"))]
        if not line.done and not (acted and (line.task_id, line.due_date) in marks):
            row[:0] = [
                button(done, svc.sign(chat.id, f"d:{line.task_id}:{due}:{where}")),
                button(snooze, svc.sign(chat.id, f"s:{line.task_id}:{due}:{where}")),
            ]
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
    if edit_id is not None:
        with contextlib.suppress(TelegramError):  # gone, or already as drawn
            await context.bot.edit_message_text(html, chat_id=chat.id, message_id=edit_id,
                                                parse_mode="HTML", reply_markup=markup)  # fmt: skip
    elif query is not None and query.message is not None:
        if not acted:  # a page turned (✅/⏰ answered the press themselves)
            await query.answer()
        with contextlib.suppress(TelegramError):
            await query.edit_message_text(html, parse_mode="HTML", reply_markup=markup)
    else:
        await reply(update, html, reply_markup=markup)


LIST_WHERE = re.compile(r"^(vi|sd|qh|tu|xo|th|dv|hn)(\d{0,2})\.(\d{1,3})$")


def list_where(where: str) -> tuple[str, str, int] | None:
    """A list's kind, argument and page from a button's ``kind arg . page`` (None if malformed)."""
    m = LIST_WHERE.match(where)
    return (m[1], m[2], int(m[3])) if m else None


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
        await show_list(update, context, "th", arg, viewer[1] or 0, officer_id=_id(viewer[0]))
        return
    await show_list(update, context, LIST_COMMANDS[command], "", viewer[1] or 0,
                    officer_id=_id(viewer[0]))  # fmt: skip


async def keyboard_list(update: Update, context: BotContext) -> None:
    """The reply keyboard: Hôm nay / Tuần này / Tháng này / Quá hạn."""
    msg = update.effective_message
    assert msg is not None and msg.text is not None
    viewer = await _viewer(update, context)
    if viewer is not None:
        await show_list(update, context, KEYBOARD_LISTS[msg.text.strip()], "", viewer[1] or 0,
                        officer_id=_id(viewer[0]))  # fmt: skip


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
    async with context.services.uow(read_only=True) as uow:
        found = await unit_lookup.find_units(uow.session, name)
    if not found:
        await reply(update, f"Không tìm thấy đơn vị “{e(name)}”.")
        return
    target = found[0]
    may_see_all = officer is not None and officer.is_coordinator and not is_group(update)
    if target.id != own_unit and not may_see_all:
        await reply(update, "Anh/chị chỉ xem được việc của đơn vị mình.")
        return
    await show_list(update, context, "dv", "", target.id, officer_id=_id(officer))


async def press_page(update: Update, context: BotContext) -> None:
    fields = await verified(update, context, "p")
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
        await answer_or_reply(update, "Anh/chị chỉ xem được việc của đơn vị mình.")
        return
    await show_list(update, context, kind, "" if arg == "-" else arg, unit_id, page,
                    officer_id=_id(officer))  # fmt: skip


def register(app: App) -> None:
    """Lists, the reply keyboard and paging."""
    app.add_handler(CommandHandler(["viec", "sapden", "quahan", "tuan", "thang", "xong"], list_command))  # fmt: skip
    app.add_handler(CommandHandler("donvi", unit_command))
    app.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.Text(list(KEYBOARD_LISTS)), keyboard_list)
    )
    app.add_handler(CallbackQueryHandler(press_page, pattern=r"^p:"))
