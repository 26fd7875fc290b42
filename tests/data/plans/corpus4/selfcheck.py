"""Self-check of corpus4 (not a reader test; it does not run any project code).

For every plan of manifest.json:
- every gold string (section, content, result, deadline, notes, each lead/support unit) occurs in
  one cell of the .docx/.xlsx (a cell's paragraphs / Alt+Enter lines joined by a space; Excel
  dates shown through their own number format), or, for a section title, in a body paragraph;
  a content cut by hand over two table rows (tq 2.1) may be the two cells of one column joined;
- every deadline_in_text piece is a substring of content or notes;
- each task's content (its first 50 characters), first lead unit and deadline sit in one table
  row, leaving out fields listed in `inferred` (taken from a merged cell); a task whose content
  is inferred must share a row with its result instead;
- the number typed in that row's first cell is the task's own label (docx B/C, xlsx D/E); for
  the plan numbered by Word (qni) the refs are recomputed from w:numPr (level 0 = I, II, ...,
  level 1 = 1, 2, ... restarting; an unnumbered row = previous ref + "x") and must equal the gold;
- the two real footnotes of na exist in word/footnotes.xml; the Excel date cells carry the
  number formats the gold's text assumes;
- the PDF/.doc exports exist and are non-empty; every word of every content is in the PDF text
  (pdfplumber; columns interleave, so words are compared as a multiset; footnote digits glued
  to a word are tolerated); manifest task counts equal the gold's.
Exit 0 when all pass.
"""
import datetime as dt
import json
import os
import re
import sys
import zipfile
from collections import Counter

from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def norm(s):
    return re.sub(r"\s+", " ", s or "").strip()


# ------------------------------------------------------------------ readers
def docx_tables(path):
    """[(table_element, rows)] with rows = [[cell text]] (one per w:tc), plus body paragraphs."""
    d = Document(path)
    body = d.element.body
    tables = []
    for tbl in body.iter(qn("w:tbl")):
        rows = []
        for tr in tbl.findall(qn("w:tr")):
            cells = []
            for tc in tr.findall(qn("w:tc")):
                paras = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.findall(qn("w:p"))]
                cells.append(norm(" ".join(paras)))
            rows.append(cells)
        tables.append((tbl, rows))
    paras = [norm("".join(t.text or "" for t in p.iter(qn("w:t")))) for p in body.findall(qn("w:p"))]
    return tables, paras


def xl_text(c):
    v = c.value
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        fmt = c.number_format.lower()
        if fmt == "dd/mm/yyyy":
            return v.strftime("%d/%m/%Y")
        if fmt == "d/m/yyyy":
            return f"{v.day}/{v.month}/{v.year}"
        raise AssertionError(f"unexpected date format {fmt}")
    return norm(str(v).replace("\n", " "))


def xlsx_tables(path):
    wb = load_workbook(path)
    return [(ws, [[xl_text(c) for c in r] for r in ws.iter_rows()]) for ws in wb.worksheets], []


# ------------------------------------------------------------------ checks
def expected_label(stem, ref):
    """The number typed in the task row's first cell, or None when nothing is typed there."""
    if stem == "qni_ubnd_2026":
        return None                      # automatic numbering: no text
    if stem == "tq_xahamyen_2026":
        return ref                       # typed "1.1"
    last = ref.split(".")[-1]
    if last.endswith("b"):
        return None                      # II.2b: first cell is the covered part of a merge
    return re.sub(r"[ax]$", "", last)


def check_plan(entry, gold):
    path = os.path.join(HERE, entry["file"])
    stem = os.path.splitext(os.path.basename(path))[0]
    tables, paras = (docx_tables if path.endswith(".docx") else xlsx_tables)(path)
    rows = [r for _, rs in tables for r in rs]
    cells = [c for r in rows for c in r if c]
    # cells of one column in two consecutive rows of one table, joined (a row cut by hand)
    joined = []
    for _, rs in tables:
        for a, b in zip(rs, rs[1:]):
            for x, y in zip(a, b):
                if x and y:
                    joined.append(x + " " + y)
    where = os.path.basename(path)

    def found(s, pool):
        s = norm(s)
        return any(s in c for c in pool)

    for t in gold["tasks"]:
        tag = f"{where} {t['ref']}"
        if not found(t["content"], cells) and not found(t["content"], joined):
            ERR.append(f"{tag}: content not found: {t['content'][:70]}")
        for f in ("result", "deadline", "notes"):
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
        anchors = []
        if "content" not in t["inferred"]:
            anchors.append(("in", norm(t["content"])[:50]))
        elif t["result"]:
            anchors.append(("in", norm(t["result"])))
        if "lead" not in t["inferred"]:
            anchors.append(("in", norm(t["lead"][0])))
        if t["deadline"] and "deadline" not in t["inferred"]:
            anchors.append(("in", norm(t["deadline"])))
        hit = None
        for r in rows:
            if all(any(a in c for c in r) for _, a in anchors):
                hit = r
                break
        if hit is None:
            ERR.append(f"{tag}: content, lead and deadline not in one row")
            continue
        lab = expected_label(stem, t["ref"])
        col = 1 if stem == "na_stp_2026" else 0      # na: column 0 is the merged section column
        if lab is not None and hit[col] != lab:
            ERR.append(f"{tag}: number cell {hit[col]!r}, expected {lab!r}")
    if stem == "na_stp_2026":
        check_section_column(tables, gold, where)


