"""Writes ../gold/<plan>.json from the typed task lists (p_docx.py, p_xlsx.py)."""
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import p_docx, p_xlsx  # noqa: E402  (corpus5)

ALL = p_docx.PLANS + p_xlsx.PLANS
FIELDS = ["ref", "section", "content", "result", "lead", "support", "deadline",
          "deadline_in_text", "notes", "inferred"]


def nfc_ok(obj):
    if isinstance(obj, str):
        return unicodedata.normalize("NFC", obj) == obj
    if isinstance(obj, list):
        return all(nfc_ok(x) for x in obj)
    if isinstance(obj, dict):
        return all(nfc_ok(v) for v in obj.values())
    return True


if __name__ == "__main__":
    out = os.path.join(HERE, "..", "gold")
    os.makedirs(out, exist_ok=True)
    total = 0
    for p in ALL:
        g = p.gold()
        assert nfc_ok(g), p.stem
        refs = [t["ref"] for t in g["tasks"]]
        assert len(refs) == len(set(refs)), p.stem
        assert 15 <= len(refs) <= 20, (p.stem, len(refs))
        for t in g["tasks"]:
            assert list(t) == FIELDS, t["ref"]
            assert t["lead"], (p.stem, t["ref"], "no lead")
            assert set(t["inferred"]) <= {"content", "result", "lead", "support", "deadline"}, t["ref"]
            for u in t["lead"] + t["support"]:
                assert u == u.strip(" ;.-"), (t["ref"], u)
            if t["deadline_in_text"]:
                for piece in t["deadline_in_text"].split("; "):
                    assert piece in (t["content"] or "") + " " + (t["notes"] or ""), (t["ref"], piece)
        with open(os.path.join(out, p.stem + ".json"), "w", encoding="utf-8") as fh:
            json.dump(g, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        total += len(refs)
        print(p.stem, len(refs))
    print("total", total)
