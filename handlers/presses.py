"""Reading a press: its signed fields (the reminder sender's ``rd:``/``rs:`` buttons too), and
occurrences in callback data. Shared by the task lists and the task buttons."""

from __future__ import annotations

from datetime import date, datetime

from telegram import Update

from bot.reminders.texts import DONE_PREFIX, SNOOZE_PREFIX, parse_callback
from handlers.context import STALE, BotContext

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
