"""The ``SendPort`` over python-telegram-bot's ``Bot``: maps its errors to the sender's."""

from __future__ import annotations

import warnings
from datetime import timedelta

from telegram import (
    Bot,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.request import HTTPXRequest

from reminders.send_types import Buttons, Permanent, RetryLater, Transient
from services.signing import derive_key, sign

_GONE = ("chat not found", "user is deactivated", "bot was kicked", "have no rights to send")


class TelegramPort:
    """Sends HTML messages with optional rows of inline buttons."""

    def __init__(self, bot: Bot, key: bytes | None = None) -> None:
        self.bot = bot
        # Buttons are signed for the chat like the handlers' own (services.signing), with the
        # key the handlers derive from the same token.
        self.key = key if key is not None else derive_key(bot.token)

    async def send(self, chat_id: int, text: str, buttons: Buttons | None) -> int:
        markup = None
        if buttons:
            markup = InlineKeyboardMarkup(
                [[InlineKeyboardButton(label, callback_data=sign(self.key, chat_id, data))
                  for label, data in row]
                 for row in buttons]
            )  # fmt: skip
        try:
            message = await self.bot.send_message(
                chat_id,
                text,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        except RetryAfter as exc:
            with warnings.catch_warnings():  # PTB 22 deprecates the int form; accept both
                warnings.simplefilter("ignore")
                wait = exc.retry_after
            seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            raise RetryLater(seconds) from exc
        except Forbidden as exc:
            raise Permanent(exc.message, chat_gone=True) from exc
        except BadRequest as exc:
            gone = any(g in exc.message.lower() for g in _GONE)
            raise Permanent(exc.message, chat_gone=gone) from exc
        except TimedOut as exc:
            # A read time-out may come after Telegram delivered the message: retrying may double
            # it. A pool time-out never left this process.
            raise Transient(exc.message, ambiguous="pool" not in exc.message.lower()) from exc
        except ChatMigrated as exc:
            raise Permanent(f"chat migrated to {exc.new_chat_id}", chat_gone=True) from exc
        except NetworkError as exc:  # 5xx, connection refused or reset
            raise Transient(exc.message) from exc
        except TelegramError as exc:
            raise Permanent(exc.message) from exc
        return int(message.message_id)


def make_bot(
    token: str,
    base_url: str | None = None,
    *,
    pool: int = 32,
    timeout: float = 10.0,
) -> Bot:
    """A ``Bot`` with a connection pool large enough for the paced sender's concurrency."""
    request = HTTPXRequest(
        connection_pool_size=pool,
        read_timeout=timeout,
        write_timeout=timeout,
        connect_timeout=timeout,
        pool_timeout=timeout,
    )
    if base_url:
        return Bot(token, base_url=base_url, request=request)
    return Bot(token, request=request)


def remaining_buttons(query: CallbackQuery) -> InlineKeyboardMarkup | None:
    """The pressed message's buttons without the pressed task's row (None when none is left).

    A single reminder has one row, so its buttons go; a gathered overdue list keeps the rows of
    the other tasks.
    """
    markup = getattr(query.message, "reply_markup", None)
    if not isinstance(markup, InlineKeyboardMarkup):
        return None
    rows = [
        row for row in markup.inline_keyboard if not any(b.callback_data == query.data for b in row)
    ]
    return InlineKeyboardMarkup(rows) if rows else None
