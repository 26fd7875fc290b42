"""The search form of a unit mention: folded, abbreviations unified, fillers and role words gone.

Both the directory's names and the officers' queries go through ``normalise`` so they meet in
one compact vocabulary: long phrases are contracted to their usual abbreviation ("uy ban nhan
dan" → "ubnd"), so "VP UBND tỉnh" and "Văn phòng Ủy ban nhân dân tỉnh" become the same string
and a typo inside an abbreviation stays a one-letter edit.
"""

from __future__ import annotations

import re

from bot.text import fold, unify_spelling

# Spellings with punctuation, folded, before punctuation is dropped.
_PUNCT_ABBREV = [
    (r"\btt\s*&\s*tt\b", "tttt"),
    (r"\bkh\s*&\s*cn\b", "khcn"),
    (r"\bkh\s*&\s*dt\b", "khdt"),
    (r"\bnn\s*&\s*ptnt\b", "nnptnt"),
    (r"\bnn\s*&\s*mt\b", "nnmt"),
    (r"\btn\s*&\s*mt\b", "tnmt"),
    (r"\bgd\s*&\s*dt\b", "gddt"),
    (r"\bgt\s*&\s*vt\b", "gtvt"),
    (r"\bld\s*[-&]?\s*tb\s*&?\s*xh\b", "ldtbxh"),
    (r"\bvh\s*[,&]?\s*tt\s*&?\s*dl\b", "vhttdl"),
    (r"\bdt\s*&\s*tg\b", "dttg"),
    (r"\bks\s*tthc\b", "ksthc"),
    (r"\bksthc\b", "ksthc"),
    (r"\bkstthc\b", "ksthc"),
    (r"\bttpv\s*hcc\b", "ttpvhcc"),
    (r"\b(?:trung tam|tt)\s*pv\s*hcc\b", "ttpvhcc"),
    (r"\bu\.?b\.?n\.?d\b", "ubnd"),
]
# "&" may also be written as the word "và": "sở tt và tt", "NN và PTNT". A department's "S"
# may be glued to the abbreviation ("SNN&MT", "SKH&CN"): kept glued, "snnmt" is a synonym of
# "so nnmt" below (only for the spellings with "&", which a glued "S" cannot be mistaken in).
_PUNCT_ABBREV_RE = [
    (
        re.compile(
            p.replace(r"\s*&\s*", r"\s*(?:&|\bva\b)\s*").replace(r"\b", r"\b(s?)", 1)
            if "&" in p
            else p
        ),
        r"\1" + r if "&" in p else r,
    )
    for p, r in _PUNCT_ABBREV
]
_SO_INITIALS_OF = {
    "tc": "tai chinh",
    "tp": "tu phap",
    "nv": "noi vu",
    "yt": "y te",
    "xd": "xay dung",
    "ct": "cong thuong",
    "gd": "gddt",
    "nn": "nnmt",
    "vh": "vhttdl",
    "dt": "dttg",
}
# Not before more initials: "sở gd-đt", "sở nn-mt" are read by SYNONYMS whole.
_SO_INITIALS = re.compile(rf"^so ({'|'.join(_SO_INITIALS_OF)})(?=$| [a-z0-9]{{3,}})")
_PARENS = re.compile(r"\([^)]*\)?")
_NON_WORD = re.compile(r"[^0-9a-z]+")

# Long phrase → its abbreviation; applied longest first on whole words.
CONTRACTIONS: dict[str, str] = {
    "trung tam phuc vu hanh chinh cong": "ttpvhcc",
    "lao dong thuong binh va xa hoi": "ldtbxh",
    "nong nghiep va phat trien nong thon": "nnptnt",
    "van hoa the thao va du lich": "vhttdl",
    "kiem soat thu tuc hanh chinh": "ksthc",
    "thong tin va truyen thong": "tttt",
    "tai nguyen va moi truong": "tnmt",
    "nong nghiep va moi truong": "nnmt",
    "khoa hoc va cong nghe": "khcn",
    "ke hoach va dau tu": "khdt",
    "ban quan ly": "bql",
    "khu kinh te": "kkt",
    "khu cong nghiep": "kcn",
    "phat thanh va truyen hinh": "ptth",
    "phat thanh truyen hinh": "ptth",
    "lao dong tb xh": "ldtbxh",
    "nong nghiep va ptnt": "nnptnt",
    "tt phuc vu hanh chinh cong": "ttpvhcc",
    "tt hanh chinh cong": "ttpvhcc",
    "trung tam phuc vu hcc": "ttpvhcc",
    "giao duc va dao tao": "gddt",
    "dan toc va ton giao": "dttg",
    "giao thong van tai": "gtvt",
    "thu tuc hanh chinh": "tthc",
    "cai cach hanh chinh": "cchc",
    "hoi dong nhan dan": "hdnd",
    "uy ban nhan dan": "ubnd",
    "bao hiem xa hoi": "bhxh",
    "kiem soat tthc": "ksthc",
    "van phong": "vp",
}
# Other ways officers write the same abbreviations (after folding).
SYNONYMS: dict[str, str] = {
    "ubnd": "ubnd",
    "ub": "ubnd",
    "ubnnd": "ubnd",
    "uyban": "ubnd",
    "vanphong": "vp",
    "ttpvhc": "ttpvhcc",
    "ttphvcc": "ttpvhcc",
    "ttttt": "tttt",
    "ttt": "tttt",
    "ttvtt": "tttt",
    "kh cn": "khcn",
    "khvcn": "khcn",
    "ldtb": "ldtbxh",
    "ldtbvxh": "ldtbxh",
    "nnvptnt": "nnptnt",
    "tnvmt": "tnmt",
    "gdvdt": "gddt",
    "gd dt": "gddt",
    "vhtt dl": "vhttdl",
    "vhtt": "vhttdl",
    "bh xh": "bhxh",
    "hd nd": "hdnd",
    "tt hc": "tthc",
    "sxd": "so xay dung",
    "stp": "so tu phap",
    "stc": "so tai chinh",
    "snv": "so noi vu",
    "syt": "so y te",
    "sct": "so cong thuong",
    "skhcn": "so khcn",
    "sgddt": "so gddt",
    "snnmt": "so nnmt",
    "stttt": "so tttt",
    "skhdt": "so khdt",
    "sgtvt": "so gtvt",
    "stnmt": "so tnmt",
    "snnptnt": "so nnptnt",
    "sldtbxh": "so ldtbxh",
    "svhttdl": "so vhttdl",
    "sdttg": "so dttg",
    "vpubnd": "vp ubnd",
    "hcc": "hanh chinh cong",
    "p": "phuong",
    "x": "xa",
    "tx": "thi xa",
    "tp": "thanh pho",
    "dk": "dac khu",
    "ubndxa": "ubnd xa",
    "ubndtinh": "ubnd tinh",
    "ubndphuong": "ubnd phuong",
}


