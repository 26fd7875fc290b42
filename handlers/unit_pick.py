"""The unit named after a command (/moi, /nhom): one match, or buttons to choose among several."""

from __future__ import annotations

from telegram import Update

from handlers.context import BotContext, reply
from handlers.formatting import button, e, inline
from services import unit_lookup


async def named_unit(
    update: Update, context: BotContext, *, command: str, prefix: str, question: str
) -> int | None:
    """The id of the one unit the command's argument names.

    Otherwise replies (usage, not found, or a choice on buttons whose data is ``<prefix>:<id>``)
    and returns None.
    """
    name = " ".join(context.args or []).strip()
    if not name:
        await reply(update, f"Gõ tên đơn vị sau lệnh, ví dụ: /{command} Sở Tư pháp")
        return None
    svc = context.services
    async with svc.uow(read_only=True) as uow:
        found = await unit_lookup.find_units(uow, name)
    if not found:
        await reply(update, f"Không tìm thấy đơn vị “{e(name)}”.")
        return None
    if len(found) > 1:
        chat = update.effective_chat
        assert chat is not None
        rows = [[button(u.name, svc.sign(chat.id, f"{prefix}:{u.id}"))] for u in found]
        await reply(update, question, reply_markup=inline(rows))
        return None
    return found[0].id
