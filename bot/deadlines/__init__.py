"""Deadlines: Vietnamese time phrases → schedules, working days, and rendering back."""

from bot.deadlines.calendar import WorkCalendar
from bot.deadlines.parser import parse_deadline, task_context
from bot.deadlines.render import countdown, describe_next, next_occurrence
from bot.deadlines.schedule import KINDS, Occurrence, Rule, Schedule

__all__ = [
    "KINDS",
    "Occurrence",
    "Rule",
    "Schedule",
    "WorkCalendar",
    "countdown",
    "describe_next",
    "next_occurrence",
    "parse_deadline",
    "task_context",
]
