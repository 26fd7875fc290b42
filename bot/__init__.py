"""tthc-bot core: plans, deadlines, units, questions. Plain Python, no Telegram, no SQL."""
