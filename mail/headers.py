"""Reading structured header values: RFC 2047 words, addresses, dates and message ids, tolerant of what mailers send.

Each function takes an already unfolded header value and returns plain data; what it cannot read it reports through
the ``problems`` list it is given instead of raising, because one bad header must not cost the rest of a message.
"""

from __future__ import annotations

import binascii
import re
from datetime import UTC, datetime
from email.headerregistry import HeaderRegistry
from email.utils import getaddresses, parsedate_to_datetime

from mail.charsets import decode_text, sqlite_safe
from store.records import Address

_ENCODED_WORD = re.compile(r"=\?([^?\s]{1,75})\?([qQbB])\?([^?]*)\?=")
_BASE64_WORD = re.compile(rb"[A-Za-z0-9+/]*={0,2}")
_WHITESPACE = re.compile(r"\s+")
_ANGLE_ID = re.compile(r"<([^<>]*)>")
_ID_TOKEN = re.compile(r"<[^<>]*>|[^\s<>,;()]+")
_MAX_ID = 500
_ADDR_SPEC = r"""[^<>\s",;:()\\@\[\]]+@[^<>\s",;:()\\@\[\]]+"""
_SIMPLE_ADDRESS = re.compile(
    rf"""\s*(?:(?:"([^"\\]*)"|([^<>",;:()\\@\[\]]*?))\s*<\s*({_ADDR_SPEC})\s*>|({_ADDR_SPEC}))?\s*(?:,|$)"""
)
_EARLIEST_YEAR, _LATEST_YEAR = 1970, 2200
_ADDRESS_HEADER = HeaderRegistry()


def decode_words(value: str, problems: list[str] | None = None) -> str:
    """Decode RFC 2047 encoded words; whitespace between adjacent words is dropped and split characters rejoined."""
    if "=?" not in value:
        return value
    out: list[str] = []
    pending = bytearray()
    pending_charset: str | None = None
    position = 0
    for match in _ENCODED_WORD.finditer(value):
        between = value[position : match.start()]
        if between and (not between.isspace() or pending_charset is None):
            if pending_charset is not None:
                out.append(_decode_word(pending, pending_charset, problems))
                pending, pending_charset = bytearray(), None
            out.append(between)
        charset = match.group(1).split("*", 1)[0]  # RFC 2231 language suffix: =?utf-8*en?Q?...?=
        data = _word_bytes(match.group(2), match.group(3), problems)
        if data is None:  # not decodable: the word stays as it was written, like any other text
            if pending_charset is not None:
                out.append(_decode_word(pending, pending_charset, problems))
                pending, pending_charset = bytearray(), None
            out.append(match.group())
            position = match.end()
            continue
        if pending_charset is not None and charset.lower() != pending_charset.lower():
            out.append(_decode_word(pending, pending_charset, problems))
            pending = bytearray()
        pending += data
        pending_charset = charset
        position = match.end()
    if pending_charset is not None:
        out.append(_decode_word(pending, pending_charset, problems))
    out.append(value[position:])
    return "".join(out)


def _word_bytes(encoding: str, text: str, problems: list[str] | None) -> bytes | None:
    """The word's bytes; None when its base64 holds characters outside the alphabet or cannot be whole."""
    raw = text.encode("ascii", "replace")
    if encoding in "qQ":
        return binascii.a2b_qp(raw, header=True)
    if _BASE64_WORD.fullmatch(raw) is not None and len(raw.rstrip(b"=")) % 4 != 1:
        try:
            return binascii.a2b_base64(raw + b"=" * (-len(raw) % 4))
        except (binascii.Error, ValueError):
            pass
    if problems is not None:
        problems.append("undecodable encoded word in a header, kept as written")
    return None


def _decode_word(data: bytearray, charset: str, problems: list[str] | None) -> str:
    text, problem = decode_text(bytes(data), charset)
    if problem and problems is not None:
        problems.append(problem)
    return text


def unstructured(value: str | None, problems: list[str] | None = None) -> str:
    """A header like Subject as one line of text: encoded words decoded, folding and control whitespace collapsed."""
    if not value:
        return ""
    return _WHITESPACE.sub(" ", decode_words(value, problems)).strip()


