"""A running sync shows a colleague's change within two seconds: IDLE on INBOX, and a second connection that IDLEs
on the Loket folder. Also on a server without CONDSTORE."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from mail.follow import run_forever
from mail.team_folder import share_queued
from store import team_changes
from store.standards.rules import Standard, add_standard
from tests.integration.test_team_folder import Desktop, enter_by_hand
from tests.mailgen import build

pytestmark = pytest.mark.integration
LIMIT_SECONDS = 2.0


class Following:
    """A desktop whose sync runs as in the window, until the test ends."""

    def __init__(self, desk: Desktop, data_dir) -> None:
        self.desk = desk
        self.states: list[str] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(
            target=run_forever,
            args=(data_dir, desk.account, desk.password, self.stop, lambda s, _i: self.states.append(s)),
        )

    def __enter__(self) -> Following:
        self.thread.start()
        deadline = time.monotonic() + 30
        while "up_to_date" not in self.states and time.monotonic() < deadline:
            time.sleep(0.02)
        return self

    def __exit__(self, *_exc) -> None:
        self.stop.set()
        self.thread.join(timeout=30)
        assert not self.thread.is_alive()

    def seconds_until(self, holds: Callable[[], bool]) -> float:
        start = time.monotonic()
        while not holds():
            if time.monotonic() - start > 10:
                return float("inf")
            time.sleep(0.01)
        return time.monotonic() - start


def test_each_kind_of_change_shows_on_a_following_desktop_within_two_seconds(server, tmp_path, request):
    box = server.new_user()
    server.append(box, "INBOX", build(subject="Heizung", message_id="<heat@example.org>"))
    server.append(box, "INBOX", build(subject="Beamer", message_id="<beamer@example.org>"))
    anna, ben = Desktop(server, box, tmp_path / "anna"), Desktop(server, box, tmp_path / "ben")
    anna.sync()
    heat, beamer = anna.request("<heat@example.org>"), anna.request("<beamer@example.org>")
    times: dict[str, float] = {}

    def measure(kind: str, change: Callable[[], object], holds: Callable[[], bool]) -> None:
        change()
        share_queued(anna.db, anna.account, anna.password)  # as the command line does, at once
        times[kind] = following.seconds_until(holds)

    now = datetime.now(UTC)
    with Following(ben, tmp_path / "ben") as following:
        for field, value in (
            ("status", "open"),
            ("assignee", "Ben"),
            ("priority", "high"),
            ("category", "IT"),
        ):
            measure(
                field,
                lambda f=field, v=value: team_changes.set_field(anna.db, heat, f, v, "Anna", now),
                lambda f=field, v=value: (
                    ben.fields(heat)[("status", "assignee", "priority", "category").index(f)] == v
                ),
            )
        add_standard(anna.db, Standard(None, anna.account.id, "Spoed", first_response_min=60))
        measure(
            "standard",
            lambda: team_changes.set_field(anna.db, heat, "chosen_standard", "Spoed", "Anna", now),
            lambda: (
                ben.db.execute("SELECT chosen_standard FROM requests WHERE id = ?", [heat]).fetchone()[0]
                == "Spoed"
            ),
        )
        measure(
            "replying",
            lambda: team_changes.mark_replying(anna.db, heat, "Anna", datetime.now(UTC), replying=True),
            lambda: team_changes.replying_now(ben.db, heat, datetime.now(UTC)) != [],
        )
        measure(
            "replying ended",
            lambda: team_changes.mark_replying(anna.db, heat, "Anna", datetime.now(UTC), replying=False),
            lambda: team_changes.replying_now(ben.db, heat, datetime.now(UTC)) == [],
        )
        measure(
            "note",
            lambda: team_changes.add_note(anna.db, heat, "Monteur", "Anna", now),
            lambda: len(ben.notes(heat)) == 1,
        )
        phoned: list[int] = []
        measure(
            "new",
            lambda: phoned.append(enter_by_hand(anna, "Sleutel", "", "phone")),
            lambda: ben.db.execute("SELECT 1 FROM requests WHERE id = ?", [phoned[0]]).fetchone() is not None,
        )
        measure(
            "merge",
            lambda: team_changes.merge(anna.db, beamer, heat, "Anna", now),
            lambda: (
                ben.db.execute("SELECT merged_into FROM requests WHERE id = ?", [beamer]).fetchone()[0]
                == heat
            ),
        )
        message = anna.db.execute(
            "SELECT id FROM messages WHERE message_id = '<beamer@example.org>'"
        ).fetchone()[0]
        split: list[int] = []
        measure(
            "split",
            lambda: split.append(team_changes.split(anna.db, message, "Anna", now)),
            lambda: (
                ben.db.execute(
                    "SELECT 1 FROM requests WHERE id = ? AND merged_into IS NULL", [split[0]]
                ).fetchone()
                is not None
            ),
        )
    print(f"\npropagation ({request.node.callspec.params['server']}):", times)
    assert max(times.values()) < LIMIT_SECONDS, times


def test_a_change_made_on_the_following_desktop_itself_is_pushed_without_waiting_for_mail(dovecot, tmp_path):
    box = dovecot.new_user()
    dovecot.append(box, "INBOX", build(subject="Heizung", message_id="<heat@example.org>"))
    anna, ben = Desktop(dovecot, box, tmp_path / "anna"), Desktop(dovecot, box, tmp_path / "ben")
    ben.sync()
    with Following(anna, tmp_path / "anna") as following:
        heat = anna.request("<heat@example.org>")
        team_changes.add_note(anna.db, heat, "uit het venster", "Anna", datetime.now(UTC))
        assert (
            following.seconds_until(lambda: not team_changes.has_queued(anna.db, anna.account.id))
            < LIMIT_SECONDS
        )
    ben.sync()
    assert len(ben.notes(heat)) == 1
