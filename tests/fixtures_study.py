"""Pytest fixtures for the study tests."""
