"""``loket reply`` and ``loket outbox`` without a server: usage errors, one-line failures, nothing lost, no Qt."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

from store.db import open_db
from store.numbers import NEXT_NUMBER
from store.timeutil import to_db
from tests.accounts import loopback_account


def loket(data_dir, *args):
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def make_request(data_dir, number: int | str = NEXT_NUMBER) -> int:
    db = open_db(data_dir)
    account = loopback_account(db, "desk", "desk@example.org", imap_port=1, smtp_port=1)
    db.execute("INSERT INTO requesters (address, name) VALUES ('anna@example.org', 'Anna')")
    now = to_db(datetime.now(UTC))
    request_id = db.execute(
        "INSERT INTO requests (number, account_id, requester_id, subject, received_at, last_activity_at) "
        f"VALUES ({number}, ?, 1, 'Stoel kapot', ?, ?) RETURNING id",
        [account.id, now, now],
    ).fetchone()[0]
    db.conn.close()
    return int(request_id)


def test_unknown_request_and_unreadable_body_are_usage_errors(tmp_path):
    request_id = make_request(tmp_path)
    body = tmp_path / "body.txt"
    body.write_text("x", encoding="utf-8")
    unknown = loket(tmp_path, "reply", "999", "--body-file", str(body))
    assert (unknown.returncode, unknown.stderr) == (2, "loket: no request #999\n")
    missing = loket(tmp_path, "reply", str(request_id), "--body-file", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and len(missing.stderr.splitlines()) == 1
    assert (
        loket(tmp_path, "reply", str(request_id), "--body-file", str(body), "--status", "new").returncode == 2
    )


def test_a_reply_that_cannot_be_sent_stays_queued_and_is_listed(tmp_path):
    request_id = make_request(tmp_path)
    body = tmp_path / "body.txt"
    body.write_text("Wij komen morgen. Grüße\n", encoding="utf-8")
    done = loket(tmp_path, "reply", str(request_id), "--body-file", str(body))
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1 and "queued" in done.stderr and "Traceback" not in done.stderr
    listing = loket(tmp_path, "outbox", "list")
    assert listing.returncode == 0
    [header, row] = listing.stdout.splitlines()
    assert header.split("\t")[:3] == ["id", "state", "attempts"]
    assert row.split("\t")[:4] == ["1", "queued", "0", str(request_id)]  # no password: no try was possible
    assert row.split("\t")[-1].startswith("no password stored")
    assert f"Re: [#{request_id}] Stoel kapot" in row
    db = open_db(tmp_path)
    assert db.execute("SELECT status FROM requests").fetchone()[0] == "new", (
        "a queued reply answered nobody yet"
    )
    flushed = loket(tmp_path, "outbox", "flush")
    assert flushed.returncode == 1 and "1 reply still queued or sending" in flushed.stderr


def test_the_request_is_named_by_its_number_not_its_row(tmp_path):
    request_id = make_request(tmp_path, number=482913)
    body = tmp_path / "body.txt"
    body.write_text("Wij komen morgen.\n", encoding="utf-8")
    by_row = loket(tmp_path, "reply", str(request_id), "--body-file", str(body))
    assert (by_row.returncode, by_row.stderr) == (2, f"loket: no request #{request_id}\n")
    done = loket(tmp_path, "reply", "482913", "--body-file", str(body))
    assert done.returncode == 1 and "queued" in done.stderr
    [_header, row] = loket(tmp_path, "outbox", "list").stdout.splitlines()
    assert row.split("\t")[3] == "482913" and "Re: [#482913] Stoel kapot" in row


def test_an_empty_outbox_flushes_cleanly(tmp_path):
    make_request(tmp_path)
    done = loket(tmp_path, "outbox", "flush")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("outbox empty")


def test_reply_commands_do_not_load_qt(tmp_path):
    code = (
        "import sys; from desktop.cli import main; "
        "main(['--data-dir', sys.argv[1], 'outbox', 'list']); "
        "import desktop.commands.reply, mail.reply, mail.send; "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert (
        subprocess.run(
            [sys.executable, "-c", code, str(tmp_path)], capture_output=True, timeout=60
        ).returncode
        == 0
    )
