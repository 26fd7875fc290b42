"""Persistence: SQLAlchemy 2 models, repositories, unit of work, Alembic migrations."""

# The tables shared by replicas live in their own module; importing it registers them on
# ``store.models.Base.metadata`` with the others.
from store import chat_state as _chat_state  # noqa: E402,F401
from store import replicas as _replicas  # noqa: E402,F401
