import base64
import hashlib
import itertools
import json
import pickle
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.db import open_memory_db, transaction
from store.fetched import FetchedCopy, _json_addresses, _json_strings
from store.filing import FolderState, KnownRequesters, file_batch, file_copy
from store.numbers import number_of
from store.records import Address, AttachmentData, ParsedMessage
from store.search import fts_query
from tests.accounts import loopback_account
from tests.request_rows import request_row

DESK = "facilities@example.org"
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
_uids = itertools.count(1)


def message(
    sender: str,
    subject: str = "Stoel kapot",
    message_id: str | None = None,
    in_reply_to: str | None = None,
    references: tuple[str, ...] = (),
    minutes: int = 0,
    auto_kind: str = "none",
    thread_index: str | None = None,
    name: str = "",
    to: str | None = None,
) -> ParsedMessage:
    """A message as the parser would hand it over; the desk's mail goes to Jan unless ``to`` says otherwise."""
    to = to or ("jan@example.org" if sender == DESK else DESK)
    return ParsedMessage(
        message_id=message_id,
        in_reply_to=in_reply_to,
        references=references,
        thread_index=thread_index,
        subject=subject,
        sender=Address(name, sender),
        to=(Address("", to),),
        cc=(),
        date=T0 + timedelta(minutes=minutes),
        text_body="body",
        html_body=None,
        snippet="body",
        auto_kind=auto_kind,
    )


@pytest.fixture
def store():
    db = open_memory_db()
    account = loopback_account(db, "facilities", DESK)
    inbox = FolderState(
        db["folders"].insert({"account_id": account.id, "name": "INBOX", "role": "inbox"}).last_pk, "inbox", 1
    )
    sent = FolderState(
        db["folders"].insert({"account_id": account.id, "name": "Sent", "role": "sent"}).last_pk, "sent", 1
    )

    def file(parsed: ParsedMessage, folder: FolderState = inbox) -> int:
        raw = repr(parsed).encode()
        copy = FetchedCopy(
            next(_uids), parsed.date, (), len(raw), hashlib.sha256(raw).hexdigest(), raw, parsed
        )
        with transaction(db):
            row = file_copy(db, account, folder, copy)
        return db.execute("SELECT request_id FROM messages WHERE id = ?", [row]).fetchone()[0]

    file.db = db
    file.sent = sent
    file.account = account
    return file


def request(db, request_id):
    return request_row(db, request_id)


def test_a_new_message_opens_a_request_for_its_requester(store):
    request_id = store(message("jan@example.org", message_id="<a@x>", name="Jan de Vries"))
    row = request(store.db, request_id)
    assert row["status"] == "new"
    assert row["subject"] == "Stoel kapot"
    requester = store.db["requesters"].get(row["requester_id"])
    assert (requester["address"], requester["name"]) == ("jan@example.org", "Jan de Vries")


def test_a_requester_keeps_the_latest_display_name_they_sent(store):
    def name_after(display_name, message_id):
        request_id = store(message("jan@example.org", message_id=message_id, name=display_name))
        return store.db["requesters"].get(request(store.db, request_id)["requester_id"])["name"]

    assert name_after("Jan de Vries", "<a@x>") == "Jan de Vries"
    assert name_after("", "<b@x>") == "Jan de Vries"  # a bare address says nothing about the name
    assert name_after("J. de Vries (Facilitair)", "<c@x>") == "J. de Vries (Facilitair)"
    assert store.db.execute("SELECT count(*) FROM requesters").fetchone()[0] == 1


def test_the_same_subject_without_reply_headers_is_a_new_request(store):
    first = store(message("jan@example.org", message_id="<a@x>"))
    again = store(message("jan@example.org", message_id="<b@x>", minutes=60 * 24 * 21))
    assert first != again


def test_a_reply_joins_by_in_reply_to_and_a_desk_reply_is_the_first_response(store):
    opened = store(message("jan@example.org", message_id="<a@x>"))
    answer = store(message(DESK, "Re: Stoel kapot", "<d@desk>", "<a@x>", ("<a@x>",), minutes=30), store.sent)
    assert answer == opened
    row = request(store.db, opened)
    assert row["first_response_at"] is not None
    assert row["status"] == "waiting"
    follow_up = store(
        message("jan@example.org", "AW: Stoel kapot", "<e@x>", "<d@desk>", ("<a@x>", "<d@desk>"), 90)
    )
    assert follow_up == opened
    assert request(store.db, opened)["status"] == "open"


