"""The FETCH answer reader agrees with imapclient's general parser on every shape of answer, and refuses garbage."""

from __future__ import annotations

import imaplib
import inspect
from datetime import UTC, datetime, timedelta, timezone

import imapclient
import pytest
from hypothesis import given
from hypothesis import strategies as st
from imapclient.response_parser import parse_fetch_response

from mail.errors import ProtocolError
from mail.fetch_response import _any_answers, _plain_answers, internal_date, parse_fetch

FLAGS = (
    b"\\Seen",
    b"\\Answered",
    b"\\Flagged",
    b"\\Recent",
    b"$Loket.Status.open",
    b"$Loket.Assignee.anna",
    b"Junk",
)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _imap_date(moment: datetime) -> bytes:
    offset = moment.utcoffset() or timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return (
        f'"{moment.day:02d}-{MONTHS[moment.month - 1]}-{moment.year} {moment:%H:%M:%S} '
        f'{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"'
    ).encode()


@st.composite
def answers(draw):
    """imaplib's data for one UID FETCH: answers with items in any order, bodies as literals (or NIL or quoted),
    some messages split over two answers, unsolicited flag updates without UID in between."""
    uids = draw(st.lists(st.integers(1, 10**9), min_size=1, max_size=5, unique=True))
    data: list = []
    expected = {}
    for seq, uid in enumerate(uids, start=1):
        body = draw(st.one_of(st.binary(max_size=300), st.none(), st.just(b"quoted body")))
        quoted = body == b"quoted body"
        moment = draw(st.datetimes(datetime(1990, 1, 1), datetime(2090, 1, 1))).replace(microsecond=0)
        zone = timezone(timedelta(minutes=draw(st.integers(-12 * 60, 14 * 60))))
        moment = moment.replace(tzinfo=zone)
        flags = draw(st.lists(st.sampled_from(FLAGS), unique=True))
        items = [
            (b"UID", str(uid).encode()),
            (b"INTERNALDATE", _imap_date(moment)),
            (b"FLAGS", b"(" + b" ".join(flags) + b")"),
            (draw(st.sampled_from([b"BODY[]", b"body[]"])), body),
        ]
        items = draw(st.permutations(items))
        split = draw(st.booleans())
        parts = [items[:2], items[2:]] if split else [items]
        for part in parts:
            if (
                b"UID",
                str(uid).encode(),
            ) not in part:  # every answer to a UID command names its UID (RFC 3501)
                part = [(b"UID", str(uid).encode()), *part]
            line = f"{seq} (".encode()
            for index, (name, value) in enumerate(part):
                line += (b" " if index else b"") + name + b" "
                if name.upper() == b"BODY[]" and value is not None and not quoted:
                    data.append((line + b"{%d}" % len(value), value))
                    line = b""
                elif name.upper() == b"BODY[]":
                    line += b"NIL" if value is None else b'"quoted body"'
                else:
                    line += value
            data.append(line + b")")
        if draw(st.booleans()):
            data.append(f"{seq + 100} (FLAGS (\\Seen))".encode())
        expected[uid] = (body, moment.astimezone(UTC), {f.decode() for f in flags})
    return data, expected


@given(answers())
def test_every_shape_of_answer_reads_as_imapclient_reads_it(answer):
    data, expected = answer
    ours = parse_fetch(data)
    theirs = parse_fetch_response(data, normalise_times=True, uid_is_key=True)
    assert set(ours) == set(expected)
    for uid, (body, moment, flags) in expected.items():
        assert ours[uid].raw == body
        assert ours[uid].raw == theirs[uid].get(b"BODY[]")
        assert ours[uid].internal_date == moment
        assert ours[uid].internal_date == theirs[uid][b"INTERNALDATE"].astimezone(UTC)
        assert set(ours[uid].flags) == flags


@st.composite
def usual_answers(draw):
    """Answers laid out as servers usually send them: UID, INTERNALDATE and FLAGS in any order, then the body."""
    data: list = []
    for seq, uid in enumerate(draw(st.lists(st.integers(1, 10**9), min_size=1, max_size=5, unique=True)), 1):
        moment = draw(st.datetimes(datetime(1990, 1, 1), datetime(2090, 1, 1))).replace(microsecond=0)
        zone = timezone(timedelta(minutes=draw(st.integers(-12 * 60, 14 * 60))))
        flags = draw(st.lists(st.sampled_from(FLAGS), unique=True))
        items = [
            b"UID " + str(uid).encode(),
            b"INTERNALDATE " + _imap_date(moment.replace(tzinfo=zone)),
            b"FLAGS (" + b" ".join(flags) + b")",
        ]
        body = draw(st.binary(max_size=300))
        head = f"{seq} (".encode() + b" ".join(draw(st.permutations(items))) + b" BODY[] {%d}" % len(body)
        data += [(head, body), b")"]
    return data


@given(usual_answers())
def test_the_usual_layout_is_read_in_one_match_as_the_general_reader_reads_it(data):
    plain = _plain_answers(data)
    assert plain is not None
    assert plain == _any_answers(data)


def test_a_dovecot_answer_with_items_after_the_literal():
    data = [
        (b"7 (UID 42 BODY[] {5}", b"Hello"),
        b' INTERNALDATE "02-Mar-2026 09:15:00 +0100" FLAGS (\\Seen))',
    ]
    message = parse_fetch(data)[42]
    assert message.raw == b"Hello"
    assert message.internal_date == datetime(2026, 3, 2, 8, 15, tzinfo=UTC)
    assert message.flags == ("\\Seen",)


@pytest.mark.parametrize(
    "data",
    [
        [b"7 (UID 42 BODY[] NIL"],  # the list never ends
        [b'7 (UID 42 BODY[] "unterminated)'],
        [b"7 (UID 42 BODY[])"],  # an item without its value
        [b"FETCH (UID 42)"],  # no sequence number
        [(b"7 (UID 42 BODY[]", b"bytes without an announced literal"), b")"],
        [b"7 (UID 42 BODY[] {5}"],  # a literal announced, none sent
    ],
)
def test_garbage_is_a_protocol_error_not_a_crash(data):
    with pytest.raises(ProtocolError):
        parse_fetch(data)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02-Mar-2026 09:15:00 +0100", datetime(2026, 3, 2, 8, 15, tzinfo=UTC)),
        (" 2-Oct-2026 23:30:00 -0230", datetime(2026, 10, 3, 2, 0, tzinfo=UTC)),
        ("31-Feb-2026 10:00:00 +0000", None),
        ("02-Mrt-2026 09:15:00 +0100", None),
        ("", None),
    ],
)
def test_internal_dates_read_in_english_whatever_the_locale(text, expected):
    assert internal_date(text) == expected


def test_no_answer_at_all_is_no_message():
    """imaplib hands over [None] when the server answered no FETCH (every UID expunged meanwhile)."""
    assert parse_fetch([None]) == {}


def test_imapclient_still_keeps_the_imaplib_session_the_fetch_reader_drives():
    """The reader sends on imapclient's imaplib session with imaplib's own tags; pyproject.toml bounds imapclient
    to the releases this holds for. A release that moves either fails here, before a sync fails in the field."""
    assert "self._imap = self._create_IMAP4()" in inspect.getsource(imapclient.IMAPClient)
    session = imaplib.IMAP4.__new__(imaplib.IMAP4)
    for name in ("_new_tag", "send", "readline", "read"):
        assert callable(getattr(session, name)), name
    assert "self.tagged_commands = {}" in inspect.getsource(imaplib.IMAP4.__init__)
