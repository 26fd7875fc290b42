"""Classes of misses found by blind batches (issue 13), checked in phrasings of our own."""

from __future__ import annotations

from datetime import date

from bot.questions import Intent, read_question
from bot.topics import topic_words, vague_topic
from bot.units import Directory, match
from bot.units.builtin import builtin_units

TODAY = date(2025, 8, 5)


def test_before_which_day_asks_for_a_deadline_not_the_previous_period() -> None:
    # "bc quý trước ngày nào": the quarterly report, before which day; not last quarter.
    for text in (
        "bc quý trước ngày nào",
        "bao cao thang truoc ngay may phai nop",
        "báo cáo 6 tháng trước khi nào",
        "bc nam truoc han nao",
    ):
        q = read_question(text, TODAY)
        assert q.intent is Intent.NEXT_DUE, text
        assert q.period is None, text
    # Without the question words, "quý trước" is still last quarter.
    q = read_question("quý trước có việc gì", TODAY)
    assert q.period is not None and q.period.start == date(2025, 4, 1)
    q = read_question("thang truoc co viec gi", TODAY)
    assert q.period is not None and q.period.start == date(2025, 7, 1)


def test_the_next_round_of_a_report_is_not_next_quarter() -> None:
    # "kỳ báo cáo quý tới": the next quarterly report, whatever quarter it falls in.
    for text in ("ky bao cao thang toi han ngay nao", "kỳ bc quý tới nộp khi nào"):
        q = read_question(text, TODAY)
        assert q.intent is Intent.NEXT_DUE and q.period is None, text
    q = read_question("quý tới có việc gì", TODAY)
    assert q.period is not None and q.period.start == date(2025, 10, 1)


def test_hn_after_overdue_words_is_han_elsewhere_today() -> None:
    assert read_question("viec nao tre hn roi", TODAY).intent is Intent.OVERDUE
    assert read_question("co gi qua hn chua", TODAY).intent is Intent.OVERDUE
    q = read_question("hn co viec gi", TODAY)
    assert q.period is not None and q.period.start == TODAY


def test_a_place_name_or_one_plain_syllable_is_no_topic() -> None:
    assert topic_words("lich nghi tet tinh gia lai") == ["lich", "nghi", "tet"]
    assert topic_words("du lich ba ria vung tau") == ["du", "lich"]
    assert topic_words("an giang") == ["an", "giang"]  # nothing else left: kept
    assert vague_topic("hop") and vague_topic("lương")
    assert not vague_topic("tthc") and not vague_topic("cds") and not vague_topic("so hoa")


def test_an_apology_alone_is_the_plans_topic_said_after_words_it_is_chat() -> None:
    assert read_question("Xin lỗi", TODAY).guess == "xin loi"
    assert read_question("em nop cham, xin loi", TODAY).guess is None


def _directory(province: str) -> Directory:
    return Directory(builtin_units(province), province=province)


def test_a_unit_by_the_initials_of_its_name_s_start() -> None:
    d = _directory("Gia Lai")
    assert match(d, "ttcb")[0].unit.name == "Trung tâm Công báo và Tin học"
    assert match(d, "TTPV")[0].unit.name.startswith("Trung tâm Phục vụ hành chính công")
    # "tt phục vụ": the provincial centre, not the group of the communes' centres.
    assert match(d, "tt phuc vu")[0].unit.name.startswith("Trung tâm Phục vụ hành chính công")
    for text in ("cchc", "csdl", "qppl", "cntt", "ktxh"):
        assert match(d, text) == [], text


def test_a_commune_followed_bare_by_its_former_district() -> None:
    d = _directory("Quảng Ngãi")
    assert match(d, "xã Tịnh Khê Sơn Tịnh")[0].unit.name == "Xã Tịnh Khê"
    d = _directory("An Giang")
    assert match(d, "ubnd xa vinh hanh chau thanh")[0].unit.name == "Xã Vĩnh Hanh"


def test_late_words_at_a_topic_s_end_are_its_words() -> None:
    # "trễ hạn", "đúng hạn" end a task's words; a trailing "hạn" alone asks for a date.
    q = read_question("nhung viec ve thong bao cho dan khi tre han", TODAY)
    assert q.topic is not None and q.topic.endswith("tre han")
    q = read_question("việc liên quan trả kết quả đúng hạn", TODAY)
    assert q.topic is not None and q.topic.endswith("dung han")


def test_a_former_name_in_brackets_only_says_who_the_unit_was() -> None:
    q = read_question("quy 3 so noi vu (so lđtbxh cũ) co viec gi", TODAY)
    assert q.unit_text is not None and "ld" not in q.unit_text and "cu" not in q.unit_text.split()
    # Other brackets stay: "(QĐ 766)" names a document of the topic.
    assert "766" in (read_question("bộ chỉ số (QĐ 766) có việc gì", TODAY).guess or "")


def test_cai_cach_is_one_word_of_a_topic() -> None:
    q = read_question("cai cach thu tuc co viec gi", TODAY)
    assert q.guess is not None and q.guess.startswith("cai cach")