def test_an_outlook_reply_naming_only_the_desk_reply_joins_whichever_folder_came_first(store):
    opened = store(message("jan@example.org", message_id="<a@x>"))
    # The requester's answer names only the desk's reply, which is in Sent and not synced yet.
    early = store(message("jan@example.org", "RE: Stoel kapot", "<e@x>", "<d@desk>", ("<d@desk>",), 90))
    assert early != opened
    store(message(DESK, "Re: Stoel kapot", "<d@desk>", "<a@x>", ("<a@x>",), minutes=30), store.sent)
    rows = store.db.execute("SELECT DISTINCT request_id FROM messages").fetchall()
    assert rows == [(opened,)]
    assert store.db["requests"].count == 1


def test_a_desk_reply_synced_before_its_original_is_filed_when_the_original_arrives(store):
    orphan = store(
        message(DESK, "Re: Heizung", "<d@desk>", "<a@x>", ("<a@x>",), minutes=30, to="anna@example.de"),
        store.sent,
    )
    assert orphan is None
    opened = store(message("anna@example.de", "Heizung", "<a@x>"))
    assert (
        store.db.execute("SELECT request_id FROM messages WHERE message_id = '<d@desk>'").fetchone()[0]
        == opened
    )
    assert request(store.db, opened)["first_response_at"] is not None


def test_automatic_mail_never_opens_a_request_but_joins_the_one_it_answers(store):
    assert store(message("jan@example.org", "Out of Office: x", "<o@x>", auto_kind="auto-reply")) is None
    opened = store(message("piet@example.org", message_id="<a@x>"))
    store(
        message(DESK, "Re: Stoel kapot", "<d@desk>", "<a@x>", ("<a@x>",), minutes=30, to="piet@example.org"),
        store.sent,
    )
    bounce = store(
        message("mailer-daemon@example.org", "Undeliverable", "<b@x>", "<d@desk>", auto_kind="bounce")
    )
    assert bounce == opened
    assert request(store.db, opened)["status"] == "waiting"


def test_a_request_tag_in_the_subject_joins_that_request(store):
    opened = store(message("jan@example.org", message_id="<a@x>"))
    number = number_of(store.db, opened)
    assert number != opened  # the tag carries the number people see, not the row the store keeps it in
    tagged = store(message("jan@example.org", f"Nog iets [#{number}]", "<z@x>", minutes=10))
    assert tagged == opened


def test_outlook_thread_index_joins_the_conversation(store):
    root = bytes(range(22))
    opened = store(
        message("jan@example.org", message_id="<a@x>", thread_index=base64.b64encode(root).decode())
    )
    reply_index = base64.b64encode(root + b"\x00\x01\x02\x03\x04").decode()
    assert store(message("jan@example.org", "Stoel", "<c@x>", thread_index=reply_index, minutes=5)) == opened


def test_a_colleague_in_cc_answering_joins_as_colleague(store):
    opened = store(message("jan@example.org", message_id="<a@x>"))
    joined = store(message("chef@example.org", "Re: Stoel kapot", "<c@x>", "<a@x>", ("<a@x>",), minutes=5))
    assert joined == opened
    role = store.db.execute("SELECT role FROM messages WHERE message_id = '<c@x>'").fetchone()[0]
    assert role == "colleague"


def test_the_sent_copy_of_a_reply_loket_sent_is_the_same_message(store):
    opened = store(message("jan@example.org", message_id="<a@x>"))
    store.db["messages"].insert(
        {
            "account_id": store.account.id,
            "message_id": "<r@desk>",
            "direction": "out",
            "role": "desk",
            "request_id": opened,
            "subject": "Re: Stoel kapot",
        }
    )
    store(message(DESK, "Re: Stoel kapot", "<r@desk>", "<a@x>", ("<a@x>",), minutes=5), store.sent)
    assert store.db.execute("SELECT count(*) FROM messages WHERE message_id = '<r@desk>'").fetchone()[0] == 1
    assert (
        store.db.execute("SELECT folder_id FROM messages WHERE message_id = '<r@desk>'").fetchone()[0]
        == store.sent.id
    )


def test_a_second_copy_of_the_same_message_is_kept_and_joins_the_same_request(store):
    first = store(message("jan@example.org", message_id="<a@x>"))
    second = store(message("jan@example.org", message_id="<a@x>"))
    assert first == second
    assert store.db.execute("SELECT count(*) FROM messages").fetchone()[0] == 2


