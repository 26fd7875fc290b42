"""A fake Telegram Bot API server and a driver running the real python-telegram-bot against it.

See ``server.FakeBotApi`` (protocol, faults, limits) and ``driver.BotHarness`` / ``FakeChat``.
"""

from .driver import BotHarness, FakeChat, Replies, Reply, TrackingApplication
from .server import FakeBotApi, FakeMessage, Fault, Recorded

__all__ = [
    "BotHarness",
    "FakeBotApi",
    "FakeChat",
    "FakeMessage",
    "Fault",
    "Recorded",
    "Replies",
    "Reply",
    "TrackingApplication",
]
