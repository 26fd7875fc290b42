"""The bot's shared words (DOMAIN.md §8): one term per thing, used by every handler, reminder
and answer, so that an officer never reads two names for the same thing.

Sections are kept apart so that features can add their own phrases without touching others':
terms, buttons, deadlines, lateness, refusals and errors.
"""

from __future__ import annotations

from datetime import date

from bot.vndate import format_date

# --- terms -------------------------------------------------------------------------------------

TASK = "việc"  # lists, buttons; "nhiệm vụ" only in formal text, never both in one message
OCCURRENCE = "hạn"  # one occurrence of a recurring task ("kỳ" for reports)
ROLE_LEAD = "chủ trì"
ROLE_SUPPORT = "phối hợp"
DONE = "đã hoàn thành"
REPORTED = "đã báo cáo"

# Words officers must never read (DOMAIN §8 "avoid" column). tests/test_words.py scans every
# message for them.
AVOIDED_WORDS = (
    "bạn",
    "tôi",
    "lần hạn",
    "lần này",
    "nên gửi trước",
    "nên xong trong",
    "đã đánh dấu xong",
    "báo xong",
    "hoãn",
    "nhắc lại việc",
    "đơn vị bạn",
    "điều phối viên",
)

# --- buttons (labels stay near 12 characters) --------------------------------------------------

BUTTON_DONE = "✅ Xong"
BUTTON_SNOOZE = "⏰ Nhắc sau"
BUTTON_DETAIL = "📄 Chi tiết"

# --- deadlines ---------------------------------------------------------------------------------


def role_line(lead: bool) -> str:
    """ "Vai trò: chủ trì" / "Vai trò: phối hợp"."""
    return f"Vai trò: {ROLE_LEAD if lead else ROLE_SUPPORT}"


def last_day_phrase(last: date) -> str:
    """The real last working day: "chậm nhất Thứ Sáu, 18/12/2026"."""
    return f"chậm nhất {format_date(last)}"


# --- lateness ----------------------------------------------------------------------------------


def late_phrase(working_days: int) -> str:
    """Lateness is always counted in working days: "quá hạn 3 ngày làm việc"."""
    return f"quá hạn {working_days} ngày làm việc"


# --- refusals and errors -----------------------------------------------------------------------


# --- on-time statistics and escalation (issue 16) ----------------------------------------------

# The domain's three words, and the four outcomes an occurrence owed as lead can have.
ON_TIME = "đúng hạn"
LATE = "quá hạn"
IN_TIME = "trong hạn"
STATS_LABELS = {
    "on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "late_open": "Quá hạn, chưa hoàn thành",
    "not_due": "Trong hạn (chưa đến hạn)",
}
STATS_TITLE = "Thống kê thực hiện nhiệm vụ"
BUTTON_NUDGE = "📣 Nhắc các đơn vị chưa xong"  # the status board's button, reused by escalation
STATS_NOT_COORDINATOR = (
    "Thống kê các đơn vị chỉ dành cho Văn phòng UBND tỉnh. "
    "Anh/chị gõ /huongdan để xem các lệnh dùng được."
)
STATS_PRIVATE_ONLY = "Lệnh /thongke chỉ dùng trong chat riêng với bot."


def stats_bad_period(typed: str) -> str:
    """A period /thongke or ``bot.py stats`` cannot read, with what to type instead."""
    return (
        f"Không hiểu kỳ “{typed[:60]}”. Ví dụ: tháng 8, quý 3, tháng 8/2025, năm "
        "(để trống: tháng này)."
    )


def stats_more(n: int) -> str:
    """The tail of a capped list: "… và 12 đơn vị khác (xem tệp Excel)"."""
    return f"… và {n} đơn vị khác (xem tệp Excel)"


def escalation_head(count: int, after_days: int) -> str:
    """The coordinators' morning list: what it is and a count."""
    return (
        f"📣 <b>Việc quá hạn từ {after_days} ngày làm việc trở lên — {count} việc</b> "
        "(đơn vị chủ trì chưa hoàn thành)"
    )


def escalation_more(n: int) -> str:
    return f"… và {n} việc khác"


def escalation_tail() -> str:
    """The button is Telegram's; on Zalo (plain text, no buttons) the line says where it is."""
    return (
        f"Bấm {BUTTON_NUDGE} bên dưới (trên Telegram) để nhắc các đơn vị này, "
        "mỗi đơn vị một lần trong ngày."
    )