def test_a_desk_forward_to_a_colleague_waits_on_their_department_until_they_answer(store):
    opened = store(message("jan@example.org", message_id="<a@x>"))
    forward = message(
        DESK, "Fwd: Stoel kapot", "<f@desk>", "<a@x>", ("<a@x>",), 30, to="inkoop@purchasing.example.org"
    )
    assert store(forward, store.sent) == opened
    assert request(store.db, opened)["status"] == "waiting_colleague"
    event = store.db.execute(
        "SELECT data_json FROM events WHERE request_id = ? AND kind = 'status' ORDER BY id DESC", [opened]
    ).fetchone()[0]
    assert "purchasing.example.org" in event
    answer = message(
        "inkoop@purchasing.example.org",
        "RE: Fwd: Stoel kapot",
        "<c@p>",
        "<f@desk>",
        ("<a@x>", "<f@desk>"),
        90,
    )
    assert store(answer) == opened
    assert request(store.db, opened)["status"] == "open"
    assert (
        store.db.execute("SELECT role FROM messages WHERE message_id = '<c@p>'").fetchone()[0] == "colleague"
    )


def test_a_requester_answer_filed_before_the_earlier_desk_reply_still_leaves_the_request_open(store):
    opened = store(message("jan@example.org", message_id="<a@x>"))
    store(message("jan@example.org", "Re: Stoel kapot", "<e@x>", "<a@x>", ("<a@x>",), minutes=90))
    store(message(DESK, "Re: Stoel kapot", "<d@desk>", "<a@x>", ("<a@x>",), minutes=30), store.sent)
    row = request(store.db, opened)
    assert row["status"] == "open"
    assert row["first_response_at"] is not None


def _copy(parsed: ParsedMessage) -> FetchedCopy:
    raw = repr(parsed).encode()
    return FetchedCopy(next(_uids), parsed.date, (), len(raw), hashlib.sha256(raw).hexdigest(), raw, parsed)


@pytest.mark.parametrize(
    "batches", [[3], [2, 1], [1, 1, 1]], ids=["one-batch", "two-batches", "three-batches"]
)
def test_replies_filed_in_a_batch_before_their_original_are_adopted_when_it_arrives(store, batches):
    db, account = store.db, store.account
    inbox = FolderState(1, "inbox", 1)
    answer = message(
        "jan@example.org", message_id="<b@x>", in_reply_to="<r@x>", references=("<r@x>",), minutes=9
    )
    original = message("jan@example.org", message_id="<a@x>")
    reply = message(DESK, message_id="<r@x>", in_reply_to="<a@x>", references=("<a@x>",), minutes=5)
    copies = [_copy(answer), _copy(original), _copy(reply)]
    for size in batches:
        file_batch(db, account, inbox, copies[:size])
        copies = copies[size:]
    requests = {row[0] for row in db.execute("SELECT request_id FROM messages")}
    assert len(requests) == 1
    (request_id,) = requests
    assert request(db, request_id)["first_response_at"] is not None
    assert db.execute("SELECT count(*) FROM requests WHERE merged_into IS NULL").fetchone()[0] == 1


@pytest.mark.parametrize(
    ("names", "kept"),
    [
        (["Jan de Vries", "", "J. de Vries"], "J. de Vries"),
        (["Jan de Vries", "Jan", "Jan de Vries"], "Jan de Vries"),
        (["", "", "Jan"], "Jan"),
    ],
)
def test_an_ingest_that_remembers_its_requesters_still_keeps_the_latest_display_name(store, names, kept):
    db, account = store.db, store.account
    inbox = FolderState(1, "inbox", 1)
    requesters = KnownRequesters()
    for number, name in enumerate(names):
        parsed = message("jan@example.org", message_id=f"<{number}@x>", name=name, minutes=number)
        file_batch(db, account, inbox, [_copy(parsed)], requesters)
    assert db.execute("SELECT name FROM requesters").fetchall() == [(kept,)]
    assert db.execute("SELECT count(DISTINCT requester_id) FROM requests").fetchone()[0] == 1


@pytest.mark.parametrize("batches", [[3], [1, 1, 1]], ids=["one-batch", "one-by-one"])
def test_every_filed_message_is_found_by_search(store, batches):
    """A batch writes its search entries at its end, after the statements that adopt answers in between."""
    db, account = store.db, store.account
    inbox = FolderState(1, "inbox", 1)
    answer = message("jan@example.org", message_id="<b@x>", in_reply_to="<r@x>", references=("<r@x>",))
    original = message("jan@example.org", message_id="<a@x>")
    reply = message(DESK, message_id="<r@x>", in_reply_to="<a@x>", references=("<a@x>",), minutes=5)
    words = ("antwortet", "radiator", "monteur")
    copies = [_copy(replace(m, text_body=w)) for m, w in zip((answer, original, reply), words, strict=True)]
    for size in batches:
        file_batch(db, account, inbox, copies[:size])
        copies = copies[size:]
    store(message("piet@example.org", "Sleutel kwijt", message_id="<c@x>"))  # filed alone, not in a batch
    for word in (*words, "sleutel"):
        assert fts_ids(db, word) and fts_ids(db, word) == message_ids_holding(db, word), word


