"""What a question is about when it names no topic with "về": the words left once the period,
the unit, the role and the words of asking are taken out ("nhung viec so hoa", "niem yet tthc",
"han xd quy trinh noi bo"). The service ranks the plan's tasks by these words; a guess that
matches no task is not a question about tasks."""

from __future__ import annotations

import re

# Words of asking, of tasks in general, of roles, deadlines and politeness: never a topic.
_ASKING = frozenset(
    """
    viec nhung cac gi nao la lam phai can co khong nop cua toi minh em e anh a nhe nha vay the
    di roi chua do ay nay duoc giao phu trach ve den han khi ngay luc hom may xong
    ai voi cho hoi xem tim ben thi sao ha nhi oi bot ban hay giup nua con het gui o trong
    dang se sap ko k hem hok ah u uh da kia day cai chot truoc sau cuoi lan
    """.split()
)
# Phrases of asking taken out before single words.
_ASKING_PHRASES = (
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
    "dinh ky",
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
)
_NUMBER = re.compile(r"^\d+$")


def guess_topic(rest: str, unit_text: str | None) -> str | None:
    """The content words of ``rest`` (a folded question without its period), in order."""
    text = f" {rest} "
    if unit_text:
        text = text.replace(f" {unit_text} ", " ")
    for phrase in _ASKING_PHRASES:
        text = text.replace(f" {phrase} ", " ")
    words = [w for w in text.split() if w not in _ASKING and w != "?" and not _NUMBER.match(w)]
    if not words:
        return None
    if len(words) == 1 and len(words[0]) < 3 and words[0] not in ("06",):
        return None
    return " ".join(words)
