"""Database URLs as the CLI reads them, and the error any store access may raise."""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError

from store.db import normalise_url

StoreError = SQLAlchemyError  # any failure reading or writing the store


def parse_url(url: str) -> URL:
    """The parts of a database URL (``get_backend_name()``, ``database``, ``host`` …), after
    the same normalisation as the engine's."""
    return make_url(normalise_url(url))
