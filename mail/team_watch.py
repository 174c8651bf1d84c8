"""A second IMAP connection that IDLEs on the Loket folder while the sync IDLEs on INBOX.

IMAP IDLE watches one selected folder per connection: without this one a colleague's change would wait for the
next mail or the poll interval. It only wakes the sync, which then reads the folder in its own pass.
"""

from __future__ import annotations

import logging
import threading
import time

from mail.errors import MailError
from mail.imap import IDLE_RENEW_SECONDS, ImapAccount, connect, imap_call, logout
from mail.sasl import Secret

log = logging.getLogger(__name__)

IDLE_SLICE_SECONDS = 1.0
RETRY_SECONDS = 5.0


class TeamFolderWatch:
    """Sets ``news`` whenever the folder gains a message, until ``stop`` is set (or ``close`` is called)."""

    def __init__(self, account: ImapAccount, password: Secret, folder: str, stop: threading.Event) -> None:
        self.news = threading.Event()
        self._account, self._password, self._folder = account, password, folder
        self._stop = stop
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"watch-{folder}", daemon=True)

    def start(self) -> TeamFolderWatch:
        self._thread.start()
        return self

    def close(self) -> None:
        """Ends the watch without waiting for it: on a connection that died, its goodbye waits out the session
        timeout, and the sync must not wait with it before it reconnects."""
        self._closed.set()

    def _done(self) -> bool:
        return self._stop.is_set() or self._closed.is_set()

    def _run(self) -> None:
        while not self._done():
            try:
                self._watch()
            except MailError as error:
                log.info("watching %s paused: %s", self._folder, error)
                self._closed.wait(RETRY_SECONDS)

    def _watch(self) -> None:
        client = connect(self._account, self._password)
        try:
            if not client.has_capability("IDLE"):
                log.info("the server has no IDLE: changes in %s are seen with the next pass", self._folder)
                self._closed.wait()
                return
            imap_call(client.select_folder, self._folder, readonly=True)
            self.news.set()  # whatever arrived while nobody watched is read by the next pass
            while not self._done():
                imap_call(client.idle)
                renew_at = time.monotonic() + IDLE_RENEW_SECONDS  # a dead connection shows at its DONE
                try:
                    while not self._done() and time.monotonic() < renew_at:
                        responses = imap_call(client.idle_check, timeout=IDLE_SLICE_SECONDS)
                        if any(len(r) > 1 and r[1] == b"EXISTS" for r in responses):
                            self.news.set()
                finally:
                    imap_call(client.idle_done)
        finally:
            logout(client)
