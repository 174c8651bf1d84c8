from hypothesis import given, settings
from hypothesis import strategies as st

from store.db import open_memory_db
from store.records import Address
from store.search import SearchEntry, fts_query, index_for_search

SENDER = Address("Jürgen Weiß", "j.weiss@example.de")


def found(db, text):
    query = fts_query(db, text)
    return [
        row[0] for row in db.execute("SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?", [query])
    ]


def test_words_become_the_tokens_the_index_holds_each_a_prefix():
    db = open_memory_db()
    assert fts_query(db, "Kümm druck") == '"kumm"* "druck"*'
    assert fts_query(db, "room_12b") == '"room"* "12b"*'  # "_" joins a word for Python, not for the index
    assert fts_query(db, '"NEAR( a AND -b') == '"near"* "a"* "and"* "b"*'
    assert fts_query(db, "  \t") == ""


def test_a_message_is_found_by_the_words_of_its_subject_body_and_sender():
    db = open_memory_db()
    index_for_search(db, [SearchEntry.of(7, "Drucker defekt", "Bitte um Hilfe, Zimmer_3.12", SENDER)])
    for text in ("druck", "hilfe zimmer", "zimmer_3", "3.12", "jurgen", "weiss@example"):
        assert found(db, text) == [7], text
    assert found(db, "drucker kaputt") == []


def test_letters_the_tokenizer_reads_differently_from_python_still_search():
    """Unicode moved these from marks to letters after SQLite's tables were made: Python's regex joins them into
    a word, the tokenizer splits there, and a one-word query would become a phrase the index cannot answer."""
    db = open_memory_db()
    text = "a\u19b0b ka\u1cf2ta"
    index_for_search(db, [SearchEntry.of(1, "", text, Address("", ""))])
    assert found(db, text) == [1]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_searches_and_finds_a_message_holding_it(text):
    db = open_memory_db()
    index_for_search(db, [SearchEntry.of(1, "", text, Address("", ""))])
    if fts_query(db, text):
        assert found(db, text) == [1]
