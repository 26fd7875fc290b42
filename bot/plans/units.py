"""Unit mentions of a task: splitting a cell into mentions and telling lead from support.

Mentions are split only on list separators (list items, "- " bullets, ";" and lines), never on
"," or "và", so one mention may still name several units; role words are removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.plans.cells import clean, list_items

# A new bullet inside running text: " - " followed by a word that starts a unit name.
_UNIT_WORDS = (
    r"UBND|Ủy ban|Uỷ ban|Các|các|Sở|Văn phòng|Trung tâm|Ban|Công an|Cục|Bảo hiểm|Bộ phận|Cơ quan|"
    r"Phòng|Thuế|Kho bạc|Chi cục|Báo|Đài|Viện|Hội|Cán bộ|Thủ trưởng|Chủ tịch|Thanh tra|Công chức|"
    r"Đoàn|Tỉnh đoàn"
)
_BULLET = re.compile(rf"(?:^|(?<=[.;:])\s*|\s+)-\s+(?=(?:{_UNIT_WORDS})\b)")
_LEADING_BULLET = re.compile(r"^[-–•+]\s*")
# Two names written one after the other with nothing between ("Văn phòng UBND tỉnh Sở TT&TT").
# Also after an abbreviation ("Sở TT&TT Trung tâm …"), and before a civil servant's title
# ("Công chức Tư pháp - Hộ tịch Công chức Địa chính"): a PDF loses the line between them.
_GLUED = re.compile(
    r"(?:(?<=\btỉnh)|(?<=\bhuyện)|(?<=\bxã)|(?<=[A-ZĐ]&[A-ZĐ][A-ZĐ]))\s+"
    r"(?=(?:Sở|Văn phòng|Trung tâm|Công an|Cục)\s+[A-ZĐÀ-Ỹ])"
    r"|(?<=\w)\s+(?=(?:Công chức|Cán bộ)\s+[A-ZĐÀ-Ỹ])"
)

LEAD, SUPPORT = "lead", "support"


@dataclass
class Mentions:
    """Lead and support mentions read from one or more cells, and what was inferred."""

    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    inferred: set[str] = field(default_factory=set)

    def add(self, role: str, names: list[str]) -> None:
        target = self.lead if role == LEAD else self.support
        for n in names:
            if n and n not in target:
                target.append(n)


def _tidy(name: str) -> str:
    name = _LEADING_BULLET.sub("", name.strip())
    name = name.strip().rstrip(".;:,").strip()
    # "… tỉnh ;" and stray spaces before punctuation.
    return re.sub(r"\s+([;,.])", r"\1", name)


def _rejoin_broken(items: list[str]) -> list[str]:
    """Lines of a cell where a PDF broke a name before its " - " ("Công chức Văn phòng" /
    "- Thống kê"): a "- " line after a line that is no bullet and ends without punctuation is
    the same name going on (a true bulleted list has its bullet on every line) when it is a few
    words that start no unit's name, after a line that ends no name of a place."""
    out: list[str] = []
    for item in items:
        if (
            out
            and _LEADING_BULLET.match(item)
            and not _LEADING_BULLET.match(out[-1])
            and not out[-1].rstrip().endswith((".", ";", ",", ":"))
            and not re.search(r"\b(?:tỉnh|huyện|xã|phường|thành phố|Thành phố|thị xã)$", out[-1])
            and len(item.split()) <= 6
            and not re.match(rf"^[-–•+]\s*(?:{_UNIT_WORDS})\b", item)
        ):
            out[-1] = out[-1].rstrip() + " " + item.strip()
        else:
            out.append(item)
    return out


def clauses(cell: str) -> list[str]:
    """The list items of a cell: HTML items, "- " bullets, ". - " runs, then ";"-free pieces."""
    items = list_items(cell)
    if items is not None:
        items = _rejoin_broken(items)
    parts: list[str] = []
    for item in items if items is not None else [clean(cell)]:
        for piece in _BULLET.split(item):
            piece = _tidy(piece)
            if piece:
                parts.append(piece)
    return parts


def split_semicolons(text: str) -> list[str]:
    """Split a clause on ";" (list separators inside one bullet)."""
    return [t for t in (_tidy(p) for p in text.split(";")) if t]


