"""The exception types for expected failures that end a command with a message, and exit codes.

Core errors carry what went wrong, not how a front end words it: a :class:`FieldError` names
the field (``paragraphs``), an :class:`OutputExistsError` says no more than that the file
exists, and each front end phrases it for its user (the CLI as ``--paragraphs: …`` and "use
--force", the app as ``Paragraphs: …``).
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The ``lesepult`` exit statuses: the same code for the same kind of outcome everywhere."""

    OK = 0
    # The command ran, and the answer is no: no match, nothing found, problems reported,
    # nothing imported, no correction to revert.
    NOT_FOUND = 1
    # Bad input or a state the user can fix (missing file, existing output, broken store).
    USER_ERROR = 2
    # The command needs a German→English translation model and none is installed.
    NO_MODEL = 3
    # Ctrl-C, and stdout closed early (`| head`): the shell's 128 + signal number.
    INTERRUPTED = 130
    BROKEN_PIPE = 141


class UserError(Exception):
    """An expected failure: the CLI prints ``lesepult: <message>`` and exits with ``status``.

    Raise it for bad input, a missing model or dictionary, an existing output file: anything
    a user can fix. Tracebacks are for bugs only.
    """

    def __init__(self, message: str, status: ExitCode = ExitCode.USER_ERROR) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class NoModelError(UserError):
    """A command needs a translation model and none is installed (exit ``ExitCode.NO_MODEL``)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, status=ExitCode.NO_MODEL)


class FieldError(UserError):
    """Bad input in one named field (``field`` as the core calls it, e.g. ``paragraphs``).

    ``message`` is the plain explanation without the field; ``str(error)`` is the same, so a
    front end words the field itself: :func:`reader.cli.common.cli_wording` as
    ``--paragraphs: …``, the export dialog as ``Paragraphs: …``.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class OutputExistsError(UserError):
    """The output file exists and overwriting was not asked for; the front end says how to."""

    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: exists already")
        self.path = path
