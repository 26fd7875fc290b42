"""Builds the documents of corpus2 from gold/<plan>.json (written first, by gold_src/gen_gold.py).

Each plan has its own builder function below, imitating how a particular office's tool lays the
plan out (python-docx plus raw WordprocessingML for what python-docx cannot do: gridSpan, vMerge,
gridBefore/gridAfter, tblHeader, automatic numbering; openpyxl for the workbooks).  The .docx and
.xlsx are deterministic (fixed zip times and core properties).  PDF and Word 97 .doc exports are
made with LibreOffice headless, one user profile per conversion.

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
FIXED = dt.datetime(2026, 1, 20, 7, 30, 0)
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


# ============================================================================ P1 Hà Nội Sở Tư pháp
def build_hn_stp(g, out):
    """Landscape; three-column header table; sections typed I..V in the number cell + gridSpan
    title; task numbers by Word auto numbering with a separate abstractNum per section; notes
    column with limits; two task rows cut in two (one with a repeated header row between the
    halves, as after a PDF-to-Word round trip); indicator table and signature table after."""
    doc = base_doc(12, landscape=True, title="Kế hoạch kiểm soát TTHC năm 2026")
    t = doc.add_table(rows=2, cols=3)
    borders(t, on=False)
    for i, line in enumerate(["UBND THÀNH PHỐ HÀ NỘI", "SỞ TƯ PHÁP"]):
        par(t.cell(0, 0), line, bold=(i == 1), align=C, split=False)
    par(t.cell(0, 2), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, align=C, split=False)
    par(t.cell(0, 2), "Độc lập - Tự do - Hạnh phúc", bold=True, align=C, split=False)
    p = t.cell(1, 0).paragraphs[0]
    p.alignment = C
    for piece in ("Số: ", "36", "/KH-", "STP"):
        p.add_run(piece)
    par(t.cell(1, 2), "Hà Nội, ngày 09 tháng 01 năm 2026", italic=True, align=C, split=False)
    widths(t, [9.0, 4.2, 12.0])
    title_block(doc, ["KẾ HOẠCH", "Kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông năm 2026 của Sở Tư pháp thành phố Hà Nội"])
    text_block(doc, [
        ("p", "Căn cứ Kế hoạch số 05/KH-UBND ngày 06/01/2026 của UBND Thành phố về kiểm soát thủ tục hành chính năm 2026; Sở Tư pháp ban hành Kế hoạch thực hiện như sau:"),
        ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("p", "Bảo đảm các nhiệm vụ kiểm soát thủ tục hành chính lĩnh vực tư pháp được triển khai đồng bộ, đúng tiến độ; xác định rõ đơn vị chủ trì, phối hợp, thời hạn và sản phẩm."),
        ("h", "II. NHIỆM VỤ CỤ THỂ"),
    ])
    fields = ["num", "content", "lead", "support", "deadline", "result", "notes"]
    cm = [1.2, 8.4, 3.6, 3.6, 3.2, 3.4, 2.8]
    hdr = ["TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm", "Ghi chú"]
    table = doc.add_table(rows=0, cols=len(fields))
    borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header_rows(table, [[(h, 1, None) for h in hdr]])
    secs = sections_of(g["tasks"])
    new_abstract(doc, 301, [("upperRoman", "%1", 1)], [301])  # unused Roman list (left by template)
    for k, (lab, title, _) in enumerate(secs):
        new_abstract(doc, 310 + k, [("decimal", "%1.", 1)], [310 + k])
    split_at = {"I.2": ("trong đó có dự thảo", False), "III.4": ("tổng hợp khó khăn,", True)}
    for k, (lab, title, tasks) in enumerate(secs):
        row = table.add_row()
        tc = span(row, 1, len(fields) - 1)
        par(cell_of(row, 0, table), lab, bold=True, align=C, split=False)
        par(_Cell(tc, table), title, bold=True)
        for x in tasks:
            row = table.add_row()
            cells = row.cells
            content = x["content"]
            cut = split_at.get(x["ref"])
            if cut:
                i = content.index(cut[0])
                first, rest = content[:i].rstrip(), content[i:]
            else:
                first, rest = content, None
            p = cells[0].paragraphs[0]
            p.alignment = C
            numbered(p, 310 + k)
            par(cells[1], first, align=J)
            units_lines(cells[2], x["lead"])
            units_lines(cells[3], x["support"])
            if x["deadline"]:
                par(cells[4], x["deadline"], align=C)
            if x["result"]:
                par(cells[5], x["result"])
            if x["notes"]:
                par(cells[6], x["notes"], italic=True)
            if rest:
                if cut[1]:  # header repeated by the page break, copied in as a plain row
                    hr = table.add_row()
                    for ci, h in enumerate(hdr):
                        par(hr.cells[ci], h, bold=True, align=C, split=False)
                row2 = table.add_row()
                par(row2.cells[1], rest, align=J)
    widths(table, cm)
    par(doc, "")
    par(doc, "III. CHỈ TIÊU CẦN ĐẠT", bold=True)
    ind = doc.add_table(rows=0, cols=4)
    borders(ind)
    header_rows(ind, [[("TT", 1, None), ("Chỉ tiêu", 1, None), ("Năm 2026", 1, None), ("Đơn vị theo dõi", 1, None)]], repeat=False)
    for i, (a, b, c_) in enumerate([
        ("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "≥ 98%", "Văn phòng Sở"),
        ("Tỷ lệ hồ sơ được số hóa khi tiếp nhận", "100%", "Phòng Hành chính tư pháp"),
        ("Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn", "100%", "Văn phòng Sở"),
        ("Tỷ lệ hồ sơ trực tuyến toàn trình", "≥ 60%", "Văn phòng Sở"),
    ], 1):
        r = ind.add_row()
        par(r.cells[0], str(i), align=C)
        par(r.cells[1], a)
        par(r.cells[2], b, align=C)
        par(r.cells[3], c_)
    widths(ind, [1.2, 12.0, 3.0, 6.0])
    par(doc, "")
    text_block(doc, [("p", "Văn phòng Sở là đầu mối theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch, báo cáo Giám đốc Sở./.")])
    signature_table(doc, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "", "Trần Thị Thu Hà"],
                    ["- UBND Thành phố (để b/c);", "- VP UBND Thành phố (Phòng KSTTHC);", "- Các phòng, đơn vị thuộc Sở;", "- Lưu: VT, VP."],
                    [12.0, 12.0])
    doc.save(out)


# ============================================================================ P2 Thanh Hóa UBND
def build_th_ubnd(g, out):
    """Landscape; one multilevel Word list: section rows are one gridSpan cell whose paragraph has
    ilvl 0 ("1."), task number cells ilvl 1 ("1.1."); nothing typed.  Deadline cells left empty
    where the limit is only in the task text; a closing 'Tổng số' row with gridBefore/gridAfter
    inside the task table; signature table."""
    doc = base_doc(12, landscape=True, title="KH KSTTHC 2026")
    head_table(doc, ["ỦY BAN NHÂN DÂN", "TỈNH THANH HÓA"], g["number"], "Thanh Hóa, ngày 16 tháng 01 năm 2026", [10.0, 15.0])
    title_block(doc, ["KẾ HOẠCH", "Hoạt động kiểm soát thủ tục hành chính năm 2026 trên địa bàn tỉnh Thanh Hóa"])
    text_block(doc, [
        ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("p", "Kiểm soát chặt chẽ việc ban hành, thực hiện thủ tục hành chính; đẩy mạnh giải quyết thủ tục hành chính trên môi trường điện tử sau khi tổ chức chính quyền địa phương hai cấp."),
        ("h", "II. NHIỆM VỤ, GIẢI PHÁP"),
        ("p", "Các nhiệm vụ cụ thể như sau:"),
    ])
    fields = ["num", "content", "lead", "support", "result", "deadline"]
    cm = [1.4, 9.0, 3.8, 4.2, 3.6, 3.6]
    table = doc.add_table(rows=0, cols=len(fields))
    borders(table)
    header_rows(table, [[(h, 1, None) for h in ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời hạn hoàn thành"]]])
    new_abstract(doc, 401, [("decimal", "%1.", 1), ("decimal", "%1.%2.", 1)], [401])
    for lab, title, tasks in sections_of(g["tasks"]):
        row = table.add_row()
        tc = span(row, 0, len(fields))
        p = par(_Cell(tc, table), title, bold=True)
        numbered(p, 401, 0)
        for x in tasks:
            row = table.add_row()
            cells = row.cells
            p = cells[0].paragraphs[0]
            p.alignment = C
            numbered(p, 401, 1)
            par(cells[1], x["content"], align=J)
            units_lines(cells[2], x["lead"])
            units_lines(cells[3], x["support"])
            par(cells[4], x["result"])
            if x["deadline"]:
                parts = x["deadline"].split("; ") if x["deadline"].count("/2026;") else [x["deadline"]]
                for j, part in enumerate(parts):
                    par(cells[5], part + (";" if j < len(parts) - 1 else ""), align=C)
    # closing row: skips the STT column before and the deadline column after
    row = table.add_row()
    trPr = row._tr.get_or_add_trPr()
    trPr.append(parse_xml(f'<w:gridBefore {nsdecls("w")} w:val="1"/>'))
    trPr.append(parse_xml(f'<w:gridAfter {nsdecls("w")} w:val="1"/>'))
    tcs = row._tr.findall(qn("w:tc"))
    row._tr.remove(tcs[0])
    row._tr.remove(tcs[-1])
    tc = span(row, 0, 4)
    par(_Cell(tc, table), f"Tổng số: {len(g['tasks'])} nhiệm vụ", bold=True, italic=True, align=C, split=False)
    widths(table, cm)
    par(doc, "")
    text_block(doc, [
        ("h", "III. TỔ CHỨC THỰC HIỆN"),
        ("p", "Giao Văn phòng UBND tỉnh theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch; tổng hợp báo cáo Chủ tịch UBND tỉnh./."),
    ])
    signature_table(doc, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Lê Đức Giang"],
                    ["- Văn phòng Chính phủ (Cục KSTTHC);", "- Chủ tịch, các PCT UBND tỉnh;", "- Các sở, ban, ngành cấp tỉnh;", "- UBND các xã, phường;", "- Lưu: VT, KSTTHC."],
                    [12.0, 13.0])
    doc.save(out)


# ============================================================================ P3 Nghệ An Sở KH&CN
def build_na_skhcn(g, out):
    """Portrait; columns STT | Nội dung | Thời gian | Đơn vị thực hiện | Kết quả dự kiến (time
    before units); units in one cell as 'Chủ trì: …' / 'Phối hợp: …; …' paragraphs with the label
    in its own bold run; section letters by Word auto numbering (upperLetter) in the number cell;
    typed task numbers restarting per section; header + numbering row both repeated; '(*)' marks
    explained in a 'Ghi chú' paragraph under the table."""
    doc = base_doc(12, landscape=False, title="Kế hoạch KSTTHC")
    head_table(doc, ["UBND TỈNH NGHỆ AN", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], g["number"], "Nghệ An, ngày 21 tháng 01 năm 2026", [7.0, 9.0], num_runs=False)
    title_block(doc, ["KẾ HOẠCH", "Kiểm soát thủ tục hành chính và chuyển đổi số trong giải quyết thủ tục hành chính năm 2026"])
    text_block(doc, [
        ("p", "Thực hiện Kế hoạch số 18/KH-UBND ngày 12/01/2026 của UBND tỉnh Nghệ An, Sở Khoa học và Công nghệ (sau khi hợp nhất Sở Thông tin và Truyền thông) ban hành Kế hoạch như sau:"),
    ])
    table = doc.add_table(rows=0, cols=5)
    borders(table)
    header_rows(table, [
        [(h, 1, None) for h in ["STT", "Nội dung", "Thời gian", "Đơn vị thực hiện", "Kết quả dự kiến"]],
        [(h, 1, None) for h in ["1", "2", "3", "4", "5"]],
    ])
    new_abstract(doc, 501, [("upperLetter", "%1.", 1)], [501])
    star = {"B.1", "C.3"}
    for lab, title, tasks in sections_of(g["tasks"]):
        row = table.add_row()
        p = row.cells[0].paragraphs[0]
        p.alignment = C
        numbered(p, 501)
        shade(row.cells[0])
        tc = span(row, 1, 4)
        shade(_Cell(tc, table))
        par(_Cell(tc, table), title, bold=True)
        for x in tasks:
            cells = table.add_row().cells
            par(cells[0], num_of(x["ref"]), align=C, split=False)
            par(cells[1], x["content"] + (" (*)" if x["ref"] in star else ""), align=J)
            par(cells[2], x["deadline"], align=C)
            p = par(cells[3], "")
            p.add_run("Chủ trì: ").bold = True
            p.add_run("; ".join(x["lead"]))
            if x["support"]:
                p = par(cells[3], "", reuse=False)
                p.add_run("Phối hợp:").bold = True
                for piece in runs_of(" " + "; ".join(x["support"]) + "."):
                    p.add_run(piece)
            par(cells[4], x["result"])
    widths(table, [1.1, 6.0, 2.2, 4.2, 2.5])
    par(doc, "")
    par(doc, "Ghi chú:", bold=True, italic=True)
    par(doc, "(*) Nhiệm vụ chuyển tiếp từ Kế hoạch năm 2025 của Sở Thông tin và Truyền thông (cũ).", italic=True)
    par(doc, "Các phòng, đơn vị gửi báo cáo bằng văn bản và qua Hệ thống quản lý văn bản điều hành.", italic=True)
    signature_table(doc, ["GIÁM ĐỐC", "", "", "", "Nguyễn Quý Linh"], ["- UBND tỉnh (b/c);", "- VP UBND tỉnh;", "- Lưu: VT, VP."], [8.0, 8.0])
    doc.save(out)


# ============================================================================ P4 Huế VP UBND
def build_hue_vpubnd(g, out):
    """Landscape; an indicator table (non-task) before the task table; two-row header
    'Đơn vị thực hiện' over 'Chủ trì | Phối hợp'; section rows one full-width cell with the typed
    label 'I.'; where the whole row belongs to all units, the lead and cooperating cells are one
    gridSpan-2 cell (gold: roles inferred); long rows break across pages in the PDF."""
    doc = base_doc(13, landscape=True, title="Kế hoạch KSTTHC 2026 Văn phòng UBND thành phố Huế")
    head_table(doc, ["UBND THÀNH PHỐ HUẾ", "VĂN PHÒNG"], g["number"], "Thành phố Huế, ngày 19 tháng 01 năm 2026", [10.0, 14.0])
    title_block(doc, ["KẾ HOẠCH", "Triển khai nhiệm vụ kiểm soát thủ tục hành chính năm 2026"])
    text_block(doc, [
        ("h", "I. MỤC TIÊU"),
        ("p", "Các chỉ tiêu cần đạt trong năm 2026:"),
    ])
    ind = doc.add_table(rows=0, cols=4)
    borders(ind)
    header_rows(ind, [[("STT", 1, None), ("Chỉ tiêu", 1, None), ("Mục tiêu", 1, None), ("Đơn vị chủ trì theo dõi", 1, None)]], repeat=False)
    for i, (a, b, c_) in enumerate([
        ("Hồ sơ thủ tục hành chính được giải quyết đúng hạn", "≥ 98%", "Trung tâm Phục vụ hành chính công thành phố"),
        ("Thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình", "100%", "Sở KH&CN"),
        ("Phản ánh, kiến nghị được xử lý đúng thời hạn", "100%", "Phòng Kiểm soát thủ tục hành chính"),
        ("Hồ sơ được số hóa khi tiếp nhận", "100%", "Các sở, ban, ngành thành phố; UBND các phường, xã"),
    ], 1):
        r = ind.add_row()
        par(r.cells[0], str(i), align=C)
        par(r.cells[1], a)
        par(r.cells[2], b, align=C)
        par(r.cells[3], c_)
    widths(ind, [1.5, 12.0, 3.0, 9.0])
    text_block(doc, [("h", "II. NHIỆM VỤ CỤ THỂ")])
    table = doc.add_table(rows=0, cols=6)
    borders(table)
    header_rows(table, [
        [("STT", 1, "r"), ("Nhiệm vụ", 1, "r"), ("Đơn vị thực hiện", 2, None), ("Thời gian", 1, "r"), ("Kết quả", 1, "r")],
        [("", 1, "c"), ("", 1, "c"), ("Chủ trì", 1, None), ("Phối hợp", 1, None), ("", 1, "c"), ("", 1, "c")],
    ])
    for lab, title, tasks in sections_of(g["tasks"]):
        row = table.add_row()
        tc = span(row, 0, 6)
        par(_Cell(tc, table), f"{lab}. {title}", bold=True, split=False)
        for x in tasks:
            row = table.add_row()
            par(row.cells[0], num_of(x["ref"]) + ".", align=C, split=False)
            par(row.cells[1], x["content"], align=J)
            if "lead" in x["inferred"]:
                tc = span(row, 2, 2)
                par(_Cell(tc, table), "; ".join(x["lead"]), align=C)
                rest = row._tr.findall(qn("w:tc"))[3:]
            else:
                units_lines(row.cells[2], x["lead"])
                units_lines(row.cells[3], x["support"])
                rest = row._tr.findall(qn("w:tc"))[4:]
            par(_Cell(rest[0], table), x["deadline"], align=C)
            par(_Cell(rest[1], table), x["result"])
    widths(table, [1.3, 10.5, 4.2, 4.2, 2.9, 3.2])
    text_block(doc, [
        ("h", "III. TỔ CHỨC THỰC HIỆN"),
        ("p", "Phòng Kiểm soát thủ tục hành chính chủ trì, theo dõi, đôn đốc việc thực hiện; định kỳ báo cáo Chánh Văn phòng./."),
    ])
    signature_table(doc, ["CHÁNH VĂN PHÒNG", "", "", "", "Phan Thiên Định"], ["- UBND thành phố (b/c);", "- Các sở, ban, ngành;", "- Lưu: VT, KSTTHC."], [12.0, 12.0])
    doc.save(out)


# ============================================================================ P6 Quảng Ngãi, UBND xã
def build_qng_xa(g, out):
    """Portrait commune plan; four columns (no result column); section rows are a gridSpan-2 cell
    'I. …' over the number and content columns plus two empty cells; units in one cell as
    'X chủ trì, phối hợp với Y' / 'X chủ trì thực hiện' (III.1 without role words); deadline cell
    empty when the limit is only in the task text; no repeated header; signature table."""
    doc = base_doc(13, landscape=False, title="Ke hoach KSTTHC xa 2026")
    head_table(doc, ["ỦY BAN NHÂN DÂN", "XÃ NGHĨA HÀNH"], g["number"], "Nghĩa Hành, ngày 23 tháng 01 năm 2026", [6.5, 9.5])
    title_block(doc, ["KẾ HOẠCH", "Kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông năm 2026 trên địa bàn xã"])
    text_block(doc, [
        ("p", "Căn cứ Kế hoạch kiểm soát thủ tục hành chính năm 2026 của UBND tỉnh Quảng Ngãi; UBND xã Nghĩa Hành xây dựng Kế hoạch thực hiện với các nội dung sau:"),
    ])
    table = doc.add_table(rows=0, cols=4)
    borders(table)
    header_rows(table, [[(h, 1, None) for h in ["TT", "Nội dung công việc", "Người/bộ phận thực hiện", "Thời gian"]]], repeat=False)
    for lab, title, tasks in sections_of(g["tasks"]):
        row = table.add_row()
        tc = span(row, 0, 2)
        par(_Cell(tc, table), f"{lab}. {title}", bold=True, split=False)
        for x in tasks:
            cells = table.add_row().cells
            par(cells[0], num_of(x["ref"]) + ".", align=C, split=False)
            par(cells[1], x["content"], align=J)
            if "lead" in x["inferred"]:
                units_lines(cells[2], x["lead"], dash=False)
            elif x["support"]:
                par(cells[2], f"{'; '.join(x['lead'])} chủ trì, phối hợp với {'; '.join(x['support'])}")
            else:
                par(cells[2], f"{'; '.join(x['lead'])} chủ trì thực hiện")
            if x["deadline"]:
                par(cells[3], x["deadline"], align=C)
    widths(table, [1.0, 8.2, 4.3, 2.5])
    text_block(doc, [
        ("p", "Giao công chức Văn phòng - Thống kê theo dõi, đôn đốc thực hiện Kế hoạch; tổng hợp báo cáo Chủ tịch UBND xã./."),
    ])
    signature_table(doc, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Đinh Văn Tâm"], ["- UBND tỉnh (VP UBND tỉnh);", "- TT Đảng ủy, HĐND xã;", "- Lưu: VT."], [7.0, 9.0])
    doc.save(out)


# ============================================================================ P7 Tây Ninh Sở NN&MT
def build_tn_snnmt(g, out):
    """Landscape; two-row header with 'Phân công' over 'Chủ trì | Phối hợp' (vMerge on the other
    header cells); typed zero-padded numbers '01'…'16' running through sections A–D (section
    rows: letter cell + gridSpan title); a task with a) / b) results and a) / b) deadlines in one
    row (refs 05a/05b, 11a/11b); units one per paragraph; notes column with limits."""
    doc = base_doc(12, landscape=True, title="KH KSTTHC 2026 - So NN&MT")
    head_table(doc, ["UBND TỈNH TÂY NINH", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"], g["number"], "Tây Ninh, ngày 27 tháng 01 năm 2026", [10.0, 14.0])
    title_block(doc, ["KẾ HOẠCH", "Kiểm soát thủ tục hành chính năm 2026 của Sở Nông nghiệp và Môi trường"])
    text_block(doc, [
        ("p", "Căn cứ Kế hoạch số 29/KH-UBND ngày 15/01/2026 của UBND tỉnh Tây Ninh về kiểm soát thủ tục hành chính năm 2026, Sở Nông nghiệp và Môi trường ban hành Kế hoạch với các nhiệm vụ sau:"),
    ])
    table = doc.add_table(rows=0, cols=7)
    borders(table)
    header_rows(table, [
        [("TT", 1, "r"), ("Nhiệm vụ", 1, "r"), ("Kết quả, sản phẩm", 1, "r"), ("Phân công", 2, None), ("Thời gian thực hiện", 1, "r"), ("Ghi chú", 1, "r")],
        [("", 1, "c"), ("", 1, "c"), ("", 1, "c"), ("Chủ trì", 1, None), ("Phối hợp", 1, None), ("", 1, "c"), ("", 1, "c")],
    ])
    for lab, title, tasks in sections_of(g["tasks"]):
        row = table.add_row()
        par(row.cells[0], lab + ".", bold=True, align=C, split=False)
        tc = span(row, 1, 6)
        par(_Cell(tc, table), title, bold=True)
        i = 0
        while i < len(tasks):
            x = tasks[i]
            group = [x]
            if x["ref"].endswith("a"):
                while i + len(group) < len(tasks) and num_of(tasks[i + len(group)]["ref"]) == num_of(x["ref"]):
                    group.append(tasks[i + len(group)])
            cells = table.add_row().cells
            par(cells[0], num_of(x["ref"]), align=C, split=False)
            par(cells[1], x["content"], align=J)
            for y in group:
                par(cells[2], y["result"])
            units_lines(cells[3], x["lead"], dash=False)
            units_lines(cells[4], x["support"], dash=False)
            for y in group:
                lab_ = (y["ref"][-1] + ") ") if len(group) > 1 else ""
                par(cells[5], lab_ + y["deadline"], align=C if not lab_ else None)
            if x["notes"]:
                par(cells[6], x["notes"], italic=True)
            i += len(group)
    widths(table, [1.2, 7.8, 4.6, 3.4, 3.4, 2.8, 3.0])
    text_block(doc, [
        ("p", "Văn phòng Sở là đầu mối giúp Giám đốc Sở theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch./."),
    ])
    signature_table(doc, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Nguyễn Văn Út"], ["- UBND tỉnh (b/c);", "- VP UBND tỉnh (P. KSTTHC);", "- Các phòng, đơn vị thuộc Sở;", "- Lưu: VT, VP."], [12.0, 12.0])
    doc.save(out)


# ============================================================================ xlsx helpers
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


# ============================================================================ P5 Đà Nẵng (xlsx)
def build_dng_ubnd(g, out):
    """Sheet 'Huong dan' (instructions) first, then 'KH2026': a title block above the header
    (merged), two header rows ('Cơ quan thực hiện' over Chủ trì | Phối hợp, 'Thời gian thực hiện'
    over Bắt đầu | Hoàn thành: the deadline is the Hoàn thành column), a column-number row,
    section rows (Roman in A, title in B, fill, not merged), numbers restarting per section,
    vertical merges of lead/support/deadline cells (gold: inferred), units on Alt+Enter lines,
    one completion date stored as a real date."""
    S = xl_styles()
    wb = xl_book()
    ws0 = wb.active
    ws0.title = "Huong dan"
    for i, line in enumerate([
        "HƯỚNG DẪN SỬ DỤNG BIỂU KẾ HOẠCH",
        "1. Sheet \"KH2026\" là bảng nhiệm vụ kèm theo Kế hoạch số 08/KH-UBND ngày 13/01/2026 của UBND thành phố Đà Nẵng.",
        "2. Cột \"Bắt đầu\" là thời điểm triển khai; cột \"Hoàn thành\" là thời hạn hoàn thành nhiệm vụ.",
        "3. Các cơ quan, đơn vị cập nhật tiến độ tại cột \"Ghi chú\", không sửa nội dung các cột khác.",
        "4. Đầu mối: Phòng Kiểm soát TTHC, Văn phòng UBND thành phố, ĐT 0236.3822.xxx.",
    ], 1):
        ws0.cell(row=i, column=1, value=line).font = S["F"](bold=(i == 1))
    ws0.column_dimensions["A"].width = 110
    ws = wb.create_sheet("KH2026")
    cols = ["A", "B", "C", "D", "E", "F", "G", "H"]
    wd = [6, 58, 26, 28, 26, 14, 16, 30]
    for c, w in zip(cols, wd):
        ws.column_dimensions[c].width = w
    ws["A1"] = "ỦY BAN NHÂN DÂN"
    ws["A2"] = "THÀNH PHỐ ĐÀ NẴNG"
    ws.merge_cells("A1:C1")
    ws.merge_cells("A2:C2")
    ws["E1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws["E2"] = "Độc lập - Tự do - Hạnh phúc"
    ws.merge_cells("E1:H1")
    ws.merge_cells("E2:H2")
    ws["A4"] = "DANH MỤC NHIỆM VỤ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026"
    ws.merge_cells("A4:H4")
    ws["A5"] = "(Kèm theo Kế hoạch số 08/KH-UBND ngày 13/01/2026 của UBND thành phố Đà Nẵng)"
    ws.merge_cells("A5:H5")
    for a in ("A1", "A2", "E1", "E2", "A4", "A5"):
        ws[a].font = S["F"](bold=(a != "A5"), italic=(a == "A5"), size=14 if a == "A4" else 12)
        ws[a].alignment = S["center"]
    r = 7
    h1 = ["STT", "Nội dung công việc", "Cơ quan thực hiện", None, "Sản phẩm", "Thời gian thực hiện", None, "Ghi chú"]
    h2 = [None, None, "Chủ trì", "Phối hợp", None, "Bắt đầu", "Hoàn thành", None]
    for ci, v in enumerate(h1, 1):
        ws.cell(row=r, column=ci, value=v)
    for ci, v in enumerate(h2, 1):
        if v:
            ws.cell(row=r + 1, column=ci, value=v)
    for c in "ABEH":
        ws.merge_cells(f"{c}{r}:{c}{r + 1}")
    ws.merge_cells(f"C{r}:D{r}")
    ws.merge_cells(f"F{r}:G{r}")
    for ci in range(1, 9):
        ws.cell(row=r + 2, column=ci, value=f"({ci})")
    for rr in (r, r + 1, r + 2):
        for ci in range(1, 9):
            c = ws.cell(row=rr, column=ci)
            c.font = S["F"](bold=(rr < r + 2), italic=(rr == r + 2))
            c.alignment = S["center"]
            c.border = S["box"]
    ws.print_title_rows = f"{r}:{r + 2}"
    ws.freeze_panes = f"C{r + 3}"
    ws.page_setup.orientation = "landscape"
    r += 3
    starts = ["Tháng 01/2026", "01/01/2026", "Quý I/2026", "Tháng 02/2026"]
    fieldcol = {"lead": 3, "support": 4, "deadline": 7}
    open_merge = {}
    for lab, title, tasks in sections_of(g["tasks"]):
        ws.cell(row=r, column=1, value=lab)
        ws.cell(row=r, column=2, value=title)
        for ci in range(1, 9):
            c = ws.cell(row=r, column=ci)
            c.font = S["F"](bold=True)
            c.fill = S["fill"]
            c.border = S["box"]
            c.alignment = S["wrap"]
        r += 1
        prev = None
        for n, x in enumerate(tasks, 1):
            vals = {1: int(num_of(x["ref"])), 2: x["content"], 5: x["result"], 8: x["notes"]}
            vals[6] = starts[(n + len(title)) % len(starts)] if x["deadline"] not in ("Thường xuyên", "Theo yêu cầu") else None
            for f, ci in fieldcol.items():
                if prev and f in x["inferred"] and x[f] == prev[f]:
                    open_merge[f][1] = r
                    continue
                if f in open_merge and open_merge[f][1] > open_merge[f][0]:
                    a, b = open_merge[f]
                    L = cols[ci - 1]
                    ws.merge_cells(f"{L}{a}:{L}{b}")
                open_merge[f] = [r, r]
                if f == "deadline":
                    d = x["deadline"]
                    if re.fullmatch(r"\d{2}/\d{2}/\d{4}", d):
                        dd, mm, yy = map(int, d.split("/"))
                        vals[ci] = dt.datetime(yy, mm, dd)
                    else:
                        vals[ci] = d
                else:
                    vals[ci] = "\n".join(x[f]) if x[f] else None
            for ci in range(1, 9):
                c = ws.cell(row=r, column=ci)
                if ci in vals:
                    c.value = vals[ci]
                c.border = S["box"]
                c.font = S["F"]()
                c.alignment = S["center"] if ci in (1, 6, 7) else S["wrap"]
                if isinstance(c.value, dt.datetime):
                    c.number_format = "dd/mm/yyyy"
            row_height(ws, r, wd)
            prev = x
            r += 1
        for f, ci in fieldcol.items():
            if f in open_merge and open_merge[f][1] > open_merge[f][0]:
                a, b = open_merge[f]
                ws.merge_cells(f"{cols[ci - 1]}{a}:{cols[ci - 1]}{b}")
        open_merge = {}
    r += 1
    ws.cell(row=r, column=2, value="Ghi chú: Sở Kế hoạch và Đầu tư, Sở Giao thông vận tải (cũ) nay là Sở Tài chính, Sở Xây dựng.").font = S["F"](italic=True)
    wb.save(out)


# ============================================================================ P8 Vĩnh Long (xlsx)
def build_vl_ubnd(g, out):
    """Sheet 'Thuyet minh' (instructions and abbreviations) first, then 'Phu luc': a merged title
    block, one header row, a hidden column B (internal task codes), section rows with the Roman
    number in A and the title merged C:F, numbers 1–20 running through the sheet, lead and
    cooperating units in ONE column on Alt+Enter lines '- X (chủ trì);' / '- Y (phối hợp).',
    abbreviations (VP UBND tỉnh, STP, Sở TT&TT, Trung tâm PVHCC) and old unit names."""
    S = xl_styles()
    wb = xl_book()
    ws0 = wb.active
    ws0.title = "Thuyet minh"
    for i, line in enumerate([
        "THUYẾT MINH PHỤ LỤC KẾ HOẠCH KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026",
        "Phụ lục kèm theo Kế hoạch số 33/KH-UBND ngày 22/01/2026 của UBND tỉnh Vĩnh Long.",
        "Cột \"Đơn vị thực hiện\": đơn vị ghi (chủ trì) chịu trách nhiệm chính; đơn vị ghi (phối hợp) tham gia thực hiện.",
        "Các đơn vị gửi báo cáo định kỳ về Văn phòng UBND tỉnh qua Hệ thống quản lý văn bản.",
        "",
        "Chữ viết tắt:",
        "VP UBND tỉnh: Văn phòng Ủy ban nhân dân tỉnh",
        "STP: Sở Tư pháp",
        "Sở TT&TT: Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)",
        "Trung tâm PVHCC tỉnh: Trung tâm Phục vụ hành chính công tỉnh",
        "Sở LĐTBXH: Sở Lao động - Thương binh và Xã hội",
    ], 1):
        ws0.cell(row=i, column=1, value=line).font = S["F"](bold=(i in (1, 6)))
    ws0.column_dimensions["A"].width = 100
    ws = wb.create_sheet("Phu luc")
    cols = ["A", "B", "C", "D", "E", "F"]
    wd = [6, 10, 62, 34, 28, 22]
    for c, w in zip(cols, wd):
        ws.column_dimensions[c].width = w
    ws.column_dimensions["B"].hidden = True
    ws["A1"] = "ỦY BAN NHÂN DÂN TỈNH VĨNH LONG"
    ws.merge_cells("A1:D1")
    ws["A2"] = "PHỤ LỤC"
    ws["A3"] = "NHIỆM VỤ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026"
    ws["A4"] = "(Kèm theo Kế hoạch số 33/KH-UBND ngày 22/01/2026 của UBND tỉnh)"
    for a in ("A2", "A3", "A4"):
        ws.merge_cells(f"{a}:F{a[1:]}")
        ws[a].alignment = S["center"]
    for a in ("A1", "A2", "A3", "A4"):
        ws[a].font = S["F"](bold=(a != "A4"), italic=(a == "A4"))
    r = 6
    for ci, v in enumerate(["STT", "Mã NV", "Nội dung nhiệm vụ", "Đơn vị thực hiện", "Sản phẩm", "Thời hạn"], 1):
        c = ws.cell(row=r, column=ci, value=v)
        c.font = S["F"](bold=True)
        c.alignment = S["center"]
        c.border = S["box"]
    ws.print_title_rows = f"{r}:{r}"
    r += 1
    for lab, title, tasks in sections_of(g["tasks"]):
        ws.cell(row=r, column=1, value=lab)
        ws.cell(row=r, column=3, value=title)
        ws.merge_cells(f"C{r}:F{r}")
        for ci in range(1, 7):
            c = ws.cell(row=r, column=ci)
            c.font = S["F"](bold=True)
            c.border = S["box"]
        r += 1
        for x in tasks:
            n = int(num_of(x["ref"]))
            lines = [f"- {u} (chủ trì)" for u in x["lead"]] + [f"- {u} (phối hợp)" for u in x["support"]]
            lines = [ln + (";" if i < len(lines) - 1 else ".") for i, ln in enumerate(lines)]
            vals = [n, f"KS-{lab}-{n:02d}", x["content"], "\n".join(lines), x["result"], x["deadline"]]
            if x["deadline"] and x["deadline"].count("22/"):
                vals[5] = ";\n".join(x["deadline"].split("; "))
            for ci, v in enumerate(vals, 1):
                c = ws.cell(row=r, column=ci, value=v)
                c.border = S["box"]
                c.font = S["F"]()
                c.alignment = S["center"] if ci in (1, 6) else S["wrap"]
            row_height(ws, r, [6, 0, 62, 34, 28, 22])
            r += 1
    wb.save(out)


# ============================================================================ driver
PLANS = {
    "hn_stp_2026": (build_hn_stp, "docx", ["pdf", "doc"], [
        "landscape", "three-column-header-table", "typed-roman-sections-number-cell-plus-gridspan-title",
        "word-auto-numbering-one-abstractNum-per-section", "tblHeader-repeated-header",
        "row-cut-in-two-continuation-row-empty-number", "plain-repeated-header-row-inside-table",
        "notes-column-with-limits", "indicator-table-after-tasks", "signature-table",
        "abbreviations-VP-UBND-Sở-TT&TT", "old-unit-name", "text-split-across-runs"]),
    "th_ubnd_2026": (build_th_ubnd, "docx", ["pdf", "doc"], [
        "landscape", "word-auto-numbering-multilevel-1/1.1-nothing-typed",
        "section-rows-single-gridspan-cell-auto-numbered", "tblHeader-repeated-header",
        "deadline-only-in-task-text-empty-time-cell", "limit-in-content-besides-deadline",
        "four-dated-reports-in-one-cell", "gridBefore-gridAfter-total-row-in-task-table",
        "signature-table", "text-split-across-runs"]),
    "na_skhcn_2026": (build_na_skhcn, "docx", ["pdf", "doc"], [
        "portrait", "time-column-before-units", "units-one-cell-chu-tri-phoi-hop-labels",
        "word-auto-numbering-upperLetter-sections", "typed-task-numbers-restart",
        "header-plus-column-number-row-repeated", "shaded-section-rows",
        "star-markers-explained-in-ghi-chu-below-table", "old-unit-name-in-text",
        "signature-table", "text-split-across-runs"]),
    "hue_vpubnd_2026": (build_hue_vpubnd, "docx", ["pdf", "doc"], [
        "landscape", "indicator-table-before-tasks", "two-row-header-spanning-chu-tri-phoi-hop",
        "tblHeader-repeated-header", "section-rows-full-width-typed-label",
        "lead-support-cells-merged-gridspan-roles-inferred", "quarterly-report-limit-in-content",
        "rows-break-across-pages", "signature-table", "text-split-across-runs"]),
    "qng_xanghiahanh_2026": (build_qng_xa, "docx", ["pdf", "doc"], [
        "portrait", "commune-plan", "no-result-column", "section-rows-gridspan-over-number-and-content",
        "units-one-cell-chu-tri-phoi-hop-voi-prose", "deadline-only-in-task-text-empty-time-cell",
        "no-repeated-header", "old-unit-name-in-text", "signature-table", "text-split-across-runs"]),
    "tn_snnmt_2026": (build_tn_snnmt, "docx", ["pdf", "doc"], [
        "landscape", "two-row-header-spanning-chu-tri-phoi-hop", "tblHeader-repeated-header",
        "typed-zero-padded-numbers-running-through-sections", "a-b-results-and-deadlines-in-one-row",
        "notes-column-with-limits", "old-unit-name", "signature-table", "text-split-across-runs"]),
    "dng_ubnd_2026": (build_dng_ubnd, "xlsx", [], [
        "xlsx", "instructions-sheet-first", "merged-title-block", "two-level-header",
        "column-number-row", "start-and-completion-columns", "section-rows-filled-not-merged",
        "vertical-merges-lead-support-deadline", "alt-enter-line-breaks", "excel-date-cell-dd/mm/yyyy",
        "notes-column-with-limits", "old-unit-name-in-text"]),
    "vl_ubnd_2026": (build_vl_ubnd, "xlsx", [], [
        "xlsx", "instructions-sheet-first", "merged-title-block", "one-header-row",
        "hidden-column", "merged-section-rows", "units-one-column-alt-enter-lines-with-roles",
        "abbreviations-VP-UBND-STP-Sở-TT&TT", "old-unit-name", "deadline-only-in-task-text",
        "four-dated-reports-in-one-cell"]),
}


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
    prof = tempfile.mkdtemp(prefix="lo_corpus2_")
    filt = {"pdf": "pdf:writer_pdf_Export", "doc": "doc:MS Word 97"}[fmt]
    try:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{prof}",
                        "--convert-to", filt, "--outdir", FILES, src],
                       check=True, timeout=180, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    return os.path.exists(os.path.splitext(src)[0] + "." + fmt)


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
