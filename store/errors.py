"""What can go wrong in the store, in words a person can act on.

Every error the store raises derives from ``StoreError``; those for a value its rules refuse are ``ValueError`` s
too, each in the module that owns the rule. The ones here are the store on disk: SQLite and the file system report
them as codes (``SQLITE_FULL``, ``ENOSPC``...), and ``store.failures.as_store_error`` turns them into these. Their
``str()`` is one sentence saying what happened and what to do: the CLI prints it on one line, the window shows it.
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of the store's errors; ``str()`` is one sentence for the user."""


class DataDirUnusable(StoreError):
    """The data dir is a file, or cannot be created or written (read-only disk, no permission)."""


class StoreBusy(StoreError):
    """Another process holds the store's write lock, or another sync of the same mailbox runs."""


class SyncRunning(StoreBusy):
    """A sync of this mailbox into this store is already running in another process (or the window)."""


class DiskFull(StoreError):
    """The disk holding the store is full: what was committed is kept; the work resumes when there is room."""


class StoreDamaged(StoreError):
    """The store's file is not a database, or SQLite found it malformed: ``loket rebuild`` sets it aside."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"the store {path} is damaged ({reason}): run 'loket rebuild' to set it aside (it is kept) and rebuild "
            f"the store from the mailbox"
        )
        self.path = path
