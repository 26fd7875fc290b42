"""Reminders: planning (pure), the outbox, the dispatcher and the paced sender."""
