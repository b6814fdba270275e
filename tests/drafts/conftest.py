"""Fixtures for the drafting tests (the harness lives in drafts_harness.py so tests can import its types)."""

from drafts_harness import drafting

__all__ = ["drafting"]
