"""The statistics as a picture for a phone: one horizontal bar per unit, worst first, stacked by
outcome, Vietnamese labels.

matplotlib's Agg backend and its object-oriented ``Figure`` (no pyplot: no global state, safe in
a worker thread — callers run ``to_png`` with ``asyncio.to_thread``). The font is DejaVu Sans,
which matplotlib ships and which carries Vietnamese letters with two marks (ờ, ự, ễ); it is
named by file so that no system font lacking them is picked.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.collections import PolyCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from bot.phrases import STATS_TITLE  # noqa: E402
from bot.stats import CATEGORIES, LABELS, UnitStats  # noqa: E402
from bot.vndate import short_date  # noqa: E402
from services.stats import StatsReport  # noqa: E402

FONT_FILE = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
BOLD_FILE = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans-Bold.ttf"
MAX_BARS = 30  # the worst units shown; the text and the Excel file have every unit
WIDTH_IN, DPI = 12.0, 100  # 1200 px: wider than a phone's 1080 px screen, read zoomed
COLOURS = {
    "on_time": "#2e7d32",
    "done_late": "#f9a825",
    "late_open": "#c62828",
    "not_due": "#90a4ae",
}
NAME_CHARS = 38


def _font(size: float, bold: bool = False) -> FontProperties:
    return FontProperties(fname=str(BOLD_FILE if bold else FONT_FILE), size=size)


def _name(u: UnitStats) -> str:
    name = " ".join(u.name.split())
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1].rstrip() + "…"


def to_png(report: StatsReport, max_bars: int = MAX_BARS) -> bytes:
    """The chart as PNG bytes (at least 1080 px wide)."""
    units = report.stats.units[:max_bars]
    n = max(1, len(units))
    height = 2.7 + 0.42 * n
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.33, 1.3 / height, 0.62, 1 - 2.4 / height))
    title = f"{STATS_TITLE} — {report.period.label}"
    fig.text(0.02, 1 - 0.35 / height, title, fontproperties=_font(17, bold=True), va="top")
    total = len(report.stats.units)
    sub = f"Ngày {short_date(report.today)} · {total:,} đơn vị chủ trì".replace(",", ".")
    if total > len(units):
        sub += f" · hiển thị {len(units)} đơn vị có nhiều việc quá hạn nhất"
    fig.text(0.02, 1 - 0.72 / height, sub, fontproperties=_font(12), va="top", color="#444444")
    ys = list(range(len(units)))
    left = [0] * len(units)
    # One collection of rectangles per outcome: ``barh`` makes a patch per bar and updates the
    # limits for each (most of a chart's time); the limits are set once below.
    for cat in CATEGORIES:
        values = [u.get(cat) for u in units]
        boxes = [
            ((x, y - 0.35), (x + w, y - 0.35), (x + w, y + 0.35), (x, y + 0.35))
            for x, w, y in zip(left, values, ys, strict=True)
            if w
        ]
        ax.add_collection(PolyCollection(boxes, facecolors=COLOURS[cat], linewidths=0))
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_ylim(len(units) - 0.5, -0.5)  # the worst on top
    for y, u, end in zip(ys, units, left, strict=True):
        ax.text(end, y, f"  {u.late}/{u.total}", va="center", fontproperties=_font(10.5),
                color="#c62828" if u.late else "#444444")  # fmt: skip
    ax.set_yticks(ys)
    ax.set_yticklabels([_name(u) for u in units], fontproperties=_font(11.5))
    ax.set_xlim(0, max(left, default=1) * 1.12 or 1)
    for label in ax.get_xticklabels():
        label.set_fontproperties(_font(10))
    ax.set_xlabel("Số việc (quá hạn/tổng số ở cuối mỗi thanh)", fontproperties=_font(11))
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    if not units:
        ax.text(0.5, 0.5, "Không có việc nào đến hạn trong kỳ này.", transform=ax.transAxes,
                ha="center", va="center", fontproperties=_font(13))  # fmt: skip
        ax.set_yticks([])
    handles = [Patch(facecolor=COLOURS[c], label=LABELS[c]) for c in CATEGORIES]
    fig.legend(handles=handles, loc="lower center", ncol=2, prop=_font(11), frameon=False,
               bbox_to_anchor=(0.5, 0.05 / height))  # fmt: skip
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    fig.clear()
    return buffer.getvalue()
