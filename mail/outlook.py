"""What Outlook and Exchange send that other mailers do not: ``winmail.dat`` (TNEF) and RTF bodies.

TNEF wraps a message's text and its attachments in one opaque part; Outlook users see the files inside it, so Loket
opens it (``tnefparse``) and lists them like any other attachment.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import Any

from mail.charsets import decode_text, sqlite_safe
from mail.html import html_to_text

logger = logging.getLogger(__name__)

TNEF_TYPES = frozenset(("application/ms-tnef", "application/vnd.ms-tnef"))
RTF_TYPES = frozenset(("text/rtf", "application/rtf", "text/richtext"))


@dataclass(frozen=True, slots=True)
class TnefContent:
    text: str
    files: tuple[tuple[str, bytes], ...]  # (name as sent, bytes)


def rtf_to_text(rtf: bytes | str) -> str:
    """The text of an RTF document, as Outlook shows an RTF-only body."""
    from striprtf.striprtf import rtf_to_text as strip

    source = rtf if isinstance(rtf, str) else rtf.decode("latin-1")
    return sqlite_safe(strip(source, errors="replace")).replace("\r\n", "\n").strip()


MAX_TNEF_COUNT = 10_000  # properties, values or recipients in one TNEF object; real files stay far below


def _bounded_range(*bounds: int) -> range:
    """``range`` for ``tnefparse``, which loops over counts read from the file and goes on past its end: a count
    of four billion would hold a sync worker for hours. A larger count ends the reading instead."""
    counted = range(*bounds)
    if len(counted) > MAX_TNEF_COUNT:
        raise ValueError(f"TNEF count {len(counted)} out of bounds")
    return counted


@functools.cache
def _tnef_reader() -> Any:
    from tnefparse import mapi, tnef

    for module in (mapi, tnef):
        module.range = _bounded_range  # module globals come before builtins
    logging.getLogger("tnefparse").setLevel(logging.ERROR)  # it warns once per property it skips
    return tnef.TNEF


def read_tnef(data: bytes) -> TnefContent:
    """The text and files inside a ``winmail.dat``; raises ``ValueError`` when it is not TNEF that can be read."""
    TNEF = _tnef_reader()
    try:
        tnef = TNEF(data, do_checksum=False)
    except Exception as error:  # the decoder indexes bytes freely: a cut file raises IndexError and others
        raise ValueError(f"unreadable TNEF ({type(error).__name__})") from error
    codepage = tnef.codepage or "cp1252"
    files = tuple((_name(item, codepage), bytes(item.data)) for item in tnef.attachments if item.data)
    return TnefContent(_body_text(tnef, codepage), files)


def _text(value: bytes | str, codepage: str) -> str:
    return decode_text(value, codepage)[0] if isinstance(value, bytes) else sqlite_safe(value)


def _name(attachment: Any, codepage: str) -> str:
    """The long file name, else the 8.3 title, which ``tnefparse`` reads as UTF-8 but Outlook wrote in the
    message's code page."""
    try:
        name = attachment.long_filename()
    except UnicodeDecodeError:
        name = attachment._name
    return _text(name, codepage).strip("\x00")


def _body_text(tnef: Any, codepage: str) -> str:
    if tnef.body:
        return _text(tnef.body, codepage).strip("\x00").replace("\r\n", "\n").strip()
    if tnef.htmlbody:
        return html_to_text(_text(tnef.htmlbody, codepage))
    try:
        rtf = tnef.rtfbody
    except Exception:  # a compressed RTF body that does not decompress costs the text, never the files
        logger.info("TNEF RTF body unreadable", exc_info=True)
        return ""
    return rtf_to_text(rtf) if rtf else ""
