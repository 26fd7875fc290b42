"""The audit trail's writer, for the services that still pass a session (``services.progress``,
``services.status_nudge``); the others record through ``uow.audit``. Both are
``store.audit_repo.audit``, the one writer."""

from __future__ import annotations

from store.audit_repo import audit as audit
