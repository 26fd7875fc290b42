"""What the Zalo bot does with one update: linking, officer commands typed with or without the
slash, typed actions on numbered items, free questions; files and pictures get a clear answer.

The same use cases as the Telegram handlers (``services``), rendered by ``handlers.zalo.render``.
Rights are checked on every message: a stranger (no linked chat) gets nothing of a unit's.
"""

from __future__ import annotations

import contextlib
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from bot.errors import TthcError
from bot.text import fold
from bot.vndate import format_date
from handlers.ask import OWN_UNIT_ONLY, asked
from handlers.context import Services, refusal
from handlers.formatting import role_label
from handlers.tasks import period
from handlers.zalo.api import ZaloApi, ZaloError, ZaloNetworkError
from handlers.zalo.render import Target, answer_items, layout, reply_page, task_items
from reminders.policy import from_settings
from services import invites, progress, unit_lookup, unit_tasks, zalo
from services.officers import Officer

log = logging.getLogger("tthc.zalo")

FILE_REFUSED = (
    "Bot Zalo chưa đọc được tệp gửi kèm. Kế hoạch (.docx, .txt) xin gửi cho bot trên Telegram, "
    "hoặc quản trị viên nhập bằng dòng lệnh: python bot.py import TỆP."
)
ONLY_TEXT = "Bot chỉ đọc tin nhắn chữ. Gõ «huongdan» để xem cách dùng."
STRANGER = (
    "Bot này dành cho cán bộ đầu mối kiểm soát TTHC. Để bắt đầu, gửi mã mời do điều phối viên "
    "cấp (lệnh /moi), hoặc mã ghép nối lấy bằng lệnh /zalo trên Telegram."
)
GROUP_NOTE = "Trên Zalo, bot chỉ trả lời tin nhắn riêng. Anh/chị nhắn riêng cho bot để xem việc."
NO_UNIT = "Tài khoản chưa gắn với đơn vị nào. Hãy liên hệ điều phối viên."
HELP = (
    "Hướng dẫn (gõ có hoặc không có dấu /):\n"
    "viec — việc của đơn vị (quá hạn và 30 ngày tới)\n"
    "sapden — việc đến hạn trong 14 ngày · quahan — việc đã quá hạn\n"
    "tuan — việc tuần này · thang [N] — việc tháng này hoặc tháng N\n"
    "donvi TÊN — việc của một đơn vị\n"
    "xong 2 — báo việc số 2 đã xong · hoan 2 3 ngay — nhắc lại việc số 2 sau 3 ngày\n"
    "chi tiet 2 — xem đầy đủ việc số 2 · xem them — xem tiếp danh sách\n"
    "Hoặc gõ câu hỏi, ví dụ: việc gì đến hạn tháng 8.\n"
    "Tệp kế hoạch: gửi qua Telegram. Điều phối viên: moi TÊN ĐƠN VỊ (tạo mã mời)."
)
LISTS = {"viec": "vi", "sapden": "sd", "sap den": "sd", "quahan": "qh", "qua han": "qh",
         "tuan": "tu", "xong": "xo"}  # fmt: skip
CODE = re.compile(r"^(?:(?:ghep|ma|start)\s+)?([A-Za-z0-9_-]{8,64})$")
PRUNE_EVERY = 500
SEEN_KEPT = timedelta(days=30)
MAX_SNOOZE_DAYS = 30


@dataclass(frozen=True)
class Incoming:
    message_id: str
    event: str
    user_id: str
    chat_id: str
    name: str
    text: str
    group: bool


def parse(update: dict[str, Any]) -> Incoming | None:
    """The parts of an update the bot uses; None for anything it cannot answer."""
    msg = update.get("message")
    if not isinstance(msg, dict):
        return None
    sender, chat = msg.get("from") or {}, msg.get("chat") or {}
    if not sender.get("id") or not chat.get("id") or sender.get("is_bot"):
        return None
    return Incoming(
        message_id=str(msg.get("message_id") or ""),
        event=str(update.get("event_name") or ""),
        user_id=str(sender["id"]),
        chat_id=str(chat["id"]),
        name=str(sender.get("display_name") or sender.get("name") or "")[:200],
        text=str(msg.get("text") or "")[:4000],
        group=str(chat.get("chat_type") or "").upper() == "GROUP",
    )


