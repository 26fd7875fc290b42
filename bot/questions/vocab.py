"""The question reader's words: what asks for what (intents), names units, fills a question."""

from __future__ import annotations

import re

PAGE = re.compile(r"(?<!\w)(?:xem )?trang (\d{1,3})(?!\w)")


def has(n: str, *phrases: str) -> bool:
    """Whether the folded question ``n`` holds one of ``phrases`` as whole words."""
    return any(re.search(rf"(?<!\w){p}(?!\w)", n) for p in phrases)


REF = re.compile(
    r"(?<![\w/.])((?:[a-z]|[ivx]{1,4}|\d{1,2})(?:\.(?:[ivx]{1,4}|\d{1,3}[a-z]?|[a-z]))+)(?![\w/]|\.\w)"
)
TASK_NUMBER = re.compile(
    r"(?<!\w)(?:(?:viec|nhiem vu|cong viec|dau viec) (?:so|stt|muc)|muc(?: so)?|stt) (\d{1,3})(?![\w/.])"
)
DETAIL_WORDS = ("chi tiet", "noi dung", "xem", "viec", "nhiem vu", "muc", "cu the", "thong tin")
GREETING = frozenset(
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
GREETING_CORE = ("chao", "hello", "hi", "alo", "cam on", "ok", "tam biet", "bye", "hey")
HELP = (
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
OVERDUE = (
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
    "nao tre",  # "có việc nào trễ không"
    "viec tre",
)
UPCOMING = (
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
ONGOING = ("thuong xuyen", "lien tuc", "hang ngay", "hang ngay", "khong co han", "khong thoi han")
WHEN = (
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
# Words asking for a task's last date whatever it does ("hạn chót", "phải xong trước khi nào").
FINAL_DATE = (
    "han chot",
    "han cuoi",
    "han cuoi cung",
    "truoc khi nao",
    "truoc ngay nao",
    "truoc ngay may",
    "truoc bao gio",
    "truoc luc nao",
)
REPORT = ("bao cao",)
COUNT = (
    r"(?:bao nhieu|may|tong so|so luong|dem)(?: cai)? (?:viec|nhiem vu|cong viec|dau viec|muc|"
    r"cai|han)",
    "so luong",
    "tong so",
    "dem so",
    "dem xem",
)
TASK_WORDS = (
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
TOPIC = re.compile(
    r"(?:^|(?<= ))(?P<k>ve|lien quan(?: den| toi)?|chu de|linh vuc|tim kiem|tim|noi ve|"
    r"co chu|co tu khoa|tu khoa)\s+(?P<t>.+)$"
)
# "về" introduces a topic only after these words ("việc về số hóa"), not in "gửi về Văn phòng".
TOPIC_VE_AFTER = frozenset(["viec", "vu", "gi", "nao", "cac", "nhung", "co", "tim", "xem", "hoi"])
TOPIC_LEAD = frozenset(["viec", "nhung", "cac", "nhiem", "vu", "cua", "la", "gi", "nao"])
TOPIC_TRAIL = frozenset(
    [
        # "việc về số hóa của sở tư pháp": the owner's words go with the unit
        "cua",
        "tai",
        "thuoc",
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
        # "việc liên quan PAKN có những gì", "việc về tuyên truyền gồm những gì"
        "nhung",
        "gom",
        "bao",
        "la",
        "cac",
        "han",
        "ngay",
        "khi",
    ]
)
SO_NAMES = (
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
UNIT_HEAD = re.compile(
    r"(?<!\w)(?:"
    r"(?:cac )?so (?:" + "|".join(re.escape(n) for n in SO_NAMES) + r")"
    r"|(?:vp|van phong)(?: ubnd| uy ban(?: nhan dan)?)?"
    r"|(?:ubnd|uy ban nhan dan|uy ban)"
    r"|ttpvhcc|tt ?pvhcc|tt hcc|trung tam phuc vu hanh chinh cong|trung tam (?:hcc|phuc vu)"
    r"|bo phan mot cua|cong an(?: tinh)?|thue tinh|cuc thue|bhxh|bao hiem xa hoi|ban dan toc"
    r"|cac co quan trung uong|cac co quan chuyen mon|cac don vi"
    r")(?!\w)"
)
UNIT_HEAD_MARKED = re.compile(r"(?<!\w)(sở|xã|phường|đặc khu|trung tâm|chi cục|ban quản lý)(?!\w)")
UNIT_STOP = frozenset(
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
        "tre",
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
CUES = (
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
FILLER = frozenset(
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
SENT_TO = re.compile(r"(?<!\w)(?:(?:gui|trinh|nop)(?: len| ve| cho| toi| den)?|len)\s*$")
SELF = ("cua toi", "cua minh", "don vi toi", "don vi minh", "cua em", "ben toi", "ben minh")
# The asker's own unit named by its kind and a word of self ("xã mình", "phòng em", "bên em",
# "cơ quan mình"): the asker's unit, never a unit to look up, and no topic either.
SELF_WORDS = re.compile(
    r"(?<!\w)(?:(?:cua |o |tai )?(?:ben|xa|phuong|phong|so|don vi|co quan|ban|trung tam|"
    r"chi cuc|van phong|vp|cq|dv|dvi)|cho) (?:minh|em|toi|chung em|chung toi)(?!\w)"
)
# Words that start what a unit does ("vp tổng hợp báo cáo", "sở gửi …"): the unit's name ends.
UNIT_VERBS = re.compile(
    r"^(?:tong hop|xu ly|thuc hien|hoan thanh|gui|trinh|ra soat|cap nhat|ban hanh|kiem tra|"
    r"theo doi|to chuc|trien khai|cong bo|niem yet|tiep nhan|tham muu|bao cao|chuan bi)(?!\w)"
)
