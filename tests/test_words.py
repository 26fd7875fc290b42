"""Every message the bot can send follows DOMAIN.md §8: none of the avoided words, no English, no
raw ids.

Read from four places: the shared phrases (bot/phrases.py), the reminder texts, the Vietnamese
message constants and string literals of handlers/services/reminders, and the replies the real bot
sends over the fake Bot API and the fake Zalo server after importing the sample plan.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import re
import unicodedata
from collections.abc import AsyncIterator, Iterator
from datetime import date, timedelta
from html import unescape
from pathlib import Path

import pytest
from fakebot.server import Fault
from fakebot.world import ADMIN_ID, NOW, World, start_world, stop_world

from bot import phrases
from bot.reminders import texts

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "ke_hoach_mau_2026.txt"

# Common English an officer must never read (errors passed through, Python values, API words).
ENGLISH = (
    "error", "failed", "failure", "forbidden", "chat not found", "not found", "none", "null",
    "traceback", "exception", "bad request", "blocked by the user", "unauthorized", "invalid",
    "timed out", "timeout", "true", "false", "unknown", "please", "warning",
)  # fmt: skip
RAW_IDS = (
    re.compile(r"\bchat\s*-?\d+", re.IGNORECASE),
    re.compile(r"(?<![\w/.,:-])-?\d{6,}(?![\w/])"),  # a Telegram/Zalo id, not a date or a number
    re.compile(r"\b(?:task|unit|officer|plan|chat|user)_id\b", re.IGNORECASE),
)
# Codes an officer is meant to copy (invite and pairing codes) are shown in <code>.
CODE = re.compile(r"<code>.*?</code>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def _words(items: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))
    # \w is Unicode-aware: "bạn" never matches "ban", and "hoãn" never matches "hoàn".
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


AVOIDED = _words(phrases.AVOIDED_WORDS)
ENGLISH_RE = _words(ENGLISH)


def plain(text: str) -> str:
    """What the officer reads: tags dropped, entities unescaped, NFC."""
    return unicodedata.normalize("NFC", unescape(TAG.sub(" ", CODE.sub(" ", text))))


def avoided_in(text: str) -> list[str]:
    return [m.group(0) for m in AVOIDED.finditer(plain(text))]


def problems(text: str) -> list[str]:
    """Avoided words, English words and raw ids in one message."""
    seen = plain(text)
    found = [f"avoided {m.group(0)!r}" for m in AVOIDED.finditer(seen)]
    found += [f"english {m.group(0)!r}" for m in ENGLISH_RE.finditer(seen)]
    for pattern in RAW_IDS:
        found += [f"raw id {m.group(0)!r}" for m in pattern.finditer(seen)]
    return found


def report(messages: dict[str, str]) -> list[str]:
    return [f"{where}: {p} in {plain(msg)[:160]!r}" for where, msg in messages.items() for p in problems(msg)]  # fmt: skip


# --- the checker itself ------------------------------------------------------------------------


def test_the_checker_respects_diacritics_and_word_boundaries() -> None:
    assert avoided_in("Chào bạn") == ["bạn"]
    assert avoided_in("Bạn: chủ trì") == ["Bạn"]
    assert avoided_in("ban hành kế hoạch · Ban Chỉ đạo · bàn giao") == []
    assert avoided_in("đã hoàn thành") == [] and avoided_in("hoãn nhắc") == ["hoãn"]
    assert avoided_in("tối nay") == [] and avoided_in("toi") == []
    assert problems("(chat 123456): Forbidden: bot was blocked by the user")
    assert problems("task_id=3") and problems("None")
    assert problems("Mã mời: <code>12345678</code>, hạn 20/12/2026, số 123/BC-STP") == []


# --- the shared phrases and the reminder texts -------------------------------------------------

SAMPLES_BY_TYPE: dict[object, tuple[object, ...]] = {
    "bool": (True, False),
    "int": (0, 1, 3),
    "date": (date(2026, 12, 18),),
    "str": ("Sở Tư pháp",),
}


def _calls(module: object) -> Iterator[tuple[str, str]]:
    """Every public function of ``module`` called with sample values for each parameter type."""
    for name, fn in vars(module).items():
        if name.startswith("_") or not inspect.isfunction(fn) or fn.__module__ != module.__name__:  # type: ignore[attr-defined]  # fmt: skip
            continue
        params = list(inspect.signature(fn).parameters.values())
        choices = [SAMPLES_BY_TYPE.get(str(p.annotation)) for p in params]
        if any(c is None for c in choices):
            continue  # not a phrase built from plain values
        combos: list[list[object]] = [[]]
        for c in choices:
            combos = [prefix + [v] for prefix in combos for v in c or ()]
        for args in combos:
            out = fn(*args)
            if isinstance(out, str):
                yield f"{name}{tuple(args)}", out


def _constants(module: object) -> Iterator[tuple[str, str]]:
    for name, value in vars(module).items():
        if name.startswith("_") or name == "AVOIDED_WORDS":
            continue
        if isinstance(value, str):
            yield name, value
        elif isinstance(value, tuple | list) and all(isinstance(v, str) for v in value):
            for i, v in enumerate(value):
                yield f"{name}[{i}]", v


def test_the_shared_phrases_follow_the_rules() -> None:
    table = dict(_constants(phrases)) | dict(_calls(phrases))
    assert len(table) >= 10
    found = report(table)
    assert not found, "\n".join(found)


def _line(role: str, moved: bool) -> texts.TaskLine:
    return texts.TaskLine(
        task_id=7, ref="II.3", content="Báo cáo tình hình kiểm soát TTHC quý",
        due=date(2026, 12, 20), last_day=date(2026, 12, 18) if moved else date(2026, 12, 20),
        before=True, role=role, plan_title="Kế hoạch kiểm soát TTHC năm 2026",
    )  # fmt: skip


def reminder_messages() -> dict[str, str]:
    out: dict[str, str] = {}
    for role in ("lead", "support"):
        for moved in (True, False):
            line = _line(role, moved)
            for kind in ("before3", "before1", "dayof", "overdue:1", "snooze:1"):
                out[f"reminder {kind} {role} {moved}"] = texts.reminder_text(kind, line, 2)
            out[f"digest {role} {moved}"] = texts.digest_text(
                "Bản tin sáng", [("Hôm nay", [line]), ("Sắp đến hạn", [line] * 3)]
            )
    out["gathered"] = texts.gathered_text([out["reminder dayof lead True"]] * 2)
    late = texts.OverdueLine(7, date(2026, 12, 20), "II.3", "Báo cáo quý", date(2026, 12, 18), 4)
    out["overdue list"] = texts.overdue_list_text([late] * 12, 10)
    for label, _data in texts.list_buttons(1, 7, date(2026, 12, 20)):
        out[f"button {label}"] = label
    for reason in BOT_API_REFUSALS:
        for group in (False, True):
            out[f"inactive {reason} {group}"] = texts.inactive_text("Nguyễn Văn A", reason, group, "Sở Tư pháp")  # fmt: skip
    return out


# What the Bot API answers when a chat cannot be reached (PITFALLS.md): never shown as such.
BOT_API_REFUSALS = (
    "Forbidden: bot was blocked by the user",
    "Bad Request: chat not found",
    "Forbidden: bot was kicked from the group chat",
    "Forbidden: user is deactivated",
    "Forbidden: bot can't initiate conversation with a user",
    "Bad Request: not enough rights to send text messages to the chat",
    "Internal Server Error: something new",
)


def test_the_reminder_texts_follow_the_rules() -> None:
    found = report(reminder_messages())
    assert not found, "\n".join(found)


# --- the message constants and literals of every module ----------------------------------------

PACKAGES = ("handlers", "services", "reminders", "bot")
VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", re.IGNORECASE)
# Not messages: the question reader's own test phrases and the console's fake Telegram user.
NOT_MESSAGES = {"bot/questions", "handlers/localapi.py", "bot/units", "bot/plans", "bot/phrases.py"}


def _sources() -> Iterator[Path]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if not any(rel.startswith(skip) for skip in NOT_MESSAGES):
                yield path


def _literals(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:  # fmt: skip
            yield node.lineno, node.value


def test_no_string_in_the_code_breaks_the_rules() -> None:
    """Any Vietnamese literal (or piece of an f-string) may reach an officer: none carries an
    avoided word, English or a raw id."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {problem} in {text[:120]!r}"
        for path in _sources()
        for line, text in _literals(path)
        if VIETNAMESE.search(text) or text.strip().lower() in phrases.AVOIDED_WORDS
        for problem in problems(text)
    ]
    assert not found, "\n".join(found)


