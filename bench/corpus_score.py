"""Score a corpus of plans (files/*.<ext> + gold/*.json + manifest.json) with the gold scorer.

    .venv/bin/python bench/corpus_score.py /work/corpus [--form docx] [--misses]

Prints, per file, what tests/test_plans_gold.py prints for the seeds (gold, found, matched,
units, time, in-text) and the totals; ``--misses`` lists every task missed or read wrong.
The corpus is blind: read it to measure, never to tune the reader to one of its files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.errors import BadDocument  # noqa: E402
from bot.plans import read_plan  # noqa: E402
from bot.text import fold  # noqa: E402
from tests.test_plans_gold import Score, report, score  # noqa: E402


def _misses(gold: list[dict[str, Any]], got: list[dict[str, Any]]) -> list[str]:
    from rapidfuzz import fuzz

    out = []
    contents = [fold(t["content"]) for t in got]
    for g in gold:
        # Sub-tasks share their content ("5a", "5b"): the same ref breaks ties, as in score().
        best = max(
            range(len(got)),
            key=lambda i: (fuzz.ratio(fold(g["content"]), contents[i]), got[i]["ref"] == g["ref"]),
            default=None,
        )
        if best is None or fuzz.ratio(fold(g["content"]), contents[best]) < 90:
            out.append(f"  MISSED {g['ref']}: {g['content'][:90]}")
            continue
        t = got[best]
        for key in ("lead", "support", "deadline", "deadline_in_text"):
            if g[key] != t[key]:
                out.append(f"  {g['ref']} {key}: gold {g[key]!r} got {t[key]!r}")
    golds = [fold(g["content"]) for g in gold]
    for t in got:
        if max((fuzz.ratio(fold(t["content"]), c) for c in golds), default=0) < 90:
            out.append(f"  EXTRA {t['ref']}: {t['content'][:90]}")
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--form", default="docx")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args(argv)
    manifest = json.loads((args.corpus / "manifest.json").read_text(encoding="utf-8"))
    scores: list[Score] = []
    for entry in manifest:
        if entry.get("form") != args.form:
            continue
        path = args.corpus / entry["file"]
        gold = json.loads((args.corpus / entry["gold"]).read_text(encoding="utf-8"))
        try:
            plan = read_plan(path)
        except BadDocument as exc:
            print(f"{path.name}: refused: {exc.message}")
            scores.append(Score(path.stem[:24], len(gold["tasks"]), 0, 0, 0, 0, 0))
            continue
        got = [t.to_json() for t in plan.tasks]
        scores.append(score(path.stem[:24], gold["tasks"], got))
        if args.misses:
            print(f"{path.name}: number {plan.number!r} (gold {gold.get('number')!r})")
            print("\n".join(_misses(gold["tasks"], got)))
            for w in plan.report.warnings:
                print("  report:", w)
    if not scores:
        print("no file of that form")
        return 1
    print(report(f"{args.corpus} ({args.form})", scores)[4])
    for s in scores:
        units = s.units_ok / s.matched if s.matched else 0.0
        time = s.deadline_ok / s.matched if s.matched else 0.0
        print(
            f"{s.name:<24} recall {s.recall:.3f} precision {s.precision:.3f} "
            f"units {units:.3f} deadline {time:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
