"""Coordinators: /tinhhinh [tháng N | quý N] — who has reported, 📣 nudge the rest, 📊 Excel."""

from __future__ import annotations

import asyncio
from datetime import date

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.phrases import TEAM
from bot.questions.periods import Period, month_period, quarter_period
from bot.vndate import format_date, short_date
from handlers import evidence as evidence_view
from handlers.context import (
    App,
    BotContext,
    coordinator,
    pressing_officer,
    reply,
)
from handlers.formatting import button, e, inline, shorten
from services.status import Board, OccurrenceStatus, board
from services.status_export import to_xlsx
from services.status_nudge import NudgeResult, nudge, trial_nudge
from services.status_words import BadPeriod, parse_period

NOT_COORDINATOR = f"Chỉ {TEAM} mới xem được tình hình báo cáo của các đơn vị."
PRIVATE_ONLY = "Lệnh /tinhhinh chỉ dùng trong chat riêng với bot."
NUDGE, EXPORT = "sn", "sx"
NUDGE_YES, NUDGE_NO = "sy", "sq"  # ✔️ / ✖️ under "Gửi nhắc tới N đơn vị chưa xong?"
MAX_CHARS = 12_000  # about three messages; the rest is in the Excel file
MAX_UNITS = 80  # units listed per occurrence


def encode(period: Period, every: bool) -> str:
    """The period and the all-tasks flag in callback data: ``20250801:20250831:r``."""
    return f"{period.start:%Y%m%d}:{period.end:%Y%m%d}:{'a' if every else 'r'}"


