"""Ratings: a token only the mailbox's secret makes, checked as a pure function; a rating from the requester is
recorded without reopening the request or counting as their answer; forged, foreign and repeated ratings behave."""

from __future__ import annotations

import hashlib
import itertools
from datetime import UTC, datetime, timedelta
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store import lifecycle
from store.db import open_memory_db, transaction
from store.fetched import FetchedCopy
from store.filing import FolderState, file_batch
from store.numbers import number_of
from store.ratings import (
    checked_rating,
    comment_of,
    rating_links,
    rating_subject,
    rating_token,
    satisfaction,
    with_rating_links,
)
from store.records import Address, ParsedMessage
from tests.accounts import loopback_account

SECRET = b"s" * 32
OTHER_SECRET = b"t" * 32
DESK = "facilities@example.org"
JAN = "jan@example.org"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
_uids = itertools.count(1)


@given(st.integers(1, 10**9), st.integers(1, 5))
def test_a_subject_made_with_the_secret_checks_and_any_change_is_refused(number, value):
    subject = rating_subject(SECRET, number, value)
    assert checked_rating(SECRET, subject) == (number, value)
    assert checked_rating(SECRET, "Re: " + subject) == (number, value)
    assert checked_rating(OTHER_SECRET, subject) is None
    other = value % 5 + 1
    assert checked_rating(SECRET, subject.replace(f" {value}/5 ", f" {other}/5 ")) is None
    assert checked_rating(SECRET, subject.replace(f"[#{number}]", f"[#{number + 1}]")) is None


def test_a_token_is_made_over_the_number_as_links_already_sent_carry_it():
    assert rating_subject(SECRET, 482913, 4) == "[#482913] rating 4/5 (j3ndwy3p3twt)"


def test_tokens_are_short_and_differ_per_request_and_value():
    tokens = {rating_token(SECRET, number, value) for number in range(1, 50) for value in range(1, 6)}
    assert len(tokens) == 49 * 5
    assert {len(token) for token in tokens} == {12}
    assert checked_rating(SECRET, "Stoel kapot [#12]") is None


def test_the_links_are_one_line_of_five_mailtos_after_the_signature():
    line = rating_links(SECRET, DESK, 7, "nl")
    question, links = line.splitlines()
    assert question.startswith("Hoe deden we het?")
    targets = [part.strip("<>") for part in links.split() if part.startswith("<mailto:")]
    assert len(targets) == 5
    for value, target in enumerate(targets, start=1):
        address, _, subject = target.removeprefix("mailto:").partition("?subject=")
        assert address == DESK
        assert checked_rating(SECRET, unquote(subject)) == (7, value)
    text = "Fixed.\n\n-- \nAnna, Facilities\n\nOn Monday, Jan wrote:\n> my chair"
    assert with_rating_links(text, line) == (
        f"Fixed.\n\n-- \nAnna, Facilities\n{line}\n\nOn Monday, Jan wrote:\n> my chair"
    )
    assert with_rating_links("Fixed.\n", line) == f"Fixed.\n\n-- \n{line}\n"


def test_the_comment_is_what_was_written_above_quotes_and_signatures():
    assert comment_of("Great, thanks!\nVery quick.\n\n-- \nJan\n") == "Great, thanks! Very quick."
    assert comment_of("> quoted\n") == ""
    assert comment_of("") == ""


@pytest.fixture
def desk():
    db = open_memory_db()
    account = loopback_account(db, "facilities", DESK)
    inbox = FolderState(
        db["folders"].insert({"account_id": account.id, "name": "INBOX", "role": "inbox"}).last_pk, "inbox", 1
    )

    def deliver(
        sender: str, subject: str, body: str = "", minutes: int = 0, secret: bytes | None = SECRET
    ) -> int:
        parsed = ParsedMessage(
            message_id=f"<{next(_uids)}@example.org>", in_reply_to=None, references=(), thread_index=None,
            subject=subject, sender=Address("", sender), to=(Address("", DESK),), cc=(),
            date=T0 + timedelta(minutes=minutes), text_body=body, html_body=None, snippet=body, auto_kind="none",
        )  # fmt: skip
        raw = repr(parsed).encode()
        copy = FetchedCopy(
            next(_uids), parsed.date, (), len(raw), hashlib.sha256(raw).hexdigest(), raw, parsed
        )
        (row,) = file_batch(db, account, inbox, [copy], rating_secret=secret)
        return db.execute("SELECT request_id FROM messages WHERE id = ?", [row]).fetchone()[0]

    deliver.db = db
    return deliver


