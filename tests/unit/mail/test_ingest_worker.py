"""The CPU-heavy half of ingest, as worker processes run it: a raw copy becomes a parsed, hashed, compressed one."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from mail.ingest_worker import RawCopy, prepared, sorted_flags
from store.raw_bytes import unpack

RAW = (
    b"From: Anna <anna@example.org>\r\nTo: desk@example.org\r\nSubject: =?utf-8?Q?Stoel_kapot_=E2=80=93_2.14?=\r\n"
    b"Message-ID: <chair@example.org>\r\nDate: Tue, 3 Mar 2026 10:15:00 +0100\r\n\r\nDe stoel wiebelt.\r\n"
)


def test_a_prepared_copy_keeps_the_exact_bytes_their_hash_and_what_the_parser_read():
    arrived = datetime(2026, 3, 3, 9, 16, tzinfo=UTC)
    copy = prepared(RawCopy(7, RAW, arrived, ("\\Seen",)))
    assert (copy.uid, copy.internal_date, copy.flags, copy.size) == (7, arrived, ("\\Seen",), len(RAW))
    assert copy.raw_sha256 == hashlib.sha256(RAW).hexdigest()
    assert unpack(copy.raw_compressed) == RAW
    assert copy.parsed.subject == "Stoel kapot – 2.14"
    assert copy.parsed.message_id == "<chair@example.org>"


def test_flags_are_sorted_and_recent_is_left_out():
    assert sorted_flags(["\\Seen", "\\Recent", "$loket_open", "\\Answered"]) == (
        "$loket_open",
        "\\Answered",
        "\\Seen",
    )
