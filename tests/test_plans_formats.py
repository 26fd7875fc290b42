"""Plans in every form an office sends (.docx, PDF, .doc, .xlsx) scored against a gold written first.

tests/data/plans/formats_2026.json is the gold of a small plan written for these tests; the
sample plan and the seeds' gold annotations are scored too. The .docx is built from the gold,
the PDF and the .doc are LibreOffice's exports of it (skipped, with the reason, where LibreOffice
is not installed: CI installs it), the .xlsx is built with openpyxl. Figures are printed:
    .venv/bin/python -m pytest tests/test_plans_formats.py -q
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.plans import read_plan
from tests.conftest import GOLD, ROOT
from tests.plan_forms import convert, plan_docx, plan_xlsx, soffice
from tests.test_plans_gold import Score, report, score

MIN = 0.98
OWN = ROOT / "tests" / "data" / "plans" / "formats_2026.json"
SAMPLE = ROOT / "samples" / "ke_hoach_mau_2026.json"


def _golds() -> list[tuple[str, dict[str, Any]]]:
    paths = [OWN, SAMPLE] + (sorted(GOLD.glob("*.json")) if GOLD.is_dir() else [])
    return [(p.stem[:12], json.loads(p.read_text(encoding="utf-8"))) for p in paths]


def _one_level(gold: dict[str, Any]) -> bool:
    """The .xlsx builder lays out plans numbered "I.1" (one table, sections, sub-rows)."""
    return all(t["ref"].count(".") == 1 for t in gold["tasks"])


def _check(capsys: pytest.CaptureFixture[str], title: str, scores: list[Score]) -> None:
    recall, precision, units, deadline, text = report(title, scores)
    with capsys.disabled():
        print(text)
    assert recall >= MIN and precision >= MIN
    assert units >= MIN and deadline >= MIN
    for s in scores:  # every file, not only the total
        assert s.recall >= MIN and s.precision >= MIN, s
        assert s.units_ok >= MIN * s.matched and s.deadline_ok >= MIN * s.matched, s


def _score(name: str, gold: dict[str, Any], ext: str, data: bytes) -> Score:
    plan = read_plan(Path(f"{name}.{ext}"), data)
    return score(f"{name}.{ext}", gold["tasks"], [t.to_json() for t in plan.tasks])


@pytest.fixture(scope="module")
def docx_files() -> list[tuple[str, dict[str, Any], bytes]]:
    return [(name, gold, plan_docx(gold, layout=k)) for k, (name, gold) in enumerate(_golds())]


@pytest.fixture(scope="module")
def libreoffice() -> str:
    program = soffice()
    if program is None:
        pytest.skip("LibreOffice (soffice) is not installed: PDF and .doc exports cannot be made")
    return program


def test_the_docx_forms_score_at_least_098(
    docx_files: list[tuple[str, dict[str, Any], bytes]], capsys: pytest.CaptureFixture[str]
) -> None:
    scores = [_score(name, gold, "docx", data) for name, gold, data in docx_files]
    _check(capsys, ".docx (landscape, widths, repeated header) vs gold", scores)


def test_pdf_exported_by_libreoffice_scores_at_least_098(
    libreoffice: str,
    docx_files: list[tuple[str, dict[str, Any], bytes]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    scores = []
    for name, gold, data in docx_files:
        scores.append(_score(name, gold, "pdf", convert(data, "docx", "pdf")))
    _check(capsys, "PDF (LibreOffice export) vs gold", scores)


def test_word97_doc_is_converted_and_scores_at_least_098(
    libreoffice: str,
    docx_files: list[tuple[str, dict[str, Any], bytes]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    scores = []
    for name, gold, data in docx_files[:3]:  # each conversion costs a LibreOffice start
        doc = convert(data, "docx", "doc:MS Word 97")
        assert doc.startswith(b"\xd0\xcf\x11\xe0")  # really a Word 97 (OLE) file
        scores.append(_score(name, gold, "doc", doc))
    _check(capsys, ".doc (Word 97, LibreOffice export) vs gold", scores)


def test_xlsx_with_merges_dates_and_a_cover_sheet_scores_at_least_098(
    capsys: pytest.CaptureFixture[str],
) -> None:
    scores = []
    for name, gold in _golds():
        if _one_level(gold):
            scores.append(_score(name, gold, "xlsx", plan_xlsx(gold)))
    # Our own plan always lays out in one level; the seeds' gold adds more when ../shared is there.
    assert len(scores) >= (2 if GOLD.is_dir() else 1)
    _check(capsys, ".xlsx (openpyxl) vs gold", scores)


def test_the_text_before_the_table_gives_the_metadata_in_every_form(libreoffice: str) -> None:
    gold = json.loads(OWN.read_text(encoding="utf-8"))
    docx = plan_docx(gold)
    forms = {"docx": docx, "pdf": convert(docx, "docx", "pdf"), "xlsx": plan_xlsx(gold)}
    for ext, data in forms.items():
        plan = read_plan(Path(f"plan.{ext}"), data)
        assert (plan.number, plan.year, plan.title) == (
            gold["number"],
            gold["year"],
            gold["title"],
        ), ext
