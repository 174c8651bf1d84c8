"""Desktops on one Courier-IMAP mailbox started with IMAP_KEYWORDS=0 (no custom keywords, no CONDSTORE, folders
below ``INBOX.``): as on Microsoft Exchange and 365, every change travels through Loket's folder alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mail.sync import open_session, sync_once
from store import team_changes
from tests.integration.test_team_folder import T0, CommandLog, Desktop, _team_view, enter_by_hand
from tests.mailgen import build

pytestmark = pytest.mark.integration


@pytest.fixture
def box(courier):
    courier.start()
    box = courier.new_user()
    for name in ("heat", "beamer", "printer"):
        courier.append(box, "INBOX", build(subject=name, message_id=f"<{name}@example.org>"))
    return box


def test_courier_without_keywords_is_what_the_tests_say_it_is(courier, box):
    client = courier.client(box)
    selected = client.select_folder("INBOX")
    assert b"\\*" not in selected[b"PERMANENTFLAGS"]
    assert not client.has_capability("CONDSTORE") and not client.has_capability("UNSELECT")
    client.logout()


def test_every_kind_of_change_travels_and_a_new_desktop_ends_identical(courier, box, tmp_path):
    anna, ben = Desktop(courier, box, tmp_path / "anna"), Desktop(courier, box, tmp_path / "ben")
    anna.sync(), ben.sync()
    heat, beamer = anna.request("<heat@example.org>"), anna.request("<beamer@example.org>")
    printer = anna.request("<printer@example.org>")
    team_changes.set_field(anna.db, heat, "status", "waiting_colleague", "Anna", T0)
    team_changes.set_field(anna.db, heat, "assignee", "Jürgen Weiß", "Anna", T0)
    team_changes.set_field(ben.db, heat, "priority", "urgent", "Ben", T0)
    team_changes.set_field(ben.db, heat, "category", "Gebouw", "Ben", T0)
    team_changes.add_note(anna.db, heat, "Monteur komt dinsdag", "Anna", T0)
    phoned = enter_by_hand(anna, "Sleutel kwijt", "Belde om 10 uur", "phone")
    team_changes.merge(ben.db, printer, heat, "Ben", T0 + timedelta(minutes=1))
    team_changes.merge(anna.db, beamer, heat, "Anna", T0 + timedelta(minutes=1))
    for desk in (anna, ben, anna):
        desk.sync()
    message = anna.db.execute("SELECT id FROM messages WHERE message_id = '<beamer@example.org>'").fetchone()[
        0
    ]
    team_changes.split(anna.db, message, "Anna", T0 + timedelta(minutes=2))
    anna.sync(), ben.sync()

    assert ben.fields(heat) == ("waiting_colleague", "Jürgen Weiß", "urgent", "Gebouw")
    assert ben.request(team_changes.request_key(anna.db, phoned)) == phoned
    assert ben.db.execute("SELECT merged_into FROM requests WHERE id = ?", [printer]).fetchone()[0] == heat
    assert ben.db.execute(
        "SELECT q.merged_into FROM messages m JOIN requests q ON q.id = m.request_id "
        "WHERE m.message_id = '<beamer@example.org>'"
    ).fetchone() == (None,)
    fresh = Desktop(courier, box, tmp_path / "fresh")
    fresh.sync()
    assert _team_view(fresh) == _team_view(anna) == _team_view(ben)
    assert len(_team_view(fresh)) == 5  # three by mail, one by phone, one split off


def test_syncs_after_a_status_change_never_fail_and_new_mail_still_comes_in(courier, box, tmp_path):
    anna, ben = Desktop(courier, box, tmp_path / "anna"), Desktop(courier, box, tmp_path / "ben")
    anna.sync(), ben.sync()
    heat = anna.request("<heat@example.org>")
    team_changes.set_field(anna.db, heat, "status", "resolved", "Anna", datetime.now(UTC))
    for number in range(3):
        courier.append(box, "INBOX", build(subject=f"Vraag {number}", message_id=f"<q{number}@example.org>"))
        for desk in (anna, ben):
            assert desk.sync().new_messages == 1
            assert desk.db.execute("SELECT last_error FROM accounts").fetchone()[0] is None
    assert ben.fields(heat)[0] == "resolved"
    client = courier.client(box)
    client.select_folder("INBOX", readonly=True)
    assert all(
        not any(flag.startswith(b"$Loket") for flag in flags)
        for flags in client.get_flags(client.search("ALL")).values()
    )
    client.logout()


def test_a_change_after_a_pass_that_read_the_folder_is_appended_in_the_same_session(courier, box, tmp_path):
    """Courier refuses an APPEND to the folder the session has selected read-only; the pass that read the Loket
    folder leaves it, so the next pass's APPEND on the same connection is taken."""
    anna, ben = Desktop(courier, box, tmp_path / "anna"), Desktop(courier, box, tmp_path / "ben")
    anna.sync()
    heat = anna.request("<heat@example.org>")
    team_changes.add_note(anna.db, heat, "eerst", "Anna", T0)
    anna.sync()
    session = open_session(ben.account, ben.password)
    log = CommandLog(session)
    sync_once(ben.db, ben.account, ben.password, client=session)  # reads the folder: EXAMINE INBOX.Loket
    assert 'EXAMINE "INBOX.Loket"' in log.commands
    team_changes.add_note(ben.db, heat, "daarna", "Ben", T0 + timedelta(minutes=1))
    assert sync_once(ben.db, ben.account, ben.password, client=session).shared_changes_pushed == 1
    assert not team_changes.has_queued(ben.db, ben.account.id)
    session.logout()
    anna.sync()
    assert [text for _, _, text in anna.notes(heat)] == ["eerst", "daarna"]


def test_a_pass_that_finds_no_change_asks_courier_for_no_keywords(courier, box, tmp_path):
    """Where the server keeps no keywords, a status change costs no SELECT for a STORE on every later pass."""
    anna = Desktop(courier, box, tmp_path / "anna")
    anna.sync()
    team_changes.set_field(anna.db, anna.request("<heat@example.org>"), "status", "open", "Anna", T0)
    anna.sync()
    session = open_session(anna.account, anna.password)
    log = CommandLog(session)
    for _ in range(2):
        sync_once(anna.db, anna.account, anna.password, client=session)
    session.logout()
    assert not [c for c in log.commands if c.startswith(("SELECT", "STORE", "UID STORE"))], log.commands
