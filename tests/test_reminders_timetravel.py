"""Time travel: the seed plans imported, an injected clock walks 26/12/2024 → 5/2/2025 hour by
hour (planner at midnight, dispatcher at 00:00 and 06:00-11:00) and every reminder's day and hour
is checked.

The window holds a deadline on a Sunday ("Trước ngày 05/01/2025" → Friday 3/1), one on a Saturday
("trước ngày 25" → Friday 24/1) and one inside Tết ("Trước ngày 31/01/2025": 27/1-1/2 are
holidays → Friday 24/1, overdue reminders resume on Monday 3/2). Expectations are written by hand.
A recipient's overdue reminders of one morning arrive as one list (one message, several rows).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from reminders_fakes import MutableClock, RecordingPort
from reminders_support import World, add_group, add_officer
from sqlalchemy import select

from bot.deadlines import WorkCalendar
from bot.plans import read_plan
from reminders.dispatcher import Dispatcher
from reminders.outbox import utc
from reminders.send_types import UNLIMITED
from services.imports import import_plan
from services.progress import mark_done, snooze
from services.reminders import plan_reminders
from services.units import ensure_directory, find_unit
from store.models import OutboxRow, TaskRow, UnitRow
from store.uow import UnitOfWork
from tests.conftest import seeds_or_skip

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
START = datetime(2024, 12, 26, 0, 0, tzinfo=TZ)
END = datetime(2025, 2, 6, 0, 0, tzinfo=TZ)
TP, VP, VP7, GROUP = 9001, 9002, 9003, -9004  # chat ids
TET = {date(2025, 1, d) for d in (27, 28, 29, 30, 31)} | {date(2025, 2, 1), date(2025, 1, 1)}


def d(day: str, hour: int = 8) -> datetime:
    """'30/12' or '3/1' (year implied by the walk) at ``hour`` local."""
    dd, mm = (int(x) for x in day.split("/"))
    return datetime(2024 if mm == 12 else 2025, mm, dd, hour, 0, tzinfo=TZ)


def lead(ref: str, b3: str, b1: str, dayof: str | None, overdue: list[str], h: int = 8) -> set[Any]:
    out = {(ref, "before3", d(b3, h)), (ref, "before1", d(b1, h))}
    if dayof:
        out.add((ref, "dayof", d(dayof, h)))
    out |= {(ref, "overdue", d(x, h)) for x in overdue}
    return out


# Sở Tư pháp owes the tasks of "Các sở, ban, ngành tỉnh". It marks II.1 done on 8/1 at 09:00,
# VIII.12 on 10/1 at 09:00 and VI.1 on 16/1 at 09:00.
EXPECTED = {
    TP: lead("II.1", "30/12", "2/1", "3/1", ["6/1", "7/1", "8/1"])
    | lead("VIII.12", "6/1", "8/1", "9/1", ["10/1"])
    | {("VI.1", "before3", d("14/1")), ("VI.1", "before1", d("16/1"))}
    | {("II.1b", "before1", d("23/1")), ("VI.1b", "before1", d("23/1"))},
    # The Office (VP UBND) leads II.1b (before 31/1, inside Tết) and VI.1b (before Saturday 25/1).
    # Having read VI.1b's 3-day reminder, it snoozes it on 21/1 at 09:00 until 24/1 10:00: the
    # 1-day and last-day reminders in between give way to one at 10:00 on 24/1.
    VP: lead("II.1b", "21/1", "23/1", "24/1", ["3/2", "4/2", "5/2"])
    | lead("VI.1b", "21/1", "23/1", "24/1", ["3/2", "4/2", "5/2"])
    - {("VI.1b", "before1", d("23/1")), ("VI.1b", "dayof", d("24/1"))}
    | {("VI.1b", "snooze", d("24/1", 10))}
    | {("II.1", "before1", d("2/1")), ("VIII.12", "before1", d("8/1"))}
    | {("VI.1", "before1", d("16/1"))},
    # A second Office officer: 07:00, two working days ahead, no cooperating tasks, no digest.
    VP7: {
        (ref, kind, d(day, 7))
        for ref in ("II.1b", "VI.1b")
        for kind, day in (
            ("before2", "22/1"),
            ("dayof", "24/1"),
            ("overdue", "3/2"),
            ("overdue", "4/2"),
            ("overdue", "5/2"),
        )
    },  # fmt: skip
    # The group of Sở Tư pháp: its lead tasks on the default timetable; the unit's ✅ stops them.
    GROUP: lead("II.1", "30/12", "2/1", "3/1", ["6/1", "7/1", "8/1"])
    | lead("VIII.12", "6/1", "8/1", "9/1", ["10/1"])
    | {("VI.1", "before3", d("14/1")), ("VI.1", "before1", d("16/1"))},
}


async def _setup(sessions: Any) -> tuple[World, dict[str, int]]:
    seeds = seeds_or_skip()
    w = World()
    async with UnitOfWork(sessions) as uow:
        s = uow.session
        await ensure_directory(s, "Gia Lai")
        for seed in seeds:
            await import_plan(uow, read_plan(seed), START - timedelta(days=30), WorkCalendar())
        tp = (await find_unit(s, "Sở Tư pháp"))[0].unit.id
        vp = await s.scalar(select(UnitRow.id).where(UnitRow.key == "vp_ubnd"))
        assert tp is not None and vp is not None
        w.units.update({"tp": tp, "vp": vp})
        await add_officer(s, w, "tp", "tp", TP)
        await add_officer(s, w, "vp", "vp", VP)
        await add_officer(s, w, "vp7", "vp", VP7, hour=7, lead_days=[2], cooperating=False,
                          digest=False)  # fmt: skip
        await add_group(s, w, GROUP, "tp")
        await uow.commit()
        plan_2025 = await s.scalar(
            select(TaskRow.plan_id).where(
                TaskRow.ref == "II.1b", TaskRow.deadline.like("%31/01/2025%")
            )
        )
        refs = {
            r: i
            for r, i in (
                await s.execute(select(TaskRow.ref, TaskRow.id).where(TaskRow.plan_id == plan_2025))
            ).all()
        }
    return w, refs


async def test_a_month_of_reminders_lands_on_the_right_days_and_hours(sessions):
    w, refs = await _setup(sessions)
    names = {v: k for k, v in refs.items()}
    clock = MutableClock(START.astimezone(UTC))
    port = RecordingPort(clock=clock)
    dispatcher = Dispatcher(sessions, port, clock=clock, limits=UNLIMITED)
    events = {
        d("8/1", 9): ("done", "II.1", date(2025, 1, 5)),
        d("10/1", 9): ("done", "VIII.12", date(2025, 1, 10)),
        d("16/1", 9): ("done", "VI.1", date(2025, 1, 20)),
        d("21/1", 9): ("snooze", "VI.1b", date(2025, 1, 25)),
    }
    while clock.at < END:
        local = clock.at.astimezone(TZ)
        event = events.get(local)
        if event is not None:
            what, ref, due = event
            async with UnitOfWork(sessions) as uow:
                if what == "done":
                    await mark_done(
                        uow.session, refs[ref], w.units["tp"], due, w.officers["tp"], clock.at
                    )
                else:
                    await snooze(
                        uow.session, refs[ref], w.officers["vp"], due, d("24/1", 10), clock.at
                    )
                await uow.commit()
        if local.hour == 0:
            async with UnitOfWork(sessions) as uow:
                await plan_reminders(uow, clock.at)
        # Reminder hours are 07:00-10:00; a row planned at any other hour would be sent at the
        # next tick, late, and fail the send_at == sent_at check below.
        if local.hour == 0 or 6 <= local.hour <= 11:
            await dispatcher.run_once()
        clock.advance(hours=1)

    async with UnitOfWork(sessions) as uow:
        rows = (
            await uow.session.scalars(select(OutboxRow).where(OutboxRow.status == "sent"))
        ).all()
    got: dict[int, set[Any]] = {k: set() for k in EXPECTED}
    digests: dict[int, list[tuple[str, datetime]]] = {k: [] for k in EXPECTED}
    for r in rows:
        at = utc(r.sent_at).astimezone(TZ)  # type: ignore[arg-type]
        assert utc(r.sent_at) == utc(r.send_at), r.kind  # type: ignore[arg-type]
        assert at.weekday() < 5 and at.date() not in TET, (r.kind, at)
        if r.task_id is None:
            digests[r.chat_id].append((r.kind, at))
        elif names.get(r.task_id) in {"II.1", "II.1b", "VI.1", "VI.1b", "VIII.12"}:
            got[r.chat_id].add((names[r.task_id], r.kind.split(":")[0], at))
    for chat, expected in EXPECTED.items():
        assert got[chat] == expected, (chat, sorted(got[chat] ^ expected))
    # Only plan 2025's five tasks fall in the window: nothing else was sent about a task.
    assert {names.get(r.task_id) for r in rows if r.task_id} <= {
        "II.1",
        "II.1b",
        "VI.1",
        "VI.1b",
        "VIII.12",
    }
    # Digests: at the recipient's hour on working days; the month-start summary on the first
    # working day of January (2/1) and of February (3/2, after Tết); the group's weekly digest on
    # the first working day of each week that has something to say (none in Tết week, none on 3/2
    # when all is done).
    assert digests[VP7] == []
    assert all(at.hour == 8 for ds in digests.values() for _, at in ds)
    assert {at.date() for k, at in digests[TP] if k == "monthstart"} == {
        date(2025, 1, 2),
        date(2025, 2, 3),
    }
    weekly = {at.date() for k, at in digests[GROUP] if k == "weekly"}
    assert weekly == {date(2024, 12, 30), date(2025, 1, 6), date(2025, 1, 13), date(2025, 1, 20)}
    assert date(2025, 1, 2) in {at.date() for k, at in digests[TP] if k == "digest"}
    # Overdue reminders of one morning reach a recipient as one list: the Office's two tasks
    # stuck behind Tết, on 3/2, 4/2 and 5/2, for both its officers (08:00 and 07:00). Every other
    # message carries one reminder.
    by_message: dict[tuple[int, int], list[OutboxRow]] = defaultdict(list)
    for r in rows:
        assert r.message_id is not None
        by_message[(r.chat_id, r.message_id)].append(r)
    lists = {key: rs for key, rs in by_message.items() if len(rs) > 1}
    assert {
        (chat, utc(rs[0].sent_at).astimezone(TZ)): sorted(names[r.task_id] for r in rs)  # type: ignore[arg-type,index]
        for (chat, _), rs in lists.items()
    } == {
        (chat, d(day, hour)): ["II.1b", "VI.1b"]
        for chat, hour in ((VP, 8), (VP7, 7))
        for day in ("3/2", "4/2", "5/2")
    }  # fmt: skip
    late = {"3/2": 1, "4/2": 2, "5/2": 3}  # working days after Friday 24/1, Tết skipped
    for (chat, message_id), rs in lists.items():
        assert all(r.kind.startswith("overdue:") for r in rs)
        sent_chat, text, buttons = port.sent[message_id - 1]
        assert sent_chat == chat and "2 việc quá hạn" in text
        assert "II.1b" in text and "VI.1b" in text and "Thứ Sáu, 24/1/2025" in text
        day = utc(rs[0].sent_at).astimezone(TZ)  # type: ignore[arg-type]
        assert text.count(f"quá hạn {late[f'{day.day}/{day.month}']} ngày làm việc") == 2
        assert buttons is not None
        assert sorted(row[0][1] for row in buttons) == sorted(
            f"rd:{r.task_id}:{r.due_date:%Y%m%d}" for r in rs
        )
    # Each message went out once.
    assert len(port.sent) == len(by_message)
