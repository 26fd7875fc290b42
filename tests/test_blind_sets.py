"""The blind batches (tests/data/blind/): scored as bench/blind_score.py scores them.

Each floor is the figure the batch reached when its fixes landed; a change that loses ground on
words nobody wrote for the code fails here. The question part needs ../shared/seeds.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import SEEDS

BLIND = Path(__file__).parent / "data" / "blind"
ROOT = Path(__file__).resolve().parent.parent

# batch -> part -> the lowest rate allowed
FLOORS = {
    # batch1 reads "tháng đầu quý sau" without January of the plan year; batches 2 and 7 with it.
    "batch1": {"deadlines": 0.98, "units": 1.0, "non_units": 1.0, "questions": 0.95},
    "batch2": {"deadlines": 1.0, "units": 1.0, "non_units": 1.0, "questions": 0.93},
    "batch4": {"deadlines": 1.0, "units": 1.0, "non_units": 1.0, "questions": 0.98},
    "batch5": {"deadlines": 1.0, "units": 1.0, "non_units": 1.0, "questions": 0.99},
    "batch6": {"deadlines": 1.0, "units": 1.0, "non_units": 1.0, "questions": 0.97},
    "batch7": {"deadlines": 1.0, "units": 1.0, "non_units": 1.0, "questions": 0.99},
    "batch8": {"deadlines": 1.0, "units": 1.0, "non_units": 1.0, "questions": 0.99},
    "batch9": {"deadlines": 1.0, "units": 1.0, "non_units": 1.0, "questions": 0.99},
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("blind_score", ROOT / "bench" / "blind_score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["blind_score"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("batch", sorted(FLOORS))
def test_blind_deadline_phrases_hold_their_floor(batch: str) -> None:
    score = _scorer().score_deadlines(BLIND / batch / "deadlines.tsv")
    print(f"\n{batch} {score.line()}")
    assert score.total >= 100
    assert score.rate >= FLOORS[batch]["deadlines"], score.misses


@pytest.mark.parametrize("batch", sorted(FLOORS))
def test_blind_unit_queries_hold_their_floor(batch: str) -> None:
    units, none = _scorer().score_units(BLIND / batch / "units.tsv")
    print(f"\n{batch} {units.line()}; {none.line()}")
    assert units.total >= 100 and none.total >= 40
    assert units.rate >= FLOORS[batch]["units"], units.misses
    assert none.rate >= FLOORS[batch]["non_units"], none.misses


@pytest.mark.parametrize("batch", sorted(FLOORS))
def test_blind_questions_hold_their_floor(batch: str) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed plans not found at {SEEDS}")
    score = _scorer().score_questions(BLIND / batch / "questions.tsv")
    print(f"\n{batch} {score.line()}")
    assert score.total >= 200
    assert score.rate >= FLOORS[batch]["questions"], score.misses