def check_section_column(tables, gold, where):
    """na: the section of a task row is the text of the vMerge-restart cell above it in column 0
    ("I. <title>"); recompute (ref, section) for every numbered row and compare with the gold."""
    got = []
    for tbl, rs in tables:
        label = title = None
        for tr, r in zip(tbl.findall(qn("w:tr")), rs):
            if len(r) < 2 or not r[1].isdigit():
                continue
            tc0 = tr.find(qn("w:tc"))
            vm = tc0.find(qn("w:tcPr")).find(qn("w:vMerge"))
            if vm is None:
                ERR.append(f"{where}: task row {r[1]} has no vMerge in column 0")
            elif vm.get(qn("w:val")) == "restart":
                label, title = r[0].split(". ", 1)
            elif r[0]:
                ERR.append(f"{where}: continuation cell with text in row {r[1]}")
            got.append((f"{label}.{r[1]}", title))
    want = [(t["ref"], t["section"]) for t in gold["tasks"]]
    if got != want:
        ERR.append(f"{where}: refs/sections from the merged column differ from the gold")


def check_auto_numbering(path, gold):
    """Recompute the refs of the table numbered by Word (w:numPr) and compare with the gold."""
    d = Document(path)
    numbering = d.part.numbering_part.element
    fmts = {}
    for absn in numbering.findall(qn("w:abstractNum")):
        fmts[absn.get(qn("w:abstractNumId"))] = [
            lvl.find(qn("w:numFmt")).get(qn("w:val")) for lvl in absn.findall(qn("w:lvl"))]
    num2abs = {n.get(qn("w:numId")): n.find(qn("w:abstractNumId")).get(qn("w:val"))
               for n in numbering.findall(qn("w:num"))}
    refs = []
    for tbl in d.element.body.iter(qn("w:tbl")):
        if not list(tbl.iter(qn("w:numPr"))):
            continue
        sec = task = 0
        for tr in tbl.findall(qn("w:tr")):
            trPr = tr.find(qn("w:trPr"))
            if trPr is not None and trPr.find(qn("w:tblHeader")) is not None:
                continue
            tc0 = tr.find(qn("w:tc"))
            numPr = next(iter(tc0.iter(qn("w:numPr"))), None)
            if numPr is not None:
                ilvl = int(numPr.find(qn("w:ilvl")).get(qn("w:val")))
                nid = numPr.find(qn("w:numId")).get(qn("w:val"))
                fmt = fmts[num2abs[nid]][ilvl]
                if ilvl == 0:
                    assert fmt == "upperRoman", fmt
                    sec, task = sec + 1, 0
                else:
                    assert fmt == "decimal", fmt
                    task += 1
                    refs.append(f"{ROMAN[sec - 1]}.{task}")
            else:
                refs.append(refs[-1] + "x")
    want = [t["ref"] for t in gold["tasks"]]
    if refs != want:
        ERR.append(f"{os.path.basename(path)}: refs from w:numPr {refs} != gold {want}")


def check_footnotes(path, n):
    with zipfile.ZipFile(path) as z:
        if "word/footnotes.xml" not in z.namelist():
            ERR.append(f"{os.path.basename(path)}: no word/footnotes.xml")
            return
        doc = z.read("word/document.xml").decode("utf-8")
    refs = re.findall(r"<w:footnoteReference w:id=\"(\d+)\"", doc)
    if len(refs) != n:
        ERR.append(f"{os.path.basename(path)}: {len(refs)} footnote references, expected {n}")


def check_pdf(path, gold):
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        txt = "\n".join(p.extract_text() or "" for p in pdf.pages)
    have = Counter()
    for w in txt.split():
        have[w] += 1
        w2 = re.sub(r"(?<=[^\d\s])\d$", "", w)    # a footnote mark glued to a word: "xã.1"
        if w2 != w:
            have[w2] += 1
    for t in gold["tasks"]:
        if "content" in t["inferred"]:
            continue                               # printed once, for the first of the pair
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
        if gold["file"] != os.path.basename(e["file"]) and e["form"] in ("docx", "xlsx"):
            ERR.append(f"{e['file']}: gold names {gold['file']}")
        if e["form"] in ("docx", "xlsx"):
            check_plan(e, gold)
            if "word-auto-numbering-numPr-no-typed-numbers" in e["features"]:
                check_auto_numbering(p, gold)
            if "real-word-footnotes" in e["features"]:
                check_footnotes(p, 2)
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
    total = 0
    for g in golds:
        with open(os.path.join(HERE, g), encoding="utf-8") as fh:
            total += len(json.load(fh)["tasks"])
    for e in ERR:
        print("FAIL", e)
    print(f"{len(manifest)} files, {len(golds)} plans, {total} tasks, {len(ERR)} problems")
    sys.exit(1 if ERR else 0)


if __name__ == "__main__":
    main()
