"""Zalo's quota never silent: near the cap a recipient's due reminders go out as one digest
(every row marked sent once); a reminder given up for quota and the replies Zalo refused are
told to the administrators and coordinators, on Telegram when they have it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, timedelta

from fakebot.world import NOW, TASKS, World
from fakezalo.driver import ZaloWorld
from sqlalchemy import func, select, update
from test_zalo_reminders import ADMIN, LAN, ZLAN, worlds  # noqa: F401  (the fixture)

from handlers.zalo.port import RoutingPort
from handlers.zalo.quota import GIVEN_UP, REFUSED, ZaloDispatcher, digest_text
from reminders.send_types import UNLIMITED
from reminders.telegram_port import TelegramPort
from store.models import CompletionRow, OfficerRow, OutboxRow, ZaloQuotaRow

COORD = 903
ZADMIN = "zalo-admin-1"


def _dispatcher(w: World, z: ZaloWorld, at: list) -> ZaloDispatcher:  # type: ignore[type-arg]
    port = RoutingPort(TelegramPort(w.harness.app.bot), z.port)
    return ZaloDispatcher(w.services.sessions, port, clock=lambda: at[0], limits=UNLIMITED)


async def _rows(w: World, refs: list[str], attempts: int = 0) -> None:
    lan_id = await w.scalar(select(OfficerRow.id).where(OfficerRow.telegram_id == LAN))
    dues = {ref: dues[0][0] for ref, _c, _u, dues in TASKS}
    async with w.services.uow() as uow:
        for ref in refs:
            uow.session.add(OutboxRow(chat_id=LAN, officer_id=lan_id, task_id=w.ids[f"t{ref}"],
                                      due_date=dues[ref], kind="before1",
                                      send_at=NOW.astimezone(UTC), status="pending",
                                      text=f"Nhắc: <b>việc số {ref}</b> sắp đến hạn",
                                      attempts=attempts))  # fmt: skip
        await uow.commit()


async def _count(w: World, n: int, cap: int) -> None:
    w.services.settings = replace(w.services.settings, zalo_monthly_quota=cap)
    async with w.services.uow() as uow:
        await uow.session.execute(update(ZaloQuotaRow).values(count=n, warned=True))
        await uow.commit()


async def test_near_the_cap_a_recipients_due_reminders_go_out_as_one_digest_sent_once(
    worlds: tuple[World, ZaloWorld],  # noqa: F811
) -> None:
    w, z = worlds
    await _rows(w, ["1", "2", "4"])
    await _count(w, 95, 100)  # 95% of the cap
    before = len(z.api.sent_to(ZLAN))
    clock = [NOW + timedelta(minutes=1)]
    report = await _dispatcher(w, z, clock).run_once()
    sent = z.api.sent_to(ZLAN)[before:]
    assert report.messages == 1 and report.sent_rows == 3 and len(sent) == 1, sent
    digest = sent[0]
    assert digest.startswith("Có 3 nhắc việc:") and len(digest) <= 2000
    assert all(f"việc số {ref}" in digest for ref in ("1", "2", "4")) and "<b>" not in digest
    assert "1. " in digest and "2. " in digest and "3. " in digest
    rows = await w.all(select(OutboxRow.status, OutboxRow.message_id))
    assert {s for s, _ in rows} == {"sent"} and len({m for _, m in rows}) == 1
    await _dispatcher(w, z, [NOW + timedelta(hours=3)]).run_once()
    assert len(z.api.sent_to(ZLAN)) == before + 1  # never doubled
    number = digest.split("«xong ")[2].split("»")[0]  # the second listed reminder's action
    assert "Đã ghi nhận hoàn thành" in (await z.say(ZLAN, f"xong {number}"))[0]
    assert await w.scalar(select(func.count(CompletionRow.id))) == 1


async def test_below_the_cap_each_reminder_is_its_own_message(
    worlds: tuple[World, ZaloWorld],  # noqa: F811
) -> None:
    w, z = worlds
    await _rows(w, ["1", "2", "4"])
    await _count(w, 50, 100)
    before = len(z.api.sent_to(ZLAN))
    report = await _dispatcher(w, z, [NOW + timedelta(minutes=1)]).run_once()
    assert report.messages == 3 and len(z.api.sent_to(ZLAN)) == before + 3


def test_a_long_digest_is_cut_within_the_limit_with_a_pointer_to_see_more() -> None:
    entries = [(f"Nhắc: việc {i} " + "x" * 380, [i]) for i in range(1, 13)]
    text = digest_text(entries)
    assert len(text) <= 2000 and text.startswith("Có 12 nhắc việc:")
    assert "xem thêm" in text.splitlines()[-1] and "còn " in text.splitlines()[-1]
    assert "1. Nhắc: việc 1 " in text and "«xong 1»" in text


async def test_a_reminder_given_up_for_quota_is_told_to_the_staff_on_telegram(
    worlds: tuple[World, ZaloWorld],  # noqa: F811
) -> None:
    w, z = worlds
    await w.add_officer(COORD, "Điều phối", None, "coordinator")
    # The administrator linked a Zalo chat too: the notice still goes to Telegram.
    text = (await w.harness.private(ADMIN).send("/zalo")).text
    await z.say(ZADMIN, text.split("<code>")[1].split("</code>")[0], "Quản trị")
    admin_zalo = len(z.api.sent_to(ZADMIN))
    await _rows(w, ["1"], attempts=11)  # its twelfth try
    z.api.quota_exceeded(1)
    clock = [NOW + timedelta(minutes=1)]
    report = await _dispatcher(w, z, clock).run_once()
    assert report.released == 1
    assert await w.scalar(select(OutboxRow.status).where(OutboxRow.kind == "before1")) == "failed"
    notices = await w.all(select(OutboxRow.chat_id, OutboxRow.text).where(OutboxRow.kind == GIVEN_UP))  # fmt: skip
    assert sorted(c for c, _ in notices) == sorted([ADMIN, COORD])
    assert "Lan" in notices[0][1] and "việc 1" in notices[0][1]
    before_admin = len(w.api.messages[ADMIN])
    await _dispatcher(w, z, [NOW + timedelta(minutes=2)]).run_once()
    got = [m.text for m in w.api.messages[ADMIN].values()][before_admin:]
    assert len(got) == 1 and "Lan" in got[0] and "hết hạn mức" in got[0]
    assert len(z.api.sent_to(ZADMIN)) == admin_zalo  # Zalo's quota spared
    assert any("Lan" in m.text for m in w.api.messages[COORD].values())
    assert await w.scalar(select(func.count(OutboxRow.id)).where(OutboxRow.kind == GIVEN_UP, OutboxRow.status == "sent")) == 2  # fmt: skip


async def test_replies_refused_for_quota_are_counted_in_one_notice(
    worlds: tuple[World, ZaloWorld],  # noqa: F811
) -> None:
    w, z = worlds
    assert not await w.all(select(OutboxRow.id).where(OutboxRow.kind == REFUSED))
    z.api.quota_exceeded(2)
    await z.say(ZLAN, "viec")
    await z.say(ZLAN, "viec")
    notices = await w.all(select(OutboxRow.chat_id, OutboxRow.text).where(OutboxRow.kind == REFUSED))  # fmt: skip
    assert [c for c, _ in notices] == [ADMIN]
    assert "2 tin trả lời" in notices[0][1]
    await z.say(ZLAN, "viec")  # answered: nothing more counted
    assert "2 tin trả lời" in (await w.scalar(select(OutboxRow.text).where(OutboxRow.kind == REFUSED)))  # fmt: skip
