"""Coordinators: a plan file in a private chat → preview → Import / Cancel (/giao: handlers.assign)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.error import BadRequest, NetworkError, TelegramError
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot.errors import BadDocument, TthcError
from bot.model import PlanDraft
from bot.phrases import TEAM
from bot.plans import read_plan
from handlers.context import App, BotContext, coordinator, pressing_officer, reply
from handlers.formatting import button, e, inline, shorten
from services.imports import ImportResult, import_draft, read_warnings
from services.plan_previews import keep_preview, take_preview

ACCEPTED = (".docx", ".doc", ".pdf", ".xlsx", ".xls", ".txt", ".tsv", ".text")
MAX_PENDING = 20  # plan previews kept in the store awaiting 📥 Nhập / Hủy
MAX_PENDING_BYTES = 48 * 1024 * 1024  # ... and the bytes of their files, at most
NOT_COORDINATOR = f"Chỉ {TEAM} mới nhập kế hoạch được."
log = logging.getLogger(__name__)
# A plan the bot cannot fetch or read gets its own message saying what to do, never the generic
# "Xin lỗi, bot gặp lỗi" nor the Bot API's English.
CLI_IMPORT = "hoặc nhập trên máy chủ bằng dòng lệnh: python bot.py import TỆP"
SAVE_AS = "Hãy mở tệp bằng Word, lưu lại thành .docx rồi gửi lại"
NOT_A_PLAN_FILE = (
    "Chỉ nhận tệp kế hoạch Word (.docx, .doc), PDF, Excel (.xlsx) hoặc văn bản .txt xuất từ Word."
)
DOWNLOAD_TOO_BIG = (
    "Telegram không cho bot tải tệp này về (tệp quá lớn, tối đa 20 MB). "
    f"{SAVE_AS} (bỏ bớt hình ảnh cho nhỏ lại), {CLI_IMPORT}."
)
DOWNLOAD_FAILED = (
    "Bot không tải được tệp này từ Telegram (tệp đã hết hạn hoặc không còn trên Telegram). "
    f"Vui lòng gửi lại tệp; nếu vẫn không được, {CLI_IMPORT}."
)
DOWNLOAD_LATER = "Mạng tới Telegram đang chập chờn nên bot chưa tải được tệp. Vui lòng gửi lại tệp sau ít phút."  # fmt: skip
UNREADABLE = f"Bot không đọc được nội dung tệp này. {SAVE_AS}, {CLI_IMPORT}."


def too_large(limit: int) -> str:
    return f"Tệp quá lớn: tối đa {limit // (1024 * 1024)} MB. {SAVE_AS} (bỏ bớt hình ảnh), {CLI_IMPORT}."  # fmt: skip


def download_problem(exc: TelegramError) -> str:
    """What to do when Telegram would not hand the file over (getFile or the download failed)."""
    if isinstance(exc, NetworkError) and not isinstance(exc, BadRequest):
        return DOWNLOAD_LATER
    return DOWNLOAD_TOO_BIG if "too big" in exc.message.lower() else DOWNLOAD_FAILED


def _list(items: list[Any], limit: int = 15) -> str:
    shown = [e(shorten(str(x), 80)) for x in items[:limit]]
    more = f" … và {len(items) - limit} mục khác" if len(items) > limit else ""
    return "; ".join(shown) + more


async def _read_and_import(
    context: BotContext, name: str, data: bytes, *, dry_run: bool
) -> tuple[PlanDraft, ImportResult]:
    """Read the plan and import it (``import_draft`` commits) or, with ``dry_run``, only
    preview it (reads only)."""
    svc = context.services
    # One plan read at a time, in a worker thread: a big or hostile file (or a PDF to read, a
    # .doc to convert) must not stall other chats and the reminders.
    readers = context.bot_data.setdefault("plan_readers", asyncio.Semaphore(1))
    async with readers:
        draft = await asyncio.to_thread(read_plan, Path(name), data)
    async with svc.uow(read_only=True) as uow:
        calendar = await svc.calendar(uow.session)
    result = await import_draft(svc.sessions, draft, svc.now(), calendar, dry_run=dry_run)
    return draft, result


MAX_WARNING_LINES = 8  # warnings shown above the preview, each at most WARNING_CHARS
WARNING_CHARS = 220
MAX_PREVIEW_CHARS = 3800  # Telegram refuses messages over 4096 characters


def _warnings(draft: PlanDraft, result: ImportResult) -> list[str]:
    """The reader's warnings, first in the preview: escaped, each shortened, a few at most."""
    found = read_warnings(draft, result)
    lines = [e(shorten(w, WARNING_CHARS)) for w in found[:MAX_WARNING_LINES]]
    if len(found) > MAX_WARNING_LINES:
        lines.append(f"… và {len(found) - MAX_WARNING_LINES} cảnh báo khác.")
    if lines:
        lines.insert(0, "<b>Cần kiểm tra trước khi nhập:</b>")
        lines.append("")
    return lines


