"""Vietnamese texts, HTML escaping, message splitting and keyboards shared by the handlers."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from html import escape

from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot.assignment import assigned_note
from bot.phrases import BUTTON_DONE, BUTTON_SNOOZE, DONE_MARK, TEAM, late_phrase, text_limit_line
from bot.vndate import format_date
from services.officers import ADMIN, Officer
from services.unit_tasks import TaskLine

LIMIT = 4096
PAGE_SIZE = 5
MAX_PARTS = 3  # messages one reply may take; a longer one is cut with CUT_NOTE
CUT_NOTE = "<i>… (đã rút gọn, xem toàn văn trong kế hoạch)</i>"

# The command menu (setMyCommands), in Vietnamese.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("viec", "Việc của đơn vị"),
    ("sapden", "Việc đến hạn trong 14 ngày"),
    ("quahan", "Việc quá hạn"),
    ("tuan", "Việc tuần này"),
    ("thang", "Việc tháng này hoặc tháng N"),
    ("donvi", "Việc của một đơn vị"),
    ("xong", "Báo đã xong một việc"),
    ("lich", "Lịch hạn (tệp .ics)"),
    ("thongke", "Thống kê đúng hạn theo đơn vị"),
    ("caidat", "Cài đặt nhắc việc"),
    ("huongdan", "Hướng dẫn sử dụng"),
    ("start", "Bắt đầu / đăng ký"),
)

# The reply keyboard and the list each button opens.
KEYBOARD_LISTS = {"Hôm nay": "hn", "Tuần này": "tu", "Tháng này": "th", "Quá hạn": "qh"}

# Help by role: officers read only their own commands; coordinators and administrators also
# theirs. Every officer reads that ✅ counts for the whole unit.
HELP_OFFICER = (
    "<b>Hướng dẫn</b>\n"
    "/viec — việc của đơn vị (quá hạn và 30 ngày tới)\n"
    "/sapden — việc đến hạn trong 14 ngày\n"
    "/quahan — việc đã quá hạn\n"
    "/tuan — việc tuần này · /thang [N] — việc tháng này hoặc tháng N\n"
    "/xong — chọn việc đã hoàn thành\n"
    f"{BUTTON_DONE} ghi nhận cho <b>cả đơn vị</b>: một cán bộ bấm là việc đã hoàn thành với đơn vị, "
    "các cán bộ khác của đơn vị không còn nhận nhắc việc đó.\n"
    f"{BUTTON_SNOOZE} — nhắc lại sau 1 hoặc 3 ngày (hạn không đổi)\n"
    "/giao MÃ_VIỆC [NGÀY] TÊN — giao việc cho một cán bộ của đơn vị; /tralai MÃ_VIỆC — trả lại\n"
    "/lich — tệp lịch hạn (.ics) để thêm vào lịch điện thoại\n"
    "/caidat — giờ nhắc, số ngày nhắc trước, việc phối hợp, bản tin sáng\n"
    "/zalo — mã ghép nối để nhận việc và lời nhắc qua Zalo\n"
    "Hoặc gõ câu hỏi, ví dụ: <i>việc gì đến hạn tháng 8</i>.\n"
    "Trong nhóm: cán bộ của đơn vị là quản trị nhóm gõ /nhom TÊN ĐƠN VỊ để liên kết nhóm với đơn vị."
)
HELP_COORDINATOR = (
    f"\n<b>{TEAM}</b>: /moi TÊN ĐƠN VỊ (tạo liên kết mời) · gửi tệp kế hoạch (.docx, .txt) để nhập · "
    "/tinhhinh [tháng N | quý N] (đơn vị nào chưa báo cáo, nhắc đúng các đơn vị đó, xuất Excel) · "
    "/thongke [tháng N | quý N | năm] (biểu đồ việc đúng hạn, quá hạn, trong hạn của từng đơn vị) · "
    "/donvi TÊN — việc của một đơn vị bất kỳ · /ngaynghi — ngày nghỉ sắp tới."
)
HELP_ADMIN = (
    "\n<b>Quản trị viên</b>: /ngaynghi them NGÀY [ghi chú] hoặc /ngaynghi bo NGÀY "
    "(ví dụ 5/9/2025) — hạn và lời nhắc được tính lại."
)


def help_text(officer: Officer | None) -> str:
    """The help an officer reads: their own commands, then their role's (coordinator, admin)."""
    parts = [HELP_OFFICER]
    if officer is not None and officer.is_coordinator:
        parts.append(HELP_COORDINATOR)
        if officer.role == ADMIN:
            parts.append(HELP_ADMIN)
    return "\n".join(parts)


def commands() -> list[BotCommand]:
    return [BotCommand(c, d) for c, d in COMMANDS]


