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
