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

from store.tasks_view.details import (
    ScheduleSource,
    TaskText,
    by_ref,
    deadline_cells,
    dues_with_sources,
    load,
    refs_like,
    texts,
)
from store.tasks_view.directory import covering, directory, scope_for
from store.tasks_view.model import Due, Hit, Page, Scope, TaskView
from store.tasks_view.occurrences import (
    latest_past,
    missed_since_import,
    occurrence_page,
    occurrences,
)
from store.tasks_view.sql import SLACK
from store.tasks_view.task_lists import task_page, tasks_of
from store.tasks_view.topics import (
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
    "TaskText",
    "TaskView",
    "deadline_cells",
    "texts",
    "by_ref",
    "refs_like",
    "covering",
    "directory",
    "dues_with_sources",
    "latest_past",
    "load",
    "matches_topic",
    "missed_since_import",
    "occurrence_page",
    "occurrences",
    "ranked_topic_ids",
    "report_tasks",
    "scope_for",
    "task_page",
    "tasks_of",
    "topic_variants",
]
