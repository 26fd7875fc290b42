"""SQLAlchemy table models. Rows become domain objects before they leave ``store/``."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of every table."""


class PlanRow(Base):
    """An imported plan document."""

    __tablename__ = "plans"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Identity of a plan across revisions: issuer + number (+ year), or the file name when unnumbered.
    identity: Mapped[str] = mapped_column(String(400), unique=True)
    source: Mapped[str] = mapped_column(String(400))
    issuer: Mapped[str | None] = mapped_column(String(300))
    year: Mapped[int | None] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(Text)
    doc_date: Mapped[date | None] = mapped_column(Date)
    fingerprint: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class TaskRow(Base):
    """One task of a plan; updated in place on re-import so officers' records stay attached."""

    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    ref: Mapped[str] = mapped_column(String(40))
    section: Mapped[str | None] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)
    result: Mapped[str | None] = mapped_column(Text)
    deadline: Mapped[str | None] = mapped_column(Text)
    deadline_in_text: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    inferred: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The parsed schedule (bot.deadlines) as JSON, and its headline kind and flags.
    schedule: Mapped[dict[str, object] | None] = mapped_column(JSON)
    schedule_kind: Mapped[str | None] = mapped_column(String(30), index=True)
    ongoing: Mapped[bool] = mapped_column(Boolean, default=False)
    deadline_unknown: Mapped[bool] = mapped_column(Boolean, default=False)
    # Folded (no diacritics, lower case) content + result + notes, for topic search.
    search_text: Mapped[str] = mapped_column(Text, default="")
    # False when a revised plan no longer has this task; kept for officers' records.
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    # The few inactive tasks, for the questions' "not inactive" filter (migration
    # 0002_question_indexes).
    __table_args__ = (
        Index(
            "ix_tasks_inactive",
            "id",
            sqlite_where=text("active = 0"),
            postgresql_where=text("NOT active"),
        ),
        # The active ongoing tasks, for "việc thường xuyên" (migration 0004).
        Index(
            "ix_tasks_ongoing",
            "id",
            sqlite_where=text("ongoing = 1 AND active = 1"),
            postgresql_where=text("ongoing AND active"),
        ),
    )


