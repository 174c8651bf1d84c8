"""Whole messages by ``UID FETCH``, read off the connection by a reader made for exactly that answer.

imapclient lexes every FETCH answer one character at a time in Python and turns INTERNALDATE into a naive local
time, and imaplib formats a trace line for every line it reads; on a first sync that was most of a worker's fetching
time. The answer to ``UID FETCH <uids> (UID BODY.PEEK[] INTERNALDATE FLAGS)`` is small and regular around the
message literal, so it is read here: lines and literals straight from imaplib's buffered connection, into imaplib's
own shape for FETCH data (byte strings, and (head, literal) pairs where a line ends in a literal), then read with
regular expressions. An answer laid out the way servers usually send it (the items, then the body's literal, then the
closing parenthesis) takes one match; anything else goes through a general reader that follows RFC 3501's grammar
for what it reads: items in any order, a message's items spread over several answers, unsolicited answers (without
UID) skipped, NIL or quoted bodies.
"""

from __future__ import annotations

import functools
import imaplib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import imapclient

from mail.errors import ProtocolError

FETCH_ITEMS = b"(UID BODY.PEEK[] INTERNALDATE FLAGS)"

_TOKEN = rb'\(|\)|"(?:[^"\\]|\\.)*"|(?:[^\s()"\[\]]|\[[^\]]*\])+'
_TOKENS = re.compile(_TOKEN, re.S)
_WELL_FORMED = re.compile(rb"(?:\s*(?:" + _TOKEN + rb"))*\s*\Z", re.S)
_LITERAL_END = re.compile(rb"\{(\d+)\+?\}\s*\Z")
_UNTAGGED_FETCH = re.compile(rb"\* (\d+) FETCH (.*)", re.S | re.I)
_PLAIN_ITEM = rb'(?:UID \d+|INTERNALDATE "[^"\\]*"|FLAGS \([^()"]*\))'
_PLAIN_HEAD = re.compile(rb"\d+ \(((?:" + _PLAIN_ITEM + rb" )*)BODY\[\] \{\d+\}\Z")
_PLAIN_ITEMS = re.compile(rb'(UID|INTERNALDATE|FLAGS) (\d+|"[^"]*"|\([^()]*\)) ')
_ESCAPE = re.compile(rb"\\(.)", re.S)
_INTERNALDATE = re.compile(r" ?(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)\Z")
_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
)}  # fmt: skip
_OPEN, _CLOSE = object(), object()


@dataclass(frozen=True, slots=True)
class FetchedMessage:
    uid: int
    raw: bytes | None  # None: the server sent no body (NIL), or none at all
    internal_date: datetime | None  # aware, UTC
    flags: tuple[str, ...]


def fetch_messages(client: imapclient.IMAPClient, uids: Sequence[int]) -> dict[int, FetchedMessage]:
    """The whole messages of these UIDs in the selected folder, without setting ``\\Seen``."""
    imap = client._imap  # imapclient keeps its imaplib session here
    tag = imap._new_tag()
    try:
        imap.send(b"%s UID FETCH %s %s\r\n" % (tag, ",".join(map(str, uids)).encode(), FETCH_ITEMS))
        status, text, data = _read_answer(imap, tag)
    finally:
        imap.tagged_commands.pop(tag, None)
    if status != b"OK":
        raise ProtocolError(f"the IMAP server refused to send messages: {text.decode('utf-8', 'replace')}")
    return parse_fetch(data)


def _read_answer(imap: imaplib.IMAP4, tag: bytes) -> tuple[bytes, bytes, list[Any]]:
    """Lines up to the command's completion: its status and text, and the FETCH data in imaplib's shape. Other
    untagged answers (a new message's EXISTS, an EXPUNGE) are passed over: the next pass of the sync sees them."""
    data: list[Any] = []
    completion = tag + b" "
    while True:
        line = _line(imap)
        if line.startswith(completion):
            status, _, text = line[len(completion) :].partition(b" ")
            return status.upper(), text, data
        if line[:1] != b"*":
            raise imaplib.IMAP4.abort(f"unexpected response: {line[:80]!r}")
        if line[2:5].upper() == b"BYE":
            raise imaplib.IMAP4.abort(line[6:].decode("utf-8", "replace") or "the server said BYE")
        fetch = _UNTAGGED_FETCH.match(line)
        if fetch is not None:
            line = fetch[1] + b" " + fetch[2]
        while literal := _LITERAL_END.search(line):
            size = int(literal[1])
            body = imap.read(size)
            if len(body) != size:
                raise imaplib.IMAP4.abort("socket error: EOF in the middle of a message")
            if fetch is not None:
                data.append((line, body))
            line = _line(imap)
        if fetch is not None:
            data.append(line)


def _line(imap: imaplib.IMAP4) -> bytes:
    line = imap.readline()
    if not line.endswith(b"\r\n"):
        raise imaplib.IMAP4.abort("socket error: EOF" if not line else f"unterminated line: {line[:80]!r}")
    return line[:-2]


def parse_fetch(data: Sequence[Any]) -> dict[int, FetchedMessage]:
    """imaplib's untagged FETCH data into messages by UID; answers of one message are merged."""
    plain = _plain_answers(data)
    return plain if plain is not None else _any_answers(data)


def _any_answers(data: Sequence[Any]) -> dict[int, FetchedMessage]:
    """Any layout RFC 3501 allows, read token by token."""
    items: dict[int, dict[bytes, Any]] = {}
    tokens = _tokens(data)
    for token in tokens:
        if token is None:
            continue  # an empty line between answers
        if not isinstance(token, bytes) or not token.isdigit():
            raise ProtocolError(f"the IMAP server sent a FETCH answer that is not one: {token!r}")
        if next(tokens, None) is not _OPEN:
            raise ProtocolError("the IMAP server sent a FETCH answer without its list of items")
        fields = _pairs(_list(tokens))
        uid = fields.get(b"UID")
        if isinstance(uid, bytes) and uid.isdigit():
            items.setdefault(int(uid), {}).update(fields)
    return {uid: _message(uid, fields) for uid, fields in items.items()}


