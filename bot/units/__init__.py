"""Units: the deployment's directory, the matcher and the splitting of plan mentions."""

from bot.units.builtin import builtin_units, country_units, find_province
from bot.units.directory import Directory
from bot.units.matcher import SCORE_CUTOFF, match
from bot.units.model import Kind, Match, Unit
from bot.units.split import split_mentions

__all__ = [
    "SCORE_CUTOFF",
    "Directory",
    "Kind",
    "Match",
    "Unit",
    "builtin_units",
    "country_units",
    "find_province",
    "match",
    "split_mentions",
]
