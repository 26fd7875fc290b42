"""Reminder delivery: the dispatcher over the outbox, the paced sender and its pacing, the
Telegram port and the scheduler. The rules (planner, policy, texts, gathering) are pure, in
``bot/reminders/``."""
