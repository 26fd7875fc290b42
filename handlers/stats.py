"""Coordinators: /thongke [tháng N | quý N | năm] — the on-time statistics per unit as a chart
(a photo), the figures in text and an Excel file. The chart and the workbook are built in a
worker thread: other chats keep answering meanwhile."""

from __future__ import annotations

import asyncio
from datetime import date

from telegram import Update
from telegram.ext import CommandHandler

from bot.phrases import (
    STATS_NOT_COORDINATOR,
    STATS_PRIVATE_ONLY,
    STATS_TITLE,
    stats_bad_period,
)
from bot.vndate import short_date
from handlers.context import App, BotContext, coordinator, reply
from handlers.formatting import e
from services.stats import StatsReport, statistics, stats_period
from services.status_words import BadPeriod


def _files(report: StatsReport) -> tuple[bytes, bytes]:
    from services.stats_chart import to_png
    from services.stats_export import to_xlsx

    return to_png(report), to_xlsx(report)


def file_name(report: StatsReport, ext: str) -> str:
    p = report.period
    return f"thong-ke-{p.start:%Y%m%d}-{p.end:%Y%m%d}.{ext}"


async def show(update: Update, context: BotContext) -> None:
    """/thongke [tháng N | quý N | năm] (default: this month)."""
    officer = await coordinator(update, context, STATS_NOT_COORDINATOR, STATS_PRIVATE_ONLY)
    if officer is None:
        return
    svc, chat = context.services, update.effective_chat
    assert chat is not None
    today: date = svc.today()
    typed = " ".join(context.args or [])[:100]
    try:
        period = stats_period(typed, today)
    except BadPeriod:
        await reply(update, e(stats_bad_period(typed)))
        return
    async with svc.uow(read_only=True) as uow:
        report = await statistics(uow, period, today, svc.settings.timezone)
    from services.stats_export import to_text

    if not report.stats.units:
        await reply(update, to_text(report, html=True))
        return
    png, xlsx = await asyncio.to_thread(_files, report)
    caption = f"{STATS_TITLE} — {period.label} (ngày {short_date(today)})"
    await chat.send_photo(png, caption=caption[:1000], filename=file_name(report, "png"))
    await reply(update, to_text(report, html=True))
    await chat.send_document(xlsx, filename=file_name(report, "xlsx"), caption=caption[:1000])


def register(app: App) -> None:
    app.add_handler(CommandHandler("thongke", show))
