"""What a deployed store holds, written with plain SQL at an old schema revision.

The upgrade-in-place test (tests/test_store_upgrade_in_place.py) builds a fresh store at one of
``RELEASES``, inserts ``ROWS`` there through the tables as that revision made them (reflected,
not the current models), then runs the new release's migrations and checks that everything is
there and working.

Keeping it green:
- ``ROWS`` is what an old store holds: a later migration never changes it (the old store does not
  know the new columns; the migration must fill or default them).
- When a release ships a new migration, append its revision to ``RELEASES`` (stores written by
  that release must upgrade too); rows only that release could write go in ``ROWS_SINCE``.

The story, around an upgrade on Monday 9/3/2026 at 08:30 (Asia/Ho_Chi_Minh): the province's
control plan for 2026 is imported; Lan (Sở Tư pháp, reminded at 9:00, no digest), Hùng (Sở Nội
vụ, defaults) and the coordinator Mai use the bot; Sở Tư pháp's Telegram group is linked by Lan.
The last planning run was at 08:00 and planned up to Wednesday 08:00; the 08:00 reminders went
out; Lan's 09:00 ones are pending. Lan marked March's monthly report done on Sunday (after it was
planned) and snoozed her reminder of II.2 to Tuesday 11:00. Friday 13/3 is an extra day off.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.text import fold  # the stored search form of a task (content, result, notes)

# Schema revisions a deployed store may be at (every release since the first one in service).
RELEASES = ["0005_topic_trigram_index", "0006_group_link_rights", "0012_evidence"]
# Rows a store holds only from the given release on: {revision: {table: [row, ...]}}.
ROWS_SINCE: dict[str, dict[str, list[dict[str, Any]]]] = {}

UPGRADED_AT = datetime(2026, 3, 9, 1, 30, tzinfo=UTC)  # Monday 08:30 in Việt Nam
DAY_OFF = date(2026, 3, 13)

STP, SNV, VP, DEPARTMENTS = 1, 2, 3, 4  # unit ids
LAN, HUNG, MAI, BINH = 1, 2, 3, 4  # officer ids
LAN_CHAT, HUNG_CHAT, MAI_CHAT, BINH_CHAT = 501, 502, 800, 503
GROUP_CHAT = -1001
# Tasks: I.1 a one-off report (Sở Tư pháp leads), I.2 the monthly report (every department
# leads, through the group), II.1 ongoing, II.2 Sở Nội vụ leads and Sở Tư pháp cooperates, II.3
# names a body the directory does not know, II.4 was removed by a revised plan.
T1, T2, T3, T4, T5, T6 = 1, 2, 3, 4, 5, 6
CONTENT = {
    T1: "Báo cáo kết quả kiểm soát thủ tục hành chính quý I năm 2026.",
    T2: "Báo cáo tình hình giải quyết thủ tục hành chính hằng tháng.",
    T3: "Thường xuyên cập nhật, công khai thủ tục hành chính trên Cổng dịch vụ công.",
    T4: "Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực nội vụ.",
    T5: "Tổ chức tập huấn nghiệp vụ kiểm soát thủ tục hành chính.",
    T6: "Báo cáo chuyên đề đã bỏ khỏi kế hoạch.",
}
T0 = datetime(2026, 1, 5, 2, 0, tzinfo=UTC)


def _at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def _schedule(text: str, kind: str, rules: list[Any], before: bool = False) -> dict[str, Any]:
    """The parsed deadline as the import of that release stored it."""
    ongoing = kind == "continuous"
    return {"text": text, "kind": kind, "before": before, "ambiguous": False, "unknown": False,
            "ongoing": ongoing, "on_request": False, "explain": text.lower(), "rules": rules,
            "relative": None}  # fmt: skip


def _task(tid: int, ref: str, deadline: str, kind: str, rules: list[Any], **kw: Any) -> dict[str, Any]:  # fmt: skip
    return {
        "id": tid, "plan_id": 1, "position": tid - 1, "ref": ref, "section": "I" if tid < 3 else "II",
        "content": CONTENT[tid], "result": kw.get("result"), "deadline": deadline,
        "deadline_in_text": None, "notes": None, "inferred": [],
        "schedule": _schedule(deadline, kind, rules, kw.get("before", False)),
        "schedule_kind": kind, "ongoing": kind == "continuous", "deadline_unknown": False,
        "search_text": fold(" ".join(x for x in (CONTENT[tid], kw.get("result")) if x)),
        "active": kw.get("active", True),
    }  # fmt: skip


# Real last days of "before the 15th" in 2026 (public holidays and the day off on 13/3 applied).
MONTHLY_LAST = [date(2026, 1, 14), date(2026, 2, 13), date(2026, 3, 12), date(2026, 4, 14),
                date(2026, 5, 14), date(2026, 6, 12), date(2026, 7, 14), date(2026, 8, 14),
                date(2026, 9, 14), date(2026, 10, 14), date(2026, 11, 13), date(2026, 12, 14)]  # fmt: skip


def _outbox(oid: int, chat: int, officer: int | None, task: int | None, due: date, kind: str,
            send_at: datetime, status: str = "pending", **kw: Any) -> dict[str, Any]:  # fmt: skip
    text = kw.get("text") or (f"⏰ <b>Nhắc việc</b>\n{CONTENT[task]}" if task else "Điểm tin")
    return {"id": oid, "chat_id": chat, "officer_id": officer, "task_id": task, "due_date": due,
            "kind": kind, "send_at": send_at, "status": status, "text": text,
            "attempts": 1 if status != "pending" else 0, "claimed_by": None, "claimed_at": None,
            "next_try_at": None, "sent_at": kw.get("sent_at"), "message_id": kw.get("message_id"),
            "last_error": kw.get("last_error")}  # fmt: skip


MAR9, MAR10, MAR11, MAR12, MAR15 = (date(2026, 3, d) for d in (9, 10, 11, 12, 15))

# Tables in insertion order (foreign keys first); every column as the old schema has it.
# fmt: off
ROWS: dict[str, list[dict[str, Any]]] = {
    "units": [
        {"id": STP, "key": "so-tu-phap", "name": "Sở Tư pháp", "short_name": "STP",
         "kind": "department", "is_group": False, "rule": None, "active": True},
        {"id": SNV, "key": "so-noi-vu", "name": "Sở Nội vụ", "short_name": None,
         "kind": "department", "is_group": False, "rule": None, "active": True},
        {"id": VP, "key": "vp-ubnd-tinh", "name": "Văn phòng UBND tỉnh", "short_name": None,
         "kind": "provincial_office", "is_group": False, "rule": None, "active": True},
        {"id": DEPARTMENTS, "key": "cac-so-ban-nganh", "name": "Các sở, ban, ngành tỉnh",
         "short_name": None, "kind": "group", "is_group": True,
         "rule": {"kinds": ["department", "agency"]}, "active": True},
    ],
    "unit_aliases": [{"id": 1, "unit_id": STP, "alias": "Sở TP", "folded": "so tp"}],
    "settings": [
        {"key": "province", "value": "Gia Lai"},
        {"key": "reminders.planned_until", "value": "2026-03-11T01:00:00+00:00"},
    ],
    "days_off": [{"day": DAY_OFF, "note": "Nghỉ bù"}],
    "plans": [
        {"id": 1, "identity": "ubnd tinh gia lai|45/kh-ubnd|2026", "source": "KH-45-2026.docx",
         "issuer": "UBND tỉnh Gia Lai", "year": 2026, "number": "45/KH-UBND",
         "title": "Kế hoạch kiểm soát thủ tục hành chính năm 2026", "doc_date": date(2026, 1, 2),
         "fingerprint": "f" * 64, "imported_at": T0, "updated_at": _at(20, 2, month=2)},
    ],
    "tasks": [
        _task(T1, "I.1", "Ngày 12/3/2026", "once", [[2026, [3], 12, False]],
              result="Báo cáo của UBND tỉnh"),
        _task(T2, "I.2", "Trước ngày 15 hằng tháng", "recurring",
              [[2026, list(range(1, 13)), 15, True]], before=True),
        _task(T3, "II.1", "Thường xuyên", "continuous", []),
        _task(T4, "II.2", "Ngày 11/3/2026", "once", [[2026, [3], 11, False]]),
        _task(T5, "II.3", "Trong năm 2026", "window", [[2026, [12], 0, False]]),
        _task(T6, "II.4", "Ngày 10/3/2026", "once", [[2026, [3], 10, False]], active=False),
    ],
    "task_due": [
        {"id": 1, "task_id": T1, "due_date": MAR12, "last_day": MAR12, "before": False},
        *[{"id": 2 + i, "task_id": T2, "due_date": date(2026, i + 1, 15), "last_day": last,
           "before": True} for i, last in enumerate(MONTHLY_LAST)],
        {"id": 20, "task_id": T4, "due_date": MAR11, "last_day": MAR11, "before": False},
        {"id": 21, "task_id": T5, "due_date": date(2026, 12, 31), "last_day": date(2026, 12, 31),
         "before": False},
        {"id": 22, "task_id": T6, "due_date": MAR10, "last_day": MAR10, "before": False},
    ],
    "task_units": [
        {"id": 1, "task_id": T1, "role": "lead", "mention": "Sở Tư pháp", "unit_id": STP},
        {"id": 2, "task_id": T1, "role": "support", "mention": "Văn phòng UBND tỉnh", "unit_id": VP},
        {"id": 3, "task_id": T2, "role": "lead", "mention": "Các sở, ban, ngành tỉnh",
         "unit_id": DEPARTMENTS},
        {"id": 4, "task_id": T3, "role": "lead", "mention": "Sở Tư pháp", "unit_id": STP},
        {"id": 5, "task_id": T3, "role": "lead", "mention": "Sở Nội vụ", "unit_id": SNV},
        {"id": 6, "task_id": T4, "role": "lead", "mention": "Sở Nội vụ", "unit_id": SNV},
        {"id": 7, "task_id": T4, "role": "support", "mention": "Sở Tư pháp", "unit_id": STP},
        {"id": 8, "task_id": T5, "role": "lead", "mention": "Các cơ quan, đơn vị liên quan",
         "unit_id": None, "note": "không rõ đơn vị"},
        {"id": 9, "task_id": T5, "role": "support", "mention": "Sở Tư pháp", "unit_id": STP},
        {"id": 10, "task_id": T6, "role": "lead", "mention": "Sở Tư pháp", "unit_id": STP},
    ],
    "officers": [
        {"id": LAN, "telegram_id": LAN_CHAT, "name": "Nguyễn Thị Lan", "unit_id": STP,
         "role": "officer", "status": "active", "settings": {"hour": 9, "digest": False},
         "chat_active": True, "created_at": T0},
        {"id": HUNG, "telegram_id": HUNG_CHAT, "name": "Trần Văn Hùng", "unit_id": SNV,
         "role": "officer", "status": "active", "settings": {}, "chat_active": True,
         "created_at": T0},
        {"id": MAI, "telegram_id": MAI_CHAT, "name": "Lê Thị Mai", "unit_id": None,
         "role": "coordinator", "status": "active", "settings": {}, "chat_active": True,
         "created_at": T0},
        {"id": BINH, "telegram_id": BINH_CHAT, "name": "Phạm Bình", "unit_id": STP,
         "role": "officer", "status": "pending", "settings": {}, "chat_active": True,
         "created_at": _at(8, 3)},
    ],
    "group_chats": [
        {"id": 1, "chat_id": GROUP_CHAT, "title": "Nhóm Sở Tư pháp", "unit_id": STP,
         "linked_by": LAN_CHAT, "active": True, "created_at": _at(10, 2, month=1)},
    ],
    "invites": [
        {"id": 1, "code_hash": "c" * 64, "unit_id": SNV, "role": "officer",
         "created_by": MAI_CHAT, "expires_at": _at(20, 0), "used_at": None, "used_by": None},
    ],
    "completions": [
        {"id": 4, "task_id": T2, "unit_id": STP, "due_date": date(2026, 1, 15),
         "officer_id": LAN, "done_at": _at(13, 3, month=1), "note": None},
        {"id": 5, "task_id": T2, "unit_id": SNV, "due_date": date(2026, 1, 15),
         "officer_id": HUNG, "done_at": _at(14, 8, month=1), "note": None},
        {"id": 1, "task_id": T2, "unit_id": STP, "due_date": date(2026, 2, 15),
         "officer_id": LAN, "done_at": _at(11, 3, month=2), "note": None},
        {"id": 2, "task_id": T2, "unit_id": SNV, "due_date": date(2026, 2, 15),
         "officer_id": HUNG, "done_at": _at(12, 4, month=2), "note": None},
        {"id": 3, "task_id": T2, "unit_id": STP, "due_date": MAR15,
         "officer_id": LAN, "done_at": _at(8, 3), "note": "Đã gửi qua hệ thống"},
    ],
    "snoozes": [
        {"id": 1, "task_id": T4, "officer_id": LAN, "due_date": MAR11, "until": _at(10, 4),
         "created_at": _at(8, 3)},
    ],
    "outbox": [
        # Sent by the old release (the 08:00 run and before).
        _outbox(1, HUNG_CHAT, HUNG, T4, MAR11, "before3", _at(6, 1), "sent",
                sent_at=_at(6, 1, 1), message_id=6001),
        _outbox(2, HUNG_CHAT, HUNG, None, MAR9, "digest", _at(9, 1), "sent",
                sent_at=_at(9, 1, 1), message_id=7001),
        _outbox(3, HUNG_CHAT, HUNG, T2, MAR15, "before3", _at(9, 1), "sent",
                sent_at=_at(9, 1, 1), message_id=7002),
        _outbox(4, GROUP_CHAT, None, T1, MAR12, "before3", _at(9, 1), "sent",
                sent_at=_at(9, 1, 2), message_id=7003),
        _outbox(10, GROUP_CHAT, None, None, MAR9, "weekly", _at(9, 1), "sent",
                text="Việc của đơn vị tuần này", sent_at=_at(9, 1, 2), message_id=7004),
        # Pending: Lan's 09:00 reminders, the one of a task she has marked done since, the
        # reminder her ⏰ dropped and the one it put at Tuesday 11:00, Hùng's Tuesday reminder.
        _outbox(5, LAN_CHAT, LAN, T1, MAR12, "before3", _at(9, 2)),
        _outbox(6, LAN_CHAT, LAN, T2, MAR15, "before3", _at(9, 2)),
        _outbox(7, LAN_CHAT, LAN, T4, MAR11, "before1", _at(10, 2), "dropped",
                last_error="snoozed"),
        _outbox(8, LAN_CHAT, LAN, T4, MAR11, "snooze:2026-03-10T04:00", _at(10, 4),
                text=f"⏰ <b>Nhắc lại</b>\n{CONTENT[T4]}"),
        _outbox(9, HUNG_CHAT, HUNG, T4, MAR11, "before1", _at(10, 1)),
    ],
    "audit": [
        {"id": 1, "at": T0, "actor": MAI_CHAT, "action": "plan.import",
         "detail": {"plan_id": 1, "tasks": 6}},
        {"id": 2, "at": _at(8, 3), "actor": LAN_CHAT, "action": "task.done",
         "detail": {"task_id": T2, "due": "2026-03-15"}},
    ],
}
# fmt: on


def rows_at(revision: str) -> dict[str, list[dict[str, Any]]]:
    """``ROWS`` and what the releases up to ``revision`` add."""
    out = {table: list(rows) for table, rows in ROWS.items()}
    for since in RELEASES[: RELEASES.index(revision) + 1]:
        for table, rows in ROWS_SINCE.get(since, {}).items():
            out.setdefault(table, []).extend(rows)
    return out


async def write_deployed_store(engine: AsyncEngine, revision: str) -> None:
    """Insert ``rows_at(revision)`` through the tables as the store has them now (reflected)."""
    md = sa.MetaData()
    async with engine.begin() as conn:
        await conn.run_sync(md.reflect)
        for table, rows in rows_at(revision).items():
            # One statement per table: every row names every column the rows use.
            names = {name for row in rows for name in row}
            full = [{name: row.get(name) for name in names} for row in rows]
            await conn.execute(md.tables[table].insert(), full)
        if conn.dialect.name == "postgresql":
            # The rows carry their ids, as a live store's do: move each id sequence past them.
            for table, rows in rows_at(revision).items():
                if rows and "id" in rows[0]:
                    await conn.execute(
                        sa.text(
                            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"(SELECT max(id) FROM {table}))"
                        )
                    )
