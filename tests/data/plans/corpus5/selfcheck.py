"""Self-check of corpus5 (not a reader test; it runs no project code).

- every gold string (section, content, result, deadline, notes) equals the text of one cell of the
  .docx/.xlsx (a cell's paragraphs and w:br / Alt+Enter lines joined by a space); each lead and
  support unit equals one line of a cell (lines = paragraphs and w:br / Alt+Enter pieces, list
  punctuation "- " ";" "." stripped);
- each task's content, first lead and deadline share one table row (inferred fields left out; an
  inferred content is replaced by the result), and that row's number cell is the task's label
  (ls/dl: the number after the section; ht: "1.1." / "1.2.1"; cm: the integer, merged over a/b);
- deadline_in_text pieces are substrings of content or notes;
- layout facts: ls has a borderless cover table and a "Nơi nhận" table; ht has one task table per
  "Phụ lục I/II/III:" caption; dl has w:numPr bullets and w:br inside cells; cm has hidden column C,
  merged A/B cells over the a)/b) rows, a shared-string table with rich-text runs and no inline
  strings;
- PDF/.doc exports exist and are non-empty; every word of every content is in the PDF text
  (pdfplumber, compared as a multiset); manifest task counts equal the gold's.
Exit 0 when all pass.
"""
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


def norm(s):
    return re.sub(r"\s+", " ", s or "").strip()


def err(*a):
    ERR.append(" ".join(str(x) for x in a))


def tc_lines(tc):
    lines = []
    for p in tc.iter(qn("w:p")):
        cur = ""
        for el in p.iter():
            if el.tag == qn("w:t"):
                cur += el.text or ""
            elif el.tag == qn("w:br"):
                lines.append(cur)
                cur = ""
        lines.append(cur)
    return [norm(x) for x in lines if norm(x)]


def docx_rows(path):
    d = Document(path)
    rows = []
    for ti, tbl in enumerate(d.element.body.iter(qn("w:tbl"))):
        for tr in tbl.findall(qn("w:tr")):
            rows.append((ti, [tc_lines(tc) for tc in tr.findall(qn("w:tc"))]))
    return d, rows


def xlsx_rows(path):
    ws = load_workbook(path).active
    rows = []
    for r in ws.iter_rows():
        cells = []
        for c in r:
            v = c.value
            cells.append([norm(x) for x in str(v).split("\n") if norm(x)] if v is not None else [])
        rows.append((0, cells))
    return ws, rows


def unit_of(line):
    return line.strip().lstrip("-").strip().rstrip(";.").strip()


def label_of(stem, ref):
    if stem == "ht_syt_2026":
        lab = ref.split(".", 1)[1]
        return lab + "." if lab.count(".") == 1 else lab
    return re.sub(r"[ab]$", "", ref.split(".", 1)[1])


def check_plan(stem, path):
    g = json.load(open(os.path.join(HERE, "gold", stem + ".json"), encoding="utf-8"))
    if path.endswith(".docx"):
        d, rows = docx_rows(path)
        body = [norm("".join(t.text or "" for t in p.iter(qn("w:t")))) for p in d.element.body.findall(qn("w:p"))]
    else:
        ws, rows = xlsx_rows(path)
        body = []
    cell_texts = set()
    cell_units = set()
    for _, cells in rows:
        for lines in cells:
            cell_texts.add(" ".join(lines))
            for ln in lines:
                cell_units.add(unit_of(ln))
    merged_labels = {}
    for t in g["tasks"]:
        r = t["ref"]
        for f in ("content", "result", "deadline", "notes"):
            if t[f] and t[f] not in cell_texts:
                err(stem, r, f, "not a cell:", t[f][:60])
        if t["section"] not in cell_texts and not any(t["section"] in b for b in body):
            err(stem, r, "section missing", t["section"])
        for u in t["lead"] + t["support"]:
            if u not in cell_units:
                err(stem, r, "unit not a cell line:", u)
        if t["deadline_in_text"]:
            for piece in t["deadline_in_text"].split("; "):
                if piece not in (t["content"] or "") + " " + (t["notes"] or ""):
                    err(stem, r, "deadline_in_text not in text", piece)
        # same-row check
        want = []
        if "content" not in t["inferred"]:
            want.append(t["content"])
        else:
            want.append(t["result"])
        if "lead" not in t["inferred"]:
            want.append(("U", t["lead"][0]))
        if "deadline" not in t["inferred"]:
            want.append(t["deadline"])
        hit = None
        for i, (_, cells) in enumerate(rows):
            texts = [" ".join(c) for c in cells]
            units = {unit_of(x) for c in cells for x in c}
            if all((w[1] in units) if isinstance(w, tuple) else (w in texts) for w in want):
                hit = i
                break
        if hit is None:
            err(stem, r, "content/lead/deadline not in one row")
            continue
        first = " ".join(rows[hit][1][0])
        lab = label_of(stem, r)
        if "content" in t["inferred"]:       # number merged over the a)/b) rows: look upward
            j = hit
            while j > 0 and not rows[j][1][0]:
                j -= 1
            first = " ".join(rows[j][1][0])
        if first != lab:
            err(stem, r, "number cell", repr(first), "expected", repr(lab))
    return g


