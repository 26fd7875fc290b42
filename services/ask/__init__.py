"""Answer an officer's question from the store (``ask``): read it, query the tasks, shape a
short reply. Modules: ``answer`` (the entry point and the intent table), ``lists`` (answers that
list tasks), ``details`` (one task's detail, a report's next date), ``shaping`` (statuses, items,
grouped lists), ``model`` (what an answer holds)."""

from services.ask.answer import ask
from services.ask.model import PAGE_SIZE, UPCOMING_DAYS, Answer, AnsweredTask

__all__ = ["PAGE_SIZE", "UPCOMING_DAYS", "Answer", "AnsweredTask", "ask"]
