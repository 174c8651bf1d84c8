"""An attachment's bytes when someone opens or saves it.

A received message's attachments are in its raw mail already, compressed: they are taken from there again, so the
store keeps them once and stays smaller than the mailbox. Only the desk's own replies keep theirs in ``blobs``, for
as long as no Sent copy of them is stored (and in stores written before this rule).
"""

from __future__ import annotations

import hashlib

import sqlite_utils

from mail.parse import parse_message
from store.raw_bytes import unpack


def attachment_bytes(db: sqlite_utils.Database, attachment_id: int) -> bytes | None:
    """The attachment's bytes, or None when neither a stored copy nor the message's raw mail holds them."""
    row = db.execute(
        "SELECT a.message_id, a.sha256, (SELECT data FROM blobs WHERE sha256 = a.sha256), "
        "(SELECT data FROM raw WHERE sha256 = m.raw_sha256) "
        "FROM attachments a JOIN messages m ON m.id = a.message_id WHERE a.id = ?",
        [attachment_id],
    ).fetchone()
    if row is None:
        return None
    message_row, digest, stored, raw = row
    if stored is not None:
        return bytes(stored)
    if raw is None:
        return None
    attachments = parse_message(unpack(raw)).attachments
    for attachment in attachments:
        if hashlib.sha256(attachment.data).hexdigest() == digest:
            return attachment.data
    # A parser that changed since reads the attachment a little differently: the one in the same position.
    position = db.execute(
        "SELECT count(*) FROM attachments WHERE message_id = ? AND id < ?", [message_row, attachment_id]
    ).fetchone()[0]
    return attachments[position].data if position < len(attachments) else None
