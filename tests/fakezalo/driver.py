"""The real Zalo adapter (``handlers.zalo``) on a test world's store, against the fake server.

``ZaloWorld.say(user, text)`` queues a message on the fake server, pulls it with the adapter's
own ``getUpdates`` (one update per poll) and handles it; it returns what the bot sent back.
"""

from __future__ import annotations

from dataclasses import dataclass

from fakebot.world import World

from handlers.zalo.api import ZaloApi
from handlers.zalo.port import ZaloPort
from handlers.zalo.router import ZaloBot

from .server import FakeZaloApi


@dataclass
class ZaloWorld:
    api: FakeZaloApi
    client: ZaloApi
    bot: ZaloBot
    port: ZaloPort

    async def pump(self) -> None:
        while self.api.pending:
            update = await self.client.get_update(timeout=1)
            if update is not None:
                await self.bot.handle(update)

    async def deliver(self, update: dict[str, object] | None, chat_id: str) -> list[str]:
        mark = len(self.api.sent)
        await self.pump()
        return [s.text for s in self.api.sent[mark:] if s.chat_id == chat_id]

    async def say(self, user_id: str, text: str, name: str = "Cán bộ") -> list[str]:
        return await self.deliver(self.api.user_says(user_id, name, text), user_id)

    async def send_file(self, user_id: str, name: str = "Cán bộ") -> list[str]:
        return await self.deliver(self.api.user_sends_file(user_id, name), user_id)

    async def stop(self) -> None:
        await self.client.close()
        await self.api.stop()


async def start_zalo_world(world: World) -> ZaloWorld:
    api = FakeZaloApi()
    await api.start()
    client = ZaloApi(api.token, api.base_url)
    me = await client.get_me()
    bot = ZaloBot(world.services, client, str(me["id"]))
    return ZaloWorld(api, client, bot, ZaloPort(bot, interval=0.0))
