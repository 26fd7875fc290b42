"""One error base for the core; adapters turn these into officer-facing text."""


class TthcError(Exception):
    """Base of every error the core raises on purpose.

    ``message`` is Vietnamese and safe to show to a user as it is.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadDocument(TthcError):
    """A plan file that cannot be read: empty, binary, too large, no task table."""


class NotAllowed(TthcError):
    """The asker may not do this."""


class NotFound(TthcError):
    """A unit, task or officer that does not exist."""
