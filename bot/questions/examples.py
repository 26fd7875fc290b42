"""What the bot answers to help, greetings and questions it cannot read: examples that work."""

from __future__ import annotations

from bot.questions.reply import Reply

EXAMPLES: tuple[str, ...] = (
    "việc gì đến hạn tháng 8 (hoặc: t8, tháng này, tuần sau, quý 3, cuối năm)",
    "hôm nay / ngày mai có việc gì · từ 1/8 đến 15/9",
    "việc nào quá hạn · việc sắp đến hạn · việc thường xuyên",
    "hạn báo cáo quý 2 là ngày nào · còn mấy ngày đến hạn báo cáo tháng",
    "sở xây dựng phải làm gì tháng 9 · đơn vị mình chủ trì những việc gì",
    "những việc về số hóa · chi tiết việc II.3 · có bao nhiêu việc quá hạn",
)
NEXT_HINT = 'Hỏi tiếp: "việc quá hạn", "tuần sau có gì" hoặc "chi tiết việc <số mục>".'


def help_reply() -> Reply:
    return Reply(
        title="Có thể hỏi bằng lời thường, có dấu hoặc không dấu, ví dụ:",
        lines=tuple(f"• {e}" for e in EXAMPLES),
        hint="Lệnh nhanh: /viec /sapden /quahan /tuan /thang",
    )


def greeting_reply() -> Reply:
    return Reply(
        title="Xin chào! Bot giúp anh/chị theo dõi các việc trong kế hoạch kiểm soát TTHC.",
        lines=tuple(f"• {e}" for e in EXAMPLES[:3]),
        hint='Gõ "hướng dẫn" để xem thêm cách hỏi.',
    )


def unknown_reply(question: str) -> Reply:
    return Reply(
        title=f"Chưa hiểu câu «{question.strip()[:80]}». Anh/chị thử hỏi như sau:",
        lines=tuple(f"• {e}" for e in EXAMPLES),
        hint='Gõ "hướng dẫn" để xem đầy đủ.',
    )


def done_reply() -> Reply:
    """To a message reporting work done: where the done mark is made (the bot records no chat)."""
    return Reply(
        title="Việc đã làm xong được ghi nhận bằng nút ✅ Xong, không qua tin nhắn.",
        lines=("• Mở danh sách (/viec, /sapden hoặc /quahan) và bấm ✅ Xong ở việc đã làm.",),
        hint='Hỏi tiếp: "việc quá hạn" để xem việc nào còn chưa xong.',
    )
