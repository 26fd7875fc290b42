"""Reminder rules, pure: the planner (what to send when), the policy, the texts and the
gathering of claimed rows into messages. No delivery and no I/O: ``reminders/`` sends."""
