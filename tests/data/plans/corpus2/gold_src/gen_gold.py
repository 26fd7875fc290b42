"""Writes ../gold/<plan>.json from the typed task lists (p*_p*.py)."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import p1_p2, p3_p4, p5_p6, p7_p8  # noqa: E402

ALL = p1_p2.PLANS + p3_p4.PLANS + p5_p6.PLANS + p7_p8.PLANS

if __name__ == "__main__":
    out = os.path.join(HERE, "..", "gold")
    for p in ALL:
        g = p.gold()
        refs = [t["ref"] for t in g["tasks"]]
        assert len(refs) == len(set(refs)), p.stem
        assert 15 <= len(refs) <= 30, (p.stem, len(refs))
        with open(os.path.join(out, p.stem + ".json"), "w", encoding="utf-8") as fh:
            json.dump(g, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        print(p.stem, len(refs))
