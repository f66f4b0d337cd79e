"""Where Lesepult keeps its files: user data, cache, config and the bundled texts.

Every location can be moved with an environment variable, which is how the tests keep the
user's real data out of reach.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "lesepult"
PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
# `reader/bundled_texts` (beside this package) is a link to the top-level `texts/` in a
# checkout and a real folder in an installed wheel (setuptools copies the files it points to),
# so both find the texts.
BUNDLED_TEXTS_DIR = Path(__file__).parent.parent / "bundled_texts"
DEFAULT_TEXT = BUNDLED_TEXTS_DIR / "belarus-im-ukraine-krieg.md"


def _from_env_or(variable: str, default: str) -> Path:
    value = os.environ.get(variable)
    return Path(value).expanduser() if value else Path(default)


def data_dir() -> Path:
    """The user data directory (SQLite store); ``LESEPULT_DATA_DIR`` overrides it."""
    return _from_env_or("LESEPULT_DATA_DIR", platformdirs.user_data_dir(APP_NAME))


def cache_dir() -> Path:
    """The cache directory (dictionary index); ``LESEPULT_CACHE_DIR`` overrides it."""
    return _from_env_or("LESEPULT_CACHE_DIR", platformdirs.user_cache_dir(APP_NAME))


def config_dir() -> Path:
    """The config directory (the reader's own glossary); ``LESEPULT_CONFIG_DIR`` overrides it."""
    return _from_env_or("LESEPULT_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME))


def store_path() -> Path:
    """The SQLite file holding positions, translations, corrections and vocabulary."""
    return data_dir() / "lesepult.sqlite3"
