"""Builds the documents of corpus3 from gold/<plan>.json (written first, by gold_src/gen_gold.py).

One builder function per plan, each imitating a different office's layout: python-docx plus raw
WordprocessingML (gridSpan, vMerge, tblHeader, section breaks with a landscape section) for the
.docx; openpyxl for the .xlsx.  The .docx/.xlsx are deterministic (fixed zip times and core
properties).  PDF and Word 97 .doc exports are made with LibreOffice headless, one user profile
per conversion.  The small helpers at the top are taken from corpus2's build.py.

    /work/main/.venv/bin/python build.py           # everything
    /work/main/.venv/bin/python build.py --no-lo   # .docx/.xlsx only
"""
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.table import _Cell

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, "gold")
FILES = os.path.join(HERE, "files")
FIXED = dt.datetime(2026, 1, 22, 8, 15, 0)
C = WD_ALIGN_PARAGRAPH.CENTER
J = WD_ALIGN_PARAGRAPH.JUSTIFY


# ============================================================================ small helpers
def load(stem):
    with open(os.path.join(GOLD, stem + ".json"), encoding="utf-8") as fh:
        return json.load(fh)


def rng(s):
    return random.Random(zlib.crc32(s.encode("utf-8")) ^ 0x5A5A)


def runs_of(text):
    """Cut text into runs as Word does after edits (rsid changes), sometimes inside a word."""
    if len(text) < 30:
        return [text]
    r = rng(text)
    cuts = sorted({r.randint(3, len(text) - 3) for _ in range(r.randint(1, 4))})
    out, prev = [], 0
    for c in cuts:
        out.append(text[prev:c])
        prev = c
    out.append(text[prev:])
    return [x for x in out if x]


def par(container, text="", bold=False, italic=False, align=None, size=None, split=True,
        reuse=True, after=0):
    """Add a paragraph (or reuse the empty first paragraph of a cell)."""
    ps = getattr(container, "paragraphs", [])
    if reuse and len(ps) == 1 and not ps[0].text and not ps[0]._p.findall(qn("w:r")):
        p = ps[0]
    else:
        p = container.add_paragraph()
    if align is not None:
        p.alignment = align
    for piece in (runs_of(text) if split else [text]) if text else []:
        r = p.add_run(piece)
        r.bold = bold or None
        r.italic = italic or None
        if size:
            r.font.size = Pt(size)
    pf = p.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(after)
    return p


def base_doc(font=13, landscape=False, title=""):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(font)
    rf = st.element.get_or_add_rPr().find(qn("w:rFonts"))
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rf.set(qn(a), "Times New Roman")
    cp = doc.core_properties
    cp.author = "vanthu"
    cp.last_modified_by = "vanthu"
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 7
    cp.title = title
    s = doc.sections[0]
    if landscape:
        s.orientation = WD_ORIENT.LANDSCAPE
        s.page_width, s.page_height = Cm(29.7), Cm(21.0)
        s.left_margin, s.right_margin = Cm(2.0), Cm(1.5)
        s.top_margin = s.bottom_margin = Cm(1.5)
    else:
        s.page_width, s.page_height = Cm(21.0), Cm(29.7)
        s.left_margin, s.right_margin = Cm(3.0), Cm(2.0)
        s.top_margin = s.bottom_margin = Cm(2.0)
    return doc


def borders(table, on=True, sz=4):
    tblPr = table._tbl.tblPr
    for old in tblPr.findall(qn("w:tblBorders")):
        tblPr.remove(old)
    inner = "".join(
        (f'<w:{e} w:val="single" w:sz="{sz}" w:space="0" w:color="000000"/>' if on
         else f'<w:{e} w:val="nil"/>')
        for e in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    tblPr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{inner}</w:tblBorders>"))


def widths(table, cm):
    grid = table._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), cm):
        gc.set(qn("w:w"), str(int(w * 567)))
    tblPr = table._tbl.tblPr
    for old in tblPr.findall(qn("w:tblLayout")):
        tblPr.remove(old)
    tblPr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    for row in table.rows:
        trPr = row._tr.trPr
        i = 0
        if trPr is not None and trPr.find(qn("w:gridBefore")) is not None:
            i = int(trPr.find(qn("w:gridBefore")).get(qn("w:val")))
        for tc in row._tr.findall(qn("w:tc")):
            pr = tc.get_or_add_tcPr()
            gs = pr.find(qn("w:gridSpan"))
            n = int(gs.get(qn("w:val"))) if gs is not None else 1
            w = sum(cm[i:i + n])
            i += n
            for old in pr.findall(qn("w:tcW")):
                pr.remove(old)
            pr.insert(0, parse_xml(f'<w:tcW {nsdecls("w")} w:w="{int(w * 567)}" w:type="dxa"/>'))


def span(row, start, n):
    """gridSpan n columns from tc index start; the covered tc elements are removed."""
    tcs = row._tr.findall(qn("w:tc"))
    for tc in tcs[start + 1:start + n]:
        row._tr.remove(tc)
    tcs[start].get_or_add_tcPr().append(parse_xml(f'<w:gridSpan {nsdecls("w")} w:val="{n}"/>'))
    return tcs[start]


