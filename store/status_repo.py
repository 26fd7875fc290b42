"""The reads of the coordinator's status board and its nudge (services/status*.py): plain tuples
and small dataclasses out; nothing here commits."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import stored_utc
from store import escalation_repo, evidence_repo
from store.evidence_repo import Evidence
from store.models import CompletionRow, GroupChatRow, OfficerRow, PlanRow, TaskDueRow, TaskRow


@dataclass(frozen=True)
class DueRow:
    """One occurrence of an active task, with its task's and plan's fields."""

    task_id: int
    due_date: date
    last_day: date
    before: bool
    ref: str
    content: str
    search_text: str | None
    plan_id: int
    plan_title: str | None


class StatusRepo:
    """``uow.status``; reads only."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def due_between(
        self, start: date, end: date, *, containing: str | None = None
    ) -> list[DueRow]:
        """Occurrences of active tasks whose real last day is in [start, end], in the board's
        order; with ``containing``, only tasks whose folded text contains it (a pre-filter)."""
        stmt = (
            select(
                TaskDueRow.task_id,
                TaskDueRow.due_date,
                TaskDueRow.last_day,
                TaskDueRow.before,
                TaskRow.ref,
                TaskRow.content,
                TaskRow.search_text,
                PlanRow.id,
                PlanRow.title,
            )
            .join(TaskRow, TaskRow.id == TaskDueRow.task_id)
            .join(PlanRow, PlanRow.id == TaskRow.plan_id)
            .where(
                TaskDueRow.last_day >= start,
                TaskDueRow.last_day <= end,
                TaskRow.active.is_(True),
            )
            .order_by(TaskDueRow.last_day, PlanRow.id, TaskRow.position, TaskDueRow.due_date)
        )
        if containing is not None:
            stmt = stmt.where(TaskRow.search_text.like(f"%{containing}%"))
        return [
            DueRow(r[0], r[1], r[2], bool(r[3]), r[4], r[5], r[6], r[7], r[8])
            for r in (await self._session.execute(stmt)).all()
        ]

    async def mentions(self, task_ids: list[int]) -> dict[int, list[tuple[str, str, int | None]]]:
        """Each task's (role, mention, unit id), in the plan's order."""
        return await escalation_repo.mentions_of(self._session, task_ids)

    async def per_year(self, task_ids: list[int], years: set[int]) -> dict[tuple[int, int], int]:
        """How many occurrences each task has in each of ``years`` (a report's rhythm)."""
        rows = await self._session.execute(
            select(TaskDueRow.task_id, TaskDueRow.due_date).where(
                TaskDueRow.task_id.in_(task_ids),
                TaskDueRow.due_date >= date(min(years), 1, 1),
                TaskDueRow.due_date <= date(max(years), 12, 31),
            )
        )
        counts: dict[tuple[int, int], int] = defaultdict(int)
        for task_id, due in rows.all():
            counts[(task_id, due.year)] += 1
        return dict(counts)

    async def done_at(
        self, task_ids: list[int], first_due: date, last_due: date
    ) -> dict[tuple[int, int, date], datetime]:
        """When each (task, unit, due date) was marked done (UTC), for due dates in [first,
        last]."""
        rows = await self._session.execute(
            select(
                CompletionRow.task_id,
                CompletionRow.unit_id,
                CompletionRow.due_date,
                CompletionRow.done_at,
            ).where(
                CompletionRow.task_id.in_(task_ids),
                CompletionRow.due_date >= first_due,
                CompletionRow.due_date <= last_due,
            )
        )
        return {(t, u, d): stored_utc(at) for t, u, d, at in rows.all()}

    async def evidence(
        self, task_ids: list[int], first_due: date, last_due: date
    ) -> dict[tuple[int, int, date], Evidence]:
        """What each completion carries (📎), by (task, unit, due date)."""
        return await evidence_repo.of_tasks(self._session, task_ids, first_due, last_due)

    async def reachable_units(self) -> set[int]:
        """Units with at least one active officer or an active linked group chat."""
        officers = await self._session.scalars(
            select(OfficerRow.unit_id)
            .where(OfficerRow.status == "active", OfficerRow.unit_id.is_not(None))
            .distinct()
        )
        groups = await self._session.scalars(
            select(GroupChatRow.unit_id).where(GroupChatRow.active.is_(True)).distinct()
        )
        return {u for u in officers.all() if u is not None} | set(groups.all())

    async def chats_of(self, unit_ids: set[int]) -> dict[int, list[tuple[int, int | None]]]:
        """Per unit: (chat id, officer id or None for a group) of its active officers whose
        chat takes messages and of its active linked groups."""
        out: dict[int, list[tuple[int, int | None]]] = {u: [] for u in unit_ids}
        if not unit_ids:
            return out
        officers = await self._session.execute(
            select(OfficerRow.unit_id, OfficerRow.telegram_id, OfficerRow.id).where(
                OfficerRow.unit_id.in_(sorted(unit_ids)),
                OfficerRow.status == "active",
                OfficerRow.chat_active.is_(True),
            )
        )
        for unit_id, chat_id, officer_id in officers.all():
            if unit_id is not None:
                out[unit_id].append((chat_id, officer_id))
        groups = await self._session.execute(
            select(GroupChatRow.unit_id, GroupChatRow.chat_id).where(
                GroupChatRow.unit_id.in_(sorted(unit_ids)), GroupChatRow.active.is_(True)
            )
        )
        for unit_id, chat_id in groups.all():
            out[unit_id].append((chat_id, None))
        return out
