"""Attachment names are safe single path components on Windows, macOS and Linux."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mail.filenames import MAX_BYTES, sanitize_filename

WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Offerte 2026.pdf", "Offerte 2026.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\jan\\Desktop\\scan.pdf", "scan.pdf"),
        ("..", "attachment"),
        ("", "attachment"),
        (None, "attachment"),
        ("   ", "attachment"),
        ("CON", "_CON"),
        ("con.txt", "_con.txt"),
        ("LPT1.tar.gz", "_LPT1.tar.gz"),
        ("COM9", "_COM9"),
        ("CONSOLE.txt", "CONSOLE.txt"),
        ("rapport. ", "rapport"),
        ("rapport...pdf", "rapport.pdf"),
        ('a<b>c:d"e|f?g*h.txt', "a_b_c_d_e_f_g_h.txt"),
        ("tab\there\x00nul\x1f.txt", "tab_here_nul_.txt"),
        ("factuur\u202efdp.exe", "factuurfdp.exe"),
        ("Übersicht März.xlsx", "Übersicht März.xlsx"),
        ("Financie\u0308n.docx", "Financiën.docx"),
    ],
)
def test_examples(name, expected):
    assert sanitize_filename(name) == expected


def test_long_names_keep_their_extension():
    result = sanitize_filename("verslag " * 100 + ".docx")
    assert len(result.encode()) <= MAX_BYTES and result.endswith(".docx")


@pytest.mark.parametrize("character", ["報", "Ü", "😀", "ก"])
def test_a_long_name_of_multibyte_characters_fits_255_utf8_bytes_and_keeps_its_extension(character):
    result = sanitize_filename(character * 200 + ".xlsx")
    assert len(result.encode("utf-8")) <= MAX_BYTES
    assert result.endswith(".xlsx") and result[:-5] == character * len(result[:-5])
    assert len(result.encode("utf-8")) > MAX_BYTES - 4 - len(".xlsx")  # as long as whole characters allow


def test_fallback_is_configurable():
    assert sanitize_filename("...", fallback="message.eml") == "message.eml"


@given(st.text(max_size=400) | st.text(st.characters(min_codepoint=0x3000), max_size=400))
def test_any_name_becomes_a_safe_component(name):
    result = sanitize_filename(name)
    assert result
    assert len(result.encode("utf-8")) <= MAX_BYTES
    assert "/" not in result and "\\" not in result and ".." not in result
    assert not any(ord(char) < 32 or char in '<>:"|?*' for char in result)
    assert not result.endswith((".", " "))
    assert result.split(".")[0].rstrip().upper() not in WINDOWS_RESERVED
    assert result == unicodedata.normalize("NFC", result)
    result.encode("utf-8")  # no lone surrogates


@given(st.text(max_size=100))
def test_sanitising_is_idempotent(name):
    once = sanitize_filename(name)
    assert sanitize_filename(once) == once
