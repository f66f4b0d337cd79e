"""The foundation of Lesepult: the text model, paths, atomic writes, errors and safe YAML.

This package imports neither `glossary` nor the rest of `reader`; it is the only part of
`reader` that `glossary` imports (an import-linter contract in `pyproject.toml` keeps it so).
"""
