"""The Zalo channel: the same officers, tasks, answers and reminders as on Telegram, over the
Zalo Bot Platform.

Modules: ``api`` (the HTTP client), ``router`` (what one update does), ``render`` (plain text
within 2,000 characters, numbered items, typed actions), ``runner`` (long polling or webhook),
``port`` (reminders on Zalo and the routing by recipient). ``start_zalo`` composes them.

The Bot Platform as used here, with the sources it was checked against:

- Base URL ``https://bot-api.zaloplatforms.com/bot<TOKEN>/<method>`` (older SDKs hard-code
  ``bot-api.zapps.me``: ``ZALO_API_BASE_URL``), envelope ``{ok, result, error_code,
  description}``; updates ``{event_name: message.text.received | message.image.received |
  message.sticker.received | message.unsupported.received, message: {from, chat: {id,
  chat_type: PRIVATE | GROUP}, message_id (a string), date, text}}`` — the OpenClaw Zalo client
  (``extensions/zalo/src/api.ts``, citing https://bot.zaloplatforms.com/docs) and
  https://github.com/XuanNguyenNB/QuanLyThuChi_Bot_Telegram_Zalom (``docs/ZALO_BOT_API.md``,
  a copy of the official documentation: getUpdates, Webhook, sendMessage, sendPhoto,
  sendChatAction, getMe).
- ``getUpdates {timeout}`` answers one update (``python-zalo-bot`` on PyPI: ``get_update``), and
  an idle poll ``error_code 408 "Request timeout"`` (https://github.com/lamdt1/ckvn-bot,
  ``src/test_zalo_chat_id.py``).
- Webhook: ``setWebhook {url, secret_token}`` (8–256 characters), echoed in the
  ``X-Bot-Api-Secret-Token`` header; text replies split at 2,000 characters
  (https://docs.beeblast.co/channels/zalo, https://chat-sdk.dev/adapters/community/zalo).
- The free plan's limits (50 users, 3,000 messages a month, ``429 Quota exceeded``) and groups
  answering only mentions are as the issue (#15) reports them from teams that ran bots; the
  caps are settings here (``ZALO_MONTHLY_QUOTA``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from handlers.zalo.api import ZaloApi, ZaloError, ZaloNetworkError
from handlers.zalo.port import RoutingPort, ZaloPort
from handlers.zalo.router import ZaloBot
from handlers.zalo.runner import Poller, Webhook

log = logging.getLogger("tthc.zalo")

__all__ = ["RoutingPort", "ZaloBot", "ZaloChannel", "ZaloPort", "start_zalo"]


@dataclass
class ZaloChannel:
    api: ZaloApi
    bot: ZaloBot
    port: ZaloPort
    receiver: Poller | Webhook

    async def stop(self) -> None:
        await self.receiver.stop()
        await self.api.close()


async def start_zalo(services: Any) -> ZaloChannel:
    """Connect to the Zalo bot of ``services.settings`` and start receiving (in this loop)."""
    settings = services.settings
    token = settings.zalo_bot_token
    api = ZaloApi(token, settings.zalo_api_base_url)
    bot_id = token.split(":", 1)[0]
    try:
        me = await api.get_me()
        bot_id = str(me.get("id") or bot_id)
    except (ZaloError, ZaloNetworkError) as exc:
        log.warning("zalo getMe failed (%s); starting anyway", exc)
    bot = ZaloBot(services, api, bot_id)
    receiver: Poller | Webhook
    if settings.zalo_webhook_url:
        secret = settings.zalo_webhook_secret or _derived_secret(token)
        path = urlparse(settings.zalo_webhook_url).path.strip("/") or "zalo"
        receiver = Webhook(bot, secret, settings.zalo_webhook_port, path)
        receiver.start()
        try:
            await api.set_webhook(settings.zalo_webhook_url, secret)
        except (ZaloError, ZaloNetworkError) as exc:
            log.warning("zalo setWebhook failed (%s)", exc)
        log.info("zalo webhook on port %s, path /%s", settings.zalo_webhook_port, path)
    else:
        try:  # a webhook excludes polling
            await api.delete_webhook()
        except (ZaloError, ZaloNetworkError) as exc:
            log.warning("zalo deleteWebhook failed (%s)", exc)
        receiver = Poller(bot, api)
        receiver.start()
        log.info("zalo long polling")
    return ZaloChannel(api, bot, ZaloPort(bot), receiver)


def _derived_secret(token: str) -> str:
    import hashlib
    import hmac

    return hmac.new(token.encode(), b"tthc-zalo-webhook", hashlib.sha256).hexdigest()[:48]