def split_glued(name: str) -> list[str]:
    """Split two unit names written with nothing between them."""
    return [t for t in (_tidy(p) for p in _GLUED.split(name)) if t]


# Words that end a unit's name and start what it does (lower case only: names are capitalised).
_ROLE_CUT = re.compile(
    r"\s+(?:\(có ý kiến\)|\(kiểm soát\b.*|chủ trì\b|phối hợp\b|triển khai thực hiện\b|thực hiện\b|"
    r"theo dõi\b|hướng dẫn\b|tiếp nhận\b|tuyên truyền\b|thẩm định\b|tổng hợp\b|tổ chức thực hiện\b)"
)


# "Các sở, ngành chủ trì soạn thảo / xây dựng …" ending a clause: a group named by what its
# members draft, not a role ("Sở Nội vụ chủ trì xây dựng kế hoạch" is one unit and its role).
_DRAFTER = re.compile(
    r"^(?:Các|các|Những|những|Cơ quan|cơ quan|Đơn vị|đơn vị)\b.*?"
    r"(?P<cut>\s+(?:được giao\s+)?chủ trì\s+(?:soạn thảo|xây dựng|dự thảo|ban hành|trình)\b[^,;]*)$"
)
_GENERIC_HEAD = re.compile(r"^\W*(?:các\s+)?(?:cơ quan|đơn vị|bộ phận|tổ chức)\W*$", re.IGNORECASE)


def _name_and_tail(clause: str, named_column: bool = False) -> tuple[str, str]:
    """Cut a clause into the unit name and the role words after it.

    ``named_column``: the cell's column states its role, so "Các sở, ngành chủ trì soạn thảo"
    there names a group by what its members draft; in a cell holding every unit the same words
    state the group's role ("- Các sở, ban, ngành chủ trì xây dựng quy trình. - Sở … phối hợp")."""
    if re.search(r"được giao chủ trì thực hiện\.?$", clause):
        cut = clause.rindex("chủ trì thực hiện")
        return _tidy(clause[:cut]), "chủ trì thực hiện"
    drafted = _DRAFTER.search(clause) if named_column else None
    if drafted and not _GENERIC_HEAD.match(clause[: drafted.start("cut")]):
        # "Các sở, ngành chủ trì soạn thảo": the units that draft the text, a name of its own
        # (the column, or a role word after it, gives the role).
        m = re.search(r"\s+(phối hợp|chủ trì)\.?$", clause)
        if m and m.start() > drafted.start("cut"):
            return _tidy(clause[: m.start()]), m.group(1)
        return _tidy(clause), "được giao chủ trì"
    if "được giao chủ trì" in clause:
        # "Các sở … được giao chủ trì soạn thảo văn bản [phối hợp | chủ trì]": the assignment
        # is the name, a role word after it is the role.
        m = re.search(r"\s+(phối hợp|chủ trì)\.?$", clause)
        if m and "được giao chủ trì" in clause[: m.start()]:
            return _tidy(clause[: m.start()]), m.group(1)
        return _tidy(clause), "được giao chủ trì"
    m = _ROLE_CUT.search(clause)
    if not m or _GENERIC_HEAD.match(clause[: m.start()]):
        # "Cơ quan chủ trì soạn thảo": cut there, only a generic head would be left, so the
        # role words are part of what names the body.
        return _tidy(clause), ""
    return _tidy(clause[: m.start()]), clause[m.start() :].strip()


def _role_of(tail: str) -> tuple[str | None, bool]:
    """(role, strong) for the role words after a name."""
    t = tail.lower()
    if t.startswith("được giao chủ trì"):
        return LEAD, False
    if t.startswith("chủ trì") or t.startswith("(có ý kiến)"):
        return LEAD, True
    if "chủ trì" in t and "phối hợp" not in t.split("chủ trì")[0]:
        return LEAD, True
    if "phối hợp" in t:
        return SUPPORT, True
    if t.startswith(("theo dõi", "hướng dẫn", "(kiểm soát", "tuyên truyền", "tổng hợp")):
        return SUPPORT, False
    if t.startswith(
        ("thực hiện", "triển khai thực hiện", "tiếp nhận", "tổ chức thực hiện", "thẩm định")
    ):
        return LEAD, False
    return None, False


_EXECUTES = re.compile(r"^(?:triển khai |tổ chức )?thực hiện\b")
_PARTNER = re.compile(r"^(?:chủ trì,\s*)?phối hợp\s+(?:với\s+)?(?=\S)")


