"""A message's bodies are kept compressed, and every reader gets back exactly the text and HTML filed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from store.bodies import html_in_raw, message_html, message_text, pack_bodies, unpack_bodies
from store.db import open_memory_db

texts = st.text(st.characters(blacklist_categories=("Cs",)))


@given(texts, st.none() | texts)
def test_bodies_come_back_as_filed(text, html):
    assert unpack_bodies(pack_bodies(text, html)) == (text, html)


def test_office_mail_takes_a_fraction_of_its_text():
    text = "Goedemorgen, de verwarming in kamer 12 doet het niet.\n> Eerder bericht\n" * 40
    html = f"<p>{text}</p>"
    assert len(pack_bodies(text, html)) < len((text + html).encode()) / 3


def test_queries_read_packed_bodies_and_the_text_columns_of_rows_written_before():
    db = open_memory_db()
    db.execute("CREATE TABLE rows (bodies BLOB, text_body TEXT, html_body TEXT)")
    db.execute("INSERT INTO rows VALUES (?, '', NULL)", [pack_bodies("nieuw", "<b>nieuw</b>")])
    db.execute("INSERT INTO rows VALUES (NULL, 'oud', '<i>oud</i>')")
    db.execute("INSERT INTO rows VALUES (?, '', NULL)", [pack_bodies("alleen tekst", None)])
    assert db.execute(
        "SELECT message_text(bodies, text_body), message_html(bodies, html_body) FROM rows ORDER BY rowid"
    ).fetchall() == [("nieuw", "<b>nieuw</b>"), ("oud", "<i>oud</i>"), ("alleen tekst", None)]
    assert message_text(None, "oud") == "oud" and message_html(None, None) is None


def test_bodies_can_say_the_html_stays_in_the_raw_mail():
    left = pack_bodies("tekst", None, html_in_raw=True)
    assert unpack_bodies(left) == ("tekst", None)
    assert html_in_raw(left) and not html_in_raw(pack_bodies("tekst", None)) and not html_in_raw(None)
    assert not html_in_raw(pack_bodies("tekst", "<p>tekst</p>"))
