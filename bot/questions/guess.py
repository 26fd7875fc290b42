"""What a question is about when it names no topic with "về": the words left once the period,
the unit, the role and the words of asking are taken out ("nhung viec so hoa", "niem yet tthc",
"han xd quy trinh noi bo"). The service ranks the plan's tasks by these words; a guess that
matches no task is not a question about tasks."""

from __future__ import annotations

import re

# Words of asking, of tasks in general, of roles, deadlines and politeness: never a topic.
_ASKING = frozenset(
    [
        "viec",
        "nhung",
        "cac",
        "gi",
        "nao",
        "la",
        "lam",
        "phai",
        "can",
        "co",
        "khong",
        "nop",
        "cua",
        "toi",
        "minh",
        "em",
        "e",
        "anh",
        "a",
        "nhe",
        "nha",
        "vay",
        "the",
        "di",
        "roi",
        "chua",
        "do",
        "ay",
        "nay",
        "duoc",
        "giao",
        "den",
        "han",
        "khi",
        "ngay",
        "luc",
        "hom",
        "may",
        "xong",
        "ai",
        "voi",
        "cho",
        "hoi",
        "xem",
        "tim",
        "ben",
        "thi",
        "sao",
        "ha",
        "nhi",
        "oi",
        "bot",
        "ban",
        "hay",
        "giup",
        "nua",
        "con",
        "het",
        "gui",
        "o",
        "trong",
        "dang",
        "se",
        "sap",
        "ko",
        "k",
        "hem",
        "hok",
        "ah",
        "u",
        "uh",
        "da",
        "kia",
        "day",
        "cai",
        "chot",
        "truoc",
        "sau",
        "cuoi",
        "lan",
        "ky",
    ]
)
# Phrases of asking taken out before single words.
_ASKING_PHRASES = (
    "can xu ly",
    "phai xu ly",
    "can giai quyet",
    "phai giai quyet",
    "cong viec",
    "dau viec",
    "nhiem vu",
    "chu de",
    "linh vuc",
    "tu khoa",
    "noi dung",
    "thong tin",
    "chi tiet",
    "danh sach",
    "phan cong",
    "don vi",
    "lien quan",
    "chu tri",
    "phoi hop",
    "thoi han",
    "hoan thanh",
    "thuc hien",
    "tiep theo",
    "ke tiep",
    "gan nhat",
    "dau tien",
    "hien tai",
    "tat ca",
    "liet ke",
    "cho biet",
    "cu the",
    "anh chi",
    "mot so",
    "bao gio",
    "bao nhieu",
    "bao lau",
    "phu trach",
    "trong ke hoach nay",
    "trong ke hoach",
    "ke hoach nay",
)
# Words of plans made of syllables that alone are words of asking ("bản sao", "tiến độ").
_KEEP_PHRASES = (
    "dinh ky",
    "ban sao",
    "ban hanh",
    "tien do",
    "tra loi",
    "co quan",
    "co so",
    "co che",
    "thoi gian",
    "han che",
    "gia han",
    "tre han",
    "cai cach",
    "dung han",
    "tre hen",
    "sau khi",
    "truoc khi",
    "kip thoi",
    "hom thu",
    "dang ky",
    "thuc thi",
    "van ban",
    "trong tam",
    "phan anh",
    "hinh anh",
    "anh huong",
    "ban quan ly",
    "ban dan toc",
    "ban chi dao",
    "ban nganh",
    "xa hoi",
    "hoi nghi",
    "hoi thao",
    "hoi dong",
    "hoi dap",
    "giao duc",
    "giao dich",
    "ban giao",
    "dang ky",
    "co hoi",
)
_NUMBER = re.compile(r"^\d+$")
# Where a report goes ("bc quý gửi VPCP", "trình UBND tỉnh"): neither its topic nor its unit.
_RECIPIENT = re.compile(
    r" (?:(?:gui|trinh|nop)(?: len| ve| cho)?|len) (?=(?:vp|van phong|ubnd|uy ban|vpcp|bo|cuc|chinh phu|"
    r"thu tuong|so|tinh|ttpvhcc|trung tam)(?!\S))"
)


def _drop_recipient(text: str) -> str:
    """``text`` without a recipient's words (up to the next word of asking)."""
    m = _RECIPIENT.search(text)
    if m is None:
        return text
    rest = text[m.end() :].split()
    kept = next((k for k, w in enumerate(rest) if w in _ASKING), len(rest))
    return f"{text[: m.start()]} | {' '.join(rest[kept:])} "


_NOT_CONTENT = re.compile(
    r"(?<= )(?:truoc (?:khi nao|ngay nao|ngay may|bao gio|luc nao)"
    r"|(?:dot|(?<!dinh )ky|lan) (?:toi|sau|tiep theo|ke tiep|gan nhat|nay)(?= )|(?<= )dot(?= )(?! xuat)"
    r"|(?<=bao cao )dinh ky|(?<=bc )dinh ky)(?= )"
)
_NEGATION = ("khong", "ko", "k")
_DOCUMENT_KINDS = ("nq", "qd", "nd", "kh", "cv", "ct", "quyet", "dinh", "quyet", "an", "hoach")


def _cites(before: list[str]) -> bool:
    """The words before a number end with a document's kind ("nq", "nghị quyết", "đề án số")."""
    if before and before[-1] == "so":
        before = before[:-1]
    return bool(before) and before[-1] in _DOCUMENT_KINDS


def _own_department(m: re.Match[str], text: str) -> str:
    after = text[m.end() :].split()
    return " " if all(w in _ASKING for w in after) else m.group(0)


