"""Replies against a real Dovecot and a real SMTP server: headers, Sent copy, \\Answered, status, exactly-once
across a crash, an unreachable or refusing server, non-ASCII round trips, and a colleague's answer to a forward."""

from __future__ import annotations

import csv
import hashlib
import json
import ssl
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from email import message_from_bytes, policy

import pytest

from mail.credentials import set_password
from mail.parse import parse_message
from mail.reply import ReplyError, queue_request_reply
from mail.send import flush
from mail.sync import sync_once
from store import outbox
from store.accounts import get_account
from store.db import open_db
from store.numbers import number_of
from store.records import Address, AttachmentData
from tests.accounts import loopback_account
from tests.mailgen import build

pytestmark = pytest.mark.integration
DESK = "facilities@example.org"
JAN = "jan@example.org"


@pytest.fixture
def desk(dovecot, mailbox, smtp_server, tmp_path):
    """A data dir with an account on a fresh Dovecot user and the test SMTP server, password in the keyring."""
    db = open_db(tmp_path)
    account = loopback_account(
        db,
        "facilities",
        DESK,
        display_name="Facilitaire Dienst",
        imap_port=dovecot.port,
        smtp_port=smtp_server.port,
        username=mailbox.username,
    )
    set_password(account, mailbox.password)
    return db, account, mailbox


@pytest.fixture
def request_id(dovecot, desk):
    """A request opened by Jan's second message in a thread (so it has References of its own)."""
    db, account, box = desk
    dovecot.append(
        box,
        "INBOX",
        build(
            f"Jan de Vries <{JAN}>",
            DESK,
            "AW: Re: WG: Stoel kapot",
            "Mijn stoel is nog steeds kapot.",
            "<q2@example.org>",
            "<q1@example.org>",
            ["<q0@example.org>", "<q1@example.org>"],
        ),
    )
    sync_once(db, account, box.password)
    return int(db.execute("SELECT id FROM requests").fetchone()[0])


def loket(tmp_path, *args):
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(tmp_path), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def reply_cli(tmp_path, request_id, body="Wij komen morgen langs.", *extra):
    """``loket reply`` given the request's number, as a person types it."""
    body_file = tmp_path / "body.txt"
    body_file.write_text(body, encoding="utf-8")
    number = number_of(open_db(tmp_path), request_id)
    return loket(tmp_path, "reply", str(number), "--body-file", str(body_file), *extra)


def sent_copies(dovecot, box):
    client = dovecot.client(box)
    try:
        client.select_folder("Sent", readonly=True)
        uids = client.search(["ALL"])
        fetched = client.fetch(uids, ["BODY.PEEK[]", "FLAGS"]) if uids else {}
        return [(data[b"BODY[]"], data[b"FLAGS"]) for data in fetched.values()]
    finally:
        client.logout()


def inbox_flags(dovecot, box):
    client = dovecot.client(box)
    try:
        client.select_folder("INBOX", readonly=True)
        return {flag for flags in client.get_flags(client.search(["ALL"])).values() for flag in flags}
    finally:
        client.logout()


def state_of(db):
    return db.execute("SELECT state, attempts, last_error FROM outbox ORDER BY id DESC LIMIT 1").fetchone()


def test_a_reply_goes_to_the_address_the_requester_asked_answers_to_go_to(
    tmp_path, dovecot, desk, smtp_server
):
    db, account, box = desk
    dovecot.append(
        box,
        "INBOX",
        build(
            f"Jan de Vries <{JAN}>",
            DESK,
            "Sleutel kluis",
            "Graag antwoord aan het secretariaat.",
            headers={"Reply-To": "Secretariaat HR <secretariaat@example.org>"},
        ),
    )
    sync_once(db, account, box.password)
    request = int(db.execute("SELECT id FROM requests").fetchone()[0])
    done = reply_cli(tmp_path, request)
    assert done.returncode == 0, done.stderr
    [received] = smtp_server.messages
    assert received.rcpt_tos == ("secretariaat@example.org",)
    message = message_from_bytes(received.raw, policy=policy.default)
    assert [a.addr_spec for a in message["To"].addresses] == ["secretariaat@example.org"]


