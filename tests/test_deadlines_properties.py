"""Property tests: any text reads without raising; occurrences are sorted, unique, in range;
a cited document's date is never a due date."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.deadlines import KINDS, Schedule, parse_deadline
from bot.deadlines.parser import parse_strict

WORDS = [
    "Trước", "trước", "ngày", "Ngày", "20", "05", "19", "31", "hằng", "hàng", "hang", "tháng",
    "Tháng", "thg", "quý", "Quý", "I", "II", "III", "IV", "Q3", "3", "năm", "2025", "2023",
    "/", "-", ";", ",", ".", "(", ")", "và", "hoặc", "đột", "xuất", "Thường", "xuyên", "chậm",
    "nhất", "là", "của", "cuối", "đầu", "giữa", "6", "06", "tháng/lần", "Định", "kỳ", "theo",
    "Kế", "hoạch", "số", "712/KH-UBND", "18/11/2020", "31/8/2025", "15/02/2023", "kể", "từ",
    "sau", "khi", "Trong", "thời", "gian", "10", "lần", "<b>", "</b>", "**", "\n", "  ", "0",
    "99/99/9999", "29/2", "30/2/2025",
]  # fmt: skip
phrases = st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join)
years = st.one_of(st.none(), st.integers(min_value=1, max_value=9999))
any_text = st.one_of(st.text(max_size=80), phrases)


def _check_shape(s: Schedule) -> None:
    assert s.kind in KINDS
    assert s.unknown == (s.kind == "unknown")
    assert isinstance(s.explain, str) and s.explain


@settings(max_examples=300, deadline=None)
@given(text=any_text, year=years, context=st.one_of(st.none(), any_text))
def test_any_text_gives_a_schedule_without_raising(
    text: str, year: int | None, context: str | None
) -> None:
    s = parse_strict(text, year, context)  # no safety net: a bug would raise here
    _check_shape(s)
    assert Schedule.from_json(s.to_json()) == s


@settings(max_examples=300, deadline=None)
@given(
    text=phrases,
    year=st.integers(min_value=1990, max_value=2100),
    start=st.dates(min_value=date(1985, 1, 1), max_value=date(2105, 1, 1)),
    span=st.integers(min_value=0, max_value=3000),
)
def test_occurrences_are_sorted_unique_and_inside_the_range(
    text: str, year: int, start: date, span: int
) -> None:
    end = start + timedelta(days=span)
    occs = parse_deadline(text, year).occurrences(start, end)
    dues = [o.due for o in occs]
    assert dues == sorted(set(dues))
    assert all(start <= d <= end for d in dues)


DOC_TYPES = ["Kế hoạch", "Quyết định", "Công văn", "Văn bản", "Nghị định", "Thông tư", ""]
CODES = ["KH-UBND", "QĐ-UBND", "VP-NC", "UBND-TTHC", "QĐ-TTg", "NĐ-CP"]
PREFIXES = [
    "Hàng quý", "Thường xuyên", "Theo", "Trước 30/9/2025", "Quý IV", "Trong năm 2025", "",
    "Báo cáo kết quả theo", "Trước ngày 20 hằng tháng",
]  # fmt: skip


@st.composite
def citations(draw: st.DrawFn) -> tuple[str, date]:
    cited = draw(st.dates(min_value=date(1995, 1, 1), max_value=date(2030, 12, 31)))
    num = draw(st.integers(min_value=1, max_value=9999))
    code = draw(st.sampled_from(CODES))
    ref = draw(st.sampled_from([f"{num}/{code}", f"{num}/{cited.year}/{code}"]))
    doc = draw(st.sampled_from(DOC_TYPES))
    number = draw(st.sampled_from(["số ", "số: ", "Số ", ""])) if doc else "số "
    when = draw(
        st.sampled_from(
            [
                f"{cited.day}/{cited.month}/{cited.year}",
                f"{cited.day:02d}/{cited.month:02d}/{cited.year}",
                f"{cited.day} tháng {cited.month} năm {cited.year}",
            ]
        )
    )
    sep = draw(st.sampled_from([" ", ", "]))
    tail = draw(st.sampled_from(["", " của UBND tỉnh", " của Thủ tướng Chính phủ"]))
    prefix = draw(st.sampled_from(PREFIXES))
    wrap = draw(st.sampled_from(["({})", "{}", "- {}."]))
    cite = f"{doc} {number}{ref}{sep}ngày {when}{tail}".strip()
    return f"{prefix} " + wrap.format(cite), cited


@settings(max_examples=400, deadline=None)
@given(case=citations(), as_context=st.booleans())
def test_a_cited_documents_date_is_never_a_due_date(
    case: tuple[str, date], as_context: bool
) -> None:
    text, cited = case
    prefix = text.split("(")[0].split("- ")[0]
    window = (date(1990, 1, 1), date(2035, 12, 31))
    if as_context:
        lead = "Gửi báo cáo chậm nhất ngày 19 của tháng cuối quý theo "
        text = lead + text
        s = parse_deadline("Hàng quý", 2025, text)
        # The context's own limits ("… theo Trước ngày 20 hằng tháng") are due dates too: what
        # the same cell reads with the context cut before the citation.
        own_s = parse_deadline("Hàng quý", 2025, lead + prefix)
    else:
        s = parse_deadline(text, 2025)
        own_s = parse_deadline(prefix, 2025)
    dues = {o.due for o in s.occurrences(*window)}
    # The phrase's own dates may coincide with the cited one; nothing else may appear.
    own = {o.due for o in own_s.occurrences(*window)}
    assert cited not in dues - own, text
