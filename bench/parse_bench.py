"""Benchmark: plan parsing time and peak memory per plan (target: under 50 ms per plan).

Run: .venv/bin/python bench/parse_bench.py [--repeat N] [--no-forms]

Then every form an office sends (see ``forms``): a 60-task .docx and .xlsx (target < 100 ms),
a 20-page PDF (< 3 s) and a Word 97 .doc converted by LibreOffice (< 10 s), median and p99 per
file and the peak memory (Python's, and LibreOffice's own for the conversion).

For each seed of ../shared/seeds (when present), the .docx built from its gold annotation, and
the project's sample plan (text and .docx): `read_plan` on bytes already in memory, N timed
runs after two warm-up runs, with the garbage collector collected before each run. Peak memory
is tracemalloc's peak over one extra run. The baseline beside it is the floor any parser pays:
splitting the text into tab-separated rows, or python-docx opening the document and walking
its table cells. Each run starts with the parser's cell memos emptied (a document never seen).
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import io
import json
import os
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from bot.plans import cells, read_plan  # noqa: E402

SHARED = Path(os.environ.get("TTHC_SHARED", ROOT.parent / "shared"))
TARGET_MS = 50.0


def _builder():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_docx", ROOT / "samples" / "build_docx.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def inputs() -> list[tuple[str, bytes]]:
    """(name, file bytes) of every plan to measure."""
    out: list[tuple[str, bytes]] = []
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    for path in seeds:
        out.append((path.name, path.read_bytes()))
    gold = sorted((SHARED / "gold").glob("*.json"))
    builder = _builder()
    for k, path in enumerate(gold):
        out.append(
            (
                path.stem + ".docx (from gold)",
                builder.plan_docx(json.loads(path.read_text()), layout=k),
            )
        )
    for name in ("ke_hoach_mau_2026.txt", "ke_hoach_mau_2026.docx"):
        out.append((name, (ROOT / "samples" / name).read_bytes()))
    return out


def cold_read(path: Path, data: bytes) -> object:
    """read_plan as on a document never seen: the cell memos emptied first."""
    cells.clean.cache_clear()
    cells.folded.cache_clear()
    return read_plan(path, data)


def baseline(name: str, data: bytes) -> int:
    """The floor: rows split out of the text, or python-docx walking every table cell."""
    if ".docx" in name:
        document = docx.Document(io.BytesIO(data))
        return sum(len(c.text) for t in document.tables for r in t.rows for c in r.cells)
    return sum(len(line.split("\t")) for line in data.decode("utf-8").splitlines())


def _p99(runs: list[float]) -> float:
    runs = sorted(runs)
    return runs[min(len(runs) - 1, int(round(0.99 * (len(runs) - 1))))]


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float, float, float]:
    """Wall-clock median and p99, then CPU-time median and p99, of ``repeat`` runs, in ms.

    CPU time leaves out the waits for a core on a shared machine (the wall clock does not).
    """
    fn()
    fn()
    wall, cpu = [], []
    for _ in range(repeat):
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), _p99(wall), statistics.median(cpu), _p99(cpu)


def peak_kib(fn: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--no-forms", action="store_true", help="skip the .xlsx/PDF/.doc part")
    args = parser.parse_args()
    plans = inputs()
    if not (SHARED / "seeds").is_dir():
        print(f"(seeds not found at {SHARED / 'seeds'}: measuring the sample only)")
    head = (
        f"{'plan':<40}{'tasks':>6}{'median ms':>10}{'p99 ms':>8}{'cpu med':>9}{'cpu p99':>9}"
        f"{'peak KiB':>10}{'baseline ms':>13}"
    )
    print(head)
    print("-" * len(head))
    worst = worst_cpu = 0.0
    for name, data in plans:
        path = Path(name.split(" ")[0])
        tasks = len(read_plan(path, data).tasks)
        median, p99, cpu_median, cpu_p99 = timed(lambda: cold_read(path, data), args.repeat)  # noqa: B023
        base = timed(lambda: baseline(name, data), args.repeat)[0]  # noqa: B023
        peak = peak_kib(lambda: cold_read(path, data))  # noqa: B023
        worst, worst_cpu = max(worst, p99), max(worst_cpu, cpu_p99)
        print(
            f"{name[:39]:<40}{tasks:>6}{median:>10.2f}{p99:>8.2f}{cpu_median:>9.2f}{cpu_p99:>9.2f}"
            f"{peak:>10.0f}{base:>13.2f}"
        )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    for label, value in (("wall-clock", worst), ("CPU-time", worst_cpu)):
        verdict = "met" if value < TARGET_MS else "NOT met"
        print(f"worst {label} p99 {value:.2f} ms per plan; target < {TARGET_MS:.0f} ms: {verdict}")
    print(f"(load average {load:.1f} on {os.cpu_count()} cores while measuring)")
    if not args.no_forms:
        forms(args.repeat)
    return 0


def forms(repeat: int) -> None:
    """Each form against its target: (label, file bytes, runs, target in ms)."""
    import resource

    from tests.plan_forms import convert, enlarged, plan_docx, plan_xlsx, soffice

    gold = json.loads((ROOT / "tests" / "data" / "plans" / "formats_2026.json").read_text())
    sixty, long_plan = enlarged(gold, 60), enlarged(gold, 160)
    cases: list[tuple[str, str, bytes, int, float]] = [
        ("60-task .docx", "docx", plan_docx(sixty), repeat, 100.0),
        ("60-task .xlsx", "xlsx", plan_xlsx(sixty), repeat, 100.0),
    ]
    if soffice() is None:
        print("(LibreOffice not installed: the PDF and .doc forms are not measured)")
    else:
        pdf = convert(plan_docx(long_plan), "docx", "pdf")
        import pdfplumber

        with pdfplumber.open(io.BytesIO(pdf)) as opened:
            pages = len(opened.pages)
        cases.append((f"{pages}-page PDF (160 tasks)", "pdf", pdf, 5, 3000.0))
        doc = convert(plan_docx(sixty), "docx", "doc:MS Word 97")
        cases.append(("60-task .doc (conversion+read)", "doc", doc, 3, 10000.0))
    head = (
        f"{'form':<32}{'tasks':>6}{'median ms':>10}{'p99 ms':>9}{'cpu med':>9}{'cpu p99':>9}"
        f"{'peak KiB':>10}{'target ms':>10}  verdict (wall p99 / cpu p99)"
    )
    print()
    print(head)
    print("-" * len(head))
    for label, ext, data, runs, target in cases:
        path = Path(f"plan.{ext}")
        tasks = len(read_plan(path, data).tasks)
        median, p99, cpu, cpu99 = timed(lambda: cold_read(path, data), runs)  # noqa: B023
        peak = peak_kib(lambda: cold_read(path, data))  # noqa: B023
        verdict = " / ".join("met" if v < target else "NOT met" for v in (p99, cpu99))
        print(
            f"{label:<32}{tasks:>6}{median:>10.1f}{p99:>9.1f}{cpu:>9.1f}{cpu99:>9.1f}"
            f"{peak:>10.0f}{target:>10.0f}  {verdict}"
        )
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"(LibreOffice's peak resident memory in a conversion: {child / 1024:.0f} MiB;")
    print(" the .doc row's CPU time is the bot's only: LibreOffice runs in its own process)")


if __name__ == "__main__":
    sys.exit(main())
