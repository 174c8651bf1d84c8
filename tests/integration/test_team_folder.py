"""Desktops on one mailbox share every change people make through Loket's own folder: status, assignee, priority,
category, notes, requests entered by hand, merges and splits; conflicts converge, offline changes wait."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mail.errors import ServerUnavailable
from mail.sync import sync_once
from store import team_changes
from store.db import open_db
from store.standards.rules import Standard, add_standard
from tests.accounts import loopback_account
from tests.mailgen import build

pytestmark = pytest.mark.integration
DESK = "facilities@example.org"
T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


class Desktop:
    """One data dir on the shared mailbox."""

    def __init__(self, dovecot, box, data_dir):
        self.db = open_db(data_dir)
        self.account = loopback_account(
            self.db, "facilities", DESK, imap_port=dovecot.port, smtp_port=2525, username=box.username
        )
        self.password = box.password

    def sync(self):
        return sync_once(self.db, self.account, self.password)

    def request(self, message_id):
        return team_changes.find_request(self.db, self.account.id, message_id)

    def fields(self, request_id):
        return self.db.execute(
            "SELECT status, assignee, priority, category FROM requests WHERE id = ?", [request_id]
        ).fetchone()

    def notes(self, request_id):
        return self.db.execute(
            "SELECT actor, at, json_extract(data_json, '$.text') FROM events "
            "WHERE request_id = ? AND kind = 'note' ORDER BY at, id",
            [request_id],
        ).fetchall()

    def history(self, request_id, kind):
        return self.db.execute(
            "SELECT actor, json_extract(data_json, '$.to') FROM events WHERE request_id = ? AND kind = ? "
            "ORDER BY at, id",
            [request_id, kind],
        ).fetchall()


def enter_by_hand(desk, subject, text, channel):
    return team_changes.create_manual(
        desk.db,
        account_id=desk.account.id,
        requester_address="piet@example.org",
        requester_name="Piet",
        subject=subject,
        text=text,
        channel=channel,
        actor="Anna",
        at=T0,
    )


@pytest.fixture
def desks(dovecot, mailbox, tmp_path):
    def make(name):
        return Desktop(dovecot, mailbox, tmp_path / name)

    dovecot.append(mailbox, "INBOX", build(subject="Heizung kalt", message_id="<heat@example.org>"))
    dovecot.append(mailbox, "INBOX", build(subject="Beamer", message_id="<beamer@example.org>"))
    return make


def test_every_kind_of_change_reaches_the_other_desktop_with_who_made_it(desks, dovecot, mailbox):
    anna, ben = desks("anna"), desks("ben")
    anna.sync(), ben.sync()
    heat = anna.request("<heat@example.org>")
    team_changes.set_field(anna.db, heat, "status", "waiting_colleague", "Anna", T0)
    team_changes.set_field(anna.db, heat, "assignee", "Jürgen Weiß", "Anna", T0)
    team_changes.set_field(anna.db, heat, "priority", "urgent", "Anna", T0)
    team_changes.set_field(anna.db, heat, "category", "Gebouw", "Anna", T0)
    team_changes.add_note(anna.db, heat, "Monteur komt dinsdag", "Anna", T0)
    phoned = enter_by_hand(anna, "Sleutel kwijt", "Belde om 10 uur", "phone")
    assert anna.sync().shared_changes_pushed == 6

    received = ben.sync()
    assert received.shared_changes_received == 6
    ben_heat = ben.request("<heat@example.org>")
    assert ben.fields(ben_heat) == ("waiting_colleague", "Jürgen Weiß", "urgent", "Gebouw")
    assert [(a, text) for a, _, text in ben.notes(ben_heat)] == [("Anna", "Monteur komt dinsdag")]
    assert ben.history(ben_heat, "priority") == [("Anna", "urgent")]
    key = team_changes.request_key(anna.db, phoned)
    ben_phoned = ben.request(key)
    assert ben.db.execute(
        "SELECT subject, channel, r.address FROM requests q JOIN requesters r ON r.id = q.requester_id "
        "WHERE q.id = ?",
        [ben_phoned],
    ).fetchone() == ("Sleutel kwijt", "phone", "piet@example.org")
    assert [text for _, _, text in ben.notes(ben_phoned)] == ["Belde om 10 uur"]
    assert received.requests_changed_by_team == {ben_heat, ben_phoned}

    again = ben.sync()
    assert (again.shared_changes_received, again.requests_changed_by_team) == (0, set())
    assert len(ben.notes(ben_heat)) == 1


def test_changes_never_show_as_new_mail_and_stay_out_of_inbox(desks, dovecot, mailbox):
    anna = desks("anna")
    anna.sync()
    team_changes.add_note(anna.db, anna.request("<heat@example.org>"), "intern", "Anna", T0)
    anna.sync()
    client = dovecot.client(mailbox)
    client.select_folder("INBOX", readonly=True)
    assert len(client.search("ALL")) == 2
    client.select_folder("Loket", readonly=True)
    assert len(client.search(["HEADER", "X-Loket-Kind", "change"])) == 1  # beside the mailbox's rating secret
    flags = client.get_flags(client.search("ALL"))
    assert all(b"\\Seen" in f for f in flags.values())
    client.logout()


def test_two_changes_to_one_field_at_about_the_same_time_end_alike_with_both_in_the_history(desks):
    anna, ben = desks("anna"), desks("ben")
    anna.sync(), ben.sync()
    a_heat, b_heat = anna.request("<heat@example.org>"), ben.request("<heat@example.org>")
    team_changes.set_field(ben.db, b_heat, "priority", "high", "Ben", T0 + timedelta(seconds=1))
    team_changes.set_field(anna.db, a_heat, "priority", "low", "Anna", T0)
    ben.sync()  # the later change reaches the folder first
    anna.sync()
    ben.sync()
    assert anna.fields(a_heat)[2] == ben.fields(b_heat)[2] == "high"
    for desk, request in ((anna, a_heat), (ben, b_heat)):
        assert sorted(desk.history(request, "priority")) == [("Anna", "low"), ("Ben", "high")]


def test_merge_and_split_reach_the_other_desktop(desks, dovecot, mailbox):
    anna, ben = desks("anna"), desks("ben")
    anna.sync(), ben.sync()
    heat, beamer = anna.request("<heat@example.org>"), anna.request("<beamer@example.org>")
    team_changes.merge(anna.db, beamer, heat, "Anna", T0)
    anna.sync(), ben.sync()
    b_heat, b_beamer = ben.request("<heat@example.org>"), ben.request("<beamer@example.org>")
    assert ben.db.execute("SELECT merged_into FROM requests WHERE id = ?", [b_beamer]).fetchone()[0] == b_heat
    message = anna.db.execute("SELECT id FROM messages WHERE message_id = '<beamer@example.org>'").fetchone()[
        0
    ]
    team_changes.split(anna.db, message, "Anna", T0 + timedelta(minutes=1))
    anna.sync(), ben.sync()
    split_off = ben.db.execute(
        "SELECT q.id FROM requests q JOIN messages m ON m.id = q.first_message_id "
        "WHERE m.message_id = '<beamer@example.org>' AND q.merged_into IS NULL"
    ).fetchone()
    assert split_off is not None
    assert (
        ben.db.execute(
            "SELECT request_id FROM messages WHERE message_id = '<beamer@example.org>'"
        ).fetchone()[0]
        == split_off[0]
    )


def test_a_change_made_while_the_server_is_away_is_pushed_once_when_it_is_back(desks, dovecot, mailbox):
    anna, ben = desks("anna"), desks("ben")
    anna.sync(), ben.sync()
    heat = anna.request("<heat@example.org>")
    dovecot.stop()
    try:
        team_changes.add_note(anna.db, heat, "Offline genoteerd", "Anna", T0)
        with pytest.raises(ServerUnavailable):
            anna.sync()
        assert len(team_changes.queued(anna.db, anna.account.id)) == 1
    finally:
        dovecot.start()
    assert anna.sync().shared_changes_pushed == 1
    assert anna.sync().shared_changes_pushed == 0
    ben.sync()
    assert [text for _, _, text in ben.notes(ben.request("<heat@example.org>"))] == ["Offline genoteerd"]


def test_a_new_desktop_rebuilds_everything_the_others_have_from_the_mailbox(server, tmp_path):
    box = server.new_user()
    for name in ("heat", "beamer", "printer"):
        server.append(box, "INBOX", build(subject=name, message_id=f"<{name}@example.org>"))
    anna, ben = Desktop(server, box, tmp_path / "anna"), Desktop(server, box, tmp_path / "ben")
    anna.sync(), ben.sync()
    heat, beamer = anna.request("<heat@example.org>"), anna.request("<beamer@example.org>")
    team_changes.set_field(anna.db, heat, "assignee", "Eva", "Anna", T0)
    team_changes.set_field(anna.db, heat, "category", "Gebouw", "Anna", T0)
    team_changes.set_field(ben.db, heat, "priority", "urgent", "Ben", T0)
    team_changes.set_field(ben.db, beamer, "status", "resolved", "Ben", T0)
    add_standard(anna.db, Standard(None, anna.account.id, "Spoed", first_response_min=60))
    team_changes.set_field(anna.db, heat, "chosen_standard", "Spoed", "Anna", T0)  # a standard only Anna has
    team_changes.add_note(anna.db, heat, "eerst bellen", "Anna", T0)
    enter_by_hand(anna, "Balie", "Kwam langs", "desk")
    team_changes.merge(ben.db, beamer, heat, "Ben", T0 + timedelta(minutes=1))
    for desk in (anna, ben, anna):
        desk.sync()
    fresh = Desktop(server, box, tmp_path / "fresh")
    fresh.sync()
    assert _team_view(fresh) == _team_view(anna) == _team_view(ben)
    assert len(_team_view(fresh)) == 4


def _team_view(desk):
    """What a colleague must see alike: numbers, fields, merges, notes and who changed what."""
    requests = desk.db.execute(
        "SELECT q.number, coalesce(k.key, m.message_id), q.subject, q.status, q.assignee, q.priority, q.category, "
        "q.channel, (SELECT t.number FROM requests t WHERE t.id = q.merged_into), q.chosen_standard "
        "FROM requests q LEFT JOIN messages m ON m.id = q.first_message_id "
        "LEFT JOIN request_keys k ON k.request_id = q.id ORDER BY q.number"
    ).fetchall()
    history = desk.db.execute(
        "SELECT q.number, e.kind, e.actor, "
        "coalesce(json_extract(e.data_json, '$.to'), json_extract(e.data_json, '$.text')) "
        "FROM events e JOIN requests q ON q.id = e.request_id "
        "WHERE e.kind IN ('status', 'assignee', 'priority', 'category', 'chosen_standard', 'note', 'merged') "
        "ORDER BY q.number, e.at, e.kind, e.actor"
    ).fetchall()
    return [(*request, [h[1:] for h in history if h[0] == request[0]]) for request in requests]


def test_every_desktop_numbers_a_request_alike_whatever_order_it_synced_in_and_after_a_uidvalidity_change(
    dovecot, mailbox, tmp_path
):
    anna = Desktop(dovecot, mailbox, tmp_path / "anna")
    anna.sync()
    enter_by_hand(anna, "Sleutel", "", "phone")
    for number in range(3):
        dovecot.append(
            mailbox, "INBOX", build(subject=f"Vraag {number}", message_id=f"<q{number}@example.org>")
        )
        anna.sync()
    ben = Desktop(dovecot, mailbox, tmp_path / "ben")
    ben.sync()
    numbers = _numbers(anna)
    assert len(numbers) == 4 and numbers == _numbers(ben)
    assert all(100_000 <= number <= 999_999 for number in numbers.values())
    dovecot.reset_uidvalidity(mailbox, "INBOX")
    anna.sync()
    assert _numbers(anna) == numbers


def _numbers(desk):
    return dict(
        desk.db.execute(
            "SELECT coalesce(k.key, m.message_id), q.number FROM requests q "
            "LEFT JOIN messages m ON m.id = q.first_message_id LEFT JOIN request_keys k ON k.request_id = q.id"
        ).fetchall()
    )


class CommandLog:
    """The IMAP commands a session sends, read from imaplib as it writes them."""

    def __init__(self, client):
        self.commands: list[str] = []
        command = client._imap._command

        def logged(name, *args):
            first = args[0] if args else b""
            first = first.decode() if isinstance(first, bytes) else str(first)
            self.commands.append(f"{name} {first}".strip())
            return command(name, *args)

        client._imap._command = logged


def test_a_pass_with_no_change_asks_the_loket_folder_one_status_and_one_change_costs_a_few_commands(
    server, tmp_path
):
    from mail.sync import open_session

    box = server.new_user()
    server.append(box, "INBOX", build(subject="Heizung", message_id="<heat@example.org>"))
    anna, ben = Desktop(server, box, tmp_path / "anna"), Desktop(server, box, tmp_path / "ben")
    anna.sync(), ben.sync()
    client = open_session(ben.account, ben.password)
    log = CommandLog(client)
    sync_once(ben.db, ben.account, ben.password, client=client)
    folder = ben.db.execute("SELECT name FROM team_folders").fetchone()[0]  # INBOX.Loket on Courier
    team_commands = [c for c in log.commands if "Loket" in c]
    assert team_commands == [f'STATUS "{folder}"'], log.commands

    team_changes.add_note(anna.db, anna.request("<heat@example.org>"), "één", "Anna", T0)
    pusher = open_session(anna.account, anna.password)
    pushed = CommandLog(pusher)
    sync_once(anna.db, anna.account, anna.password, client=pusher)
    assert [c for c in pushed.commands if "Loket" in c] == [f'APPEND "{folder}"', f'STATUS "{folder}"']
    team_changes.add_note(ben.db, ben.request("<heat@example.org>"), "twee", "Ben", T0)
    ben.sync()
    team_changes.add_note(anna.db, anna.request("<heat@example.org>"), "drie", "Anna", T0)
    assert anna.sync().shared_changes_received == 1  # Ben's came between: read, and Anna's own with it
    log.commands.clear()
    sync_once(ben.db, ben.account, ben.password, client=client)
    reading = [c for c in log.commands if "Loket" in c or c.startswith(("UID", "SEARCH", "FETCH"))]
    assert len(reading) <= 4, log.commands
    for session in (client, pusher):
        session.logout()


@pytest.mark.parametrize("first", ["anna", "ben"])
def test_a_status_conflict_ends_alike_where_keywords_also_carry_the_status(desks, first):
    anna, ben = desks("anna"), desks("ben")
    anna.sync(), ben.sync()
    heat = anna.request("<heat@example.org>")
    team_changes.set_field(anna.db, heat, "status", "waiting_colleague", "Anna", T0)
    team_changes.set_field(anna.db, heat, "assignee", "Anna", "Anna", T0)
    team_changes.set_field(ben.db, heat, "status", "resolved", "Ben", T0 + timedelta(seconds=1))
    team_changes.set_field(ben.db, heat, "assignee", "Ben", "Ben", T0 + timedelta(seconds=1))
    order = (anna, ben) if first == "anna" else (ben, anna)
    for desk in (*order, *order):
        desk.sync()
    assert anna.fields(heat)[:2] == ben.fields(heat)[:2] == ("resolved", "Ben")
    for desk in (anna, ben):
        again = desk.sync()
        assert (again.team_changes_taken, again.team_changes_pushed, again.shared_changes_pushed) == (0, 0, 0)