class TaskDueRow(Base):
    """One due date (occurrence) of a task, materialised at import for fast period queries."""

    __tablename__ = "task_due"
    __table_args__ = (
        UniqueConstraint("task_id", "due_date"),
        # Covering indexes for the questions (migration 0002_question_indexes).
        Index("ix_task_due_task_last", "task_id", "last_day", "due_date", "before"),
        Index("ix_task_due_last_task", "last_day", "task_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    due_date: Mapped[date] = mapped_column(Date, index=True)  # nominal date as written
    last_day: Mapped[date] = mapped_column(Date, index=True)  # real last working day
    before: Mapped[bool] = mapped_column(Boolean, default=False)


class UnitRow(Base):
    """A unit of the deployment's directory, or a group (a rule over kinds)."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str | None] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(40), index=True)
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)
    # For a group: the kinds it covers (and optional scope), as JSON.
    rule: Mapped[dict[str, object] | None] = mapped_column(JSON)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    successor_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    code: Mapped[str | None] = mapped_column(String(20))  # administrative code (communes)


class UnitAliasRow(Base):
    """Another way a unit is written; ``folded`` is its search form."""

    __tablename__ = "unit_aliases"
    __table_args__ = (UniqueConstraint("unit_id", "folded"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    folded: Mapped[str] = mapped_column(String(300), index=True)


class TaskUnitRow(Base):
    """A unit mention of a task (lead or support), resolved to a unit or group when possible."""

    __tablename__ = "task_units"
    # Covering index for a unit's tasks and role (migration 0002_question_indexes).
    __table_args__ = (Index("ix_task_units_unit_task", "unit_id", "task_id", "role"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(10))  # lead | support
    mention: Mapped[str] = mapped_column(Text)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    note: Mapped[str | None] = mapped_column(Text)


class OfficerRow(Base):
    """A person using the bot: officer, coordinator or administrator."""

    __tablename__ = "officers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    name: Mapped[str] = mapped_column(String(200))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="officer")
    # pending (waiting for approval) | active | rejected | removed
    status: Mapped[str] = mapped_column(String(20), default="active")
    # Reminder settings: lead days, hour, cooperating on/off, digest on/off.
    settings: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    chat_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # When a coordinator approved or rejected the request (a rejected newcomer's cool-down;
    # migration 0006).
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class GroupChatRow(Base):
    """A Telegram group linked to one unit by ``linked_by`` (its admin: unit officer/coordinator)."""

    __tablename__ = "group_chats"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    title: Mapped[str | None] = mapped_column(String(300))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    linked_by: Mapped[int | None] = mapped_column(BigInteger)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class InviteRow(Base):
    """A single-use, expiring invite code for a unit; only its hash is stored."""

    __tablename__ = "invites"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    role: Mapped[str] = mapped_column(String(20), default="officer")
    created_by: Mapped[int | None] = mapped_column(BigInteger)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    used_by: Mapped[int | None] = mapped_column(BigInteger)


class CompletionRow(Base):
    """A unit marked one occurrence of a task done (✅); stops its reminders."""

    __tablename__ = "completions"
    __table_args__ = (UniqueConstraint("task_id", "unit_id", "due_date"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    due_date: Mapped[date] = mapped_column(Date)  # the occurrence; 1900-01-01 for undated tasks
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    done_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    note: Mapped[str | None] = mapped_column(Text)


class SnoozeRow(Base):
    """An officer moved the next reminder of an occurrence (⏰)."""

    __tablename__ = "snoozes"
    __table_args__ = (UniqueConstraint("task_id", "officer_id", "due_date"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"), index=True)
    due_date: Mapped[date] = mapped_column(Date)
    until: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AssignmentRow(Base):
    """A unit's task, or one occurrence of it, assigned to one of its officers (``/giao``,
    migration 0011): its reminders go to that officer, not to the unit's others."""

    __tablename__ = "assignments"
    __table_args__ = (
        UniqueConstraint("task_id", "unit_id", "due_date", name="uq_assignments_occurrence"),
        Index("ix_assignments_unit_task", "unit_id", "task_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    due_date: Mapped[date] = mapped_column(Date)  # the occurrence; 1900-01-01 for the whole task
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"), index=True)
    assigned_by: Mapped[int | None] = mapped_column(BigInteger)  # Telegram id of who assigned
    assigned_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EvidenceRow(Base):
    """The report attached to a completion (✅): its number and/or the Telegram file, never
    downloaded (migration 0012); goes with the completion (``ON DELETE CASCADE``)."""

    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("completion_id", name="uq_evidence_completion"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    completion_id: Mapped[int] = mapped_column(ForeignKey("completions.id", ondelete="CASCADE"))
    number: Mapped[str | None] = mapped_column(String(64))  # "123/BC-STP"
    file_id: Mapped[str | None] = mapped_column(String(256))  # Telegram's, to re-send it
    file_unique_id: Mapped[str | None] = mapped_column(String(64))
    file_name: Mapped[str | None] = mapped_column(String(255))
    file_size: Mapped[int | None] = mapped_column(BigInteger)
    mime_type: Mapped[str | None] = mapped_column(String(127))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    attached_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EvidenceWaitRow(Base):
    """Someone pressed 📎 Gửi kèm báo cáo: the next number or file they send in this chat is for
    this completion, until ``expires_at`` (kept in the store so that any replica takes it)."""

    __tablename__ = "evidence_waits"
    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    due_date: Mapped[date] = mapped_column(Date)  # 1900-01-01 for undated tasks
    prompt_id: Mapped[int | None] = mapped_column(BigInteger)  # the bot's message asking for it
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class OutboxRow(Base):
    """One message to send; unique per (recipient, task, occurrence, kind) so re-planning never doubles."""

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("chat_id", "task_id", "due_date", "kind", name="uq_outbox_once"),
        Index("ix_outbox_status_send_at", "status", "send_at"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    # The occurrence (or the digest's day for digests).
    due_date: Mapped[date] = mapped_column(Date)
    # e.g. before3, before1, dayof, overdue:2025-08-21, digest, weekly, monthstart
    kind: Mapped[str] = mapped_column(String(40))
    send_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # pending | claimed | sent | dropped | failed
    status: Mapped[str] = mapped_column(String(12), default="pending")
    text: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    next_try_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    last_error: Mapped[str | None] = mapped_column(Text)


class DayOffRow(Base):
    """An extra day off added by an administrator (beyond the public holidays)."""

    __tablename__ = "days_off"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    note: Mapped[str | None] = mapped_column(String(200))


class SettingRow(Base):
    """Deployment-wide settings kept in the store (e.g. the province)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RevisionRow(Base):
    """A token that triggers change whenever what it names changes (``units``: the unit
    directory, its aliases and the settings), so caches can tell in one read whether they are
    stale (migration 0003)."""

    __tablename__ = "revisions"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    token: Mapped[str] = mapped_column(String(64))


class AuditRow(Base):
    """Who did what: approvals, imports, done, snooze, role changes."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor: Mapped[int | None] = mapped_column(BigInteger)
    action: Mapped[str] = mapped_column(String(60))
    detail: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


class ZaloChatRow(Base):
    """An officer's Zalo chat (migration 0007): where their Zalo answers and reminders go.
    ``state`` remembers which number meant which occurrence (``numbers``) and what "xem thêm"
    continues (``more``)."""

    __tablename__ = "zalo_chats"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"), unique=True)
    zalo_user_id: Mapped[str] = mapped_column(String(64), unique=True)
    chat_id: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    state: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    linked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ZaloGroupRow(Base):
    """A Zalo group linked to a unit (by an officer of that unit or a coordinator): members who
    mention the bot read the unit's tasks there. ``state`` as in ``ZaloChatRow``."""

    __tablename__ = "zalo_groups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[str] = mapped_column(String(64), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    linked_by: Mapped[int | None] = mapped_column(ForeignKey("officers.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    state: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ZaloPairingRow(Base):
    """A single-use code shown on Telegram that links the officer's Zalo chat (hash only)."""

    __tablename__ = "zalo_pairings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id"), index=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ZaloSeenRow(Base):
    """A Zalo message already handled: each message id is handled once, across restarts."""

    __tablename__ = "zalo_seen"
    message_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class ZaloQuotaRow(Base):
    """Messages per Zalo bot and month (both ways); ``warned``: admins told the cap is near."""

    __tablename__ = "zalo_quota"
    __table_args__ = (UniqueConstraint("bot_id", "month", name="uq_zalo_quota_month"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bot_id: Mapped[str] = mapped_column(String(64))
    month: Mapped[str] = mapped_column(String(7))  # yyyy-mm
    count: Mapped[int] = mapped_column(Integer, default=0)
    warned: Mapped[bool] = mapped_column(Boolean, default=False)
