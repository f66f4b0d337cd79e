"""Offline machine translation: Argos packages, the CTranslate2 engine, the store, checks.

Importing this package is light: no ctranslate2, sentencepiece or argostranslate until a
model is listed, installed or loaded.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

# Submodules load on first use of a name (PEP 562), so that importing one light part (the
# store) does not load the model management code as well.
_HOMES = {
    "AvailableModel": "reader.translation.models",
    "EngineSettings": "reader.translation.engine",
    "InstalledModels": "reader.translation.models",
    "MISSING_MODEL_HELP": "reader.translation.models",
    "ModelError": "reader.translation.models",
    "ModelInfo": "reader.translation.models",
    "SentenceTranslation": "reader.translation.store",
    "TranslationEngine": "reader.translation.engine",
    "TranslationJob": "reader.translation.pipeline",
    "TranslationProgress": "reader.translation.pipeline",
    "TranslationStore": "reader.translation.store",
    "Translator": "reader.translation.engine",
    "document_sentences": "reader.translation.pipeline",
    "install_available": "reader.translation.models",
    "install_from_file": "reader.translation.models",
    "installed_model": "reader.translation.models",
    "installed_models": "reader.translation.models",
    "reference_translations": "reader.translation.pipeline",
    "translation_flags": "reader.translation.checks",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
