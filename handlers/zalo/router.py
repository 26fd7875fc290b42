"""What the Zalo bot does with one update: linking, officer commands typed with or without the
slash, typed actions on numbered items, free questions; files and pictures get a clear answer.

The same use cases as the Telegram handlers (``services``), rendered by ``handlers.zalo.render``.
Rights are checked on every message: a stranger (no linked chat) gets nothing of a unit's.
"""

from __future__ import annotations

import contextlib
import logging
import re
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from bot.errors import NotFound, TthcError
from bot.evidence import looks_like_number
from bot.phrases import TEAM
from bot.text import fold
from handlers.ask import OWN_UNIT_ONLY, asked
from handlers.context import Services, refusal
from handlers.tasks import period
from handlers.zalo import actions, assigning
from handlers.zalo.api import QUOTA, ZaloApi, ZaloError, ZaloNetworkError
from handlers.zalo.render import Target, answer_items, layout, reply_page, task_items
from services import unit_lookup, unit_tasks, zalo, zalo_quota
from services.officers import Officer

log = logging.getLogger("tthc.zalo")

FILE_REFUSED = (
    "Bot Zalo chưa đọc được tệp gửi kèm. Kế hoạch (.docx, .txt) xin gửi cho bot trên Telegram, "
    "hoặc quản trị viên nhập bằng dòng lệnh: python bot.py import TỆP."
)
ONLY_TEXT = "Bot chỉ đọc tin nhắn chữ. Gõ «huongdan» để xem cách dùng."
STRANGER = (
    f"Bot này dành cho cán bộ đầu mối kiểm soát TTHC. Để bắt đầu, gửi mã mời do {TEAM} "
    "cấp (lệnh /moi), hoặc mã ghép nối lấy bằng lệnh /zalo trên Telegram."
)
GROUP_UNLINKED = (
    "Nhóm này chưa liên kết với đơn vị nào. Cán bộ của đơn vị (đã liên kết Zalo với bot) nhắc "
    "bot và gõ: nhom TÊN ĐƠN VỊ."
)
NO_UNIT = f"Tài khoản chưa gắn với đơn vị nào. Hãy liên hệ {TEAM}."
HELP = (
    "Hướng dẫn (gõ có hoặc không có dấu /):\n"
    "viec — việc của đơn vị (quá hạn và 30 ngày tới)\n"
    "sapden — việc đến hạn trong 14 ngày · quahan — việc đã quá hạn\n"
    "tuan — việc tuần này · thang [N] — việc tháng này hoặc tháng N\n"
    "xong 2 — việc số 2 đã hoàn thành (ghi nhận cho cả đơn vị: các cán bộ khác của đơn vị "
    "không còn nhận nhắc việc đó); hoan tac 2 — hoàn tác trong 10 phút nếu bấm nhầm\n"
    "nhac 2 3 ngay — nhắc sau 3 ngày về việc số 2 (hạn không đổi)\n"
    "chi tiet 2 — xem đầy đủ việc số 2 · xem them — xem tiếp danh sách\n"
    "giao 2 TÊN — giao việc số 2 cho một cán bộ của đơn vị · tra lai 2 — trả lại việc được giao\n"
    "bc 2 123/BC-STP — gửi kèm số hiệu báo cáo của việc số 2 đã xong\n"
    "Hoặc gõ câu hỏi, ví dụ: việc gì đến hạn tháng 8.\n"
    "Tệp kế hoạch: gửi qua Telegram."
)
HELP_COORDINATOR = f"\n{TEAM}: donvi TÊN — việc của một đơn vị · moi TÊN ĐƠN VỊ (tạo mã mời)."
LISTS = {"viec": "vi", "sapden": "sd", "sap den": "sd", "quahan": "qh", "qua han": "qh",
         "tuan": "tu", "xong": "xo"}  # fmt: skip
WORDS = {*LISTS, "huongdan", "start", "help", "thang", "xem them"}  # commands, never codes
MENTION = re.compile(r"@\S+")
CODE = re.compile(r"^(?:(?:ghep|ma|start)\s+)?([A-Za-z0-9_-]{8,64})$")
PRUNE_EVERY = 500
SEEN_KEPT = timedelta(days=30)
MAX_SNOOZE_DAYS = 30


@dataclass(frozen=True)
class Asker:
    """Who asks and what they may see: the linked active officer (None for a group member who
    is not one), the chat's unit, and whether every unit may be read (a coordinator in private)."""

    officer: Officer | None
    unit_id: int | None
    read_all: bool


