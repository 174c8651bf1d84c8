"""The outbox as the desk reads it, in the view and from ``loket outbox list``: requests named by their numbers."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desktop.cli import main
from desktop.outbox_view import COLUMNS, OutboxModel, load_entries
from store import outbox
from store.db import open_db
from store.records import Address
from store.timeutil import to_db
from tests.accounts import loopback_account

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
ANNA = Address("Anna", "anna@example.org")


def queue_reply_to_request_482913(data_dir: Path) -> int:
    """A store whose one request is numbered 482913 in row 1, with a reply to it queued; returns the row."""
    db = open_db(data_dir)
    account = loopback_account(db, "desk", "desk@example.org")
    db.execute("INSERT INTO requesters (address, name) VALUES (?, ?)", [ANNA.address, ANNA.name])
    request_id = db.execute(
        "INSERT INTO requests (number, account_id, requester_id, subject, received_at, last_activity_at) "
        "VALUES (482913, ?, 1, 'Stoel kapot', ?, ?) RETURNING id",
        [account.id, to_db(NOW), to_db(NOW)],
    ).fetchone()[0]
    outgoing = outbox.Outgoing(
        account_id=account.id,
        request_id=request_id,
        message_id="<r1@example.org>",
        raw=b"Subject: Re: [#482913] Stoel kapot\r\n\r\nKomt goed.\r\n",
        sender=Address("Desk", account.address),
        to=(ANNA,),
        cc=(),
        subject="Re: [#482913] Stoel kapot",
        date=NOW,
        text_body="Komt goed.",
    )
    outbox.queue_reply(db, outgoing, status_after=None, answers_message_id=None, actor="eva")
    db.conn.close()
    return int(request_id)


def test_the_request_column_shows_the_number(qapp, tmp_path: Path) -> None:
    request_id = queue_reply_to_request_482913(tmp_path)
    model = OutboxModel()
    model.set_entries(load_entries(open_db(tmp_path)))
    assert request_id != 482913
    assert model.index(0, COLUMNS.index("request")).data() == "#482913"


def test_the_outbox_list_prints_the_number(tmp_path: Path, capsys) -> None:
    request_id = queue_reply_to_request_482913(tmp_path)
    assert main(["--data-dir", str(tmp_path), "outbox", "list"]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert request_id != 482913
    assert header.split("\t")[3] == "request" and row.split("\t")[3] == "482913"
