"""/ngaynghi: the coming days off; administrators add (``them``) or remove (``bo``) extra ones.

Coordinators and administrators may list; only administrators may change, in a private chat.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from telegram import Update
from telegram.ext import CommandHandler

from bot.errors import TthcError
from bot.phrases import TEAM
from bot.text import fold
from bot.vndate import format_date
from handlers.context import App, BotContext, coordinator, reply
from handlers.formatting import e
from services.days_off import MAX_AHEAD, Change, add_day_off, list_days_off, remove_day_off
from services.officers import ADMIN

PUBLIC_AHEAD = timedelta(days=60)
MAX_LISTED = 40
PRIVATE_ONLY = "Lệnh /ngaynghi chỉ dùng trong chat riêng với bot."
NOT_COORDINATOR = f"Chỉ {TEAM} và quản trị viên mới xem được danh sách ngày nghỉ."
NOT_ADMIN = "Chỉ quản trị viên mới thêm hoặc bỏ được ngày nghỉ."
EXAMPLE = (
    "Ví dụ: <code>/ngaynghi them 5/9/2025 Nghỉ bù</code> hoặc <code>/ngaynghi bo 5/9</code> "
    "(ngày/tháng/năm hoặc ngày/tháng)."
)
ADD, REMOVE = {"them", "add"}, {"bo", "remove", "xoa"}
_DAY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?$")


def parse_day(text: str, today: date) -> date | None:
    """``d/m/yyyy`` or ``d/m`` (the next such day from today); None when it is no date."""
    m = _DAY.match(text.strip())
    if m is None:
        return None
    day, month = int(m.group(1)), int(m.group(2))
    try:
        if m.group(3):
            return date(int(m.group(3)), month, day)
        found = date(today.year, month, day)
        return found if found >= today else date(today.year + 1, month, day)
    except ValueError:
        return None


def changed_text(change: Change) -> str:
    """ "Đã thêm ngày nghỉ Thứ Sáu, 5/9/2025; 14 hạn được dời, 6 lời nhắc được xếp lại." """
    verb = "Đã thêm ngày nghỉ" if change.added else "Đã bỏ ngày nghỉ"
    return (
        f"{verb} {format_date(change.day)}; {change.moved} hạn được dời, "
        f"{change.replanned} lời nhắc được xếp lại."
    )


async def _listing(context: BotContext) -> str:
    svc = context.services
    today = svc.today()
    async with svc.uow(read_only=True) as uow:
        days = await list_days_off(uow, today, today + MAX_AHEAD)
    shown = [d for d in days if d.added or d.day <= today + PUBLIC_AHEAD]
    lines = ["<b>Ngày nghỉ sắp tới</b> (ngày lễ trong 60 ngày và các ngày nghỉ bổ sung)"]
    if not shown:
        lines.append("Không có ngày nghỉ nào.")
    for d in shown[:MAX_LISTED]:
        label = f"bổ sung: {d.name}" if d.added else d.name
        lines.append(f"• {e(format_date(d.day))} — {e(label)}")
    if len(shown) > MAX_LISTED:
        lines.append(f"… và {len(shown) - MAX_LISTED} ngày khác.")
    return "\n".join(lines)


async def days_off(update: Update, context: BotContext) -> None:
    """/ngaynghi [them|bo NGÀY [ghi chú]]."""
    officer = await coordinator(update, context, NOT_COORDINATOR, PRIVATE_ONLY)
    if officer is None:
        return
    args = context.args or []
    if not args:
        await reply(update, await _listing(context))
        return
    action = fold(args[0])
    if action not in ADD | REMOVE:
        await reply(update, f"Không hiểu «{e(args[0][:40])}». {EXAMPLE}")
        return
    if officer.role != ADMIN:
        await reply(update, NOT_ADMIN)
        return
    svc = context.services
    day = parse_day(args[1], svc.today()) if len(args) > 1 else None
    if day is None:
        given = e(args[1][:40]) if len(args) > 1 else ""
        await reply(update, f"Ngày không hợp lệ{f': «{given}»' if given else ''}. {EXAMPLE}")
        return
    note = " ".join(args[2:]) or None
    try:
        async with svc.uow() as uow:
            if action in ADD:
                change = await add_day_off(
                    uow, day, note, officer.telegram_id, svc.now(), svc.settings.timezone
                )
            else:
                change = await remove_day_off(
                    uow, day, officer.telegram_id, svc.now(), svc.settings.timezone
                )
    except TthcError as exc:
        await reply(update, e(exc.message))
        return
    await reply(update, e(changed_text(change)))


def register(app: App) -> None:
    app.add_handler(CommandHandler("ngaynghi", days_off))