def main_keyboard() -> ReplyKeyboardMarkup:
    """Hôm nay / Tuần này / Tháng này / Quá hạn."""
    names = list(KEYBOARD_LISTS)
    return ReplyKeyboardMarkup(
        [[KeyboardButton(n) for n in names[:2]], [KeyboardButton(n) for n in names[2:]]],
        resize_keyboard=True,
    )


def e(text: object) -> str:
    """Escape any user- or plan-supplied text for HTML."""
    return escape(str(text), quote=False)


def shorten(text: str, limit: int = 280) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def split_message(html: str, limit: int = LIMIT) -> list[str]:
    """Split at line breaks (then spaces) so every part stays under Telegram's limit.

    Lines are kept whole when they fit, so an HTML tag opened on a line is closed in the same part.
    """
    parts: list[str] = []
    current = ""
    for line in html.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:cut])
            line = line[cut:].lstrip()
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        parts.append(current)
    return parts or [""]


def clip(text: str, limit: int) -> str:
    """Plain text cut to ``limit`` characters (at a space when one is near) with "…"."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit // 2, limit)
    return text[: cut if cut > 0 else limit].rstrip() + " …"


def _cut_html(html: str, limit: int) -> str:
    """The start of ``html`` within ``limit``, at a line break or space, never inside a tag or
    an entity (the lines of a reply open and close their tags on the line)."""
    head = html[:limit]
    for sep in ("\n", " "):
        at = head.rfind(sep)
        if at > limit // 2:
            head = head[:at]
            break
    if head.rfind("<") > head.rfind(">"):
        head = head[: head.rfind("<")]
    if head.rfind("&") > head.rfind(";"):
        head = head[: head.rfind("&")]
    return head.rstrip()


def capped_parts(html: str, limit: int = LIMIT, max_parts: int = MAX_PARTS) -> list[str]:
    """``split_message`` of at most ``max_parts`` messages; a longer text is cut with CUT_NOTE."""
    room = limit - len(CUT_NOTE) - 1
    if len(html) <= limit * max_parts:
        parts = split_message(html, limit)
        if len(parts) <= max_parts:
            return parts
    parts = split_message(_cut_html(html, room * max_parts), room)[:max_parts]
    parts[-1] = f"{parts[-1]}\n{CUT_NOTE}"
    return parts


def role_label(role: str) -> str:
    return "chủ trì" if role == "lead" else "phối hợp"


def task_lines_html(
    title: str,
    lines: Sequence[TaskLine],
    page: int,
    today: date,
    *,
    days_late: Callable[[date], int] | None = None,
    marks: Mapping[tuple[int, date | None], str] | None = None,
    limits: Mapping[int, str] | None = None,
) -> str:
    """One page of a task list: numbered, with the real last day and the unit's role.

    ``days_late`` words lateness in working days ("⚠️ quá hạn 2 ngày làm việc"); ``marks`` are
    what a press recorded ("✅ đã hoàn thành", "⏰ nhắc lại …"); ``limits`` the limits written in
    a task's text that differ from the date column ("Mốc trong nội dung: …")."""
    pages = max(1, -(-len(lines) // PAGE_SIZE))
    chunk = lines[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    head = f"<b>{e(title)}</b>"
    if pages > 1:
        head += f" (trang {page + 1}/{pages})"
    if not lines:
        return head + "\nKhông có việc nào."
    out = [head]
    for i, line in enumerate(chunk, start=1):
        when = format_date(line.last_day) if line.last_day else "không ghi hạn"
        mark = (marks or {}).get((line.task_id, line.due_date))
        status = f" · {DONE_MARK}" if line.done else ""
        if line.superseded and not line.done:
            status = " · đã qua (xem hạn sau)"
        elif line.last_day and not line.done and line.last_day < today:
            late = late_phrase(days_late(line.last_day)) if days_late else "quá hạn"
            status = f" · ⚠️ {late}"
        if mark and not line.done:
            status += f" · {e(mark)}"
        if line.assignee:
            status += f" · 📌 {e(assigned_note(line.assignee))}"
        limit = (limits or {}).get(line.task_id)
        extra = f"\n<i>{e(text_limit_line(shorten(limit, 160)))}</i>" if limit else ""
        out.append(
            f"\n{i}. <b>{e(when)}</b> · {role_label(line.role)}{status}\n"
            f"{e(shorten(line.content))} <i>(mục {e(line.ref)})</i>{extra}"
        )
    return "\n".join(out)


def button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data)


def inline(rows: Sequence[Sequence[InlineKeyboardButton]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([list(r) for r in rows])


def format_day(d: date | None) -> str:
    return format_date(d) if d else "không ghi hạn"
