"""Bytes to text under the labels real mail carries: never an exception, never a lone surrogate or a NUL, and a
problem sentence whenever the text is a guess."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mail.charsets import codec_for, decode_8bit, decode_text, reads_ascii_as_ascii, sqlite_safe

LABELS = st.one_of(
    st.none(),
    st.sampled_from(
        ["utf-8", "us-ascii", "iso-8859-1", "windows-1252", "shift_jis", "euc-kr", "utf-16", "iso-2022-jp",
         "utf-7", "koi8-r", "gb2312", "x-unknown", "unicode-escape", "utf-8; format=flowed", ""]
    ),
    st.text(max_size=12),
)  # fmt: skip


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("UTF-8", "utf-8"),
        (' "utf-8"; format=flowed', "utf-8"),
        ("latin-9", "iso8859-15"),
        ("ks_c_5601-1987", "euc_kr"),
        ("windows1252", "cp1252"),
        ("x-no-such-charset", None),
        ("unicode-escape", None),  # a Python codec, not a mail charset
        ("", None),
        (None, None),
    ],
)
def test_labels_name_the_codec_that_reads_them(label, codec):
    assert codec_for(label) == codec


def test_iso_8859_1_is_read_as_windows_1252_as_senders_mean_it():
    assert decode_text("Prijs: 5 € – “klaar”".encode("cp1252"), "iso-8859-1") == (
        "Prijs: 5 € – “klaar”",
        None,
    )


def test_utf8_under_an_ascii_label_is_read_as_utf8():
    assert decode_text("Straße".encode(), "us-ascii") == ("Straße", None)


def test_an_unknown_label_falls_back_and_says_so():
    text, problem = decode_text("Grüße".encode("cp1252"), "x-klingon")
    assert text == "Grüße"
    assert problem == "unknown charset 'x-klingon', read as UTF-8/windows-1252"


def test_windows_extensions_under_a_standard_label_are_read_by_the_vendor_superset():
    text, problem = decode_text("①".encode("cp932"), "shift_jis")  # a circled digit exists only in cp932
    assert (text, problem) == ("①", None)


def test_invalid_utf8_is_read_as_windows_1252_and_said():
    text, problem = decode_text(b"caf\xe9", "utf-8")
    assert text == "café"
    assert problem == "invalid UTF-8, read as windows-1252 ('utf-8')"


def test_seven_bit_charsets_are_decoded_not_taken_as_ascii():
    assert not reads_ascii_as_ascii("iso-2022-jp") and not reads_ascii_as_ascii("utf-7")
    assert reads_ascii_as_ascii("utf-8") and reads_ascii_as_ascii(None)
    assert decode_text("日本".encode("iso-2022-jp"), "iso-2022-jp") == ("日本", None)


def test_unencoded_header_bytes_are_utf8_when_valid_else_windows_1252():
    assert decode_8bit("Jürgen".encode()) == "Jürgen"
    assert decode_8bit("Jürgen".encode("cp1252")) == "Jürgen"
    assert decode_8bit(b"a\x00b") == "ab"


def test_sqlite_safe_drops_nuls_and_replaces_lone_surrogates():
    assert sqlite_safe("a\x00b\udce9c") == "ab\ufffdc"
    assert sqlite_safe("plain") == "plain"


@given(data=st.binary(max_size=200), label=LABELS)
def test_any_bytes_under_any_label_decode_to_text_sqlite_stores_as_is(data, label):
    text, problem = decode_text(data, label)
    assert problem is None or isinstance(problem, str)
    conn = sqlite3.connect(":memory:")
    assert conn.execute("SELECT ?", [text]).fetchone()[0] == text
