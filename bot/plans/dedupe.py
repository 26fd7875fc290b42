"""Rows repeated word for word are one task: same content, product, units, deadline and notes.

A plan with the same row 500 times once became 500 tasks and 1,500 reminders a week for one
officer. The first of the identical rows is kept; the report says how many were dropped.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.model import TaskDraft


def _key(t: TaskDraft) -> tuple[object, ...]:
    # The ref and the section are where the row sits, not what it asks. The fields are cleaned
    # cell text (spaces squashed); they must be the same letter for letter ("bán" and "bàn"
    # are different tasks).
    return (
        t.content,
        t.result or "",
        tuple(sorted(t.lead)),
        tuple(sorted(t.support)),
        t.deadline or "",
        t.notes or "",
    )


def drop_duplicates(tasks: Iterable[TaskDraft]) -> tuple[tuple[TaskDraft, ...], int]:
    """The tasks with each repeated one kept once (its first row), and how many were dropped."""
    kept: list[TaskDraft] = []
    seen: set[tuple[object, ...]] = set()
    dropped = 0
    for t in tasks:
        key = _key(t)
        if key in seen:
            dropped += 1
            continue
        seen.add(key)
        kept.append(t)
    return tuple(kept), dropped
