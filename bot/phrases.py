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
# The provincial team (coordinators) is named, never called "điều phối viên" (DOMAIN §8).
TEAM = "Văn phòng UBND tỉnh"

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


def _plan_date(due: date, before: bool, moved: bool = False) -> str:
    """The plan's date: "Hạn: trước ngày 20/12/2026". The weekday is given only when it is the
    real last day itself ("Hạn: Thứ Tư, 20/8/2025"); "trước Chủ nhật" would read as by Saturday."""
    if before or moved:
        return f"Hạn: {'trước ' if before else ''}ngày {due.day}/{due.month}/{due.year}"
    return f"Hạn: {format_date(due)}"


def due_phrase(due: date, last: date, before: bool) -> str:
    """The plan's date, then the real last day when it differs:
    "Hạn: trước ngày 20/12/2026 · chậm nhất Thứ Sáu, 18/12/2026"."""
    if last == due:
        return _plan_date(due, before)
    return f"{_plan_date(due, before, moved=True)} · {last_day_phrase(last)}"


# --- lateness ----------------------------------------------------------------------------------


def late_phrase(working_days: int) -> str:
    """Lateness is always counted in working days: "quá hạn 3 ngày làm việc"."""
    return f"quá hạn {working_days} ngày làm việc"


# --- refusals and errors -----------------------------------------------------------------------

CONTACT_TEAM = f"Hãy liên hệ {TEAM}."


def team_only(what: str) -> str:
    """A refusal of a coordinators' action to an officer: "Chỉ Văn phòng UBND tỉnh mới …"."""
    return f"Chỉ {TEAM} mới {what}."


# Delivery failures, told to the coordinators with the officer's name, never a chat id or the
# Bot API's English ("Forbidden: bot was blocked by the user").
BLOCKED = "đã chặn bot"
REMOVED_FROM_GROUP = "đã mời bot ra khỏi nhóm"
NOT_STARTED = "chưa mở bot (chưa bấm Bắt đầu)"
GONE = "không còn dùng được (tài khoản hoặc nhóm đã bị xóa)"
NO_RIGHTS = "không cho bot gửi tin"
UNREACHABLE = "không nhận được tin nhắn"


def delivery_problem(reason: str) -> str:
    """The Vietnamese for a permanent send failure's ``reason`` (the Bot API's English)."""
    low = reason.lower()
    for needles, words in (
        (("blocked",), BLOCKED),
        (("kicked", "not a member", "left the"), REMOVED_FROM_GROUP),
        (("deactivated", "deleted", "upgraded to a supergroup"), GONE),
        (("not enough rights", "have no rights", "restricted"), NO_RIGHTS),
        (("chat not found", "initiate", "user not found"), NOT_STARTED),
    ):
        if any(n in low for n in needles):
            return words
    return UNREACHABLE


def recipient_name(name: str | None, group: bool = False) -> str:
    """ "Anh/chị Nguyễn Văn A" for an officer, "Nhóm …" for a group, never a chat id."""
    if group:
        return f"Nhóm {name}" if name else "Nhóm của đơn vị"
    return f"Anh/chị {name}" if name else "Một cán bộ"


def delivery_failure(name: str | None, reason: str, group: bool = False) -> str:
    """ "Anh/chị Nguyễn Văn A đã chặn bot"."""
    return f"{recipient_name(name, group)} {delivery_problem(reason)}"


# --- evidence: the report attached after ✅ (issue 16) -----------------------------------------

BUTTON_ATTACH = "📎 Gửi kèm báo cáo"
BUTTON_SKIP = "Bỏ qua"
EVIDENCE_OFFER = (
    "📎 Anh/chị có thể gửi kèm báo cáo: số hiệu (ví dụ 123/BC-STP) hoặc tệp báo cáo. "
    "Không bắt buộc."
)
EVIDENCE_ASK = (
    "📎 Gõ số hiệu báo cáo (ví dụ 123/BC-STP) hoặc gửi tệp báo cáo (tối đa 20 MB) "
    "trong {minutes} phút tới. Không gửi nữa thì bấm Bỏ qua."
)
EVIDENCE_SKIPPED = "Đã bỏ qua gửi kèm báo cáo; việc vẫn được ghi nhận đã hoàn thành."
EVIDENCE_NOT_DONE = "Việc này chưa được ghi nhận hoàn thành nên chưa gửi kèm báo cáo được."
EVIDENCE_OTHER_UNIT = "Anh/chị chỉ gửi kèm được báo cáo cho việc của đơn vị mình."
EVIDENCE_TOO_BIG = "Tệp lớn quá 20 MB. Gửi tệp nhỏ hơn, hoặc gõ số hiệu báo cáo."
EVIDENCE_GONE = "Báo cáo này không còn (việc đã được bỏ ghi nhận hoàn thành)."
EVIDENCE_RESEND_FAILED = "Chưa gửi lại được tệp này; nhờ đơn vị gửi lại tệp báo cáo."
EVIDENCE_PHOTO = "Vui lòng gửi báo cáo dạng tệp (📎 → Tệp), không gửi dạng ảnh."


def evidence_attached(number: str | None, file_name: str | None) -> str:
    """ "📎 Đã gửi kèm báo cáo số 123/BC-STP" / "… tệp bao-cao.pdf" (plain text)."""
    what = f"số {number}" if number else f"tệp {file_name or 'không tên'}"
    return f"📎 Đã gửi kèm báo cáo {what}."


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
UNDO_NOT_ALLOWED = f"Chỉ cán bộ của đơn vị hoặc {TEAM} mới hoàn tác được."


def undone(unit: str, task: str) -> str:
    """After ↩️ Hoàn tác."""
    return f"↩️ Đã hoàn tác: {task} — {unit} chưa hoàn thành việc này."
