"""``loket account set``: rating links in resolved replies and per-person figures, switched per mailbox."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, policy

from desktop.cli import main
from mail.mailbox_secret import remember_secret
from mail.reply import queue_request_reply
from store.db import open_db
from store.numbers import NEXT_NUMBER
from store.timeutil import to_db
from tests.accounts import loopback_account

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _request(db, account) -> int:
    db.execute("INSERT INTO requesters (address, name) VALUES ('jan@example.org', 'Jan')")
    cursor = db.execute(
        "INSERT INTO requests (number, account_id, requester_id, subject, received_at, last_activity_at) "
        f"VALUES ({NEXT_NUMBER}, ?, 1, 'Stoel kapot', ?, ?) RETURNING id",
        [account.id, to_db(NOW), to_db(NOW)],
    )
    return int(cursor.fetchone()[0])


def _resolving_reply(db, account, request_id) -> str:
    """The reply's own text, without what it quotes of the replies before it."""
    outbox_id, _ = queue_request_reply(
        db, account, request_id, "Opgelost.", now=NOW, actor="anna", status_after="resolved"
    )
    raw = db.execute("SELECT raw FROM outbox WHERE id = ?", [outbox_id]).fetchone()[0]
    text = message_from_bytes(raw, policy=policy.default).get_body(("plain",)).get_content()
    return "\n".join(line for line in text.splitlines() if not line.startswith(">"))


def test_rating_links_are_on_by_default_and_can_be_switched_off(tmp_path, capsys):
    db = open_db(tmp_path)
    account = loopback_account(db, "desk", "desk@example.org")
    request_id = _request(db, account)
    assert "mailto:" not in _resolving_reply(db, account, request_id)  # no secret read from the mailbox yet
    remember_secret(account, b"k" * 32)
    assert _resolving_reply(db, account, request_id).count("mailto:desk@example.org") == 5
    assert main(["--data-dir", str(tmp_path), "account", "set", "desk", "--rating-links", "off"]) == 0
    assert "rating links off for desk" in capsys.readouterr().out
    assert "mailto:" not in _resolving_reply(db, account, request_id)


def test_per_person_figures_off_refuses_the_export_by_agent_in_one_line(tmp_path, capsys):
    db = open_db(tmp_path)
    loopback_account(db, "desk", "desk@example.org")
    assert main(["--data-dir", str(tmp_path), "account", "set", "desk", "--per-person-figures", "off"]) == 0
    capsys.readouterr()
    out = tmp_path / "agents.csv"
    assert (
        main(["--data-dir", str(tmp_path), "export", "--format", "csv", "--by", "agent", "-o", str(out)]) == 1
    )
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "works council" in error
    assert not out.exists()
    assert main(["--data-dir", str(tmp_path), "account", "set", "desk"]) == 2
