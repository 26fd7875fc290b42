"""Officers as the services and adapters see them: roles and the plain ``Officer`` object."""

from __future__ import annotations

from dataclasses import dataclass, field

OFFICER, COORDINATOR, ADMIN = "officer", "coordinator", "administrator"
ROLES = (OFFICER, COORDINATOR, ADMIN)


@dataclass(frozen=True)
class Officer:
    """A registered person as the adapters see them."""

    id: int
    telegram_id: int
    name: str
    unit_id: int | None
    unit_name: str | None
    role: str
    status: str
    settings: dict[str, object] = field(default_factory=dict)

    @property
    def is_active(self) -> bool:
        return self.status == "active"

    @property
    def is_coordinator(self) -> bool:
        """Coordinators and administrators manage officers and plans."""
        return self.is_active and self.role in (COORDINATOR, ADMIN)