def _message_constants() -> dict[str, str]:
    out: dict[str, str] = {}
    for path in _sources():
        if path.name == "__init__.py" and path.parent.name != "ask":
            continue
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        try:
            mod = importlib.import_module(module)
        except ImportError:
            continue
        for name, value in vars(mod).items():
            if name.isupper() and isinstance(value, str) and VIETNAMESE.search(value):
                out[f"{module}.{name}"] = value
    return out


def test_the_message_constants_follow_the_rules() -> None:
    table = _message_constants()
    assert len(table) >= 30
    found = report(table)
    assert not found, "\n".join(found)


# --- the rendered replies of the running bot ---------------------------------------------------

LAN, HUNG, COORD = 501, 502, 800  # officers of Sở Tư pháp and Sở Nội vụ; a coordinator
GROUP = -100500
NEWCOMER = 7654321  # a real Telegram id is long: it must never be shown


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(HUNG, "Hùng", "snv")
    await w.add_officer(COORD, "Điều phối", None, "coordinator")
    await w.add_officer(ADMIN_ID, "Quản trị", None, "administrator")
    yield w
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


def _json(value: object) -> object:
    return json.loads(value) if isinstance(value, str) else value


def _sent(world: World) -> dict[str, str]:
    """Every text, button label and callback answer the fake server received."""
    out: dict[str, str] = {}
    for i, rec in enumerate(world.api.requests):
        params = rec.params
        for key in ("text", "caption"):
            if isinstance(params.get(key), str):
                out[f"{i} {rec.method} {key}"] = params[key]
        markup = _json(params.get("reply_markup"))
        if isinstance(markup, dict):
            rows = markup.get("inline_keyboard", []) + markup.get("keyboard", [])
            for j, button in enumerate(b for row in rows for b in row):
                label = button if isinstance(button, str) else button.get("text", "")
                out[f"{i} {rec.method} button {j}"] = label
        commands = _json(params.get("commands"))
        for command in commands if isinstance(commands, list) else []:
            out[f"{i} command {command.get('command')}"] = command.get("description", "")
    return out


