import json
import sqlite3
from datetime import UTC, datetime

import pytest

from store import lifecycle
from store.db import _database
from store.migrations import (
    MIGRATIONS,
    V19,
    V22_OUTBOX_ACTOR,
    migrate,
    requests_in_arrival_order,
    v20_checks_without_lists,
)
from store.numbers import NEXT_NUMBER
from store.search import fts_query


def _store_before(step):
    """An in-memory store as the migrations before ``step`` left it, with one account."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    for number, script in enumerate(MIGRATIONS[: MIGRATIONS.index(step)], start=1):
        if callable(script):
            script(conn)
        else:
            conn.executescript(script)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.execute(
        "INSERT INTO accounts (name, address, imap_host, imap_port, imap_security, smtp_host, smtp_port, "
        "smtp_security, username, created_at) VALUES ('a', 'a@x', 'h', 1, 'none', 'h', 1, 'none', 'u', '')"
    )
    return conn


def test_the_search_index_is_rebuilt_without_positions_and_finds_what_it_found_before():
    conn = _store_before(V19)
    conn.execute(
        "INSERT INTO messages (id, account_id, direction, subject, text_body, from_name, from_addr) "
        "VALUES (5, 1, 'in', 'Heizung', 'Kümmern Sie sich bitte', 'Jürgen Weiß', 'j.weiss@example.de')"
    )

    assert migrate(conn) == len(MIGRATIONS)

    db = _database(conn)
    assert (
        "detail = none"
        in db.execute("SELECT sql FROM sqlite_master WHERE name = 'messages_fts'").fetchone()[0]
    )
    for text in ("heiz", "kummern bitte", "jurgen weiss"):
        query = fts_query(db, text)
        assert db.execute(
            "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?", [query]
        ).fetchall() == [(5,)]


# (table, column, a value the rule allows, the INSERT that writes it)
_RULES = [
    (
        "messages",
        "role",
        "colleague",
        "INSERT INTO messages (account_id, direction, role) VALUES (1, 'in', ?)",
    ),
    (
        "messages",
        "auto_kind",
        "bounce",
        "INSERT INTO messages (account_id, direction, auto_kind) VALUES (1, 'in', ?)",
    ),
    ("messages", "direction", "out", "INSERT INTO messages (account_id, direction) VALUES (1, ?)"),
    (
        "requests",
        "status",
        "waiting_colleague",
        "INSERT INTO requests (number, account_id, subject, status, received_at, last_activity_at) "
        f"VALUES ({NEXT_NUMBER}, 1, '', ?, '', '')",
    ),
]


def test_value_lists_in_checks_become_comparisons_that_keep_the_same_rules():
    conn = _store_before(v20_checks_without_lists)
    assert migrate(conn) == len(MIGRATIONS)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert not conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE '%CHECK (% IN (%'").fetchall()
    for table, column, allowed, insert in _RULES:
        conn.execute(insert, [allowed])
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute(insert, [allowed.upper()])
        plan = conn.execute(f"EXPLAIN {insert}", [allowed]).fetchall()
        assert not [op for op in plan if op[1] == "OpenEphemeral"], (table, column)


def _schema(conn):
    return conn.execute("SELECT type, name, tbl_name FROM sqlite_master ORDER BY type, name").fetchall()


def test_tables_rebuilt_without_lists_keep_their_rows_indexes_triggers_and_references():
    conn = _store_before(v20_checks_without_lists)
    conn.execute(
        "INSERT INTO requests (account_id, subject, status, received_at, last_activity_at) "
        "VALUES (1, 'Stoel kapot', 'waiting', '2026-01-05T09:00:00+00:00', '2026-01-05T09:00:00+00:00')"
    )
    before = _schema(conn)
    kept = "SELECT account_id, subject, status, received_at FROM requests"  # numbers change later (shared)
    rows = conn.execute(kept).fetchall()
    migrate(conn)
    assert set(before) <= set(_schema(conn))
    assert conn.execute(kept).fetchall() == rows
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        conn.execute("INSERT INTO requests (number, account_id, subject, status, received_at, last_activity_at) "
                     "VALUES (1, 99, '', 'new', '', '')")  # fmt: skip


def test_a_store_whose_sqlite_refused_the_in_place_edit_gets_the_comparisons_too():
    conn = _store_before(v20_checks_without_lists)
    conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(v20_checks_without_lists) + 1}")  # lists kept
    migrate(conn)
    assert not conn.execute("SELECT name FROM sqlite_master WHERE sql LIKE '%CHECK (% IN (%'").fetchall()
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_a_step_that_fails_leaves_the_store_as_it_was():
    conn = _store_before(v20_checks_without_lists)
    schema, version = _schema(conn), conn.execute("PRAGMA user_version").fetchone()[0]

    def no_new_tables(action, *_):
        return sqlite3.SQLITE_DENY if action == sqlite3.SQLITE_CREATE_TABLE else 0

    conn.set_authorizer(no_new_tables)
    with pytest.raises(sqlite3.DatabaseError):
        migrate(conn)
    conn.set_authorizer(None)
    assert _schema(conn) == schema
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)


def test_status_changes_mail_caused_are_marked_and_replies_name_their_status_so_a_replay_keeps_them():
    conn = _store_before(V22_OUTBOX_ACTOR)
    conn.execute(
        "INSERT INTO requests (id, account_id, subject, status, received_at, last_activity_at) "
        "VALUES (1, 1, 'Stoel', 'open', '2026-03-02T09:00:00+00:00', '2026-03-02T11:00:00+00:00')"
    )
    events = [  # as an older Loket wrote them: a forward, the colleague's answer, a reopening by hand
        ("2026-03-02T09:00:00+00:00", "received", "{}"),
        ("2026-03-02T09:30:00+00:00", "replied", "{}"),
        (
            "2026-03-02T09:30:00+00:00",
            "status",
            '{"from": "new", "to": "waiting_colleague", "department": "ICT"}',
        ),
        ("2026-03-02T10:00:00+00:00", "colleague_answered", "{}"),
        ("2026-03-02T10:00:00+00:00", "status", '{"from": "waiting_colleague", "to": "open"}'),
        ("2026-03-02T11:00:00+00:00", "status", '{"from": "open", "to": "resolved"}'),
        ("2026-03-02T11:05:00+00:00", "status", '{"from": "resolved", "to": "open"}'),
    ]
    conn.executemany(
        "INSERT INTO events (request_id, at, kind, actor, data_json) VALUES (1, ?, ?, 'eva', ?)", events
    )
    assert migrate(conn) == len(MIGRATIONS)
    data = [json.loads(row[0]) for row in conn.execute("SELECT data_json FROM events ORDER BY id")]
    assert data[1] == {"status_after": "waiting_colleague", "department": "ICT"}
    assert [d.get("by_mail", False) for d in data] == [False, False, True, False, True, False, False]

    db = _database(conn)
    (request_id,) = conn.execute(
        "SELECT id FROM requests"
    ).fetchone()  # renumbered as every desktop numbers it
    lifecycle.record_incoming(db, request_id, None, datetime(2026, 3, 2, 9, 15, tzinfo=UTC), "requester")
    kinds = [row[0] for row in conn.execute("SELECT kind FROM events ORDER BY at, id")]
    assert kinds == [
        "received",
        "received",
        "replied",
        "status",
        "colleague_answered",
        "status",
        "status",
        "status",
    ]
    assert conn.execute("SELECT status FROM requests").fetchone()[0] == "open"


def test_existing_accounts_get_distinct_keyring_ids_and_keep_signing_in_with_a_password():
    from store.migrations import V_ACCOUNT_SIGN_IN

    conn = _store_before(V_ACCOUNT_SIGN_IN)
    conn.execute(
        "INSERT INTO accounts (name, address, imap_host, imap_port, imap_security, smtp_host, smtp_port, "
        "smtp_security, username, created_at) VALUES ('b', 'a@x', 'h', 1, 'none', 'h', 1, 'none', 'u', '')"
    )
    migrate(conn)
    rows = conn.execute("SELECT secret_id, auth, state FROM accounts").fetchall()
    assert len({secret_id for secret_id, _, _ in rows}) == 2
    assert all(
        len(secret_id) == 32 and (auth, state) == ("password", "ok") for secret_id, auth, state in rows
    )


def test_stores_synced_before_keep_their_requests_as_they_are_and_new_accounts_file_history_on_their_first_sync():
    from store.history import file_history
    from store.migrations import HISTORY_DAYS

    conn = _store_before(HISTORY_DAYS)
    conn.execute(
        "INSERT INTO requests (account_id, subject, received_at, last_activity_at) "
        "VALUES (1, 'Old chair', '2020-01-01T09:00:00Z', '2020-01-01T09:00:00Z')"
    )
    conn.execute(
        "INSERT INTO accounts (name, address, imap_host, imap_port, imap_security, smtp_host, smtp_port, "
        "smtp_security, username, created_at) VALUES ('new', 'b@x', 'h', 1, 'none', 'h', 1, 'none', 'u', '')"
    )
    migrate(conn)
    assert conn.execute("SELECT name, history_days FROM accounts ORDER BY id").fetchall() == [
        ("a", 30),
        ("new", 30),
    ]
    db = _database(conn)
    assert file_history(db, 1, datetime(2026, 12, 7, tzinfo=UTC)) is None
    assert conn.execute("SELECT status FROM requests").fetchone()[0] == "new"
    assert file_history(db, 2, datetime(2026, 12, 7, tzinfo=UTC)) == 0


def test_requests_are_known_by_their_row_in_arrival_order_and_keep_their_numbers_and_everything_that_names_them():
    conn = _store_before(requests_in_arrival_order)
    conn.executescript(
        """
        INSERT INTO requests (id, account_id, subject, received_at, last_activity_at)
            VALUES (734512, 1, 'Heizung', '2026-01-01', '2026-01-01'), (120877, 1, 'Beamer', '2026-01-02', '2026-01-02');
        UPDATE requests SET merged_into = 734512 WHERE id = 120877;
        INSERT INTO messages (account_id, direction, request_id) VALUES (1, 'in', 734512), (1, 'in', 120877);
        INSERT INTO events (request_id, at, kind, data_json)
            VALUES (120877, '2026-01-02', 'received', '{}'), (120877, '2026-01-02', 'merged', '{"into": 734512}'),
                   (734512, '2026-01-02', 'merged', '{"source": 120877, "messages": [2]}');
        """
    )
    migrate(conn)
    assert conn.execute("SELECT id, number, merged_into FROM requests ORDER BY id").fetchall() == [
        (1, 120877, 2),  # in the order of the rows before: then the numbers' order
        (2, 734512, None),
    ]
    assert conn.execute("SELECT request_id FROM messages ORDER BY id").fetchall() == [(2,), (1,)]
    assert conn.execute("SELECT request_id, data_json FROM events ORDER BY id").fetchall() == [
        (1, "{}"),
        (1, '{"into":2}'),
        (2, '{"source":1,"messages":[2]}'),
    ]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    new = conn.execute(
        "INSERT INTO requests (number, account_id, subject, received_at, last_activity_at) "
        "VALUES (402311, 1, 'Stoel', '2026-01-03', '2026-01-03') RETURNING id"
    ).fetchone()
    assert new == (3,)
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        conn.execute(
            "INSERT INTO requests (number, account_id, subject, received_at, last_activity_at) "
            "VALUES (402311, 1, '', '', '')"
        )
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        conn.execute("INSERT INTO events (request_id, at, kind) VALUES (999999, '2026-01-04', 'note')")
