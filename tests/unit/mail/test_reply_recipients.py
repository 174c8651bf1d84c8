"""Who a plain reply goes to: the requester, or where their own Reply-To asks; an unreadable Reply-To is ignored."""

from __future__ import annotations

import pytest

from mail.compose import Original
from mail.reply import _reply_to, requester_recipients
from store.records import Address

JAN = Address("Jan de Vries", "jan@example.org")
TEAM = Address("Secretariaat", "secretariaat@example.org")


def _original(sender: Address, reply_to: tuple[Address, ...]) -> Original:
    return Original("<m@example.org>", "Sleutel", sender, None, "", reply_to=reply_to)


def test_the_requesters_reply_to_wins_over_their_address():
    assert requester_recipients(_original(JAN, (TEAM,)), JAN) == (TEAM,)


def test_a_reply_to_on_someone_elses_message_does_not_redirect_the_answer():
    colleague = Address("", "piet@example.org")
    assert requester_recipients(_original(colleague, (TEAM,)), JAN) == (JAN,)


def test_without_a_message_or_a_requester():
    assert requester_recipients(None, JAN) == (JAN,)
    assert requester_recipients(_original(JAN, (TEAM,)), None) == ()


@pytest.mark.parametrize(
    "header",
    [b"Reply-To: ,,, <<>>", b"Reply-To: =?utf-8?q?kapot", b"Reply-To:", b"Reply-To: \xff\xfe <@>"],
)
def test_an_unreadable_reply_to_names_nobody(header):
    assert _reply_to(header + b"\r\nFrom: jan@example.org\r\n\r\nbody") == ()


def test_reply_to_is_read_from_the_raw_headers():
    raw = b"From: jan@example.org\r\nReply-To: Secretariaat <Secretariaat@Example.org>\r\n\r\nbody"
    assert _reply_to(raw) == (Address("Secretariaat", "secretariaat@example.org"),)
