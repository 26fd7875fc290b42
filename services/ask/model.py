"""What an answer holds: the reading, the tasks shown with their status, the reply."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.deadlines import WorkCalendar
from bot.questions import Query
from bot.questions.reply import Reply
from store import tasks_view as tv

PAGE_SIZE = 8


UPCOMING_DAYS = 14

# Beside tasks found in every plan when the asker's unit has none on the words asked.
WIDER_NOTE = "Đơn vị anh/chị không có việc này; đây là các việc trong kế hoạch."


REPORT_WORDS = {"month": "tháng", "quarter": "quý", "half": "6 tháng", "year": "năm", "any": ""}


@dataclass(frozen=True)
class AnsweredTask:
    """One task in an answer, with its due dates on this page and the unit's status."""

    id: int
    ref: str
    content: str
    lead: tuple[str, ...]
    support: tuple[str, ...]
    role: str | None
    due: tuple[date, ...]
    # open | done | overdue | ongoing | superseded (a past occurrence, not done, whose task has
    # a later past occurrence: only the latest past one is overdue)
    status: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "ref": self.ref,
            "content": self.content,
            "lead": list(self.lead),
            "support": list(self.support),
            "role": self.role,
            "due": [d.isoformat() for d in self.due],
            "status": self.status,
        }


@dataclass(frozen=True)
class Answer:
    """The reading, the tasks shown (this page) and the reply the officer sees."""

    query: Query
    tasks: tuple[AnsweredTask, ...]
    reply: Reply
    unit_name: str | None = None
    total: int = 0
    # Distinct tasks in the whole list when the list's own query counted them, else -1.
    task_count: int = -1

    def to_json(self) -> dict[str, Any]:
        p = self.query.period
        return {
            "question": self.query.text,
            "intent": self.query.intent.value,
            "period": {"start": p.start.isoformat(), "end": p.end.isoformat()} if p else None,
            "unit": self.unit_name,
            "tasks": [t.to_json() for t in self.tasks],
            "text": self.reply.to_text(),
        }


@dataclass(frozen=True)
class Ctx:
    session: Any
    query: Query
    scope: tv.Scope
    today: date
    calendar: WorkCalendar
    page: int
    unit_name: str | None
    note: str | None
    # Task id -> its latest last day before today, for the past open occurrences on the page.
    latest: dict[int, date] = field(default_factory=dict)
    # The tasks on the query's topic, ranked by its words (None: not looked up yet).
    topic_ids: list[int] | None = None
    # The plans' tasks on the topic when the unit has none (None: not looked up yet).
    wider_ids: list[int] | None = None
    # A count question: the list's page statement counts the distinct tasks too.
    count_tasks: bool = False
