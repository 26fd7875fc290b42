"""Writes ../gold/<plan>.json from the hand-written task lists in this folder (run once, before
build.py; the JSON files are the gold, this is only how they were typed)."""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from p1_p2 import P1, P2
from p3_p4 import P3, P4
from p5_p6 import P5, P6
from p7_p9 import P7, P8, P9
from p10 import P10

EXT = {"ct_ubnd_2026": "xlsx", "ld_ttpvhcc_2026": "xlsx"}
OUT = os.path.join(os.path.dirname(__file__), "..", "gold")


def emit(p):
    tasks = []
    for label, title, items in p["sections"]:
        n = 0
        last = None
        for it in items:
            if it["ref"]:
                ref = it["ref"]
            elif it["sub"]:
                ref = last + it["sub"]
            else:
                n += 1
                ref = f"{label}.{n}"
            if not it["sub"]:
                last = ref
            tasks.append(
                dict(
                    ref=ref,
                    section=title,
                    content=it["content"],
                    result=it["result"],
                    lead=it["lead"],
                    support=it["support"],
                    deadline=it["deadline"],
                    deadline_in_text=it["deadline_in_text"],
                    notes=it["notes"],
                    inferred=it["inferred"],
                )
            )
    refs = [t["ref"] for t in tasks]
    assert len(refs) == len(set(refs)), p["stem"]
    ext = EXT.get(p["stem"], "docx")
    g = dict(
        file=f"{p['stem']}.{ext}",
        issuer=p["issuer"],
        year=p["year"],
        number=p["number"],
        tasks=tasks,
    )
    with open(os.path.join(OUT, p["stem"] + ".json"), "w", encoding="utf-8") as f:
        json.dump(g, f, ensure_ascii=False, indent=2)
        f.write("\n")
    return len(tasks)


tot = 0
for p in (P1, P2, P3, P4, P5, P6, P7, P8, P9, P10):
    k = emit(p)
    tot += k
    print(p["stem"], k)
print("total", tot)
