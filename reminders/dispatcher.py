"""The dispatcher: claims due outbox rows atomically, sends them paced, records each fate.

Restart-safe by construction: a row is claimed (with a lease), marked 'sending' just before its
request leaves, and marked sent right after Telegram answers, one commit each. A process killed
in between leaves the row claimed or sending; when the lease runs out (at once for 'claimed'
rows when the sender lease changes hands) another run sends it again. Only a 'sending' row can
double (its request may have reached Telegram, which has no idempotency key): such rows are sent
again, at least once rather than at most once (README, "Several processes"), and counted
(``in_flight_resent``). Which claimed rows go out together (a recipient's overdue
list of a morning, a catch-up after downtime) is ``bot.reminders.gather``'s business: a gathered
message carries all its rows' ids and marks them sent with its one message id.
"""

from __future__ import annotations

import os
import socket
import statistics
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.reminders import gather
from bot.reminders.items import OutboxItem
from bot.reminders.planner import DIGEST_KINDS, after_days_of
from reminders import outbox, recipients
from reminders.send_types import Limits, Outcome, SendItem, SendPort
from reminders.sender import PacedSender
from services import sent_reminders
from services.calendar import work_calendar
from store import replicas
from store.uow import Session, Sessions, UnitOfWork

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_LIMITS = Limits()


@dataclass
class DispatchReport:
    """What one run did; ``reclaimed`` rows may have been sent before (a crashed worker)."""

    claimed: int = 0
    messages: int = 0
    sent_rows: int = 0
    gathered_rows: int = 0
    overdue_lists: int = 0  # messages listing one recipient's overdue tasks of a morning
    dropped_done: int = 0
    dropped_stale: int = 0
    dropped_inactive: int = 0
    failed: int = 0
    gone: int = 0
    released: int = 0
    reclaimed: int = 0
    in_flight_resent: int = 0  # rows whose earlier send may have reached Telegram (maybe doubled)
    not_ours: int = 0  # items dropped unsent: their rows passed to another worker meanwhile
    lease_lost: int = 0
    standby: bool = False  # another process holds the sender lease: nothing done
    sender_lost: bool = False  # the sender lease was lost mid-run: unsent rows handed back
    handed_back: int = 0
    rate_limited: int = 0
    ambiguous_retries: int = 0
    commit_ms: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, object]:
        out: dict[str, object] = {k: v for k, v in vars(self).items() if k != "commit_ms"}
        if self.commit_ms:
            out["commit_ms_median"] = round(statistics.median(self.commit_ms), 2)
            out["commit_ms_max"] = round(max(self.commit_ms), 2)
        return out


