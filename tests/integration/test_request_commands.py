"""``loket request set|note|new`` change requests as the window does and share them with the team at once."""

from __future__ import annotations

import json

import pytest

from store.db import open_db
from tests.integration.test_sync import _add_account, _loket
from tests.integration.test_team_folder import Desktop
from tests.mailgen import build

pytestmark = pytest.mark.integration


def test_changes_from_the_command_line_reach_another_desktop_under_the_acting_name(
    dovecot, mailbox, tmp_path
):
    dovecot.append(mailbox, "INBOX", build(subject="Heizung", message_id="<heat@example.org>"))
    cli_dir = tmp_path / "cli"
    assert _add_account(cli_dir, dovecot, mailbox.username, mailbox.password).returncode == 0
    assert _loket(cli_dir, "sync", "--once").returncode == 0
    number = str(open_db(cli_dir).execute("SELECT number FROM requests").fetchone()[0])

    changed = _loket(
        cli_dir, "--as", "Anna", "request", "set", number, "--status", "open", "--assignee", "Ben",
        "--priority", "high", "--category", "Gebouw",
    )  # fmt: skip
    assert (changed.returncode, changed.stdout, changed.stderr) == (0, "", "")
    noted = _loket(cli_dir, "request", "note", number, "--text", "Monteur belt", "--as", "Ben")
    assert noted.returncode == 0, noted.stderr
    body = tmp_path / "call.txt"
    body.write_text("Sleutel van kamer 3 kwijt\n", encoding="utf-8")
    new = _loket(
        cli_dir, "request", "new", "--requester", "piet@example.org", "--name", "Piet", "--subject", "Sleutel",
        "--body-file", str(body), "--channel", "desk", "--as", "Anna",
    )  # fmt: skip
    assert new.returncode == 0, new.stderr
    phoned = int(new.stdout)

    other = Desktop(dovecot, mailbox, tmp_path / "other")
    other.sync()
    heat = other.request("<heat@example.org>")
    assert other.db.execute("SELECT number FROM requests WHERE id = ?", [heat]).fetchone()[0] == int(number)
    assert other.fields(heat) == ("open", "Ben", "high", "Gebouw")
    assert [(actor, text) for actor, _, text in other.notes(heat)] == [("Ben", "Monteur belt")]
    assert other.history(heat, "assignee") == [("Anna", "Ben")]
    phoned_there = other.db.execute("SELECT subject, channel FROM requests WHERE number = ?", [phoned])
    assert phoned_there.fetchone() == ("Sleutel", "desk")


def test_bad_changes_are_usage_errors_and_nothing_is_queued(tmp_path):
    from tests.accounts import loopback_account

    db = open_db(tmp_path)
    loopback_account(db, imap_port=1, smtp_port=1)
    for args in (
        ("request", "set", "123456"),
        ("request", "set", "123456", "--status", "open"),
        ("request", "set", "1", "--status", "stuck"),
        ("request", "note", "123456", "--text", " "),
        ("request", "new", "--requester", "x@example.org", "--subject", "S", "--body-file", "/nonexistent"),
    ):
        result = _loket(tmp_path, *args)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.splitlines()[-1].startswith("loket"), result.stderr
    unknown = _loket(tmp_path, "request", "note", "123456", "--text", "Belde")
    assert (unknown.returncode, unknown.stderr) == (2, "loket: no request #123456\n")
    assert db.execute("SELECT count(*) FROM team_changes").fetchone()[0] == 0


def test_a_change_made_while_the_server_is_away_exits_1_and_is_pushed_by_the_next_sync(
    dovecot, mailbox, tmp_path
):
    cli_dir = tmp_path / "cli"
    assert _add_account(cli_dir, dovecot, mailbox.username, mailbox.password).returncode == 0
    body = tmp_path / "call.txt"
    body.write_text("Belde\n", encoding="utf-8")
    dovecot.stop()
    try:
        new = _loket(cli_dir, "request", "new", "--requester", "piet@example.org", "--subject", "S",
                     "--body-file", str(body))  # fmt: skip
    finally:
        dovecot.start()
    assert new.returncode == 1 and len(new.stderr.splitlines()) == 1
    assert "kept until the next sync" in new.stderr
    assert new.stdout.strip().isdigit()
    assert _loket(cli_dir, "sync", "--once").returncode == 0
    other = Desktop(dovecot, mailbox, tmp_path / "other")
    other.sync()
    assert other.db.execute("SELECT number FROM requests").fetchone()[0] == int(new.stdout)


def test_a_standard_given_by_hand_travels_by_name_and_a_desktop_without_it_keeps_it_and_times_by_its_rules(
    dovecot, mailbox, tmp_path
):
    from store.standards.rules import Standard, add_standard

    dovecot.append(mailbox, "INBOX", build(subject="Heizung", message_id="<heat@example.org>"))
    cli_dir = tmp_path / "cli"
    assert _add_account(cli_dir, dovecot, mailbox.username, mailbox.password).returncode == 0
    assert _loket(cli_dir, "standard", "add", "Spoed", "--first-response", "1h").returncode == 0
    assert _loket(cli_dir, "sync", "--once").returncode == 0
    number = str(open_db(cli_dir).execute("SELECT number FROM requests").fetchone()[0])

    unknown = _loket(cli_dir, "request", "set", number, "--standard", "Goud")
    assert unknown.returncode == 2 and len(unknown.stderr.splitlines()) == 1, unknown.stderr
    assert "Goud" in unknown.stderr
    given = _loket(cli_dir, "--as", "Anna", "request", "set", number, "--standard", "Spoed")
    assert (given.returncode, given.stderr) == (0, "")
    shown = json.loads(_loket(cli_dir, "request", "show", number, "--json").stdout)
    assert (shown["standard"], shown["chosen_standard"]) == ("Spoed", "Spoed")

    other = Desktop(dovecot, mailbox, tmp_path / "other")
    other.sync()
    request = other.request("<heat@example.org>")
    assert other.db.execute(
        "SELECT chosen_standard, standard_id FROM requests WHERE id = ?", [request]
    ).fetchone() == ("Spoed", None)
    assert other.history(request, "chosen_standard") == [("Anna", "Spoed")]
    add_standard(other.db, Standard(None, other.account.id, "Spoed", first_response_min=30))
    assert other.db.execute(
        "SELECT s.name, s.first_response_min FROM requests q JOIN standards s ON s.id = q.standard_id "
        "WHERE q.id = ?",
        [request],
    ).fetchone() == ("Spoed", 30)

    back = _loket(cli_dir, "--as", "Ben", "request", "set", number, "--no-standard")
    assert back.returncode == 0, back.stderr
    other.sync()
    assert other.db.execute("SELECT chosen_standard FROM requests WHERE id = ?", [request]).fetchone() == (
        None,
    )
    assert other.history(request, "chosen_standard") == [("Anna", "Spoed"), ("Ben", None)]