@dataclass(frozen=True)
class Incoming:
    message_id: str
    event: str
    user_id: str
    chat_id: str
    name: str
    text: str
    group: bool

    @property
    def key(self) -> str:
        """Where this chat's memory lives (``services.zalo.state_of``)."""
        return f"g:{self.chat_id}" if self.group else f"u:{self.user_id}"


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
            await zalo.count_message(uow, self.bot_id, svc.now(), svc.settings.zalo_monthly_quota)  # fmt: skip

    async def say(self, chat_id: str, text: str) -> None:
        try:
            await self.api.send_message(chat_id, text)
        except (ZaloError, ZaloNetworkError) as exc:
            log.warning("zalo reply not sent: %s", exc)
            if isinstance(exc, ZaloError) and exc.code == QUOTA:  # never silent: staff told
                async with self.services.uow() as uow:
                    await zalo_quota.refused(uow, self.services.now())

    async def handle(self, update: dict[str, Any]) -> None:
        inc = parse(update)
        if inc is None or not inc.message_id:
            return
        svc = self.services
        async with svc.uow() as uow:
            self.handled += 1
            # Zalo does not redeliver old messages: now and then the old ids are forgotten.
            prune = svc.now() - SEEN_KEPT if self.handled % PRUNE_EVERY == 0 else None
            fresh = await zalo.first_time(uow, inc.message_id, svc.now(), prune)
        if not fresh:
            return  # handled once per message id
        await self.count_one()  # received messages count against the quota too
        if inc.event == "message.unsupported.received":
            await self.say(inc.chat_id, FILE_REFUSED)
            return
        if inc.event != "message.text.received" or not inc.text.strip():
            await self.say(inc.chat_id, ONLY_TEXT)
            return
        async with svc.uow(read_only=True) as uow:
            officer = await zalo.linked_officer(uow, inc.user_id)
            unit_id = await zalo.group_unit(uow, inc.chat_id) if inc.group else None
        if inc.group:
            await self.in_group(inc, officer, unit_id)
        elif officer is None:
            await self.stranger(inc)
        elif (why := refusal(officer)) is not None:
            await self.say(inc.chat_id, why)
        else:
            await self.command(inc, Asker(officer, officer.unit_id, officer.is_coordinator))

    async def in_group(self, inc: Incoming, officer: Officer | None, unit_id: int | None) -> None:
        """A group message mentioning the bot: linking the group, or reading its unit's tasks
        (anyone in a linked group reads; only the unit's linked officers act)."""
        text = MENTION.sub("", inc.text).strip()
        inc = replace(inc, text=text)
        active = officer if officer is not None and refusal(officer) is None else None
        folded = fold(text).lstrip("/")
        if folded.startswith("nhom "):
            await self.link_group(inc, active, text.lstrip("/").split(None, 1)[1])
        elif unit_id is None:
            await self.say(inc.chat_id, GROUP_UNLINKED)
        else:
            await self.command(inc, Asker(active, unit_id, False))

    async def link_group(self, inc: Incoming, officer: Officer | None, name: str) -> None:
        if officer is None:
            await self.say(inc.chat_id, STRANGER)
            return
        svc = self.services
        try:
            async with svc.uow() as uow:
                unit = await zalo.link_group(uow, inc.chat_id, name.strip(), officer, svc.now())
            if unit is None:
                raise NotFound(f"Không tìm thấy đơn vị “{name.strip()}”.")
        except TthcError as exc:
            await self.say(inc.chat_id, exc.message)
            return
        await self.say(inc.chat_id, f"✅ Đã liên kết nhóm với {unit}. Nhắc bot để xem việc của đơn vị, ví dụ: @bot viec")  # fmt: skip

    async def stranger(self, inc: Incoming) -> None:
        """Only a code: an invite (``/moi``) or a pairing code shown on Telegram."""
        found = CODE.match(inc.text.strip())
        if found is None or fold(inc.text).lstrip("/") in WORDS:
            await self.say(inc.chat_id, STRANGER)
            return
        svc = self.services
        try:
            async with svc.uow() as uow:
                officer = await zalo.link_by_code(uow, found.group(1), inc.user_id,
                                                  inc.chat_id, inc.name, svc.now())  # fmt: skip
        except TthcError as exc:
            await self.say(inc.chat_id, exc.message)
            return
        where = f" — {officer.unit_name}" if officer.unit_name else ""
        await self.say(inc.chat_id, f"✅ Đã liên kết Zalo với tài khoản {officer.name}{where}.\n"
                                    "Lời nhắc việc từ nay gửi qua Zalo. Gõ «huongdan» để xem cách dùng.")  # fmt: skip

    # ----------------------------------------------------------------- commands
    async def command(self, inc: Incoming, asker: Asker) -> None:
        raw = inc.text.strip()
        text = fold(raw).lstrip("/").strip()
        if text in LISTS:
            await self.show_list(inc, asker, LISTS[text], "", asker.unit_id)
        elif m := re.fullmatch(r"thang(?: (\d{1,2}))?", text):
            month = m.group(1) or ""
            if month and not 1 <= int(month) <= 12:
                await self.say(inc.chat_id, "Tháng phải là số từ 1 đến 12, ví dụ: thang 8")
            else:
                await self.show_list(inc, asker, "th", month, asker.unit_id)
        elif text in ("huongdan", "huong dan", "help", "start"):
            await self.say(inc.chat_id, HELP + (HELP_COORDINATOR if asker.read_all else ""))
        elif text in ("xem them", "xem tiep", "them"):
            await self.more(inc, asker)
        elif m := re.fullmatch(r"xong (\d{1,3})", text):
            await actions.done(self, inc, asker, int(m.group(1)))
        elif m := re.fullmatch(r"hoan ?tac (\d{1,3})", text):  # ↩️ Hoàn tác, within 10 minutes
            await actions.undo(self, inc, asker, int(m.group(1)))
        elif m := re.fullmatch(r"(?:nhac lai|nhac|hoan) (\d{1,3})(?: (\d{1,2}))?(?: ngay)?", text):
            await actions.snooze(self, inc, asker, int(m.group(1)), int(m.group(2) or 1))
        elif m := re.fullmatch(r"chi ?tiet (\d{1,3})", text):
            await actions.detail(self, inc, asker, int(m.group(1)))
        elif m := re.fullmatch(r"giao (\d{1,3}) \S.*", text):
            await assigning.assign(self, inc, asker, int(m.group(1)), raw.lstrip("/").split(None, 2)[2])  # fmt: skip
        elif (m := re.fullmatch(r"(?:bc|bao cao) (\d{1,3}) (.+)", text)) and looks_like_number(m.group(2)):  # fmt: skip
            words = 3 if text.startswith("bao cao") else 2  # issue 16: «bc 2 123/BC-STP»
            await actions.attach_number(self, inc, asker, int(m.group(1)), raw.lstrip("/").split(None, words)[-1])  # fmt: skip
        elif m := re.fullmatch(r"tra ?lai (\d{1,3})", text):
            await assigning.hand_back(self, inc, asker, int(m.group(1)))
        elif text.startswith(("donvi ", "don vi ")):
            skip = 2 if text.startswith("don vi ") else 1
            await self.unit_list(inc, asker, raw.lstrip("/").split(None, skip)[-1])
        elif text.startswith("moi ") and asker.read_all and asker.officer is not None:
            await actions.invite(self, inc, asker.officer, raw.lstrip("/").split(None, 1)[1])
        else:
            await self.question(inc, asker, raw.lstrip("/"), 0, 0, 1)

    async def remember(self, inc: Incoming, numbers: dict[int, Target], more: dict[str, Any] | None, merge: bool) -> None:  # fmt: skip
        async with self.services.uow() as uow:
            await zalo.remember(uow, inc.key, numbers, more, merge)

    async def show_list(self, inc: Incoming, asker: Asker, kind: str, arg: str,
                        unit_id: int | None, skip: int = 0) -> None:  # fmt: skip
        if unit_id is None:
            await self.say(inc.chat_id, NO_UNIT)
            return
        svc = self.services
        today = svc.today()
        title, start, end, open_only = period(kind, arg, today)
        async with svc.uow(read_only=True) as uow:
            lines = await unit_tasks.unit_tasks(uow.session, unit_id, start, end, open_only, today=today)  # fmt: skip
            name = await unit_lookup.unit_name(uow, unit_id)
            cal = await svc.calendar(uow.session)
        items = task_items(lines, today, lambda last: cal.days_late(last, today))
        page = layout(f"{title} — {name}", items, first_number=skip + 1, skip=skip)
        more = None if page.next_skip is None else {"kind": "list", "k": kind, "arg": arg, "unit": unit_id, "skip": page.next_skip}  # fmt: skip
        await self.remember(inc, page.numbers, more, merge=skip > 0)
        await self.say(inc.chat_id, page.text)

    async def unit_list(self, inc: Incoming, asker: Asker, name: str) -> None:
        async with self.services.uow(read_only=True) as uow:
            found = await unit_lookup.find_units(uow, name.strip())
        if not found:
            await self.say(inc.chat_id, f"Không tìm thấy đơn vị “{name.strip()}”.")
        elif found[0].id != asker.unit_id and not asker.read_all:
            await self.say(inc.chat_id, OWN_UNIT_ONLY)
        else:
            await self.show_list(inc, asker, "dv", "", found[0].id)

    async def question(self, inc: Incoming, asker: Asker, question: str, page: int,
                       skip: int, first: int) -> None:  # fmt: skip
        with contextlib.suppress(ZaloError, ZaloNetworkError):
            await self.api.send_chat_action(inc.chat_id)
        try:
            answer = await asked(self.services, question, asker.unit_id, asker.read_all, page)
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

    async def more(self, inc: Incoming, asker: Asker) -> None:
        async with self.services.uow(read_only=True) as uow:
            state = await zalo.state_of(uow, inc.key)
        more = state.get("more")
        if not isinstance(more, dict):
            await self.say(inc.chat_id, "Không còn gì để xem thêm.")
        elif more.get("kind") == "list":
            unit_id = int(more["unit"])
            if unit_id != asker.unit_id and not asker.read_all:
                await self.say(inc.chat_id, OWN_UNIT_ONLY)
                return
            await self.show_list(inc, asker, str(more["k"]), str(more["arg"]), unit_id, int(more["skip"]))  # fmt: skip
        else:
            await self.question(inc, asker, str(more["q"]), int(more["page"]), int(more["skip"]), int(more["n"]))  # fmt: skip