PRIVATE = (
    "/start", "/huongdan", "/viec", "/sapden", "/quahan", "/tuan", "/thang", "/thang 9",
    "/thang 13", "/donvi Tư pháp", "/donvi Nội vụ", "/xong", "/caidat", "/lich", "/zalo",
    "/giao", "/tralai", "/giao 1 Hùng", "/moi Sở Tư pháp", "/tinhhinh", "/ngaynghi", "/nhom",
    "việc gì đến hạn tháng 8", "việc của sở nội vụ tháng 8", "việc quý 3", "báo cáo tháng",
    "hướng dẫn", "xyz", "Hôm nay", "Tuần này", "Tháng này", "Quá hạn",
)  # fmt: skip


async def _press_all(chat, world: World, limit: int = 12) -> None:  # type: ignore[no-untyped-def]
    """Press the first buttons of the last message (lists, details, snooze, settings)."""
    pressed = 0
    for label in list(dict.fromkeys(_labels(world, chat.chat_id))):
        if pressed >= limit:
            break
        try:
            await chat.press(label)
        except (AssertionError, LookupError):
            continue
        pressed += 1


def _labels(world: World, chat_id: int) -> list[str]:
    labels: list[str] = []
    for msg in world.api.messages.get(chat_id, {}).values():
        markup = msg.reply_markup or {}
        for row in markup.get("inline_keyboard", []):
            labels += [b["text"] for b in row if "callback_data" in b]
    return labels


