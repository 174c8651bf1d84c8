"""Request numbers that are the same on every desktop: what people say on the phone and what ``[#N]`` tags carry.

A request's number (``requests.number``) is derived from what every desktop knows alike: the key of the message
that opened it (Message-ID and content hash) or the key a request entered by hand was given. The key picks six
digits; when another request holds them already, the next candidate of the same key's sequence is tried. So no
desktop needs to ask another, and the number survives a changed UIDVALIDITY. Inside the store a request is known by
its row (``requests.id``), which never changes: the number is what goes out and comes in.

When two keys pick the same six digits (about one pair in 900,000), the lower key (in text order) holds them and
the other moves on to its next candidate, whichever request a desktop learned of first: every request holds the
first of its candidates that no lower key holds, so desktops that saw the same requests in any order number them
alike. A request whose number a lower key claims later (a message learned of after it) moves on to its next place.

Numbers given before this scheme stay findable as aliases (``request_aliases``), so tags in old replies still work.
"""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
from collections.abc import Iterator, Sequence

import sqlite_utils

LOWEST = 100_000
SPAN = 900_000  # six digits: short enough to read out, room for ten times a large desk's yearly requests


def candidates(key: str) -> Iterator[int]:
    """The numbers a key tries in turn; the first is the one it almost always gets."""
    for attempt in itertools.count():
        digest = hashlib.sha256(f"{attempt}:{key}".encode()).digest()
        yield LOWEST + int.from_bytes(digest[:8], "big") % SPAN


# The number a request gets until its key places it (store.team_changes), or for good when nothing keys it: one past
# the highest.
NEXT_NUMBER = "(SELECT coalesce(max(number), 0) + 1 FROM requests)"


def message_number_key(message_id: str | None, raw_sha256: str | None) -> str:
    """A mail request's key for numbering: both parts, since real mail repeats Message-IDs."""
    return f"{message_id or ''}|{raw_sha256 or ''}"


def insert_numbered(db: sqlite_utils.Database, key: str, insert: str, values: Sequence[object]) -> int:
    """Run ``insert`` (its first parameter the number) with the first of ``key``'s candidates that no lower key
    holds, and return the new request's id: the insert itself finds out whether a number is free, so filing a new
    request mostly costs one statement. A request with a higher key on that number moves on to its own next place.
    Call inside a transaction.

    The id is the cursor's ``lastrowid``: with ``RETURNING id`` instead, Python's sqlite3 made each insert three
    times as slow (53 µs against 17)."""
    for number in candidates(key):
        try:
            return _inserted(db, insert, [number, *values])
        except sqlite3.IntegrityError as error:
            if error.sqlite_errorcode != sqlite3.SQLITE_CONSTRAINT_UNIQUE:
                raise
        holder_key = number_key(db, number)
        if holder_key is None or holder_key <= key:
            continue  # a lower key holds it (or a request nothing names alike on other desktops)
        _move_on(db, number, holder_key)
        return _inserted(db, insert, [number, *values])
    raise AssertionError("unreachable: the candidates never end")


def _inserted(db: sqlite_utils.Database, insert: str, values: list[object]) -> int:
    row_id = db.execute(insert, values).lastrowid
    assert row_id is not None, "an INSERT sets lastrowid"
    return row_id


def _move_on(db: sqlite_utils.Database, number: int, key: str) -> None:
    """Move the request on ``number`` (numbered by ``key``) to the next of its candidates that no lower key holds,
    moving a higher key's request on from there first: every request moves once, straight to its new number.

    The candidates before ``number`` are all held by lower keys, or the request would not be on it."""
    later = itertools.dropwhile(lambda candidate: candidate != number, candidates(key))
    next(later)
    for candidate in later:
        if _holder(db, candidate) is not None:
            holder_key = number_key(db, candidate)
            if holder_key is None or holder_key <= key:
                continue
            _move_on(db, candidate, holder_key)
        db.execute("UPDATE requests SET number = ? WHERE number = ?", [candidate, number])
        return


def _holder(db: sqlite_utils.Database, number: int) -> int | None:
    row = db.execute("SELECT id FROM requests WHERE number = ?", [number]).fetchone()
    return None if row is None else int(row[0])


def number_key(db: sqlite_utils.Database, number: int) -> str | None:
    """The key the request on ``number`` was numbered by: the one it was entered under, else its opening
    message's."""
    row = db.execute(
        "SELECT k.key, m.message_id, m.raw_sha256 FROM requests q LEFT JOIN request_keys k ON k.request_id = q.id "
        "LEFT JOIN messages m ON m.id = q.first_message_id WHERE q.number = ?",
        [number],
    ).fetchone()
    if row is None or (row[0] is None and row[2] is None):
        return None
    return str(row[0]) if row[0] is not None else message_number_key(row[1], row[2])


def place(db: sqlite_utils.Database, request_id: int, key: str) -> int:
    """Give the request ``request_id``, numbered by ``key``, the first of its candidates that no lower key holds,
    moving a request with a higher key out of it (and on to its own place), and return that number. Call inside a
    transaction."""
    for number in candidates(key):
        holder = _holder(db, number)
        if holder == request_id:
            return number
        holder_key = number_key(db, number) if holder is not None else None
        if holder is not None and (holder_key is None or holder_key <= key):
            continue  # a lower key holds it (or a request nothing names alike on other desktops)
        if holder is not None:
            db.execute("UPDATE requests SET number = ? WHERE id = ?", [-number, holder])  # out of the way
        db.execute("UPDATE requests SET number = ? WHERE id = ?", [number, request_id])
        if holder is not None and holder_key is not None:
            place(db, holder, holder_key)
        return number
    raise AssertionError("unreachable: the candidates never end")


def by_number(db: sqlite_utils.Database, account_id: int, number: int) -> int | None:
    """The request a number names (following merges), an old number included."""
    row = db.execute(
        "SELECT coalesce(merged_into, id) FROM requests WHERE account_id = ? AND id IN ((SELECT id FROM requests "
        "WHERE number = ?), (SELECT request_id FROM request_aliases WHERE number = ?)) ORDER BY number = ? DESC LIMIT 1",
        [account_id, number, number, number],
    ).fetchone()
    return int(row[0]) if row else None


def request_numbered(db: sqlite_utils.Database, number: int) -> int | None:
    """The request a number names, also one it had before numbers were shared."""
    row = db.execute(
        "SELECT id FROM requests WHERE number = ? UNION ALL SELECT request_id FROM request_aliases WHERE number = ? "
        "LIMIT 1",
        [number, number],
    ).fetchone()
    return int(row[0]) if row else None


def number_of(db: sqlite_utils.Database, request_id: int) -> int:
    """What people and mail call the request."""
    return int(db.execute("SELECT number FROM requests WHERE id = ?", [request_id]).fetchone()[0])