class ZaloBot:
    """The Zalo channel's use of the services; ``handle`` takes one raw update."""

    def __init__(self, services: Services, api: ZaloApi, bot_id: str) -> None:
        self.services, self.api, self.bot_id = services, api, bot_id
        api.on_message = self.count_one
        self.handled = 0

    async def count_one(self) -> None:
        svc = self.services
        async with svc.uow() as uow:
            await zalo.count_messages(uow.session, self.bot_id, svc.now(), svc.settings.zalo_monthly_quota)  # fmt: skip
            await uow.commit()

    async def say(self, chat_id: str, text: str) -> None:
        try:
            await self.api.send_message(chat_id, text)
        except (ZaloError, ZaloNetworkError) as exc:
            log.warning("zalo reply not sent: %s", exc)

    async def handle(self, update: dict[str, Any]) -> None:
        inc = parse(update)
        if inc is None or not inc.message_id:
            return
        svc = self.services
        async with svc.uow() as uow:
            fresh = await zalo.first_time(uow.session, inc.message_id, svc.now())
            self.handled += 1
            if self.handled % PRUNE_EVERY == 0:  # Zalo does not redeliver old messages
                await zalo.forget_seen(uow.session, svc.now() - SEEN_KEPT)
            await uow.commit()
        if not fresh:
            return  # handled once per message id
        await self.count_one()  # received messages count against the quota too
        if inc.group:
            await self.say(inc.chat_id, GROUP_NOTE)
        elif inc.event == "message.unsupported.received":
            await self.say(inc.chat_id, FILE_REFUSED)
        elif inc.event != "message.text.received" or not inc.text.strip():
            await self.say(inc.chat_id, ONLY_TEXT)
        else:
            async with svc.uow(read_only=True) as uow:
                officer = await zalo.linked_officer(uow.session, inc.user_id)
            if officer is None:
                await self.stranger(inc)
            elif (why := refusal(officer)) is not None:
                await self.say(inc.chat_id, why)
            else:
                await self.command(inc, officer)

    async def stranger(self, inc: Incoming) -> None:
        """Only a code: an invite (``/moi``) or a pairing code shown on Telegram."""
        found = CODE.match(inc.text.strip())
        if found is None:
            await self.say(inc.chat_id, STRANGER)
            return
        svc = self.services
        try:
            async with svc.uow() as uow:
                officer = await zalo.link_by_code(uow.session, found.group(1), inc.user_id,
                                                  inc.chat_id, inc.name, svc.now())  # fmt: skip
                await uow.commit()
        except TthcError as exc:
            await self.say(inc.chat_id, exc.message)
            return
        where = f" — {officer.unit_name}" if officer.unit_name else ""
        await self.say(inc.chat_id, f"✅ Đã liên kết Zalo với tài khoản {officer.name}{where}.\n"
                                    "Lời nhắc việc từ nay gửi qua Zalo. Gõ «huongdan» để xem cách dùng.")  # fmt: skip

    # ----------------------------------------------------------------- commands
    async def command(self, inc: Incoming, officer: Officer) -> None:
        raw = inc.text.strip()
        text = fold(raw).lstrip("/").strip()
        if text in LISTS:
            await self.show_list(inc, officer, LISTS[text], "")
        elif m := re.fullmatch(r"thang(?: (\d{1,2}))?", text):
            month = m.group(1) or ""
            if month and not 1 <= int(month) <= 12:
                await self.say(inc.chat_id, "Tháng phải là số từ 1 đến 12, ví dụ: thang 8")
            else:
                await self.show_list(inc, officer, "th", month)
        elif text in ("huongdan", "huong dan", "help", "start"):
            await self.say(inc.chat_id, HELP)
        elif text in ("xem them", "xem tiep", "them"):
            await self.more(inc, officer)
        elif m := re.fullmatch(r"xong (\d{1,3})", text):
            await self.done(inc, officer, int(m.group(1)))
        elif m := re.fullmatch(r"(?:nhac lai|nhac|hoan) (\d{1,3})(?: (\d{1,2}))?(?: ngay)?", text):
            await self.snooze(inc, officer, int(m.group(1)), int(m.group(2) or 1))
        elif m := re.fullmatch(r"chi ?tiet (\d{1,3})", text):
            await self.detail(inc, officer, int(m.group(1)))
        elif text.startswith("donvi ") or text.startswith("don vi "):
            await self.unit_list(inc, officer, raw.lstrip("/").split(None, 2 if text.startswith("don vi ") else 1)[-1])  # fmt: skip
        elif text.startswith("moi ") and officer.is_coordinator:
            await self.invite(inc, officer, raw.lstrip("/").split(None, 1)[1])
        else:
            await self.question(inc, officer, raw.lstrip("/") if raw.startswith("/") else raw, 0, 0, 1)  # fmt: skip

    async def remember(self, inc: Incoming, numbers: dict[int, Target], more: dict[str, Any] | None, merge: bool) -> None:  # fmt: skip
        async with self.services.uow() as uow:
            await zalo.remember(uow.session, inc.user_id, numbers, more, merge)
            await uow.commit()

    async def show_list(self, inc: Incoming, officer: Officer, kind: str, arg: str,
                        unit_id: int | None = None, skip: int = 0) -> None:  # fmt: skip
        unit_id = unit_id or officer.unit_id
        if unit_id is None:
            await self.say(inc.chat_id, NO_UNIT)
            return
        svc = self.services
        today = svc.today()
        title, start, end, open_only = period(kind, arg, today)
        async with svc.uow(read_only=True) as uow:
            lines = await unit_tasks.unit_tasks(uow.session, unit_id, start, end, open_only, today=today)  # fmt: skip
            name = await unit_lookup.unit_name(uow.session, unit_id)
        page = layout(f"{title} — {name}", task_items(lines, today), first_number=skip + 1, skip=skip)  # fmt: skip
        more = None if page.next_skip is None else {"kind": "list", "k": kind, "arg": arg, "unit": unit_id, "skip": page.next_skip}  # fmt: skip
        await self.remember(inc, page.numbers, more, merge=skip > 0)
        await self.say(inc.chat_id, page.text)

    async def unit_list(self, inc: Incoming, officer: Officer, name: str) -> None:
        async with self.services.uow(read_only=True) as uow:
            found = await unit_lookup.find_units(uow.session, name.strip())
        if not found:
            await self.say(inc.chat_id, f"Không tìm thấy đơn vị “{name.strip()}”.")
        elif found[0].id != officer.unit_id and not officer.is_coordinator:
            await self.say(inc.chat_id, OWN_UNIT_ONLY)
        else:
            await self.show_list(inc, officer, "dv", "", found[0].id)

    async def question(self, inc: Incoming, officer: Officer, question: str, page: int,
                       skip: int, first: int) -> None:  # fmt: skip
        with contextlib.suppress(ZaloError, ZaloNetworkError):
            await self.api.send_chat_action(inc.chat_id)
        try:
            answer = await asked(self.services, question, officer.unit_id, officer.is_coordinator, page)  # fmt: skip
        except TthcError as exc:
            await self.say(inc.chat_id, exc.message)
            return
        if answer is None:
            await self.say(inc.chat_id, OWN_UNIT_ONLY)
            return
        items = answer_items(answer)
        shown = reply_page(answer.reply, items, first, skip)
        after = (shown.next_skip if shown.next_skip is not None else len(items)) - skip
        more = None
        if shown.next_skip is not None:
            more = {"kind": "q", "q": question, "page": page, "skip": shown.next_skip, "n": first + after}  # fmt: skip
        elif answer.reply.more:
            more = {"kind": "q", "q": question, "page": page + 1, "skip": 0, "n": first + after}
        await self.remember(inc, shown.numbers, more, merge=first > 1)
        await self.say(inc.chat_id, shown.text)

    async def more(self, inc: Incoming, officer: Officer) -> None:
        async with self.services.uow(read_only=True) as uow:
            state = await zalo.state_of(uow.session, inc.user_id)
        more = state.get("more")
        if not isinstance(more, dict):
            await self.say(inc.chat_id, "Không còn gì để xem thêm.")
        elif more.get("kind") == "list":
            unit_id = int(more["unit"])
            if unit_id != officer.unit_id and not officer.is_coordinator:
                await self.say(inc.chat_id, OWN_UNIT_ONLY)
                return
            await self.show_list(inc, officer, str(more["k"]), str(more["arg"]), unit_id, int(more["skip"]))  # fmt: skip
        else:
            await self.question(inc, officer, str(more["q"]), int(more["page"]), int(more["skip"]), int(more["n"]))  # fmt: skip

    async def target(self, inc: Incoming, officer: Officer, number: int) -> tuple[int, date | None] | None:  # fmt: skip
        async with self.services.uow(read_only=True) as uow:
            numbers = (await zalo.state_of(uow.session, inc.user_id)).get("numbers") or {}
            found = numbers.get(str(number)) if isinstance(numbers, dict) else None
            due = await zalo.occurrence(uow.session, int(found[0]), found[1]) if found else None
        if not found:
            await self.say(inc.chat_id, f"Không có việc số {number} trong danh sách gần nhất. Gõ «viec» để xem lại.")  # fmt: skip
            return None
        if officer.unit_id is None:
            await self.say(inc.chat_id, NO_UNIT)
            return None
        return int(found[0]), due

    async def done(self, inc: Incoming, officer: Officer, number: int) -> None:
        target = await self.target(inc, officer, number)
        if target is None or officer.unit_id is None:
            return
        svc = self.services
        try:
            async with svc.uow() as uow:
                line = await unit_tasks.task_line(uow.session, target[0], officer.unit_id, target[1])  # fmt: skip
                result = await progress.mark_done(uow.session, target[0], officer.unit_id, target[1], officer.id, svc.now())  # fmt: skip
                await uow.commit()
        except TthcError as exc:
            await self.say(inc.chat_id, exc.message)
            return
        note = (
            "Đã ghi nhận hoàn thành." if result.recorded else "Việc này đã được báo xong trước đó."
        )
        when = format_date(line.last_day) if line.last_day else "không ghi hạn"
        await self.say(inc.chat_id, f"✅ {note}\n{line.content[:200]} — hạn {when}")

    async def snooze(self, inc: Incoming, officer: Officer, number: int, days: int) -> None:
        target = await self.target(inc, officer, number)
        if target is None or officer.unit_id is None:
            return
        days = min(max(days, 1), MAX_SNOOZE_DAYS)
        svc = self.services
        now = svc.now()
        hour = from_settings(officer.settings).hour
        until = datetime.combine(now.date() + timedelta(days=days), time(hour), now.tzinfo)
        try:
            async with svc.uow() as uow:
                line = await unit_tasks.task_line(uow.session, target[0], officer.unit_id, target[1])  # fmt: skip
                await progress.snooze(uow.session, target[0], officer.id, target[1], until, now)
                await uow.commit()
        except TthcError as exc:
            await self.say(inc.chat_id, exc.message)
            return
        await self.say(inc.chat_id, f"⏰ Sẽ nhắc lại {format_date(until.date())} lúc {hour} giờ: {line.content[:200]}")  # fmt: skip

    async def detail(self, inc: Incoming, officer: Officer, number: int) -> None:
        target = await self.target(inc, officer, number)
        if target is None or officer.unit_id is None:
            return
        task_id, due = target
        try:
            async with self.services.uow(read_only=True) as uow:
                if not officer.is_coordinator:
                    await unit_tasks.task_line(uow.session, task_id, officer.unit_id, due)
                d = await unit_tasks.task_detail(uow.session, task_id)
        except TthcError as exc:
            await self.say(inc.chat_id, exc.message)
            return
        parts = [f"📄 Mục {d['ref']} — {d['plan'] or ''}", str(d["content"])]
        if d["result"]:
            parts.append(f"Sản phẩm: {d['result']}")
        parts.append(f"Thời hạn: {d['deadline'] or 'không ghi'}")
        if due:
            parts.append(f"Lần này: {format_date(due)}")
        for role in ("lead", "support"):
            names = d[role]
            if isinstance(names, list) and names:
                parts.append(f"{role_label(role).capitalize()}: {', '.join(names)}")
        if d["notes"]:
            parts.append(f"Ghi chú: {d['notes']}")
        await self.say(inc.chat_id, "\n".join(parts))

    async def invite(self, inc: Incoming, officer: Officer, name: str) -> None:
        """moi TÊN ĐƠN VỊ (coordinators): a single-use code usable on Zalo and on Telegram."""
        svc = self.services
        async with svc.uow() as uow:
            found = await unit_lookup.find_units(uow.session, name.strip())
            if not found:
                await self.say(inc.chat_id, f"Không tìm thấy đơn vị “{name.strip()}”.")
                return
            code = await invites.create_invite(uow.session, found[0].id, officer.telegram_id, svc.now())  # fmt: skip
            unit = await unit_lookup.unit_name(uow.session, found[0].id)
            await uow.commit()
        await self.say(inc.chat_id, f"Mã mời cho {unit} (dùng một lần, hết hạn sau 7 ngày):\n{code}\n"
                                    "Trên Zalo: gửi mã này cho bot. Trên Telegram: /start " + code)  # fmt: skip
