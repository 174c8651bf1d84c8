"""Failures of SQLite and the disk under a data dir, turned into the store's errors (``store.errors``).

The CLI, the sync and the window call ``as_store_error`` where an operation ends: a full disk, a damaged file or a
lock held elsewhere then reads as one sentence that says what to do, and anything else stays a bug with its
traceback in the log.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from store.db import BUSY_TIMEOUT_SECONDS, db_path
from store.errors import DataDirUnusable, DiskFull, StoreBusy, StoreDamaged, StoreError

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_CORRUPT = 5, 6, 8, 11
_SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 13, 14, 26
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NOT_WRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}


def check_data_dir(data_dir: Path) -> None:
    """Make sure the data dir exists and can be written, before anything (the log file first) is put there."""
    try:
        taken = data_dir.exists() and not data_dir.is_dir()
    except OSError as error:  # a name the file system refuses (too long, say)
        raise DataDirUnusable(
            f"the data folder {data_dir} cannot be used ({error.strerror}): name another with --data-dir"
        ) from error
    if taken:
        raise DataDirUnusable(
            f"{data_dir} is a file, not a folder: name a folder with --data-dir (it is created when missing)"
        )
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as error:
        raise DataDirUnusable(
            f"the data folder {data_dir} cannot be created: a folder above it is a file; name another with --data-dir"
        ) from error
    except OSError as error:
        if error.errno in _NOT_WRITABLE:
            raise unwritable(data_dir) from error
        raise DataDirUnusable(
            f"the data folder {data_dir} cannot be created ({error.strerror}): name another with --data-dir"
        ) from error
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise unwritable(data_dir)


def as_store_error(error: BaseException, data_dir: Path) -> StoreError | None:
    """The store's error for a failure of SQLite or the disk under ``data_dir``; None for anything else."""
    if isinstance(error, StoreError):
        return error
    if isinstance(error, sqlite3.Error):
        return _sqlite_error(error, Path(data_dir))
    if isinstance(error, OSError):
        if error.errno in _DISK_FULL:
            return disk_full(data_dir)
        if error.errno in _NOT_WRITABLE and _under(error.filename, Path(data_dir)):
            return unwritable(Path(data_dir))
    return None


def _sqlite_error(error: sqlite3.Error, data_dir: Path) -> StoreError | None:
    code = (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(error)
    path = db_path(data_dir)
    if code == _SQLITE_FULL or "disk is full" in text:
        return disk_full(data_dir)
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in text or "not a database" in text:
        return StoreDamaged(path, text)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in text:
        return StoreBusy(
            f"the store {path} stayed locked by another program for {BUSY_TIMEOUT_SECONDS:g} s (another Loket, or "
            f"a database tool that has it open): close that program and try again; nothing was lost"
        )
    if code in (_SQLITE_READONLY, _SQLITE_CANTOPEN):
        return unwritable(data_dir)
    return None


def disk_full(data_dir: Path) -> DiskFull:
    return DiskFull(
        f"the disk holding {data_dir} is full: free some space and run it again; everything stored so far is kept"
    )


def unwritable(data_dir: Path) -> DataDirUnusable:
    return DataDirUnusable(
        f"the data folder {data_dir} cannot be written (a read-only disk, or no permission): make it writable, or "
        f"choose another folder with --data-dir"
    )


def _under(filename: object, folder: Path) -> bool:
    if not isinstance(filename, str | bytes | Path) or not filename:
        return False
    try:
        return Path(os.fsdecode(filename)).resolve().is_relative_to(folder.resolve())
    except OSError:
        return False
