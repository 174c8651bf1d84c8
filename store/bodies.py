"""A message's plain and HTML bodies, kept compressed together in ``messages.bodies``.

Stored as text they took a quarter of the store, more than the mailbox's text itself; compressed (zstd, about a
third of the size) the store stays smaller than the mailbox. Queries read the text through the SQL function
``message_text(bodies, text_body)``, which every connection of ``open_db`` has, and Python reads both through
``stored_bodies``: rows written before keep their text in ``text_body`` and ``html_body``.

A message filed from the mailbox keeps no HTML here: its HTML part stays in the raw mail, and is read and sanitised
when the message is shown (``Bodies.html_in_raw``). Sanitising every HTML part at ingest cost a sixth of parsing a mailbox
of years, for messages hardly anyone opens again; kept here as well, the HTML made the store larger.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from store.raw_bytes import pack, unpack

_WITH_HTML, _WITHOUT_HTML, _HTML_IN_RAW = b"h", b"t", b"r"


def pack_bodies(text: str, html: str | None, html_in_raw: bool = False) -> bytes:
    """``html`` is sanitised HTML to keep; ``html_in_raw`` says the raw mail has an HTML part instead."""
    encoded = text.encode("utf-8", "surrogatepass")
    kind = _WITH_HTML if html is not None else _HTML_IN_RAW if html_in_raw else _WITHOUT_HTML
    head = kind + len(encoded).to_bytes(4, "little")
    return pack(head + encoded + (html or "").encode("utf-8", "surrogatepass"))


class Bodies(NamedTuple):
    text: str
    html: str | None  # sanitised HTML kept here
    html_in_raw: bool  # the raw mail has an HTML part, read when the message is shown


def unpack_bodies(bodies: bytes) -> Bodies:
    data = unpack(bodies)
    length = int.from_bytes(data[1:5], "little")
    text = data[5 : 5 + length].decode("utf-8", "surrogatepass")
    html = data[5 + length :].decode("utf-8", "surrogatepass") if data[:1] == _WITH_HTML else None
    return Bodies(text, html, data[:1] == _HTML_IN_RAW)


def stored_bodies(bodies: bytes | None, text_body: str | None, html_body: str | None) -> Bodies:
    """A message row's bodies, packed or (written before) in its text columns."""
    return Bodies(text_body or "", html_body, False) if bodies is None else unpack_bodies(bodies)


def message_text(bodies: bytes | None, text_body: str | None) -> str | None:
    return text_body if bodies is None else unpack_bodies(bodies).text


def register(conn: sqlite3.Connection) -> None:
    conn.create_function("message_text", 2, message_text, deterministic=True)
