"""Question text to clean folded tokens: slang and abbreviations expanded, typos of keywords fixed."""

from __future__ import annotations

import re

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.text import fold, is_syllable, unify_spelling

# Whole-token slang and shorthand officers type on phones (folded form → folded expansion).
SLANG: dict[str, str] = {
    "j": "gi",
    "gj": "gi",
    "ji": "gi",
    "z": "gi",
    "k": "khong",
    "ko": "khong",
    "kh": "khong",
    "hong": "khong",
    "hok": "khong",
    "hem": "khong",
    "dc": "duoc",
    "dk": "duoc",
    "bc": "bao cao",
    "bcao": "bao cao",
    "b/c": "bao cao",
    "cv": "cong viec",
    "vc": "viec",
    "cviec": "cong viec",
    "nvu": "nhiem vu",
    "nv": "nhiem vu",
    "hnay": "hom nay",
    "hn": "hom nay",
    "homnay": "hom nay",
    "ngmai": "ngay mai",
    "nmai": "ngay mai",
    "bn": "bao nhieu",
    "bnhieu": "bao nhieu",
    "nhiu": "nhieu",
    "bh": "bao gio",
    "bgio": "bao gio",
    "thg": "thang",
    "qui": "quy",  # the older spelling ("quí 4", "qui trình")
    "th": "thang",
    "qh": "qua han",
    "quahan": "qua han",
    "denhan": "den han",
    "saphan": "sap han",
    "ntn": "nhu the nao",
    "sx": "sap xep",
    "vs": "voi",
    "ng": "nguoi",
    "mk": "minh",
    "mik": "minh",
    "oke": "ok",
    "okie": "ok",
    "hlo": "hello",
    "helo": "hello",
    "thx": "cam on",
    "tks": "cam on",
    "cmon": "cam on",
    "ctiet": "chi tiet",
    "chitiet": "chi tiet",
    "tx": "thuong xuyen",
    "txuyen": "thuong xuyen",
    "dvctt": "dvctt",
    "ubnd": "ubnd",
    "vp": "vp",
    "trc": "truoc",
    "tru0c": "truoc",
    "deadline": "han",
    "dl": "han",
    "hannop": "han nop",
    "cuoinam": "cuoi nam",
    "thangnay": "thang nay",
    "tuannay": "tuan nay",
    "tuansau": "tuan sau",
}

# Two-token slips that are both valid syllables, so only a table can catch them.
PHRASES: tuple[tuple[str, str], ...] = (
    ("dem han", "den han"),
    ("dến han", "den han"),
    ("qua hang", "qua han"),
    ("sap dem", "sap den"),
    ("tuan ney", "tuan nay"),
    ("thang ney", "thang nay"),
    ("thang nay nay", "thang nay"),
    ("viet gi", "viec gi"),
    ("viet nao", "viec nao"),
    ("nhung viet", "nhung viec"),
    ("thuong xuyen xuyen", "thuong xuyen"),
    ("chi tiec", "chi tiet"),
    ("han chot", "han"),
)

# Keywords the reader relies on: an unreadable token close to one of them is taken as it.
KEYWORDS: tuple[str, ...] = (
    "viec",
    "thang",
    "tuan",
    "quy",
    "han",
    "nay",
    "sau",
    "toi",
    "truoc",
    "hom",
    "ngay",
    "mai",
    "qua",
    "sap",
    "den",
    "nop",
    "bao",
    "cao",
    "nam",
    "cuoi",
    "dau",
    "thuong",
    "xuyen",
    "chi",
    "tiet",
    "nhieu",
    "may",
    "chu",
    "tri",
    "phoi",
    "hop",
    "lien",
    "quan",
    "xong",
    "chua",
    "phai",
    "lam",
    "nhung",
    "hoan",
    "thanh",
    "khi",
    "nao",
    "gio",
    "con",
    "cua",
    "tinh",
    "huong",
    "dan",
    "giup",
    "chao",
    "nhiem",
    "cong",
    "nhu",
    "muc",
    "tuyen",
    "nhat",
    "dang",
    "kiem",
    "soat",
)

# Abbreviations that look like typos but are not.
KEEP: frozenset[str] = frozenset(
    {
        "ubnd",
        "vp",
        "vpubnd",
        "ttpvhcc",
        "tthc",
        "kstthc",
        "dvctt",
        "dvc",
        "pakn",
        "cchc",
        "hdnd",
        "tttt",
        "khcn",
        "bhxh",
        "ldtbxh",
        "gdvdt",
        "vhttdl",
        "tnmt",
        "nnptnt",
        "xd",
        "stp",
        "ok",
        "hello",
        "hi",
        "help",
        "bot",
    }
)

_TOKEN = re.compile(r"[a-z0-9]+(?:[./&-][a-z0-9]+)*|[?]")


def correct(token: str) -> str:
    """The keyword an unreadable token was meant to be, or the token unchanged."""
    if token in SLANG or token in KEEP or not token.isalpha() or len(token) < 3:
        return token
    if token in KEYWORDS or is_syllable(token):
        return token
    limit = 1 if len(token) <= 5 else 2
    hit = process.extractOne(
        token, KEYWORDS, scorer=OSA.distance, processor=None, score_cutoff=limit
    )
    return hit[0] if hit is not None else token


_DEPARTMENT_INITIALS = {
    "nv": "noi vu",
    "tc": "tai chinh",
    "tp": "tu phap",
    "yt": "y te",
    "xd": "xay dung",
    "ct": "cong thuong",
    "gd": "giao duc",
    "nn": "nong nghiep",
    "vh": "van hoa",
    "dt": "dan toc",
    "khcn": "khoa hoc",
    "kh": "kh",  # "sở KH và ĐT", "sở KH&CN": not "kh" for không
}


_BEFORE_HAN = (["qua"], ["sap"], ["tre"], ["dung"], ["het"])


def normalize(text: str) -> str:
    """Fold a question and repair it word by word: 'viecj gi dden hna t8' → 'viec gi den han t8'."""
    folded = fold(unify_spelling(text))
    folded = folded.replace("“", " ").replace("”", " ")
    tokens = [correct(t) for t in _TOKEN.findall(folded)]
    out = " ".join(
        _DEPARTMENT_INITIALS[t]
        if t in _DEPARTMENT_INITIALS
        and tokens[i - 1 : i] == ["so"]
        and tokens[i - 2 : i - 1] != ["tong"]
        # "sở nv", "so tc": a department by its initials ("tổng số nv" is a number of tasks)
        else "han"
        if t == "hn" and tokens[i - 1 : i] in _BEFORE_HAN
        # "quá hn", "sắp hn": hạn; elsewhere "hn" is hôm nay
        else SLANG.get(t, t)
        for i, t in enumerate(tokens)
    )
    out = f" {out} "
    for wrong, right in PHRASES:
        out = out.replace(f" {wrong} ", f" {right} ")
    return out.strip()
