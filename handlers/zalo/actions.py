"""Typed actions on numbered items (``xong 2``, ``hoan tac 2``, ``nhac 2 3 ngay``, ``chi tiet 2``)
and ``moi``: the number is read from the chat's memory and the asker's rights checked before any
change."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from bot import phrases
from bot.assignment import assigned_note
from bot.deadlines.render import deadline_lines
from bot.errors import TthcError
from bot.phrases import (
    DONE_BEFORE,
    TEAM,
    UNDO_GONE,
    UNDO_MINUTES,
    done_confirmation,
    snooze_mark,
    text_limit_line,
    undone,
)
from bot.reminders.policy import from_settings
from bot.vndate import format_date, short_date
from handlers.formatting import role_label
from services import assignments, evidence, invites, progress, unit_lookup, unit_tasks, zalo
from services.officers import Officer

if TYPE_CHECKING:
    from handlers.zalo.router import Asker, Incoming, ZaloBot

MAX_SNOOZE_DAYS = 30
UNDO_HINT = "↩️ Bấm nhầm? Gõ «hoan tac {}» trong 10 phút để hoàn tác."
# Issue 16: the report's number attached by typing it after the item's number (no files on Zalo).
EVIDENCE_HINT = "📎 Gửi kèm số hiệu báo cáo (không bắt buộc): gõ «bc {} 123/BC-STP»."
NOT_LINKED = (
    "Chỉ cán bộ của đơn vị đã liên kết Zalo với bot mới ghi nhận hoàn thành hoặc hẹn nhắc sau được."
)
NO_UNIT = f"Tài khoản chưa gắn với đơn vị nào. Hãy liên hệ {TEAM}."


async def _target(bot: ZaloBot, inc: Incoming, number: int) -> tuple[int, date | None] | None:
    async with bot.services.uow(read_only=True) as uow:
        numbers = (await zalo.state_of(uow, inc.key)).get("numbers") or {}
        found = numbers.get(str(number)) if isinstance(numbers, dict) else None
        due = await zalo.occurrence(uow, int(found[0]), found[1]) if found else None
    if not found:
        await bot.say(inc.chat_id, f"Không có việc số {number} trong danh sách gần nhất. Gõ «viec» để xem lại.")  # fmt: skip
        return None
    return int(found[0]), due


async def _actor(bot: ZaloBot, inc: Incoming, asker: Asker) -> tuple[Officer, int] | None:
    """Changing a task needs a linked active officer with a unit (in a group: the group's)."""
    officer = asker.officer
    if officer is None:
        await bot.say(inc.chat_id, NOT_LINKED)
        return None
    if officer.unit_id is None:
        await bot.say(inc.chat_id, NO_UNIT)
        return None
    if inc.group and officer.unit_id != asker.unit_id:
        await bot.say(inc.chat_id, "Anh/chị không thuộc đơn vị của nhóm này.")
        return None
    return officer, officer.unit_id


async def _acting(
    bot: ZaloBot, inc: Incoming, asker: Asker, number: int
) -> tuple[Officer, int, tuple[int, date | None]] | None:
    """The officer acting, their unit and the task number ``number`` names; None once told why."""
    actor = await _actor(bot, inc, asker)
    target = await _target(bot, inc, number) if actor else None
    if actor is None or target is None:
        return None
    return actor[0], actor[1], target


async def done(bot: ZaloBot, inc: Incoming, asker: Asker, number: int) -> None:
    found = await _acting(bot, inc, asker, number)
    if found is None:
        return
    officer, unit_id, target = found
    svc = bot.services
    try:
        async with svc.uow() as uow:
            line = await unit_tasks.task_line(uow, target[0], unit_id, target[1])
            result = await progress.mark_done(uow, target[0], unit_id, target[1], officer.id, svc.now())  # fmt: skip
    except TthcError as exc:
        await bot.say(inc.chat_id, exc.message)
        return
    when = format_date(line.last_day) if line.last_day else "không ghi hạn"
    what = f"{line.ref} {line.content[:200]}".strip()
    if not result.recorded:
        await bot.say(inc.chat_id, f"✅ {DONE_BEFORE}\n{what} — hạn {when}")
        return
    async with svc.uow(read_only=True) as uow:
        unit = await unit_lookup.unit_name(uow, unit_id)
    await bot.say(inc.chat_id, f"{done_confirmation(unit, what)}\nHạn: {when}\n"
                               f"{UNDO_HINT.format(number)}\n{EVIDENCE_HINT.format(number)}")  # fmt: skip


async def undo(bot: ZaloBot, inc: Incoming, asker: Asker, number: int) -> None:
    """«hoan tac 2»: Zalo's ↩️ Hoàn tác — a ✅ of the unit taken back within 10 minutes."""
    found = await _acting(bot, inc, asker, number)
    if found is None:
        return
    officer, unit_id, target = found
    svc = bot.services
    now = svc.now()
    try:
        async with svc.uow() as uow:
            line = await unit_tasks.task_line(uow, target[0], unit_id, target[1])
            taken = await progress.undo_done(uow, target[0], unit_id, target[1], officer.id,
                                             now, since=now - timedelta(minutes=UNDO_MINUTES))  # fmt: skip
            unit = await unit_lookup.unit_name(uow, unit_id)
    except TthcError as exc:
        await bot.say(inc.chat_id, exc.message)
        return
    what = f"{line.ref} {line.content[:200]}".strip()
    await bot.say(inc.chat_id, undone(unit, what) if taken else UNDO_GONE)


async def snooze(bot: ZaloBot, inc: Incoming, asker: Asker, number: int, days: int) -> None:
    found = await _acting(bot, inc, asker, number)
    if found is None:
        return
    officer, unit_id, target = found
    svc = bot.services
    days = min(max(days, 1), MAX_SNOOZE_DAYS)
    now = svc.now()
    hour = from_settings(officer.settings).hour
    try:
        async with svc.uow() as uow:
            until = progress.snooze_until(now, days, hour, await svc.calendar(uow.session))
            line = await unit_tasks.task_line(uow, target[0], unit_id, target[1])
            await progress.snooze(uow, target[0], officer.id, target[1], until, now)
    except TthcError as exc:
        await bot.say(inc.chat_id, exc.message)
        return
    await bot.say(inc.chat_id, f"{snooze_mark(until.date(), hour)}: {line.content[:200]}")


async def detail(bot: ZaloBot, inc: Incoming, asker: Asker, number: int) -> None:
    """The whole task, for whoever may read it (the unit, its group, coordinators)."""
    target = await _target(bot, inc, number)
    if target is None:
        return
    task_id, due = target
    try:
        async with bot.services.uow(read_only=True) as uow:
            if not asker.read_all:
                if asker.unit_id is None:
                    await bot.say(inc.chat_id, NO_UNIT)
                    return
                await unit_tasks.task_line(uow, task_id, asker.unit_id, due)
            d = await unit_tasks.task_detail(uow, task_id)
            found = await unit_tasks.occurrence_days(uow, task_id, due) if due else None
            cal = await bot.services.calendar(uow.session)
            limit = (await unit_tasks.text_limits(uow, [task_id])).get(task_id)
            held = await assignments.holding(uow, task_id, asker.unit_id, due, live=True) if asker.unit_id else None  # fmt: skip
    except TthcError as exc:
        await bot.say(inc.chat_id, exc.message)
        return
    parts = [f"📄 Mục {d['ref']} — {d['plan'] or ''}", str(d["content"])]
    if d["result"]:
        parts.append(f"Sản phẩm: {d['result']}")
    if due and found:
        plan_date, last = deadline_lines(due, found[0], found[1], cal)
        parts += [f"Hạn: {plan_date}", last, f"Ghi trong kế hoạch: {d['deadline'] or 'không ghi'}"]
    else:
        parts.append(f"Hạn: {d['deadline'] or 'không ghi'}")
    if limit:
        parts.append(text_limit_line(limit[:400]))
    for role in ("lead", "support"):
        names = d[role]
        if isinstance(names, list) and names:
            parts.append(f"{role_label(role).capitalize()}: {', '.join(names)}")
    if d["notes"]:
        parts.append(f"Ghi chú: {d['notes']}")
    if held is not None:  # assigned in the reader's unit (issue 16)
        parts.append(f"📌 {assigned_note(held.officer_name, first=True)}")
        if asker.officer is not None and asker.officer.id == held.officer_id and not inc.group:
            parts.append(f"Gõ «tra lai {number}» để trả lại việc cho cả đơn vị.")
    await bot.say(inc.chat_id, "\n".join(parts))


async def invite(bot: ZaloBot, inc: Incoming, officer: Officer, name: str) -> None:
    """moi TÊN ĐƠN VỊ (coordinators, in private): a single-use code for Zalo and Telegram."""
    if inc.group:
        return
    svc = bot.services
    async with svc.uow() as uow:
        found = await unit_lookup.find_units(uow, name.strip())
        if not found:
            await bot.say(inc.chat_id, f"Không tìm thấy đơn vị “{name.strip()}”.")
            return
        unit = await unit_lookup.unit_name(uow, found[0].id)
        code = await invites.create_invite(uow, found[0].id, officer.telegram_id, svc.now())
    await bot.say(inc.chat_id, f"Mã mời cho {unit} (dùng một lần, hết hạn sau 7 ngày):\n{code}\n"
                               "Trên Zalo: gửi mã này cho bot. Trên Telegram: /start " + code)  # fmt: skip


async def attach_number(bot: ZaloBot, inc: Incoming, asker: Asker, number: int, typed: str) -> None:  # fmt: skip
    """«bc 2 123/BC-STP»: the report's number kept with the unit's ✅ of item 2 (issue 16)."""
    found = await _acting(bot, inc, asker, number)
    if found is None:
        return
    officer, unit_id, target = found
    svc = bot.services
    try:
        async with svc.uow() as uow:
            done = await evidence.attach_number_to(uow, officer, target[0], target[1], unit_id, typed, svc.now())  # fmt: skip
    except TthcError as exc:
        await bot.say(inc.chat_id, exc.message)
        return
    when = f", hạn {short_date(done.due)}" if done.due else ""
    line = phrases.evidence_attached(done.number, None).rstrip(".")
    await bot.say(inc.chat_id, f"{line} (việc mục {done.ref}{when}).")
