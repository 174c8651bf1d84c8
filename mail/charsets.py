"""Bytes to text for mail: every charset Python knows, the mislabels real mail carries, and nothing sqlite refuses.

Mail names its charset in a label that is often wrong (windows-1252 sent as iso-8859-1, UTF-8 sent as us-ascii,
labels no codec knows). Decoding never fails here: it falls back and says so, and the result never holds a lone
surrogate or a NUL, which sqlite refuses or truncates.
"""

from __future__ import annotations

import codecs
import functools
import re

# Labels seen in real mail that Python's codec registry does not know, mapped to the codec that reads them.
_ALIASES = {
    "latin-9": "iso8859-15",
    "iso-8859-8-i": "iso8859-8",
    "iso-8859-6-i": "iso8859-6",
    "windows-874": "cp874",
    "x-mac-roman": "mac-roman",
    "x-sjis": "shift_jis",
    "x-gbk": "gbk",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "ks_c_5601-1987": "euc_kr",  # as the email package reads it; Windows mail beyond EUC-KR falls back to cp949
    "x-user-defined": "cp1252",
    "windows1252": "cp1252",
    "cp-1252": "cp1252",
    "cp-850": "cp850",
}
# Labels whose mail often holds the Windows vendor extensions: read as labelled while that works (so the standard's
# own sequences keep their meaning), else by the vendor's superset.
_WIDER = {"euc_kr": "cp949", "shift_jis": "cp932", "big5": "big5hkscs"}
_WINDOWS_1252 = frozenset(("iso8859-1", "cp1252"))  # windows-1252 is what these labels mean in practice
# Codecs that are not mail charsets: decoding with them invents escapes or surrogates instead of reading text.
_NOT_MAIL = frozenset(("unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"))
_LABEL_END = re.compile(r"[\s;,\"']")
_UNSAFE = re.compile("[\x00\ud800-\udfff]")
_REAL_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")


def sqlite_safe(text: str) -> str:
    """The text without NULs and with lone surrogates replaced, so sqlite stores exactly what is shown."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda match: "" if match.group() == "\x00" else "\ufffd", text)


def _without_nul(text: str) -> str:
    """The cheap half of ``sqlite_safe`` for codecs that cannot produce surrogates (UTF-8, single-byte)."""
    return text.replace("\x00", "") if "\x00" in text else text


@functools.lru_cache(maxsize=512)
def codec_for(label: str | None) -> str | None:
    """The Python codec name for a charset label, or None when no text codec reads it."""
    if not label:
        return None
    cleaned = label.strip().strip("\"'").strip().lower()
    cleaned = _LABEL_END.split(cleaned, 1)[0]  # "utf-8 format=flowed", "utf-8;": a parameter glued on
    cleaned = _ALIASES.get(cleaned, cleaned)
    try:
        info = codecs.lookup(cleaned)
    except (LookupError, ValueError):
        return None
    if not info._is_text_encoding or info.name in _NOT_MAIL:
        return None
    return info.name


@functools.lru_cache(maxsize=128)
def reads_ascii_as_ascii(label: str | None) -> bool:
    """Whether ASCII bytes under this label are the ASCII text they look like. Not so for the charsets that are
    7-bit on the wire (ISO-2022-JP, UTF-7, HZ: their escapes are ASCII bytes), the UTF-16/32 family and EBCDIC."""
    codec = codec_for(label)
    if codec is None or "iso2022" in codec:
        return codec is None
    sample = bytes(range(128))
    try:
        return sample.decode(codec) == sample.decode("ascii")
    except UnicodeDecodeError:
        return False


def _western(data: bytes) -> str:
    """UTF-8 when the bytes are UTF-8, else windows-1252 (for unlabelled or wrongly labelled 8-bit text)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _windows_1252(data)


def _windows_1252(data: bytes) -> str:
    """Windows-1252, with latin-1 for the five bytes it leaves undefined, so that any byte reads."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def decode_text(data: bytes, label: str | None) -> tuple[str, str | None]:
    """Decode a body or header word; returns the text and a problem sentence when the result is a guess."""
    if data.isascii() and reads_ascii_as_ascii(label):
        return _without_nul(data.decode("ascii")), None
    codec = codec_for(label)
    if codec is None:
        problem = f"unknown charset {label!r}, read as UTF-8/windows-1252" if label else None
        return _without_nul(_western(data)), problem
    if codec in _WINDOWS_1252:
        return _without_nul(_windows_1252(data)), None
    if codec == "ascii":  # 8-bit bytes under an ASCII label: the sender never looked; UTF-8 is the best guess
        return _without_nul(_western(data)), None
    try:
        decoded = data.decode(codec)
        return (_without_nul(decoded) if codec == "utf-8" else sqlite_safe(decoded)), None
    except UnicodeDecodeError:
        if codec in _WIDER:
            return decode_text(data, _WIDER[codec])
    except (LookupError, ValueError):  # codecs that refuse some inputs outright (e.g. over-long labels)
        return sqlite_safe(_western(data)), f"charset {label!r} unreadable, read as UTF-8/windows-1252"
    text = data.decode(codec, errors="replace")
    if codec == "utf-8" and not _has_real_utf8(text):
        return sqlite_safe(_western(data)), f"invalid UTF-8, read as windows-1252 ({label!r})"
    return sqlite_safe(text), f"invalid bytes for charset {label!r} replaced"


def _has_real_utf8(text: str) -> bool:
    """Whether a leniently decoded text holds any valid multi-byte character (else it was never UTF-8)."""
    return _REAL_NON_ASCII.search(text) is not None


def decode_8bit(data: bytes) -> str:
    """Decode header bytes sent without encoding: UTF-8 when valid, else windows-1252 (both common)."""
    return _without_nul(data.decode("ascii") if data.isascii() else _western(data))
