"""The audit trail's writer for ``services.progress``, the last service that still passes a
session; every other records through ``uow.audit``. Both are ``store.audit_repo.audit``, the one
writer. Remove this module once ``services.progress`` takes a unit of work."""

from __future__ import annotations

from store.audit_repo import audit as audit
