"""Full-text search over messages: what goes into the index, and how a user's words become a query over it.

The index (``messages_fts``) keeps no text and no token positions: search only asks which messages hold every word
of the query. Without positions FTS5 cannot match a phrase of several tokens, so a query is built from the tokens
SQLite's own tokenizer finds in the user's text, each a one-token prefix term; Python's idea of a word differs from
the tokenizer's (``_`` joins words for Python, and the two disagree on a few letters of newer Unicode versions).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import sqlite_utils

from store.records import Address

TOKENIZER = "unicode61 remove_diacritics 2"  # as messages_fts was created with (store.migrations V19)
_QUERY_WORDS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_words USING fts5(words, tokenize = '{TOKENIZER}')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_words_terms USING fts5vocab(temp, query_words, instance)",
)


class SearchEntry(NamedTuple):
    message_row: int
    subject: str
    body: str
    requester: str

    @classmethod
    def of(cls, message_row: int, subject: str, body: str, sender: Address) -> SearchEntry:
        return cls(message_row, subject, body, f"{sender.name} {sender.address}".strip())


def index_for_search(db: sqlite_utils.Database, entries: Iterable[SearchEntry]) -> None:
    db.conn.executemany(
        "INSERT INTO messages_fts (rowid, subject, body, requester) VALUES (?, ?, ?, ?)", entries
    )


def fts_query(db: sqlite_utils.Database, text: str) -> str:
    """User text as an FTS5 query: every token in it a required prefix term; FTS syntax in the input is inert."""
    if not text.strip():
        return ""
    for statement in _QUERY_WORDS:
        db.execute(statement)
    db.execute("DELETE FROM temp.query_words")
    db.execute("INSERT INTO temp.query_words (words) VALUES (?)", [text])
    terms = db.execute("SELECT term FROM temp.query_words_terms ORDER BY offset").fetchall()
    # A token holds no '"' (the tokenizer splits there), so quoting it is safe.
    return " ".join(f'"{term}"*' for term in dict.fromkeys(row[0] for row in terms))