def test_reply_goes_out_threaded_filed_in_sent_and_marks_the_original_answered(
    tmp_path, dovecot, desk, smtp_server, request_id
):
    db, account, box = desk
    done = reply_cli(tmp_path, request_id)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    [received] = smtp_server.messages
    message = message_from_bytes(received.raw, policy=policy.default)
    number = number_of(db, request_id)
    assert number != request_id  # a request filed from mail is numbered by its message, not by its row
    assert received.rcpt_tos == (JAN,)
    assert received.mail_from == DESK
    assert message["From"].addresses[0].addr_spec == DESK
    assert message["From"].addresses[0].display_name == "Facilitaire Dienst"
    assert [a.addr_spec for a in message["To"].addresses] == [JAN]
    assert message["Subject"] == f"Re: [#{number}] Stoel kapot"
    assert message["X-Loket-Request"] == str(number)
    assert message["In-Reply-To"] == "<q2@example.org>"
    assert message["References"].split() == ["<q0@example.org>", "<q1@example.org>", "<q2@example.org>"]
    assert message["Message-ID"].endswith("@example.org>")
    assert done.stdout.strip() == f"sent {message['Message-ID']}"
    assert message["Auto-Submitted"] is None

    [(raw, flags)] = sent_copies(dovecot, box)
    assert raw == received.raw
    assert b"\\Seen" in flags
    assert b"\\Answered" in inbox_flags(dovecot, box)

    db = open_db(tmp_path)
    assert db.execute("SELECT status FROM requests WHERE id = ?", [request_id]).fetchone()[0] == "waiting"
    assert state_of(db) == ("sent", 1, None)

    sync_once(db, account, box.password)
    rows = db.execute(
        "SELECT folder_id IS NOT NULL, role, uid IS NOT NULL, raw_sha256, flags_json, internal_date IS NOT NULL "
        "FROM messages WHERE message_id = ?",
        [message["Message-ID"]],
    ).fetchall()
    assert rows == [(1, "desk", 1, hashlib.sha256(raw).hexdigest(), '["\\\\Seen"]', 1)], (
        "the Sent copy synced back is the same message, not a second one, with the server's facts"
    )


@pytest.mark.parametrize("body", ["", "  \n\t\n"])
def test_an_empty_or_blank_reply_is_refused_and_nothing_is_sent(
    tmp_path, desk, smtp_server, request_id, body
):
    done = reply_cli(tmp_path, request_id, body)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "holds no text" in done.stderr
    assert smtp_server.messages == []
    db = open_db(tmp_path)
    assert db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 0
    assert db.execute("SELECT status FROM requests WHERE id = ?", [request_id]).fetchone()[0] == "new"
    with pytest.raises(ReplyError, match="no text"):
        queue_request_reply(db, get_account(db), request_id, body, now=datetime.now(UTC), actor="Eva")


def test_reply_takes_the_status_asked_for(tmp_path, desk, request_id):
    done = reply_cli(tmp_path, request_id, "Opgelost.", "--status", "resolved")
    assert done.returncode == 0, done.stderr
    db = open_db(tmp_path)
    assert db.execute("SELECT status FROM requests WHERE id = ?", [request_id]).fetchone()[0] == "resolved"


def test_smtp_down_keeps_the_reply_queued_until_flush_after_it_is_back(
    tmp_path, desk, smtp_server, request_id
):
    smtp_server.stop()
    done = reply_cli(tmp_path, request_id)
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert "queued" in done.stderr
    db = open_db(tmp_path)
    state, attempts, error = state_of(db)
    assert (state, attempts) == ("queued", 1)
    assert "cannot be reached" in error
    listing = loket(tmp_path, "outbox", "list")
    assert listing.returncode == 0 and "\tqueued\t" in listing.stdout and "Stoel kapot" in listing.stdout

    still_down = loket(tmp_path, "outbox", "flush")
    assert still_down.returncode == 1 and len(still_down.stderr.strip().splitlines()) == 1

    smtp_server.start()
    flushed = loket(tmp_path, "outbox", "flush")
    assert flushed.returncode == 0, flushed.stderr
    assert len(smtp_server.messages) == 1
    assert state_of(open_db(tmp_path))[0] == "sent"


