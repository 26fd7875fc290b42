"""Plain domain objects shared by every part of the core (frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Role(StrEnum):
    """A unit's part in a task."""

    LEAD = "lead"  # chủ trì
    SUPPORT = "support"  # phối hợp


@dataclass(frozen=True)
class TaskDraft:
    """One task as read from a plan document, before it is stored.

    Field names are the import's JSON names (see ../shared/gold/README.md).
    """

    ref: str
    section: str | None
    content: str
    result: str | None = None
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    deadline: str | None = None
    deadline_in_text: str | None = None
    notes: str | None = None
    inferred: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        """The import's JSON form of this task."""
        return {
            "ref": self.ref,
            "section": self.section,
            "content": self.content,
            "result": self.result,
            "lead": list(self.lead),
            "support": list(self.support),
            "deadline": self.deadline,
            "deadline_in_text": self.deadline_in_text,
            "notes": self.notes,
            "inferred": list(self.inferred),
        }


@dataclass(frozen=True)
class ReadReport:
    """How a document was read: what each column became, and what the reader was unsure of.

    Every line is Vietnamese, for the coordinator; ``warnings`` are the ones to look at first.
    """

    columns: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()
    inferred: tuple[str, ...] = ()

    def to_json(self) -> dict[str, list[str]]:
        return {
            "columns": list(self.columns),
            "warnings": list(self.warnings),
            "skipped": list(self.skipped),
            "inferred": list(self.inferred),
        }


@dataclass(frozen=True)
class PlanDraft:
    """A plan as read from a document: metadata, sections and tasks."""

    source: str
    issuer: str | None
    year: int | None
    number: str | None
    title: str | None
    doc_date: date | None = None
    sections: tuple[str, ...] = ()
    tasks: tuple[TaskDraft, ...] = field(default_factory=tuple)
    # Not part of the plan's content (nor of its fingerprint): how it was read.
    report: ReadReport = field(default_factory=ReadReport, compare=False)
    duplicates: int = 0  # identical rows dropped (kept once), also not part of the JSON

    def to_json(self) -> dict[str, object]:
        """The import's JSON form of this plan."""
        return {
            "source": self.source,
            "issuer": self.issuer,
            "year": self.year,
            "number": self.number,
            "title": self.title,
            "date": self.doc_date.isoformat() if self.doc_date else None,
            "tasks": [t.to_json() for t in self.tasks],
        }
