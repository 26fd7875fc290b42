"""What a revised plan changes, task by task: added, removed, deadlines moved, units changed.

The import pairs the revision's tasks with the stored ones (``services.imports.match_tasks``);
this module only records and words the differences of those pairs for the preview.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SHOWN = 3  # lines shown per kind of change in a preview, the rest counted
_TEXT = 60  # characters of a task's content shown


def _short(text: str, limit: int = _TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _units(mentions: list[tuple[str, str]]) -> str:
    lead = [m for r, m in mentions if r == "lead"]
    support = [m for r, m in mentions if r == "support"]
    text = "; ".join(lead) or "—"
    return text + (f" (phối hợp: {'; '.join(support)})" if support else "")


@dataclass
class PlanChanges:
    """The differences between a stored plan and its revision (plain Vietnamese lines)."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)  # deadlines
    units: list[str] = field(default_factory=list)

    def add_task(self, ref: str, content: str) -> None:
        self.added.append(f"{ref}: {_short(content)}")

    def remove_task(self, ref: str, content: str) -> None:
        self.removed.append(f"{ref}: {_short(content)}")

    def deadline(self, ref: str, old: str | None, new: str | None) -> None:
        if (old or "") != (new or ""):
            self.moved.append(f"{ref}: {_short(old or '—', 40)} → {_short(new or '—', 40)}")

    def mentions(self, ref: str, old: list[tuple[str, str]], new: list[tuple[str, str]]) -> None:
        self.units.append(f"{ref}: {_short(_units(old), 70)} → {_short(_units(new), 70)}")

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.moved or self.units)

    def lines(self, shown: int = SHOWN) -> list[str]:
        """A few lines of each kind of change, then "và N thay đổi khác"."""
        out: list[str] = []
        for title, items in (
            ("➕ Việc mới", self.added),
            ("➖ Việc bỏ", self.removed),
            ("📅 Đổi thời hạn", self.moved),
            ("👥 Đổi đơn vị", self.units),
        ):
            if not items:
                continue
            out.append(f"{title} ({len(items)}):")
            out.extend(f"  • {x}" for x in items[:shown])
            if len(items) > shown:
                out.append(f"  … và {len(items) - shown} thay đổi khác")
        return out

    def to_json(self) -> dict[str, list[str]]:
        return {
            "added": self.added,
            "removed": self.removed,
            "deadlines": self.moved,
            "units": self.units,
        }
