"""One message as fetched from one folder: the server's facts plus what the parser made of it.

Copies are made in the worker processes of a large sync, so this module imports nothing beyond the standard library,
``store``'s plain records, its time helpers and its compression: a worker that starts faster parses its first batch
sooner.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from json.encoder import encode_basestring_ascii
from typing import Any

from store.bodies import pack_bodies
from store.records import Address, ParsedMessage
from store.timeutil import to_db

# The messages columns FetchedCopy.stored_values holds, in order.
COPY_COLUMNS = (
    "uid", "message_id", "in_reply_to", "references_json", "thread_index", "subject", "from_addr", "from_name",
    "to_json", "cc_json", "date", "internal_date", "bodies", "snippet", "auto_kind", "raw_sha256",
    "size", "flags_json", "parse_problems",
)  # fmt: skip


@dataclass(frozen=True)
class FetchedCopy:
    """One message as fetched from one folder: the server's facts plus what the parser made of it.

    Its message-row values that depend on nothing else are worked out when it is made, which during a large sync
    is in a worker process: the thread that files every batch only writes them.
    """

    uid: int
    internal_date: datetime
    flags: tuple[str, ...]
    size: int
    raw_sha256: str
    raw_compressed: bytes
    parsed: ParsedMessage
    stored_values: tuple[Any, ...] = field(init=False, repr=False, compare=False)  # COPY_COLUMNS, in order

    def __post_init__(self) -> None:
        parsed = self.parsed
        values = (
            self.uid,
            parsed.message_id,
            parsed.in_reply_to,
            _json_strings(parsed.references),
            parsed.thread_index,
            parsed.subject,
            parsed.sender.address,
            parsed.sender.name,
            _json_addresses(parsed.to),
            _json_addresses(parsed.cc),
            to_db(parsed.date) if parsed.date else None,
            to_db(self.internal_date),
            pack_bodies(parsed.text_body, parsed.html_body),
            parsed.snippet,
            parsed.auto_kind,
            self.raw_sha256,
            self.size,
            _json_strings(sorted(self.flags)),
            "; ".join(parsed.problems) or None,
        )
        object.__setattr__(self, "stored_values", values)


def _json_strings(values: Iterable[str]) -> str:
    """The text ``json.dumps`` makes of a list of strings, without the encoder it builds on every call: that was a
    third of the time of working out a message's row values."""
    return "[" + ", ".join(map(encode_basestring_ascii, values)) + "]"


def _json_addresses(addresses: Iterable[Address]) -> str:
    """``json.dumps([[name, address], ...])``, as ``_json_strings``."""
    pairs = (f"[{encode_basestring_ascii(a.name)}, {encode_basestring_ascii(a.address)}]" for a in addresses)
    return "[" + ", ".join(pairs) + "]"