def cell_of(row, i, table):
    return _Cell(row._tr.findall(qn("w:tc"))[i], table)


def vmerge(cell, restart):
    cell._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:vMerge {nsdecls("w")} w:val="restart"/>') if restart
        else parse_xml(f'<w:vMerge {nsdecls("w")}/>'))


def repeat_header(row):
    row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def shade(cell, fill="D9D9D9"):
    cell._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def new_abstract(doc, abs_id, levels, num_ids):
    """levels: [(numFmt, lvlText, start)]; one w:num per id in num_ids, all on this abstractNum."""
    numbering = doc.part.numbering_part.element
    lv = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{st}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{txt}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
        for i, (fmt, txt, st) in enumerate(levels))
    absn = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abs_id}">'
                     f'<w:nsid w:val="{abs_id:08X}"/><w:multiLevelType w:val="multilevel"/>{lv}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(absn)
    else:
        numbering.append(absn)
    for nid in num_ids:
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{abs_id}"/></w:num>'))


def numbered(p, num_id, ilvl=0):
    p._p.get_or_add_pPr().insert(0, parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def head_table(doc, left, number, place_date, cm, num_runs=True):
    """Borderless header: issuer | national motto; number | place and date."""
    t = doc.add_table(rows=2, cols=2)
    borders(t, on=False)
    c = t.cell(0, 0)
    for i, line in enumerate(left):
        par(c, line, bold=(i == len(left) - 1), align=C, split=False)
    c = t.cell(0, 1)
    par(c, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, align=C, split=False)
    par(c, "Độc lập - Tự do - Hạnh phúc", bold=True, align=C, split=False)
    p = t.cell(1, 0).paragraphs[0]
    p.alignment = C
    if num_runs:
        a, b = number.split("/", 1)
        for piece in ("Số:", " ", a, "/", b):
            p.add_run(piece)
    else:
        p.add_run("Số: " + number)
    par(t.cell(1, 1), place_date, italic=True, align=C, split=False)
    widths(t, cm)
    return t


def title_block(doc, lines):
    doc.add_paragraph()
    for i, line in enumerate(lines):
        par(doc, line, bold=(i < 2), italic=(i >= 2), align=C, split=(i == 1))


def text_block(doc, items):
    for kind, text in items:
        p = par(doc, text, bold=(kind == "h"), align=None if kind == "h" else J, after=3)
        if kind == "p":
            p.paragraph_format.first_line_indent = Cm(1.0)


def signature_table(doc, sign, recipients, cm):
    """Second, non-task table: Nơi nhận | signature (borderless)."""
    t = doc.add_table(rows=1, cols=2)
    borders(t, on=False)
    c = t.cell(0, 0)
    par(c, "Nơi nhận:", bold=True, italic=True, size=11, split=False)
    for r in recipients:
        par(c, r, size=10, split=False)
    c = t.cell(0, 1)
    for line in sign:
        par(c, line, bold=True, align=C, split=False)
    widths(t, cm)
    return t


def units_lines(cell, units, dash=True, first_align=None):
    for j, u in enumerate(units):
        if dash and len(units) > 1:
            par(cell, "- " + u + (";" if j < len(units) - 1 else ""))
        else:
            par(cell, u)


def header_rows(table, spec, repeat=True, bold=True, italic=False):
    """spec: list of rows; each row a list of (text, span, vmerge) with vmerge None/'r'/'c'."""
    for hrow in spec:
        row = table.add_row()
        if repeat:
            repeat_header(row)
        idx = 0
        plan = []
        for text, sp, vm in hrow:
            plan.append((idx, text, sp, vm))
            idx += 1
        # merge from the right so tc indexes stay valid
        for i, text, sp, vm in reversed(plan):
            if sp > 1:
                span(row, i, sp)
        for i, text, sp, vm in plan:
            cell = cell_of(row, i, table)
            if vm:
                vmerge(cell, vm == "r")
            if text:
                par(cell, text, bold=bold, italic=italic or bool(re.fullmatch(r"\(?\d+\)?", text)),
                    align=C, split=False)


def sections_of(tasks):
    """Yields (section_label, title, [tasks]) in order; label = first part of ref."""
    out = []
    for t in tasks:
        lab = t["ref"].split(".")[0]
        if not out or out[-1][0] != lab or out[-1][1] != t["section"]:
            out.append((lab, t["section"], []))
        out[-1][2].append(t)
    return out


def num_of(ref):
    return re.sub(r"[a-z]$", "", ref.split(".")[-1])




# ============================================================================ corpus3 helpers
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def content_parts(text):
    """'Head: - A; - B; - C.' -> ['Head:', '- A;', '- B;', '- C.'] (one task, sub-bullets)."""
    if ": - " not in text:
        return [text]
    head, rest = text.split(": - ", 1)
    items = rest.split("; - ")
    return [head + ":"] + ["- " + x + (";" if i < len(items) - 1 else "") for i, x in enumerate(items)]


def put_content(cell, text, prefix="", marker=None):
    parts = content_parts(text)
    for i, ptxt in enumerate(parts):
        p = par(cell, (prefix if i == 0 else "") + ptxt, align=J)
        if marker and i == len(parts) - 1:
            r = p.add_run(marker)
            r.font.superscript = True


def put_units(cell, units, dash=True):
    if not units:
        return
    units_lines(cell, units, dash=dash)


def new_table(doc, n, cm_):
    t = doc.add_table(rows=0, cols=n)
    borders(t, True)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    return t


def simple_header(t, names, repeat=True):
    header_rows(t, [[(h, 1, None) for h in names]], repeat=repeat)


def landscape_section(doc):
    from docx.enum.section import WD_SECTION
    s = doc.add_section(WD_SECTION.NEW_PAGE)
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = Cm(29.7), Cm(21.0)
    s.left_margin, s.right_margin = Cm(2.0), Cm(1.5)
    s.top_margin = s.bottom_margin = Cm(1.5)
    return s


def portrait_section(doc):
    from docx.enum.section import WD_SECTION
    s = doc.add_section(WD_SECTION.NEW_PAGE)
    s.orientation = WD_ORIENT.PORTRAIT
    s.page_width, s.page_height = Cm(21.0), Cm(29.7)
    s.left_margin, s.right_margin = Cm(3.0), Cm(2.0)
    s.top_margin = s.bottom_margin = Cm(2.0)
    return s


def row_cells(t, n):
    row = t.add_row()
    return row, [cell_of(row, i, t) for i in range(n)]


def cell_borders(table):
    """Borders on every cell as well (w:tcBorders, last in tcPr): LibreOffice 7.4 drew no table
    borders for these tables from w:tblBorders alone once a row held gridSpan/vMerge."""
    edges = "".join(f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                    for e in ("top", "left", "bottom", "right"))
    for tc in table._tbl.iter(qn("w:tc")):
        tc.get_or_add_tcPr().append(parse_xml(f"<w:tcBorders {nsdecls('w')}>{edges}</w:tcBorders>"))


def task_label(t):
    return t["ref"].split(".")[-1]


# ============================================================================ Q1 Hưng Yên UBND
def build_hy_ubnd(g, out):
    """Portrait first pages, then a landscape section; every section is its own table with a
    heading paragraph above it ('I. ...', outside the table) and its own repeated header row;
    numbers restart per table; one task with sub-bullets in the content cell; superscript
    markers '(1)', '(2)' explained in a 'Ghi chú' paragraph after the last table."""
    doc = base_doc(13, landscape=False, title="KH KSTTHC 2026")
    head_table(doc, ["ỦY BAN NHÂN DÂN", "TỈNH HƯNG YÊN"], "27/KH-UBND",
               "Hưng Yên, ngày 16 tháng 01 năm 2026", [6.5, 9.5])
    title_block(doc, ["KẾ HOẠCH", "Kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông năm 2026 trên địa bàn tỉnh Hưng Yên"])
    text_block(doc, [
        ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("p", "Triển khai đồng bộ, hiệu quả công tác kiểm soát thủ tục hành chính sau khi hợp nhất tỉnh Hưng Yên và tỉnh Thái Bình; bảo đảm thủ tục hành chính được công khai, minh bạch."),
        ("p", "Xác định rõ nhiệm vụ, cơ quan chủ trì, cơ quan phối hợp, thời gian thực hiện và kết quả của từng nhiệm vụ."),
        ("h", "II. NHIỆM VỤ CỤ THỂ"),
        ("p", "(Chi tiết tại các bảng dưới đây)"),
    ])
    landscape_section(doc)
    cm_ = [1.3, 9.5, 4.0, 4.2, 3.2, 4.0]
    hdr = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Kết quả"]
    markers = {"III.3": "(1)", "IV.2": "(2)"}
    for si, (lab, title, tasks) in enumerate(sections_of(g["tasks"])):
        par(doc, f"{lab}. {title}", bold=True, after=4)
        t = new_table(doc, 6, cm_)
        simple_header(t, hdr)
        for tk in tasks:
            row, c = row_cells(t, 6)
            par(c[0], task_label(tk), align=C, split=False)
            put_content(c[1], tk["content"], marker=markers.get(tk["ref"]))
            put_units(c[2], tk["lead"])
            put_units(c[3], tk["support"])
            par(c[4], tk["deadline"] or "", align=C)
            par(c[5], tk["result"] or "")
        widths(t, cm_)
        par(doc, "")
    par(doc, "Ghi chú:", bold=True, italic=True)
    par(doc, "(1) Sở TT&TT nay là Sở Khoa học và Công nghệ; nhiệm vụ do Sở Khoa học và Công nghệ tiếp tục thực hiện.", italic=True, size=11)
    par(doc, "(2) Báo Hưng Yên và Đài Phát thanh và Truyền hình Hưng Yên đã hợp nhất.", italic=True, size=11)
    portrait_section(doc)
    text_block(doc, [("h", "III. TỔ CHỨC THỰC HIỆN"),
                     ("p", "Văn phòng UBND tỉnh theo dõi, đôn đốc, tổng hợp tình hình thực hiện Kế hoạch, báo cáo Chủ tịch UBND tỉnh.")])
    signature_table(doc, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                    ["- Văn phòng Chính phủ (Cục KSTTHC);", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- Các sở, ban, ngành tỉnh;", "- UBND các xã, phường;", "- Lưu: VT, KSTT."], [8.0, 8.0])
    doc.save(out)


# ============================================================================ Q2 Lâm Đồng Sở Y tế
def build_ld_syt(g, out):
    """Portrait; no STT column: the first column holds section headings '1. ...', tasks 'a) ...'
    and one sub-assignment row '- ...' (own units and deadline); units in one cell 'Cơ quan thực
    hiện' as 'Chủ trì: ...' / 'Phối hợp: ...' paragraphs; deadline column 'Tiến độ'; a header row
    and a column-number row, both repeated."""
    doc = base_doc(13, landscape=False, title="Ke hoach KSTTHC 2026 - SYT")
    head_table(doc, ["UBND TỈNH LÂM ĐỒNG", "SỞ Y TẾ"], "142/KH-SYT", "Lâm Đồng, ngày 20 tháng 01 năm 2026", [6.5, 9.5])
    title_block(doc, ["KẾ HOẠCH", "Kiểm soát thủ tục hành chính năm 2026 của Sở Y tế"])
    text_block(doc, [("p", "Thực hiện Kế hoạch số 35/KH-UBND ngày 08/01/2026 của UBND tỉnh Lâm Đồng, Sở Y tế xây dựng Kế hoạch kiểm soát thủ tục hành chính năm 2026 với các nhiệm vụ sau:")])
    cm_ = [8.2, 3.8, 2.4, 2.8]
    t = new_table(doc, 4, cm_)
    simple_header(t, ["Nội dung công việc", "Cơ quan thực hiện", "Tiến độ", "Kết quả"])
    simple_header(t, ["(1)", "(2)", "(3)", "(4)"])
    for si, (lab, title, tasks) in enumerate(sections_of(g["tasks"])):
        row, c = row_cells(t, 4)
        par(c[0], f"{lab}. {title}", bold=True)
        for tk in tasks:
            row, c = row_cells(t, 4)
            lb = task_label(tk)
            prefix = "- " if lb.endswith("x") else f"{lb}) "
            put_content(c[0], tk["content"], prefix=prefix)
            word = "Chủ trì thực hiện: " if si % 2 else "Chủ trì: "
            par(c[1], word + "; ".join(tk["lead"]) + ".")
            if tk["support"]:
                par(c[1], "Phối hợp: " + "; ".join(tk["support"]) + ".")
            par(c[2], tk["deadline"] or "", align=C)
            par(c[3], tk["result"] or "")
    widths(t, cm_)
    text_block(doc, [("h", "TỔ CHỨC THỰC HIỆN"),
                     ("p", "Văn phòng Sở là đầu mối theo dõi, đôn đốc; các phòng chức năng gửi báo cáo về Văn phòng Sở để tổng hợp.")])
    signature_table(doc, ["GIÁM ĐỐC"], ["- UBND tỉnh (b/c);", "- Văn phòng UBND tỉnh;", "- Các phòng thuộc Sở;", "- Lưu: VT, VP."], [8.0, 8.0])
    doc.save(out)


# ============================================================================ Q3 phường Cái Khế
def build_ct_phuong(g, out):
    """Portrait ward plan; no result column; section letter in the number cell + title gridSpan 5;
    numbers 1..17 running through sections; the lead cell vertically merged over tasks 5-7 and
    the deadline over 5-6 (vMerge: continuation cells empty); notes column 'Ghi chú' with limits;
    header repeated."""
    doc = base_doc(13, landscape=False, title="KH KSTTHC phuong Cai Khe 2026")
    head_table(doc, ["ỦY BAN NHÂN DÂN", "PHƯỜNG CÁI KHẾ"], "09/KH-UBND", "Cái Khế, ngày 12 tháng 01 năm 2026", [6.5, 9.5])
    title_block(doc, ["KẾ HOẠCH", "Kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông năm 2026"])
    text_block(doc, [("p", "Căn cứ Kế hoạch của UBND thành phố Cần Thơ về kiểm soát thủ tục hành chính năm 2026, UBND phường Cái Khế ban hành Kế hoạch thực hiện như sau:")])
    cm_ = [1.2, 6.2, 2.7, 2.7, 2.2, 2.2]
    t = new_table(doc, 6, cm_)
    simple_header(t, ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Ghi chú"])
    tasks = g["tasks"]
    for lab, title, sec_tasks in sections_of(tasks):
        row = t.add_row()
        span(row, 1, 5)
        c0, c1 = cell_of(row, 0, t), cell_of(row, 1, t)
        par(c0, lab, bold=True, align=C, split=False)
        par(c1, title, bold=True)
        for tk in sec_tasks:
            i = tasks.index(tk)
            nxt = tasks[i + 1] if i + 1 < len(tasks) else None
            row, c = row_cells(t, 6)
            par(c[0], task_label(tk), align=C, split=False)
            put_content(c[1], tk["content"])
            for col, field in ((2, "lead"), (4, "deadline")):
                if field in tk["inferred"]:
                    vmerge(c[col], False)
                    continue
                if nxt is not None and field in nxt["inferred"]:
                    vmerge(c[col], True)
                if field == "lead":
                    put_units(c[col], tk["lead"])
                else:
                    par(c[col], tk["deadline"] or "", align=C)
            put_units(c[3], tk["support"])
            par(c[5], tk["notes"] or "", italic=True)
    widths(t, cm_)
    cell_borders(t)
    signature_table(doc, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], ["- UBND thành phố;", "- Văn phòng UBND thành phố;", "- Lưu: VT."], [8.0, 8.0])
    doc.save(out)


# ============================================================================ Q4 Khánh Hòa VP UBND
def build_kh_vpubnd(g, out):
    """Landscape; columns STT | Nhiệm vụ | Sản phẩm | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |
    Ghi chú; sections typed 'I.' in the number cell + gridSpan title; typed task numbers with a dot
    ('1.'); sub-bullets as paragraphs of one content cell; a full-width italic 'Ghi chú:' row inside
    the table after section II (not a task); a plain copy of the header row before section IV."""
    doc = base_doc(12, landscape=True, title="KH KSTTHC VP UBND tinh Khanh Hoa 2026")
    head_table(doc, ["UBND TỈNH KHÁNH HÒA", "VĂN PHÒNG"], "18/KH-VPUBND", "Khánh Hòa, ngày 14 tháng 01 năm 2026", [9.0, 15.0])
    title_block(doc, ["KẾ HOẠCH", "Kiểm soát thủ tục hành chính năm 2026 của Văn phòng UBND tỉnh"])
    cm_ = [1.3, 8.2, 3.6, 3.4, 3.8, 3.2, 2.7]
    hdr = ["STT", "Nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Ghi chú"]
    t = new_table(doc, 7, cm_)
    simple_header(t, hdr)
    for si, (lab, title, tasks) in enumerate(sections_of(g["tasks"])):
        if lab == "IV":
            simple_header(t, hdr, repeat=False)
        row = t.add_row()
        span(row, 1, 6)
        par(cell_of(row, 0, t), lab + ".", bold=True, align=C, split=False)
        par(cell_of(row, 1, t), title, bold=True)
        for tk in tasks:
            row, c = row_cells(t, 7)
            par(c[0], task_label(tk) + ".", align=C, split=False)
            put_content(c[1], tk["content"])
            par(c[2], tk["result"] or "")
            put_units(c[3], tk["lead"])
            put_units(c[4], tk["support"])
            par(c[5], tk["deadline"] or "", align=C)
            par(c[6], tk["notes"] or "")
        if lab == "II":
            row = t.add_row()
            span(row, 0, 7)
            par(cell_of(row, 0, t), "Ghi chú: Các sở, ngành gửi hồ sơ trình công bố qua Hệ thống quản lý văn bản và điều hành; Sở KH&ĐT nay là Sở Tài chính, Sở TT&TT nay là Sở Khoa học và Công nghệ.", italic=True)
    widths(t, cm_)
    cell_borders(t)
    signature_table(doc, ["CHÁNH VĂN PHÒNG"], ["- UBND tỉnh (b/c);", "- Các phòng, đơn vị thuộc VP;", "- Lưu: VT, KSTT."], [12.0, 12.0])
    doc.save(out)
def xl_styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    thin = Side(style="thin", color="000000")
    return dict(
        box=Border(left=thin, right=thin, top=thin, bottom=thin),
        wrap=Alignment(wrap_text=True, vertical="top"),
        center=Alignment(wrap_text=True, vertical="center", horizontal="center"),
        F=lambda **k: Font(**{"name": "Times New Roman", "size": 12, **k}),
        fill=PatternFill("solid", fgColor="DDEBF7"),
    )


def xl_book():
    from openpyxl import Workbook
    wb = Workbook()
    wb.properties.creator = "ksthc"
    wb.properties.lastModifiedBy = "ksthc"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    return wb


def row_height(ws, r, widths_):
    lines = 1
    for ci, w in enumerate(widths_, 1):
        v = ws.cell(row=r, column=ci).value
        if isinstance(v, str) and w:
            lines = max(lines, sum(-(-max(len(p), 1) // int(w * 1.1)) for p in v.split("\n")))
    ws.row_dimensions[r].height = 16 * lines + 2




DATE_RE = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")


def xl_lines(units, dash=True):
    if len(units) <= 1 or not dash:
        return "\n".join(units)
    return "\n".join("- " + u + (";" if i < len(units) - 1 else "") for i, u in enumerate(units))


def xl_content(text):
    return "\n".join(content_parts(text))


def xl_title_block(ws, S, left, right_date, title, sub, last_col):
    from openpyxl.utils import get_column_letter as L
    ws.merge_cells(f"A1:C1"); ws["A1"] = left[0]
    ws.merge_cells(f"A2:C2"); ws["A2"] = left[1]
    ws.merge_cells(f"D1:{L(last_col)}1"); ws["D1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws.merge_cells(f"D2:{L(last_col)}2"); ws["D2"] = "Độc lập - Tự do - Hạnh phúc"
    ws.merge_cells(f"D3:{L(last_col)}3"); ws["D3"] = right_date
    ws.merge_cells(f"A4:{L(last_col)}4"); ws["A4"] = title
    ws.merge_cells(f"A5:{L(last_col)}5"); ws["A5"] = sub
    for a in ("A1", "A2", "D1", "D2", "A4"):
        ws[a].font = S["F"](bold=True)
        ws[a].alignment = S["center"]
    for a in ("D3", "A5"):
        ws[a].font = S["F"](italic=True)
        ws[a].alignment = S["center"]
    ws.row_dimensions[4].height = 36


# ============================================================================ Q5 Ninh Bình Sở XD (xlsx)
def build_nb_sxd(g, out):
    """Sheet 'KH 2026': merged title block, one header row, a HIDDEN column-number row and a hidden
    struck-out draft task row (not a task); section rows Roman in A + title merged B:G; numbers restart; deadlines of II.2-II.4
    one vertically merged cell; three deadlines stored as real dates (dd/mm/yyyy); notes with
    limits; a note under the table.  Second sheet 'Tong hop' summarises tasks per lead unit."""
    from openpyxl.utils import get_column_letter as L
    S = xl_styles()
    wb = xl_book()
    ws = wb.active
    ws.title = "KH 2026"
    wd = [6, 52, 24, 26, 16, 26, 22]
    for i, w in enumerate(wd, 1):
        ws.column_dimensions[L(i)].width = w
    xl_title_block(ws, S, ["UBND TỈNH NINH BÌNH", "SỞ XÂY DỰNG"], "Ninh Bình, ngày 15 tháng 01 năm 2026",
                   "KẾ HOẠCH KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026",
                   "(Kèm theo Kế hoạch số 85/KH-SXD ngày 15/01/2026 của Sở Xây dựng tỉnh Ninh Bình)", 7)
    r = 7
    hdr = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Kết quả", "Ghi chú"]
    for ci, h in enumerate(hdr, 1):
        c = ws.cell(row=r, column=ci, value=h)
        c.font = S["F"](bold=True); c.alignment = S["center"]; c.border = S["box"]; c.fill = S["fill"]
    r += 1
    for ci in range(1, 8):
        c = ws.cell(row=r, column=ci, value=f"({ci})")
        c.alignment = S["center"]; c.border = S["box"]
    ws.row_dimensions[r].hidden = True
    r += 1
    ws.print_title_rows = "7:7"
    tasks = g["tasks"]
    merge_start = None
    for lab, title, sec in sections_of(tasks):
        ws.cell(row=r, column=1, value=lab).font = S["F"](bold=True)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=7)
        ws.cell(row=r, column=2, value=title).font = S["F"](bold=True)
        for ci in range(1, 8):
            ws.cell(row=r, column=ci).border = S["box"]
            ws.cell(row=r, column=ci).fill = S["fill"]
        r += 1
        for tk in sec:
            i = tasks.index(tk)
            nxt = tasks[i + 1] if i + 1 < len(tasks) else None
            vals = [int(task_label(tk)), tk["content"], xl_lines(tk["lead"]), xl_lines(tk["support"]),
                    None, tk["result"], tk["notes"]]
            for ci, v in enumerate(vals, 1):
                c = ws.cell(row=r, column=ci, value=v)
                c.font = S["F"](); c.alignment = S["wrap"]; c.border = S["box"]
            dc = ws.cell(row=r, column=5)
            dc.alignment = S["center"]
            if "deadline" in tk["inferred"]:
                pass
            else:
                m = DATE_RE.match(tk["deadline"] or "")
                if m:
                    dc.value = dt.datetime(int(m.group(3)), int(m.group(2)), int(m.group(1)))
                    dc.number_format = "dd/mm/yyyy"
                else:
                    dc.value = tk["deadline"]
                if nxt is not None and "deadline" in nxt["inferred"]:
                    merge_start = r
            if merge_start and (nxt is None or "deadline" not in nxt["inferred"]) and "deadline" in tk["inferred"]:
                ws.merge_cells(start_row=merge_start, start_column=5, end_row=r, end_column=5)
                merge_start = None
            row_height(ws, r, wd)
            r += 1
        if lab == "II":
            # a hidden row: a task struck from the draft, kept hidden by the office (not a task)
            for ci, v in enumerate(["x", "Rà soát thủ tục hành chính lĩnh vực đường thủy nội địa (chuyển Sở Nông nghiệp và Môi trường theo dõi, không thực hiện)",
                                    "Phòng Quản lý vận tải, phương tiện và người lái", "Văn phòng Sở", "Quý II/2026", "Báo cáo rà soát", "Bỏ"], 1):
                c = ws.cell(row=r, column=ci, value=v)
                c.font = S["F"](strike=True); c.alignment = S["wrap"]; c.border = S["box"]
            ws.row_dimensions[r].hidden = True
            r += 1
    r += 1
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=7)
    ws.cell(row=r, column=1, value="Ghi chú: Lĩnh vực giao thông vận tải tiếp nhận từ Sở GTVT từ ngày 01/3/2025; Sở TT&TT nay là Sở Khoa học và Công nghệ.").font = S["F"](italic=True)
    ws.freeze_panes = "C9"
    # second sheet: summary per lead unit (not tasks)
    ws2 = wb.create_sheet("Tong hop")
    ws2["A1"] = "TỔNG HỢP NHIỆM VỤ THEO ĐƠN VỊ CHỦ TRÌ"
    ws2["A1"].font = S["F"](bold=True)
    for ci, h in enumerate(["STT", "Đơn vị chủ trì", "Số nhiệm vụ", "Trong đó thường xuyên"], 1):
        ws2.cell(row=3, column=ci, value=h).font = S["F"](bold=True)
    counts = {}
    for tk in tasks:
        for u in tk["lead"]:
            a = counts.setdefault(u, [0, 0])
            a[0] += 1
            a[1] += tk["deadline"] == "Thường xuyên"
    for i, (u, (n, k)) in enumerate(counts.items(), 1):
        for ci, v in enumerate([i, u, n, k], 1):
            ws2.cell(row=3 + i, column=ci, value=v)
    ws2.cell(row=4 + len(counts), column=2, value="Tổng cộng").font = S["F"](bold=True)
    ws2.cell(row=4 + len(counts), column=3, value=len(tasks))
    ws2.column_dimensions["B"].width = 50
    wb.save(out)


# ============================================================================ Q6 Lai Châu UBND (xlsx)
def build_lch_ubnd(g, out):
    """Sheet 'Phu luc': title block; header 'TT | Nội dung công việc | Cơ quan thực hiện | Tiến độ |
    Kết quả | Ghi chú'; two-level sections (A/B rows with their own title, then I/II/III rows);
    task numbers 1..18 running through; units in one column as Alt+Enter lines 'Chủ trì: ...' /
    'Phối hợp: ...'; content with Alt+Enter bullets; the header row typed again before part B;
    a deadline without diacritics; one empty deadline with four dated reports in the content."""
    from openpyxl.utils import get_column_letter as L
    S = xl_styles()
    wb = xl_book()
    ws = wb.active
    ws.title = "Phu luc"
    wd = [7, 55, 32, 18, 26, 26]
    for i, w in enumerate(wd, 1):
        ws.column_dimensions[L(i)].width = w
    xl_title_block(ws, S, ["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU"], "Lai Châu, ngày 21 tháng 01 năm 2026",
                   "PHỤ LỤC NHIỆM VỤ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026",
                   "(Kèm theo Kế hoạch số 412/KH-UBND ngày 21/01/2026 của UBND tỉnh Lai Châu)", 6)
    hdr = ["TT", "Nội dung công việc", "Cơ quan thực hiện", "Tiến độ", "Kết quả", "Ghi chú"]

    def header(r):
        for ci, h in enumerate(hdr, 1):
            c = ws.cell(row=r, column=ci, value=h)
            c.font = S["F"](bold=True); c.alignment = S["center"]; c.border = S["box"]; c.fill = S["fill"]
    r = 7
    header(r)
    r += 1
    parts = {"A": "CẢI CÁCH QUY ĐỊNH THỦ TỤC HÀNH CHÍNH", "B": "THỰC HIỆN THỦ TỤC HÀNH CHÍNH, CUNG CẤP DỊCH VỤ CÔNG"}
    cur_part = None
    for lab, title, sec in sections_of(g["tasks"]):
        part, sub = sec[0]["ref"].split(".")[:2]
        if part != cur_part:
            if cur_part is not None:
                r += 1
                header(r)
                r += 1
            cur_part = part
            ws.cell(row=r, column=1, value=part).font = S["F"](bold=True)
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=6)
            ws.cell(row=r, column=2, value=parts[part]).font = S["F"](bold=True)
            r += 1
        ws.cell(row=r, column=1, value=sub).font = S["F"](bold=True, italic=True)
        ws.cell(row=r, column=2, value=title).font = S["F"](bold=True, italic=True)
        for ci in range(1, 7):
            ws.cell(row=r, column=ci).border = S["box"]
        r += 1
        for tk in sec:
            units = "Chủ trì: " + "; ".join(tk["lead"])
            if tk["support"]:
                units += "\nPhối hợp: " + "; ".join(tk["support"])
            vals = [int(task_label(tk)), xl_content(tk["content"]), units, tk["deadline"], tk["result"], tk["notes"]]
            for ci, v in enumerate(vals, 1):
                c = ws.cell(row=r, column=ci, value=v)
                c.font = S["F"](); c.alignment = S["wrap"]; c.border = S["box"]
            row_height(ws, r, wd)
            r += 1
    r += 1
    ws.cell(row=r, column=2, value="Ghi chú: Sở KH&ĐT nay là Sở Tài chính.").font = S["F"](italic=True)
    ws.freeze_panes = "A8"
    wb.save(out)
def normalize_zip(path):
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<",
                              lambda m: b"<dcterms:" + m.group(1) + m.group(2) + b">2026-01-20T07:30:00Z<", data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 1, 20, 7, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    os.replace(tmp, path)


def lo_convert(src, fmt):
    soffice = shutil.which("soffice")
    if not soffice:
        return False
    prof = tempfile.mkdtemp(prefix="lo_corpus3_")
    filt = {"pdf": "pdf:writer_pdf_Export", "doc": "doc:MS Word 97"}[fmt]
    try:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{prof}",
                        "--convert-to", filt, "--outdir", FILES, src],
                       check=True, timeout=180, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    return os.path.exists(os.path.splitext(src)[0] + "." + fmt)



PLANS = {
    "hy_ubnd_2026": (build_hy_ubnd, "docx", ["pdf", "doc"], [
        "portrait-then-landscape-section", "each-section-its-own-table", "section-heading-paragraph-outside-table",
        "tblHeader-repeated-header-per-table", "numbers-restart-per-table", "sub-bullets-in-content-cell-one-task",
        "superscript-markers-explained-in-ghi-chu-paragraph", "limit-in-content", "old-unit-name-Sở-TT&TT",
        "relative-deadline-sau-khi", "range-deadline-tu-thang-den-thang", "signature-table", "text-split-across-runs"]),
    "ld_syt_2026": (build_ld_syt, "docx", ["pdf", "doc"], [
        "portrait", "no-stt-column-labels-typed-in-content-column", "section-rows-1.-in-first-column-unmerged",
        "task-labels-a)-b)", "dash-row-sub-assignment-own-units", "units-one-cell-chu-tri-phoi-hop-labels",
        "deadline-column-Tien-do", "header-plus-column-number-row-repeated", "sub-bullets-in-content-cell-one-task",
        "limit-in-content", "old-unit-name-in-text-and-Sở-TT&TT", "signature-table", "text-split-across-runs"]),
    "ct_phuongcaikhe_2026": (build_ct_phuong, "docx", ["pdf", "doc"], [
        "portrait", "ward-plan", "no-result-column", "section-letter-plus-gridspan-title",
        "numbers-running-through-sections", "vmerge-lead-over-three-tasks", "vmerge-deadline-over-two-tasks",
        "notes-column-with-limits", "tblHeader-repeated-header", "old-unit-name-in-text-UBND-quan",
        "signature-table", "text-split-across-runs"]),
    "kh_vpubnd_2026": (build_kh_vpubnd, "docx", ["pdf", "doc"], [
        "landscape", "deadline-column-Thoi-han", "typed-roman-with-dot-plus-gridspan-title-uppercase",
        "typed-task-numbers-with-dot", "sub-bullets-in-content-cell-one-task", "ghi-chu-row-inside-table",
        "plain-repeated-header-row-inside-table", "limit-in-content", "relative-deadlines",
        "old-unit-name-in-text", "signature-table", "text-split-across-runs"]),
    "nb_sxd_2026": (build_nb_sxd, "xlsx", [], [
        "xlsx", "merged-title-block", "hidden-rows", "hidden-struck-out-draft-task-row-not-a-task", "section-rows-roman-title-merged",
        "numbers-restart", "merged-deadline-over-three-tasks", "excel-real-dates-dd/mm/yyyy",
        "alt-enter-unit-lines", "notes-column-with-limits", "note-under-table", "second-sheet-summary-not-tasks",
        "freeze-panes-print-titles", "old-unit-name"]),
    "lch_ubnd_2026": (build_lch_ubnd, "xlsx", [], [
        "xlsx", "merged-title-block", "two-level-sections-A-I", "numbers-running-through",
        "units-one-column-chu-tri-phoi-hop-lines", "deadline-column-Tien-do", "alt-enter-bullets-in-content",
        "header-row-repeated-mid-sheet", "deadline-without-diacritics", "four-dated-reports-in-content-empty-deadline",
        "notes-column-with-limits", "old-unit-name"]),
}


def main():
    do_lo = "--no-lo" not in sys.argv
    os.makedirs(FILES, exist_ok=True)
    manifest = []
    for stem, (fn, ext, exports, feats) in PLANS.items():
        g = load(stem)
        out = os.path.join(FILES, f"{stem}.{ext}")
        assert g["file"] == os.path.basename(out), (g["file"], out)
        fn(g, out)
        normalize_zip(out)
        entry = lambda form, extra: dict(file=f"files/{stem}.{form}", gold=f"gold/{stem}.json",
                                         form=form, tasks=len(g["tasks"]), features=extra + feats)
        manifest.append(entry(ext, [ext] if ext == "docx" else []))
        for fmt in exports:
            target = os.path.join(FILES, f"{stem}.{fmt}")
            if (do_lo and lo_convert(out, fmt)) or os.path.exists(target):
                manifest.append(entry(fmt, [{"pdf": "pdf-exported-by-libreoffice", "doc": "word97-doc-exported-by-libreoffice"}[fmt]]))
        print(stem, len(g["tasks"]), "tasks", ext, exports)
    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