def _partner(tail: str) -> re.Match[str] | None:
    """ "phối hợp (với) Y" where Y is a name: a unit word, or any capitalised word ("Đoàn
    Thanh niên xã", "Công chức Văn phòng - Thống kê"), not an activity ("phối hợp thực hiện")."""
    m = _PARTNER.match(tail)
    if m is None:
        return None
    rest = tail[m.end() :]
    if rest[:1].isupper() or re.match(rf"(?:{_UNIT_WORDS})\b", rest):
        return m
    return None


# A role stated as a label: "Chủ trì: X" / "Chủ trì thực hiện: X" / "Phối hợp Y" at the start of
# a line (the colon may be left out, then the name must start with a capital), or "X (chủ trì)".
_LABEL_WORD = (
    r"(?:Đơn vị |Cơ quan )?(?:chủ trì|Chủ trì|CHỦ TRÌ|phối hợp|Phối hợp|PHỐI HỢP)"
    r"(?: thực hiện| THỰC HIỆN)?"
)
_LABEL_HEAD = re.compile(
    rf"^[-–•+]?\s*(?P<label>{_LABEL_WORD})(?P<colon>\s*:\s*|\s+)(?P<rest>\S.*)$", re.DOTALL
)
_LABEL_ALONE = re.compile(rf"^[-–•+]?\s*(?P<label>{_LABEL_WORD})\s*:$")
# Where a PDF joined the lines: before a capitalised label ("… tỉnh Phối hợp: …", "… tỉnh
# Phối hợp Thanh tra tỉnh"), after a label in brackets ("Sở Y tế (phối hợp) Tỉnh đoàn").
_LABEL_INLINE = re.compile(
    r"\s+(?=(?:Đơn vị |Cơ quan )?(?:Chủ trì|Phối hợp|CHỦ TRÌ|PHỐI HỢP)(?:\s*:|\s+\w))"
    r"|(?i:(?<=\(chủ trì\))|(?<=\(phối hợp\)))[;,.]?\s+(?=\w)"
)
_LABEL_TAIL = re.compile(
    r"^(?P<rest>.+?)\s*\(\s*(?P<label>chủ trì|phối hợp)\s*\)\W*$", re.I | re.DOTALL
)
# A bullet opening an item of a labelled line: at its start or after a list's punctuation.
# A dash between two words ("Phòng Pháp chế - Thanh tra") belongs to the name.
_ITEM_BULLET = re.compile(r"(?:^|(?<=[.;:,])\s*)[-–•+]\s+")


def _label_role(label: str) -> str:
    return LEAD if "chủ trì" in label.lower() else SUPPORT


def _label_lines(cell: str) -> list[str]:
    """The lines of a cell (list items, or its text), cut again where a PDF joined two."""
    items = list_items(cell)
    lines: list[str] = []
    for item in _rejoin_broken(items) if items is not None else [clean(cell)]:
        lines.extend(p for p in (x.strip() for x in _LABEL_INLINE.split(item)) if p)
    return lines


def _label_names(rest: str) -> list[str]:
    return [
        n
        for item in _ITEM_BULLET.split(rest)
        for part in split_semicolons(_tidy(item))
        for n in split_glued(part)
    ]


def labelled(cell: str) -> list[tuple[str, list[str]]] | None:
    """The (role, names) of a cell whose lines state their role by a label ("Chủ trì: X",
    "Phối hợp: Y; Z", "X (chủ trì)"; "- " lines under "Phối hợp:" are its items), or None
    when a line has no label (the cell is read by its words instead). The labels are the
    plan's own words: nothing is inferred."""
    lines = _label_lines(cell)
    if not lines:
        return None
    out: list[tuple[str, list[str]]] = []
    role: str | None = None  # the label whose list a "- " line goes on
    prev = ""
    for line in lines:
        alone = _LABEL_ALONE.match(line)
        if alone:
            role = _label_role(alone.group("label"))
            continue
        m = _LABEL_HEAD.match(line)
        if m and ":" not in m.group("colon") and not m.group("rest")[:1].isupper():
            m = None  # "Chủ trì thực hiện …": no label without a colon unless a name follows
        m = m or _LABEL_TAIL.match(line)
        if m:
            role, rest = _label_role(m.group("label")), m.group("rest")
        elif role is not None and _LEADING_BULLET.match(line):
            rest = line
        elif out and _goes_on(prev, out[-1][1][-1], line):
            out[-1][1][-1] = f"{out[-1][1][-1]} {_tidy(line)}"
            prev = line
            continue
        else:
            return None
        names = _label_names(_tidy(rest))
        if names:
            out.append((role, names))
        prev = line
    return out or None


