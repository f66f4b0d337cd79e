"""The one exception type for expected failures that end a command with a message."""

from __future__ import annotations


class UserError(Exception):
    """An expected failure: the CLI prints ``lesepult: <message>`` and exits with ``status``.

    Raise it for bad input, a missing model or dictionary, an existing output file: anything
    a user can fix. Tracebacks are for bugs only.
    """

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
