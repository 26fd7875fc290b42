# Self-check of the corpus (not a reader test): every gold string must occur in its .docx/.xlsx.
# Run from this folder: python3 selfcheck.py
import json
import re

import docx
import openpyxl


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


bad = 0
for m in json.load(open("manifest.json")):
    if m["form"] not in ("docx", "xlsx"):
        continue
    g = json.load(open(m["gold"]))
    if m["form"] == "docx":
        d = docx.Document(m["file"])
        texts = []
        for t in d.tables:
            for row in t.rows:
                for c in row.cells:
                    texts.append(norm(" ".join(p.text for p in c.paragraphs)))
        blob = " | ".join(texts)
    else:
        wb = openpyxl.load_workbook(m["file"])
        blob = " | ".join(
            norm(str(c.value if not hasattr(c.value, "strftime") else c.value.strftime("%d/%m/%Y")))
            for ws in wb
            for row in ws.iter_rows()
            for c in row
            if c.value is not None
        )
    for t in g["tasks"]:
        for f in ("content", "deadline", "result", "notes"):
            v = t[f]
            if v and norm(v) not in blob:
                bad += 1
                print(m["file"], t["ref"], f, v[:60])
        for f in ("lead", "support"):
            for u in t[f]:
                if u not in blob:
                    bad += 1
                    print(m["file"], t["ref"], f, u)
        if t["deadline_in_text"]:
            src = (t["content"] or "") + " " + (t["notes"] or "")
            if t["deadline_in_text"].lower() not in src.lower():
                print("dit not in text", m["file"], t["ref"])
print("missing", bad)
