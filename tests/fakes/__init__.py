"""Fake platform servers for offline tests."""
