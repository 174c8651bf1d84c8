"""One message as fetched from one folder: the server's facts plus what the parser made of it.

Copies are made in the worker processes of a large sync, so this module imports nothing beyond the standard library,
``store``'s plain records, its time helpers and its compression: a worker that starts faster parses its first batch
sooner.
"""

from __future__ import annotations

import dataclasses
import hashlib
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
# The attachments columns each of FetchedCopy.attachment_values holds, in order, after the message's row id.
ATTACHMENT_COLUMNS = ("filename", "content_type", "size", "sha256", "inline")


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
    # ATTACHMENT_COLUMNS per attachment: names, sizes and digests, worked out where the bytes are
    attachment_values: tuple[tuple[Any, ...], ...] = field(init=False, repr=False, compare=False)

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
            pack_bodies(parsed.text_body, parsed.html_body, parsed.html_in_raw),
            parsed.snippet,
            parsed.auto_kind,
            self.raw_sha256,
            self.size,
            _json_strings(sorted(self.flags)),
            "; ".join(parsed.problems) or None,
        )
        object.__setattr__(self, "stored_values", values)
        attachments = tuple(
            (a.filename, a.content_type, len(a.data), hashlib.sha256(a.data).hexdigest(), a.inline)
            for a in parsed.attachments
        )
        object.__setattr__(self, "attachment_values", attachments)

    def __getstate__(self) -> dict[str, Any]:
        """Sent from a worker process to the one that files it without what filing reads from its worked-out
        values instead: the attachments' bytes (filing stores their names, sizes and digests; the bytes stay in the
        raw mail) and the HTML (packed into the bodies). They were two fifths of the bytes every batch was pickled,
        piped and unpickled with, and the filing process hashed the attachments again."""
        parsed = self.parsed
        if parsed.html_body is None and not parsed.attachments:
            return self.__dict__  # nothing to leave out: most mail, whose HTML stays in the raw mail
        slim = object.__new__(
            ParsedMessage
        )  # a copy without the frozen record's __init__: a third of the cost
        slim.__dict__.update(parsed.__dict__, html_body=None)
        if parsed.attachments:
            slim.__dict__["attachments"] = tuple(dataclasses.replace(a, data=b"") for a in parsed.attachments)
        return {**self.__dict__, "parsed": slim}


def _json_strings(values: Iterable[str]) -> str:
    """The text ``json.dumps`` makes of a list of strings, without the encoder it builds on every call: that was a
    third of the time of working out a message's row values."""
    return "[" + ", ".join(map(encode_basestring_ascii, values)) + "]"


def _json_addresses(addresses: Iterable[Address]) -> str:
    """``json.dumps([[name, address], ...])``, as ``_json_strings``."""
    pairs = (f"[{encode_basestring_ascii(a.name)}, {encode_basestring_ascii(a.address)}]" for a in addresses)
    return "[" + ", ".join(pairs) + "]"
