"""The planner, a pure function: the timetable of DOMAIN §4 with per-officer settings."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.deadlines import Occurrence, WorkCalendar
from bot.reminders.planner import Obligation, Recipient, Snooze, World, plan
from bot.reminders.policy import DEFAULT, GROUP, from_settings
from bot.reminders.texts import TaskLine, parse_callback

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CAL = WorkCalendar()
TABLE = Path(__file__).parent / "data" / "reminders_planner.tsv"


def _cases() -> list[tuple[str, ...]]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    return [
        tuple((line + "\t").split("\t")[:5]) for line in lines if line and not line.startswith("#")
    ]


def _line(due: date, before: bool, role: str, task_id: int = 1) -> TaskLine:
    last = CAL.last_day(Occurrence(due, before))
    return TaskLine(
        task_id, "II.1", "Báo cáo <kết quả> & kiến nghị", due, last, before, role, "Kế hoạch"
    )


def _local(d: date, days: int) -> datetime:
    return datetime.combine(d + timedelta(days=days), datetime.min.time(), TZ)


@pytest.mark.parametrize("due, before, role, settings, expected", _cases())
def test_reminder_timetable_follows_the_table(due, before, role, settings, expected):
    d = date.fromisoformat(due)
    rec = Recipient(41, 7, "Lan", from_settings(json.loads(settings)), officer_id=3)
    world = World([(rec, [Obligation(_line(d, before == "1", role))])])
    rows = [r for r in plan(world, CAL, TZ, _local(d, -14), _local(d, 3)) if r.task_id]
    got = [f"{r.kind.split(':')[0]} {r.send_at.astimezone(TZ):%Y-%m-%d %H:%M}" for r in rows]
    want = [x.strip() for x in expected.split(";") if x.strip()]
    assert got == want


def test_done_occurrence_gets_no_reminders_and_groups_get_no_cooperating_ones():
    d = date(2025, 8, 20)
    officer = Recipient(41, 7, "Lan", DEFAULT, officer_id=3)
    group = Recipient(-5, 7, "Nhóm", GROUP)
    obs = [Obligation(_line(d, False, "lead", 1)), Obligation(_line(d, False, "support", 2))]
    world = World([(officer, obs), (group, obs)], done={(1, 7, d)})
    rows = [r for r in plan(world, CAL, TZ, _local(d, -14), _local(d, 3)) if r.task_id]
    assert {(r.chat_id, r.task_id, r.kind) for r in rows} == {(41, 2, "before1")}


def test_snooze_replaces_the_reminders_it_covers_with_one_at_its_time():
    d = date(2025, 8, 20)
    rec = Recipient(41, 7, "Lan", DEFAULT, officer_id=3)
    pressed = datetime(2025, 8, 15, 9, 0, tzinfo=TZ)
    until = datetime(2025, 8, 20, 10, 0, tzinfo=TZ)
    world = World(
        [(rec, [Obligation(_line(d, False, "lead"))])], snoozes={(1, 3, d): Snooze(pressed, until)}
    )
    rows = plan(world, CAL, TZ, _local(d, -14), _local(d, 1))
    kinds = [(r.kind, r.send_at.astimezone(TZ).strftime("%d %H:%M")) for r in rows if r.task_id]
    assert kinds == [("before3", "15 08:00"), ("snooze:2025-08-20T03:00", "20 10:00")]


def test_texts_are_vietnamese_escaped_and_carry_the_buttons_data():
    d = date(2025, 7, 20)
    rec = Recipient(41, 7, "Lan", DEFAULT, officer_id=3)
    world = World([(rec, [Obligation(_line(d, True, "lead"))])])
    rows = plan(world, CAL, TZ, _local(d, -3), _local(d, -1))
    text = next(r.text for r in rows if r.kind == "before1")
    assert "còn 1 ngày làm việc" in text
    assert "Báo cáo &lt;kết quả&gt; &amp; kiến nghị" in text
    assert "Hạn: trước ngày 20/7/2025 · chậm nhất Thứ Sáu, 18/7/2025" in text
    assert parse_callback("rd:12:20250720") == ("rd", 12, d)
    assert parse_callback("rd:x:2025") is None


def test_empty_digests_are_not_sent_and_the_planner_needs_aware_times():
    rec = Recipient(41, 7, "Lan", DEFAULT, officer_id=3)
    start = datetime(2025, 8, 18, tzinfo=TZ)
    assert plan(World([(rec, [])]), CAL, TZ, start, start + timedelta(days=3)) == []
    with pytest.raises(ValueError):
        plan(World([]), CAL, TZ, datetime(2025, 8, 18), datetime(2025, 8, 19, tzinfo=UTC))


def test_morning_digest_lists_overdue_lead_tasks_and_the_week_ahead():
    rec = Recipient(41, 7, "Lan", DEFAULT, officer_id=3)
    obs = [
        Obligation(_line(date(2025, 8, 14), False, "lead", 1)),  # overdue on Monday 18/8
        Obligation(_line(date(2025, 8, 14), False, "support", 2)),  # not called overdue
        Obligation(_line(date(2025, 8, 22), False, "support", 3)),  # this week
        Obligation(_line(date(2025, 9, 30), False, "lead", 4)),  # too far
    ]
    start = datetime(2025, 8, 18, tzinfo=TZ)
    rows = plan(World([(rec, obs)]), CAL, TZ, start, start + timedelta(days=1))
    digest = next(r for r in rows if r.kind == "digest")
    assert digest.send_at.astimezone(TZ).hour == 8 and digest.due_date == date(2025, 8, 18)
    assert "Việc cần làm — Thứ Hai, 18/8/2025" in digest.text
    assert "<b>Quá hạn</b> (1)" in digest.text and "<b>Sắp đến hạn (7 ngày)</b> (1)" in digest.text
    assert "Thứ Sáu, 22/8/2025 · phối hợp" in digest.text and "30/9/2025" not in digest.text
    assert "&lt;kết quả&gt;" in digest.text


def test_malformed_settings_keep_the_defaults():
    p = from_settings({"hour": "25", "lead_days": "soon", "digest": "no", "cooperating": False})
    assert (p.hour, p.lead_days, p.digest, p.cooperating) == (8, (3, 1), True, False)
    assert from_settings({"lead_days": [1, "5", 99, 5]}).lead_days == (5, 1)
    assert from_settings(DEFAULT.to_json()) == DEFAULT
