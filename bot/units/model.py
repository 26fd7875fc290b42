"""Units and groups of a deployment's directory, and a match of a mention to one of them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.text import fold


class Kind(StrEnum):
    """What a unit is; groups are rules over these kinds."""

    PROVINCE = "province"  # Ủy ban nhân dân tỉnh itself (the usual issuer)
    PROVINCIAL_OFFICE = "provincial_office"  # Văn phòng UBND tỉnh
    DEPARTMENT = "department"  # Sở ...
    AGENCY = "agency"  # another body under the provincial committee (Ban Quản lý, Báo...)
    SERVICE_CENTRE = "service_centre"  # Trung tâm Phục vụ hành chính công
    COMMUNE = "commune"  # xã, phường, đặc khu (and thị trấn before 2025)
    DISTRICT = "district"  # huyện, thị xã, thành phố thuộc tỉnh (gone since 1/7/2025)
    CENTRAL = "central_agency"  # a central agency organised in the province (Công an tỉnh...)
    DIVISION = "division"  # a division inside a department or office (Văn phòng Sở)
    OUTSIDE = "outside_body"  # a body outside the province's administration
    GROUP = "group"


@dataclass(frozen=True)
class Unit:
    """A unit or a group; ``rule`` says which kinds (and keys) a group covers."""

    id: int | None
    key: str
    name: str
    kind: str
    is_group: bool = False
    rule: Mapping[str, Any] | None = None
    parent_key: str | None = None
    successor_key: str | None = None
    aliases: tuple[str, ...] = ()
    short_name: str | None = None
    code: str | None = None

    @property
    def active(self) -> bool:
        """A unit succeeded by another (2025 mergers) is kept only as a predecessor."""
        return self.successor_key is None

    @property
    def reminds(self) -> bool:
        """False for the 'related bodies' group: nobody is reminded by it alone."""
        return not (self.rule or {}).get("unresolved", False)

    @property
    def label(self) -> str:
        """The short name when there is one (for notes such as 'Sở TT&TT nay là Sở KH&CN')."""
        return self.short_name or self.name

    def covers(self, unit: Unit) -> bool:
        """True when this group's rule covers ``unit`` (by kind, parent or listed key)."""
        if not self.is_group or not self.rule or unit.is_group:
            return False
        rule = self.rule
        if unit.key in (rule.get("members") or ()):
            return True
        kinds = rule.get("kinds") or ()
        if unit.kind not in kinds:
            return False
        parent = rule.get("parent_key")
        if parent is not None and unit.parent_key != parent:
            return False
        prefix = rule.get("name_prefix")
        return prefix is None or fold(unit.name).startswith(str(prefix))


@dataclass(frozen=True)
class Match:
    """One candidate for a mention: the unit (a successor when the mention named a predecessor)."""

    unit: Unit
    score: float
    note: str | None = None

    @property
    def is_group(self) -> bool:
        return self.unit.is_group