def _number(desk, request_id: int) -> int:
    return number_of(desk.db, request_id)


def _resolved_request(desk) -> int:
    request_id = desk(JAN, "Stoel kapot")
    with transaction(desk.db):
        lifecycle.set_status(desk.db, request_id, "resolved", "anna", T0 + timedelta(minutes=30))
    return request_id


def _state(db, request_id):
    return db.execute(
        "SELECT status, last_activity_at, (SELECT count(*) FROM events WHERE request_id = ? AND kind = 'received') "
        "FROM requests WHERE id = ?",
        [request_id, request_id],
    ).fetchone()


def test_a_valid_rating_from_the_requester_is_recorded_and_changes_nothing_else(desk):
    request_id = _resolved_request(desk)
    assert _number(desk, request_id) != request_id  # the subject names the number mail knows, not the row
    before = _state(desk.db, request_id)
    joined = desk(
        JAN, rating_subject(SECRET, _number(desk, request_id), 4), "Quick and friendly.\n", minutes=60
    )
    assert joined == request_id
    assert satisfaction(desk.db, request_id) == (4, "Quick and friendly.")
    assert _state(desk.db, request_id) == before  # still resolved, no answer counted, no activity


def test_a_forged_rating_is_an_ordinary_message_that_reopens(desk):
    request_id = _resolved_request(desk)
    forged = rating_subject(OTHER_SECRET, _number(desk, request_id), 5)
    assert desk(JAN, forged, minutes=60) == request_id
    assert satisfaction(desk.db, request_id) is None
    assert _state(desk.db, request_id)[0] == "open"


def test_a_rating_from_someone_else_is_an_ordinary_message(desk):
    request_id = _resolved_request(desk)
    desk("piet@example.org", rating_subject(SECRET, _number(desk, request_id), 1), minutes=60)
    assert satisfaction(desk.db, request_id) is None
    kinds = [row[0] for row in desk.db.execute("SELECT kind FROM events WHERE request_id = ?", [request_id])]
    assert "rating" not in kinds


def test_a_second_rating_replaces_the_first_and_without_a_secret_nothing_is_a_rating(desk):
    request_id = _resolved_request(desk)
    desk(JAN, rating_subject(SECRET, _number(desk, request_id), 2), "Slow.", minutes=60)
    desk(JAN, rating_subject(SECRET, _number(desk, request_id), 5), "Now it works!", minutes=90)
    assert satisfaction(desk.db, request_id) == (5, "Now it works!")
    desk(JAN, rating_subject(SECRET, _number(desk, request_id), 3), minutes=120, secret=None)
    assert satisfaction(desk.db, request_id) == (5, "Now it works!")
    assert _state(desk.db, request_id)[0] == "open"


def test_a_rating_for_another_request_is_not_taken_for_this_one(desk):
    first = _resolved_request(desk)
    second = desk("piet@example.org", "Lamp kapot", minutes=5)
    first_number, second_number = _number(desk, first), _number(desk, second)
    subject = rating_subject(SECRET, second_number, 5).replace(f"[#{second_number}]", f"[#{first_number}]")
    desk(JAN, subject, minutes=60)
    assert satisfaction(desk.db, first) is None and satisfaction(desk.db, second) is None


def test_ratings_appear_in_the_export_per_request_and_per_group(desk, tmp_path):
    import csv

    from store.stats.export import export

    rated = _resolved_request(desk)
    desk(JAN, rating_subject(SECRET, _number(desk, rated), 2), minutes=60)
    desk(JAN, rating_subject(SECRET, _number(desk, rated), 4), minutes=70)
    other = desk("piet@example.org", "Lamp kapot", minutes=5)
    desk("piet@example.org", rating_subject(SECRET, _number(desk, other), 5), minutes=80)
    unrated = desk("kees@example.org", "Deur klemt", minutes=6)
    export(desk.db, tmp_path / "r.csv", "csv")
    export(desk.db, tmp_path / "m.csv", "csv", "month")
    with open(tmp_path / "r.csv", encoding="utf-8", newline="") as handle:
        rows = {int(row["request_id"]): row for row in csv.DictReader(handle)}
    assert [rows[_number(desk, key)]["satisfaction"] for key in (rated, other, unrated)] == ["4", "5", ""]
    with open(tmp_path / "m.csv", encoding="utf-8", newline="") as handle:
        (month,) = csv.DictReader(handle)
    assert (month["ratings"], month["satisfaction_avg"]) == ("2", "4.5")
