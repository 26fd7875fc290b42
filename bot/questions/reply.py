"""Reply objects for answers: a title, items grouped by due date, a hint; rendered as text or HTML."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

ROLE_LABELS = {"lead": "chủ trì", "support": "phối hợp"}
CONTENT_CHARS = 160


def shorten(text: str, limit: int = CONTENT_CHARS) -> str:
    """Cut a long task text on a word boundary, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.-") + "…"


@dataclass(frozen=True)
class ReplyItem:
    """One task line: '[VI.1] Báo cáo … · Chủ trì: … · Vai trò: chủ trì · ✅ đã xong'."""

    ref: str
    content: str
    lead: str = ""
    role: str | None = None  # lead | support: the asker's part
    status: str = ""  # already worded: "✅ đã xong", "⚠️ quá hạn 3 ngày"
    note: str = ""  # e.g. "hạn ghi: trước 20/8" or the next due date

    def parts(self) -> list[str]:
        bits = []
        if self.lead:
            bits.append(f"Chủ trì: {self.lead}")
        if self.role:
            bits.append(f"Vai trò: {ROLE_LABELS.get(self.role, self.role)}")
        if self.note:
            bits.append(self.note)
        if self.status:
            bits.append(self.status)
        return bits


@dataclass(frozen=True)
class ReplyGroup:
    """Items under one heading (a due date, or 'Thường xuyên')."""

    heading: str
    items: tuple[ReplyItem, ...]


@dataclass(frozen=True)
class Reply:
    """What the officer reads: title, optional paragraphs, groups of items, then a hint."""

    title: str
    groups: tuple[ReplyGroup, ...] = ()
    lines: tuple[str, ...] = ()
    hint: str | None = None
    more: bool = False

    def to_text(self) -> str:
        """Plain text, as the console shows it."""
        out = [self.title]
        if self.lines:
            out.append("")
            out.extend(self.lines)
        for group in self.groups:
            out.append("")
            out.append(f"📅 {group.heading}")
            for item in group.items:
                out.append(f"• [{item.ref}] {shorten(item.content)}")
                parts = item.parts()
                if parts:
                    out.append("   " + " · ".join(parts))
        if self.hint:
            out.append("")
            out.append(f"👉 {self.hint}")
        return "\n".join(out)

    def to_html(self) -> str:
        """Telegram HTML: every text escaped, headings in bold."""
        out = [f"<b>{escape(self.title, quote=False)}</b>"]
        if self.lines:
            out.append("")
            out.extend(escape(line, quote=False) for line in self.lines)
        for group in self.groups:
            out.append("")
            out.append(f"📅 <b>{escape(group.heading, quote=False)}</b>")
            for item in group.items:
                out.append(
                    f"• <b>[{escape(item.ref, quote=False)}]</b> "
                    f"{escape(shorten(item.content), quote=False)}"
                )
                parts = item.parts()
                if parts:
                    out.append("   <i>" + escape(" · ".join(parts), quote=False) + "</i>")
        if self.hint:
            out.append("")
            out.append(f"👉 {escape(self.hint, quote=False)}")
        return "\n".join(out)
