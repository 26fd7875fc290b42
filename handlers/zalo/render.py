"""Channel-neutral replies rendered for Zalo: plain text within 2,000 characters, numbered items
with typed actions in place of buttons, and a "xem thêm" cut when a page does not fit.

Pure functions: the router keeps which number meant which task occurrence in the store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from bot.assignment import assigned_note
from bot.phrases import DONE_MARK, late_phrase
from bot.questions.reply import Reply, shorten
from bot.vndate import format_date
from handlers.formatting import role_label
from services.ask import Answer
from services.unit_tasks import TaskLine

LIMIT = 2000
MORE = "👉 Gõ «xem thêm» để xem tiếp."
ACTIONS = "Thao tác: «xong 1» khi việc số 1 đã xong · «hoan 1 3 ngay» nhắc lại sau 3 ngày · «chi tiet 1» xem đầy đủ."  # fmt: skip

# Task id and occurrence: its nominal due date (ISO), "L" + its real last day (ISO) when only
# that is known (a question's answer), or None for an undated task.
Target = tuple[int, str | None]


@dataclass(frozen=True)
class Item:
    """One numbered entry: its lines, the heading it sits under, the occurrence it stands for."""

    lines: tuple[str, ...]
    heading: str | None = None
    target: Target | None = None


@dataclass(frozen=True)
class Page:
    text: str
    numbers: dict[int, Target]  # the numbers shown on this page
    next_skip: int | None  # where "xem thêm" continues (None: nothing left on this view)


def layout(
    title: str,
    items: Sequence[Item],
    *,
    first_number: int = 1,
    skip: int = 0,
    lines: Sequence[str] = (),
    hint: str | None = None,
    more_after: bool = False,
    empty: str = "Không có việc nào.",
    limit: int = LIMIT,
) -> Page:
    """Items from ``skip`` on, numbered from ``first_number``, as many as fit in ``limit``.

    ``more_after``: another page follows this view's items (a question's next page), so the
    reader is told to type «xem thêm» even when every item fitted.
    """
    head = [title, *lines] if skip == 0 else [title]
    out = "\n".join(head)
    if not items and skip == 0 and not lines and empty:
        out += "\n" + empty
    numbers: dict[int, Target] = {}
    heading: str | None = None
    shown = 0
    tail_room = len(MORE) + len(ACTIONS) + len(hint or "") + 8
    for i, item in enumerate(items[skip:]):
        number = first_number + i
        block = []
        if item.heading and item.heading != heading:
            block.append(f"\n📅 {item.heading}")
        first, *rest = item.lines or ("",)
        block.append(f"{number}. {first}")
        block.extend(f"   {r}" for r in rest)
        text = "\n".join(block)
        if shown and len(out) + 1 + len(text) + tail_room > limit:
            break
        out += "\n" + text[: limit - tail_room - len(out) - 1]
        heading = item.heading or heading
        shown += 1
        if item.target is not None:
            numbers[number] = item.target
    left = skip + shown < len(items)
    tail = []
    if numbers:
        tail.append(ACTIONS.replace(" 1", f" {min(numbers)}"))
    if hint and not left:
        tail.append(f"👉 {hint}")
    if left or more_after:
        tail.append(MORE)
    if tail:
        out += "\n\n" + "\n".join(tail)
    return Page(out[:limit], numbers, skip + shown if left else None)


def status_of(line: TaskLine, today: date, days_late: Callable[[date], int] | None = None) -> str:
    held = f" · 📌 {assigned_note(line.assignee)}" if line.assignee else ""
    if line.done:
        return f" · {DONE_MARK}" + held
    if line.superseded:
        return " · đã qua (xem hạn sau)" + held
    if line.last_day and line.last_day < today:
        late = late_phrase(days_late(line.last_day)) if days_late else "quá hạn"
        return f" · ⚠️ {late}" + held
    return held


def task_items(
    lines: Sequence[TaskLine], today: date, days_late: Callable[[date], int] | None = None
) -> list[Item]:
    """A task list (the same lines the Telegram lists show; ``days_late`` words lateness in
    working days)."""
    items = []
    for line in lines:
        when = format_date(line.last_day) if line.last_day else "không ghi hạn"
        due = line.due_date.isoformat() if line.due_date else None
        items.append(Item(
            (f"{when} · {role_label(line.role)}{status_of(line, today, days_late)}",
             f"{shorten(line.content)} (mục {line.ref})"),
            target=None if line.done else (line.task_id, due),
        ))  # fmt: skip
    return items


def answer_items(answer: Answer) -> list[Item]:
    """A question's reply, each item matched to its task occurrence (by ref, in order)."""
    by_ref = {t.ref: t for t in answer.tasks}
    seen: dict[str, int] = {}
    items = []
    for group in answer.reply.groups:
        for item in group.items:
            task = by_ref.get(item.ref)
            target: Target | None = None
            if task is not None and task.status not in ("done", "superseded"):
                k = seen.get(item.ref, 0)
                seen[item.ref] = k + 1
                due = task.due[min(k, len(task.due) - 1)] if task.due else None
                target = (task.id, "L" + due.isoformat() if due else None)
            parts = " · ".join(item.parts())
            lines = (f"[{item.ref}] {shorten(item.content)}",) + ((parts,) if parts else ())
            items.append(Item(lines, heading=group.heading, target=target))
    return items


def reply_page(reply: Reply, items: Sequence[Item], first_number: int, skip: int) -> Page:
    return layout(reply.title, items, first_number=first_number, skip=skip,
                  lines=reply.lines, hint=reply.hint, more_after=reply.more, empty="")  # fmt: skip
