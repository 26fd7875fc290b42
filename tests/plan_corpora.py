"""Scoring a blind plan corpus (tests/data/plans/corpusN) form by form against its gold.

Each corpus has a manifest.json listing its files (file, gold, form); the tests keep floors at
the figures measured: recall, precision, lead+support exact, deadline exact, deadline_in_text
exact (as `bench/corpus_score.py` prints them).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from bot.plans import read_plan
from tests.test_plans_gold import Score, score

PLANS = Path(__file__).parent / "data" / "plans"
ALL_ONES = (1.0, 1.0, 1.0, 1.0, 1.0)


def entries(corpus: str, form: str | None = None) -> list[dict[str, Any]]:
    """The manifest's entries (of one form), skipping with a reason when absent or unreadable."""
    manifest = PLANS / corpus / "manifest.json"
    if not manifest.is_file():
        pytest.skip(f"{corpus} is absent ({manifest})")
    listed: list[dict[str, Any]] = json.loads(manifest.read_text(encoding="utf-8"))
    if form is None:
        return listed
    chosen = [e for e in listed if e["form"] == form]
    missing = [e["file"] for e in chosen if not (PLANS / corpus / e["file"]).is_file()]
    if not chosen or missing:
        pytest.skip(f"{corpus} {form} files are absent: {', '.join(missing) or 'none listed'}")
    if form == "doc" and not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) is not installed: .doc files cannot be converted")
    return chosen


def plans_and_tasks(corpus: str) -> tuple[int, int]:
    golds = {e["gold"] for e in entries(corpus)}
    tasks = sum(len(json.loads((PLANS / corpus / g).read_text())["tasks"]) for g in golds)
    return len(golds), tasks


def score_entry(corpus: str, entry: dict[str, Any]) -> Score:
    """One file read by the importer and compared with its gold (its plan number too)."""
    path = PLANS / corpus / entry["file"]
    gold = json.loads((PLANS / corpus / entry["gold"]).read_text(encoding="utf-8"))
    draft = read_plan(path)
    if gold.get("number"):
        assert draft.number == gold["number"], path.name
    return score(path.name, gold["tasks"], draft.to_json()["tasks"])


def figures(scores: list[Score]) -> tuple[float, ...]:
    matched = sum(s.matched for s in scores)
    return (
        matched / sum(s.gold for s in scores),
        matched / sum(s.found for s in scores),
        sum(s.units_ok for s in scores) / matched if matched else 0.0,
        sum(s.deadline_ok for s in scores) / matched if matched else 0.0,
        sum(s.in_text_ok for s in scores) / matched if matched else 0.0,
    )


def check_form(
    corpus: str,
    form: str,
    floors: tuple[float, ...] = ALL_ONES,
    *,
    per_file: bool = True,
) -> tuple[float, ...]:
    """Score every file of one form; each file (when ``per_file``) and the totals must reach
    ``floors``. Prints the figures; returns the totals."""
    scores = [score_entry(corpus, e) for e in entries(corpus, form)]
    lines = []
    for s in scores:
        mine = figures([s])
        lines.append(f"{s.name:<28} " + " ".join(f"{x:.3f}" for x in mine))
        if per_file:
            assert all(x >= f for x, f in zip(mine, floors, strict=True)), lines[-1]
    totals = figures(scores)
    print("\n" + "\n".join(lines))
    print(
        f"{corpus} {form}: recall/precision/units/deadline/in-text "
        + " ".join(f"{x:.3f}" for x in totals)
    )
    assert all(x >= f for x, f in zip(totals, floors, strict=True)), (form, totals)
    return totals
