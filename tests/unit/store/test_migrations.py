import sqlite3

import pytest

from store.db import _database
from store.migrations import MIGRATIONS, V19, migrate, v20_checks_without_lists
from store.search import fts_query


def _store_before(step):
    """An in-memory store as the migrations before ``step`` left it, with one account."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    for number, script in enumerate(MIGRATIONS[: MIGRATIONS.index(step)], start=1):
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
        "INSERT INTO requests (account_id, subject, status, received_at, last_activity_at) VALUES (1, '', ?, '', '')",
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


def test_a_sqlite_that_refuses_to_edit_its_schema_keeps_the_lists_and_still_opens():
    conn = _store_before(v20_checks_without_lists)
    schema = conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()

    editing = [True]  # until that step records its version: later steps create tables, which SQLite writes so

    def no_schema_edits(action, table, value, *_):
        if action == sqlite3.SQLITE_PRAGMA and table == "user_version" and value:
            editing[0] = False
        return (
            sqlite3.SQLITE_DENY
            if editing[0] and action == sqlite3.SQLITE_UPDATE and table == "sqlite_master"
            else 0
        )

    conn.set_authorizer(no_schema_edits)
    assert migrate(conn) == len(MIGRATIONS)
    conn.set_authorizer(None)
    before = {name for name, _ in schema}
    after = conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    assert [row for row in after if row[0] in before] == schema
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
