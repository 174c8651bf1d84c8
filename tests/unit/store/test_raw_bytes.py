"""Raw message bytes survive the store exactly, in the format written now and in the one written before."""

from __future__ import annotations

import zlib

from hypothesis import given
from hypothesis import strategies as st

from store.raw_bytes import pack, unpack


@given(st.binary(max_size=20_000))
def test_any_bytes_come_back_exactly(raw: bytes) -> None:
    assert unpack(pack(raw)) == raw


@given(st.binary(max_size=5_000))
def test_rows_compressed_with_zlib_before_are_still_read(raw: bytes) -> None:
    assert unpack(zlib.compress(raw)) == raw
    assert unpack(zlib.compress(raw, 1)) == raw


def test_a_mail_shrinks() -> None:
    mail = (
        b"Subject: Kapotte printer\r\n\r\n" + b"De printer op de tweede verdieping doet het niet.\r\n" * 200
    )
    assert len(pack(mail)) < len(mail) / 10
