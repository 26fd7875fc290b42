"""The console chat: the real handlers and store, typed from a terminal or a script.

``python bot.py`` without a token opens it. A sample plan is loaded into the store when it has
none, the user picks which officer to be, then types commands and questions and sees what a phone
would show; buttons become numbered choices (type the number to press). When standard input is
not a terminal it reads one line per turn and stops at the end of input.
"""

from __future__ import annotations

import html
import itertools
import re
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from telegram import Update
from telegram.ext import ApplicationBuilder

from bot.clock import Clock, system_clock
from bot.settings import Settings
from handlers.app import configure
from handlers.context import Services, derive_key
from handlers.localapi import BOT_ID, LocalBotApi, Sent
from services import officers, signing
from store.db import make_engine, make_sessionmaker
from store.migrate import migrate
from store.uow import UnitOfWork

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CONSOLE_COORDINATOR = 1000  # Telegram-like ids of the console's demo people
QUIT = {"/thoat", "/quit", "thoat", "thoát"}
_TAGS = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """What the phone shows of an HTML message: tags removed, entities decoded."""
    return html.unescape(_TAGS.sub("", text))


async def load_sample(services: Services, sample_dir: Path = SAMPLES) -> str | None:
    """Import the project's sample plan when the store has no plan; the plan's title or None."""
    from bot.plans import read_plan
    from services.imports import import_plan

    async with services.uow(read_only=True) as uow:
        if await uow.overview.has_plans():
            return None
    files = sorted(sample_dir.glob("*.txt")) or sorted(sample_dir.glob("*.docx"))
    if not files:
        return None
    draft = read_plan(files[0])
    async with services.uow() as uow:
        calendar = await services.calendar(uow.session)
        await import_plan(uow, draft, services.now(), calendar)
    return draft.title or files[0].name


async def demo_people(services: Services, count: int = 4) -> None:
    """When nobody is registered: a coordinator and an officer for each of the first lead units."""
    async with services.uow() as uow:
        await officers.add_demo_people(uow, CONSOLE_COORDINATOR, services.now(), count)


