"""Writes ../gold/<plan>.json from the typed task lists (q1_q2.py, q3_q4.py, q5_q6.py)."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import q1_q2, q3_q4, q5_q6  # noqa: E402

ALL = q1_q2.PLANS + q3_q4.PLANS + q5_q6.PLANS

if __name__ == "__main__":
    out = os.path.join(HERE, "..", "gold")
    total = 0
    for p in ALL:
        g = p.gold()
        refs = [t["ref"] for t in g["tasks"]]
        assert len(refs) == len(set(refs)), p.stem
        assert 15 <= len(refs) <= 25, (p.stem, len(refs))
        for t in g["tasks"]:
            if t["deadline_in_text"]:
                for piece in t["deadline_in_text"].split("; "):
                    assert piece in (t["content"] or "") + " " + (t["notes"] or ""), (t["ref"], piece)
        with open(os.path.join(out, p.stem + ".json"), "w", encoding="utf-8") as fh:
            json.dump(g, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        total += len(refs)
        print(p.stem, len(refs))
    print("total", total)
