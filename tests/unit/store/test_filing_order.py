"""Filing a mailbox in any order ends in the requests, statuses and waits that filing it in date order gives: folders
are synced one after the other, so mail is filed after newer mail all the time."""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from store import lifecycle
from store.db import open_memory_db, transaction
from store.fetched import FetchedCopy
from store.filing import FolderState, file_copy
from store.records import Address, ParsedMessage
from store.timeutil import from_db
from tests.accounts import loopback_account

DESK = "facilities@example.org"
COLLEAGUE = "helpdesk@it.example.org"
REQUESTERS = ("jan@example.org", "anna@example.org", "piet@example.org")
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
NOW = T0 + timedelta(days=30)
_uids = itertools.count(1)


@dataclass
class Thread:
    ids: list[str] = field(default_factory=list)
    forward: str | None = None


def conversation(steps: list[tuple[int, str, int]]) -> list[tuple[ParsedMessage, str]]:
    """Messages in date order, each with its folder: requests opened by their requesters, then follow-ups, desk
    replies, forwards to a colleague in another department and the colleague's answers, each answering the
    thread so far (In-Reply-To the message before, References all of them)."""
    threads: dict[int, Thread] = {}
    messages: list[tuple[ParsedMessage, str]] = []
    at = T0
    for number, (which, action, gap) in enumerate(steps):
        at += timedelta(minutes=gap)
        requester = REQUESTERS[which]
        thread = threads.setdefault(which, Thread())
        if not thread.ids:
            action = "requester"
        if action == "colleague" and thread.forward is None:
            action = "forward"
        sender, to, answered = {
            "requester": (requester, DESK, thread.ids[-1:]),
            "reply": (DESK, requester, thread.ids[-1:]),
            "forward": (DESK, COLLEAGUE, thread.ids[-1:]),
            "colleague": (COLLEAGUE, DESK, [thread.forward]),
        }[action]
        message_id = f"<m{number}@{sender.partition('@')[2]}>"
        parsed = ParsedMessage(
            message_id=message_id,
            in_reply_to=answered[0] if answered else None,
            references=tuple(thread.ids),
            thread_index=None,
            subject=f"{'Re: ' if thread.ids else ''}Verzoek {which}",
            sender=Address("", sender),
            to=(Address("", to),),
            cc=(),
            date=at,
            text_body="tekst",
            html_body=None,
            snippet="tekst",
            auto_kind="none",
        )
        thread.ids.append(message_id)
        if action == "forward":
            thread.forward = message_id
        messages.append((parsed, "sent" if sender == DESK else "inbox"))
    return messages


def file_all(messages: list[tuple[ParsedMessage, str]]) -> dict[frozenset[str], tuple]:
    """File the messages in the order given into a fresh store; what each request ended as, keyed by the
    Message-IDs it holds."""
    db = open_memory_db()
    account = loopback_account(db, "facilities", DESK)
    folders = {
        role: FolderState(
            db["folders"].insert({"account_id": account.id, "name": name, "role": role}).last_pk, role, 1
        )
        for role, name in (("inbox", "INBOX"), ("sent", "Sent"))
    }
    for parsed, role in messages:
        raw = repr(parsed).encode()
        copy = FetchedCopy(
            next(_uids), parsed.date, (), len(raw), hashlib.sha256(raw).hexdigest(), raw, parsed
        )
        with transaction(db):
            file_copy(db, account, folders[role], copy)
    outcome = {}
    requests = db.execute(
        "SELECT q.id, q.status, q.received_at, q.first_response_at, q.resolved_at, r.address FROM requests q "
        "JOIN requesters r ON r.id = q.requester_id WHERE q.merged_into IS NULL"
    ).fetchall()
    for request_id, status, received_at, first_response_at, resolved_at, requester in requests:
        ids = frozenset(
            row[0] for row in db.execute("SELECT message_id FROM messages WHERE request_id = ?", [request_id])
        )
        received = from_db(received_at)
        assert received is not None
        periods = lifecycle.status_periods(received, lifecycle.load_events(db, request_id))
        waits = lifecycle.colleague_wait_seconds(periods, NOW)
        shown = [(p.status, p.start, p.end, p.department) for p in periods]
        outcome[ids] = (requester, status, received_at, first_response_at, resolved_at, shown, waits)
    unfiled = db.execute("SELECT COUNT(*) FROM messages WHERE request_id IS NULL").fetchone()[0]
    assert unfiled == 0
    return outcome


STEPS = st.lists(
    st.tuples(
        st.integers(0, len(REQUESTERS) - 1),
        st.sampled_from(["requester", "reply", "forward", "colleague"]),
        st.integers(1, 60 * 24),
    ),
    min_size=1,
    max_size=9,
)


@settings(max_examples=150, deadline=None)
@given(steps=STEPS, data=st.data())
def test_any_filing_order_gives_the_requests_statuses_and_waits_of_date_order(steps, data) -> None:
    messages = conversation(steps)
    in_date_order = file_all(messages)
    shuffled = data.draw(st.permutations(messages), label="filing order")
    assert file_all(shuffled) == in_date_order


def test_a_colleagues_answer_filed_before_the_forward_still_counts_the_wait_on_their_department() -> None:
    messages = conversation([(0, "requester", 0), (0, "forward", 30), (0, "colleague", 90), (0, "reply", 10)])
    inbox_first = [m for m in messages if m[1] == "inbox"] + [m for m in messages if m[1] == "sent"]
    [(_requester, status, *_rest, waits)] = file_all(inbox_first).values()
    assert status == "waiting"
    assert waits == {"it.example.org": 90 * 60.0}


def test_within_one_second_a_reply_answers_the_requester_and_a_colleague_answers_our_forward():
    from store.status_flow import Step, replay

    second = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    asked = Step(second, "received", "requester", 2)
    answered = Step(second.replace(microsecond=900_000), "replied", "eva", 1)
    assert replay([asked, answered])[1] == "waiting"
    forwarded = Step(
        second.replace(microsecond=500_000), "replied", "eva", 1, status_after="waiting_colleague"
    )
    colleague = Step(second, "colleague_answered", "colleague", 2)
    assert replay([forwarded, colleague])[1] == "open"
