"""Vietnamese reminder texts (Telegram HTML, escaped) and the ✅/⏰ button data."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from bot import phrases
from bot.phrases import late_phrase, numbered_buttons
from bot.vndate import format_date

MAX_MESSAGE = 4000  # Telegram allows 4096 characters; keep room for the footer
MAX_CONTENT = 300

# Buttons under a task reminder; the Telegram handlers parse them with ``parse_callback``.
DONE_PREFIX = "rd"
SNOOZE_PREFIX = "rs"


@dataclass(frozen=True)
class TaskLine:
    """What a reminder says about one occurrence of a task."""

    task_id: int
    ref: str
    content: str
    due: date
    last_day: date
    before: bool
    role: str  # lead | support
    plan_title: str | None = None


def _clip(text: str, limit: int = MAX_CONTENT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def due_phrase(line: TaskLine) -> str:
    """ "Hạn: trước ngày 20/12/2026 · chậm nhất Thứ Sáu, 18/12/2026" (DOMAIN §8)."""
    return phrases.due_phrase(line.due, line.last_day, line.before)


def task_block(line: TaskLine) -> str:
    role = phrases.ROLE_LEAD if line.role == "lead" else phrases.ROLE_SUPPORT
    ref = f"<b>{escape(line.ref)}</b> " if line.ref else ""
    parts = [f"{ref}{escape(_clip(line.content))}", f"{escape(due_phrase(line))} · {role}"]
    if line.plan_title:
        parts.append(f"<i>{escape(_clip(line.plan_title, 120))}</i>")
    return "\n".join(parts)


def reminder_text(kind: str, line: TaskLine, working_days_left: int = 0) -> str:
    """The text of one task reminder of ``kind`` (before3, before1, dayof, overdue:…, snooze:…)."""
    if kind.startswith("before"):
        head = f"⏰ <b>Nhắc việc</b>: còn {working_days_left} ngày làm việc"
    elif kind == "dayof":
        head = "📌 <b>Hôm nay là hạn cuối</b>"
    elif kind.startswith("overdue"):
        head = f"⚠️ <b>{late_phrase(working_days_left).capitalize()}</b>, chưa hoàn thành"
    else:
        head = "⏰ <b>Nhắc lại</b>"
    return f"{head}\n{task_block(line)}"


def digest_text(title: str, sections: Sequence[tuple[str, Sequence[TaskLine]]]) -> str:
    """A digest: a title and sections of task lines; cut to Telegram's size with a count."""
    out = [f"<b>{escape(title)}</b>"]
    shown = total = 0
    for heading, lines in sections:
        if not lines:
            continue
        out.append(f"\n<b>{escape(heading)}</b> ({len(lines)})")
        for line in lines:
            total += 1
            role = "" if line.role == "lead" else " · phối hợp"
            ref = f"{escape(line.ref)} " if line.ref else ""
            item = f"• {ref}{escape(_clip(line.content, 120))} — {format_date(line.last_day)}{role}"
            if sum(len(x) + 1 for x in out) + len(item) > MAX_MESSAGE - 60:
                continue
            out.append(item)
            shown += 1
    if shown < total:
        out.append(f"… và {total - shown} việc khác (gõ /viec để xem)")
    return "\n".join(out)


def gathered_text(texts: Sequence[str]) -> str:
    """Reminders missed while the bot was down, gathered into one message."""
    head = f"🔔 <b>Trong lúc bot tạm dừng có {len(texts)} nhắc việc</b>"
    out = [head]
    for i, text in enumerate(texts):
        block = "\n\n" + text
        if sum(len(x) for x in out) + len(block) > MAX_MESSAGE - 60:
            out.append(f"\n\n… và {len(texts) - i} nhắc việc khác (gõ /viec để xem)")
            break
        out.append(block)
    return "".join(out)


@dataclass(frozen=True)
class OverdueLine:
    """One task in a morning's overdue list: its occurrence, real last day, working days late."""

    task_id: int
    due: date
    ref: str
    content: str
    last_day: date
    days_late: int


def overdue_list_text(
    lines: Sequence[OverdueLine], shown: int, marks: Mapping[tuple[int, date], str] | None = None
) -> str:
    """One morning's overdue reminders as one numbered list; ``shown`` lines, then a count.
    ``marks``: what a press recorded since it was sent ("✅ đã hoàn thành", "⏰ nhắc lại …")."""
    out = [f"⚠️ <b>{len(lines)} việc quá hạn, chưa hoàn thành</b>"]
    for i, line in enumerate(lines[:shown], 1):
        ref = f"<b>{escape(_clip(line.ref, 20))}</b> " if line.ref else ""
        mark = (marks or {}).get((line.task_id, line.due))
        out.append(
            f"{i}. {ref}{escape(_clip(line.content, 90))} — {phrases.last_day_phrase(line.last_day)}, "
            f"{late_phrase(line.days_late)}" + (f" · <b>{escape(mark)}</b>" if mark else "")
        )
    if len(lines) > shown:
        out.append(f"… và {len(lines) - shown} việc khác: gõ /quahan")
    out.append("Bấm ✅ khi việc đã xong, ⏰ để được nhắc lại sau.")
    return "\n".join(out)


def list_buttons(number: int, task_id: int, due: date) -> list[tuple[str, str]]:
    """The "✅ 1 · ⏰ 1 · 📄 1" row of the ``number``-th task of a list (the ✅/⏰ data as a single
    reminder's; 📄 is the task lists' detail button)."""
    done, snooze, detail = numbered_buttons(number)
    return [
        (done, callback_data(DONE_PREFIX, task_id, due)),
        (snooze, callback_data(SNOOZE_PREFIX, task_id, due)),
        (detail, detail_data(task_id, due)),
    ]


def detail_data(task_id: int, due: date) -> str:
    """📄 Chi tiết's data, as the task lists write it: ``i:<task>:<yyyymmdd>``."""
    return f"i:{task_id}:{due:%Y%m%d}"


def inactive_text(name: str | None, reason: str, group: bool = False, unit: str | None = None) -> str:  # fmt: skip
    """Told to coordinators when a recipient blocked the bot or the chat is gone: the officer (or
    group) by name and the reason in Vietnamese, never a chat id or the Bot API's English."""
    who = phrases.delivery_failure(name, reason, group)
    of_unit = f" ({escape(unit)})" if unit else ""
    return (
        f"⚠️ <b>Không gửi được nhắc việc</b>: {escape(who)}{of_unit}. "
        "Đã tạm dừng gửi cho người nhận này đến khi họ nhắn lại cho bot (ví dụ gõ /start)."
    )


def callback_data(prefix: str, task_id: int, due: date) -> str:
    """``rd:<task>:<yyyymmdd>`` (done) or ``rs:…`` (snooze); well under Telegram's 64 bytes."""
    return f"{prefix}:{task_id}:{due:%Y%m%d}"


def parse_callback(data: str) -> tuple[str, int, date] | None:
    """The inverse of ``callback_data``; None for anything else."""
    parts = data.split(":")
    if len(parts) != 3 or parts[0] not in (DONE_PREFIX, SNOOZE_PREFIX):
        return None
    try:
        d = parts[2]
        return parts[0], int(parts[1]), date(int(d[:4]), int(d[4:6]), int(d[6:8]))
    except ValueError:
        return None
