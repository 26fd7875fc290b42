"""The coordinator's status board (services.status) on SQLite and PostgreSQL.

The world: a monthly report before the 20th led by "Các sở, ban, ngành" and "UBND cấp xã", a
report on digitisation led by the departments with Sở Xây dựng named as cooperating, a
quarterly report led by the old Sở TT&TT (now Sở KH&CN), and a task led by Sở Tư pháp alone.
Officers follow three departments (Tư pháp, Nội vụ, Xây dựng) and the provincial office; Sở Y
tế, Sở KH&CN and the five communes have nobody in the bot.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from bot.deadlines import Occurrence, WorkCalendar
from bot.text import fold
from services.status import Unreached, board
from services.status_export import export_rows, to_xlsx
from services.status_nudge import nudge, trial_nudge
from services.status_words import BadPeriod, parse_period
from store.db import make_sessionmaker
from store.models import (
    AuditRow,
    CompletionRow,
    GroupChatRow,
    OfficerRow,
    OutboxRow,
    PlanRow,
    TaskDueRow,
    TaskRow,
    TaskUnitRow,
    UnitRow,
)
from store.uow import UnitOfWork

VN = ZoneInfo("Asia/Ho_Chi_Minh")
CAL = WorkCalendar()
T0 = datetime(2025, 1, 1, tzinfo=UTC)
AUGUST = date(2025, 8, 18)  # a Monday, before the monthly report's last day (Tuesday 19/8)
OFFICERS = {"stp": 501, "snv": 502, "sxd": 503, "vp": 800}

UNITS = [  # key, name, kind, group rule, successor key
    ("stp", "Sở Tư pháp", "department", None, None),
    ("snv", "Sở Nội vụ", "department", None, None),
    ("sxd", "Sở Xây dựng", "department", None, None),
    ("syt", "Sở Y tế", "department", None, None),
    ("skhcn", "Sở Khoa học và Công nghệ", "department", None, None),
    ("stttt", "Sở Thông tin và Truyền thông", "department", None, "skhcn"),
    ("vp", "Văn phòng UBND tỉnh", "provincial_office", None, None),
    ("cac-so", "Các sở, ban, ngành", "group", {"kinds": ["department", "agency"]}, None),
    ("cap-xa", "UBND cấp xã", "group", {"kinds": ["commune"]}, None),
    ("lien-quan", "Các cơ quan, đơn vị liên quan", "group", {"unresolved": True}, None),
] + [(f"xa{i}", f"UBND xã Số {i}", "commune", None, None) for i in range(1, 6)]

MONTHLY = [(date(2025, m, 20), True) for m in range(1, 13)]
TASKS = [  # ref, content, lead, support, dues (nominal, before)
    ("V.1", "Báo cáo tình hình, kết quả kiểm soát TTHC hằng tháng.", ["cac-so", "cap-xa"],
     ["vp"], MONTHLY),
    ("V.4", "Báo cáo kết quả số hóa hồ sơ TTHC.", ["cac-so", "lien-quan"], ["sxd"],
     [(date(2025, 8, 28), False)]),
    ("V.3", "Báo cáo quý về công tác kiểm soát TTHC.", ["stttt"], [],
     [(date(2025, m, 19), False) for m in (3, 6, 9, 12)]),
    ("II.3", "Rà soát quy trình nội bộ giải quyết TTHC.", ["stp"], ["snv"],
     [(date(2025, 8, 25), False)]),
]  # fmt: skip


async def build_world(sessions: Any) -> dict[str, int]:
    """Write the world straight into the store; returns ids by unit key and ``t<ref>``."""
    ids: dict[str, int] = {}
    async with UnitOfWork(sessions) as uow:
        s = uow.session
        for key, name, kind, rule, _succ in UNITS:
            row = UnitRow(key=key, name=name, kind=kind, is_group=kind == "group", rule=rule)
            s.add(row)
            await s.flush()
            ids[key] = row.id
        for key, *_rest, succ in UNITS:
            if succ:
                (await s.get(UnitRow, ids[key])).successor_id = ids[succ]  # type: ignore[union-attr]
        plan = PlanRow(identity="status-2025", source="kh.txt", issuer="UBND tỉnh Thử", year=2025,
                       title="Kế hoạch kiểm soát TTHC năm 2025", fingerprint="x", imported_at=T0,
                       updated_at=T0)  # fmt: skip
        s.add(plan)
        await s.flush()
        for pos, (ref, content, lead, support, dues) in enumerate(TASKS):
            task = TaskRow(plan_id=plan.id, position=pos, ref=ref, content=content,
                           deadline="thử", search_text=fold(content), inferred=[])  # fmt: skip
            s.add(task)
            await s.flush()
            ids[f"t{ref}"] = task.id
            for due, before in dues:
                last = CAL.last_day(Occurrence(due, before))
                s.add(TaskDueRow(task_id=task.id, due_date=due, last_day=last, before=before))
            for role, keys in (("lead", lead), ("support", support)):
                for key in keys:
                    s.add(TaskUnitRow(task_id=task.id, role=role, mention=UNITS_BY_KEY[key],
                                      unit_id=ids[key]))  # fmt: skip
        for key, telegram_id in OFFICERS.items():
            role = "coordinator" if key == "vp" else "officer"
            s.add(OfficerRow(telegram_id=telegram_id, name=f"Cán bộ {key}", unit_id=ids[key],
                             role=role, status="active", settings={}, created_at=T0))  # fmt: skip
        # A removed officer does not make Sở Y tế followed.
        s.add(OfficerRow(telegram_id=599, name="Cũ", unit_id=ids["syt"], status="removed",
                         settings={}, created_at=T0))  # fmt: skip
        await uow.commit()
    return ids


UNITS_BY_KEY = {key: name for key, name, *_ in UNITS}


async def mark_done(sessions: Any, task: int, unit: int, due: date) -> None:
    async with UnitOfWork(sessions) as uow:
        uow.session.add(CompletionRow(task_id=task, unit_id=unit, due_date=due,
                                      done_at=datetime(2025, 8, 15, 3, 30, tzinfo=UTC)))  # fmt: skip
        await uow.commit()


@pytest.fixture
async def world(engine):  # type: ignore[no-untyped-def]
    sessions = make_sessionmaker(engine)
    ids = await build_world(sessions)
    return sessions, ids


async def _board(sessions: Any, text: str | None, today: date, **kw: Any):  # type: ignore[no-untyped-def]
    period, every = parse_period(text, today)
    async with UnitOfWork(sessions) as uow:
        return await board(uow, period, today, reports_only=not every, **kw)


def _names(units: Any) -> list[str]:
    return sorted(u.name for u in units)


async def test_one_department_done_leaves_the_other_two_listed_as_not_done(world) -> None:  # type: ignore[no-untyped-def]
    sessions, ids = world
    await mark_done(sessions, ids["tV.1"], ids["stp"], date(2025, 8, 20))
    b = await _board(sessions, "tháng 8", AUGUST)
    monthly = next(o for o in b.occurrences if o.ref == "V.1")
    assert monthly.label == "Báo cáo tháng 8" and monthly.last_day == date(2025, 8, 19)
    assert _names(monthly.done) == ["Sở Tư pháp"]
    assert _names(monthly.not_done) == ["Sở Nội vụ", "Sở Xây dựng"]
    assert monthly.done[0].done_at == datetime(2025, 8, 15, 3, 30, tzinfo=UTC)
    assert not any(u.overdue for u in monthly.units)  # 18/8: the last day is tomorrow
    # Members nobody follows are counted, not listed; the predecessor is not a member.
    assert set(monthly.unreached) == {Unreached("Các sở, ban, ngành", 2), Unreached("UBND cấp xã", 5)}  # fmt: skip
    assert b.not_done_units == {ids["snv"], ids["sxd"]} | {ids["stp"], ids["snv"]}


async def test_after_the_last_day_the_units_not_done_are_overdue(world) -> None:  # type: ignore[no-untyped-def]
    sessions, ids = world
    await mark_done(sessions, ids["tV.1"], ids["stp"], date(2025, 8, 20))
    b = await _board(sessions, "tháng 8", date(2025, 8, 20))
    monthly = next(o for o in b.occurrences if o.ref == "V.1")
    assert {u.name: u.overdue for u in monthly.units} == {
        "Sở Tư pháp": False, "Sở Nội vụ": True, "Sở Xây dựng": True}  # fmt: skip
    later = next(o for o in b.occurrences if o.ref == "V.4")
    assert not any(u.overdue for u in later.units)  # due 28/8


async def test_reports_only_by_default_and_every_task_on_request(world) -> None:  # type: ignore[no-untyped-def]
    sessions, ids = world
    reports = await _board(sessions, None, AUGUST)
    assert reports.period.start == date(2025, 8, 1) and reports.reports_only
    assert [o.ref for o in reports.occurrences] == ["V.1", "V.4"]
    every = await _board(sessions, "tháng 8 tất cả", AUGUST)
    assert [o.ref for o in every.occurrences] == ["V.1", "II.3", "V.4"]
    task = next(o for o in every.occurrences if o.ref == "II.3")
    assert _names(task.units) == ["Sở Tư pháp"]  # the cooperating Sở Nội vụ owes no report
    assert task.label.startswith("Rà soát quy trình")


async def test_a_unit_the_plan_names_as_cooperating_is_not_owed_through_the_group(world) -> None:  # type: ignore[no-untyped-def]
    sessions, _ids = world
    b = await _board(sessions, "tháng 8", AUGUST)
    digit = next(o for o in b.occurrences if o.ref == "V.4")
    assert _names(digit.units) == ["Sở Nội vụ", "Sở Tư pháp"]
    assert digit.unassigned == ("Các cơ quan, đơn vị liên quan",)


async def test_a_quarter_holds_three_monthly_reports_and_the_merged_units_report(world) -> None:  # type: ignore[no-untyped-def]
    sessions, ids = world
    b = await _board(sessions, "quý 3", date(2025, 10, 1))
    assert (b.period.start, b.period.end) == (date(2025, 7, 1), date(2025, 9, 30))
    assert [o.label for o in b.occurrences] == [
        "Báo cáo tháng 7", "Báo cáo tháng 8", "Báo cáo kết quả số hóa hồ sơ TTHC.",
        "Báo cáo tháng 9", "Báo cáo quý III"]  # fmt: skip
    quarterly = b.occurrences[-1]
    # Named as the old Sở TT&TT: owed by its successor, listed although nobody follows it.
    assert [(u.name, u.reachable, u.overdue) for u in quarterly.units] == [
        ("Sở Khoa học và Công nghệ", False, True)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "start", "end", "every"),
    [
        ("tháng 8", date(2025, 8, 1), date(2025, 8, 31), False),
        ("thang 8", date(2025, 8, 1), date(2025, 8, 31), False),
        ("quý 3", date(2025, 7, 1), date(2025, 9, 30), False),
        ("quý III", date(2025, 7, 1), date(2025, 9, 30), False),
        ("q3 tất cả", date(2025, 7, 1), date(2025, 9, 30), True),
        ("tháng 2/2026", date(2026, 2, 1), date(2026, 2, 28), False),
        ("", date(2025, 8, 1), date(2025, 8, 31), False),
        (None, date(2025, 8, 1), date(2025, 8, 31), False),
    ],
)
def test_periods_a_coordinator_types(text: str | None, start: date, end: date, every: bool) -> None:
    period, all_tasks = parse_period(text, AUGUST)
    assert (period.start, period.end, all_tasks) == (start, end, every)


@pytest.mark.parametrize("text", ["abc", "tháng 8 của sở tư pháp", "tháng 13"])
def test_a_period_that_cannot_be_read_is_refused_with_examples(text: str) -> None:
    with pytest.raises(BadPeriod) as err:
        parse_period(text, AUGUST)
    assert "tháng 8, quý 3" in err.value.message


def test_an_unreadable_period_is_echoed_shortened() -> None:
    with pytest.raises(BadPeriod) as err:
        parse_period("x" * 6000, AUGUST)
    assert len(err.value.message) < 200 and "…" in err.value.message


async def test_nudges_go_to_the_units_not_done_once_a_day(world) -> None:  # type: ignore[no-untyped-def]
    sessions, ids = world
    await mark_done(sessions, ids["tV.1"], ids["stp"], date(2025, 8, 20))
    async with UnitOfWork(sessions) as uow:
        uow.session.add(GroupChatRow(chat_id=-100503, title="Nhóm XD", unit_id=ids["sxd"],
                                     created_at=T0))  # fmt: skip
        await uow.commit()
    b = await _board(sessions, "tháng 8", AUGUST)
    now = datetime(2025, 8, 18, 9, 0, tzinfo=VN)
    # 📣 first asks: the trial counts what ✔️ would queue and writes nothing, not even the audit.
    async with UnitOfWork(sessions) as uow:
        trial = await trial_nudge(uow, b, now, by=800)
    assert (trial.queued, trial.units, trial.recipients, trial.unreachable) == (5, 3, 4, 0)
    async with UnitOfWork(sessions) as uow:
        assert await uow.session.scalar(select(func.count(OutboxRow.id))) == 0
        assert await uow.session.scalar(select(func.count(AuditRow.id))) == 0
    async with UnitOfWork(sessions) as uow:
        first = await nudge(uow, b, now, by=800)
    # V.1: Nội vụ and Xây dựng (its officer and its group); V.4: Tư pháp and Nội vụ.
    assert (first.queued, first.units, first.recipients, first.unreachable) == (5, 3, 4, 0)
    async with UnitOfWork(sessions) as uow:
        rows = (await uow.session.execute(
            select(OutboxRow.chat_id, OutboxRow.task_id, OutboxRow.kind, OutboxRow.text)
        )).all()  # fmt: skip
    assert sorted((r[0], r[1]) for r in rows) == sorted([
        (502, ids["tV.1"]), (503, ids["tV.1"]), (-100503, ids["tV.1"]),
        (501, ids["tV.4"]), (502, ids["tV.4"])])  # fmt: skip
    assert {r[2] for r in rows} == {"nudge:2025-08-18"}
    assert all("chưa hoàn thành" in r[3] for r in rows)
    async with UnitOfWork(sessions) as uow:
        again = await nudge(uow, b, now.replace(hour=15), by=800)
    assert (again.queued, again.already) == (0, 5)
    async with UnitOfWork(sessions) as uow:
        assert await uow.session.scalar(select(func.count(OutboxRow.id))) == 5
        # nudge commits its audit row itself: one per press.
        assert await uow.session.scalar(select(func.count(AuditRow.id))) == 2


async def test_a_nudge_leaves_out_deadlines_far_ahead(world) -> None:  # type: ignore[no-untyped-def]
    sessions, ids = world
    # Viewed on 18/8, December's occurrences are months away: nothing is sent for them.
    b = await _board(sessions, "tháng 12", AUGUST)
    assert any(occ.not_done for occ in b.occurrences)
    now = datetime(2025, 8, 18, 9, 0, tzinfo=VN)
    async with UnitOfWork(sessions) as uow:
        result = await nudge(uow, b, now, by=800)
    assert result.queued == 0
    assert result.out_of_window == sum(1 for occ in b.occurrences if occ.not_done)
    async with UnitOfWork(sessions) as uow:
        assert await uow.session.scalar(select(func.count(OutboxRow.id))) == 0


async def test_the_export_has_one_row_per_occurrence_and_unit(world) -> None:  # type: ignore[no-untyped-def]
    sessions, ids = world
    await mark_done(sessions, ids["tV.1"], ids["stp"], date(2025, 8, 20))
    b = await _board(sessions, "tháng 8", date(2025, 8, 20))
    rows = [(r.ref, r.unit, r.status, r.done_at) for r in export_rows(b, VN)]
    assert rows == [
        ("V.1", "Sở Tư pháp", "đã xong", datetime(2025, 8, 15, 10, 30)),
        ("V.1", "Sở Nội vụ", "quá hạn", None),
        ("V.1", "Sở Xây dựng", "quá hạn", None),
        ("V.1", "Các sở, ban, ngành: 2 đơn vị", "chưa có cán bộ dùng bot", None),
        ("V.1", "UBND cấp xã: 5 đơn vị", "chưa có cán bộ dùng bot", None),
        ("V.4", "Sở Tư pháp", "chưa xong", None),
        ("V.4", "Sở Nội vụ", "chưa xong", None),
        ("V.4", "Các sở, ban, ngành: 2 đơn vị", "chưa có cán bộ dùng bot", None),
    ]
    sheet = load_workbook(io.BytesIO(to_xlsx(b, VN))).active
    values = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    assert values[0][:3] == ("Kế hoạch", "Mục", "Nội dung") and len(values) == 9
    assert values[1][1:] == ("V.1", TASKS[0][1], datetime(2025, 8, 20), datetime(2025, 8, 19),
                             "Sở Tư pháp", "chủ trì", "đã xong", datetime(2025, 8, 15, 10, 30),
                             None, None)  # fmt: skip


def test_plan_text_that_looks_like_a_formula_is_exported_as_text() -> None:
    from bot.questions.periods import month_period
    from services.status import Board, OccurrenceStatus, UnitState

    occ = OccurrenceStatus(1, 1, "=1+1", "V.1", '=HYPERLINK("http://x","bấm")', "Báo cáo",
                           date(2025, 8, 20), date(2025, 8, 19), True,
                           (UnitState(7, "@Sở", False, None, False, True),))  # fmt: skip
    b = Board(month_period(2025, 8), AUGUST, True, (occ,))
    sheet = load_workbook(io.BytesIO(to_xlsx(b, VN))).active
    row = list(sheet.iter_rows(min_row=2))[0]
    assert [c.data_type for c in (row[0], row[2], row[5])] == ["s", "s", "s"]
    assert row[2].value == '=HYPERLINK("http://x","bấm")'