def worker_name() -> str:
    """A claim owner unique to this process."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"[:64]


class Dispatcher:
    """Sends what is due now; ``run_once`` returns when nothing due is left."""

    def __init__(
        self,
        sessions: Sessions,
        port: SendPort,
        *,
        clock: Callable[[], datetime],
        worker: str | None = None,
        limits: Limits = DEFAULT_LIMITS,
        batch: int = 200,
        lease: timedelta = timedelta(minutes=5),
        late_after: timedelta = timedelta(minutes=30),
        max_attempts: int = 12,
        tz: ZoneInfo = VN_TZ,
        monotonic: Callable[[], float] = time.monotonic,
        sender_lease: str | None = None,
        sender_ttl: float = 3.0,
        heartbeat: float = 0.5,
        in_flight_max: timedelta = timedelta(seconds=20),
    ) -> None:
        self.sessions = sessions
        self.port = port
        self.clock = clock
        self.worker = worker or worker_name()
        self.limits = limits
        self.batch = batch
        self.lease = lease
        self.late_after = late_after
        self.max_attempts = max_attempts
        self.tz = tz
        self.monotonic = monotonic
        # One sender per bot token across processes (``reminders.lease``): None sends without.
        self.sender_lease = sender_lease
        self.sender_ttl = sender_ttl
        self.heartbeat = heartbeat
        # A dead holder's 'sending' row is sent again only once its request cannot still be
        # in flight (a stalled holder's HTTP time-outs are shorter than this).
        self.in_flight_max = in_flight_max
        self._valid_until = 0.0
        # One pacer per process, kept across runs: Telegram's windows do not restart with a run.
        self.sender = PacedSender(port, limits, monotonic)
        self._seeded = False
        self._escalating: list[OutboxItem] = []  # claimed escalation rows, built after commit

    async def _hold(self, session: Session) -> bool:
        """Take or renew the sender lease in ``session``'s transaction; on a takeover, the
        previous holder's claims become claimable at once. False: another process holds it."""
        if self.sender_lease is None:
            return True
        started = self.monotonic()
        lease = await replicas.hold_lease(
            session, self.sender_lease, self.worker, timedelta(seconds=self.sender_ttl)
        )
        if lease is None:
            self._valid_until = 0.0
            return False
        if lease.taken:
            await outbox.orphan_claims(
                session, self.worker, self.clock(), self.lease, self.in_flight_max
            )
            # The previous holder's last sends may still count in Telegram's windows. One whose
            # lease ran out stopped launching a second before (``_valid_until``); one that gave
            # it up (a clean stop) may have had answers a moment ago.
            self.sender.forget()
            if lease.previous is None:
                self.sender.hold(self.limits.takeover_pause)
            self._seeded = False
        # Stop sending a little before the lease could run out in the database's eyes.
        self._valid_until = started + self.sender_ttl - max(1.0, self.heartbeat)
        return True

    async def _seed(self, sender: PacedSender) -> None:
        """Groups' windows carry over from the previous lease holder or process (the store's
        sends of the last minute); later runs of this process keep the pacer's own."""
        if self._seeded or self.limits.group_per_window >= 10**6:
            return
        self._seeded = True
        now = self.clock()
        async with UnitOfWork(self.sessions, read_only=True) as uow:
            recent = await outbox.recent_group_sends(
                uow.session, now - timedelta(seconds=self.limits.group_window)
            )
        mono = self.monotonic()
        for chat_id, times in recent.items():
            sender.seed_group(chat_id, [mono - (now - t).total_seconds() for t in times])

    def _may_send(self) -> bool:
        return self.sender_lease is None or self.monotonic() < self._valid_until

    async def release_lease(self) -> None:
        """Give the sender lease up (a clean stop): another process takes over at once."""
        if self.sender_lease is None:
            return
        self._valid_until = 0.0
        async with UnitOfWork(self.sessions) as uow:
            await replicas.drop_lease(uow.session, self.sender_lease, self.worker)
            await uow.commit()

    async def run_once(self) -> DispatchReport:
        report = DispatchReport()
        if self.sender_lease is not None:
            async with UnitOfWork(self.sessions) as uow:
                held = await self._hold(uow.session)
                await uow.commit()
            if not held:
                report.standby = True
                return report
        sender = self.sender
        await self._seed(sender)
        last_claims = self.monotonic()
        notified: set[int] = set()

        async def refill() -> list[SendItem]:
            while True:
                async with UnitOfWork(self.sessions) as uow:
                    if not await self._hold(uow.session):
                        await uow.commit()
                        return []
                    now = self.clock()
                    claimed = await outbox.claim(
                        uow.session, self.worker, now, self.batch, self.lease, self.late_after
                    )
                    if not claimed:
                        return []
                    report.claimed += len(claimed)
                    report.reclaimed += sum(1 for c in claimed if c.reclaimed)
                    report.in_flight_resent += sum(1 for c in claimed if c.in_flight)
                    items = await self._prepare(uow.session, claimed, now, report)
                    await uow.commit()
                items += await self._escalations(now, report)
                if items:
                    return items

        async def on_result(item: SendItem, result: Outcome) -> None:
            await self._record(item, result, report, notified)

        async def before_send(item: SendItem) -> bool:
            async with UnitOfWork(self.sessions, single=True) as uow:
                n = await outbox.mark_sending(uow.session, item.ids, self.worker, self.clock())
                await uow.commit()
            if n == 0:
                report.not_ours += len(item.ids)
            return n > 0

        claims_every = max(1.0, self.lease.total_seconds() / 3)

        async def renew() -> None:
            nonlocal last_claims
            async with UnitOfWork(self.sessions) as uow:
                await self._hold(uow.session)
                if self.monotonic() - last_claims >= claims_every:
                    await outbox.renew(uow.session, self.worker, self.clock())
                    last_claims = self.monotonic()
                await uow.commit()

        every = claims_every
        if self.sender_lease is not None:
            every = min(every, self.heartbeat)
        stats = await sender.run(
            refill,
            on_result,
            low_water=max(16, self.batch // 3),
            tick=renew,
            tick_every=every,
            may_send=self._may_send if self.sender_lease is not None else None,
            before_send=before_send,
        )
        if sender.stopped:
            report.sender_lost = True
            ids = [i for item in sender.unsent() for i in item.ids]
            async with UnitOfWork(self.sessions) as uow:
                report.handed_back = await outbox.hand_back(uow.session, ids, self.worker)
                await uow.commit()
        report.rate_limited = stats.rate_limited
        report.ambiguous_retries = stats.ambiguous_retries
        return report

    # ----------------------------------------------------------------- preparing a claim
    async def _prepare(
        self,
        session: Session,
        claimed: Sequence[OutboxItem],
        now: datetime,
        report: DispatchReport,
    ) -> list[SendItem]:
        now = now.astimezone(UTC)
        today = now.astimezone(self.tz).date()
        officers = await recipients.officers(
            session, {c.officer_id for c in claimed if c.officer_id}
        )
        groups = await recipients.groups(
            session, {c.chat_id for c in claimed if c.officer_id is None}
        )
        inactive, keep = [], []
        for c in claimed:
            rec = officers.get(c.officer_id) if c.officer_id else groups.get(c.chat_id)
            if rec is not None and not rec[1]:
                inactive.append(c.id)
            else:
                keep.append(c)
        done = await recipients.done(session, keep)
        done_ids = [
            c.id
            for c in keep
            if c.task_id is not None
            and (c.task_id, recipients.unit_of(c, officers, groups), c.due_date) in done
        ]
        keep = [c for c in keep if c.id not in set(done_ids)]

        def late(c: OutboxItem) -> bool:
            return self._is_late(c, now)

        # After downtime: per occurrence only the newest reminder is useful; yesterday's digest
        # is stale.
        stale = gather.superseded(keep, late)
        stale += [c.id for c in keep if c.kind in DIGEST_KINDS and late(c) and c.due_date < today]
        keep = [c for c in keep if c.id not in set(stale)]
        await outbox.mark_dropped(session, inactive, "inactive")
        await outbox.mark_dropped(session, done_ids, "done")
        await outbox.mark_dropped(session, stale, "stale")
        report.dropped_inactive += len(inactive)
        report.dropped_done += len(done_ids)
        report.dropped_stale += len(stale)
        # The coordinators' escalation lists are built after this claim commits, in a read-only
        # unit of work (``_escalations``): reading a year of a province's completions takes
        # seconds, during which this transaction would hold SQLite's one writer's lock.
        self._escalating.extend(c for c in keep if after_days_of(c.kind) is not None)
        keep = [c for c in keep if after_days_of(c.kind) is None]
        batches = gather.batches(keep, late)
        listed = [r for b in batches if b.kind == "overdue" for r in b.rows]
        lines = await sent_reminders.overdue_lines(session, listed, self.tz) if listed else {}
        report.overdue_lists += sum(1 for b in batches if b.kind == "overdue")
        return [gather.message(b, lines) for b in batches]

    async def _escalations(self, now: datetime, report: DispatchReport) -> list[SendItem]:
        """The claimed escalation rows' messages, built now from the store as it is; the rows
        with nothing to send (another morning's, a day off, nothing late) are dropped."""
        rows, self._escalating = self._escalating, []
        if not rows:
            return []
        from services import escalation

        today = now.astimezone(self.tz).date()
        async with UnitOfWork(self.sessions, read_only=True) as uow:
            cal = await work_calendar(uow.session)
            items, nothing = await escalation.send_items(
                uow.session, rows, today, cal, lambda c: self._is_late(c, now)
            )
        if nothing:
            async with UnitOfWork(self.sessions) as uow:
                await outbox.mark_dropped(uow.session, nothing, "nothing")
                await uow.commit()
            report.dropped_stale += len(nothing)
        return items

    def _is_late(self, c: OutboxItem, now: datetime) -> bool:
        return c.send_at < now - self.late_after

    # ----------------------------------------------------------------- recording results
    async def _record(
        self, item: SendItem, result: Outcome, report: DispatchReport, notified: set[int]
    ) -> None:
        sent = result.status == "sent" and result.message_id is not None
        # The sent mark is one UPDATE, committed by itself on PostgreSQL (one round trip).
        async with UnitOfWork(self.sessions, single=sent) as uow:
            s = uow.session
            now = self.clock()
            if sent and result.message_id is not None:
                n = await outbox.mark_sent(s, item.ids, self.worker, result.message_id, now)
                await uow.commit()
                report.commit_ms.append((self.monotonic() - result.answered_at) * 1000)
                report.messages += 1
                report.sent_rows += n
                report.lease_lost += len(item.ids) - n
                if len(item.ids) > 1:
                    report.gathered_rows += len(item.ids)
                return
            if result.status == "later":
                wait = timedelta(seconds=max(result.wait, 30.0))
                await outbox.release(
                    s, item.ids, self.worker, now + wait, result.error, max(1, item.tries),
                    self.max_attempts,
                )  # fmt: skip
                report.released += len(item.ids)
            elif result.status == "gone":
                await outbox.mark_failed(s, item.ids, self.worker, "gone: " + result.error)
                report.gone += len(item.ids)
                if item.chat_id not in notified:
                    notified.add(item.chat_id)
                    await recipients.deactivate(s, item.chat_id, result.error, now)
            else:
                await outbox.mark_failed(s, item.ids, self.worker, result.error)
                report.failed += len(item.ids)
            await uow.commit()
