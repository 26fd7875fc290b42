"""The question reader: an officer's words → a Query (what they want, and its slots)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from bot.model import Role
from bot.questions.guess import guess_topic, is_chat, is_topic_apology, says_done
from bot.questions.normalize import normalize
from bot.questions.periods import Period, find_period, remaining
from bot.text import unify_spelling


class Intent(StrEnum):
    """What the officer asks for."""

    DUE = "due"  # tasks due in a period
    OVERDUE = "overdue"
    UPCOMING = "upcoming"
    UNIT_TASKS = "unit_tasks"  # a unit's tasks (the asker's or a named one)
    TOPIC = "topic"
    DETAIL = "detail"  # one task by its ref
    NEXT_DUE = "next_due"  # the next due date of a named report
    ONGOING = "ongoing"
    COUNT = "count"
    HELP = "help"
    GREETING = "greeting"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class UnitHit:
    """A unit the matcher recognised in the question."""

    id: int
    name: str


UnitMatcher = Callable[[str], UnitHit | None]


@dataclass(frozen=True)
class Query:
    """A question as read: intent plus slots (all optional)."""

    text: str
    intent: Intent
    period: Period | None = None
    unit_text: str | None = None  # folded words naming a unit, as typed
    unit: UnitHit | None = None  # set when a matcher recognised unit_text
    role: Role | None = None
    topic: str | None = None  # folded search words
    ref: str | None = None  # task reference, folded ("ii.3")
    report: str | None = None  # next_due: month | quarter | half | year | any
    counted: Intent | None = None  # count: what is counted
    page: int = 0  # "… trang 2" asks for the second page of a long answer
    guess: str | None = None  # content words when no topic is named with "về" (guess.py)


_PAGE = re.compile(r"(?<!\w)(?:xem )?trang (\d{1,3})(?!\w)")


def _has(n: str, *phrases: str) -> bool:
    return any(re.search(rf"(?<!\w){p}(?!\w)", n) for p in phrases)


_REF = re.compile(
    r"(?<![\w/.])((?:[a-z]|[ivx]{1,4}|\d{1,2})(?:\.(?:[ivx]{1,4}|\d{1,3}[a-z]?|[a-z]))+)(?![\w/]|\.\w)"
)
_TASK_NUMBER = re.compile(
    r"(?<!\w)(?:(?:viec|nhiem vu|cong viec|dau viec) (?:so|stt|muc)|muc(?: so)?|stt) (\d{1,3})(?![\w/.])"
)
_DETAIL_WORDS = ("chi tiet", "noi dung", "xem", "viec", "nhiem vu", "muc", "cu the", "thong tin")
_GREETING = frozenset(
    [
        "chao",
        "xin",
        "hello",
        "hi",
        "alo",
        "bot",
        "ban",
        "em",
        "anh",
        "chi",
        "oi",
        "cam",
        "on",
        "ok",
        "nhe",
        "nha",
        "a",
        "buoi",
        "sang",
        "chieu",
        "toi",
        "nhieu",
        "tam",
        "biet",
        "bye",
        "hey",
        "ad",
        "admin",
        "ah",
        "ha",
    ]
)
_GREETING_CORE = ("chao", "hello", "hi", "alo", "cam on", "ok", "tam biet", "bye", "hey")
_HELP = (
    "huong dan",
    "giup",
    "help",
    "tro giup",
    "lam duoc gi",
    "lam duoc nhung gi",
    "hoi gi",
    "hoi duoc gi",
    "hoi duoc nhung gi",
    "hoi nhung gi",
    "hoi the nao",
    "hoi nhu the nao",
    "cach dung",
    "cach hoi",
    "su dung",
    "biet lam gi",
    "chuc nang",
    "start",
    "menu",
    "lenh",
)
_OVERDUE = (
    "qua han",
    "tre han",
    "tre hen",
    "bi tre",
    "cham tien do",
    "cham tre",
    "chua xong",
    "chua lam",
    "chua hoan thanh",
    "chua nop",
    "chua xu ly",
    "chua thuc hien",
    "het han roi",
    "ton dong",
    "no dong",
    "lo han",
    "bi tre han",
)
_UPCOMING = (
    "sap den han",
    "sap toi han",
    "sap het han",
    "sap han",
    "sap toi",
    "sap phai",
    "gan den han",
    "gan toi han",
    "gan het han",
    "sap",
    "den han",
    "toi han",
    "han gan nhat",
    "tiep theo",
    "ke tiep",
)
_ONGOING = ("thuong xuyen", "lien tuc", "hang ngay", "hang ngay", "khong co han", "khong thoi han")
_WHEN = (
    "khi nao",
    "bao gio",
    "ngay nao",
    "luc nao",
    "may ngay",
    "bao nhieu ngay",
    "bao lau",
    "hom nao",
    "thu may",
    "ngay may",
    "ngay bao nhieu",
    "con may",
)
_REPORT = ("bao cao",)
_COUNT = (
    r"(?:bao nhieu|may|tong so|so luong|dem)(?: cai)? (?:viec|nhiem vu|cong viec|dau viec|muc|"
    r"cai|han)",
    "so luong",
    "tong so",
    "dem so",
    "dem xem",
)
_TASK_WORDS = (
    "viec",
    "nhiem vu",
    "cong viec",
    "phai lam",
    "can lam",
    "lam gi",
    "nop gi",
    "co gi",
    "danh sach",
    "ke hoach",
    "phan cong",
    "giao",
    "phu trach",
)
_TOPIC = re.compile(
    r"(?:^|(?<= ))(?P<k>ve|lien quan(?: den| toi)?|chu de|linh vuc|tim kiem|tim|noi ve|"
    r"co chu|co tu khoa|tu khoa)\s+(?P<t>.+)$"
)
# "về" introduces a topic only after these words ("việc về số hóa"), not in "gửi về Văn phòng".
_TOPIC_VE_AFTER = frozenset(["viec", "vu", "gi", "nao", "cac", "nhung", "co", "tim", "xem", "hoi"])
_TOPIC_LEAD = frozenset(["viec", "nhung", "cac", "nhiem", "vu", "cua", "la", "gi", "nao"])
_TOPIC_TRAIL = frozenset(
    [
        "gi",
        "nao",
        "khong",
        "ko",
        "?",
        "a",
        "nhe",
        "vay",
        "the",
        "di",
        "roi",
        "chua",
        "do",
        "ay",
        "nay",
        "co",
        "viec",
        "lam",
        "phai",
        "can",
    ]
)
_SO_NAMES = (
    "tu phap",
    "tai chinh",
    "xay dung",
    "noi vu",
    "y te",
    "giao duc",
    "gd&dt",
    "gddt",
    "cong thuong",
    "khoa hoc",
    "khcn",
    "kh&cn",
    "tt&tt",
    "tttt",
    "thong tin",
    "van hoa",
    "vhttdl",
    "vh,tt&dl",
    "nong nghiep",
    "nn&ptnt",
    "nn&mt",
    "tai nguyen",
    "tn&mt",
    "tnmt",
    "ke hoach",
    "kh&dt",
    "lao dong",
    "ldtbxh",
    "giao thong",
    "gtvt",
    "ngoai vu",
    "dan toc",
    "du lich",
    "the thao",
    "ban nganh",
    "ban, nganh",
)
_UNIT_HEAD = re.compile(
    r"(?<!\w)(?:"
    r"(?:cac )?so (?:" + "|".join(re.escape(n) for n in _SO_NAMES) + r")"
    r"|(?:vp|van phong)(?: ubnd| uy ban(?: nhan dan)?)?"
    r"|(?:ubnd|uy ban nhan dan|uy ban)"
    r"|ttpvhcc|tt ?pvhcc|tt hcc|trung tam phuc vu hanh chinh cong|trung tam (?:hcc|phuc vu)"
    r"|bo phan mot cua|cong an(?: tinh)?|thue tinh|cuc thue|bhxh|bao hiem xa hoi|ban dan toc"
    r"|cac co quan trung uong|cac co quan chuyen mon|cac don vi"
    r")(?!\w)"
)
_UNIT_HEAD_MARKED = re.compile(r"(?<!\w)(sở|xã|phường|đặc khu|trung tâm|chi cục|ban quản lý)(?!\w)")
_UNIT_STOP = frozenset(
    [
        "phai",
        "co",
        "lam",
        "nhung",
        "viec",
        "cong",
        "nhiem",
        "can",
        "gi",
        "nao",
        "la",
        "duoc",
        "dang",
        "sap",
        "qua",
        "con",
        "ve",
        "lien",
        "chi",
        "bao",
        "hom",
        "ngay",
        "den",
        "han",
        "chu",
        "phoi",
        "thi",
        "khong",
        "?",
        "cua",
        "trong",
        "nop",
        "minh",
        "toi",
        "da",
        "chua",
        "xong",
        "hay",
        "voi",
        "de",
        "may",
        "bao",
        "nhieu",
        "thuong",
        "cho",
        "tim",
        "xem",
        "khi",
        "ra",
        "sao",
        "dau",
        "cuoi",
        "vao",
    ]
)
_CUES = (
    "viec",
    "nhiem vu",
    "lam",
    "nop",
    "can",
    "phai",
    "han",
    "bao cao",
    "co gi",
    "gui",
    "xong",
    "hoan thanh",
    "thuc hien",
    "chu tri",
    "phoi hop",
    "danh sach",
    "giao",
)
_FILLER = frozenset(
    [
        "co",
        "gi",
        "khong",
        "?",
        "a",
        "nhe",
        "nha",
        "vay",
        "the",
        "em",
        "oi",
        "ban",
        "bot",
        "cho",
        "hoi",
        "xem",
        "chao",
        # "tuần này thì sao", "tuần sau còn gì không", "tháng này thế nào": a period and these
        # words ask what falls due in it
        "thi",
        "sao",
        "ra",
        "the",
        "nao",
        "nhu",
        "con",
        "gi",
        "ko",
        "k",
        "hem",
        "hok",
        "ha",
        "nhi",
        "ah",
        "ne",
        "day",
        "nua",
    ]
)
# "gửi VP UBND tỉnh", "trình UBND tỉnh": where a report goes, not the unit asked about.
_SENT_TO = re.compile(r"(?<!\w)(?:gui|trinh|gui len|gui ve|nop ve|nop len)\s*$")
_SELF = ("cua toi", "cua minh", "don vi toi", "don vi minh", "cua em", "ben toi", "ben minh")


def _find_unit(rest: str, raw: str) -> str | None:
    m = next((h for h in _UNIT_HEAD.finditer(rest) if not _SENT_TO.search(rest[: h.start()])), None)
    if m is None:
        marked = _UNIT_HEAD_MARKED.search(raw)
        if marked is None:
            return None
        # The officer typed the diacritics ("sở …"): find that word's folded form in rest.
        head = {"sở": "so", "xã": "xa", "phường": "phuong", "đặc khu": "dac khu"}.get(
            marked.group(1), normalize(marked.group(1))
        )
        m = re.search(rf"(?<!\w)(?<!co ){head}(?!\w)", rest)
        if m is None:
            return None
    words = rest[m.start() :].split()
    head_len = len(m.group(0).split())
    span = words[:head_len]
    for w in words[head_len:]:
        if w in _UNIT_STOP or len(span) >= 9:
            break
        span.append(w)
    if span[-1] in ("va", "cac"):
        span.pop()
    if len(span) == 1 and span[0] in ("so", "xa", "phuong"):
        return None  # a bare "sở"/"xã" names no unit
    return " ".join(span)


def _find_topic(rest: str, unit_text: str | None) -> str | None:
    for m in _TOPIC.finditer(rest):
        before = rest[: m.start()].split()
        if m.group("k") == "ve" and before and before[-1] not in _TOPIC_VE_AFTER:
            continue
        text = m.group("t").replace("cong viec", "viec")
        if unit_text:
            text = text.replace(unit_text, " ")
        words = text.split()
        while words and words[0] in _TOPIC_LEAD:
            words.pop(0)
        while words and (words[-1] in _TOPIC_TRAIL or words[-2:] == ["nhiem", "vu"]):
            words = words[:-2] if words[-2:] == ["nhiem", "vu"] else words[:-1]
        if words:
            return " ".join(words)
    return None


def _report_kind(n: str) -> str:
    m = re.search(r"bao cao (?:dinh ky )?(?:hang |hang )?(\S+)(?: (\S+))?", n)
    if m is None:
        return "any"
    w, nxt = m.group(1), m.group(2) or ""
    if w in ("thang", "t") or re.fullmatch(r"t\d{1,2}", w):
        return "month"
    if w in ("6", "sau", "nua") and nxt in ("thang", "nam"):
        return "half"
    if w in ("quy", "q") or re.fullmatch(r"q[1-4]", w):
        return "quarter"
    if w in ("nam", "cuoi") and nxt != "thang":
        return "year"
    return "any"


def _is_next_due(n: str) -> bool:
    when = _has(n, *_WHEN)
    if _has(n, *_REPORT):
        deadline = re.search(r"(?<!den )(?<!toi )(?<!qua )(?<!\w)(?:han|thoi han)(?!\w)", n)
        return when or deadline is not None or _has(n, "nop truoc", "truoc ngay")
    return when and _has(n, "nop", "han", "het han", "gui")


def _base_intent(
    n: str,
    rest: str,
    period: Period | None,
    unit_text: str | None,
    role: Role | None,
    topic: str | None,
) -> Intent | None:
    if _has(n, *_OVERDUE) and not is_topic_apology(n):
        return Intent.OVERDUE
    if _has(n, *_ONGOING):
        return Intent.ONGOING
    if topic:
        return Intent.TOPIC
    if _has(rest, *_UPCOMING) and period is None:
        return Intent.UPCOMING
    # A period or a unit alone is not a question about tasks ("giá vàng hôm nay").
    left = rest.replace(unit_text, " ") if unit_text else rest
    if not (_has(n, *_CUES) or set(left.split()) <= _FILLER):
        return None
    if period is not None:
        return Intent.DUE
    if unit_text or role:
        return Intent.UNIT_TASKS
    return None


def read_question(text: str, today: date, unit_matcher: UnitMatcher | None = None) -> Query:
    """Read one question typed by an officer (any spelling) as of ``today``."""
    raw = unify_spelling(text).lower()
    n = normalize(text)
    page = 0
    page_m = _PAGE.search(n)
    if page_m:
        page = max(int(page_m.group(1)) - 1, 0)
        n = (n[: page_m.start()] + " " + n[page_m.end() :]).strip()
    if is_chat(n) or says_done(n):
        return Query(text, Intent.UNKNOWN)
    ref_m = _REF.search(n)
    if ref_m and (re.search(r"[a-z]", ref_m.group(1)) or _has(n, *_DETAIL_WORDS)):
        return Query(text, Intent.DETAIL, ref=ref_m.group(1))
    number = _TASK_NUMBER.search(n)
    if number is not None:  # "việc số 11 là gì", "mục 3"
        return Query(text, Intent.DETAIL, ref=number.group(1))
    period, rest = find_period(n, raw, today)
    unit_text = (
        None if _has(rest, *_SELF) and not _UNIT_HEAD.search(rest) else _find_unit(rest, raw)
    )
    unit = unit_matcher(unit_text) if unit_text and unit_matcher else None
    role = Role.LEAD if _has(n, "chu tri") else Role.SUPPORT if _has(n, "phoi hop") else None
    topic = _find_topic(rest, unit_text)
    guess = None if topic or n.startswith("ai ") else guess_topic(rest, unit_text)
    slots = {"period": period, "unit_text": unit_text, "unit": unit, "role": role, "page": page}
    slots["guess"] = guess
    if _is_next_due(n) and not _has(n, *_COUNT):
        return Query(text, Intent.NEXT_DUE, report=_report_kind(n), **slots)  # type: ignore[arg-type]
    base = _base_intent(n, rest, period, unit_text, role, topic)
    if base is Intent.UNIT_TASKS and period is None and _has(n, "co han", "co thoi han"):
        # "chủ trì những việc nào có hạn": the tasks with a date still to come this year.
        base, period = (
            Intent.DUE,
            remaining(Period(today - timedelta(days=1), date(today.year, 12, 31), ""), today),
        )
        slots["period"] = period
    elif base is Intent.DUE and period is not None and _has(n, "con"):
        # "trong năm còn việc gì": what is left of the period, from today.
        period = slots["period"] = remaining(period, today)
    if _has(n, *_COUNT):
        counted = base or Intent.UNIT_TASKS
        return Query(text, Intent.COUNT, topic=topic, counted=counted, **slots)  # type: ignore[arg-type]
    if base is not None:
        return Query(text, base, topic=topic, **slots)  # type: ignore[arg-type]
    words = set(n.split())
    if words and words <= _GREETING and _has(n, *_GREETING_CORE):
        return Query(text, Intent.GREETING)
    if not n or _has(n, *_HELP):
        return Query(text, Intent.HELP)
    # "ai …" asks who, which the plans answer only through a task ("việc II.3 giao cho ai").
    if _has(n, *_TASK_WORDS) and not n.startswith("ai "):
        return Query(text, Intent.UNIT_TASKS, **slots)  # type: ignore[arg-type]
    if guess:  # only the words: a period or a unit alone is not a question about tasks
        return Query(text, Intent.UNKNOWN, guess=guess)
    return Query(text, Intent.UNKNOWN)
