"""📄 Chi tiết under each task: the whole task, each stored field clipped, for whoever may read
it (the unit, its group, coordinators). Registered with the other task buttons in
``handlers.task_buttons``.
"""

from __future__ import annotations

from telegram import Update

from bot.deadlines.render import deadline_lines
from bot.errors import NotAllowed, TthcError
from bot.phrases import text_limit_line
from handlers import assign as assigning
from handlers.context import (
    BotContext,
    active_officer,
    answer_or_reply,
    is_group,
    reply,
    scope_unit,
)
from handlers.formatting import CUT_NOTE, clip, e, role_label
from handlers.presses import parse_day, verified
from services import unit_tasks


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
                await unit_tasks.task_line(uow, task_id, unit_id, due)
            d = await unit_tasks.task_detail(uow, task_id)
            found = await unit_tasks.occurrence_days(uow, task_id, due) if due else None
            dates = deadline_lines(due, found[0], found[1], await context.services.calendar(uow.session)) if due and found else None  # fmt: skip
            limit = (await unit_tasks.text_limits(uow, [task_id])).get(task_id)
    except TthcError as exc:
        await answer_or_reply(update, exc.message)
        return
    assert update.callback_query is not None and update.effective_chat is not None
    # Assigned in the reader's unit: "đã giao cho …", and ↩️ Trả lại for the assignee.
    note, markup = await assigning.detail_note(context.services, update.effective_chat.id,
                                               officer, unit_id, task_id, due, not is_group(update))  # fmt: skip
    await update.callback_query.answer()
    await reply(update, detail_html(d, task_id, dates, limit) + note, reply_markup=markup)


# Characters of each stored field a 📄 Chi tiết shows (a crafted plan's cell can hold megabytes):
# together they fit in three messages.
DETAIL_LIMITS = {"content": 3000, "result": 1200, "notes": 1200, "deadline": 400, "units": 900}


def detail_html(
    d: dict[str, object],
    task_id: int,
    dates: tuple[str, str] | None = None,
    limit: str | None = None,
) -> str:
    """The 📄 Chi tiết text, each field clipped; a note says when something was cut.

    ``dates``: the occurrence's plan date and real last day with why ("trước ngày 20/12/2026",
    "chậm nhất Thứ Sáu, 18/12/2026 (19/12 là Thứ Bảy, 20/12 là Chủ nhật)"); ``limit``: a limit
    written in the task's text that differs from the date column."""
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
    if dates:
        parts.append(f"<b>Hạn:</b> {e(dates[0])}\n{e(dates[1])}")
        parts.append(
            f"<i>Ghi trong kế hoạch: {field('deadline', d['deadline'] or 'không ghi')}</i>"
        )
    else:
        parts.append(f"<b>Hạn:</b> {field('deadline', d['deadline'] or 'không ghi')}")
    if limit:
        parts.append(e(text_limit_line(clip(limit, DETAIL_LIMITS["deadline"]))))
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
