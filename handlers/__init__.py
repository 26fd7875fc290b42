"""Telegram adapter: thin handlers, one module per feature, each ending with register(app)."""