class ConsoleChat:
    """Feeds typed lines to the Application as updates and prints what the bot sends."""

    def __init__(self, app: Any, api: LocalBotApi, out: TextIO) -> None:
        self.app, self.api, self.out = app, api, out
        self.user_id = 0
        self.user_name = ""
        self.choices: list[tuple[int, int, str]] = []  # (chat id, message id, callback data)
        self._ids = itertools.count(1)

    def _user(self) -> dict[str, Any]:
        return {"id": self.user_id, "is_bot": False, "first_name": self.user_name}

    async def send(self, text: str) -> None:
        entities = []
        if text.startswith("/"):
            entities = [{"type": "bot_command", "offset": 0,
                         "length": len(text.split()[0].encode("utf-16-le")) // 2}]  # fmt: skip
        msg = {"message_id": next(self._ids), "date": int(time.time()), "text": text,
               "chat": {"id": self.user_id, "type": "private", "first_name": self.user_name},
               "from": self._user(), "entities": entities}  # fmt: skip
        await self._deliver({"update_id": next(self._ids), "message": msg})

    async def press(self, number: int) -> None:
        if not 1 <= number <= len(self.choices):
            self.out.write(f"(Không có lựa chọn {number}.)\n")
            return
        chat_id, message_id, data = self.choices[number - 1]
        stored = self.api.messages.get((chat_id, message_id), {})
        query = {"id": str(next(self._ids)), "from": self._user(), "chat_instance": "console",
                 "data": data, "message": {**stored, "from": {"id": BOT_ID, "is_bot": True,
                                                              "first_name": "TTHC"}}}  # fmt: skip
        await self._deliver({"update_id": next(self._ids), "callback_query": query})

    async def _deliver(self, raw: dict[str, Any]) -> None:
        mark = len(self.api.sent)
        await self.app.process_update(Update.de_json(raw, self.app.bot))
        self.show(self.api.sent[mark:])

    def show(self, sent: list[Sent]) -> None:
        """Print the bot's replies; the buttons of the last message with buttons get numbers."""
        with_buttons = [s for s in sent if s.inline]
        if with_buttons:
            self.choices = []
        for s in sent:
            if s.method == "answerCallbackQuery":
                self.out.write(f"» {s.text}\n")
                continue
            prefix = "(đã sửa) " if s.method.startswith("edit") else ""
            self.out.write(prefix + plain(s.text) + "\n")
            for row in s.inline:
                labels = []
                for b in row:
                    self.choices.append((s.chat_id or 0, s.message_id or 0, b.get("callback_data", "")))  # fmt: skip
                    labels.append(f"[{len(self.choices)}] {b.get('text', '')}")
                self.out.write("   " + "   ".join(labels) + "\n")
            if s.keyboard:
                self.out.write("(Bàn phím: " + " | ".join(b for r in s.keyboard for b in r) + ")\n")
        self.out.write("\n")

    async def turn(self, line: str) -> None:
        line = line.strip()
        if not line:
            return
        if line.isdigit() and self.choices:
            await self.press(int(line))
        else:
            await self.send(line)


async def pick_officer(services: Services, line: str | None, out: TextIO) -> tuple[int, str] | None:
    """The officer chosen by number (or the first one when ``line`` is empty)."""
    async with services.uow(read_only=True) as uow:
        people = [o for o in await officers.list_officers(uow) if o.is_active]
    if not people:
        out.write("Chưa có cán bộ nào. Thêm bằng: python bot.py officers add ...\n")
        return None
    if line is None:
        for i, o in enumerate(people, start=1):
            out.write(f"  {i}. {o.name} — {o.unit_name or o.role}\n")
        return None
    choice = int(line) if line.strip().isdigit() else 1
    person = people[min(max(choice, 1), len(people)) - 1]
    return person.telegram_id, person.name


async def run_console(
    settings: Settings,
    stdin: TextIO = sys.stdin,
    out: TextIO = sys.stdout,
    clock: Clock | None = None,
    sample_dir: Path = SAMPLES,
) -> int:
    """The whole console session; returns the process exit code."""
    engine = make_engine(settings.database_url)
    await migrate(engine)
    sessions = make_sessionmaker(engine)
    async with UnitOfWork(sessions) as uow:
        secret = await signing.callback_secret(uow)
    services = Services(settings, sessions, clock or system_clock(settings.timezone), derive_key(None, secret))  # fmt: skip
    api = LocalBotApi()
    builder = ApplicationBuilder().token("0:console").request(api).get_updates_request(LocalBotApi()).updater(None)  # fmt: skip
    app = configure(builder, services)
    interactive = stdin.isatty()
    try:
        await app.initialize()
        title = await load_sample(services, sample_dir)
        if title:
            out.write(f"Đã nạp kế hoạch mẫu: {title}\n")
        await demo_people(services)
        out.write("Trò chuyện thử với bot (gõ /thoat để thoát). Anh/chị thử với vai cán bộ nào?\n")
        await pick_officer(services, None, out)
        if interactive:
            out.write("Chọn số: ")
            out.flush()
        first = stdin.readline()
        if not first:
            return 0
        picked = await pick_officer(services, first, out)
        if picked is None:
            return 1
        chat = ConsoleChat(app, api, out)
        chat.user_id, chat.user_name = picked
        out.write(
            f"Đang thử với vai: {picked[1]}. Gõ /huongdan để xem các lệnh; số để bấm nút.\n\n"
        )
        while True:
            if interactive:
                out.write("> ")
                out.flush()
            line = stdin.readline()
            if not line:
                break
            if not interactive:
                out.write(f"> {line.rstrip()}\n")
            if line.strip().lower() in QUIT:
                break
            await chat.turn(line)
            out.flush()
    finally:
        await app.shutdown()
        await engine.dispose()
    return 0