def _NAME_SYLLABLE(ws: list[str], k: int) -> bool:  # noqa: N802
    """ "hà" inside a place's name ("phường Đông Hà thì …"), not the particle "hả" at the end."""
    return ws[k] == "ha" and k + 1 < len(ws) and ws[k + 1] != "?" and k > 0


def guess_topic(rest: str, unit_text: str | None) -> str | None:
    """The content words of ``rest`` (a folded question without its period), in order."""
    text = f" {rest} "
    if unit_text:
        text = text.replace(f" {unit_text} ", " ")
    text = _drop_recipient(text)
    # Asking for a date or the next round, not content: "trước khi nào", "đợt tới"; "định kỳ"
    # only says which report ("báo cáo định kỳ"), elsewhere it tells a task ("kiểm tra định kỳ").
    text = _NOT_CONTENT.sub(" ", text)
    if text.startswith(" xin loi ") and text.strip() != "xin loi":  # politeness before a question
        text = text[len(" xin loi") :]
    for phrase in _KEEP_PHRASES:
        text = text.replace(f" {phrase} ", f" {phrase.replace(' ', '_')} ")
    for phrase in _ASKING_PHRASES:
        text = text.replace(f" {phrase} ", " ")
    # "của sở" at the end, or before words of asking, is the asker's own department.
    text = re.sub(r" cua so(?= (?:\S+ )*$)", lambda m: _own_department(m, text), text)
    ws = text.split()
    words = [
        "|" if w == "ve" else w
        for k, w in enumerate(ws)
        if (w not in _ASKING or w in _NEGATION or _NAME_SYLLABLE(ws, k))
        and w != "?"
        # a number names a document after its kind ("nq 131", "quyết định số 766"), else nothing
        and (not _NUMBER.match(w) or _cites(ws[:k]))
    ]
    # "không" is a topic's word ("thanh toán không dùng tiền mặt", "không phụ thuộc địa giới"),
    # but a question's tag at the end ("có việc nào … không").
    while words and words[0] == "|":
        words.pop(0)
    while words and words[-1] in ("|", *_NEGATION):
        words.pop()
    if not words:
        return None
    if len(words) == 1 and len(words[0]) < 3 and words[0] not in ("06",):
        return None
    # "|" stands where "về" was: a unit's name never runs across it (answer.py drops it).
    return " ".join(words).replace("_", " ")


# Addressing words after an apology ("xin lỗi anh"): the officer speaks to the bot, not of a task.
_ADDRESS = ("anh", "chi", "a", "ad", "admin", "bot", "em", "nhe", "nha", "ban")
_QUESTION = re.compile(
    r"(?<!\w)(?:gi|nao|bao nhieu|khi nao|bao gio|ngay may|may|khong|chua|co|\?)(?!\w)"
)


# A complaint about what the bot shows ("sao bc của em vẫn báo quá hạn", "nộp rồi mà vẫn nhắc"):
# the officer speaks of the bot, not asking for the list again.
_COMPLAINT = re.compile(
    r"(?<!\w)(?:(?:sao|tai sao|vi sao|sao ma)(?: \S+){0,5} (?:van|cu|lai|con)"
    r"|(?:roi|xong) ma(?: \S+){0,2} (?:van|cu|lai|con))"
    r" (?:bao|nhac|hien|ghi|de|bi|la)(?!\w)"
)


def is_chat(n: str) -> bool:
    """A message to the bot that asks about no task: an apology addressed to someone ("nộp muộn
    rồi, xin lỗi anh"), a complaint about the bot ("sao bot không nhắc"), wishes."""
    if re.search(r"(?<!\w)(?:chuc mung|chuc anh|chuc chi|chuc ban|chuc moi nguoi)(?!\w)", n):
        return True
    if re.search(r"(?:^|(?<= ))(?:sao|tai sao|sao ma) (?:bot|ban|em)(?!\w)", n):
        return True
    if _COMPLAINT.search(n):
        return True
    address = "|".join(_ADDRESS)
    apology = re.search(rf"(?<!\w)xin loi(?: (?:{address}))*(?: |$)", n)
    if apology is None:
        return False
    after = n[apology.end() :].split()
    # "xin lỗi" alone names the plans' tasks on apologising to citizens for late files; after
    # other words ("nộp muộn rồi, xin lỗi") it is said to the bot.
    addressed = apology.group(0).strip() != "xin loi" or (not after and n.strip() != "xin loi")
    return addressed and not _QUESTION.search(n)


def is_topic_apology(n: str) -> bool:
    """ "xin lỗi" as a task's words ("xin lỗi tổ chức, cá nhân khi trễ hẹn"), not said to the bot."""
    return re.search(r"(?<!\w)xin loi(?!\w)", n) is not None and not is_chat(n)


# Work reported as done ("đã nộp báo cáo rồi nhé", "em gửi bc rồi ạ", "xong rồi"): a statement to
# the bot, not a question; done marks are the ✅ Xong button's business.
_DONE = re.compile(
    r"(?<!\w)(?:(?:da|vua|moi) (?:\S+ ){0,2}(?:nop|gui|lam|xong|hoan thanh|bao cao|cap nhat|trinh)"
    r"|(?:nop|gui|lam|xong|hoan thanh|bao cao|cap nhat|trinh)(?: \S+){0,4} roi)(?!\w)"
)


def says_done(n: str) -> bool:
    """A folded message that reports work done and asks nothing."""
    return _DONE.search(n) is not None and not _QUESTION.search(n)
