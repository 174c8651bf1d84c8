"""Integration fixtures: a desk account on a fresh Dovecot user, and servers that behave like the ones departments
use (Dovecot without CONDSTORE, as Courier answers; Courier itself without keywords, as Exchange answers)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from store.db import open_db
from tests.accounts import loopback_account
from tests.desktop_fixtures import artifacts, in_language, open_window, owned, seeded_dir
from tests.servers.courier import Courier, running_courier
from tests.servers.dovecot import Dovecot, find_dovecot

__all__ = [
    "artifacts",
    "in_language",
    "open_window",
    "owned",
    "seeded_dir",
]  # the desktop's fixtures, for windows on servers

# Dovecot's capabilities without CONDSTORE and QRESYNC, as Courier answers.
NO_CONDSTORE = """
imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT THREAD=REFERENCES MULTIAPPEND UNSELECT \\
  CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 ESEARCH SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS \\
  BINARY MOVE SPECIAL-USE LITERAL+
"""


@pytest.fixture(scope="module")
def plain_dovecot() -> Iterator[Dovecot]:
    binary = find_dovecot()
    if binary is None:
        pytest.skip("Dovecot is not installed")
    server = Dovecot(binary, extra_config=NO_CONDSTORE)
    try:
        server.start()
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def courier() -> Iterator[Courier]:
    """Courier-IMAP with IMAP_KEYWORDS=0: no CONDSTORE, no custom keywords, folders below ``INBOX.``."""
    with running_courier() as server:
        yield server


@pytest.fixture(params=["condstore", "no_condstore", "courier_no_keywords"])
def server(request):
    """Each kind of server a department's mailbox lives on, in turn."""
    fixture = {"condstore": "dovecot", "no_condstore": "plain_dovecot", "courier_no_keywords": "courier"}
    chosen = request.getfixturevalue(fixture[request.param])
    chosen.start()
    return chosen


@pytest.fixture
def desk(dovecot, mailbox, tmp_path):
    """A data dir with the facilities desk's account on a fresh Dovecot user: (store, account, mailbox)."""
    db = open_db(tmp_path)
    account = loopback_account(
        db,
        "facilities",
        "facilities@example.org",
        imap_port=dovecot.port,
        smtp_port=2525,
        username=mailbox.username,
    )
    return db, account, mailbox
