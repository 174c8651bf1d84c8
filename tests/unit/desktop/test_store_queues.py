"""The SQL behind the desk's views (``store.queues``) and the reshaping triage (``store.triage``), on a seeded store."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seed import ME, seed

from store import conversation, queues, triage
from store.db import open_memory_db
from store.queues import RequestFilter

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def db():
    store = open_memory_db()
    seed(store, 200, now=NOW, open_share=0.5)
    return store


def test_every_queue_count_matches_the_list_it_opens(db):
    for item in queues.queue_counts(db, NOW, ME):
        ids = queues.request_ids(db, RequestFilter(item.key, me=ME), NOW)
        assert len(ids) == item.count, item.key


def test_requester_queues_put_the_longest_wait_first_and_carry_it(db):
    requesters = [c for c in queues.queue_counts(db, NOW, ME) if c.kind == "requester"]
    waits = [c.oldest_received for c in requesters]
    assert requesters and waits == sorted(waits)
    first = requesters[0]
    rows = queues.request_rows(db, queues.request_ids(db, RequestFilter(first.key), NOW))
    assert min(r.received_at for r in rows) == first.oldest_received


@pytest.mark.parametrize("column", list(queues.SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True])
def test_list_is_sorted_in_sql_by_any_column(db, column, descending):
    ids = queues.request_ids(db, RequestFilter("open"), NOW, column, descending)
    rows = queues.request_rows(db, ids)
    assert [r.id for r in rows] == ids

    def key(row):
        return {
            "requester": row.requester.lower(),
            "department": row.department.lower(),
            "subject": row.subject.lower(),
            "status": row.status,
            "assignee": (row.assignee or "").lower(),
            "received": row.received_at,
            "timer": None if row.status in ("resolved", "waiting") else row.timer_due,
        }[column]

    present = [key(r) for r in rows if key(r) not in (None, "")]
    assert present == sorted(present, reverse=descending)


@pytest.fixture(scope="module")
def odd_store():
    """Requesters with no department, requests with no requester, and names that tie but for their case."""
    store = open_memory_db()
    seed(store, 120, now=NOW, open_share=0.5)
    store.execute("UPDATE requesters SET department_id = NULL WHERE id % 4 = 0")
    store.execute("UPDATE requesters SET name = upper(name) WHERE id % 5 = 0")
    store.execute("UPDATE requesters SET name = 'giulia rossi' WHERE id % 7 = 0")
    store.execute("UPDATE requests SET requester_id = NULL WHERE id % 9 = 0")
    return store


@pytest.mark.parametrize("column", ["requester", "department"])
@pytest.mark.parametrize("descending", [False, True])
def test_first_page_by_requester_or_department_is_the_start_of_the_whole_list(odd_store, column, descending):
    """The first page is read by walking name indexes, the whole list by a sort: they must agree row for row."""
    keys = ["open", "mine", "waiting", "waiting_colleague", "breaching", "breached", "resolved"]
    keys += [c.key for c in queues.queue_counts(odd_store, NOW, ME) if c.kind in ("department", "requester")]
    for key in keys:
        flt = RequestFilter(key, me=ME)
        whole = queues.request_ids(odd_store, flt, NOW, column, descending)
        for limit in (1, 7, 200):
            assert (
                queues.request_ids(odd_store, flt, NOW, column, descending, limit=limit) == whole[:limit]
            ), key
    ascending = queues.request_ids(odd_store, RequestFilter("open"), NOW, column, descending=False)
    rows = queues.request_rows(odd_store, ascending)
    names = [(r.requester if column == "requester" else r.department).lower() for r in rows]
    named = [name for name in names if name]
    assert named == sorted(named) and names[len(named) :] == [""] * (len(names) - len(named))


@pytest.mark.parametrize("descending", [False, True])
def test_a_search_in_arrival_order_pages_like_its_whole_list(odd_store, descending):
    for text in ("druck", "giulia ross", "xyzzy"):
        flt = RequestFilter(search=text)
        whole = queues.request_ids(odd_store, flt, NOW, "received", descending)
        assert queues.request_ids(odd_store, flt, NOW, "received", descending, limit=5) == whole[:5]


def test_breached_and_breaching_queues_hold_what_their_timers_say(db):
    for key, state in (("breached", "breached"), ("breaching", "warning")):
        rows = queues.request_rows(db, queues.request_ids(db, RequestFilter(key), NOW))
        assert rows and {r.timer_state(NOW) for r in rows} == {state}


def test_search_matches_word_prefixes_in_subject_body_and_requester(db):
    by_subject = queues.request_rows(db, queues.request_ids(db, RequestFilter(search="druck"), NOW))
    assert by_subject and all("druck" in r.subject.lower() for r in by_subject)
    by_body = queues.request_ids(db, RequestFilter(search="Kümmern"), NOW)
    assert by_body
    by_requester = queues.request_rows(db, queues.request_ids(db, RequestFilter(search="giulia ross"), NOW))
    assert by_requester and all(r.requester == "Giulia Rossi" for r in by_requester)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_search_text_is_never_fts_syntax(text):
    store = _small_store()
    try:
        queues.request_ids(store, RequestFilter(search=text), NOW)
    except sqlite3.OperationalError as error:  # pragma: no cover - the failure the test looks for
        pytest.fail(f"{text!r} broke the search: {error}")


_SMALL = []


def _small_store():
    if not _SMALL:
        store = open_memory_db()
        seed(store, 10, now=NOW)
        _SMALL.append(store)
    return _SMALL[0]


@pytest.mark.parametrize("text", ['"', "NEAR(", "a AND", "*", "subject:x", "-(", "^x", "OR OR"])
def test_fts_operators_in_user_input_are_plain_words(text):
    queues.request_ids(_small_store(), RequestFilter(search=text), NOW)


def test_conversation_is_in_order_with_notes_and_attachments(db):
    request_id = db.execute(
        "SELECT r.id FROM requests r WHERE EXISTS (SELECT 1 FROM events e WHERE e.request_id = r.id AND e.kind = "
        "'note') AND EXISTS (SELECT 1 FROM messages m JOIN attachments a ON a.message_id = m.id WHERE "
        "m.request_id = r.id) AND r.first_response_at IS NOT NULL LIMIT 1"
    ).fetchone()[0]
    items = conversation.conversation(db, request_id)
    assert [i.at for i in items] == sorted(i.at for i in items)
    assert {i.role for i in items} >= {"requester", "desk", "note"}
    assert any(i.attachments for i in items)


def test_requester_card_has_department_open_requests_history_and_median(db):
    requester_id = db.execute(
        "SELECT requester_id FROM requests WHERE status != 'resolved' GROUP BY requester_id "
        "HAVING count(*) > 1 LIMIT 1"
    ).fetchone()[0]
    card = conversation.requester_card(db, requester_id)
    assert card is not None and card.department
    assert len(card.open_requests) >= 2
    assert card.total_requests >= len(card.recent) > 0
    waits = sorted(
        m
        for (m,) in db.execute(
            "SELECT (julianday(first_response_at) - julianday(received_at)) * 1440 FROM requests "
            "WHERE requester_id = ? AND first_response_at IS NOT NULL",
            [requester_id],
        )
    )
    assert card.median_first_response_min == pytest.approx(waits[(len(waits) - 1) // 2])


def test_merge_moves_the_messages_and_hides_the_source():
    store = open_memory_db()
    seeded = seed(store, 6, now=NOW, open_share=1.0)
    source, target = seeded.request_ids[0], seeded.request_ids[1]
    moved = {r[0] for r in store.execute("SELECT id FROM messages WHERE request_id = ?", [source])}
    triage.merge(store, source, target, ME, NOW)
    assert {i.id for i in conversation.conversation(store, target) if i.kind == "message"} >= moved
    assert source not in queues.request_ids(store, RequestFilter("open"), NOW)
    kinds = store.execute("SELECT request_id FROM events WHERE kind = 'merged'").fetchall()
    assert sorted(k[0] for k in kinds) == sorted([source, target])
    with pytest.raises(triage.TriageError):
        triage.merge(store, source, target, ME, NOW)


def test_a_request_is_not_merged_into_itself():
    store = open_memory_db()
    seeded = seed(store, 2, now=NOW, open_share=1.0)
    with pytest.raises(triage.TriageError):
        triage.merge(store, seeded.request_ids[0], seeded.request_ids[0], ME, NOW)


def test_split_and_manual_entry_open_requests_with_events():
    pytest.importorskip("store.standards.rules")
    store = open_memory_db()
    seeded = seed(store, 14, now=NOW, open_share=1.0)
    request_id = next(
        r
        for r in seeded.request_ids
        if store.execute("SELECT count(*) FROM messages WHERE request_id = ?", [r]).fetchone()[0] > 1
    )
    message = store.execute("SELECT max(id) FROM messages WHERE request_id = ?", [request_id]).fetchone()[0]
    new_id = triage.split(store, message, ME, NOW)
    assert store.execute("SELECT request_id FROM messages WHERE id = ?", [message]).fetchone()[0] == new_id
    manual = triage.create_manual(
        store,
        account_id=seeded.account_id,
        requester_address="Jan.Jansen@facilitair.horizon-group.example",
        requester_name="Jan Jansen",
        subject="Belt over lekkage",
        text="Water in de kelder",
        channel="phone",
        actor=ME,
        at=NOW + timedelta(minutes=1),
    )
    items = conversation.conversation(store, manual)
    assert [i.text for i in items] == ["Water in de kelder"]
    assert [row.channel for row in queues.request_rows(store, [manual, new_id])] == ["phone", "email"]


def test_the_default_list_and_the_breached_count_walk_the_running_timer_index(db):
    """The expression in ``store.queues`` and the one indexed in the migration must stay the same text."""
    where, params = queues._where(db, RequestFilter("open"), NOW)
    plan = " ".join(
        row[3]
        for row in db.execute(
            f"EXPLAIN QUERY PLAN SELECT r.id {queues._FROM} WHERE {where} "
            f"ORDER BY {queues.SORT_COLUMNS['timer']} ASC NULLS LAST, r.id ASC LIMIT 200",
            params,
        )
    )
    assert "requests_open_timer" in plan and "TEMP B-TREE" not in plan
    where, params = queues._where(db, RequestFilter("breached"), NOW)
    plan = " ".join(
        row[3]
        for row in db.execute(f"EXPLAIN QUERY PLAN SELECT count(*) FROM requests r WHERE {where}", params)
    )
    assert "requests_open_timer" in plan


def test_the_first_page_of_resolved_requests_by_requester_walks_resolved_requests_only(db):
    """On a store where nearly every request is open, walking each requester's requests to find the resolved ones
    read the whole table for a list that is almost empty."""
    where, params = queues._where(db, RequestFilter("resolved"), NOW)
    sql, arms = queues._first_page_by_another_table(db, "requester", where, "ASC", "NULLS LAST")
    plan = " ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql} LIMIT 100", params * arms))
    assert "requests_resolved_requester" in plan
    first = queues.request_ids(db, RequestFilter("resolved"), NOW, "requester", False, limit=100)
    assert first == queues.request_ids(db, RequestFilter("resolved"), NOW, "requester", False)[:100]