def decode(fields: list[str]) -> tuple[Period, bool] | None:
    """The inverse of ``encode`` (fields after the prefix); a whole month or quarter gets its
    usual label back."""
    try:
        start, end = (date(int(f[:4]), int(f[4:6]), int(f[6:8])) for f in fields[:2])
        every = fields[2] == "a"
    except (ValueError, IndexError):
        return None
    if start.day == 1 and month_period(start.year, start.month).end == end:
        return month_period(start.year, start.month), every
    if start.day == 1 and start.month % 3 == 1:
        quarter = quarter_period(start.year, start.month // 3 + 1)
        if quarter.end == end:
            return quarter, every
    return Period(start, end, f"từ {short_date(start)} đến {short_date(end)}"), every


def _occurrence_html(occ: OccurrenceStatus) -> str:
    about = f"Mục {e(occ.ref)}"
    if not occ.content.startswith(occ.label.rstrip("…")):  # the label is not the text itself
        about += f" · {e(shorten(occ.content, 160))}"
    lines = [
        f"\n<b>{e(occ.label)}</b> — hạn {format_date(occ.last_day)}",
        f"<i>{about}</i>",
        f"Đã xong: <b>{len(occ.done)}/{len(occ.units)}</b> đơn vị",
    ]
    lines.extend(_evidence_lines(occ))  # 📎 what the units attached (issue 16)
    late = any(u.overdue for u in occ.not_done)
    if occ.not_done:
        lines.append(f"Chưa xong ({len(occ.not_done)}){' · ⚠️ quá hạn' if late else ''}:")
        for u in occ.not_done[:MAX_UNITS]:
            note = "" if u.reachable else " <i>(chưa có cán bộ dùng bot)</i>"
            lines.append(f"• {e(u.name)}{note}")
        if len(occ.not_done) > MAX_UNITS:
            lines.append(f"… và {len(occ.not_done) - MAX_UNITS} đơn vị khác (xem tệp Excel)")
    for gone in occ.unreached:
        lines.append(f"<i>+ {gone.count} đơn vị thuộc {e(gone.group)} chưa có cán bộ dùng bot</i>")
    if occ.unassigned:
        lines.append(f"<i>Chưa xác định đơn vị: {e(shorten('; '.join(occ.unassigned), 200))}</i>")
    return "\n".join(lines)


def _evidence_lines(occ: OccurrenceStatus) -> list[str]:
    """ "• Sở Tư pháp — 📎 123/BC-STP · 📄 bao-cao.pdf" per done unit that attached its report."""
    out: list[str] = []
    for u in occ.done:
        ev = u.evidence
        if ev is None or len(out) >= MAX_UNITS:
            continue
        parts = [f"📎 {e(ev.number)}"] if ev.number else []
        if ev.file is not None:
            parts.append(f"📄 {e(shorten(ev.file.name or 'tệp', 60))}")
        out.append(f"• {e(u.name)} — {' · '.join(parts)}")
    return (["Báo cáo gửi kèm:", *out]) if out else []


def render(b: Board) -> str:
    """The board as Telegram HTML, capped (the Excel file has every row)."""
    what = "báo cáo" if b.reports_only else "việc"
    head = f"📊 <b>Tình hình {what} — {e(b.period.label)}</b> (ngày {short_date(b.today)})"
    if not b.occurrences:
        hint = (
            ""
            if not b.reports_only
            else "\nGõ <code>/tinhhinh tháng N tất cả</code> để xem mọi việc."
        )
        return f"{head}\nKhông có {what} nào đến hạn trong kỳ này.{hint}"
    out = [head]
    size = len(head)
    for i, occ in enumerate(b.occurrences):
        block = _occurrence_html(occ)
        if size + len(block) > MAX_CHARS:
            left = len(b.occurrences) - i
            out.append(f"\n… và {left} hạn khác: bấm 📊 Xuất Excel để xem đủ.")
            break
        out.append(block)
        size += len(block)
    return "\n".join(out)


def _buttons(chat_id: int, context: BotContext, b: Board, every: bool):  # type: ignore[no-untyped-def]
    svc, data = context.services, encode(b.period, every)
    row = []
    if b.not_done_units:
        row.append(button("📣 Nhắc các đơn vị chưa xong", svc.sign(chat_id, f"{NUDGE}:{data}")))
    if b.occurrences:
        row.append(button("📊 Xuất Excel", svc.sign(chat_id, f"{EXPORT}:{data}")))
    rows = [[x] for x in row] + evidence_view.board_buttons(svc, chat_id, b)  # 📎 per file
    return inline(rows) if rows else None


async def show(update: Update, context: BotContext) -> None:
    """/tinhhinh [tháng N | quý N] [tất cả]."""
    officer = await coordinator(update, context, NOT_COORDINATOR, PRIVATE_ONLY)
    if officer is None:
        return
    svc, chat = context.services, update.effective_chat
    assert chat is not None
    today = svc.today()
    try:
        period, every = parse_period(" ".join(context.args or []), today)
    except BadPeriod as exc:
        await reply(update, e(exc.message))
        return
    async with svc.uow(read_only=True) as uow:
        b = await board(uow, period, today, reports_only=not every)
    await reply(update, render(b), reply_markup=_buttons(chat.id, context, b, every))


def nudge_outcome(result: NudgeResult) -> str:
    """What a nudge did (or would do), in the coordinator's words."""
    if result.queued:
        text = (f"📣 Đã xếp {result.queued} tin nhắc tới {result.recipients} người nhận "
                f"của {result.units} đơn vị chưa xong.")  # fmt: skip
    elif result.already:
        text = "Hôm nay đã nhắc các đơn vị này rồi; không gửi thêm."
    else:
        text = "Không có đơn vị nào chưa xong để nhắc."
    if result.unreachable:
        text += f"\n{result.unreachable} đơn vị chưa có cán bộ dùng bot: không nhắc được."
    if result.out_of_window:
        text += (f"\n{result.out_of_window} hạn còn xa hơn 31 ngày hoặc đã quá một năm: "
                 "không nhắc.")  # fmt: skip
    return text


async def on_press(update: Update, context: BotContext) -> None:
    """📣, ✔️/✖️ or 📊: the presser's rights are checked again, the board rebuilt as of today.

    📣 only asks "Gửi nhắc tới N đơn vị chưa xong?": nothing is sent before ✔️ Gửi nhắc."""
    press = await pressing_officer(
        update, context, NUDGE, NUDGE_YES, NUDGE_NO, EXPORT, coordinator_only=NOT_COORDINATOR
    )
    if press is None:
        return
    fields, officer = press
    query, chat, svc = update.callback_query, update.effective_chat, context.services
    assert query is not None and chat is not None
    decoded = decode(fields[1:])
    if decoded is None:
        await query.answer("Nút này không hợp lệ hoặc đã cũ.", show_alert=True)
        return
    period, every = decoded
    if fields[0] == NUDGE_NO:
        await query.answer()
        await query.edit_message_text("Đã hủy, không gửi nhắc.")
        return
    async with svc.uow(read_only=fields[0] == EXPORT) as uow:
        b = await board(uow, period, svc.today(), reports_only=not every)
        if fields[0] == NUDGE_YES:
            result = await nudge(uow, b, svc.now(), officer.telegram_id)
        elif fields[0] == NUDGE:
            # A trial run, rolled back: it counts the units a nudge would reach.
            result = await trial_nudge(uow, b, svc.now(), officer.telegram_id)
    if fields[0] == EXPORT:
        await query.answer()
        name = f"tinh-hinh-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"
        await chat.send_document(
            # Built in a worker thread: a large board takes seconds, other chats keep answering.
            await asyncio.to_thread(to_xlsx, b, svc.settings.timezone),
            filename=name,
            caption=f"Tình hình {'việc' if every else 'báo cáo'} — {period.label}",
        )
        return
    await query.answer()
    if fields[0] == NUDGE_YES:
        await query.edit_message_text(nudge_outcome(result))
        return
    if not result.queued:
        await reply(update, nudge_outcome(result))
        return
    data = encode(period, every)
    rows = [[button("✔️ Gửi nhắc", svc.sign(chat.id, f"{NUDGE_YES}:{data}")),
             button("✖️ Hủy", svc.sign(chat.id, f"{NUDGE_NO}:{data}"))]]  # fmt: skip
    note = (
        f" ({result.unreachable} đơn vị khác chưa có cán bộ dùng bot)" if result.unreachable else ""
    )
    await reply(
        update,
        f"📣 Gửi nhắc tới {result.units} đơn vị chưa xong{note}?\n"
        f"Mỗi cán bộ và nhóm của các đơn vị đó nhận một tin ({result.queued} tin).",
        reply_markup=inline(rows),
    )


def register(app: App) -> None:
    app.add_handler(CommandHandler("tinhhinh", show))
    app.add_handler(
        CallbackQueryHandler(on_press, pattern=rf"^({NUDGE}|{NUDGE_YES}|{NUDGE_NO}|{EXPORT}):")
    )
