"""Splitting a cell that names several units or groups, from a table of cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.units import split_mentions

CASES = [
    line.split("\t")
    for line in (Path(__file__).parent / "data" / "units" / "split_cases.tsv")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_cell_splits_into_the_units_it_names(text: str, expected: str) -> None:
    assert split_mentions(text) == expected.split(" | ")


def test_an_empty_cell_names_nothing() -> None:
    assert split_mentions("") == []
    assert split_mentions("   ") == []
