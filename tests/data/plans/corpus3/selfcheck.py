"""Self-check of corpus3 (not a reader test).

For every plan of manifest.json: every gold string (section, content, result, deadline, notes,
each lead/support unit) occurs in one cell of the .docx/.xlsx (a cell's paragraphs / Alt+Enter
lines joined by a space; dates shown with their number format), or, for a section title, in a
body paragraph; every deadline_in_text piece is a substring of content or notes; each task's
content, first lead and deadline sit in one table row (the deadline may be a vertical-merge
continuation: then the cell above holds it); the PDF/.doc exports exist and are non-empty; the PDF
text (pdfplumber or pdftotext) holds every word of every content (columns interleave); manifest counts match the gold.
Exit 0 when all pass.
"""
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys

from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def norm(s):
    return re.sub(r"\s+", " ", s or "").strip()


def docx_rows(path):
    """Rows as lists of cell texts (one per w:tc), plus body paragraphs."""
    d = Document(path)
    body = d.element.body
    rows = []
    for tbl in body.iter(qn("w:tbl")):
        for tr in tbl.findall(qn("w:tr")):
            cells = []
            for tc in tr.findall(qn("w:tc")):
                paras = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.findall(qn("w:p"))]
                cells.append(norm(" ".join(paras)))
            rows.append(cells)
    paras = [norm("".join(t.text or "" for t in p.iter(qn("w:t")))) for p in body.findall(qn("w:p"))]
    return rows, paras


def xl_text(c):
    v = c.value
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        fmt = c.number_format.lower()
        assert "dd/mm/yyyy" in fmt, fmt
        return v.strftime("%d/%m/%Y")
    return norm(str(v).replace("\n", " "))


def xlsx_rows(path):
    wb = load_workbook(path)
    rows = []
    for ws in wb.worksheets:
        for r in ws.iter_rows():
            rows.append([xl_text(c) for c in r])
    return rows, []


def check_plan(entry, gold):
    path = os.path.join(HERE, entry["file"])
    rows, paras = (docx_rows if path.endswith(".docx") else xlsx_rows)(path)
    cells = [c for r in rows for c in r if c]
    where = os.path.basename(path)

    def found(s, pool):
        s = norm(s)
        return any(s in c for c in pool)

    for t in gold["tasks"]:
        tag = f"{where} {t['ref']}"
        for f in ("content", "result", "deadline", "notes"):
            if t[f] and not found(t[f], cells):
                ERR.append(f"{tag}: {f} not found: {t[f][:70]}")
        if not found(t["section"], cells + paras):
            ERR.append(f"{tag}: section not found")
        for u in t["lead"] + t["support"]:
            if not found(u, cells):
                ERR.append(f"{tag}: unit not found: {u}")
        if t["deadline_in_text"]:
            hay = (t["content"] or "") + " " + (t["notes"] or "")
            for piece in t["deadline_in_text"].split("; "):
                if piece not in hay:
                    ERR.append(f"{tag}: deadline_in_text piece not in content/notes: {piece}")
        # same-row check
        ok = False
        for i, r in enumerate(rows):
            if not any(norm(t["content"]) in c for c in r):
                continue
            if not any(norm(t["lead"][0]) in c for c in r) and "lead" not in t["inferred"]:
                continue
            if t["deadline"] and "deadline" not in t["inferred"] and not any(norm(t["deadline"]) == c or norm(t["deadline"]) in c for c in r):
                continue
            ok = True
            break
        if not ok:
            ERR.append(f"{tag}: content, lead and deadline not in one row")


def check_pdf(path, gold):
    try:
        import pdfplumber
    except ImportError:
        pdfplumber = None
    if pdfplumber is not None:
        with pdfplumber.open(path) as pdf:
            txt = "\n".join(p.extract_text() or "" for p in pdf.pages)
    elif shutil.which("pdftotext"):
        txt = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    else:
        return
    # columns interleave line by line in extracted text: check the words, as a multiset
    from collections import Counter
    have = Counter(re.sub(r"\(\d\)(?=\s|$)", "", w) for w in txt.split())  # footnote markers "(1)"
    for t in gold["tasks"]:
        need = Counter(t["content"].split())
        missing = [w for w, n in need.items() if have[w] < n]
        if missing:
            ERR.append(f"{os.path.basename(path)} {t['ref']}: words not in PDF text: {missing[:5]}")


def main():
    with open(os.path.join(HERE, "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    seen = set()
    for e in manifest:
        with open(os.path.join(HERE, e["gold"]), encoding="utf-8") as fh:
            gold = json.load(fh)
        p = os.path.join(HERE, e["file"])
        if not os.path.exists(p) or os.path.getsize(p) == 0:
            ERR.append(f"missing or empty: {e['file']}")
            continue
        if e["tasks"] != len(gold["tasks"]):
            ERR.append(f"{e['file']}: manifest tasks {e['tasks']} != gold {len(gold['tasks'])}")
        if e["form"] in ("docx", "xlsx"):
            check_plan(e, gold)
            if e["form"] == "docx":
                for fmt in ("pdf", "doc"):
                    if not any(x["file"] == e["file"][:-4] + fmt for x in manifest):
                        ERR.append(f"{e['file']}: no {fmt} export in manifest")
        elif e["form"] == "pdf":
            check_pdf(p, gold)
        seen.add(e["gold"])
    golds = {"gold/" + f for f in os.listdir(os.path.join(HERE, "gold")) if f.endswith(".json")}
    if golds - seen:
        ERR.append(f"gold without files: {sorted(golds - seen)}")
    total = sum(len(json.load(open(os.path.join(HERE, g), encoding="utf-8"))["tasks"]) for g in golds)
    for e in ERR:
        print("FAIL", e)
    print(f"{len(manifest)} files, {len(golds)} plans, {total} tasks, {len(ERR)} problems")
    sys.exit(1 if ERR else 0)


if __name__ == "__main__":
    main()
