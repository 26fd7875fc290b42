"""Builds the documents of corpus5 from gold/<plan>.json (written first by gold_src/gen_gold.py).

Four plans, four office layouts (see README.md).  python-docx plus raw WordprocessingML for the
.docx (cover table, Nơi nhận table, w:br line breaks, w:numPr bullets, one table per appendix);
openpyxl for the .xlsx (merged a/b cells, hidden helper column, rich-text shared strings).
.docx/.xlsx are deterministic (fixed zip times, core properties).  Each .docx is exported by
LibreOffice headless to PDF and Word 97 .doc (one user profile per conversion).
Helper approach (runs, widths, gridSpan, deterministic zip, LibreOffice call) follows corpus4.

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
sys.path.insert(0, os.path.join(HERE, "gold_src"))
import p_docx  # noqa: E402  (LAYOUT only: appendix titles, heading rows, bullets)

FIXED = dt.datetime(2026, 1, 20, 8, 15, 0)
C = WD_ALIGN_PARAGRAPH.CENTER
J = WD_ALIGN_PARAGRAPH.JUSTIFY
L = WD_ALIGN_PARAGRAPH.LEFT


# ============================================================================ helpers
def load(stem):
    with open(os.path.join(GOLD, stem + ".json"), encoding="utf-8") as fh:
        return json.load(fh)


def runs_of(text):
    """Cut text into several runs (as Word does after edits), sometimes inside a word."""
    if len(text) < 30:
        return [text]
    r = random.Random(zlib.crc32(text.encode("utf-8")) ^ 0x5C5C)
    cuts = sorted({r.randint(2, len(text) - 2) for _ in range(r.randint(1, 4))})
    out, prev = [], 0
    for c in cuts:
        out.append(text[prev:c])
        prev = c
    out.append(text[prev:])
    return [x for x in out if x]


def par(container, text="", bold=False, italic=False, align=None, size=None, after=0, before=0, indent=None):
    ps = getattr(container, "paragraphs", [])
    if len(ps) == 1 and not ps[0].text and not ps[0]._p.findall(qn("w:r")):
        p = ps[0]
    else:
        p = container.add_paragraph()
    if align is not None:
        p.alignment = align
    for piece in runs_of(text) if text else []:
        r = p.add_run(piece)
        r.bold = bold or None
        r.italic = italic or None
        if size:
            r.font.size = Pt(size)
    pf = p.paragraph_format
    pf.space_before, pf.space_after = Pt(before), Pt(after)
    if indent is not None:
        pf.first_line_indent = Cm(indent)
    return p


def br_par(cell, lines, bold=False, align=None):
    """One paragraph whose lines are separated by w:br (Shift+Enter), not by paragraphs."""
    p = par(cell, "", align=align)
    for i, line in enumerate(lines):
        r = p.add_run(line)
        r.bold = bold or None
        if i < len(lines) - 1:
            r.add_break(WD_BREAK.LINE)
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
    cp.author, cp.last_modified_by = "ksttcc", "vanthu"
    cp.created = cp.modified = FIXED
    cp.revision = 3
    cp.title = title
    s = doc.sections[0]
    if landscape:
        s.orientation = WD_ORIENT.LANDSCAPE
        s.page_width, s.page_height = Cm(29.7), Cm(21.0)
    else:
        s.page_width, s.page_height = Cm(21.0), Cm(29.7)
    s.left_margin, s.right_margin, s.top_margin, s.bottom_margin = [Cm(x) for x in margins]
    return doc


def borders(table, on=True):
    tblPr = table._tbl.tblPr
    for old in tblPr.findall(qn("w:tblBorders")):
        tblPr.remove(old)
    inner = "".join((f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' if on
                     else f'<w:{e} w:val="nil"/>')
                    for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tblPr.append(parse_xml(f"<w:tblBorders {nsdecls('w')}>{inner}</w:tblBorders>"))


def cell_borders(table):
    edges = "".join(f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                    for e in ("top", "left", "bottom", "right"))
    for tc in table._tbl.iter(qn("w:tc")):
        tc.get_or_add_tcPr().append(parse_xml(f"<w:tcBorders {nsdecls('w')}>{edges}</w:tcBorders>"))


def widths(table, cm):
    for gc, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), cm):
        gc.set(qn("w:w"), str(int(w * 567)))
    tblPr = table._tbl.tblPr
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
    tcs = row._tr.findall(qn("w:tc"))
    for tc in tcs[start + 1:start + n]:
        row._tr.remove(tc)
    tcs[start].get_or_add_tcPr().append(parse_xml(f'<w:gridSpan {nsdecls("w")} w:val="{n}"/>'))


def repeat_header(row):
    row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def cant_split(row):
    row._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))


TCPR_ORDER = ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
              "textDirection", "tcFitText", "vAlign", "hideMark"]


def fix_tcpr_order(doc):
    rank = {qn("w:" + n): i for i, n in enumerate(TCPR_ORDER)}
    for pr in doc.element.body.iter(qn("w:tcPr")):
        kids = list(pr)
        for k in kids:
            pr.remove(k)
        for k in sorted(kids, key=lambda e: rank.get(e.tag, 99)):
            pr.append(k)


def grid_table(doc, n, on=True):
    t = doc.add_table(rows=0, cols=n)
    borders(t, on)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    return t


def add_row(t, n):
    row = t.add_row()
    return row, [_Cell(tc, t) for tc in row._tr.findall(qn("w:tc"))]


def header_row(t, names, cmw):
    row, cells = add_row(t, len(names))
    for c, name in zip(cells, names):
        par(c, name, bold=True, align=C)
    repeat_header(row)
    cant_split(row)
    return row


def unit_paras(cell, units, dash=False):
    for i, u in enumerate(units):
        if dash and len(units) > 1:
            u = "- " + u + (";" if i < len(units) - 1 else ".")
        par(cell, u, align=C if not dash else L)


def sections_of(tasks):
    out = []
    for t in tasks:
        lab = t["ref"].split(".")[0]
        if not out or out[-1][0] != lab or out[-1][1] != t["section"]:
            out.append((lab, t["section"], []))
        out[-1][2].append(t)
    return out


def add_bullet_numbering(doc, abs_id, num_id, char="-"):
    numbering = doc.part.numbering_part.element
    absn = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abs_id}">'
        f'<w:nsid w:val="{0x5B1D0000 + abs_id:08X}"/><w:multiLevelType w:val="hybridMultilevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{char}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="284" w:hanging="170"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:lvl>'
        f'</w:abstractNum>')
    first = numbering.find(qn("w:num"))
    if first is not None:
        first.addprevious(absn)
    else:
        numbering.append(absn)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abs_id}"/></w:num>'))


def bullet(p, num_id):
    p._p.get_or_add_pPr().insert(0, parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))


def cover_table(doc, left, right, cmw):
    """Issuer / number on the left, motto / place-date on the right: a borderless 2-column table."""
    t = grid_table(doc, 2, on=False)
    row, (a, b) = add_row(t, 2)
    for i, (txt, bold) in enumerate(left):
        par(a, txt, bold=bold, align=C)
    for i, (txt, bold, it) in enumerate(right):
        par(b, txt, bold=bold, italic=it, align=C)
    widths(t, cmw)
    return t


def save_docx(doc, out):
    fix_tcpr_order(doc)
    doc.save(out)
    normalize_zip(out)


# ============================================================================ ls_ubnd_2026
def build_ls_ubnd(g, out):
    doc = base_doc(13, True, "Kế hoạch kiểm soát TTHC năm 2026", (2.0, 1.5, 2.0, 1.5))
    cover_table(doc, [("ỦY BAN NHÂN DÂN", False), ("TỈNH LẠNG SƠN", True), ("", False), ("Số: 16/KH-UBND", False)],
                [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False), ("Độc lập - Tự do - Hạnh phúc", True, False),
                 ("", False, False), ("Lạng Sơn, ngày 20 tháng 01 năm 2026", False, True)], [9.5, 16.0])
    par(doc, "KẾ HOẠCH", bold=True, align=C, before=12)
    par(doc, "Kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông", bold=True, align=C)
    par(doc, "trên địa bàn tỉnh Lạng Sơn năm 2026", bold=True, align=C, after=12)
    par(doc, "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính; "
        "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế "
        "một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia; UBND tỉnh ban hành Kế "
        "hoạch kiểm soát thủ tục hành chính năm 2026 như sau:", align=J, indent=1.0, after=6)
    par(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True, indent=1.0)
    par(doc, "Kiểm soát chặt chẽ việc ban hành, công bố, công khai thủ tục hành chính; nâng cao chất lượng giải "
        "quyết thủ tục hành chính cho người dân, doanh nghiệp sau khi sắp xếp đơn vị hành chính cấp xã.", align=J, indent=1.0, after=6)
    par(doc, "II. NHIỆM VỤ CỤ THỂ", bold=True, indent=1.0, after=6)
    names = ["TT", "Nội dung nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Cơ quan chủ trì", "Cơ quan phối hợp", "Ghi chú"]
    cmw = [1.1, 7.6, 4.0, 3.0, 4.2, 3.9, 2.4]
    t = grid_table(doc, 7)
    header_row(t, names, cmw)
    for lab, title, tasks in sections_of(g["tasks"]):
        row, cells = add_row(t, 7)
        par(cells[0], lab, bold=True, align=C)
        par(cells[1], title, bold=True)
        span(row, 1, 6)
        for tk in tasks:
            row, c = add_row(t, 7)
            par(c[0], tk["ref"].split(".")[1], align=C)
            par(c[1], tk["content"], align=J)
            par(c[2], tk["result"] or "", align=J)
            par(c[3], tk["deadline"] or "", align=C)
            par(c[4], ", ".join(tk["lead"]) if False else tk["lead"][0], align=C)
            if len(tk["support"]) > 1:
                br_par(c[5], tk["support"], align=C)     # units on lines cut by w:br
            elif tk["support"]:
                par(c[5], tk["support"][0], align=C)
            par(c[6], tk["notes"] or "", italic=True)
    widths(t, cmw)
    cell_borders(t)
    par(doc, "", after=6)
    par(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True, indent=1.0)
    par(doc, "Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các xã, phường căn cứ Kế hoạch này tổ chức thực "
        "hiện; định kỳ báo cáo kết quả về UBND tỉnh (qua Văn phòng UBND tỉnh) để tổng hợp.", align=J, indent=1.0, after=12)
    nt = grid_table(doc, 2, on=False)
    row, (a, b) = add_row(nt, 2)
    pa = par(a, "Nơi nhận:", bold=True, italic=True, size=11)
    for line in ["- Văn phòng Chính phủ (Cục Kiểm soát TTHC);", "- TT Tỉnh ủy, TT HĐND tỉnh;",
                 "- Chủ tịch, các PCT UBND tỉnh;", "- Các sở, ban, ngành tỉnh;", "- UBND các xã, phường;",
                 "- Trung tâm Phục vụ hành chính công tỉnh;", "- Lưu: VT, KSTT (Hg)."]:
        par(a, line, size=10)
    for txt, bold in [("TM. ỦY BAN NHÂN DÂN", True), ("KT. CHỦ TỊCH", True), ("PHÓ CHỦ TỊCH", True),
                      ("", False), ("", False), ("(Đã ký)", False), ("", False), ("Hoàng Văn Tuấn", True)]:
        par(b, txt, bold=bold, align=C)
    widths(nt, [12.5, 13.0])
    save_docx(doc, out)


# ============================================================================ ht_syt_2026
def build_ht_syt(g, out):
    lay = p_docx.LAYOUT["ht_syt_2026"]
    doc = base_doc(12, False, "KH KSTTHC 2026 - So Y te", (2.5, 1.5, 2.0, 2.0))
    s = doc.sections[0]
    # head written as tab-separated paragraphs (no head table)
    for left, right, b in [("UBND TỈNH HÀ TĨNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", (False, True)),
                           ("SỞ Y TẾ", "Độc lập - Tự do - Hạnh phúc", (True, True)),
                           ("Số: 21/KH-SYT", "Hà Tĩnh, ngày 16 tháng 01 năm 2026", (False, False))]:
        p = doc.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(Cm(11.5), alignment=1)
        p.paragraph_format.space_after = Pt(0)
        r = p.add_run(left); r.bold = b[0] or None
        p.add_run("\t")
        r = p.add_run(right); r.bold = b[1] or None; r.italic = (left.startswith("Số")) or None
    par(doc, "KẾ HOẠCH", bold=True, align=C, before=12)
    par(doc, "Kiểm soát thủ tục hành chính năm 2026 của Sở Y tế", bold=True, align=C, after=12)
    par(doc, "Thực hiện Kế hoạch của UBND tỉnh về kiểm soát thủ tục hành chính năm 2026, Sở Y tế xây dựng Kế hoạch "
        "với các nhiệm vụ chi tiết tại các Phụ lục I, II, III kèm theo.", align=J, indent=1.0, after=6)
    par(doc, "Giao Văn phòng Sở theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Giám đốc Sở.", align=J, indent=1.0, after=12)
    for txt, bold in [("KT. GIÁM ĐỐC", True), ("PHÓ GIÁM ĐỐC", True), ("(Đã ký)", False), ("Trần Thị Thu Hà", True)]:
        par(doc, txt, bold=bold, align=WD_ALIGN_PARAGRAPH.RIGHT)
    cmw = [1.5, 6.2, 2.7, 2.6, 2.2, 2.3]
    names = ["Số TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện", "Kết quả dự kiến"]
    groups = {}
    for apx, lab, text in lay["groups"]:
        groups.setdefault(apx, []).append((lab, text))
    for apx, title in lay["appendix"].items():
        p = par(doc, "")
        p.add_run().add_break(WD_BREAK.PAGE)
        par(doc, f"Phụ lục {apx}: {title}", bold=True, align=C)
        par(doc, "(Kèm theo Kế hoạch số 21/KH-SYT ngày 16/01/2026 của Sở Y tế)", italic=True, align=C, after=6)
        t = grid_table(doc, 6)
        header_row(t, names, cmw)
        items = [(lab, "g", text) for lab, text in groups[apx]]
        items += [(tk["ref"][len(apx) + 1:], "t", tk) for tk in g["tasks"] if tk["ref"].split(".")[0] == apx]

        def key(it):
            return [int(x) for x in it[0].strip(".").split(".")]
        for lab, kind, obj in sorted(items, key=key):
            row, c = add_row(t, 6)
            depth = lab.strip(".").count(".")
            shown = lab if kind == "g" else (lab + "." if depth == 1 else lab)   # 1.1. / 1.2.1
            par(c[0], shown, bold=(depth == 0), align=C)
            if kind == "g":
                par(c[1], obj, bold=(depth == 0), italic=(depth > 0))
                continue
            par(c[1], obj["content"], align=J)
            for u in obj["lead"]:
                par(c[2], u, align=C)
            for u in obj["support"]:
                par(c[3], u, align=C)
            par(c[4], obj["deadline"], align=C)
            par(c[5], obj["result"] or "")
        widths(t, cmw)
    save_docx(doc, out)


# ============================================================================ dl_phuongbmt_2026
def build_dl_phuong(g, out):
    bul = p_docx.LAYOUT["dl_phuongbmt_2026"]["bullets"]
    doc = base_doc(13, False, "KH kiem soat TTHC 2026", (2.5, 1.5, 2.0, 2.0))
    add_bullet_numbering(doc, 40, 41, "-")
    cover_table(doc, [("ỦY BAN NHÂN DÂN", True), ("PHƯỜNG BUÔN MA THUỘT", True), ("Số: 09/KH-UBND", False)],
                [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False), ("Độc lập - Tự do - Hạnh phúc", True, False),
                 ("Buôn Ma Thuột, ngày 22 tháng 01 năm 2026", False, True)], [6.5, 10.5])
    par(doc, "KẾ HOẠCH", bold=True, align=C, before=12)
    par(doc, "Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm 2026", bold=True, align=C, after=12)
    par(doc, "Thực hiện Kế hoạch của UBND tỉnh Đắk Lắk, UBND phường Buôn Ma Thuột ban hành Kế hoạch kiểm soát thủ "
        "tục hành chính năm 2026 với các nhiệm vụ sau:", align=J, indent=1.0, after=6)
    names = ["STT", "Nội dung công việc", "Chủ trì", "Phối hợp", "Thời gian thực hiện", "Ghi chú"]
    cmw = [1.1, 7.4, 2.9, 2.7, 2.2, 1.7]
    t = grid_table(doc, 6)
    header_row(t, names, cmw)
    for lab, title, tasks in sections_of(g["tasks"]):
        row, c = add_row(t, 6)
        par(c[0], lab, bold=True, align=C)
        par(c[1], title, bold=True)
        span(row, 1, 5)
        for tk in tasks:
            row, c = add_row(t, 6)
            par(c[0], tk["ref"].split(".")[1], align=C)
            paras = bul[tk["ref"]]
            par(c[1], paras[0], align=J)
            for b in paras[1:]:
                bullet(par(c[1], b, align=J), 41)
            if len(tk["lead"]) > 1:
                br_par(c[2], tk["lead"], align=C)
            else:
                par(c[2], tk["lead"][0], align=C)
            if tk["support"]:
                if len(tk["support"]) > 1:
                    br_par(c[3], ["- " + u + (";" if i < len(tk["support"]) - 1 else "")
                                  for i, u in enumerate(tk["support"])])
                else:
                    par(c[3], tk["support"][0], align=C)
            d = tk["deadline"]
            m = re.match(r"^(Hằng tháng) (\(.*\))$", d)
            if m:                                    # deadline cut by a line break
                br_par(c[4], [m.group(1), m.group(2)], align=C)
            else:
                par(c[4], d, align=C)
            par(c[5], tk["notes"] or "", italic=True, size=11)
    widths(t, cmw)
    cell_borders(t)
    par(doc, "", after=6)
    par(doc, "Nơi nhận:", bold=True, italic=True, size=11)
    for line in ["- UBND tỉnh Đắk Lắk (b/c);", "- Văn phòng UBND tỉnh (KSTTHC);", "- TT Đảng ủy, TT HĐND phường;",
                 "- Chủ tịch, các PCT UBND phường;", "- Các phòng, đơn vị thuộc UBND phường;", "- Lưu: VT."]:
        par(doc, line, size=10)
    for txt, bold in [("CHỦ TỊCH", True), ("(Đã ký)", False), ("Y Phôn Niê", True)]:
        par(doc, txt, bold=bold, align=WD_ALIGN_PARAGRAPH.RIGHT)
    save_docx(doc, out)


# ============================================================================ cm_snv_2026 (xlsx)
def build_cm_snv(g, out):
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Alignment, Border, Font, Side
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    center = Alignment(wrap_text=True, vertical="center", horizontal="center")

    def F(**k):
        return Font(**{"name": "Times New Roman", "size": 12, **k})
    wb = Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = "snv"
    wb.properties.created = wb.properties.modified = FIXED
    ws = wb.active
    ws.title = "Ke hoach 2026"
    W = {"A": 6, "B": 52, "C": 9, "D": 24, "E": 24, "F": 17, "G": 26, "H": 22}
    for k, v in W.items():
        ws.column_dimensions[k].width = v
    ws.column_dimensions["C"].hidden = True            # helper column "Mã" (hidden)
    top = [("A1:C1", "UBND TỈNH CÀ MAU", True), ("D1:H1", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
           ("A2:C2", "SỞ NỘI VỤ", True), ("D2:H2", "Độc lập - Tự do - Hạnh phúc", True),
           ("A4:H4", "KẾ HOẠCH KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026", True),
           ("A5:H5", "(Kèm theo Kế hoạch số 28/KH-SNV ngày 19/01/2026 của Sở Nội vụ tỉnh Cà Mau)", False)]
    for rng_, txt, b in top:
        ws.merge_cells(rng_)
        c = ws[rng_.split(":")[0]]
        c.value = txt
        c.font = F(bold=b, italic=not b)
        c.alignment = center
    hdr = ["STT", "Nội dung công việc", "Mã", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm", "Ghi chú"]
    for i, h in enumerate(hdr, 1):
        c = ws.cell(row=7, column=i, value=h)
        c.font, c.alignment, c.border = F(bold=True), center, box
    ws.freeze_panes = "A8"
    ws.print_title_rows = "7:7"
    bold = InlineFont(rFont="Times New Roman", sz=12, b=True)
    plain = InlineFont(rFont="Times New Roman", sz=12)
    ital = InlineFont(rFont="Times New Roman", sz=12, i=True)

    def rich(text, k):
        """Rich-text runs: a bold head (up to the first comma or 3 words) then plain, or italic tail."""
        words = text.split(" ")
        if k % 3 == 0 and len(words) > 4:
            h = " ".join(words[:3]) + " "
            return CellRichText(TextBlock(bold, h), TextBlock(plain, text[len(h):]))
        if k % 3 == 1 and "(" in text:
            i = text.index("(")
            return CellRichText(TextBlock(plain, text[:i]), TextBlock(ital, text[i:]))
        return text

    def lines(units):
        if len(units) <= 1:
            return "\n".join(units)
        return "\n".join("- " + u + (";" if i < len(units) - 1 else ".") for i, u in enumerate(units))

    r = 8
    k = 0
    tasks = g["tasks"]
    i = 0
    cur_sec = None
    while i < len(tasks):
        tk = tasks[i]
        lab = tk["ref"].split(".")[0]
        if (lab, tk["section"]) != cur_sec:
            cur_sec = (lab, tk["section"])
            ws.cell(row=r, column=1, value=lab).font = F(bold=True)
            ws.cell(row=r, column=1).alignment = center
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=8)
            ws.cell(row=r, column=2, value=tk["section"]).font = F(bold=True)
            ws.cell(row=r, column=2).alignment = wrap
            for col in range(1, 9):
                ws.cell(row=r, column=col).border = box
            r += 1
        num = re.sub(r"[ab]$", "", tk["ref"].split(".")[1])
        group = [tk]
        if tk["ref"].endswith("a"):
            group.append(tasks[i + 1])
        for j, t2 in enumerate(group):
            rr = r + j
            if j == 0:
                ws.cell(row=rr, column=1, value=int(num))
                ws.cell(row=rr, column=2, value=rich(t2["content"], k))
            ws.cell(row=rr, column=3, value=f"KS{lab}-{num}{'ab'[j] if len(group) > 1 else ''}")
            ws.cell(row=rr, column=4, value=rich(lines(t2["lead"]), k + 1) if len(t2["lead"]) == 1 else lines(t2["lead"]))
            ws.cell(row=rr, column=5, value=lines(t2["support"]) or None)
            ws.cell(row=rr, column=6, value=rich(t2["deadline"], k + 1))
            ws.cell(row=rr, column=7, value=t2["result"])
            ws.cell(row=rr, column=8, value=t2["notes"])
            for col in range(1, 9):
                c = ws.cell(row=rr, column=col)
                c.border = box
                c.alignment = center if col in (1, 3, 6) else wrap
                if not isinstance(c.value, CellRichText):
                    c.font = F(size=11 if col == 3 else 12)
            n = max(2, len(t2["content"]) // 48 + 1 if j == 0 and len(group) == 1 else 2,
                    len(t2["lead"]) + len(t2["support"]))
            ws.row_dimensions[rr].height = 17 * n
            k += 1
        if len(group) > 1:                       # STT and content merged over the a)/b) rows
            ws.merge_cells(start_row=r, start_column=1, end_row=r + 1, end_column=1)
            ws.merge_cells(start_row=r, start_column=2, end_row=r + 1, end_column=2)
        r += len(group)
        i += len(group)
    r += 1
    ws.cell(row=r, column=6, value="GIÁM ĐỐC").font = F(bold=True)
    ws.cell(row=r + 3, column=6, value="Lê Văn Hùng").font = F(bold=True)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(out)
    to_shared_strings(out)
    normalize_zip(out)


# ============================================================================ zip / LibreOffice
def to_shared_strings(path):
    """openpyxl writes inline strings (t="inlineStr"); Excel saves a shared-string table.  Move every
    inline string (plain or rich-text runs) into xl/sharedStrings.xml, as Excel would."""
    with zipfile.ZipFile(path) as z:
        items = {i.filename: z.read(i.filename) for i in z.infolist()}
    order = list(items)
    table, index = [], {}

    def repl(m):
        attrs, body = m.group(1), m.group(2)
        if body not in index:
            index[body] = len(table)
            table.append(body)
        return f'<c{attrs} t="s"><v>{index[body]}</v></c>'
    for name in order:
        if name.startswith("xl/worksheets/sheet"):
            x = items[name].decode("utf-8")
            x = re.sub(r'<c([^>]*?) t="inlineStr"><is>(.*?)</is></c>', repl, x, flags=re.S)
            items[name] = x.encode("utf-8")
    count = sum(x.decode("utf-8").count('t="s"') for n, x in items.items() if n.startswith("xl/worksheets/sheet"))
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{count}" '
           f'uniqueCount="{len(table)}">' + "".join(f"<si>{b}</si>" for b in table) + "</sst>")
    items["xl/sharedStrings.xml"] = sst.encode("utf-8")
    order.insert(order.index("xl/styles.xml"), "xl/sharedStrings.xml")
    ct = items["[Content_Types].xml"].decode("utf-8")
    if "sharedStrings" not in ct:
        ct = ct.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    items["[Content_Types].xml"] = ct.encode("utf-8")
    rels = items["xl/_rels/workbook.xml.rels"].decode("utf-8")
    if "sharedStrings" not in rels:
        rels = rels.replace("</Relationships>", '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
                            'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    items["xl/_rels/workbook.xml.rels"] = rels.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in order:
            z.writestr(name, items[name])


def normalize_zip(path):
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<",
                              lambda m: b"<dcterms:" + m.group(1) + m.group(2) + b">2026-01-20T01:15:00Z<", data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 1, 20, 8, 15, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    os.replace(tmp, path)


def lo_convert(src, fmt):
    soffice = shutil.which("soffice")
    if not soffice:
        return False
    prof = tempfile.mkdtemp(prefix="lo_corpus5_")
    filt = "pdf:writer_pdf_Export" if fmt == "pdf" else "doc:MS Word 97"
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
    "ls_ubnd_2026": (build_ls_ubnd, "docx", ["pdf", "doc"], [
        "landscape", "cover-table-2-columns-borderless-issuer-number-date", "noi-nhan-signature-table-after-task-table",
        "body-roman-headings-I-II-III-outside-table", "columns-order-content-san-pham-deadline-lead-support-notes",
        "deadline-before-units", "section-rows-roman-title-gridspan", "numbers-restart-per-section",
        "support-units-separated-by-w:br-line-breaks", "lead-cell-several-units-commas-and-va",
        "notes-column-with-limits", "limit-in-content", "old-unit-names-So-TTTT-So-KHDT", "old-district-names-in-text",
        "tblHeader-repeated-header", "text-split-across-runs"]),
    "ht_syt_2026": (build_ht_syt, "docx", ["pdf", "doc"], [
        "portrait", "head-as-tab-separated-paragraphs-no-head-table", "signature-before-appendices",
        "one-table-per-appendix-each-with-own-header", "caption-paragraph-Phu-luc-I-before-each-table",
        "page-break-before-each-appendix", "three-level-typed-numbers-1.-1.1.-1.2.1",
        "heading-rows-1.-and-2.2.-not-tasks", "numbers-restart-per-appendix", "units-one-paragraph-each",
        "deadline-column-Thoi-gian-thuc-hien", "result-last-column-Ket-qua-du-kien", "limit-in-content",
        "old-unit-names-Thanh-tra-So-Chi-cuc-Dan-so-So-TTTT", "old-unit-name-in-text-So-LDTBXH",
        "tblHeader-repeated-header", "text-split-across-runs"]),
    "dl_phuongbmt_2026": (build_dl_phuong, "docx", ["pdf", "doc"], [
        "portrait", "ward-plan", "cover-table-2-columns-borderless", "letter-sections-A-B-C-D-title-gridspan",
        "numbers-running-through-sections", "no-result-column", "content-bullets-w:numPr-bullet-paragraphs",
        "lead-units-w:br-lines", "support-units-dash-lines-w:br", "deadline-cut-by-w:br",
        "lead-cell-several-units-commas-and-va", "notes-column-with-limits", "noi-nhan-paragraphs",
        "old-ward-names-in-text", "tblHeader-repeated-header", "text-split-across-runs"]),
    "cm_snv_2026": (build_cm_snv, "xlsx", [], [
        "single-sheet", "merged-title-block", "hidden-helper-column-C-Ma", "header-row-frozen-print-titles",
        "section-rows-roman-title-merged", "numbers-restart", "task-split-a-b-merged-stt-and-content-two-tasks",
        "shared-strings", "rich-text-runs-in-cells", "alt-enter-unit-dash-lines", "notes-column-with-limits",
        "limit-in-content", "old-unit-names-So-TTTT-So-LDTBXH-Ban-Ton-giao", "old-province-name-in-text-Bac-Lieu",
        "signature-cells-under-table"]),
}


def main():
    no_lo = "--no-lo" in sys.argv
    os.makedirs(FILES, exist_ok=True)
    manifest = []
    for stem, (fn, ext, exports, feats) in PLANS.items():
        g = load(stem)
        out = os.path.join(FILES, f"{stem}.{ext}")
        fn(g, out)
        print("built", out)
        manifest.append(dict(file=f"files/{stem}.{ext}", gold=f"gold/{stem}.json", form=ext,
                             tasks=len(g["tasks"]), features=[ext] + feats))
        for fmt in exports:
            if not no_lo:
                ok = lo_convert(out, fmt)
                print("  ->", fmt, ok)
            manifest.append(dict(file=f"files/{stem}.{fmt}", gold=f"gold/{stem}.json", form=fmt,
                                 tasks=len(g["tasks"]),
                                 features=[("pdf-exported-by-libreoffice" if fmt == "pdf" else "word97-doc-exported-by-libreoffice")] + feats))
    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