def _loose(phrase: str) -> str:
    """A phrase's pattern where "va" is optional ("khoa hoc cong nghe" = "khoa hoc va cong nghe")."""
    return re.escape(phrase).replace(r"\ va\ ", r"(?:\ va)?\ ")


_CONTRACT_LIST = sorted(CONTRACTIONS, key=len, reverse=True)
_CONTRACT_RE = re.compile(r"\b(?:" + "|".join(f"({_loose(p)})" for p in _CONTRACT_LIST) + r")\b")
_SYN_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b"
)

# Role and person words in front of a unit ("Cán bộ phụ trách", "Chủ tịch").
_PERSON_RE = re.compile(
    r"^(?:(?:can bo|cong chuc|vien chuc|lanh dao|chu tich|pho chu tich|giam doc|pho giam doc"
    r"|thu truong|nguoi dung dau|dau moi|chu tri|phoi hop|thuc hien)\s+)+"
    r"(?:(?:phu trach|tai|cua|cac|thuoc)\s+)*"
)
# Qualifiers after a unit or group that do not change who it is.
_QUALIFIER_RE = re.compile(
    r"\s+(?:(?:co\s+)?lien quan|duoc giao|theo ke hoach|theo chuc nang|theo tham quyen"
    r"|tren dia ban|dong tren dia ban|co tham quyen)\b.*$"
)
# "Bộ phận Tiếp nhận và Trả kết quả của UBND cấp xã" is owed by that committee.
_ONE_STOP_OF = re.compile(
    r"^bo phan (?:mot cua|tiep nhan va tra ket qua)(?: cua)? (?=(?:ubnd|cap) )"
)
_LEADING_FILLER = re.compile(r"^(?:cac|nhung|toan bo|tat ca|moi)\s+")


def _contract(text: str) -> str:
    text = _SYN_RE.sub(lambda m: SYNONYMS[m.group(1)], text)
    text = _CONTRACT_RE.sub(lambda m: CONTRACTIONS[_CONTRACT_LIST[m.lastindex - 1]], text)  # type: ignore[operator]
    # "Ủy ban tỉnh" is what officers call the provincial people's committee.
    return _UY_BAN.sub("ubnd", text)


_UY_BAN = re.compile(r"\buy ban\b(?! nhan dan)")


def contract(text: str) -> str:
    """Abbreviate long phrases of an already folded, punctuation-free text."""
    return " ".join(_contract(text).split())


def fold_text(text: str) -> str:
    """NFC, unified tone placement, lower case, no diacritics (đ → d)."""
    return fold(unify_spelling(text))


_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,9}(?:\s[^<>]{0,80})?/?>|&nbsp;")


def normalise(text: str, *, strip_qualifiers: bool = True, abbreviate: bool = True) -> str:
    """The compact search form of a mention or a unit name ('' when nothing is left)."""
    # Markup pasted from a web page or a document ("<li>Sở Nội vụ</li>", "<b>…</b>") is no word.
    text = _MARKUP.sub(" ", text).replace("&amp;", "&")
    # "Văn phòng UBND tỉnh (TTPVHCC)", "Sở Nội vụ (cũ là Sở LĐTBXH)": the words outside name it.
    outside = _PARENS.sub(" ", text)
    if outside.strip():
        text = outside
    text = fold_text(text)
    for pattern, repl in _PUNCT_ABBREV_RE:
        text = pattern.sub(repl, text)
    text = _NON_WORD.sub(" ", text).strip()
    if text.startswith("so "):
        # "sở tc", "so yt": a department by "sở" and the initials of the rest (at the start
        # only: "hồ sơ tc" names none)
        text = _SO_INITIALS.sub(lambda m: f"so {_SO_INITIALS_OF[m.group(1)]}", text)
    if abbreviate:
        text = _contract(text)
    text = _PERSON_RE.sub("", text)
    if strip_qualifiers:
        stripped = _QUALIFIER_RE.sub("", text)
        text = stripped or text
    if len(text.split()) > 2:
        # "các sở" stays whole: a lone "sở" names nothing.
        text = _LEADING_FILLER.sub("", text)
    text = _ONE_STOP_OF.sub("", text)
    return " ".join(text.split())
