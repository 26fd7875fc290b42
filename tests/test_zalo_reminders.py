"""Reminders on Zalo: the same outbox, each recipient on their channel, Zalo's quota error
retried later (nothing lost, nothing doubled), the monthly count and the administrators told."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from fakebot.world import NOW, World, start_world, stop_world
from fakezalo.driver import ZaloWorld, start_zalo_world
from sqlalchemy import func, select

from handlers.zalo.port import RoutingPort
from reminders.dispatcher import Dispatcher
from reminders.send_types import UNLIMITED
from reminders.telegram_port import TelegramPort
from services.reminders import plan_reminders
from store.models import CompletionRow, OfficerRow, OutboxRow, ZaloQuotaRow
from store.uow import UnitOfWork

LAN, HUNG, ADMIN = 501, 502, 900
ZLAN = "zalo-lan-1"


@pytest.fixture
async def worlds(tmp_path: Path) -> AsyncIterator[tuple[World, ZaloWorld]]:
    w = await start_world(tmp_path)
    await w.add_officer(LAN, "Lan", "stp")
    await w.add_officer(HUNG, "Hùng", "snv")
    await w.add_officer(ADMIN, "Quản trị", None, "administrator")
    z = await start_zalo_world(w)
    text = (await w.harness.private(LAN).send("/zalo")).text
    await z.say(ZLAN, text.split("<code>")[1].split("</code>")[0], "Lan")
    yield w, z
    await z.stop()
    await stop_world(w)
    assert not w.harness.errors, w.harness.errors


def _dispatcher(w: World, z: ZaloWorld, at: list) -> Dispatcher:  # type: ignore[type-arg]
    port = RoutingPort(TelegramPort(w.harness.app.bot), z.port)
    return Dispatcher(w.services.sessions, port, clock=lambda: at[0], limits=UNLIMITED)


async def _planned(w: World) -> list:  # type: ignore[type-arg]
    async with UnitOfWork(w.services.sessions) as uow:
        await plan_reminders(uow, NOW)
    return await w.all(select(OutboxRow.chat_id, OutboxRow.send_at).where(OutboxRow.status == "pending"))  # fmt: skip


async def test_planned_reminders_reach_each_officer_on_their_channel_and_done_is_typed(
    worlds: tuple[World, ZaloWorld],
) -> None:
    w, z = worlds
    rows = await _planned(w)
    assert {c for c, _ in rows} >= {LAN, HUNG}
    first = min(at for c, at in rows if c == LAN)
    first = first if first.tzinfo else first.replace(tzinfo=UTC)  # SQLite: naive UTC
    clock = [max(NOW, first.astimezone(NOW.tzinfo)) + timedelta(minutes=1)]
    report = await _dispatcher(w, z, clock).run_once()
    assert report.failed == 0 and report.gone == 0
    on_zalo = z.api.sent_to(ZLAN)
    assert on_zalo and any("xong" in t for t in on_zalo), on_zalo
    assert all("<b>" not in t and len(t) <= 2000 for t in on_zalo)
    assert w.api.messages[HUNG]  # Hùng has no Zalo chat: Telegram as before
    # Lan's reminders went to Zalo only: her Telegram chat holds just the pairing code.
    assert [m.text[:16] for m in w.api.messages[LAN].values()] == ["Mã ghép nối Zalo"]
    reminder = next(t for t in on_zalo if "«xong" in t)
    number = reminder.split("«xong ")[1].split("»")[0]
    assert "Đã ghi nhận hoàn thành" in (await z.say(ZLAN, f"xong {number}"))[0]
    assert await w.scalar(select(func.count(CompletionRow.id))) == 1


async def test_a_quota_error_delays_a_reminder_and_it_is_sent_once_later(
    worlds: tuple[World, ZaloWorld],
) -> None:
    w, z = worlds
    lan_id = await w.scalar(select(OfficerRow.id).where(OfficerRow.telegram_id == LAN))
    async with w.services.uow() as uow:
        uow.session.add(OutboxRow(chat_id=LAN, officer_id=lan_id, task_id=w.ids["t1"],
                                  due_date=NOW.date() + timedelta(days=2), kind="before1",
                                  send_at=NOW.astimezone(UTC), status="pending", text="Nhắc: <b>Báo cáo</b>",
                                  attempts=0))  # fmt: skip
        await uow.commit()
    z.api.quota_exceeded(1)
    before = len(z.api.sent_to(ZLAN))
    clock = [NOW + timedelta(minutes=1)]
    first = await _dispatcher(w, z, clock).run_once()
    assert first.released == 1 and len(z.api.sent_to(ZLAN)) == before
    status, next_try, error = (await w.all(select(OutboxRow.status, OutboxRow.next_try_at, OutboxRow.last_error)))[0]  # fmt: skip
    assert status == "pending" and "retry after 3600" in error
    assert next_try is not None
    await _dispatcher(w, z, clock).run_once()  # not due yet: nothing sent
    assert len(z.api.sent_to(ZLAN)) == before
    clock[0] = NOW + timedelta(hours=2)
    again = await _dispatcher(w, z, clock).run_once()
    assert again.messages == 1
    sent = z.api.sent_to(ZLAN)[before:]
    assert len(sent) == 1 and "Báo cáo" in sent[0] and "<b>" not in sent[0]
    assert await w.scalar(select(OutboxRow.status)) == "sent"
    await _dispatcher(w, z, [NOW + timedelta(hours=5)]).run_once()
    assert len(z.api.sent_to(ZLAN)[before:]) == 1  # never doubled


async def test_messages_are_counted_per_month_and_administrators_told_near_the_cap(
    worlds: tuple[World, ZaloWorld],
) -> None:
    w, z = worlds
    counted = await w.scalar(select(ZaloQuotaRow.count))
    assert counted == 2  # the pairing code in, the confirmation out
    w.services.settings = replace(w.services.settings, zalo_monthly_quota=10)
    for _ in range(3):
        await z.say(ZLAN, "viec")  # 2 messages each
    assert await w.scalar(select(ZaloQuotaRow.count)) == 8
    assert not await w.all(select(OutboxRow.id).where(OutboxRow.kind == "zalo.quota"))
    await z.say(ZLAN, "viec")  # the 9th message reaches 90% of the cap
    notices = await w.all(select(OutboxRow.chat_id, OutboxRow.text).where(OutboxRow.kind == "zalo.quota"))  # fmt: skip
    assert [c for c, _ in notices] == [ADMIN]
    assert "9/10 tin nhắn" in notices[0][1]
    await z.say(ZLAN, "viec")
    assert len(await w.all(select(OutboxRow.id).where(OutboxRow.kind == "zalo.quota"))) == 1


def test_a_long_reminder_is_cut_at_a_line_with_a_pointer_to_the_rest() -> None:
    from handlers.zalo.port import CUT, fit

    body = "\n".join(f"{i}. việc " + "x" * 80 for i in range(60))
    cut = fit(body, 2000)
    assert len(cut) <= 2000 and cut.endswith(CUT)
    assert all(line in body.splitlines() for line in cut.splitlines()[:-1])  # whole lines only
    assert fit("ngắn", 2000) == "ngắn"
