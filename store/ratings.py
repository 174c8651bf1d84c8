"""Ratings from requesters without a web server: links in the "resolved" reply open a mail to the desk whose subject
names the request (by its number) and the rating and carries a token only Loket can make.

The token is an HMAC of request number and rating with the mailbox's own secret (``mail.mailbox_secret`` keeps it in the
mailbox, so every desktop of a team checks alike). Checking is a pure function; a message that passes it, from the
request's requester, is recorded as a ``rating`` event instead of an answer: it neither reopens the request nor
stops a wait. The latest rating of a request is its satisfaction.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from datetime import datetime
from typing import NamedTuple
from urllib.parse import quote

import sqlite_utils

from store.lifecycle import record_event
from store.vocabulary import EventKind, Role

SCALE = range(1, 6)
SIGNATURE_SEPARATOR = "-- \n"
_SUBJECT = re.compile(r"\[#(\d+)\] rating ([1-5])/5 \(([a-z2-7]{12})\)")
# The line above the links, in the languages replies are written in; English for any other.
INTROS = {
    "en": "How did we do? Rate this answer from 1 (poor) to 5 (very good):",
    "nl": "Hoe deden we het? Geef dit antwoord een cijfer van 1 (slecht) tot 5 (heel goed):",
    "de": "Wie waren wir? Bewerten Sie diese Antwort von 1 (schlecht) bis 5 (sehr gut):",
    "it": "Come siamo andati? Valuti questa risposta da 1 (scarsa) a 5 (ottima):",
}


class Rating(NamedTuple):
    number: int  # the request's number, as the subject names it
    value: int


def rating_token(secret: bytes, number: int, value: int) -> str:
    """Twelve base32 characters (60 bits) of HMAC-SHA256 over request number and rating: short enough for a
    subject."""
    digest = hmac.new(secret, f"loket-rating:{number}:{value}".encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii")[:12].lower()


def rating_subject(secret: bytes, number: int, value: int) -> str:
    """``[#123456] rating 4/5 (token)``: the subject of a rating link's mail, ASCII so every mail client keeps
    it."""
    return f"[#{number}] rating {value}/5 ({rating_token(secret, number, value)})"


def checked_rating(secret: bytes, subject: str) -> Rating | None:
    """The rating a subject carries when its token is right for its request number and value; else None (forged,
    altered or no rating at all). Reply prefixes a mail client adds are allowed before it."""
    match = _SUBJECT.search(subject or "")
    if match is None:
        return None
    number, value, token = int(match.group(1)), int(match.group(2)), match.group(3)
    if not hmac.compare_digest(token, rating_token(secret, number, value)):
        return None
    return Rating(number, value)


def rating_links(secret: bytes, address: str, number: int, language: str = "en") -> str:
    """The lines for below the signature: a question, then one line of five ``mailto:`` links, 1 to 5, for the
    request numbered ``number``."""
    links = [
        f"{value} <mailto:{address}?subject={quote(rating_subject(secret, number, value))}>"
        for value in SCALE
    ]
    return f"{INTROS.get(language, INTROS['en'])}\n{'  '.join(links)}"


def with_rating_links(text: str, line: str) -> str:
    """The reply's text with the rating line after its signature, before any quoted original; a text without a
    signature separator gets one, so the line never mixes with what the agent wrote."""
    head, separator, rest = text.partition(SIGNATURE_SEPARATOR)
    if not separator:
        return f"{text.rstrip()}\n\n{SIGNATURE_SEPARATOR}{line}\n"
    signature, quoted, original = rest.partition("\n\n")
    after = f"\n\n{original}" if quoted else "\n"
    return f"{head}{separator}{signature.rstrip()}\n{line}{after}"


def record_rating(
    db: sqlite_utils.Database,
    request_id: int,
    value: int,
    comment: str,
    message_row: int | None,
    at: datetime,
) -> None:
    """A rating of the request (the latest one counts); its status and timers stay as they are."""
    if value not in SCALE:
        raise ValueError(f"rating: {value} is not between 1 and 5")
    record_event(
        db,
        request_id,
        EventKind.RATING,
        Role.REQUESTER,
        at,
        message_row,
        data={"value": value, "comment": comment.strip()},
    )


def comment_of(text: str) -> str:
    """The sentence a requester wrote above anything quoted or signed; empty when they only clicked and sent."""
    lines = []
    for line in (text or "").splitlines():
        if line.startswith(">") or line.rstrip() == "--":
            break
        lines.append(line.strip())
    return " ".join(" ".join(lines).split())[:500]


def satisfaction(db: sqlite_utils.Database, request_id: int) -> tuple[int, str] | None:
    """The request's latest rating and its comment, or None."""
    row = db.execute(
        "SELECT json_extract(data_json, '$.value'), json_extract(data_json, '$.comment') FROM events "
        "WHERE request_id = ? AND kind = ? ORDER BY at DESC, id DESC LIMIT 1",
        [request_id, EventKind.RATING],
    ).fetchone()
    return None if row is None else (int(row[0]), row[1] or "")
