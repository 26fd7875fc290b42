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


# --- taps: the buttons under lists and reminders, and what a press records --------------------

BUTTON_UNDO = "↩️ Hoàn tác"
UNDO_MINUTES = 10  # how long the ↩️ Hoàn tác under a ✅ confirmation stays valid
MAX_ROW_CHARS = 30  # the labels of one row of buttons, together, fit a phone's width

DONE_MARK = "✅ đã hoàn thành"
DONE_FOR_UNIT = "✅ tính cho cả đơn vị"


def numbered_buttons(number: int) -> tuple[str, str, str]:
    """The compact row under the ``number``-th task of a list: "✅ 1", "⏰ 1", "📄 1"."""
    return f"✅ {number}", f"⏰ {number}", f"📄 {number}"


def snooze_choice(days: int) -> str:
    """⏰ Nhắc sau, the choice: "⏰ 1 ngày" (working days)."""
    return f"⏰ {days} ngày"


def snooze_mark(day: date, hour: int) -> str:
    """A snoozed task in its message: "⏰ nhắc lại Thứ Hai, 21/12/2026 lúc 8 giờ"."""
    return f"⏰ nhắc lại {format_date(day)} lúc {hour} giờ"


def text_limit_line(limit: str) -> str:
    """A limit written in the task's text that differs from the plan's date column."""
    return f"Mốc trong nội dung: {limit}"


def done_confirmation(unit: str, task: str) -> str:
    """After ✅: what was recorded, for which unit (plain text; the caller escapes)."""
    return f"✅ Đã ghi nhận hoàn thành cho {unit}: {task.rstrip('. ')}. Việc tính cho cả đơn vị."


DONE_BEFORE = "Việc này đã được ghi nhận hoàn thành trước đó."
UNDO_GONE = "Nút hoàn tác chỉ dùng được trong 10 phút. Gõ /viec để xem lại việc."
UNDO_NOT_ALLOWED = "Chỉ cán bộ của đơn vị hoặc Văn phòng UBND tỉnh mới hoàn tác được."


def undone(unit: str, task: str) -> str:
    """After ↩️ Hoàn tác."""
    return f"↩️ Đã hoàn tác: {task} — {unit} chưa hoàn thành việc này."
