"""Assignment typed on Zalo, where there are no buttons: «giao 2 TÊN» gives task number 2 of the
last list to a named officer of the unit, «tra lai 2» hands it back (``services.assignments``
checks the rights). In private chats only, as /giao and /tralai on Telegram."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from bot.errors import TthcError
from bot.vndate import format_date
from handlers.zalo.actions import NOT_LINKED, _target
from services import assignments, zalo

if TYPE_CHECKING:
    from handlers.zalo.router import Asker, Incoming, ZaloBot

PRIVATE_ONLY = "Giao việc và trả lại việc chỉ làm trong tin nhắn riêng với bot."


def _when(due: date | None) -> str:
    return f" (hạn {format_date(due)})" if due else ""


async def assign(bot: ZaloBot, inc: Incoming, asker: Asker, number: int, name: str) -> None:
    """«giao 2 TÊN»: the whole task of item 2, to the named officer."""
    if inc.group:
        await bot.say(inc.chat_id, PRIVATE_ONLY)
        return
    if asker.officer is None:
        await bot.say(inc.chat_id, NOT_LINKED)
        return
    target = await _target(bot, inc, number)
    if target is None:
        return
    officer, svc = asker.officer, bot.services
    try:
        async with svc.uow() as uow:
            person = await assignments.pick_assignee(uow, name, officer, target[0])
            done = await assignments.assign(uow, target[0], None, person, officer, svc.now())  # fmt: skip
            chat = await zalo.chat_for_telegram_id(uow, person.telegram_id)
    except TthcError as exc:
        await bot.say(inc.chat_id, exc.message)
        return
    if chat is not None and person.id != officer.id:
        await bot.say(chat, f"📌 {officer.name} giao cho anh/chị việc mục {done.ref}:\n"
                            f"{done.content[:600]}\nLời nhắc việc này từ nay gửi cho anh/chị. "
                            f"Nếu không phải việc của mình, xem danh sách («viec») rồi gõ «tra lai SỐ».")  # fmt: skip
    await bot.say(inc.chat_id, f"Đã giao việc mục {done.ref} cho {person.name} — {done.unit_name}. "
                               "Các cán bộ khác của đơn vị thôi nhận lời nhắc việc này; nhóm của "
                               "đơn vị vẫn nhận.")  # fmt: skip


async def hand_back(bot: ZaloBot, inc: Incoming, asker: Asker, number: int) -> None:
    """«tra lai 2»: the assignee gives item 2 (its occurrence, else its task) back to the unit."""
    if inc.group:
        await bot.say(inc.chat_id, PRIVATE_ONLY)
        return
    if asker.officer is None:
        await bot.say(inc.chat_id, NOT_LINKED)
        return
    target = await _target(bot, inc, number)
    if target is None:
        return
    svc = bot.services
    try:
        async with svc.uow() as uow:
            back = await assignments.hand_back(uow, target[0], target[1], asker.officer, svc.now())  # fmt: skip
    except TthcError as exc:
        await bot.say(inc.chat_id, exc.message)
        return
    await bot.say(inc.chat_id, f"↩️ Đã trả lại việc mục {back.ref}{_when(back.due)}. "
                               "Mọi cán bộ của đơn vị lại nhận lời nhắc việc này.")  # fmt: skip
