"""Lesepult: a terminal reading aid for learners of German.

The core (text model, translation, storage, export) lives in plain modules that never import
Textual; the user interface lives in :mod:`reader.ui`.
"""

__version__ = "0.1.0"