def fts_ids(db, word):
    query = fts_query(db, word)
    return {
        row[0] for row in db.execute("SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?", [query])
    }


def message_ids_holding(db, word):
    rows = db.execute(
        "SELECT id FROM messages WHERE message_text(bodies, text_body) = ? OR subject LIKE ?",
        [word, f"%{word}%"],
    )
    return {row[0] for row in rows}


@given(
    st.lists(st.text()),
    st.lists(st.tuples(st.text(), st.text())),
)
def test_a_copys_json_columns_are_the_text_json_dumps_makes(strings, pairs):
    """Stored JSON is compared as text (flags, team keywords), so the fast encoding must match json.dumps exactly."""
    assert _json_strings(strings) == json.dumps(strings)
    assert _json_addresses(Address(name, address) for name, address in pairs) == json.dumps(
        [list(pair) for pair in pairs]
    )


def _steps_to_merge(store, others: int) -> int:
    """SQLite's work (in units of 100 virtual-machine steps) for the desk's reply that merges the request an answer
    to it opened, in a store holding ``others`` unrelated requests besides."""
    for number in range(others):
        store(message(f"p{number}@example.org", message_id=f"<o{number}@x>"))
    store(message("jan@example.org", message_id=f"<a{others}@x>"))
    reply = f"<r{others}@desk>"
    store(message("jan@example.org", message_id=f"<b{others}@x>", in_reply_to=reply, references=(reply,)))
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    store.db.conn.set_progress_handler(count, 100)
    original = f"<a{others}@x>"
    store(
        message(DESK, message_id=reply, in_reply_to=original, references=(original,), minutes=5), store.sent
    )
    store.db.conn.set_progress_handler(None, 0)
    requests = store.db.execute(
        "SELECT DISTINCT request_id FROM messages WHERE message_id IN (?, ?, ?)",
        [original, reply, f"<b{others}@x>"],
    ).fetchall()
    assert len(requests) == 1  # merged
    return steps


def test_merging_a_request_costs_the_same_however_many_requests_the_store_holds(store):
    small = _steps_to_merge(store, 50)
    large = _steps_to_merge(store, 3_000)
    assert large < 2 * small


def test_a_copy_with_nothing_to_leave_behind_is_sent_whole():
    copy = _copy(message("jan@example.org", message_id="<a@x>"))
    sent = pickle.loads(pickle.dumps(copy))
    assert sent == copy and sent.stored_values == copy.stored_values


def test_a_copy_sent_from_a_worker_process_files_the_same_rows_without_its_attachment_bytes():
    """What a worker pickles leaves the attachments' bytes and the HTML behind: filing reads them from the values
    the copy worked out where it was made."""
    data = b"%PDF-1.7 offerte" * 100
    parsed = replace(
        message("jan@example.org", message_id="<a@x>"),
        html_body="<p>body</p>",
        attachments=(
            AttachmentData("offerte.pdf", "application/pdf", data),
            AttachmentData("logo.png", "image/png", b"\x89PNG", True),
        ),
    )
    copy = _copy(parsed)
    sent = pickle.loads(pickle.dumps(copy))
    assert all(a.data == b"" for a in sent.parsed.attachments)
    assert sent.stored_values == copy.stored_values

    def filed(c: FetchedCopy) -> tuple[list[tuple], list[tuple]]:
        db = open_memory_db()
        account = loopback_account(db, "facilities", DESK)
        folder_id = db["folders"].insert({"account_id": account.id, "name": "INBOX", "role": "inbox"}).last_pk
        file_batch(db, account, FolderState(folder_id, "inbox", 1), [c])
        messages = db.execute("SELECT * FROM messages").fetchall()
        return messages, db.execute("SELECT * FROM attachments").fetchall()

    messages, attachments = filed(sent)
    assert (messages, attachments) == filed(copy)
    assert [row[2:6] for row in attachments] == [
        ("offerte.pdf", "application/pdf", len(data), hashlib.sha256(data).hexdigest()),
        ("logo.png", "image/png", 4, hashlib.sha256(b"\x89PNG").hexdigest()),
    ]
