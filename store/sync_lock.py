"""One sync per mailbox and store at a time, across processes: ``loket sync`` in a terminal and the window's own
sync would otherwise file the same new mail twice and one of them fail on the store's unique keys.

The lock is a file in the data dir held with the operating system's advisory lock (``fcntl.flock``, ``msvcrt``
on Windows): the system lets go of it when its process ends, however it ends, so a killed sync never leaves a
stale lock behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from store.errors import SyncRunning

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl


class SyncLock:
    """Held while a process syncs the account ``account_id`` into the store in ``data_dir``."""

    def __init__(self, data_dir: Path, account_id: int, account_name: str) -> None:
        self.path = Path(data_dir) / f"sync-{account_id}.lock"
        self._name = account_name
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock now, or raise ``SyncRunning`` naming the process that has it."""
        if self._fd is not None:
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            _lock(fd)
        except OSError as error:
            holder = _holder(self.path)
            os.close(fd)
            raise SyncRunning(
                f"a sync of {self._name} into this store is already running{holder}: let it finish, or stop it "
                f"and run this again"
            ) from error
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file lets go of the lock
            self._fd = None

    def __enter__(self) -> SyncLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


def _lock(fd: int) -> None:
    if sys.platform == "win32":
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _holder(path: Path) -> str:
    try:
        pid = path.read_text().strip()
    except OSError:  # Windows refuses to read a locked byte
        return ""
    return f" (process {pid})" if pid.isdigit() else ""
