"""Attachment names that are safe to save on every platform, whatever the sender put in the header.

The one sanitiser of the app: the parser names attachments with it and the request view saves under its names.
"""

from __future__ import annotations

import re
import unicodedata

MAX_BYTES = (
    255  # of UTF-8: the limit of a name on ext4, XFS, btrfs, APFS (NTFS counts 255 UTF-16 units: fewer)
)
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*\ud800-\udfff]')
_INVISIBLE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)  # bidi tricks: "txt.exe" shown as "exe.txt"
_SPACES = re.compile(r"\s+")
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{prefix}{digit}" for prefix in ("COM", "LPT") for digit in "123456789¹²³"]
)
_MAX_EXTENSION = 16


def sanitize_filename(name: str | None, fallback: str = "attachment") -> str:
    """A single path component: no separators, control characters, reserved device names or trailing dots/spaces."""
    if not name:
        return fallback
    cleaned = unicodedata.normalize("NFC", name)
    cleaned = cleaned.replace("\\", "/").rstrip("/").rpartition("/")[2]  # old clients send a full path
    cleaned = _FORBIDDEN.sub("_", _INVISIBLE.sub("", cleaned))
    cleaned = _SPACES.sub(" ", cleaned).strip().strip(".").strip()
    while ".." in cleaned:
        cleaned = cleaned.replace("..", ".")
    cleaned = cleaned.rstrip(". ")
    if not cleaned or not cleaned.strip("_ "):
        return fallback
    stem, dot, extension = cleaned.rpartition(".")
    if not dot or len(extension) > _MAX_EXTENSION or " " in extension:
        stem, extension = cleaned, ""
    if stem.split(".", 1)[0].rstrip(" ").upper() in _RESERVED:
        stem = "_" + stem
    suffix = f".{extension}" if extension else ""
    room = MAX_BYTES - len(suffix.encode("utf-8"))
    if len(stem.encode("utf-8")) > room:
        # cut whole characters only; the extension stays, so the file still opens with the right program
        stem = stem.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(". ")
    return f"{stem}{suffix}" if stem else fallback