async def test_every_reply_of_the_running_bot_follows_the_rules(world: World) -> None:
    coord = world.harness.private(COORD)
    replies = await coord.send_document("ke_hoach_mau_2026.txt", SAMPLE.read_bytes(), "text/plain")
    assert "📥 Nhập" in replies.buttons
    assert "Đã nhập" in (await coord.press("📥 Nhập")).text
    await _run_reminders(world)
    for who in (LAN, COORD, 4242):  # an officer, a coordinator, a stranger
        chat = world.harness.private(who)
        for text in PRIVATE:
            await chat.send(text)
    # A newcomer without an invite asks to join; the coordinators are asked, one approves.
    newcomer = world.harness.private(NEWCOMER)
    await newcomer.send("/start")
    await newcomer.send("Tư pháp")
    await newcomer.press("Sở Tư pháp")
    await coord.press("✔️ Duyệt")
    lan = world.harness.private(LAN)
    for text in ("/viec", "/sapden", "/caidat", "/xong"):
        await lan.send(text)
        await _press_all(lan, world, 6)
    await coord.send("/tinhhinh tháng 8 tất cả")
    await _press_all(coord, world, 6)
    admin = world.harness.private(ADMIN_ID)
    for text in ("/huongdan", "/ngaynghi", "/ngaynghi them 5/9/2025 nghỉ bù", "/ngaynghi bo 5/9/2025", "/ngaynghi them 99/99"):  # fmt: skip
        await admin.send(text)
    group = world.harness.group(GROUP, LAN)
    world.api.set_chat_member(GROUP, LAN, "administrator")
    for text in ("/start", "/nhom Sở Tư pháp", "/viec", "/quahan", "/huongdan"):
        await group.send(text)
    for question in ("việc gì đến hạn tháng 8", "chi tiết việc 1", "tôi chủ trì những việc gì", "xyz"):  # fmt: skip
        await group.send(f"@{world.api.username} {question}")
    sent = _sent(world)
    assert len(sent) > 100
    found = report(sent)
    assert not found, "\n".join(found)


async def _run_reminders(world: World) -> None:
    """Four mornings of the real planner and dispatcher through the real bot: task reminders,
    digests, the overdue list; Hùng has blocked the bot, so the coordinators are told."""
    from reminders.dispatcher import Dispatcher
    from reminders.sender import UNLIMITED
    from reminders.telegram_port import TelegramPort
    from services.reminders import plan_reminders

    world.api.fail("sendMessage", Fault.blocked(), times=5, chat_id=HUNG)
    port = TelegramPort(world.harness.app.bot)
    mark = len(world.api.requests)
    for day in range(4):
        at = NOW + timedelta(days=day)
        async with world.services.uow() as uow:
            await plan_reminders(uow, at, ahead=timedelta(days=1))
        await Dispatcher(world.services.sessions, port, clock=lambda at=at: at, limits=UNLIMITED).run_once()  # fmt: skip
    to_lan = [
        r for r in world.api.requests[mark:] if r.method == "sendMessage" and r.chat_id == LAN
    ]
    assert to_lan, "no reminder reached the officer"
    told = [r.params["text"] for r in world.api.requests[mark:] if r.method == "sendMessage" and r.chat_id == COORD]  # fmt: skip
    assert any("Anh/chị Hùng đã chặn bot" in t for t in told), told


async def test_every_reply_on_zalo_follows_the_rules(world: World) -> None:
    from fakezalo.driver import start_zalo_world

    from services import invites

    zalo = await start_zalo_world(world)
    try:
        async with world.services.uow() as uow:
            code = await invites.create_invite(uow, world.ids["stp"], None, world.services.now())  # fmt: skip
            await uow.commit()
        said: dict[str, str] = {}
        for i, text in enumerate(("viec", "huongdan", code, "huongdan", "viec", "quahan",
                                  "sapden", "thang 8", "viec gi den han thang 8", "xong 1",
                                  "hoan 2 3 ngay", "chi tiet 2", "giao 2 Lan", "tra lai 2",
                                  "xyz")):  # fmt: skip
            for j, out in enumerate(await zalo.say("zalo-words-1", text, "Chị Hoa")):
                said[f"zalo {i}.{j} {text!r}"] = out
        said |= {f"zalo file {j}": t for j, t in enumerate(await zalo.send_file("zalo-words-1", "Chị Hoa"))}  # fmt: skip
        assert len(said) > 10
        found = report(said)
        assert not found, "\n".join(found)
    finally:
        await zalo.stop()
