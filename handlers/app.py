"""Wires the handlers into an Application: services on the context, handlers in order, menu."""

from __future__ import annotations

import atexit
import json
import logging
import queue
import re
from collections.abc import Awaitable, Callable
from logging.handlers import QueueHandler, QueueListener
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    MessageHandler,
    TypeHandler,
    filters,
)

from handlers import (
    ask,
    assign,
    days_off,
    evidence,
    fallback,
    groups,
    ics,
    onboarding,
    plans,
    settings,
    stats,
    status,
    task_buttons,
    tasks,
    zalo_link,
)
from handlers.context import CONTEXT_TYPES, App, Services
from handlers.formatting import commands

Hook = Callable[[Any], Awaitable[None]]
MENU_RETRY = 300.0  # seconds before setting the command menu again after a failure
log = logging.getLogger(__name__)


async def set_menu(app: Any, retry: float = MENU_RETRY) -> bool:
    """Set the command menu; on failure (Telegram down, a time-out) log a warning and try again
    in ``retry`` seconds, and again after that until it is set. The menu is cosmetic: the bot
    starts and answers without it."""
    try:
        await app.bot.set_my_commands(commands())
    except TelegramError as exc:
        log.warning("command menu not set (%s: %s); retrying in %.0f s", type(exc).__name__, exc, retry)  # fmt: skip
        if app.job_queue is None:
            return False

        async def again(_context: Any) -> None:
            await set_menu(app, retry)

        app.job_queue.run_once(again, when=retry, name="set_menu")
        return False
    return True


def configure(
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any],
    services: Services,
    on_start: Hook | None = None,
    on_stop: Hook | None = None,
    menu_retry: float = MENU_RETRY,
    outage: fallback.Outage | None = None,
) -> App:
    """Build the Application from ``builder`` with the bot's context type, handlers and menu.

    ``on_start``/``on_stop`` run after initialisation and at shutdown (e.g. the reminders); the
    command menu is set best-effort (``set_menu``). ``outage`` is shared with the polling
    connection (``fallback.PollingRequest``), which tells it when polls succeed again.
    """

    async def post_init(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        await set_menu(app, menu_retry)
        if on_start is not None:
            await on_start(app)

    async def post_shutdown(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        if on_stop is not None:
            await on_stop(app)

    app: App = (
        builder.context_types(CONTEXT_TYPES)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    app.bot_data["services"] = services
    app.bot_data[fallback.OUTAGE] = outage or fallback.Outage()
    install(app)
    return app


async def _ignore_edit(_update: Any, _context: Any) -> None:
    """An edited message is not a new one: editing "/ngaynghi them 5/9" must not add the day
    again, nor editing a question answer it twice."""
    raise ApplicationHandlerStop


# bot_data key: ids of updates whose JSON, as received by the webhook, held no surrogate escape
# ("\\ud…") at all, so no lone surrogate either; ``_valid_unicode`` need not encode them again.
NO_SURROGATES = "updates_without_surrogates"


async def _valid_unicode(update: object, context: Any) -> None:
    """Telegram's JSON can carry a lone surrogate ("\\ud800"), which is no Unicode and fails
    wherever the text is encoded (the store, the reply). Such an update is handled as its copy
    with each lone surrogate replaced by "?", before any handler sees it."""
    if not isinstance(update, Update):
        return
    known_clean: set[int] | None = context.bot_data.get(NO_SURROGATES)
    if known_clean is not None and update.update_id in known_clean:
        known_clean.discard(update.update_id)
        return
    raw = json.dumps(update.to_dict(), ensure_ascii=False)
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        clean = json.loads(raw.encode("utf-8", "replace").decode("utf-8"))
        await context.application.process_update(Update.de_json(clean, context.bot))
        raise ApplicationHandlerStop from None


def install(app: App) -> None:
    """Register every feature; order matters, the first matching handler answers."""
    app.add_handler(TypeHandler(Update, _valid_unicode), group=-2)
    app.add_handler(MessageHandler(filters.UpdateType.EDITED, _ignore_edit), group=-1)
    onboarding.register(app)  # /start, /moi, approvals — before anything needing registration
    groups.register(app)  # /nhom
    tasks.register(app)  # lists, reply keyboard, paging
    task_buttons.register(app)  # ✅ ⏰ 📄 under each task (and the reminders' buttons)
    settings.register(app)  # /caidat, /huongdan
    plans.register(app)  # plan files, Import/Cancel
    assign.register(app)  # /giao, /tralai, ↩️ Trả lại
    evidence.register(app)  # 📎 the report after ✅ (its wait for a number or file: group -1)
    status.register(app)  # /tinhhinh: who has reported, nudges, Excel (coordinators)
    stats.register(app)  # /thongke: on-time statistics, chart and Excel (coordinators)
    days_off.register(app)  # /ngaynghi: days off (administrators change, coordinators list)
    ics.register(app)  # /lich: the unit's deadlines as an .ics file
    zalo_link.register(app)  # /zalo: a pairing code for the officer's Zalo chat
    ask.register(app)  # any other text: unit naming or a question
    fallback.register(app)  # unknown commands, forged buttons, other messages, errors


class RedactToken(logging.Filter):
    """Replace the bot token wherever it appears in a log record (httpx logs request URLs)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._pattern = re.compile(re.escape(token))

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self._pattern.search(message):
            record.msg = self._pattern.sub("<TOKEN>", message)
            record.args = None
        # Tracebacks (httpx errors quote the URL) are formatted later from exc_text when set.
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._pattern.sub("<TOKEN>", record.exc_text)
        if record.stack_info:
            record.stack_info = self._pattern.sub("<TOKEN>", record.stack_info)
        return True


def protect_logs(token: str | None) -> None:
    """Keep the token out of every log line: redact on all root handlers, quiet httpx (and
    tornado's line per webhook request: a hundred a second on a reporting morning)."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("tornado.access").setLevel(logging.WARNING)
    if not token:
        return
    redact = RedactToken(token)
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")  # fmt: skip
    for handler in root.handlers:
        handler.addFilter(redact)


def log_off_the_loop() -> QueueListener | None:
    """Write log lines from a thread: the root handlers move behind a queue, so a slow or full
    sink (a pipe nobody reads, a busy journald) never blocks the event loop. A blocked stderr
    once froze a replica under load: every update waited for a log write. Call after
    ``protect_logs`` (the handlers keep their redaction)."""
    root = logging.getLogger()
    if not root.handlers or any(isinstance(h, QueueHandler) for h in root.handlers):
        return None
    handlers = list(root.handlers)
    lines: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
    for handler in handlers:
        root.removeHandler(handler)
    root.addHandler(QueueHandler(lines))
    listener = QueueListener(lines, *handlers, respect_handler_level=True)
    listener.start()

    def flush() -> None:  # at exit: the lines still queued are written (once)
        if listener._thread is not None:
            listener.stop()

    atexit.register(flush)
    return listener
