"""A fake Zalo Bot Platform API server (see ``server.FakeZaloApi``)."""

from .server import FakeZaloApi, Sent

__all__ = ["FakeZaloApi", "Sent"]
