"""Header values as mailers send them: encoded words, address lists, dates and message ids, read into plain data,
with what cannot be read said in the problems list and never raised."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from mail.headers import addresses, date, decode_words, first_address, message_id, message_ids, unstructured
from store.records import Address


def test_adjacent_encoded_words_join_and_a_character_split_between_them_is_rejoined():
    # "ü" is two UTF-8 bytes, each in its own base64 word.
    assert decode_words("=?utf-8?B?w7w=?=") == "ü"
    assert decode_words("=?UTF-8?Q?Gr=C3?= =?UTF-8?Q?=BC=C3=9Fe?=") == "Grüße"
    assert decode_words("=?iso-8859-1?q?caf=E9?= au lait") == "café au lait"


def test_an_rfc_2231_language_suffix_is_ignored():
    assert decode_words("=?utf-8*nl?Q?Stoel_kapot?=") == "Stoel kapot"


def test_an_undecodable_word_stays_as_written_and_is_reported():
    problems: list[str] = []
    assert decode_words("=?utf-8?B?@@@?= rest", problems) == "=?utf-8?B?@@@?= rest"
    assert problems == ["undecodable encoded word in a header, kept as written"]


def test_a_subject_is_one_line():
    assert unstructured("  Re: printer\r\n\t on floor 2  ") == "Re: printer on floor 2"
    assert unstructured(None) == ""


def test_addresses_are_lower_cased_names_decoded_and_groups_flattened():
    problems: list[str] = []
    found = addresses(
        ['"de Vries, Anna" <Anna@Example.ORG>, =?utf-8?Q?J=C3=BCrgen?= <jurgen@example.de>',
         "team: bram@example.org, eva@example.org;"],
        problems,
    )  # fmt: skip
    assert found == (
        Address("de Vries, Anna", "anna@example.org"),
        Address("Jürgen", "jurgen@example.de"),
        Address("", "bram@example.org"),
        Address("", "eva@example.org"),
    )
    assert problems == []


def test_a_name_given_as_a_comment_is_kept_and_a_sender_without_address_is_still_named():
    assert first_address(["jan@example.nl (Jan de Vries)"], []) == Address("Jan de Vries", "jan@example.nl")
    assert first_address(["MAILER-DAEMON"], []) == Address("MAILER-DAEMON", "")
    assert first_address(None, []) == Address("", "")


def test_dates_are_aware_and_implausible_ones_are_reported():
    problems: list[str] = []
    assert date("Tue, 3 Mar 2026 10:15:00 +0100", problems) == datetime(
        2026, 3, 3, 10, 15, tzinfo=timezone(timedelta(hours=1))
    )
    assert date("Tue, 3 Mar 2026 10:15:00 -0000", problems) == datetime(2026, 3, 3, 10, 15, tzinfo=UTC)
    assert problems == []
    assert date("Tue, 3 Mar 1901 10:15:00 +0000", problems) is None
    assert date("yesterday", problems) is None
    assert date(None, problems) is None
    assert problems == [
        "implausible Date 'Tue, 3 Mar 1901 10:15:00 +0000'",
        "unreadable Date 'yesterday'",
        "no Date header",
    ]


def test_message_ids_get_brackets_lose_inner_whitespace_and_keep_their_order():
    assert message_id("<abc@example.org> (comment)") == "<abc@example.org>"
    assert message_id("abc@example.org") == "<abc@example.org>"
    assert message_id("<ab\r\n c@example.org>") == "<abc@example.org>"
    assert message_id("") is None
    assert message_ids("<a@x> , b@y <a@x> stray <c@z>") == ("<a@x>", "<b@y>", "<c@z>")


@given(st.text(max_size=120))
def test_no_header_value_raises(value):
    problems: list[str] = []
    decode_words(value, problems)
    addresses([value], problems)
    date(value, problems)
    message_ids(value)
    assert all(isinstance(problem, str) for problem in problems)
