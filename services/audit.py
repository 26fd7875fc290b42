"""The audit trail: one row per change made through the services (written in ``store``)."""

from __future__ import annotations

from bot.clock import to_utc
from store.audit_repo import audit as audit

# The name services.zalo imported; new code: to_utc.
utc = to_utc