def _preview(draft: PlanDraft, result: ImportResult) -> str:
    unknown, unresolved = result.unknown_deadlines, result.unresolved
    tasks = len(draft.tasks)
    lines = (
        _warnings(draft, result)
        + [
            f"📋 <b>{e(draft.title or draft.source)}</b>",
            f"Cơ quan: {e(draft.issuer or 'không rõ')} · Số: {e(draft.number or '—')} · Năm: {e(draft.year or '—')}",  # fmt: skip
            f"Số việc: <b>{tasks}</b> · có hạn: <b>{tasks - len(unknown)}</b> · chưa rõ hạn: <b>{len(unknown)}</b>",  # fmt: skip
        ]
    )
    if draft.duplicates:
        lines.append(f"Bỏ {draft.duplicates} dòng trùng lặp (cùng nội dung, đơn vị và thời hạn).")
    if unknown:
        lines.append(f"Hạn chưa rõ: {_list(unknown)}")
    if unresolved:
        lines.append(f"Đơn vị chưa nhận ra ({len(unresolved)}): {_list(unresolved)}")
    changes = result.changes.lines()
    if changes:
        lines.append("<b>Thay đổi so với bản đã nhập:</b>")
        lines.extend(e(shorten(x, 200)) for x in changes)
    lines.append(
        f"Nếu nhập: {result.created} việc mới, {result.updated} cập nhật, "
        f"{result.unchanged} không đổi, {result.deactivated} bỏ."
    )
    text = "\n".join(lines)
    if len(text) > MAX_PREVIEW_CHARS:  # cut whole lines so no HTML tag is left open
        kept, size = [], 0
        for line in lines[:-1]:
            if size + len(line) + 1 > MAX_PREVIEW_CHARS - 300:
                kept.append("…")
                break
            kept.append(line)
            size += len(line) + 1
        text = "\n".join([*kept, lines[-1]])
    return text


async def on_document(update: Update, context: BotContext) -> None:
    """A file in a private chat: only coordinators, only plan formats, at most the size limit."""
    msg, chat = update.effective_message, update.effective_chat
    assert msg is not None and chat is not None and msg.document is not None
    officer = await coordinator(update, context, NOT_COORDINATOR)
    if officer is None:
        return
    doc, svc = msg.document, context.services
    name = doc.file_name or "ke-hoach"
    if not name.lower().endswith(ACCEPTED):
        await reply(update, e(NOT_A_PLAN_FILE))
        return
    limit = svc.settings.max_upload_bytes
    if doc.file_size is None or doc.file_size > limit:
        await reply(update, e(too_large(limit)))
        return
    try:
        file = await doc.get_file()
        data = bytes(await file.download_as_bytearray())
    except TelegramError as exc:
        log.warning("plan %r not downloaded: %s", name, exc)
        await reply(update, e(download_problem(exc)))
        return
    if len(data) > limit:
        await reply(update, e(too_large(limit)))
        return
    try:
        draft, result = await _read_and_import(context, name, data, dry_run=True)
    except BadDocument as exc:
        await reply(update, f"Không đọc được tệp: {e(exc.message)}\n{e(SAVE_AS)}.")
        return
    except TthcError as exc:
        await reply(update, e(exc.message))
        return
    except Exception:  # a reader library's own failure on a hostile or unusual file
        log.exception("plan %r not read", name)
        await reply(update, e(UNREADABLE))
        return
    # In the store, not in memory: the confirmation may reach another replica. Previews never
    # confirmed go beyond a count and a total size.
    async with svc.uow() as uow:
        token = await keep_preview(
            uow, officer.telegram_id, name, data, MAX_PENDING, MAX_PENDING_BYTES
        )
    rows = [[button("📥 Nhập", svc.sign(chat.id, f"pi:{token}")),
             button("Hủy", svc.sign(chat.id, f"pc:{token}"))]]  # fmt: skip
    await reply(update, _preview(draft, result), reply_markup=inline(rows))


async def on_confirm(update: Update, context: BotContext) -> None:
    query, chat = update.callback_query, update.effective_chat
    assert query is not None and chat is not None
    svc = context.services
    press = await pressing_officer(update, context, "pi", "pc", coordinator_only=NOT_COORDINATOR)
    if press is None:
        return
    fields, officer = press
    async with svc.uow() as uow:
        pending = await take_preview(uow, fields[1], officer.telegram_id)
    if pending is None:
        await query.answer("Bản xem trước này đã cũ. Hãy gửi lại tệp.", show_alert=True)
        return
    await query.answer()
    if fields[0] == "pc":
        await query.edit_message_text("Đã hủy, không nhập gì.")
        return
    try:
        draft, result = await _read_and_import(context, pending[0], pending[1], dry_run=False)
    except TthcError as exc:
        await reply(update, e(exc.message))
        return
    await query.edit_message_text(
        f"✅ Đã nhập <b>{e(draft.title or draft.source)}</b>: {getattr(result, 'created', 0)} việc mới, "
        f"{getattr(result, 'updated', 0)} cập nhật, {getattr(result, 'unchanged', 0)} không đổi.",
        parse_mode="HTML",
    )


def register(app: App) -> None:
    # block=False: while a plan is read (or imported), other updates (other chats) are handled.
    app.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.Document.ALL, on_document, block=False)
    )
    app.add_handler(CallbackQueryHandler(on_confirm, pattern=r"^(pi|pc):", block=False))
