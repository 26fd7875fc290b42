"""Self-check of corpus2 (not a reader test): every gold string occurs in its .docx/.xlsx.

A string is looked for in the text of one cell (paragraphs / Alt+Enter lines joined by a space)
and, for content cut across two rows, in the column read top to bottom.  Also checks that every
PDF/.doc named in the manifest exists and is not empty, that the task counts match the gold,
and that deadline_in_text is a substring of content or notes.

    /work/main/.venv/bin/python selfcheck.py
"""
import json
import os
import re
import sys

import docx
import openpyxl
from docx.oxml.ns import qn

HERE = os.path.dirname(os.path.abspath(__file__))


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def docx_texts(path):
    d = docx.Document(path)
    cells, columns = [], []
    for t in d.tables:
        cols = {}
        first = {norm("".join(x.text or "" for x in tc.iter(qn("w:t")))) for tc in t._tbl.tr_lst[0].tc_lst}
        for tr in t._tbl.tr_lst:
            trPr = tr.trPr
            gi = 0
            if trPr is not None and trPr.find(qn("w:gridBefore")) is not None:
                gi = int(trPr.find(qn("w:gridBefore")).get(qn("w:val")))
            for tc in tr.tc_lst:
                text = norm(" ".join("".join(x.text or "" for x in p.iter(qn("w:t")))
                                     for p in tc.iter(qn("w:p"))))
                cells.append(text)
                if text and text not in first:  # a header repeated inside the table is skipped
                    cols.setdefault(gi, []).append(text)
                gi += tc.grid_span
        columns += [" ".join(v) for v in cols.values()]
    return cells, columns


def xlsx_texts(path):
    wb = openpyxl.load_workbook(path)
    cells = []
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                v = c.value.strftime("%d/%m/%Y") if hasattr(c.value, "strftime") else str(c.value)
                cells.append(norm(v))
    return cells, []


def main():
    os.chdir(HERE)
    bad = 0
    manifest = json.load(open("manifest.json", encoding="utf-8"))
    for m in manifest:
        g = json.load(open(m["gold"], encoding="utf-8"))
        if len(g["tasks"]) != m["tasks"]:
            print("count mismatch", m["file"])
            bad += 1
        if not os.path.exists(m["file"]) or os.path.getsize(m["file"]) < 1000:
            print("missing file", m["file"])
            bad += 1
            continue
        if m["form"] not in ("docx", "xlsx"):
            continue
        cells, columns = (docx_texts if m["form"] == "docx" else xlsx_texts)(m["file"])
        blob = " | ".join(cells)
        colblob = " | ".join(columns)

        def found(v):
            v = norm(v)
            return v in blob or v in colblob

        n = 0
        for t in g["tasks"]:
            for f in ("content", "deadline", "result", "notes", "section"):
                v = t[f]
                n += 1
                if v and not found(v):
                    bad += 1
                    print(m["file"], t["ref"], f, "not found:", v[:70])
            for f in ("lead", "support"):
                for u in t[f]:
                    n += 1
                    if not found(u):
                        bad += 1
                        print(m["file"], t["ref"], f, "not found:", u)
            if t["deadline_in_text"]:
                src = (t["content"] or "") + " " + (t["notes"] or "")
                if t["deadline_in_text"].lower() not in src.lower():
                    bad += 1
                    print(m["file"], t["ref"], "deadline_in_text not in content/notes")
            for f in t["inferred"]:
                if f not in ("lead", "support", "deadline", "result", "content"):
                    bad += 1
                    print(m["file"], t["ref"], "odd inferred", f)
        print(f"{m['file']}: {len(g['tasks'])} tasks, {n} strings checked")
    print("problems:", bad)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