def test_temporary_refusal_is_retried_with_backoff(tmp_path, desk, smtp_server, request_id):
    smtp_server.refuse(451, count=1)
    done = reply_cli(tmp_path, request_id)
    assert done.returncode == 1
    db = open_db(tmp_path)
    state, _, error = state_of(db)
    assert state == "queued" and "451" in error
    next_at = db.execute("SELECT next_attempt_at FROM outbox").fetchone()[0]
    assert next_at > db.execute("SELECT created_at FROM outbox").fetchone()[0]
    _, account, box = desk
    assert flush(db, account, box.password).sent == [], "back-off respected without ignore_backoff"
    assert flush(db, account, box.password, ignore_backoff=True).sent == [1]
    assert len(smtp_server.messages) == 1


def test_permanent_refusal_fails_with_the_server_reason_and_flush_leaves_it(
    tmp_path, dovecot, desk, smtp_server, request_id
):
    box = desk[2]
    smtp_server.refuse(550)
    done = reply_cli(tmp_path, request_id)
    assert done.returncode == 1 and "550" in done.stderr
    state, _, error = state_of(open_db(tmp_path))
    assert state == "failed" and "550 5.7.1 Message refused" in error
    flushed = loket(tmp_path, "outbox", "flush")
    assert flushed.returncode == 0, flushed.stderr
    assert smtp_server.messages == []
    assert sent_copies(dovecot, box) == []


def test_a_reply_refused_for_good_is_no_first_response_until_it_is_sent(
    tmp_path, dovecot, desk, smtp_server, request_id
):
    db, account, box = desk
    smtp_server.refuse(550)
    assert reply_cli(tmp_path, request_id, "Wij komen morgen langs.", "--status", "resolved").returncode == 1
    assert state_of(open_db(tmp_path))[0] == "failed"

    def counted():
        db = open_db(tmp_path)
        request = db.execute(
            "SELECT status, first_response_at, resolved_at FROM requests WHERE id = ?", [request_id]
        ).fetchone()
        kinds = [
            k for (k,) in db.execute("SELECT kind FROM events WHERE request_id = ? ORDER BY id", [request_id])
        ]
        exported = tmp_path / "export.csv"
        assert loket(tmp_path, "export", "--format", "csv", "-o", str(exported)).returncode == 0
        [row] = list(csv.DictReader(exported.open(encoding="utf-8")))
        grouped = tmp_path / "by-month.csv"
        assert (
            loket(tmp_path, "export", "--format", "csv", "--by", "month", "-o", str(grouped)).returncode == 0
        )
        [month] = list(csv.DictReader(grouped.open(encoding="utf-8")))
        return request, kinds, row["first_response_at"], month["answered"]

    request, kinds, first_response, answered = counted()
    assert request == ("new", None, None), "a reply that never left answered nobody"
    assert kinds == ["received"] and first_response == "" and answered == "0"

    smtp_server.accept()
    outbox.requeue(db, 1)
    assert flush(db, account, box.password).sent == [1]
    request, kinds, first_response, answered = counted()
    assert request[0] == "resolved" and request[1] is not None
    assert kinds == ["received", "replied", "status"] and first_response != "" and answered == "1"
    sync_once(db, account, box.password)
    assert counted()[1] == kinds, "the Sent copy synced back is the same reply, not a second answer"


def test_refused_login_keeps_the_reply_queued_with_a_clear_reason(tmp_path, desk, smtp_server, request_id):
    smtp_server.require_auth("someone-else", "secret")
    done = reply_cli(tmp_path, request_id)
    assert done.returncode == 1
    state, _, error = state_of(open_db(tmp_path))
    assert state == "queued" and "refused the username or password" in error


