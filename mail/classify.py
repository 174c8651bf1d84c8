"""Which mail was sent by a machine: auto-replies, bounces, list mail and loops never open a request.

A pure function over a few header values, the subject and the content types, so that the rules are exact and can be
tested with generated input. A person's request wrongly taken for automatic mail is lost from the queues, so subject
rules are strict prefixes and weak signals only count together with a stronger one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from store.vocabulary import AutoKind

LOOP_HEADER = "x-loket-loop"  # reserved for mail Loket generates itself; arriving back here means a loop
MAX_RECEIVED = 50  # more hops than any real delivery path

_REPLY_PREFIX = (
    r"(?:(?:re|aw|sv|vs|antw|antwort|r|rif|ri|fw|fwd|wg|tr|doorst|i|enc)\s*(?:(?:\[\d+\]|\(\d+\))\s*)?:\s*)*"
)
_OUT_OF_OFFICE = (
    "out of office",
    "out of office reply",
    "out of office autoreply",
    "out of the office",
    "automatic reply",
    "autoreply",
    "auto reply",
    "auto-reply",
    "autoresponse",
    "auto response",
    "afwezig",
    "afwezigheidsmelding",
    "automatisch antwoord",
    "automatisch bericht",
    "abwesend",
    "abwesenheitsnotiz",
    "abwesenheitsnachricht",
    "automatische antwort",
    "risposta automatica",
    "fuori sede",
    "fuori ufficio",
    "assente",
)
_OUT_OF_OFFICE_SUBJECT = re.compile(
    rf"^{_REPLY_PREFIX}(?:{'|'.join(re.escape(phrase) for phrase in _OUT_OF_OFFICE)})\s*(?::|$)", re.I
)
# "Auto" means "car" in Dutch, German and Italian: "Auto: schade" may well be a request, so this prefix only counts
# as the very first word of a reply.
_AUTO_SUBJECT = re.compile(r"^auto\s*:", re.I)
_BOUNCE_SUBJECT = re.compile(
    r"^(?:undeliver|undelivered mail|delivery status notification|delivery failure|delivery has failed"
    r"|mail delivery (?:failed|failure|subsystem)|returned mail|failure notice|non remis|nicht zustellbar"
    r"|unzustellbar|onbestelbaar|niet bezorgd|non recapitabile|mancato recapito|warning: could not send)",
    re.I,
)
_DAEMON_SENDER = re.compile(r"\b(?:mailer-daemon|postmaster|mail delivery (?:system|subsystem))\b", re.I)
_LIST_PRECEDENCE = frozenset(("bulk", "list", "junk"))
_NEGATIVE = frozenset(("no", "false", "0", "off"))


def _value(headers: Mapping[str, str], name: str) -> str:
    return (headers.get(name) or "").strip().lower()


def classify(
    headers: Mapping[str, str],
    subject: str = "",
    content_type: str = "",
    part_types: Collection[str] = (),
    received_count: int = 0,
) -> str:
    """The automatic-mail kind of a message: ``none`` for a person, else loop, bounce, auto-reply or list.

    ``headers`` maps lower-case header names to their (first) decoded value; ``content_type`` is the top-level
    Content-Type value with parameters; ``part_types`` are the content types of the parts below it.
    """
    if LOOP_HEADER in headers or "x-loop" in headers or received_count > MAX_RECEIVED:
        return AutoKind.LOOP
    if _is_bounce(headers, subject, content_type, part_types):
        return AutoKind.BOUNCE
    if _is_auto_reply(headers, subject, content_type):
        return AutoKind.AUTO_REPLY
    if (
        "list-id" in headers
        or "list-unsubscribe" in headers
        or _value(headers, "precedence") in _LIST_PRECEDENCE
    ):
        return AutoKind.LIST
    return AutoKind.NONE


def _is_bounce(
    headers: Mapping[str, str], subject: str, content_type: str, part_types: Collection[str]
) -> bool:
    lowered = content_type.lower()
    if lowered.startswith("multipart/report") and "delivery-status" in lowered:
        return True
    if lowered.startswith("message/delivery-status") or "message/delivery-status" in part_types:
        return True
    sender = headers.get("from") or ""
    return bool(_DAEMON_SENDER.search(sender) and _BOUNCE_SUBJECT.match(subject.strip()))


def _is_auto_reply(headers: Mapping[str, str], subject: str, content_type: str) -> bool:
    submitted = _value(headers, "auto-submitted")
    if submitted:
        return submitted.split(";", 1)[0].strip() != "no"
    for name in ("x-autoreply", "x-autorespond", "x-autorespond-by"):
        if name in headers and _value(headers, name) not in _NEGATIVE:
            return True
    if _value(headers, "precedence") == "auto_reply":
        return True
    lowered = content_type.lower()
    if lowered.startswith("multipart/report") and "disposition-notification" in lowered:
        return True  # a read receipt
    is_reply = "in-reply-to" in headers or "references" in headers
    suppress = _value(headers, "x-auto-response-suppress")
    if is_reply and suppress and any(flag in ("all", "oof") for flag in re.split(r"[\s,]+", suppress)):
        return True
    stripped = subject.strip()
    if _OUT_OF_OFFICE_SUBJECT.match(stripped):
        return True
    return is_reply and _AUTO_SUBJECT.match(stripped) is not None
