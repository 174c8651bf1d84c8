"""What only this desktop had is carried from a damaged store into the rebuilt one: settings with their ids, requests
entered by hand with their history, and whatever still reads when parts of the file do not."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from store.db import open_db
from store.lifecycle import add_note
from store.rebuild import carry_requests, carry_settings, open_damaged, set_aside
from store.triage import create_manual
from tests.accounts import loopback_account
from tests.desk_cli import damage_table

AT = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def test_a_request_entered_by_hand_keeps_its_history_and_a_table_that_no_longer_reads_is_counted(tmp_path):
    db = open_db(tmp_path)
    account = loopback_account(db, "facilities")
    phoned = create_manual(
        db, account_id=account.id, requester_address="anna@example.org", requester_name="Anna Bakker",
        subject="Beamer zaal 3 kapot", text="Belde om 10:00", channel="phone", actor="Jan", at=AT,
    )  # fmt: skip
    add_note(db, phoned, "Monteur komt donderdag", "Jan", AT)
    db.execute(
        "INSERT INTO templates (name, language, subject, body) VALUES ('Bedankt', 'nl', '', 'Dank je!')"
    )
    db.conn.close()
    damage_table(tmp_path / "loket.sqlite", "templates")

    aside = set_aside(tmp_path, AT)
    damaged = open_damaged(aside)
    rebuilt = open_db(tmp_path)
    counts: Counter[str] = Counter()
    carry_settings(damaged, rebuilt, counts)
    carry_requests(damaged, rebuilt, "loket rebuild", AT, counts)

    assert rebuilt.execute("SELECT id, name FROM accounts").fetchall() == [(account.id, "facilities")]
    request = rebuilt.execute("SELECT id, subject, channel FROM requests").fetchone()
    assert request[1:] == ("Beamer zaal 3 kapot", "phone")
    notes = rebuilt.execute(
        "SELECT actor, json_extract(data_json, '$.text') FROM events WHERE request_id = ? AND kind = 'note'",
        [request[0]],
    ).fetchall()
    assert notes == [("Jan", "Belde om 10:00"), ("Jan", "Monteur komt donderdag")]
    assert counts["requests entered by hand"] == 1
    assert counts["templates: unreadable parts"] > 0  # counted, not fatal
    assert aside.exists() and not (tmp_path / "loket.sqlite.damaged").exists()


def test_a_request_entered_by_hand_that_was_never_shared_keeps_its_key_and_its_number(tmp_path):
    from store import team_changes

    db = open_db(tmp_path)
    account = loopback_account(db, "facilities")
    phoned = team_changes.create_manual(
        db, account_id=account.id, requester_address="anna@example.org", requester_name="Anna Bakker",
        subject="Beamer zaal 3 kapot", text="Belde om 10:00", channel="phone", actor="Jan", at=AT,
    )  # fmt: skip
    key, number = db.execute(
        "SELECT k.key, q.number FROM requests q JOIN request_keys k ON k.request_id = q.id WHERE q.id = ?",
        [phoned],
    ).fetchone()
    db.conn.close()

    damaged = open_damaged(set_aside(tmp_path, AT))
    rebuilt = open_db(tmp_path)
    counts: Counter[str] = Counter()
    carry_settings(damaged, rebuilt, counts)
    carry_requests(damaged, rebuilt, "loket rebuild", AT, counts)

    carried = team_changes.find_request(rebuilt, account.id, key)
    assert carried is not None
    assert rebuilt.execute("SELECT number FROM requests WHERE id = ?", [carried]).fetchone() == (number,)
    assert counts["requests entered by hand"] == 1
