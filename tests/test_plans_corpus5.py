"""The fifth blind corpus (tests/data/plans/corpus5), every form scored.

Written, gold first, by someone who never read the importer (see its README): 4 plans, 65
tasks. Figures of `bench/corpus_score.py tests/data/plans/corpus5 --form F` (recall /
precision / lead+support exact / deadline exact / deadline_in_text exact):

    form   first scored (93fbc27)                now
    docx   1.000 1.000 0.796 1.000 0.980        1.000 1.000 0.980 1.000 1.000
    pdf    1.000 1.000 0.776 1.000 0.980        1.000 1.000 0.776 1.000 1.000
    doc    1.000 1.000 0.796 1.000 0.980        1.000 1.000 0.980 1.000 1.000
    xlsx   1.000 1.000 1.000 1.000 0.938        1.000 1.000 1.000 1.000 1.000

Fixed by class: a line break inside a .docx cell (Shift+Enter) parts lines as Enter does, so
units listed one per line stay apart; "trong N ngày làm việc" and "không quá N ngày … kể từ …"
are limits in a task's text. Left: the PDF keeps units listed one per line by line breaks
joined (nothing in the PDF tells such a break from a wrapped line), and "các cơ quan chủ trì
soạn thảo" after other units loses its last words. The floors are the figures measured.
"""

from __future__ import annotations

import pytest

from tests.plan_corpora import check_form, plans_and_tasks

# form -> floors of recall, precision, lead+support, deadline, deadline_in_text (totals; a
# file's own figures may be lower: ls's units in the PDF)
FLOORS = {
    "docx": (1.0, 1.0, 0.979, 1.0, 1.0),
    "doc": (1.0, 1.0, 0.979, 1.0, 1.0),
    "pdf": (1.0, 1.0, 0.77, 1.0, 1.0),
    "xlsx": (1.0, 1.0, 1.0, 1.0, 1.0),
}


def test_the_corpus_holds_4_plans_and_65_tasks() -> None:
    assert plans_and_tasks("corpus5") == (4, 65)


@pytest.mark.parametrize("form", sorted(FLOORS))
def test_each_form_of_the_fifth_corpus_reads_at_its_measured_figures(form: str) -> None:
    check_form("corpus5", form, FLOORS[form], per_file=False)