def _goes_on(prev: str, name: str, line: str) -> bool:
    """True when an unlabelled line is the rest of the name above, broken by a PDF's line or
    page break ("Chủ trì: Phòng Bổ trợ tư" / "pháp"; "Chủ trì: Phòng" / "Hành chính …"): the
    line above ends with no list punctuation, and the line starts lower case or the name
    above is a single word (no unit's name is)."""
    if not prev or prev.rstrip().endswith((".", ";", ",", ":")):
        return False
    return line[:1].islower() or len(name.split()) == 1


def read_units_cell(
    cell: str, role: str | None, out: Mentions, *, field_name: str | None = None
) -> None:
    """Read one cell of units into ``out``.

    ``role`` is the column's role (lead or support), or None for a cell that holds both
    (told apart by "chủ trì" / "phối hợp", else by meaning, recorded in ``inferred``).
    A cell whose every line carries a role label is read by its labels, whatever the column.
    """
    stated_roles = labelled(cell)
    if stated_roles is not None:
        for said_role, said_names in stated_roles:
            out.add(said_role, said_names)
        return
    found: list[tuple[list[str], str | None, bool]] = []
    stated: set[int] = set()  # clauses whose own words say they carry the task ("thực hiện")
    parts = clauses(cell)
    for clause in parts:
        name, tail = _name_and_tail(clause, named_column=role is not None)
        if len(parts) == 1 and not re.search(r"chủ trì|phối hợp", tail):
            # One clause with no role words: all of it is the name ("… có thẩm quyền tiếp nhận …").
            name, tail = _tidy(clause), ""
        pieces = split_semicolons(name)
        names = [n for part in pieces for n in split_glued(part)]
        glued = len(names) > len(pieces)
        r, strong = _role_of(tail)
        partner = _partner(tail)
        if partner:
            rest = tail[partner.end() :]
            other, tail2 = _name_and_tail(rest)
            if tail.startswith("chủ trì"):
                # "X chủ trì, phối hợp với Y": both roles are the plan's words, as with labels.
                # "… phối hợp với Y tổ chức thực hiện": Y may as well carry it out with X, so
                # its support role is a reading (the seeds' gold marks it so).
                found.append((names, LEAD, True))
                found.append(([other], SUPPORT, True))
                if tail2:
                    out.inferred.add(SUPPORT)
                continue
            r2, _ = _role_of(tail2)
            both = LEAD if r2 == LEAD else SUPPORT
            found.append((names + [other], both, True))
            # "X phối hợp (với) Y …": X's role is read from Y's.
            out.inferred.add(both)
            continue
        if glued and role is not None:
            out.inferred.add(role)
        if r == LEAD and (_EXECUTES.match(tail) or tail.startswith("được giao chủ trì")):
            stated.add(len(found))
        found.append((names, r, strong))
    if role is not None:
        for names, _r, _s in found:
            out.add(role, names)
        return
    has_strong_lead = any(r == LEAD and s for _n, r, s in found)
    has_strong_support = any(r == SUPPORT and s for _n, r, s in found)
    for k, (names, r, strong) in enumerate(found):
        if strong:
            out.add(r or LEAD, names)
            continue
        # No "chủ trì" / "phối hợp" of its own: read the role from the other clauses.
        if has_strong_lead and not has_strong_support:
            chosen = SUPPORT
        elif has_strong_support and not has_strong_lead:
            chosen = LEAD
        elif has_strong_lead and has_strong_support:
            chosen = r or SUPPORT
        else:
            chosen = r or LEAD
        # Read by meaning: no role words, or only weak ones ("theo dõi") beside the others.
        said = has_strong_lead or has_strong_support or any(x is not None for _n, x, _s in found)
        if len(found) > 1 and said and not (k in stated and chosen == r):
            out.inferred.add(chosen)
        out.add(chosen, names)