def _plain_answers(data: Sequence[Any]) -> dict[int, FetchedMessage] | None:
    """The usual layout, one match per message: each answer a head with UID, INTERNALDATE and FLAGS (in any order)
    ending in the body's literal, then the closing parenthesis. None when any answer is laid out otherwise."""
    messages: dict[int, FetchedMessage] = {}
    if len(data) % 2:
        return None
    for head_and_body, trailer in zip(data[::2], data[1::2], strict=True):
        if trailer != b")" or not isinstance(head_and_body, tuple):
            return None
        head, body = head_and_body
        match = _PLAIN_HEAD.match(head)
        if match is None:
            return None
        fields = dict(_PLAIN_ITEMS.findall(match[1]))
        uid = fields.get(b"UID")
        if uid is None or int(uid) in messages:
            return None  # an unsolicited answer, or a message spread over answers
        date = fields.get(b"INTERNALDATE")
        flags = fields.get(b"FLAGS")
        messages[int(uid)] = FetchedMessage(
            int(uid),
            body,
            internal_date(date[1:-1].decode("ascii")) if date else None,
            tuple(flag.decode("utf-8", "replace") for flag in flags[1:-1].split()) if flags else (),
        )
    return messages


def _message(uid: int, fields: dict[bytes, Any]) -> FetchedMessage:
    body = fields.get(b"BODY[]")
    flags = fields.get(b"FLAGS", [])
    date = fields.get(b"INTERNALDATE")
    return FetchedMessage(
        uid,
        body if isinstance(body, bytes) else None,
        internal_date(date.decode("ascii", "replace")) if isinstance(date, bytes) else None,
        tuple(flag.decode("utf-8", "replace") for flag in flags if isinstance(flag, bytes))
        if isinstance(flags, list)
        else (),
    )


def internal_date(text: str) -> datetime | None:
    """``"02-Mar-2026 09:15:00 +0100"`` as an aware UTC datetime; None when it is not one. Month names are
    English whatever the locale, so no ``strptime``."""
    match = _INTERNALDATE.match(text)
    if match is None or match[2].lower() not in _MONTHS:
        return None
    day, _month, year, hour, minute, second, sign, off_hours, off_minutes = match.groups()
    try:
        moment = datetime(
            int(year), _MONTHS[match[2].lower()], int(day), int(hour), int(minute), int(second),
            tzinfo=UTC if off_hours == off_minutes == "00" else _zone(sign, off_hours, off_minutes),
        )  # fmt: skip
    except ValueError:
        return None
    return moment if moment.tzinfo is UTC else moment.astimezone(UTC)


@functools.cache
def _zone(sign: str, hours: str, minutes: str) -> timezone:
    """One zone object per offset: a mailbox's dates share a handful of them."""
    return timezone(timedelta(hours=int(hours), minutes=int(minutes)) * (-1 if sign == "-" else 1))


def _tokens(data: Sequence[Any]) -> Iterator[Any]:
    """Tokens of the whole answer: atoms and quoted strings as bytes, NIL as None, list marks, literal bodies."""
    for element in data:
        if isinstance(element, tuple):
            head, literal = element[0], element[1]
            yield from _line_tokens(head, expect_literal=True)
            yield literal
        elif isinstance(element, bytes):
            yield from _line_tokens(element, expect_literal=False)
        elif element is None:
            yield None


def _line_tokens(line: bytes, expect_literal: bool) -> Iterator[Any]:
    """One line's tokens, found by the regular expression engine in one pass once the line is known to be made
    of nothing else; a literal's announcement ends the line it belongs to."""
    literal = _LITERAL_END.search(line)
    if expect_literal != (literal is not None):
        raise ProtocolError(f"the IMAP server sent a literal where none was announced: {line[:80]!r}")
    if literal is not None:
        line = line[: literal.start()]
    if not _WELL_FORMED.match(line):
        raise ProtocolError(f"the IMAP server sent a FETCH answer that cannot be read: {line[:80]!r}")
    for token in _TOKENS.findall(line):
        if token == b"(":
            yield _OPEN
        elif token == b")":
            yield _CLOSE
        elif token[:1] == b'"':
            yield _ESCAPE.sub(rb"\1", token[1:-1]) if b"\\" in token else token[1:-1]
        else:
            yield None if token.upper() == b"NIL" else token


def _list(tokens: Iterator[Any]) -> list[Any]:
    """The rest of a parenthesised list whose opening mark was just read, nested lists included."""
    values: list[Any] = []
    for token in tokens:
        if token is _CLOSE:
            return values
        values.append(_list(tokens) if token is _OPEN else token)
    raise ProtocolError("the IMAP server ended a FETCH answer in the middle of a list")


def _pairs(values: list[Any]) -> dict[bytes, Any]:
    if len(values) % 2:
        raise ProtocolError("the IMAP server sent a FETCH item without its value")
    fields: dict[bytes, Any] = {}
    for name, value in zip(values[::2], values[1::2], strict=True):
        if not isinstance(name, bytes):
            raise ProtocolError("the IMAP server sent a FETCH item without a name")
        fields[_item_name(name)] = value
    return fields


def _item_name(name: bytes) -> bytes:
    """``BODY[]`` whatever the case, and ``BODY[]<0>`` (a server echoing an origin octet) as ``BODY[]``."""
    upper = name.upper()
    return b"BODY[]" if upper.startswith(b"BODY[]") else upper
