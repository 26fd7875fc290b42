"""Questions: read what an officer asks, and shape the answer (no Telegram, no database)."""

from bot.questions.periods import Period
from bot.questions.reader import Intent, Query, UnitHit, UnitMatcher, read_question

__all__ = ["Intent", "Period", "Query", "UnitHit", "UnitMatcher", "read_question"]
