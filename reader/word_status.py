"""Vocabulary statuses: the levels, the spellings other tools use for them, and status filters.

Statuses are the levels Lute and LWT users know: ``new``, learning ``1`` to ``4``, ``known``
and ``ignored``. A filter may also name ``learning``: every learning level at once.
"""

from __future__ import annotations

STATUSES: tuple[str, ...] = ("new", "1", "2", "3", "4", "known", "ignored")
LEARNING_STATUSES: frozenset[str] = frozenset({"1", "2", "3", "4"})

LEARNING_FILTER = "learning"
"""The filter name for every learning level (1 to 4) at once."""

# Spellings other tools use for the same levels: Lute (1-5, W, I), LWT (1-5, 98, 99),
# LingQ (0-4 where 4 is "known"), and our own long forms. 5 is LWT's "learned", our known.
STATUS_ALIASES: dict[str, str] = {
    "0": "new",
    "new": "new",
    "unknown": "new",
    "learning-1": "1",
    "learning-2": "2",
    "learning-3": "3",
    "learning-4": "4",
    "l1": "1",
    "l2": "2",
    "l3": "3",
    "l4": "4",
    "5": "known",
    "99": "known",
    "w": "known",
    "well-known": "known",
    "wellknown": "known",
    "learned": "known",
    "98": "ignored",
    "i": "ignored",
    "ignore": "ignored",
}


def parse_status(value: str) -> str:
    """The canonical status for ``value`` (``learning-2``, ``W``, ``99``...); else ValueError."""
    cleaned = value.strip().lower()
    if cleaned in STATUSES:
        return cleaned
    if cleaned in STATUS_ALIASES:
        return STATUS_ALIASES[cleaned]
    raise ValueError(
        f"unknown status {value!r}; use one of new, 1, 2, 3, 4 (or learning-1..4), known, ignored"
    )


def parse_status_filter(value: str) -> frozenset[str]:
    """The statuses a filter names: ``learning`` is every learning level, else one status."""
    cleaned = value.strip().lower()
    if cleaned in {LEARNING_FILTER, "learning-all", "learning-1..4", "1-4"}:
        return LEARNING_STATUSES
    try:
        return frozenset({parse_status(cleaned)})
    except ValueError:
        raise ValueError(
            f"unknown status {value!r}; use one of new, 1, 2, 3, 4 (or learning-1..4),"
            " learning (all learning levels), known, ignored"
        ) from None


def status_label(status: str) -> str:
    """How a status is shown to people: ``learning-2`` for ``2``, the name otherwise."""
    return f"learning-{status}" if status in LEARNING_STATUSES else status


def filter_label(value: str | None) -> str:
    """How a status filter is shown: ``all statuses``, ``all learning levels``, a status."""
    if value is None:
        return "all statuses"
    if value == LEARNING_FILTER:
        return "all learning levels"
    return status_label(value)
