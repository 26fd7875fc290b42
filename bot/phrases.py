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
