"""`units match` prints one JSON object per query line, with an empty list for no match."""

from __future__ import annotations

import argparse
import io
import json

import pytest

from bot.settings import Settings
from cli.units import run_match


def test_match_from_standard_input_prints_one_json_object_per_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("so tt&tt\nlich hop tuan sau\nubnd cap xa\n"))
    args = argparse.Namespace(text="-", province="Gia Lai", json=False, limit=5)
    assert run_match(args, Settings()) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["query"] for x in lines] == ["so tt&tt", "lich hop tuan sau", "ubnd cap xa"]
    first = lines[0]["matches"][0]
    assert first["name"] == "Sở Khoa học và Công nghệ" and first["group"] is False
    assert first["note"] == "Sở TT&TT nay là Sở KH&CN" and first["score"] == 100.0
    assert set(first) >= {"id", "name", "kind", "group", "score", "note"}
    assert lines[1]["matches"] == []
    assert lines[2]["matches"][0]["group"] is True


def test_an_unknown_province_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(text="so y te", province="Atlantis", json=True, limit=5)
    assert run_match(args, Settings()) == 2
    assert "Atlantis" in capsys.readouterr().err
