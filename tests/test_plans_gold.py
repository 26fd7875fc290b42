"""The parser scored against the hand annotations of the five seed plans (text and .docx).

Figures are printed to the terminal even without ``-s``:
    .venv/bin/python -m pytest tests/test_plans_gold.py -q
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz import fuzz

from bot.plans import read_plan
from bot.text import fold
from tests.conftest import ROOT, SEEDS, gold_or_skip, seeds_or_skip

RECALL_MIN = PRECISION_MIN = 0.98
UNITS_MIN = 0.95
DEADLINE_MIN = 0.98


def load_docx_builder() -> Any:
    """samples/build_docx.py, the script that writes a plan's .docx (not a package)."""
    spec = importlib.util.spec_from_file_location("build_docx", ROOT / "samples" / "build_docx.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Score:
    """How one parsed plan compares with its gold annotation."""

    name: str
    gold: int
    found: int
    matched: int
    units_ok: int
    deadline_ok: int
    in_text_ok: int

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0


def score(name: str, gold: list[dict[str, Any]], got: list[dict[str, Any]]) -> Score:
    """Match tasks by content (fuzzy, folded; the same ref breaks ties), then compare fields."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        best, best_i = 0.0, None
        for i, t in enumerate(got):
            if i in used:
                continue
            s = fuzz.ratio(fold(g["content"]), fold(t["content"])) + (
                5 if t["ref"] == g["ref"] else 0
            )
            if s > best:
                best, best_i = s, i
        if best_i is not None and best >= 90:
            used.add(best_i)
            pairs.append((g, got[best_i]))
    return Score(
        name,
        len(gold),
        len(got),
        len(pairs),
        sum(g["lead"] == t["lead"] and g["support"] == t["support"] for g, t in pairs),
        sum(g["deadline"] == t["deadline"] for g, t in pairs),
        sum(g["deadline_in_text"] == t["deadline_in_text"] for g, t in pairs),
    )


def report(title: str, scores: list[Score]) -> tuple[float, float, float, float, str]:
    """Print a table of the figures and return the totals."""
    lines = [
        f"\n{title}",
        f"{'plan':<24}{'gold':>5}{'found':>6}{'match':>6}{'units':>6}{'time':>6}{'intext':>7}",
    ]
    for s in scores:
        lines.append(
            f"{s.name:<24}{s.gold:>5}{s.found:>6}{s.matched:>6}{s.units_ok:>6}{s.deadline_ok:>6}{s.in_text_ok:>7}"
        )
    gold = sum(s.gold for s in scores)
    found = sum(s.found for s in scores)
    matched = sum(s.matched for s in scores)
    recall, precision = matched / gold, matched / found
    units = sum(s.units_ok for s in scores) / matched
    deadline = sum(s.deadline_ok for s in scores) / matched
    in_text = sum(s.in_text_ok for s in scores) / matched
    lines.append(
        f"recall {recall:.3f}  precision {precision:.3f}  lead+support exact {units:.3f}  "
        f"deadline exact {deadline:.3f}  deadline_in_text exact {in_text:.3f}"
    )
    return recall, precision, units, deadline, "\n".join(lines)


def _check(capsys: pytest.CaptureFixture[str], title: str, scores: list[Score]) -> None:
    recall, precision, units, deadline, text = report(title, scores)
    with capsys.disabled():
        print(text)
    assert recall >= RECALL_MIN
    assert precision >= PRECISION_MIN
    assert units >= UNITS_MIN
    assert deadline >= DEADLINE_MIN


@pytest.fixture(scope="module")
def gold_plans() -> list[tuple[Path, dict[str, Any]]]:
    paths = gold_or_skip()
    seeds_or_skip()
    return [(p, json.loads(p.read_text(encoding="utf-8"))) for p in paths]


@pytest.fixture(scope="module")
def gold_docx(
    gold_plans: list[tuple[Path, dict[str, Any]]], tmp_path_factory: pytest.TempPathFactory
) -> list[Path]:
    """.docx versions of the seeds built from the gold: real tables, merged lead cells, lists."""
    builder = load_docx_builder()
    folder = tmp_path_factory.mktemp("gold_docx")
    out = []
    for k, (path, gold) in enumerate(gold_plans):
        target = folder / (path.stem + ".docx")
        target.write_bytes(builder.plan_docx(gold, layout=k))
        out.append(target)
    return out


def test_the_text_seeds_score_at_least_the_targets_against_the_gold(
    gold_plans: list[tuple[Path, dict[str, Any]]], capsys: pytest.CaptureFixture[str]
) -> None:
    scores = []
    for path, gold in gold_plans:
        plan = read_plan(SEEDS / gold["file"])
        scores.append(score(path.stem[:20], gold["tasks"], [t.to_json() for t in plan.tasks]))
    _check(capsys, "Seeds (text export) vs gold", scores)


def test_docx_built_from_the_gold_scores_the_same(
    gold_plans: list[tuple[Path, dict[str, Any]]],
    gold_docx: list[Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    scores = []
    for (path, gold), docx_path in zip(gold_plans, gold_docx, strict=True):
        plan = read_plan(docx_path)
        scores.append(score(path.stem[:20], gold["tasks"], [t.to_json() for t in plan.tasks]))
    _check(capsys, "Seeds (.docx built from gold) vs gold", scores)


def test_the_docx_really_has_vertically_merged_lead_cells(gold_docx: list[Path]) -> None:
    import docx

    merged = 0
    for path in gold_docx:
        table_xml = docx.Document(str(path)).element.body.xml
        merged += table_xml.count("<w:vMerge/>")
    assert merged > 50


def test_issuer_and_year_of_each_seed_match_the_gold(
    gold_plans: list[tuple[Path, dict[str, Any]]],
) -> None:
    for _path, gold in gold_plans:
        plan = read_plan(SEEDS / gold["file"])
        assert (plan.issuer, plan.year) == (gold["issuer"], gold["year"])
