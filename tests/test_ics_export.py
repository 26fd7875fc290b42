"""The unit's deadlines as an .ics: the pure calendar builder, then the store on both backends."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar

from bot.deadlines import Occurrence, WorkCalendar
from bot.text import fold
from services.ics_export import (
    Deadline,
    build_calendar,
    deployment_domain,
    slug,
    summary,
    unit_calendar,
)
from store.models import CompletionRow, PlanRow, TaskDueRow, TaskRow, TaskUnitRow, UnitRow
from store.uow import UnitOfWork

VN = ZoneInfo("Asia/Ho_Chi_Minh")
CAL = WorkCalendar()
STAMP = datetime(2025, 7, 1, 9, 0, tzinfo=VN)
DOMAIN = "tthc.example.vn"
REPORT = "Báo cáo tình hình kiểm soát TTHC tháng"


def monthly(month: int, **kw: Any) -> Deadline:
    """The monthly report "trước ngày 20 hằng tháng" of ``month`` 2025."""
    due = date(2025, month, 20)
    fields: dict[str, Any] = {
        "task_id": 7,
        "ref": "II.3",
        "content": f"{REPORT} {month}",
        "role": "lead",
        "due_date": due,
        "last_day": CAL.last_day(Occurrence(due, True)),
        "before": True,
        "lead": ("Các sở, ban, ngành tỉnh",),
        "support": ("Văn phòng UBND tỉnh",),
        "plan_title": "Kế hoạch kiểm soát TTHC năm 2025",
    }
    fields.update(kw)
    return Deadline(**fields)


def build(deadlines: list[Deadline], unit_id: int = 3) -> Calendar:
    cal = build_calendar(
        unit_id, "Sở Tư pháp", deadlines, calendar=CAL, domain=DOMAIN, tz=VN, stamp=STAMP
    )
    return Calendar.from_ical(cal.to_ical())


def events(cal: Calendar) -> list[Any]:
    return list(cal.walk("VEVENT"))


def test_monthly_report_before_the_20th_lands_on_friday_18th_when_the_20th_is_sunday() -> None:
    assert date(2025, 7, 20).weekday() == 6
    (event,) = events(build([monthly(7)]))
    assert event.decoded("dtstart") == date(2025, 7, 18)
    assert event.decoded("dtend") == date(2025, 7, 19)
    assert str(event["summary"]) == f"[II.3] {REPORT} 7 (chủ trì)"
    text = str(event["description"])
    assert "Hạn: trước 20/7/2025" in text
    assert "Thứ Sáu, 18/7/2025" in text
    assert "Chủ trì: Các sở, ban, ngành tỉnh" in text
    assert "Kế hoạch: Kế hoạch kiểm soát TTHC năm 2025" in text


def test_the_calendar_is_named_for_the_unit() -> None:
    cal = build([monthly(8)])
    assert str(cal["x-wr-calname"]) == "Hạn KSTTHC — Sở Tư pháp"
    assert str(cal["x-wr-timezone"]) == "Asia/Ho_Chi_Minh"
    assert str(cal["version"]) == "2.0"


def test_uids_are_stable_across_exports_and_distinct_per_occurrence_and_unit() -> None:
    first = build([monthly(8), monthly(9)])
    later_stamp = build_calendar(
        3,
        "Sở Tư pháp",
        [monthly(9), monthly(8)],
        calendar=CAL,
        domain=DOMAIN,
        tz=VN,
        stamp=STAMP + timedelta(days=30),
    )
    again = Calendar.from_ical(later_stamp.to_ical())
    uids = [str(ev["uid"]) for ev in events(first)]
    assert uids == [str(ev["uid"]) for ev in events(again)]
    assert uids == [f"tthc-7-20250820-3@{DOMAIN}", f"tthc-7-20250920-3@{DOMAIN}"]
    other_unit = [str(ev["uid"]) for ev in events(build([monthly(8)], unit_id=4))]
    assert other_unit == [f"tthc-7-20250820-4@{DOMAIN}"]


def test_a_moved_last_day_keeps_the_uid_so_the_event_moves() -> None:
    # An extra day off on Friday 18/7 moves the report to Thursday 17/7: same event.
    moved = monthly(7, last_day=date(2025, 7, 17))
    (before,), (after,) = events(build([monthly(7)])), events(build([moved]))
    assert str(before["uid"]) == str(after["uid"])
    assert after.decoded("dtstart") == date(2025, 7, 17)


def test_commas_semicolons_and_newlines_survive_a_round_trip() -> None:
    content = "Rà soát, đánh giá; công bố TTHC\nthuộc thẩm quyền \\ của sở"
    raw = build_calendar(
        3,
        "Sở A, B; C",
        [monthly(8, content=content)],
        calendar=CAL,
        domain=DOMAIN,
        tz=VN,
        stamp=STAMP,
    ).to_ical()
    assert b"\\, " in raw and b"\\;" in raw
    cal = Calendar.from_ical(raw)
    (event,) = events(cal)
    assert str(event["description"]).startswith(" ".join(content.split()))
    assert "\n\nHạn: trước 20/8/2025" in str(event["description"])
    assert str(event["summary"]).startswith("[II.3] Rà soát, đánh giá; công bố TTHC thuộc")
    assert str(cal["x-wr-calname"]) == "Hạn KSTTHC — Sở A, B; C"


def test_control_characters_from_a_text_plan_are_left_out_of_the_file() -> None:
    # RFC 5545 text allows none; a .txt plan may carry them in a task's text or the plan title.
    d = monthly(8, content="Báo cáo\x02 tháng\x1b 8", plan_title="Kế hoạch\x07 2025")
    raw = build_calendar(3, "Sở Tư pháp", [d], calendar=CAL, domain=DOMAIN, tz=VN,
                         stamp=STAMP).to_ical()  # fmt: skip
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", raw)
    (event,) = events(Calendar.from_ical(raw))
    assert str(event["summary"]) == "[II.3] Báo cáo tháng 8 (chủ trì)"
    assert "Kế hoạch: Kế hoạch 2025" in str(event["description"])


def test_the_alarm_rings_at_8_on_the_working_day_before() -> None:
    # Friday 18/7 → Thursday 17/7 08:00; Monday 22/9 (the 22nd) → Friday 19/9 08:00.
    sept = monthly(9, task_id=9, due_date=date(2025, 9, 22), last_day=date(2025, 9, 22))
    july, september = events(build([monthly(7), sept]))
    for event, ring in ((july, datetime(2025, 7, 17, 8)), (september, datetime(2025, 9, 19, 8))):
        (alarm,) = event.walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY"
        start = datetime.combine(event.decoded("dtstart"), datetime.min.time())
        assert start + alarm.decoded("trigger") == ring


def test_done_occurrences_are_left_out() -> None:
    cal = build([monthly(7, done=True), monthly(8)])
    assert [ev.decoded("dtstart") for ev in events(cal)] == [date(2025, 8, 19)]


def test_a_long_task_is_shortened_in_the_summary_and_whole_in_the_description() -> None:
    long = "Rà soát " + "quy định thủ tục hành chính " * 10
    d = monthly(8, content=long, role="support")
    text = summary(d)
    assert len(text) <= 120 and text.endswith("… (phối hợp)") and text.startswith("[II.3] ")
    (event,) = events(build([d]))
    assert " ".join(long.split()) in str(event["description"])


def test_slugs_and_domains() -> None:
    assert slug("Sở Tư pháp") == "so-tu-phap"
    assert slug("UBND xã Ia Grai — Đắk Lắk") == "ubnd-xa-ia-grai-dak-lak"
    assert slug("—") == "don-vi"
    assert deployment_domain("https://bot.gialai.gov.vn/hook", "Gia Lai") == "bot.gialai.gov.vn"
    assert deployment_domain(None, "Gia Lai") == "gia-lai.tthc-bot"
    assert deployment_domain(None, None) == "tthc-bot"


# --- the store (SQLite and PostgreSQL) ---------------------------------------------------------

NOW = datetime(2025, 7, 1, 1, 0, tzinfo=UTC)


async def build_plan(sessions: Any) -> dict[str, int]:
    """Sở Tư pháp and Sở Xây dựng (successor of Sở GTVT) under "Các sở, ban, ngành tỉnh"; a
    monthly report before the 20th (July done by Sở Tư pháp), a task of the old Sở GTVT, a task
    of Sở Tư pháp alone, an ongoing task and one due next year. Returns ids by key."""
    ids: dict[str, int] = {}
    async with UnitOfWork(sessions) as uow:
        s = uow.session
        for key, name, kind, rule in (
            ("stp", "Sở Tư pháp", "department", None),
            ("sxd", "Sở Xây dựng", "department", None),
            ("cac-so", "Các sở, ban, ngành tỉnh", "group", {"kinds": ["department"]}),
        ):
            row = UnitRow(key=key, name=name, kind=kind, is_group=rule is not None, rule=rule)
            s.add(row)
            await s.flush()
            ids[key] = row.id
        old = UnitRow(key="sgtvt", name="Sở Giao thông vận tải", kind="department",
                      successor_id=ids["sxd"], active=False)  # fmt: skip
        s.add(old)
        plan = PlanRow(identity="ics-2025", source="kh.txt", issuer="UBND tỉnh", year=2025,
                       title="Kế hoạch KSTTHC năm 2025", fingerprint="x", imported_at=NOW,
                       updated_at=NOW)  # fmt: skip
        s.add(plan)
        await s.flush()
        ids["sgtvt"] = old.id
        tasks: list[tuple[str, str, list[tuple[str, str]], list[tuple[date, bool]], bool]] = [
            ("II.3", REPORT + " (tháng)", [("lead", "cac-so")],
             [(date(2025, m, 20), True) for m in range(1, 13)], False),
            ("III.1", "Rà soát TTHC lĩnh vực giao thông, đường bộ", [("lead", "sgtvt")],
             [(date(2025, 9, 30), False)], False),
            ("III.2", "Công khai TTHC; cập nhật cơ sở dữ liệu", [("support", "stp")],
             [(date(2025, 8, 15), True)], False),
            ("IV.1", "Số hóa hồ sơ TTHC", [("lead", "cac-so")], [], True),
            ("IV.2", "Báo cáo năm 2026", [("lead", "cac-so")], [(date(2026, 12, 15), False)], False),
        ]  # fmt: skip
        for pos, (ref, content, units, dues, ongoing) in enumerate(tasks):
            task = TaskRow(plan_id=plan.id, position=pos, ref=ref, content=content,
                           deadline="x", ongoing=ongoing, search_text=fold(content))  # fmt: skip
            s.add(task)
            await s.flush()
            ids[ref] = task.id
            for role, key in units:
                s.add(TaskUnitRow(task_id=task.id, role=role, mention=f"m:{key}",
                                  unit_id=ids[key]))  # fmt: skip
            for due, before in dues:
                last = CAL.last_day(Occurrence(due, before))
                s.add(TaskDueRow(task_id=task.id, due_date=due, last_day=last, before=before))
        s.add(CompletionRow(task_id=ids["II.3"], unit_id=ids["stp"], due_date=date(2025, 7, 20),
                            done_at=NOW))  # fmt: skip
        await uow.commit()
    return ids


async def export(sessions: Any, unit: int, months: int = 12) -> Calendar:
    async with UnitOfWork(sessions, read_only=True) as uow:
        raw = await unit_calendar(
            uow.session, unit, date(2025, 7, 1), CAL, months, tz=VN, domain=DOMAIN
        )
    return Calendar.from_ical(raw)


def listed(cal: Calendar) -> list[tuple[str, date]]:
    return [(str(ev["summary"]).split("]")[0][1:], ev.decoded("dtstart")) for ev in events(cal)]


async def test_a_unit_gets_its_open_occurrences_through_its_group_not_done_ones(
    sessions: Any,
) -> None:
    ids = await build_plan(sessions)
    cal = await export(sessions, ids["stp"])
    got = listed(cal)
    # July's report is done; the ongoing task and next year's report are not events; the
    # old Sở GTVT's task belongs to Sở Xây dựng.
    assert ("II.3", date(2025, 7, 18)) not in got
    assert got[:3] == [
        ("III.2", date(2025, 8, 14)),
        ("II.3", date(2025, 8, 19)),
        ("II.3", date(2025, 9, 19)),
    ]
    assert [r for r, _ in got].count("II.3") == 5  # August … December
    assert {r for r, _ in got} == {"II.3", "III.2"}
    support = next(ev for ev in events(cal) if str(ev["summary"]).startswith("[III.2]"))
    assert str(support["summary"]).endswith("(phối hợp)")
    assert "Hạn: trước 15/8/2025" in str(support["description"])
    assert str(support["uid"]) == f"tthc-{ids['III.2']}-20250815-{ids['stp']}@{DOMAIN}"
    assert str(cal["x-wr-calname"]) == "Hạn KSTTHC — Sở Tư pháp"


async def test_a_successor_owes_its_predecessors_tasks_and_the_window_is_respected(
    sessions: Any,
) -> None:
    ids = await build_plan(sessions)
    got = listed(await export(sessions, ids["sxd"], months=3))
    assert ("III.1", date(2025, 9, 30)) in got
    # Three months from 1/7: July's report (not done by Sở Xây dựng) through September's.
    assert [d for r, d in got if r == "II.3"] == [
        date(2025, 7, 18),
        date(2025, 8, 19),
        date(2025, 9, 19),
    ]
    assert all(d <= date(2025, 10, 1) for _, d in got)
