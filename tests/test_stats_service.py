"""On-time statistics (bot.stats, store.stats_repo, services.stats) on SQLite and PostgreSQL.

The world (August 2025, today Friday 22/8): "Các sở" leads a monthly report due 20/8 — made
Tuesday 19/8 by a day off on Wednesday 20/8 — with Sở C cooperating; Sở A alone leads a task
due 29/8, Sở B one due 28/8, both lead one due 11/8; an inactive task is left out.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.deadlines import Occurrence, WorkCalendar
from bot.questions.periods import month_period
from bot.stats import DoneCount, TaskCount, count
from bot.text import fold
from services.stats import statistics
from store.db import make_sessionmaker
from store.models import CompletionRow, PlanRow, TaskDueRow, TaskRow, TaskUnitRow, UnitRow
from store.uow import UnitOfWork

VN = ZoneInfo("Asia/Ho_Chi_Minh")
DAY_OFF = date(2025, 8, 20)
CAL = WorkCalendar([DAY_OFF])
T0 = datetime(2025, 1, 1, tzinfo=UTC)
TODAY = date(2025, 8, 22)

UNITS = [  # key, name, kind, rule
    ("sa", "Sở A", "department", None),
    ("sb", "Sở B", "department", None),
    ("sc", "Sở C", "department", None),
    ("cac-so", "Các sở, ban, ngành", "group", {"kinds": ["department"]}),
]
TASKS = [  # ref, lead, support, dues, active
    ("T1", ["cac-so"], ["sc"], [date(2025, 7, 20), date(2025, 8, 20), date(2025, 9, 20)], True),
    ("T2", ["sa"], [], [date(2025, 8, 29)], True),
    ("T3", ["sb"], [], [date(2025, 8, 28)], True),
    ("T4", ["sa", "sb"], [], [date(2025, 8, 11)], True),
    ("T5", ["sa"], [], [date(2025, 8, 12)], False),
]
DONE = [  # task, unit, due, done at (UTC)
    ("T1", "sa", date(2025, 8, 20), datetime(2025, 8, 19, 16, 30, tzinfo=UTC)),  # 23:30 on 19/8
    ("T1", "sb", date(2025, 8, 20), datetime(2025, 8, 19, 17, 10, tzinfo=UTC)),  # 00:10 on 20/8
    ("T1", "sc", date(2025, 8, 20), datetime(2025, 8, 1, 2, 0, tzinfo=UTC)),  # cooperating
    ("T3", "sb", date(2025, 8, 28), datetime(2025, 8, 21, 2, 0, tzinfo=UTC)),  # ahead
    ("T4", "sc", date(2025, 8, 11), datetime(2025, 8, 1, 2, 0, tzinfo=UTC)),  # owes nothing
    ("T5", "sa", date(2025, 8, 12), datetime(2025, 8, 30, 2, 0, tzinfo=UTC)),  # inactive
]


def test_last_day_moved_by_the_day_off() -> None:
    assert CAL.last_day(Occurrence(DAY_OFF, False)) == date(2025, 8, 19)
    assert WorkCalendar().last_day(Occurrence(DAY_OFF, False)) == DAY_OFF


def test_count_pure() -> None:
    tasks = {1: TaskCount(past=3, future=1), 2: TaskCount(past=0, future=2)}
    leads = {1: [10, 11, 10], 2: [11]}
    done = {
        (10, 1): DoneCount(on_time_past=2, late=1),
        (11, 1): DoneCount(late=1),
        (11, 2): DoneCount(on_time_future=1),
        (12, 1): DoneCount(on_time_past=3),  # not a lead: ignored
    }
    stats = count(tasks, leads, done, {10: "A", 11: "B"})
    got = {u.name: (u.on_time, u.done_late, u.late_open, u.not_due) for u in stats.units}
    assert got == {"A": (2, 1, 0, 1), "B": (1, 1, 2, 2)}
    assert [u.name for u in stats.units] == ["B", "A"]  # B has two late and not done
    t = stats.totals
    assert (t.on_time, t.late, t.not_due, t.total, t.units) == (3, 4, 3, 10, 2)


async def build(sessions: Any) -> dict[str, int]:
    ids: dict[str, int] = {}
    async with UnitOfWork(sessions) as uow:
        s = uow.session
        for key, name, kind, rule in UNITS:
            row = UnitRow(key=key, name=name, kind=kind, is_group=kind == "group", rule=rule)
            s.add(row)
            await s.flush()
            ids[key] = row.id
        plan = PlanRow(identity="stats", source="kh.txt", issuer="UBND tỉnh Thử", year=2025,
                       title="Kế hoạch 2025", fingerprint="x", imported_at=T0,
                       updated_at=T0)  # fmt: skip
        s.add(plan)
        await s.flush()
        for pos, (ref, lead, support, dues, active) in enumerate(TASKS):
            content = f"Báo cáo {ref}"
            task = TaskRow(plan_id=plan.id, position=pos, ref=ref, content=content, active=active,
                           deadline="thử", search_text=fold(content), inferred=[])  # fmt: skip
            s.add(task)
            await s.flush()
            ids[ref] = task.id
            for due in dues:
                s.add(TaskDueRow(task_id=task.id, due_date=due,
                                 last_day=CAL.last_day(Occurrence(due, False)),
                                 before=False))  # fmt: skip
            for role, keys in (("lead", lead), ("support", support)):
                for key in keys:
                    s.add(TaskUnitRow(task_id=task.id, role=role, mention=key, unit_id=ids[key]))
        for ref, key, due, at in DONE:
            s.add(CompletionRow(task_id=ids[ref], unit_id=ids[key], due_date=due, done_at=at))
        await uow.commit()
    return ids


@pytest.fixture
async def world(engine):  # type: ignore[no-untyped-def]
    sessions = make_sessionmaker(engine)
    return sessions, await build(sessions)


async def test_counts_by_hand(world: Any) -> None:
    sessions, _ids = world
    async with UnitOfWork(sessions, read_only=True) as uow:
        report = await statistics(uow, month_period(2025, 8), TODAY, VN)
    got = [(u.name, u.on_time, u.done_late, u.late_open, u.not_due) for u in report.stats.units]
    assert got == [
        ("Sở B", 1, 1, 1, 0),  # T3 ahead; T1 at 00:10 on the day off (late); T4 open
        ("Sở A", 1, 0, 1, 1),  # T1 at 23:30 on 19/8; T4 open; T2 not yet due
    ]
    # Sở C cooperates on T1 and owes nothing as lead: not listed although it marked done.
    totals = report.stats.totals
    assert (totals.on_time, totals.late, totals.not_due) == (2, 3, 1)


async def test_before_the_last_day_everything_is_in_time(world: Any) -> None:
    sessions, _ids = world
    async with UnitOfWork(sessions, read_only=True) as uow:
        report = await statistics(uow, month_period(2025, 8), date(2025, 8, 1), VN)
    got = {u.name: (u.on_time, u.done_late, u.late_open, u.not_due) for u in report.stats.units}
    # T1 for Sở B was done after its last day, even though "today" is earlier (a future stamp
    # cannot be on time); everything else not done is still in time.
    assert got["Sở A"] == (1, 0, 0, 2)
    assert got["Sở B"] == (1, 1, 0, 1)


async def test_an_empty_period(world: Any) -> None:
    sessions, _ids = world
    async with UnitOfWork(sessions, read_only=True) as uow:
        report = await statistics(uow, month_period(2025, 2), TODAY, VN)
    assert report.stats.units == []
    assert report.stats.totals.total == 0


def test_escalation_button_is_the_status_boards_nudge() -> None:
    from bot.questions.periods import Period
    from handlers.status import NUDGE, decode, encode
    from services.escalation import after_days_of, kind_for, nudge_data

    start, end = date(2025, 7, 10), date(2025, 7, 18)
    data = nudge_data(start, end)
    assert data == f"{NUDGE}:{encode(Period(start, end, 'x'), True)}"
    period, every = decode(data.split(":")[1:])  # type: ignore[misc]
    assert (period.start, period.end, every) == (start, end, True)
    assert after_days_of(kind_for(5)) == 5 and after_days_of("digest") is None


def test_escalation_setting() -> None:
    from bot.settings import Settings

    assert Settings.from_env({}).escalate_after_days == 3
    assert Settings.from_env({"TTHC_ESCALATE_AFTER_DAYS": "5"}).escalate_after_days == 5
    assert Settings.from_env({"TTHC_ESCALATE_AFTER_DAYS": "0"}).escalate_after_days == 1


async def test_escalation_planned_once_per_coordinator_and_morning(world: Any) -> None:
    """Two planning runs (two processes, a restart) write one row per coordinator and morning,
    on SQLite and PostgreSQL; the list names the lead units not done 3 working days on."""
    from sqlalchemy import select

    from services.calendar import work_calendar
    from services.escalation import escalated
    from services.reminders import plan_reminders
    from store.models import OfficerRow, OutboxRow

    sessions, ids = world
    async with UnitOfWork(sessions) as uow:
        uow.session.add(OfficerRow(telegram_id=800, name="VP", role="coordinator", status="active",
                                   settings={}, created_at=T0))  # fmt: skip
        uow.session.add(OfficerRow(telegram_id=501, name="A", unit_id=ids["sa"], status="active",
                                   settings={}, created_at=T0))  # fmt: skip
        await uow.commit()
    now = datetime(2025, 8, 22, 0, 0, tzinfo=UTC)  # 07:00 on Friday in Vietnam
    for at in (now, now):
        async with UnitOfWork(sessions) as uow:
            await plan_reminders(uow, at, escalate_after=3, tz=VN)
    async with UnitOfWork(sessions) as uow:
        rows = (
            await uow.session.execute(
                select(OutboxRow.chat_id, OutboxRow.due_date).where(OutboxRow.kind == "escalate:3")
            )
        ).all()
        found = await escalated(uow.session, TODAY, 3, await work_calendar(uow.session))
    # Friday 22/8 (planned two days ahead: the week-end has no morning list), the coordinator
    # only, once.
    assert sorted(rows) == [(800, date(2025, 8, 22))]
    # T1's July report (Sunday 20/7, last day Friday 18/7) is 25 working days late for both,
    # T4 (Monday 11/8) 9; T1's August report is done by both; Sở C only cooperates.
    assert [(x.ref, x.units, x.days_late) for x in found] == [
        ("T1", ("Sở A", "Sở B"), 25),
        ("T4", ("Sở A", "Sở B"), 9),
    ]


def test_the_new_words_avoid_what_officers_must_not_read() -> None:
    """Every phrase the statistics and the escalation list add (DOMAIN.md §8)."""
    import re

    from bot import phrases
    from bot.questions.periods import month_period
    from bot.stats import Stats, UnitStats
    from services.escalation import Escalated, message_text
    from services.stats import StatsReport
    from services.stats_export import to_text

    report = StatsReport(month_period(2025, 8), TODAY, Stats([UnitStats(1, "Sở A", 1, 2, 3, 4)]))
    items = [Escalated(1, "V.1", "Báo cáo tháng", date(2025, 8, 19), date(2025, 8, 19), 3,
                       ("Sở A", "Sở B"))]  # fmt: skip
    texts = [
        to_text(report),
        to_text(report, html=True),
        to_text(StatsReport(month_period(2025, 8), TODAY, Stats())),
        message_text(items * 40, 3),
        phrases.STATS_NOT_COORDINATOR,
        phrases.STATS_PRIVATE_ONLY,
        phrases.BUTTON_NUDGE,
        phrases.stats_bad_period("tuần abc"),
        phrases.escalation_tail(),
        *phrases.STATS_LABELS.values(),
    ]
    for text in texts:
        low = text.lower()
        for word in phrases.AVOIDED_WORDS:
            assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", low), (word, text)
    listed = message_text(items * 40, 3)
    assert "… và 25 việc khác" in listed and len(listed) < 4096
