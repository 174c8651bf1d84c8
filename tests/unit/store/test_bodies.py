"""A message's bodies are kept compressed, and every reader gets back exactly the text and HTML filed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from store.bodies import Bodies, message_text, pack_bodies, stored_bodies, unpack_bodies
from store.db import open_memory_db

texts = st.text(st.characters(blacklist_categories=("Cs",)))


@given(texts, st.none() | texts)
def test_bodies_come_back_as_filed(text, html):
    assert unpack_bodies(pack_bodies(text, html)) == Bodies(text, html, False)


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
    assert db.execute("SELECT message_text(bodies, text_body) FROM rows ORDER BY rowid").fetchall() == [
        ("nieuw",),
        ("oud",),
        ("alleen tekst",),
    ]
    rows = db.execute("SELECT bodies, text_body, html_body FROM rows ORDER BY rowid").fetchall()
    assert [stored_bodies(*row)[:2] for row in rows] == [
        ("nieuw", "<b>nieuw</b>"),
        ("oud", "<i>oud</i>"),
        ("alleen tekst", None),
    ]
    assert message_text(None, "oud") == "oud"


def test_bodies_can_say_the_html_stays_in_the_raw_mail():
    assert unpack_bodies(pack_bodies("tekst", None, html_in_raw=True)) == Bodies("tekst", None, True)
    assert not unpack_bodies(pack_bodies("tekst", None)).html_in_raw
    assert stored_bodies(None, "oud", "<i>oud</i>") == Bodies("oud", "<i>oud</i>", False)
