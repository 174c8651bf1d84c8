"""Transfer decoding reads every body as binascii does, however fast the decoder underneath."""

from __future__ import annotations

import base64
import binascii

from hypothesis import given
from hypothesis import strategies as st

from mail.mime import _decode_base64

BASE64_ISH = st.lists(
    st.sampled_from(
        list(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\r\n\t -_!\x00\xff")
    ),
    max_size=300,
).map(bytes)


def _reading(decode, body):
    try:
        return decode(body)
    except (binascii.Error, ValueError):
        return "refused"


@given(st.one_of(st.binary(max_size=300), BASE64_ISH))
def test_any_body_decodes_or_is_refused_exactly_as_binascii_does(body):
    assert _reading(_decode_base64, body) == _reading(binascii.a2b_base64, body)


@given(st.binary(max_size=5000))
def test_mime_base64_with_line_breaks_round_trips(data):
    assert _decode_base64(base64.encodebytes(data)) == data