def addresses(values: list[str] | None, problems: list[str]) -> tuple[Address, ...]:
    """All addresses in the given header values; names decoded, addresses lower-cased; groups flattened."""
    if not values:
        return ()
    pairs = _simple_pairs(values)
    try:
        if pairs is None:
            pairs = _full_pairs(values)
    except Exception as error:  # the stdlib parser has raised IndexError and others on garbage
        problems.append(f"unreadable address header ({type(error).__name__})")
        return ()
    found: list[Address] = []
    for name, address in pairs:
        normalised = _normalise_address(address)
        display = unstructured(name, problems).strip("\"' ")
        if not normalised and not display:
            display = unstructured(address)  # "From: MAILER-DAEMON": no address, but worth showing
        if normalised or display:
            found.append(Address(sqlite_safe(display), normalised))
    return tuple(found)


def _simple_pairs(values: list[str]) -> list[tuple[str, str]] | None:
    """(name, address) pairs of the common header shapes with a regex; None sends the value to the full parser."""
    pairs: list[tuple[str, str]] = []
    for value in values:
        position, end = 0, len(value)
        while position < end:
            match = _SIMPLE_ADDRESS.match(value, position)
            if match is None or match.end() == position:
                return None
            quoted, plain, bracketed, bare = match.groups()
            if bracketed or bare:
                pairs.append((quoted if quoted is not None else (plain or ""), bracketed or bare))
            position = match.end()
    return pairs


def _full_pairs(values: list[str]) -> list[tuple[str, str]]:
    """(name, address) pairs of the shapes the regex leaves alone. ``getaddresses`` reads a name given only as a
    comment ("jan@example.nl (Jan de Vries)") but puts a space wherever a quoted string is glued to a word
    (``Jan"tje" <...>``); the RFC 5322 parser of ``policy.default`` reads such phrases right, so its names win,
    except for names it leaves empty and names with encoded words, which ``unstructured`` decodes by RFC 2047."""
    legacy = getaddresses(values)
    try:
        modern = [
            (address.display_name, address.addr_spec)
            for value in values
            for address in getattr(_ADDRESS_HEADER("to", value), "addresses", ())
        ]
    except Exception:  # the RFC 5322 parser fails on some garbage that getaddresses reads
        return legacy
    if len(modern) != len(legacy):
        return legacy
    return [
        (legacy_name if not name or "=?" in legacy_name else name, legacy_address)
        for (legacy_name, legacy_address), (name, _) in zip(legacy, modern, strict=True)
    ]


def _normalise_address(address: str) -> str:
    cleaned = address.strip().strip("<>").strip().lower()
    if "@" not in cleaned or len(cleaned) > 320:
        return ""
    return sqlite_safe(cleaned)


def first_address(values: list[str] | None, problems: list[str]) -> Address:
    """The first address of a header such as From, or an empty Address when there is none."""
    found = addresses(values, problems)
    return found[0] if found else Address("", "")


def date(value: str | None, problems: list[str]) -> datetime | None:
    """An aware datetime from an RFC 5322 date; ``-0000`` and zone-less dates are taken as UTC."""
    if not value:
        problems.append("no Date header")
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        problems.append(f"unreadable Date {value[:60]!r}")
        return None
    if parsed is None or not _EARLIEST_YEAR <= parsed.year <= _LATEST_YEAR:
        problems.append(f"implausible Date {value[:60]!r}")
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def message_id(value: str | None) -> str | None:
    """The first message id in a header, as ``<id>``; bare ids get their brackets, inner whitespace is dropped."""
    if not value:
        return None
    match = _ANGLE_ID.search(value)
    if match:
        inner = "".join(match.group(1).split())
    else:
        tokens = value.split()
        with_at = [token for token in tokens if "@" in token]
        inner = (with_at[0] if with_at else tokens[0] if len(tokens) == 1 else "").strip("<>")
    if not inner or len(inner) > _MAX_ID:
        return None
    return f"<{inner}>"


def message_ids(value: str | None) -> tuple[str, ...]:
    """All message ids of a References header, in order, without duplicates; commas and missing brackets tolerated."""
    if not value:
        return ()
    found: dict[str, None] = {}
    for token in _ID_TOKEN.findall(value):
        if token.startswith("<"):
            inner = "".join(token[1:-1].split())
        elif "@" in token:
            inner = token
        else:
            continue  # a stray word or comment, not an id
        if inner and len(inner) <= _MAX_ID:
            found.setdefault(f"<{inner}>", None)
    return tuple(found)
