"""Queries of the tasks a unit owes: in a period, overdue, upcoming, ongoing, by topic, by ref.

Used by ``services.ask``. Period queries go through the materialised ``task_due`` table
(indexed on last_day) joined to ``task_units`` (indexed on unit_id), so they stay fast with
100,000 tasks. An occurrence belongs to a period when its real last day (the last working day,
before a "trước" date) falls in it. The hot statements are built once per shape with bound
parameters (building and keying one costs as much as running it).

Modules: ``model`` (what the queries return), ``directory`` (the cached unit directory and a
unit's scope), ``occurrences`` (a period's occurrences, overdue ones), ``task_lists`` (each task
once by its next date), ``topics`` (topic search, report rhythm), ``details`` (task details, by
ref, schedule sources), ``sql`` (shared SQL pieces).
"""

from services.tasks_view.details import (
    ScheduleSource,
    by_ref,
    dues_with_sources,
    load,
    refs_like,
)
from services.tasks_view.directory import covering, directory, scope_for
from services.tasks_view.model import Due, Hit, Page, Scope, TaskView
from services.tasks_view.occurrences import latest_past, occurrence_page, occurrences
from services.tasks_view.sql import SLACK
from services.tasks_view.task_lists import task_page, tasks_of
from services.tasks_view.topics import (
    matches_topic,
    ranked_topic_ids,
    report_tasks,
    topic_variants,
)

__all__ = [
    "SLACK",
    "Due",
    "Hit",
    "Page",
    "ScheduleSource",
    "Scope",
    "TaskView",
    "by_ref",
    "refs_like",
    "covering",
    "directory",
    "dues_with_sources",
    "latest_past",
    "load",
    "matches_topic",
    "occurrence_page",
    "occurrences",
    "ranked_topic_ids",
    "report_tasks",
    "scope_for",
    "task_page",
    "tasks_of",
    "topic_variants",
]
