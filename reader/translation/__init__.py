"""Offline machine translation: Argos packages, the CTranslate2 engine, the store, checks.

Importing this package is light: no ctranslate2, sentencepiece or argostranslate until a
model is listed, installed or loaded.
"""

from reader.translation.checks import translation_flags
from reader.translation.engine import EngineSettings, TranslationEngine, Translator
from reader.translation.models import (
    MISSING_MODEL_HELP,
    AvailableModel,
    InstalledModels,
    ModelError,
    ModelInfo,
    install_available,
    install_from_file,
    installed_model,
    installed_models,
)
from reader.translation.pipeline import (
    TranslationJob,
    TranslationProgress,
    document_sentences,
    reference_translations,
)
from reader.translation.store import SentenceTranslation, TranslationStore

__all__ = [
    "MISSING_MODEL_HELP",
    "AvailableModel",
    "EngineSettings",
    "InstalledModels",
    "ModelError",
    "ModelInfo",
    "SentenceTranslation",
    "TranslationEngine",
    "TranslationJob",
    "TranslationProgress",
    "TranslationStore",
    "Translator",
    "document_sentences",
    "install_available",
    "install_from_file",
    "installed_model",
    "installed_models",
    "reference_translations",
    "translation_flags",
]
