"""How fast replies are queued and sent, against the protocol work they cannot avoid.

Opens N requests in a throwaway Dovecot, queues a reply to each (``mail.reply.queue_request_reply``), then sends them
all with one outbox run (``mail.send.flush``: SMTP, APPEND to Sent, ``\\Answered``). The reference is the bare
protocol work for the same messages (smtplib ``sendmail`` + imapclient ``APPEND`` + ``STORE``) with no store at
all; the ratio says what the outbox's durability costs. Target: flush ≤ 3× the reference.

Run: ``make bench``, or ``PYTHONPATH=. .venv/bin/python bench/replies.py [--replies N]``.
"""

from __future__ import annotations

import argparse
import os
import smtplib
import tempfile
import time
from datetime import UTC, datetime, timedelta

from mail.reply import queue_request_reply
from mail.send import flush
from mail.sync import sync_once
from store.db import open_db
from tests.accounts import loopback_account
from tests.mailgen import build
from tests.servers.dovecot import Dovecot, find_dovecot
from tests.servers.smtp import SmtpServer

DESK = "facilities@example.org"
FLUSH_RATIO = 3.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=int, default=300)
    count = parser.parse_args().replies
    binary = find_dovecot()
    if binary is None:
        print("replies: Dovecot is not installed; skipped")
        return 0
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    dovecot, smtp = Dovecot(binary), SmtpServer()
    dovecot.start()
    smtp.start()
    try:
        return _run(dovecot, smtp, count)
    finally:
        smtp.stop()
        dovecot.close()


def _run(dovecot: Dovecot, smtp: SmtpServer, count: int) -> int:
    box = dovecot.new_user()
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    questions = [
        (
            build(f"User {n} <u{n}@example.org>", DESK, f"Vraag {n}", message_id=f"<q{n}@example.org>"),
            start,
            False,
        )
        for n in range(count)
    ]
    dovecot.seed_maildir(box, "INBOX", questions)
    db = open_db(tempfile.mkdtemp(prefix="bench-replies."))
    account = loopback_account(
        db, "bench", DESK, imap_port=dovecot.port, smtp_port=smtp.port, username=box.username
    )
    sync_once(db, account, box.password)
    request_ids = [row[0] for row in db.execute("SELECT id FROM requests ORDER BY id")]

    began = time.perf_counter()
    for request_id in request_ids:
        queue_request_reply(
            db, account, request_id, "Komt goed.", now=start + timedelta(hours=1), actor="bench"
        )
    queued = time.perf_counter() - began

    began = time.perf_counter()
    result = flush(db, account, box.password)
    flushed = time.perf_counter() - began
    assert len(result.sent) == len(request_ids) == len(smtp.messages), result

    raws = [row[0] for row in db.execute("SELECT raw FROM outbox ORDER BY id")]
    reference = _bare_protocol(dovecot, smtp, box, raws)
    n = len(request_ids)
    print(f"replies: queued {n} in {queued:.2f} s ({n / queued:.0f}/s)")
    print(f"replies: sent and filed {n} in {flushed:.2f} s ({n / flushed:.0f}/s)")
    print(f"replies: bare SMTP + APPEND + STORE of the same {n} in {reference:.2f} s ({n / reference:.0f}/s)")
    ratio = flushed / reference
    verdict = "ok" if ratio <= FLUSH_RATIO else "SLOW"
    print(f"replies: flush / bare protocol = {ratio:.2f} (target ≤ {FLUSH_RATIO}) {verdict}")
    return 0 if ratio <= FLUSH_RATIO else 1


def _bare_protocol(dovecot: Dovecot, smtp: SmtpServer, box: object, raws: list[bytes]) -> float:
    client = dovecot.client(box)  # type: ignore[arg-type]
    began = time.perf_counter()
    with smtplib.SMTP(smtp.host, smtp.port) as session:
        for number, raw in enumerate(raws, start=1):
            session.sendmail(DESK, ["u@example.org"], raw)
            client.append("Sent", raw, flags=[b"\\Seen"])
            client.select_folder("INBOX")
            client.add_flags([number], [b"\\Answered"])
    elapsed = time.perf_counter() - began
    client.logout()
    return elapsed


if __name__ == "__main__":
    raise SystemExit(main())
