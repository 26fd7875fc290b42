"""Application services: use cases that join the core (``bot/``) with the store.

Handlers, reminders and the CLI call these; they take a unit of work and plain values.
"""
