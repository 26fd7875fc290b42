"""Builds the documents of corpus4 from gold/<plan>.json (written first, by gold_src/gen_gold.py).

One builder per plan, each imitating a different office's layout: python-docx plus raw
WordprocessingML (automatic numbering, two-row header with gridSpan/vMerge, vMerged section
column, real footnotes) for the .docx; openpyxl for the .xlsx.  The .docx/.xlsx are
deterministic (fixed zip times and core properties).  PDF and Word 97 .doc exports are made with
LibreOffice headless, one user profile per conversion; hp_vpubnd_2026.xlsx is also exported to
PDF by LibreOffice Calc.  The small docx helpers follow the approach of corpus3's build.py.

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
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.table import _Cell

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, "gold")
FILES = os.path.join(HERE, "files")
FIXED = dt.datetime(2026, 1, 23, 9, 40, 0)
C = WD_ALIGN_PARAGRAPH.CENTER
J = WD_ALIGN_PARAGRAPH.JUSTIFY
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


# ============================================================================ small helpers
def load(stem):
    with open(os.path.join(GOLD, stem + ".json"), encoding="utf-8") as fh:
        return json.load(fh)


def rng(s):
    return random.Random(zlib.crc32(s.encode("utf-8")) ^ 0x4C4C)


def runs_of(text):
    """Cut text into runs as Word does after edits (rsid changes), sometimes inside a word."""
    if len(text) < 25:
        return [text]
    r = rng(text)
    cuts = sorted({r.randint(2, len(text) - 2) for _ in range(r.randint(1, 5))})
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


def base_doc(font, landscape, title, margins):
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(font)
    rf = st.element.get_or_add_rPr().find(qn("w:rFonts"))
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rf.set(qn(a), "Times New Roman")
    cp = doc.core_properties
    cp.author = "chuyenvien"
    cp.last_modified_by = "vanthu"
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 4
    cp.title = title
    s = doc.sections[0]
    if landscape:
        s.orientation = WD_ORIENT.LANDSCAPE
        s.page_width, s.page_height = Cm(29.7), Cm(21.0)
    else:
        s.page_width, s.page_height = Cm(21.0), Cm(29.7)
    lm, rm, tm, bm = margins
    s.left_margin, s.right_margin, s.top_margin, s.bottom_margin = Cm(lm), Cm(rm), Cm(tm), Cm(bm)
    return doc


def borders(table, on=True, sz=4):
    tblPr = table._tbl.tblPr
    for old in tblPr.findall(qn("w:tblBorders")):
        tblPr.remove(old)
    inner = "".join(
        (f'<w:{e} w:val="single" w:sz="{sz}" w:space="0" w:color="000000"/>' if on
         else f'<w:{e} w:val="nil"/>')
        for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tblPr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{inner}</w:tblBorders>"))


def cell_borders(table):
    """Borders on every cell too (w:tcBorders): LibreOffice 7.4 may drop w:tblBorders of tables
    whose rows hold gridSpan/vMerge when exporting (seen by corpus3)."""
    edges = "".join(f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                    for e in ("top", "left", "bottom", "right"))
    for tc in table._tbl.iter(qn("w:tc")):
        tc.get_or_add_tcPr().append(parse_xml(f"<w:tcBorders {nsdecls('w')}>{edges}</w:tcBorders>"))


def widths(table, cm):
    grid = table._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), cm):
        gc.set(qn("w:w"), str(int(w * 567)))
    tblPr = table._tbl.tblPr
    for old in tblPr.findall(qn("w:tblLayout")):
        tblPr.remove(old)
    tblPr.append(parse_xml(f'<w:tblLayout {nsdecls("w")} w:type="fixed"/>'))
    for row in table.rows:
        i = 0
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


def valign(cell, how="center"):
    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:vAlign {nsdecls("w")} w:val="{how}"/>'))


def repeat_header(row):
    row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def shade(cell, fill="E7E6E6"):
    cell._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


TCPR_ORDER = ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
              "textDirection", "tcFitText", "vAlign", "hideMark"]


def fix_tcpr_order(doc):
    """Put the children of every w:tcPr in schema order (Word is strict about it)."""
    rank = {qn("w:" + n): i for i, n in enumerate(TCPR_ORDER)}
    for pr in doc.element.body.iter(qn("w:tcPr")):
        kids = list(pr)
        for k in kids:
            pr.remove(k)
        for k in sorted(kids, key=lambda e: rank.get(e.tag, 99)):
            pr.append(k)


def new_table(doc, n):
    t = doc.add_table(rows=0, cols=n)
    borders(t, True)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    return t


def row_cells(t, n):
    row = t.add_row()
    return row, [cell_of(row, i, t) for i in range(n)]


def head_table(doc, left, number, place_date, cm):
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
    a, b = number.split("/", 1)
    for piece in ("Số:", " ", a, "/", b):
        p.add_run(piece)
    par(t.cell(1, 1), place_date, italic=True, align=C, split=False)
    widths(t, cm)
    return t


def title_block(doc, lines):
    doc.add_paragraph()
    for i, line in enumerate(lines):
        par(doc, line, bold=(i < 2), italic=(i >= 2), align=C, split=(i == 1))
    doc.add_paragraph()


def text_block(doc, items):
    for kind, text in items:
        p = par(doc, text, bold=(kind == "h"), align=None if kind == "h" else J, after=3)
        if kind == "p":
            p.paragraph_format.first_line_indent = Cm(1.0)


def signature_table(doc, sign, recipients, cm):
    """Non-task table: Nơi nhận | signature (borderless)."""
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


def units_lines(cell, units):
    """One unit per paragraph; several as '- X;' lines (the last with '.')."""
    if not units:
        return
    if len(units) == 1:
        par(cell, units[0])
        return
    for j, u in enumerate(units):
        par(cell, "- " + u + (";" if j < len(units) - 1 else "."))


def sections_of(tasks):
    """Yields (section_label, title, [tasks]) in order; label = first part of ref."""
    out = []
    for t in tasks:
        lab = t["ref"].split(".")[0]
        if not out or out[-1][0] != lab or out[-1][1] != t["section"]:
            out.append((lab, t["section"], []))
        out[-1][2].append(t)
    return out


def task_label(t):
    return t["ref"].split(".")[-1]


# ---------------------------------------------------------------- automatic numbering (w:numPr)
def add_numbering(doc, abs_id, num_id, levels):
    """levels: [(numFmt, lvlText, bold)]; one abstractNum and one w:num using it."""
    numbering = doc.part.numbering_part.element
    lv = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{txt}"/><w:lvlJc w:val="center"/>'
        f'<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr>'
        f'{"<w:rPr><w:b/></w:rPr>" if bold else ""}</w:lvl>'
        for i, (fmt, txt, bold) in enumerate(levels))
    absn = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abs_id}">'
                     f'<w:nsid w:val="{0x3A7C0000 + abs_id:08X}"/><w:multiLevelType w:val="multilevel"/>'
                     f'{lv}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(absn)
    else:
        numbering.append(absn)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abs_id}"/></w:num>'))


def numbered(p, num_id, ilvl):
    pPr = p._p.get_or_add_pPr()
    pPr.insert(0, parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


# ---------------------------------------------------------------- real footnotes
FN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def add_footnotes(doc, notes):
    """notes: {id: text}.  Adds word/footnotes.xml (separators -1/0 plus the notes)."""
    body = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>')
    for fid, text in sorted(notes.items()):
        body += (f'<w:footnote w:id="{fid}"><w:p><w:pPr><w:spacing w:after="0"/><w:jc w:val="both"/></w:pPr>'
                 f'<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="20"/></w:rPr><w:footnoteRef/></w:r>'
                 f'<w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>')
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W_NS}>{body}</w:footnotes>'
    part = Part(PackURI("/word/footnotes.xml"), FN_CT, xml.encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    settings = doc.settings.element
    settings.append(parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'))


def footnote_ref(p, fid):
    p._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{fid}"/></w:r>'))


# ============================================================================ A. Quảng Ninh UBND
def build_qni_ubnd(g, out):
    """Landscape; ONE table over several pages; two header rows ('Cơ quan thực hiện' gridSpan over
    'Chủ trì | Phối hợp', the other header cells vMerged), both repeated (tblHeader); the STT
    column is Word automatic numbering: section rows level 0 (I, II, ...), task rows level 1
    (1, 2, ... restarting per section) -- no number is typed; deadline column 'Thời hạn hoàn
    thành'; the unnumbered row II.3x shares II.3's 'Sản phẩm' cell (vMerge)."""
    doc = base_doc(12, True, "Ke hoach KSTTHC nam 2026", (2.0, 1.5, 1.8, 1.5))
    head_table(doc, ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH"], "18/KH-UBND",
               "Quảng Ninh, ngày 15 tháng 01 năm 2026", [9.0, 17.2])
    title_block(doc, ["KẾ HOẠCH", "Kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông và thủ tục hành chính trên môi trường điện tử năm 2026"])
    text_block(doc, [
        ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("p", "Kiểm soát chặt chẽ việc ban hành, thực hiện thủ tục hành chính sau khi sắp xếp đơn vị hành chính cấp xã và tổ chức chính quyền địa phương hai cấp; bảo đảm thủ tục hành chính được công khai, minh bạch, giải quyết đúng hạn."),
        ("p", "Phân công rõ cơ quan chủ trì, cơ quan phối hợp, thời hạn hoàn thành và sản phẩm của từng nhiệm vụ; gắn trách nhiệm người đứng đầu với kết quả thực hiện."),
        ("h", "II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN"),
    ])
    NUM = 91
    add_numbering(doc, 91, NUM, [("upperRoman", "%1", True), ("decimal", "%2", False)])
    cm_ = [1.5, 9.0, 3.6, 4.3, 3.6, 4.2]
    t = new_table(doc, 6)
    # header row 1
    row = t.add_row()
    repeat_header(row)
    span(row, 2, 2)
    hdr1 = ["STT", "Nội dung công việc", "Cơ quan thực hiện", "Thời hạn hoàn thành", "Sản phẩm"]
    for i, h in enumerate(hdr1):
        c = cell_of(row, i, t)
        if i != 2:
            vmerge(c, True)
        valign(c)
        par(c, h, bold=True, align=C, split=False)
        shade(c)
    # header row 2
    row = t.add_row()
    repeat_header(row)
    for i in range(6):
        c = cell_of(row, i, t)
        if i in (2, 3):
            par(c, "Chủ trì" if i == 2 else "Phối hợp", bold=True, align=C, split=False)
        else:
            vmerge(c, False)
        shade(c)
    tasks = g["tasks"]
    for lab, title, sec in sections_of(tasks):
        row = t.add_row()
        span(row, 1, 5)
        p = par(cell_of(row, 0, t), "", align=C)
        numbered(p, NUM, 0)
        par(cell_of(row, 1, t), title, bold=True)
        for tk in sec:
            i = tasks.index(tk)
            nxt = tasks[i + 1] if i + 1 < len(tasks) else None
            row, c = row_cells(t, 6)
            p = par(c[0], "", align=C)
            if not task_label(tk).endswith("x"):
                numbered(p, NUM, 1)
            par(c[1], tk["content"], align=J)
            units_lines(c[2], tk["lead"])
            units_lines(c[3], tk["support"])
            par(c[4], tk["deadline"] or "", align=C)
            if "result" in tk["inferred"]:
                vmerge(c[5], False)
            else:
                if nxt is not None and "result" in nxt["inferred"]:
                    vmerge(c[5], True)
                par(c[5], tk["result"] or "")
    widths(t, cm_)
    cell_borders(t)
    text_block(doc, [
        ("h", "III. TỔ CHỨC THỰC HIỆN"),
        ("p", "Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các xã, phường, đặc khu căn cứ Kế hoạch này xây dựng kế hoạch của cơ quan, địa phương mình và tổ chức thực hiện."),
        ("p", "Văn phòng UBND tỉnh theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch; tổng hợp, báo cáo UBND tỉnh và Văn phòng Chính phủ theo quy định."),
    ])
    signature_table(doc, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                    ["- Văn phòng Chính phủ (Cục KSTTHC);", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- CT, các PCT UBND tỉnh;",
                     "- Các sở, ban, ngành tỉnh;", "- UBND các xã, phường, đặc khu;", "- Lưu: VT, TTHC."], [13.0, 13.2])
    doc.save(out)


# ============================================================================ B. Nghệ An Sở Tư pháp
NA_FOOTNOTES = {
    1: "Nghị định số 63/2024/NĐ-CP ngày 10/6/2024 của Chính phủ quy định việc thực hiện liên thông điện tử hai nhóm thủ tục hành chính.",
    2: "Phòng Bổ trợ tư pháp đã hợp nhất với Phòng Hành chính tư pháp từ ngày 01/3/2025; nhiệm vụ do Phòng Hành chính tư pháp và Bổ trợ tư pháp tiếp tục thực hiện.",
}


def build_na_stp(g, out):
    """Portrait; first column 'Nhóm nhiệm vụ' holds 'I. <title>' vertically merged (vMerge) over
    the section's task rows -- no separate section rows; TT 1..18 running through; units in ONE
    column 'Đơn vị chủ trì/phối hợp' as 'Chủ trì: ...' / 'Phối hợp: ...' lines (sometimes
    'Phối hợp:' followed by '- ...' lines); one cell without role labels; two real footnotes
    (w:footnoteReference, one after a content, one after a unit)."""
    doc = base_doc(12, False, "KH KSTTHC 2026 STP", (2.0, 1.0, 2.0, 2.0))
    head_table(doc, ["UBND TỈNH NGHỆ AN", "SỞ TƯ PHÁP"], "25/KH-STP",
               "Nghệ An, ngày 20 tháng 01 năm 2026", [7.0, 11.0])
    title_block(doc, ["KẾ HOẠCH", "Kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông năm 2026 của Sở Tư pháp"])
    text_block(doc, [
        ("p", "Thực hiện Kế hoạch của UBND tỉnh Nghệ An về kiểm soát thủ tục hành chính năm 2026, Sở Tư pháp ban hành Kế hoạch kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông năm 2026 với các nội dung sau:"),
        ("h", "I. NHIỆM VỤ CỤ THỂ"),
    ])
    add_footnotes(doc, NA_FOOTNOTES)
    cm_ = [2.4, 1.2, 5.6, 3.6, 2.4, 2.8]
    t = new_table(doc, 6)
    row, c = row_cells(t, 6)
    repeat_header(row)
    for ci, h in enumerate(["Nhóm nhiệm vụ", "TT", "Nội dung công việc", "Đơn vị chủ trì/phối hợp",
                            "Thời gian thực hiện", "Kết quả"]):
        par(c[ci], h, bold=True, align=C, split=False)
        valign(c[ci])
    for si, (lab, title, sec) in enumerate(sections_of(g["tasks"])):
        for k, tk in enumerate(sec):
            row, c = row_cells(t, 6)
            n = task_label(tk)
            vmerge(c[0], k == 0)
            if k == 0:
                valign(c[0])
                par(c[0], f"{lab}. {title}", bold=True, align=C)
            par(c[1], n, align=C, split=False)
            p = par(c[2], tk["content"], align=J)
            if n == "8":
                footnote_ref(p, 1)
            cell = c[3]
            if "lead" in tk["inferred"]:
                for u in tk["lead"]:
                    par(cell, u)
            else:
                p = par(cell, "Chủ trì: " + "; ".join(tk["lead"]))
                if n == "11":
                    footnote_ref(p, 2)
                sup = tk["support"]
                if sup:
                    if len(sup) > 1 and int(n) % 2 == 0:
                        par(cell, "Phối hợp:")
                        for j, u in enumerate(sup):
                            par(cell, "- " + u + (";" if j < len(sup) - 1 else "."))
                    else:
                        par(cell, "Phối hợp: " + "; ".join(sup))
            par(c[4], tk["deadline"] or "", align=C)
            par(c[5], tk["result"] or "")
    widths(t, cm_)
    cell_borders(t)
    text_block(doc, [
        ("h", "II. TỔ CHỨC THỰC HIỆN"),
        ("p", "Văn phòng Sở là đầu mối theo dõi, đôn đốc việc thực hiện Kế hoạch; các phòng, đơn vị thuộc Sở chủ động triển khai nhiệm vụ được giao và báo cáo kết quả về Văn phòng Sở."),
    ])
    signature_table(doc, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
                    ["- UBND tỉnh (để b/c);", "- Văn phòng UBND tỉnh;", "- Giám đốc, các PGĐ Sở;",
                     "- Các phòng, đơn vị thuộc Sở;", "- Lưu: VT, VP."], [8.0, 9.0])
    doc.save(out)


# ============================================================================ C. xã Hàm Yên
def build_tq_xa(g, out):
    """Portrait commune plan; sections '1'..'5' in the TT cell + bold title in the content cell
    (other cells empty, not merged); tasks typed '1.1'; no result column: the product is the
    paragraph '- Sản phẩm: ...' inside the content cell; task 2.1 cut by hand into two rows (the
    second with an empty TT cell, the content continuing mid-sentence, then its Sản phẩm)."""
    doc = base_doc(13, False, "KH KSTTHC xa Ham Yen 2026", (3.0, 1.5, 2.0, 2.0))
    head_table(doc, ["ỦY BAN NHÂN DÂN", "XÃ HÀM YÊN"], "12/KH-UBND",
               "Hàm Yên, ngày 22 tháng 01 năm 2026", [6.0, 10.5])
    title_block(doc, ["KẾ HOẠCH", "Kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông năm 2026 trên địa bàn xã Hàm Yên"])
    text_block(doc, [
        ("p", "Căn cứ Kế hoạch kiểm soát thủ tục hành chính năm 2026 của UBND tỉnh Tuyên Quang; căn cứ tình hình thực tế của địa phương sau khi sắp xếp đơn vị hành chính, UBND xã Hàm Yên ban hành Kế hoạch như sau:"),
        ("h", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("p", "Bảo đảm việc tiếp nhận, giải quyết thủ tục hành chính tại xã công khai, minh bạch, đúng hạn; không để người dân phải đi lại nhiều lần."),
        ("h", "II. NHIỆM VỤ, GIẢI PHÁP"),
    ])
    cm_ = [1.3, 6.4, 2.9, 3.2, 2.7]
    t = new_table(doc, 5)
    row, c = row_cells(t, 5)
    repeat_header(row)
    for ci, h in enumerate(["TT", "Nội dung nhiệm vụ", "Cơ quan, đơn vị chủ trì", "Cơ quan, đơn vị phối hợp",
                            "Thời gian thực hiện"]):
        par(c[ci], h, bold=True, align=C, split=False)
    SPLIT = {"2.1": " bàn giao về xã."}
    for lab, title, sec in sections_of(g["tasks"]):
        row, c = row_cells(t, 5)
        par(c[0], lab, bold=True, align=C, split=False)
        par(c[1], title, bold=True)
        for tk in sec:
            row, c = row_cells(t, 5)
            par(c[0], tk["ref"], align=C, split=False)
            content = tk["content"]
            tail = SPLIT.get(tk["ref"])
            if tail:
                assert content.endswith(tail)
                par(c[1], content[: -len(tail)], align=J)
            else:
                par(c[1], content, align=J)
            units_lines(c[2], tk["lead"])
            units_lines(c[3], tk["support"])
            par(c[4], tk["deadline"] or "", align=C)
            target = c[1]
            if tail:
                row, c2 = row_cells(t, 5)
                par(c2[1], tail.strip(), align=J)
                target = c2[1]
            if tk["result"]:
                par(target, "- Sản phẩm: " + tk["result"], italic=True)
    widths(t, cm_)
    text_block(doc, [
        ("h", "III. TỔ CHỨC THỰC HIỆN"),
        ("p", "Văn phòng HĐND và UBND xã chủ trì, theo dõi, đôn đốc các phòng chuyên môn, Trung tâm Phục vụ hành chính công xã thực hiện Kế hoạch; tổng hợp, báo cáo Chủ tịch UBND xã và UBND tỉnh theo quy định."),
    ])
    signature_table(doc, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
                    ["- Văn phòng UBND tỉnh;", "- TT Đảng ủy, TT HĐND xã;", "- CT, các PCT UBND xã;",
                     "- Các phòng chuyên môn, TTPVHCC xã;", "- Lưu: VT."], [8.0, 8.5])
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
        fill=PatternFill("solid", fgColor="FFF2CC"),
    )


def xl_book():
    from openpyxl import Workbook
    wb = Workbook()
    wb.properties.creator = "vpso"
    wb.properties.lastModifiedBy = "vpso"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    return wb


def row_height(ws, r, widths_):
    lines = 1
    for ci, w in enumerate(widths_, 1):
        v = ws.cell(row=r, column=ci).value
        if isinstance(v, str) and w:
            lines = max(lines, sum(-(-max(len(p), 1) // int(w * 1.05)) for p in v.split("\n")))
    ws.row_dimensions[r].height = 16 * lines + 4


def xl_lines(units):
    if len(units) <= 1:
        return "\n".join(units)
    return "\n".join("- " + u + (";" if i < len(units) - 1 else ".") for i, u in enumerate(units))


DATE_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def xl_deadline(cell, text, fmt):
    m = DATE_RE.match(text or "")
    if m:
        cell.value = dt.datetime(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        cell.number_format = fmt
    else:
        cell.value = text


# ============================================================================ D. Đồng Tháp SNN&MT
DT_PARTS = {"I": "PHỤ LỤC I", "II": "PHỤ LỤC II", "III": "PHỤ LỤC III"}


def build_dt_snnmt(g, out):
    """One sheet per part ('Phần I', 'Phần II', 'Phần III'); each sheet has its own title block
    of merged rows (issuer | motto, date, 'PHỤ LỤC I', plan title, 'Phần I. <title>', '(Kèm
    theo ...)'), a header row frozen below it (print titles), numbers restarting at 1, units as
    Alt+Enter '- ' lines, a notes column 'Ghi chú'; I.3's deadline is a real date (dd/mm/yyyy);
    under each table a formula row counting the tasks (not a task)."""
    from openpyxl.utils import get_column_letter as L
    S = xl_styles()
    wb = xl_book()
    wb.remove(wb.active)
    wd = [6, 50, 24, 26, 18, 26, 28]
    hdr = ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành",
           "Sản phẩm", "Ghi chú"]
    for lab, title, sec in sections_of(g["tasks"]):
        ws = wb.create_sheet(f"Phần {lab}")
        for i, w in enumerate(wd, 1):
            ws.column_dimensions[L(i)].width = w
        rows = [
            ("A1:B1", "UBND TỈNH ĐỒNG THÁP", dict(bold=False)),
            ("A2:B2", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", dict(bold=True)),
            ("C1:G1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", dict(bold=True)),
            ("C2:G2", "Độc lập - Tự do - Hạnh phúc", dict(bold=True)),
            ("C3:G3", "Đồng Tháp, ngày 19 tháng 01 năm 2026", dict(italic=True)),
            ("A4:G4", DT_PARTS[lab], dict(bold=True)),
            ("A5:G5", "NHIỆM VỤ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026", dict(bold=True)),
            ("A6:G6", f"Phần {lab}. {title}", dict(bold=True)),
            ("A7:G7", "(Kèm theo Kế hoạch số 36/KH-SNNMT ngày 19/01/2026 của Sở Nông nghiệp và Môi trường tỉnh Đồng Tháp)", dict(italic=True)),
        ]
        for rngs, val, font in rows:
            ws.merge_cells(rngs)
            a = ws[rngs.split(":")[0]]
            a.value = val
            a.font = S["F"](**font)
            a.alignment = S["center"]
        ws.row_dimensions[6].height = 34
        ws.row_dimensions[7].height = 30
        r = 9
        for ci, h in enumerate(hdr, 1):
            c = ws.cell(row=r, column=ci, value=h)
            c.font = S["F"](bold=True); c.alignment = S["center"]; c.border = S["box"]; c.fill = S["fill"]
        ws.row_dimensions[r].height = 34
        first = r + 1
        for tk in sec:
            r += 1
            vals = [int(task_label(tk)), tk["content"], xl_lines(tk["lead"]), xl_lines(tk["support"]),
                    None, tk["result"], tk["notes"]]
            for ci, v in enumerate(vals, 1):
                c = ws.cell(row=r, column=ci, value=v)
                c.font = S["F"](); c.alignment = S["wrap"]; c.border = S["box"]
            ws.cell(row=r, column=1).alignment = S["center"]
            dc = ws.cell(row=r, column=5)
            xl_deadline(dc, tk["deadline"], "dd/mm/yyyy")
            dc.alignment = S["center"]
            row_height(ws, r, wd)
        r += 2
        c = ws.cell(row=r, column=2, value=f'="Tổng số: "&COUNT(A{first}:A{r - 2})&" nhiệm vụ"')
        c.font = S["F"](italic=True)
        ws.freeze_panes = "A10"
        ws.print_title_rows = "9:9"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
    wb.active = 0
    wb.save(out)


# ============================================================================ E. Hải Phòng VP UBND
def build_hp_vpubnd(g, out):
    """One sheet; merged title block; TWO header rows (A8:A9 'STT', B8:B9, C8:D8 'Cơ quan thực
    hiện' over C9 'Chủ trì' / D9 'Phối hợp', E8:E9 'Thời hạn', F8:F9, G8:G9) and a visible
    column-number row; autofilter; frozen at C11; section rows Roman in A + title merged B:G;
    numbers restart; II.2 split into a)/b) rows (STT and content merged over both rows, own
    units, result, deadline); two deadlines are real dates (dd/mm/yyyy and d/m/yyyy); notes;
    signature cells under the table."""
    from openpyxl.utils import get_column_letter as L
    S = xl_styles()
    wb = xl_book()
    ws = wb.active
    ws.title = "KH KSTTHC 2026"
    wd = [6, 52, 24, 28, 16, 30, 22]
    for i, w in enumerate(wd, 1):
        ws.column_dimensions[L(i)].width = w
    title = [
        ("A1:C1", "UBND THÀNH PHỐ HẢI PHÒNG", dict()),
        ("A2:C2", "VĂN PHÒNG", dict(bold=True)),
        ("D1:G1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", dict(bold=True)),
        ("D2:G2", "Độc lập - Tự do - Hạnh phúc", dict(bold=True)),
        ("D3:G3", "Hải Phòng, ngày 16 tháng 01 năm 2026", dict(italic=True)),
        ("A4:G4", "KẾ HOẠCH", dict(bold=True, size=14)),
        ("A5:G5", "Kiểm soát thủ tục hành chính năm 2026 của Văn phòng UBND thành phố", dict(bold=True)),
        ("A6:G6", "(Ban hành kèm theo Kế hoạch số 14/KH-VP ngày 16/01/2026 của Văn phòng UBND thành phố Hải Phòng)", dict(italic=True)),
    ]
    for rngs, val, font in title:
        ws.merge_cells(rngs)
        a = ws[rngs.split(":")[0]]
        a.value = val
        a.font = S["F"](**font)
        a.alignment = S["center"]
    # two header rows
    for rngs, val in [("A8:A9", "STT"), ("B8:B9", "Nội dung công việc"), ("C8:D8", "Cơ quan thực hiện"),
                      ("E8:E9", "Thời hạn"), ("F8:F9", "Sản phẩm"), ("G8:G9", "Ghi chú")]:
        ws.merge_cells(rngs)
        ws[rngs.split(":")[0]].value = val
    ws["C9"] = "Chủ trì"
    ws["D9"] = "Phối hợp"
    for r in (8, 9):
        for ci in range(1, 8):
            c = ws.cell(row=r, column=ci)
            c.font = S["F"](bold=True); c.alignment = S["center"]; c.border = S["box"]; c.fill = S["fill"]
    for ci in range(1, 8):
        c = ws.cell(row=10, column=ci, value=f"({ci})")
        c.font = S["F"](italic=True); c.alignment = S["center"]; c.border = S["box"]
    r = 11
    tasks = g["tasks"]
    fmts = {"31/01/2026": "dd/mm/yyyy", "15/9/2026": "d/m/yyyy"}
    for lab, title_, sec in sections_of(tasks):
        ws.cell(row=r, column=1, value=lab)
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=7)
        ws.cell(row=r, column=2, value=title_)
        ws.row_dimensions[r].height = 20
        for ci in range(1, 8):
            c = ws.cell(row=r, column=ci)
            c.font = S["F"](bold=True); c.border = S["box"]
            c.alignment = S["center"] if ci == 1 else S["wrap"]
        r += 1
        for tk in sec:
            lb = task_label(tk)
            sub = lb[-1] if lb[-1] in "ab" else None
            if sub != "b":
                ws.cell(row=r, column=1, value=int(re.sub(r"[ab]$", "", lb)))
                ws.cell(row=r, column=2, value=tk["content"])
            if sub == "a":
                ws.merge_cells(start_row=r, start_column=1, end_row=r + 1, end_column=1)
                ws.merge_cells(start_row=r, start_column=2, end_row=r + 1, end_column=2)
            ws.cell(row=r, column=3, value=xl_lines(tk["lead"]))
            ws.cell(row=r, column=4, value=xl_lines(tk["support"]) or None)
            xl_deadline(ws.cell(row=r, column=5), tk["deadline"], fmts.get(tk["deadline"], "dd/mm/yyyy"))
            ws.cell(row=r, column=6, value=tk["result"])
            ws.cell(row=r, column=7, value=tk["notes"])
            for ci in range(1, 8):
                c = ws.cell(row=r, column=ci)
                c.font = S["F"](); c.border = S["box"]
                c.alignment = S["center"] if ci in (1, 5) else S["wrap"]
            row_height(ws, r, wd if sub is None else [0, 0] + wd[2:])
            r += 1
    last = r - 1
    ws.auto_filter.ref = f"A9:G{last}"
    ws.freeze_panes = "C11"
    ws.print_title_rows = "8:10"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_area = f"A1:G{last + 8}"
    r += 1
    ws.merge_cells(start_row=r, start_column=5, end_row=r, end_column=7)
    ws.cell(row=r, column=5, value="CHÁNH VĂN PHÒNG").font = S["F"](bold=True)
    ws.cell(row=r, column=5).alignment = S["center"]
    ws.cell(row=r, column=1, value="Nơi nhận:").font = S["F"](bold=True, italic=True)
    ws.cell(row=r + 1, column=1, value="- Chủ tịch, các PCT UBND thành phố (để b/c);").font = S["F"](size=10)
    ws.cell(row=r + 2, column=1, value="- Lưu: VT, KSTT.").font = S["F"](size=10)
    wb.save(out)


# ============================================================================ output
def normalize_zip(path):
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<",
                              lambda m: b"<dcterms:" + m.group(1) + m.group(2) + b">2026-01-23T02:40:00Z<", data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 1, 23, 9, 40, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    os.replace(tmp, path)


def lo_convert(src, fmt):
    soffice = shutil.which("soffice")
    if not soffice:
        return False
    prof = tempfile.mkdtemp(prefix="lo_corpus4_")
    if fmt == "pdf":
        filt = "pdf:calc_pdf_Export" if src.endswith(".xlsx") else "pdf:writer_pdf_Export"
    else:
        filt = "doc:MS Word 97"
    target = os.path.splitext(src)[0] + "." + fmt
    if os.path.exists(target):
        os.remove(target)
    try:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{prof}",
                        "--convert-to", filt, "--outdir", FILES, src],
                       check=True, timeout=180, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    return os.path.exists(target)


PLANS = {
    "qni_ubnd_2026": (build_qni_ubnd, "docx", ["pdf", "doc"], [
        "landscape", "one-table-over-several-pages", "two-row-header-gridspan-chu-tri-phoi-hop",
        "header-vmerge", "tblHeader-both-header-rows-repeated", "word-auto-numbering-numPr-no-typed-numbers",
        "auto-roman-sections-arabic-tasks-restarting", "section-title-gridspan",
        "deadline-column-Thoi-han-hoan-thanh", "unnumbered-sub-assignment-row-x",
        "vmerge-result-shared-with-x-row", "limit-in-content", "date-in-deadline-cites-document",
        "old-unit-name-Kho-bac", "signature-table", "text-split-across-runs"]),
    "na_stp_2026": (build_na_stp, "docx", ["pdf", "doc"], [
        "portrait", "section-column-vmerged-over-tasks-no-section-rows", "numbers-running-through-sections",
        "units-one-column-Don-vi-chu-tri-phoi-hop", "chu-tri-phoi-hop-lines", "phoi-hop-dash-lines",
        "unit-cell-without-role-label-inferred-lead", "real-word-footnotes", "footnote-ref-after-unit",
        "deadline-column-Thoi-gian-thuc-hien", "limit-in-content", "old-unit-names-Thanh-tra-So-Phong-Bo-tro",
        "old-unit-name-in-text-So-LDTBXH", "tblHeader-repeated-header", "signature-table", "text-split-across-runs"]),
    "tq_xahamyen_2026": (build_tq_xa, "docx", ["pdf", "doc"], [
        "portrait", "commune-plan", "section-rows-arabic-1-title-in-content-cell", "typed-task-labels-1.1",
        "no-result-column-san-pham-paragraph-in-content", "row-cut-by-hand-continuation-row",
        "deadline-column-Thoi-gian-thuc-hien", "limit-in-content", "old-unit-names-Bo-phan-Mot-cua-cong-chuc",
        "old-unit-name-in-text-UBND-huyen", "tblHeader-repeated-header", "signature-table", "text-split-across-runs"]),
    "dt_snnmt_2026": (build_dt_snnmt, "xlsx", [], [
        "one-sheet-per-part", "merged-title-block-per-sheet", "part-title-in-merged-title-row",
        "frozen-header-print-titles", "numbers-restart-per-sheet", "deadline-column-Thoi-gian-hoan-thanh",
        "excel-real-date-dd/mm/yyyy", "alt-enter-unit-lines", "notes-column-with-limits",
        "formula-row-under-table-not-a-task", "old-unit-names"]),
    "hp_vpubnd_2026": (build_hp_vpubnd, "xlsx", ["pdf"], [
        "merged-title-block", "two-row-header-merged-co-quan-thuc-hien", "column-number-row-visible",
        "autofilter", "frozen-panes", "section-rows-roman-title-merged", "numbers-restart",
        "task-split-a-b-merged-stt-and-content", "excel-real-dates-dd/mm/yyyy-and-d/m/yyyy",
        "deadline-column-Thoi-han", "notes-column", "limit-in-content", "old-unit-name-So-TT&TT",
        "signature-cells-under-table"]),
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
        if ext == "docx":
            from docx import Document as _D
            d = _D(out)
            fix_tcpr_order(d)
            d.save(out)
        normalize_zip(out)

        def entry(form, extra):
            return dict(file=f"files/{stem}.{form}", gold=f"gold/{stem}.json", form=form,
                        tasks=len(g["tasks"]), features=extra + feats)
        manifest.append(entry(ext, [ext]))
        for fmt in exports:
            target = os.path.join(FILES, f"{stem}.{fmt}")
            if (do_lo and lo_convert(out, fmt)) or os.path.exists(target):
                tag = {"pdf": "pdf-exported-by-libreoffice" + ("-calc" if ext == "xlsx" else ""),
                       "doc": "word97-doc-exported-by-libreoffice"}[fmt]
                manifest.append(entry(fmt, [tag]))
        print(stem, len(g["tasks"]), "tasks", ext, exports)
    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
