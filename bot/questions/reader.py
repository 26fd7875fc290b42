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
from bot.questions.period_words import find_period
from bot.questions.periods import Period, remaining
from bot.questions.vocab import (
    COUNT,
    CUES,
    DETAIL_WORDS,
    FILLER,
    FINAL_DATE,
    GREETING,
    GREETING_CORE,
    HELP,
    ONGOING,
    OVERDUE,
    PAGE,
    REF,
    REPORT,
    SELF,
    SELF_WORDS,
    SENT_TO,
    TASK_NUMBER,
    TASK_WORDS,
    TOPIC,
    TOPIC_LEAD,
    TOPIC_TRAIL,
    TOPIC_VE_AFTER,
    UNIT_HEAD,
    UNIT_HEAD_MARKED,
    UNIT_STOP,
    UNIT_VERBS,
    UPCOMING,
    WHEN,
    has,
)
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


def _find_unit(rest: str, raw: str) -> str | None:
    m = next((h for h in UNIT_HEAD.finditer(rest) if not SENT_TO.search(rest[: h.start()])), None)
    if m is None:
        marked = UNIT_HEAD_MARKED.search(raw)
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
    for i, w in enumerate(words[head_len:], head_len):
        if w in UNIT_STOP or len(span) >= 9 or UNIT_VERBS.match(" ".join(words[i : i + 2])):
            break
        span.append(w)
    if span[-1] in ("va", "cac"):
        span.pop()
    if len(span) == 1 and span[0] in ("so", "xa", "phuong"):
        return None  # a bare "sở"/"xã" names no unit
    return " ".join(span)


def _unit_in_topic(rest: str, unit_text: str | None) -> bool:
    """The unit-like words stand inside the topic's words ("việc về mô hình trung tâm phục vụ
    hành chính công một cấp"), not after "của"/"tại" naming whose tasks."""
    if not unit_text:
        return False
    for m in TOPIC.finditer(rest):
        text = f" {m.group('t')} "
        at = text.find(f" {unit_text} ")
        if at < 0:
            continue
        before = text[:at].split()
        while before and before[0] in TOPIC_LEAD:
            before.pop(0)
        return bool(before) and before[-1] not in _OWNER_WORDS
    return False


_OWNER_WORDS = frozenset(["cua", "o", "tai", "thuoc", "voi", "cho", "va", "ben"])


_LATE_WORDS = (["tre", "han"], ["dung", "han"], ["gia", "han"], ["qua", "han"], ["tre", "hen"])


def _find_topic(rest: str, unit_text: str | None) -> str | None:
    for m in TOPIC.finditer(rest):
        before = rest[: m.start()].split()
        if m.group("k") == "ve" and before and before[-1] not in TOPIC_VE_AFTER:
            continue
        text = m.group("t").replace("cong viec", "viec")
        if unit_text:
            text = text.replace(unit_text, " ")
        words = text.split()
        while words and words[0] in TOPIC_LEAD:
            words.pop(0)
        while (
            words
            and (words[-1] in TOPIC_TRAIL or words[-2:] == ["nhiem", "vu"])
            and words[-2:] not in _LATE_WORDS  # "xin lỗi khi trễ hạn": the task's words
        ):
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


# A list asked first, then which of them the unit leads: the whole list (roles are shown).
_ALL_THEN_ROLE = re.compile(
    r"(?<!\w)gi(?!\w).*?(?<!\w)(?:va )?(?:viec nao|nhung viec nao|cai nao)(?: \S+){0,2} "
    r"(?:chu tri|phoi hop)(?!\w)"
)
_ENDS_WITH_DEADLINE = re.compile(
    r"(?<!\S)(?!(?:den|qua|sap|toi|het|co|con|dung|trong|nao|gi|tre|cham|kip|ngoai|dat) han$)\S+ han$"
)


def _is_next_due(n: str) -> bool:
    when = has(n, *WHEN)
    if has(n, *REPORT):
        deadline = re.search(r"(?<!den )(?<!toi )(?<!qua )(?<!\w)(?:han|thoi han)(?!\w)", n)
        return when or deadline is not None or has(n, "nop truoc", "truoc ngay")
    if has(n, *FINAL_DATE) or _ENDS_WITH_DEADLINE.search(n):
        return True  # "kế hoạch … trước khi nào", "qđ kiểm tra hạn chót" (folded "… han")
    return when and has(n, "nop", "han", "het han", "gui")


def _base_intent(
    n: str,
    rest: str,
    period: Period | None,
    unit_text: str | None,
    role: Role | None,
    topic: str | None,
) -> Intent | None:
    if has(n, *OVERDUE) and not is_topic_apology(n):
        return Intent.OVERDUE
    if has(n, *ONGOING):
        return Intent.ONGOING
    if topic:
        return Intent.TOPIC
    if has(rest, *UPCOMING) and period is None:
        return Intent.UPCOMING
    # A period or a unit alone is not a question about tasks ("giá vàng hôm nay").
    left = rest.replace(unit_text, " ") if unit_text else rest
    if not (has(n, *CUES) or set(left.split()) <= FILLER):
        return None
    if period is not None:
        return Intent.DUE
    if unit_text or role:
        return Intent.UNIT_TASKS
    return None


