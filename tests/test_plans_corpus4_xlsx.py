"""The fourth blind corpus's workbooks (tests/data/plans/corpus4, form xlsx) scored against gold.

Written, gold first, by someone who never read the importer (see its README). Figures of
`bench/corpus_score.py tests/data/plans/corpus4 --form xlsx` (recall / precision /
lead+support exact / deadline exact / deadline_in_text exact):

    before the c4x fixes   0.694 1.000 1.000 1.000 1.000
    after                  1.000 1.000 1.000 1.000 1.000

The misses were classes, fixed as classes: of a workbook with one sheet per part of the plan
(each with its own title block "Phần II. <title>", header and a formula row counting its
tasks), only the sheet with the most tasks was read; now every visible sheet holding a task
table is, in order, its part heading the section. A lead time in the notes counted to an event
("trước ít nhất 10 ngày làm việc tính đến ngày văn bản có hiệu lực") lost its event. The
floors are the figures measured.
"""

from __future__ import annotations

from tests.plan_corpora import check_form


def test_the_corpus4_workbooks_read_at_their_measured_figures() -> None:
    check_form("corpus4", "xlsx")
