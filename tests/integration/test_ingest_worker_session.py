"""A worker's own session on the folder being synced: its batches come back parsed, without the copies expunged in
the meantime, and a folder whose UIDVALIDITY changed is refused rather than read under the wrong UIDs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mail import ingest_worker
from mail.errors import ProtocolError
from mail.imap import ImapLogin
from mail.ingest_worker import FolderSession, fetch_and_prepare
from tests.mailgen import build

pytestmark = pytest.mark.integration


@pytest.fixture
def worker_session():
    """A fresh worker state per test, as a new worker process has; its session is logged out afterwards."""
    ingest_worker._worker_session = None
    yield
    if ingest_worker._worker_session is not None:
        ingest_worker.logout(ingest_worker._worker_session[1])
    ingest_worker._worker_session = None


def test_a_worker_fetches_and_parses_its_batch_and_skips_what_was_expunged(dovecot, mailbox, worker_session):
    arrived = datetime(2026, 3, 2, 8, 15, tzinfo=UTC)
    uids = [
        dovecot.append(mailbox, "INBOX", build(subject=subject), flags=["\\Seen"], internal_date=arrived)
        for subject in ("Stoel kapot", "Drucker im 3. Stock", "Lampada rotta")
    ]
    with dovecot.client(mailbox) as client:
        validity = client.select_folder("INBOX")[b"UIDVALIDITY"]
        client.delete_messages([uids[1]])
        client.expunge()
    login = ImapLogin("127.0.0.1", dovecot.port, "none", mailbox.username)
    copies = fetch_and_prepare(FolderSession(login, mailbox.password, "INBOX", int(validity)), uids)
    assert [copy.uid for copy in copies] == [uids[0], uids[2]]
    assert [copy.parsed.subject for copy in copies] == ["Stoel kapot", "Lampada rotta"]
    assert all(copy.flags == ("\\Seen",) and copy.internal_date == arrived for copy in copies)


def test_a_worker_refuses_a_folder_whose_uidvalidity_changed(dovecot, mailbox, worker_session):
    uid = dovecot.append(mailbox, "INBOX", build(subject="Stoel kapot"))
    login = ImapLogin("127.0.0.1", dovecot.port, "none", mailbox.username)
    with pytest.raises(ProtocolError, match="changed its UIDVALIDITY"):
        fetch_and_prepare(FolderSession(login, mailbox.password, "INBOX", 1), [uid])