CRASH_AFTER_SMTP = textwrap.dedent(
    """
    import os, sys
    import mail.send
    from mail.credentials import get_password
    from store.accounts import get_account
    from store.db import open_db

    def killed(*args, **kwargs):
        os._exit(137)  # the process dies between SMTP acceptance and the APPEND to Sent

    mail.send._append_to_sent = killed
    db = open_db(sys.argv[1])
    account = get_account(db)
    mail.send.flush(db, account, get_password(account))
    """
)


def test_a_kill_between_smtp_and_sent_copy_never_sends_twice(
    tmp_path, dovecot, desk, smtp_server, request_id
):
    db, account, box = desk
    queue_request_reply(db, account, request_id, "Komt goed.", now=datetime.now(UTC), actor="eva")
    crashed = subprocess.run(
        [sys.executable, "-c", CRASH_AFTER_SMTP, str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert crashed.returncode == 137, crashed.stderr
    assert len(smtp_server.messages) == 1
    assert sent_copies(dovecot, box) == []
    row = outbox.list_outbox(db)[0]
    assert row.state == "sending" and row.smtp_accepted_at is not None

    done = loket(tmp_path, "outbox", "flush")
    assert done.returncode == 0, done.stderr
    assert len(smtp_server.messages) == 1, "the repair files the copy, it does not send again"
    assert len(sent_copies(dovecot, box)) == 1
    assert b"\\Answered" in inbox_flags(dovecot, box)
    assert state_of(open_db(tmp_path))[0] == "sent"


def test_an_interrupted_row_found_in_sent_is_not_sent_again(dovecot, desk, smtp_server, request_id):
    db, account, box = desk
    outbox_id, _ = queue_request_reply(
        db, account, request_id, "Komt goed.", now=datetime.now(UTC), actor="eva"
    )
    outbox.mark_sending(db, outbox_id)  # interrupted before the acceptance was recorded ...
    row = outbox.get_row(db, outbox_id)
    assert row is not None
    dovecot.append(box, "Sent", row.raw, [b"\\Seen"])  # ... but the copy is in Sent (another run filed it)
    result = flush(db, account, box.password)
    assert result.sent == [outbox_id]
    assert smtp_server.messages == []
    assert len(sent_copies(dovecot, box)) == 1
    assert b"\\Answered" in inbox_flags(dovecot, box)


def test_an_interrupted_row_missing_from_sent_is_sent_once(dovecot, desk, smtp_server, request_id):
    db, account, box = desk
    outbox_id, _ = queue_request_reply(
        db, account, request_id, "Komt goed.", now=datetime.now(UTC), actor="eva"
    )
    outbox.mark_sending(db, outbox_id)  # killed before SMTP took it: Sent is searched, then it is sent
    assert flush(db, account, box.password).sent == [outbox_id]
    assert len(smtp_server.messages) == 1
    assert len(sent_copies(dovecot, box)) == 1
    assert outbox.get_row(db, outbox_id).attempts == 2  # type: ignore[union-attr]


def test_non_ascii_body_and_attachment_name_round_trip_into_the_parser(
    dovecot, desk, smtp_server, request_id
):
    db, account, box = desk
    body = "Grüße aus Zürich — 日本語のテキスト — ελληνικά — Ωμέγα\n"
    name = "Überweisung März 日本.pdf"
    attachment = AttachmentData(name, "application/pdf", b"%PDF-1.4\n\x00\xff binary")
    queue_request_reply(
        db, account, request_id, body, now=datetime.now(UTC), actor="eva", attachments=(attachment,)
    )
    assert len(flush(db, account, box.password).sent) == 1
    [received] = smtp_server.messages
    [(sent_raw, _)] = sent_copies(dovecot, box)
    for raw in (received.raw, sent_raw):
        parsed = parse_message(raw)
        assert parsed.text_body.startswith(body.strip())
        assert [(a.filename, a.data) for a in parsed.attachments] == [(name, attachment.data)]
        assert parsed.problems == ()


def test_a_colleagues_answer_to_our_forward_joins_the_request_as_the_colleague(
    dovecot, desk, smtp_server, request_id
):
    db, account, box = desk
    colleague = Address("Piet (ICT)", "piet@ict.example.org")
    queue_request_reply(
        db,
        account,
        request_id,
        "Kun jij dit oppakken?",
        now=datetime.now(UTC),
        actor="eva",
        mode="forward",
        to=(colleague,),
    )
    assert len(flush(db, account, box.password).sent) == 1
    assert (
        db.execute("SELECT status FROM requests WHERE id = ?", [request_id]).fetchone()[0]
        == "waiting_colleague"
    )
    [received] = smtp_server.messages
    forward = message_from_bytes(received.raw, policy=policy.default)
    assert received.rcpt_tos == ("piet@ict.example.org",)
    assert forward["Subject"] == f"Fwd: [#{number_of(db, request_id)}] Stoel kapot"

    answer = build(
        "Piet (ICT) <piet@ict.example.org>",
        DESK,
        "RE: Fwd: Stoel kapot",  # an Outlook that dropped the tag: the headers alone must find the request
        "Ik kom vanmiddag kijken.",
        "<piet1@ict.example.org>",
        forward["Message-ID"],
        [*forward["References"].split(), forward["Message-ID"]],
    )
    dovecot.append(box, "INBOX", answer)
    sync_once(db, account, box.password)
    row = db.execute(
        "SELECT request_id, role FROM messages WHERE message_id = '<piet1@ict.example.org>'"
    ).fetchone()
    assert row == (request_id, "colleague")
    assert db.execute("SELECT status FROM requests WHERE id = ?", [request_id]).fetchone()[0] == "open"
    assert db.execute("SELECT COUNT(*) FROM requests").fetchone()[0] == 1
    events = [json.loads(r[0]) for r in db.execute("SELECT data_json FROM events WHERE kind = 'status'")]
    assert {"from": "waiting_colleague", "to": "open"} in [{k: e[k] for k in ("from", "to")} for e in events]


class _Recorder:
    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.original_content or b"")
        return "250 OK"


@pytest.fixture
def tls_smtp(dovecot):
    """SMTP servers with the test certificate: one speaking TLS from the start, one offering STARTTLS."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    from tests.servers.ports import free_port

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(dovecot.cafile, str(dovecot.base / "key.pem"))
    recorder = _Recorder()
    anyone = {"authenticator": lambda *args: AuthResult(success=True)}
    implicit = Controller(recorder, hostname="127.0.0.1", port=free_port(), ssl_context=context, **anyone)
    starttls = Controller(recorder, hostname="127.0.0.1", port=free_port(), tls_context=context, **anyone)
    implicit.start()
    starttls.start()
    try:
        yield recorder, {"ssl": implicit.port, "starttls": starttls.port}
    finally:
        implicit.stop()
        starttls.stop()


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_an_untrusted_smtp_certificate_is_refused_and_the_reply_stays_queued(
    dovecot, desk, request_id, tls_smtp, security
):
    db, account, box = desk
    recorder, ports = tls_smtp
    db.execute("UPDATE accounts SET smtp_security = ?, smtp_port = ?", [security, ports[security]])
    account = get_account(db)
    queue_request_reply(db, account, request_id, "Komt goed.", now=datetime.now(UTC), actor="eva")
    result = flush(db, account, box.password)
    assert result.sent == [] and recorder.messages == []
    state, _, error = state_of(db)
    assert state == "queued" and "not trusted" in error


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_a_trusted_smtp_certificate_sends(dovecot, desk, request_id, tls_smtp, security, monkeypatch):
    db, account, box = desk
    recorder, ports = tls_smtp
    monkeypatch.setenv("SSL_CERT_FILE", dovecot.cafile)  # the system CAs now include the test certificate
    db.execute("UPDATE accounts SET smtp_security = ?, smtp_port = ?", [security, ports[security]])
    account = get_account(db)
    queue_request_reply(db, account, request_id, "Komt goed.", now=datetime.now(UTC), actor="eva")
    assert len(flush(db, account, box.password).sent) == 1
    assert len(recorder.messages) == 1
