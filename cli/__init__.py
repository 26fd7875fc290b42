"""Admin command line: one module per command group, each with ``register(subparsers)``.

``bot.py`` discovers the modules here; a module registers its sub-command(s) and sets
``func`` on its parser to a callable ``(args, settings) -> int`` (the process exit code).
"""
