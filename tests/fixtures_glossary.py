"""Pytest fixtures for the glossary tests."""
