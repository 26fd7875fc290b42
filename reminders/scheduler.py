"""Thin APScheduler 3 adapter: two repeating jobs over the outbox, nothing kept in the scheduler.

The outbox is the source of truth; the scheduler only wakes the planner and the dispatcher. Every
job has an explicit ``misfire_grace_time=None`` (run late rather than skip), ``coalesce`` and one
instance at a time, and the scheduler an aware zone (Asia/Ho_Chi_Minh).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from reminders.dispatcher import Dispatcher
from reminders.send_types import SendPort
from store.uow import Sessions, UnitOfWork

log = logging.getLogger("tthc.reminders")
VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
JOB_DEFAULTS = {"misfire_grace_time": None, "coalesce": True, "max_instances": 1}


def build_scheduler(
    plan_job: Callable[[], Awaitable[object]],
    dispatch_job: Callable[[], Awaitable[object]],
    *,
    tz: ZoneInfo = VN_TZ,
    plan_every: timedelta = timedelta(minutes=10),
    dispatch_every: timedelta = timedelta(seconds=20),
    start_at: datetime | None = None,
) -> AsyncIOScheduler:
    """A scheduler (not started) running the planner and the dispatcher periodically."""
    scheduler = AsyncIOScheduler(timezone=tz, job_defaults=JOB_DEFAULTS)
    first = start_at or datetime.now(tz)
    scheduler.add_job(
        plan_job,
        IntervalTrigger(seconds=plan_every.total_seconds(), timezone=tz),
        id="reminders.plan",
        next_run_time=first,
        **JOB_DEFAULTS,
    )
    scheduler.add_job(
        dispatch_job,
        IntervalTrigger(seconds=dispatch_every.total_seconds(), timezone=tz),
        id="reminders.dispatch",
        next_run_time=first + timedelta(seconds=5),
        **JOB_DEFAULTS,
    )
    return scheduler


def start_reminders(
    sessions: Sessions,
    port: SendPort,
    clock: Callable[[], datetime],
    *,
    tz: ZoneInfo = VN_TZ,
    dispatcher_class: type[Dispatcher] = Dispatcher,
    sender_lease: str | None = None,
    dispatch_every: timedelta = timedelta(seconds=20),
    escalate_after: int | None = None,
) -> tuple[AsyncIOScheduler, Dispatcher]:
    """Start planning and dispatching inside the running loop (call from ``post_init``).

    ``sender_lease`` names the bot token: of all processes sharing the database, only the one
    holding that lease sends (one pace for Telegram's limits); the others stand by, asking for
    the lease every half second, and take over within the lease's three seconds (plus one) when the
    holder dies.

    Stop with ``scheduler.shutdown(wait=False)`` and ``dispatcher.release_lease()`` in
    ``post_shutdown``.
    """
    from services.reminders import plan_reminders

    dispatcher = dispatcher_class(sessions, port, clock=clock, tz=tz, sender_lease=sender_lease)

    async def plan_job() -> None:
        try:
            async with UnitOfWork(sessions) as uow:
                report = await plan_reminders(uow, clock(), tz=tz, escalate_after=escalate_after)
            log.info("reminders planned: %s", report)
        except Exception:  # a failed run is retried at the next tick; never kill the scheduler
            log.exception("planning reminders failed")

    standby_poll = max(0.2, dispatcher.heartbeat)

    async def dispatch_job() -> None:
        try:
            report = await dispatcher.run_once()
            # A standby process asks again every heartbeat until the next tick: the holder's
            # death is noticed within the lease's time-to-live, not a tick later.
            until = asyncio.get_running_loop().time() + dispatch_every.total_seconds() - 1.0
            while report.standby and asyncio.get_running_loop().time() + standby_poll < until:
                await asyncio.sleep(standby_poll)
                report = await dispatcher.run_once()
            if report.claimed:
                log.info("reminders dispatched: %s", report.summary())
        except Exception:
            log.exception("dispatching reminders failed")

    scheduler = build_scheduler(
        plan_job, dispatch_job, tz=tz, start_at=clock(), dispatch_every=dispatch_every
    )
    scheduler.start()
    return scheduler, dispatcher
