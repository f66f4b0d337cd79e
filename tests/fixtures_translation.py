"""Pytest fixtures for the translation tests."""