def layout_checks():
    p = os.path.join(HERE, "files")
    # ls
    d = Document(os.path.join(p, "ls_ubnd_2026.docx"))
    tbls = list(d.element.body.iter(qn("w:tbl")))
    if len(tbls) != 3:
        err("ls: expected cover, task and Nơi nhận tables, got", len(tbls))
    else:
        if 'w:val="nil"' not in tbls[0].xml or "Số: 16/KH-UBND" not in "".join(tc_lines(tbls[0])):
            err("ls: cover table not borderless or without number")
        if "Nơi nhận:" not in "".join(x for tc in tbls[2].iter(qn("w:tc")) for x in tc_lines(tc)):
            err("ls: no Nơi nhận table")
        hdr = [" ".join(tc_lines(tc)) for tc in tbls[1].find(qn("w:tr")).findall(qn("w:tc"))]
        if hdr[2:5] != ["Sản phẩm", "Thời gian hoàn thành", "Cơ quan chủ trì"]:
            err("ls: column order", hdr)
        if not any(tc.findall(".//" + qn("w:br")) for tc in tbls[1].iter(qn("w:tc"))):
            err("ls: no w:br in task table")
    # ht
    d = Document(os.path.join(p, "ht_syt_2026.docx"))
    caps = [pp.text for pp in d.paragraphs if pp.text.startswith("Phụ lục ")]
    tbls = list(d.element.body.iter(qn("w:tbl")))
    if [c.split(":")[0] for c in caps] != ["Phụ lục I", "Phụ lục II", "Phụ lục III"] or len(tbls) != 3:
        err("ht: captions/tables", caps, len(tbls))
    # dl
    d = Document(os.path.join(p, "dl_phuongbmt_2026.docx"))
    tbl = list(d.element.body.iter(qn("w:tbl")))[1]
    nb = sum(1 for pp in tbl.iter(qn("w:p")) if pp.find(qn("w:pPr") + "/" + qn("w:numPr")) is not None)
    if nb != 11:
        err("dl: expected 11 bullet paragraphs, got", nb)
    if len(tbl.findall(".//" + qn("w:br"))) < 5:
        err("dl: too few w:br")
    # cm
    x = os.path.join(p, "cm_snv_2026.xlsx")
    with zipfile.ZipFile(x) as z:
        sst = z.read("xl/sharedStrings.xml").decode("utf-8")
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    if "inlineStr" in sheet or sst.count("<r>") < 5:
        err("cm: inline strings or no rich text runs")
    ws = load_workbook(x).active
    if not ws.column_dimensions["C"].hidden:
        err("cm: column C not hidden")
    mr = {str(m) for m in ws.merged_cells.ranges}
    for m in ("A11:A12", "B11:B12", "A22:A23", "B22:B23"):
        if m not in mr:
            err("cm: merge missing", m)


def pdf_words(path):
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        txt = " ".join(pg.extract_text() or "" for pg in pdf.pages)
    return Counter(re.findall(r"\w+", txt))


def main():
    man = json.load(open(os.path.join(HERE, "manifest.json"), encoding="utf-8"))
    golds = {}
    for e in man:
        f = os.path.join(HERE, e["file"])
        stem = os.path.splitext(os.path.basename(f))[0]
        if not os.path.exists(f) or os.path.getsize(f) == 0:
            err("missing export", e["file"])
            continue
        if e["form"] in ("docx", "xlsx"):
            golds[stem] = check_plan(stem, f)
        g = json.load(open(os.path.join(HERE, e["gold"]), encoding="utf-8"))
        if e["tasks"] != len(g["tasks"]):
            err("manifest count", e["file"], e["tasks"], len(g["tasks"]))
        if e["form"] == "pdf":
            have = pdf_words(f)
            need = Counter()
            for t in g["tasks"]:
                if "content" not in t["inferred"]:
                    need.update(re.findall(r"\w+", t["content"]))
            missing = need - have
            if missing:
                err(e["file"], "content words missing from PDF:", list(missing.items())[:8])
    layout_checks()
    total = sum(len(g["tasks"]) for g in golds.values())
    print("plans", len(golds), "tasks", total, "manifest entries", len(man))
    for x in ERR:
        print("FAIL", x)
    print("OK" if not ERR else f"{len(ERR)} failures")
    return 1 if ERR else 0


if __name__ == "__main__":
    sys.exit(main())
