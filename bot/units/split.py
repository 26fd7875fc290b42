"""Split one mention naming several units or groups ("Các sở, ban, ngành và UBND cấp xã").

Plans list units with "," and "và", but the same marks occur inside names ("Sở Văn hóa, Thể thao
và Du lịch", "Các sở, ban, ngành", "Các cơ quan, đơn vị"). A piece starts a new mention only when
it begins with a word that opens a unit name and the separator is not inside a protected phrase.
"""

from __future__ import annotations

import re
import unicodedata

from bot.text import nfc, squash

# Phrases whose "," or "và" never separates two units (matched on the per-character fold).
_PROTECTED = [
    r"so\s*,\s*ban\s*,?\s*nganh",
    r"co quan chuyen mon\s*,\s*co quan",
    r"co quan\s*,\s*(?:don vi|to chuc)",
    r"huyen\s*,\s*thi xa\s*,?\s*(?:va\s+)?thanh pho",
    r"xa\s*,\s*phuong(?:\s*,?\s*(?:va\s+)?(?:thi tran|dac khu))?",
    r"bao va phat thanh\s*,\s*truyen hinh",
    r"phat thanh\s*,\s*truyen hinh",
    r"thuong binh va xa hoi",
    r"can bo\s*,\s*cong chuc",
    r"xa hoi",
]
_PROTECTED_RE = re.compile("|".join(f"(?:{p})" for p in _PROTECTED))
_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+và\s+|\s*\n\s*", re.IGNORECASE)
# Words (folded) that open a unit's name.
_HEADS = (
    "so ",
    "van phong",
    "vp ",
    "uy ban",
    "ubnd",
    "hoi dong",
    "hdnd",
    "cac ",
    "trung tam",
    "ttpvhcc",
    "cong an",
    "bao hiem",
    "bhxh",
    "cuc ",
    "chi cuc",
    "thue ",
    "bao ",
    "dai ",
    "co quan",
    "don vi",
    "dia phuong",
    "bo phan",
    "phong ",
    "kho bac",
    "ngan hang",
    "vien ",
    "toa an",
    "bo chi huy",
    "thanh tra",
    "xa ",
    "phuong ",
    "thi tran",
    "dac khu",
    "ban quan ly",
    "to chuc",
    "doanh nghiep",
    "nguoi dan",
    "bo ",
    "uy ban",
    "mat tran",
    "tinh doan",
    "lien doan",
    "hoi ",
)
# Heads that, in brackets, describe a role ("cơ quan thường trực") rather than name a unit.
_GENERIC = ("co quan", "don vi", "to chuc", "cac ", "dia phuong")
_DISTRIBUTE = re.compile(r"^(?P<pre>.*?)cấp huyện\s*(?:,|và)\s*cấp xã(?P<post>.*)$", re.IGNORECASE)
_PAREN = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")


def _fold_chars(text: str) -> str:
    """Fold each character to one character, so positions match the original text."""
    out = []
    for ch in text.lower():
        base = unicodedata.normalize("NFD", ch)[0]
        out.append("d" if base == "đ" else base)
    return "".join(out)


def _opens_unit(piece: str, original: str) -> bool:
    folded = _fold_chars(piece).strip() + " "
    if folded.startswith("ban "):
        # "Ban Dân tộc" opens a unit; "ban" and "ban ngành" continue "sở, ban, ngành".
        rest = original.strip()[4:]
        return bool(rest) and rest[0].isupper() and not rest.lower().startswith("ngành")
    return folded.startswith(_HEADS)


def _split_one(text: str) -> list[str]:
    folded = _fold_chars(text)
    protected = [(m.start(), m.end()) for m in _PROTECTED_RE.finditer(folded)]
    pieces: list[str] = []
    start = 0
    for sep in _SEPARATOR.finditer(text):
        if any(a <= sep.start() and sep.end() <= b for a, b in protected):
            continue
        piece = text[sep.end() :]
        nxt = _SEPARATOR.search(piece)
        head = piece[: nxt.start()] if nxt else piece
        if not _opens_unit(head, head):
            continue
        pieces.append(text[start : sep.start()])
        start = sep.end()
    pieces.append(text[start:])
    return [p for p in (squash(x).strip(" ,;.-") for x in pieces) if p]


def split_mentions(text: str) -> list[str]:
    """The unit or group mentions in one cell text, in order; [] for an empty text."""
    text = squash(nfc(text or ""))
    if not text:
        return []
    out: list[str] = []
    for piece in _split_one(text):
        paren = _PAREN.match(piece)
        inner = paren.group("inner") if paren else ""
        if paren and _opens_unit(inner, inner) and not _fold_chars(inner).startswith(_GENERIC):
            parts = [paren.group("outer"), paren.group("inner")]
        else:
            parts = [piece]
        for part in parts:
            dist = _DISTRIBUTE.match(part)
            if dist:
                pre, post = dist.group("pre"), dist.group("post")
                out.extend([squash(f"{pre}cấp huyện{post}"), squash(f"{pre}cấp xã{post}")])
            else:
                out.append(part)
    return list(dict.fromkeys(out))