_FORMER_IN_BRACKETS = re.compile(r"\((?:[^()]{1,40}\s)?(?:cũ|cu|trước đây|truoc day)\)", re.I)


def read_question(text: str, today: date, unit_matcher: UnitMatcher | None = None) -> Query:
    """Read one question typed by an officer (any spelling) as of ``today``."""
    # "sở KH&CN (TT&TT cũ)": a former name in brackets only says who the unit was.
    text = _FORMER_IN_BRACKETS.sub(" ", text)
    raw = unify_spelling(text).lower()
    n = normalize(text)
    page = 0
    page_m = PAGE.search(n)
    if page_m:
        page = max(int(page_m.group(1)) - 1, 0)
        n = (n[: page_m.start()] + " " + n[page_m.end() :]).strip()
    if is_chat(n) or says_done(n):
        return Query(text, Intent.UNKNOWN)
    ref_m = REF.search(n)
    if ref_m and (re.search(r"[a-z]", ref_m.group(1)) or has(n, *DETAIL_WORDS)):
        return Query(text, Intent.DETAIL, ref=ref_m.group(1))
    number = TASK_NUMBER.search(n)
    if number is not None:  # "việc số 11 là gì", "mục 3"
        return Query(text, Intent.DETAIL, ref=number.group(1))
    period, rest = find_period(n, raw, today)
    self_named = has(rest, *SELF) or SELF_WORDS.search(rest) is not None
    rest = " ".join(SELF_WORDS.sub(" ", rest).split())
    unit_text = None if self_named and not UNIT_HEAD.search(rest) else _find_unit(rest, raw)
    if _unit_in_topic(rest, unit_text):
        unit_text = None
    unit = unit_matcher(unit_text) if unit_text and unit_matcher else None
    role = Role.LEAD if has(n, "chu tri") else Role.SUPPORT if has(n, "phoi hop") else None
    if role is not None and _ALL_THEN_ROLE.search(n):
        role = None  # "có những việc gì, việc nào mình chủ trì": all of them, each with its role
    topic = _find_topic(rest, unit_text)
    guess = None if topic or n.startswith("ai ") else guess_topic(rest, unit_text)
    slots = {"period": period, "unit_text": unit_text, "unit": unit, "role": role, "page": page}
    slots["guess"] = guess
    # "tháng 8 có những việc gì, hạn từng việc là ngày nào": a list (with its dates), not the
    # next date of one report.
    listing = period is not None and has(n, "nhung viec", "viec gi", "nhung gi", "cac viec")
    # "kiểm tra định kỳ lần tới khi nào": when, and what the task does.
    when_of_task = guess is not None and has(n, *WHEN)
    if (_is_next_due(n) or when_of_task) and not has(n, *COUNT) and not listing:
        # A task named loosely is found by all its content words, "về" or "liên quan" or not
        # ("rà soát tthc liên quan doanh nghiệp hạn ngày nào").
        slots["guess"] = guess or guess_topic(rest, unit_text)
        return Query(text, Intent.NEXT_DUE, report=_report_kind(n), **slots)  # type: ignore[arg-type]
    base = _base_intent(n, rest, period, unit_text, role, topic)
    if base is Intent.UNIT_TASKS and period is None and has(n, "co han", "co thoi han"):
        # "chủ trì những việc nào có hạn": the tasks with a date still to come this year.
        base, period = (
            Intent.DUE,
            remaining(Period(today - timedelta(days=1), date(today.year, 12, 31), ""), today),
        )
        slots["period"] = period
    elif base is Intent.DUE and period is not None and has(n, "con"):
        # "trong năm còn việc gì": what is left of the period, from today.
        period = slots["period"] = remaining(period, today)
    if has(n, *COUNT):
        counted = base or Intent.UNIT_TASKS
        return Query(text, Intent.COUNT, topic=topic, counted=counted, **slots)  # type: ignore[arg-type]
    if base is not None:
        return Query(text, base, topic=topic, **slots)  # type: ignore[arg-type]
    words = set(n.split())
    if words and words <= GREETING and has(n, *GREETING_CORE):
        return Query(text, Intent.GREETING)
    # "hướng dẫn" inside a task's words ("xem việc hồ sơ mẫu hướng dẫn kê khai") asks no help.
    named_task = has(n, *TASK_WORDS) and len((guess or "").split()) >= 3
    if not n or (has(n, *HELP) and not named_task):
        return Query(text, Intent.HELP)
    # "ai …" asks who, which the plans answer only through a task ("việc II.3 giao cho ai").
    if has(n, *TASK_WORDS) and not n.startswith("ai "):
        return Query(text, Intent.UNIT_TASKS, **slots)  # type: ignore[arg-type]
    if guess:  # only the words: a period or a unit alone is not a question about tasks
        return Query(text, Intent.UNKNOWN, guess=guess)
    return Query(text, Intent.UNKNOWN)
