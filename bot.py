"""tthc-bot entry point: the Telegram bot, the console chat and the admin CLI.

Run, never imported: ``python bot.py`` (console chat without a token, the bot with one),
``python bot.py import PLAN.docx``, ``python bot.py --help``. Everything lives in ``cli.main``
(type-checked; this file shares its name with the package ``bot/``, so mypy skips it).
"""

import os
import sys

from cli.main import main

if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into `head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
