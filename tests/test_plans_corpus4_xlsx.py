"""The fourth blind corpus's workbooks (tests/data/plans/corpus4, form xlsx) scored against gold.

Written, gold first, by someone who never read the importer (see its README). Figures of
`bench/corpus_score.py tests/data/plans/corpus4 --form xlsx` (recall / precision /
lead+support exact / deadline exact / deadline_in_text exact):

    before the c4x fixes   0.694 1.000 1.000 1.000 1.000
    after                  1.000 1.000 1.000 1.000 1.000

The misses were classes, fixed as classes: of a workbook with one sheet per part of the plan
(each with its own title block "Phần II. <title>", header and a formula row counting its
tasks), only the sheet with the most tasks was read; now every visible sheet holding a task
table is, in order, its part heading the section. A lead time in the notes counted to an event
("trước ít nhất 10 ngày làm việc tính đến ngày văn bản có hiệu lực") lost its event. The
floors are the figures measured.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.plans import read_plan
from tests.test_plans_gold import Score, score

CORPUS = Path(__file__).parent / "data" / "plans" / "corpus4"
FLOORS = (1.0, 1.0, 1.0, 1.0, 1.0)  # recall, precision, units, deadline, in-text


def _entries() -> list[dict[str, Any]]:
    manifest = CORPUS / "manifest.json"
    if not manifest.is_file():
        pytest.skip(f"corpus4 is absent ({manifest} not found)")
    entries = [e for e in json.loads(manifest.read_text(encoding="utf-8")) if e["form"] == "xlsx"]
    missing = [e["file"] for e in entries if not (CORPUS / e["file"]).is_file()]
    if not entries or missing:
        pytest.skip(f"corpus4 workbooks are absent: {', '.join(missing) or 'none listed'}")
    return entries


def _score(entry: dict[str, Any]) -> Score:
    gold = json.loads((CORPUS / entry["gold"]).read_text(encoding="utf-8"))
    draft = read_plan(CORPUS / entry["file"])
    if gold.get("number"):
        assert draft.number == gold["number"]
    return score(Path(entry["file"]).name, gold["tasks"], draft.to_json()["tasks"])


def _figures(scores: list[Score]) -> tuple[float, ...]:
    matched = sum(s.matched for s in scores)
    return (
        matched / sum(s.gold for s in scores),
        matched / sum(s.found for s in scores),
        sum(s.units_ok for s in scores) / matched,
        sum(s.deadline_ok for s in scores) / matched,
        sum(s.in_text_ok for s in scores) / matched,
    )


def _at_floors(figures: tuple[float, ...]) -> bool:
    return all(x >= floor for x, floor in zip(figures, FLOORS, strict=True))


def test_the_corpus4_workbooks_read_at_their_measured_figures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    scores = [_score(e) for e in _entries()]
    for s in scores:
        assert _at_floors(_figures([s])), s.name
    totals = _figures(scores)
    with capsys.disabled():
        print(
            "\ncorpus4 xlsx: recall/precision/units/deadline/in-text "
            + " ".join(f"{x:.3f}" for x in totals)
        )
    assert _at_floors(totals)
