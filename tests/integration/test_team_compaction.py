"""The Loket folder does not grow by a message per change for ever: a desktop packs the single change messages it
has read into a few, and every desktop, a lagging one and a new one included, still ends with every change."""

from __future__ import annotations

import email
import json
from datetime import UTC, datetime, timedelta

import pytest

from mail import team_folder
from store import team_changes
from store.team_changes import Change
from tests.integration.test_team_folder import T0, Desktop, _team_view
from tests.mailgen import build

pytestmark = pytest.mark.integration


@pytest.fixture
def small_folder(monkeypatch):
    """Compaction after a dozen messages instead of a thousand, packs of five changes instead of five thousand."""
    monkeypatch.setattr(team_folder, "COMPACT_AT", 12)
    monkeypatch.setattr(team_folder, "PACK_SIZE", 5)


def _kinds(server, box, folder):
    client = server.client(box)
    client.select_folder(folder, readonly=True)
    uids = client.search("ALL")
    kinds = [
        str(email.message_from_bytes(data[b"BODY[HEADER]"])["X-Loket-Kind"])
        for data in client.fetch(uids, [b"BODY.PEEK[HEADER]"]).values()
    ]
    client.logout()
    return sorted(kinds)


def test_a_desktop_packs_the_changes_and_lagging_and_new_desktops_still_end_alike(
    server, small_folder, tmp_path
):
    box = server.new_user()
    for name in ("heat", "beamer"):
        server.append(box, "INBOX", build(subject=name, message_id=f"<{name}@example.org>"))
    anna, ben = Desktop(server, box, tmp_path / "anna"), Desktop(server, box, tmp_path / "ben")
    anna.sync(), ben.sync()
    heat, beamer = anna.request("<heat@example.org>"), anna.request("<beamer@example.org>")
    for number in range(6):
        team_changes.add_note(anna.db, heat, f"notitie {number}", "Anna", T0 + timedelta(minutes=number))
    anna.sync()
    ben.sync()  # Ben has read these six; the next ones he reads only after they are packed
    for number in range(8):
        team_changes.set_field(anna.db, beamer, "priority", ("high", "low")[number % 2], "Anna", T0)
        team_changes.add_note(anna.db, beamer, f"beamer {number}", "Anna", T0 + timedelta(minutes=number))
    team_changes.mark_replying(anna.db, heat, "Anna", datetime.now(UTC) - timedelta(hours=1), replying=True)
    anna.sync()  # pushes 17, reads nothing new, finds 24 messages: packs its 23 single ones
    anna.sync()
    folder = anna.db.execute("SELECT name FROM team_folders").fetchone()[0]
    kinds = _kinds(server, box, folder)
    assert kinds.count("change") == 0 and kinds.count("mailbox-secret") == 1
    assert kinds.count("pack") == 5  # 22 changes, the expired replying sign left out

    ben.sync()
    fresh = Desktop(server, box, tmp_path / "fresh")
    fresh.sync()
    assert _team_view(fresh) == _team_view(anna) == _team_view(ben)
    assert len(ben.notes(beamer)) == 8 and len(fresh.notes(heat)) == 6


def test_a_change_this_version_cannot_read_is_packed_as_written_and_one_unread_stays(
    dovecot, small_folder, tmp_path
):
    box = dovecot.new_user()
    dovecot.append(box, "INBOX", build(subject="heat", message_id="<heat@example.org>"))
    anna = Desktop(dovecot, box, tmp_path / "anna")
    anna.sync()
    heat = anna.request("<heat@example.org>")
    future = Change("f1", "<heat@example.org>", "future_field", {"x": 1}, "Zoë", T0)
    dovecot.append(box, "Loket", team_folder.change_message(future, "desk@example.org"), [b"\\Seen"])
    for number in range(12):
        team_changes.add_note(anna.db, heat, f"notitie {number}", "Anna", T0 + timedelta(minutes=number))
    anna.sync()  # reads the change it cannot apply, then packs
    late = Change("late", "<heat@example.org>", "note", "te laat", "Ben", T0)
    dovecot.append(box, "Loket", team_folder.change_message(late, "desk@example.org"), [b"\\Seen"])
    assert team_folder.compact(anna.db, _session(anna), anna.account.id, "Loket", "desk@example.org") == 0

    client = dovecot.client(box)
    client.select_folder("Loket", readonly=True)
    packs = client.search(["HEADER", "X-Loket-Kind", "pack"])
    written = [
        entry
        for data in client.fetch(packs, [b"BODY.PEEK[]"]).values()
        for entry in json.loads(email.message_from_bytes(data[b"BODY[]"]).get_payload(decode=True))
    ]
    assert {"change": "f1", "field": "future_field"}.items() <= next(
        e for e in written if e["change"] == "f1"
    ).items()
    assert len(written) == 13
    assert client.search(["HEADER", "X-Loket-Kind", "change"]) != []  # the one nobody had read when packing
    client.logout()


def _session(desk):
    from mail.sync import open_session

    return open_session(desk.account, desk.password)
