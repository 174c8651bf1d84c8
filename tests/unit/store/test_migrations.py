import sqlite3

from store.db import _database
from store.migrations import MIGRATIONS, V19, migrate
from store.search import fts_query


def test_the_search_index_is_rebuilt_without_positions_and_finds_what_it_found_before():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    for number, script in enumerate(MIGRATIONS[: MIGRATIONS.index(V19)], start=1):  # a store before V19
        conn.executescript(script)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.execute(
        "INSERT INTO accounts (name, address, imap_host, imap_port, imap_security, smtp_host, smtp_port, "
        "smtp_security, username, created_at) VALUES ('a', 'a@x', 'h', 1, 'none', 'h', 1, 'none', 'u', '')"
    )
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
