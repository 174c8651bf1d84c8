"""Which request a message belongs to: pure rules over header values, no database.

Order of evidence (DESIGN.md): a reply header naming a known message, then Outlook's Thread-Index, then a request
tag ``[#123]`` in the subject. The subject alone never joins a message to a request: the same broken chair reported
again weeks later is a new request.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable, Sequence

from store.vocabulary import AutoKind, Direction

# Reply and forward prefixes as mail clients write them in English, Dutch, German, Italian and the Nordic languages
# that Outlook sometimes leaks: Re, RE[2], Aw (Antwort), Wg (Weitergeleitet), Antw (Antwoord), Doorst (Doorsturen),
# R (Risposta), I (Inoltro), Rif (Riferimento), Fw/Fwd, Tr (Transfert), Sv (Svar), Vs (Vidaresend).
_PREFIX = re.compile(
    r"^\s*(?:re|aw|wg|antw|antwort|doorst|fw|fwd|r|i|rif|tr|sv|vs|vl|ynt)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*",
    re.IGNORECASE,
)
_TAG = re.compile(r"\[#(\d{1,12})\]")
_THREAD_INDEX_ROOT_BYTES = 22


def strip_reply_prefixes(subject: str) -> str:
    """``"Re: AW: WG: Stoel kapot"`` → ``"Stoel kapot"``; a subject that is only prefixes keeps its last word."""
    text = subject.strip()
    while True:
        match = _PREFIX.match(text)
        if match is None or match.end() == len(text):
            return text
        text = text[match.end() :]


def has_reply_prefix(subject: str) -> bool:
    return strip_reply_prefixes(subject) != subject.strip()


def request_tag(subject: str) -> int | None:
    """The request number of a ``[#123]`` tag in the subject, as Loket puts it in its replies."""
    match = _TAG.search(subject)
    return int(match.group(1)) if match else None


def strip_request_tag(subject: str) -> str:
    return " ".join(_TAG.sub(" ", subject).split())


def display_subject(subject: str) -> str:
    """The subject a request shows: no reply prefixes, no request tag, single spaces."""
    return strip_reply_prefixes(strip_request_tag(strip_reply_prefixes(subject))) or subject.strip()


def thread_index_root(value: str | None) -> str | None:
    """The conversation part of an Outlook ``Thread-Index`` (its first 22 bytes), or None when unusable.

    Outlook appends 5 bytes per reply, so every message of one conversation shares these first 22 bytes.
    """
    if not value:
        return None
    try:
        decoded = base64.b64decode("".join(value.split()), validate=False)
    except (binascii.Error, ValueError):
        return None
    if len(decoded) < _THREAD_INDEX_ROOT_BYTES:
        return None
    return base64.b64encode(decoded[:_THREAD_INDEX_ROOT_BYTES]).decode("ascii")


def referenced_ids(in_reply_to: str | None, references: Sequence[str]) -> list[str]:
    """Message-IDs a message answers, most direct first: In-Reply-To, then References from newest to oldest."""
    ordered: list[str] = []
    for message_id in [in_reply_to, *reversed(references)]:
        if message_id and message_id not in ordered:
            ordered.append(message_id)
    return ordered


def choose_request(
    requests_by_reference: Iterable[int | None],
    request_by_thread_index: int | None,
    request_by_tag: int | None,
) -> int | None:
    """The request a message joins: the first referenced message that has one, else Thread-Index, else the tag."""
    for request_id in requests_by_reference:
        if request_id is not None:
            return request_id
    if request_by_thread_index is not None:
        return request_by_thread_index
    return request_by_tag


def opens_request(direction: str, auto_kind: str, sender: str, desk_addresses: Iterable[str]) -> bool:
    """Only a person's incoming message opens a request; automatic mail and the desk's own mail never do."""
    if direction != Direction.IN or auto_kind != AutoKind.NONE or not sender:
        return False
    return sender.lower() not in {address.lower() for address in desk_addresses}
