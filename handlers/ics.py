"""/lich [TÊN ĐƠN VỊ]: the unit's deadlines as an .ics file for the phone's calendar."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler

from handlers.context import App, BotContext, active_officer, is_group, reply, scope_unit, who
from handlers.formatting import e
from services import unit_lookup
from services.ics_export import deployment_domain, slug, unit_calendar

MONTHS = 12
MAX_NAME = 200  # characters of a typed unit name worth matching
OTHER_UNIT = "Anh/chị chỉ xem được việc của đơn vị mình."
HOW_TO = (
    "📅 Lịch hạn KSTTHC — {name}: {count} hạn trong {months} tháng tới "
    "(ngày làm việc cuối cùng, nhắc lúc 8:00 ngày làm việc trước đó).\n"
    "iPhone: mở tệp → Thêm tất cả. Google Calendar: trên máy tính vào calendar.google.com → "
    "Cài đặt → Nhập và xuất → chọn tệp này.\n"
    "Gõ /lich lại khi kế hoạch thay đổi: các hạn được cập nhật, không bị trùng."
)


async def _target_unit(update: Update, context: BotContext) -> int | None:
    """The unit whose calendar this chat may have, or None after saying why not."""
    name = " ".join(context.args or []).strip()[:MAX_NAME]
    if is_group(update):
        officer = await who(update, context)
        own = await scope_unit(update, context, officer)
        if own is None:
            return None
        may_see_all = False
    else:
        officer = await active_officer(update, context)
        if officer is None:
            return None
        may_see_all = officer.is_coordinator
        if not name and officer.unit_id is None and may_see_all:
            await reply(update, "Gõ tên đơn vị sau lệnh, ví dụ: /lich Sở Tư pháp")
            return None
        own = officer.unit_id if name else await scope_unit(update, context, officer)
        if own is None and not name:
            return None
    if not name:
        return own
    async with context.services.uow(read_only=True) as uow:
        found = await unit_lookup.find_units(uow, name)
    if not found:
        await reply(update, f"Không tìm thấy đơn vị “{e(name)}”.")
        return None
    target = found[0].id
    if target != own and not may_see_all:
        await reply(update, OTHER_UNIT)
        return None
    return target


async def send_calendar(update: Update, context: BotContext) -> None:
    """/lich: the .ics of the officer's unit (a coordinator may name one; a group: its unit)."""
    unit_id = await _target_unit(update, context)
    chat = update.effective_chat
    if unit_id is None or chat is None:
        return
    svc = context.services
    settings = svc.settings
    async with svc.uow(read_only=True) as uow:
        name = await unit_lookup.unit_name(uow, unit_id)
        data = await unit_calendar(
            uow.session,
            unit_id,
            svc.today(),
            await svc.calendar(uow.session),
            MONTHS,
            tz=settings.timezone,
            domain=deployment_domain(settings.webhook_url, settings.province),
            now=svc.now(),
        )
    count = data.count(b"BEGIN:VEVENT")
    if not count:
        await reply(update, f"{e(name)} không có hạn nào trong {MONTHS} tháng tới.")
        return
    # A plain-text caption (no parse mode): the unit name needs no escaping there.
    await chat.send_document(
        data,
        filename=f"han-kstthc-{slug(name)}.ics",
        caption=HOW_TO.format(name=name, count=count, months=MONTHS),
    )


def register(app: App) -> None:
    """/lich in private chats and linked groups."""
    app.add_handler(CommandHandler("lich", send_calendar))
