"""Fixtures for the desktop tests: a data dir with a seeded store, and a place to save screens to look at."""

from tests.desktop_fixtures import artifacts, in_language, open_window, owned, seeded_dir

__all__ = ["artifacts", "in_language", "open_window", "owned", "seeded_dir"]
