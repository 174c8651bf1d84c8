"""Loket's own folder in the mailbox: where the team's changes and the mailbox's rating secret live, never INBOX.

One rule for its name, so every desktop and every use finds the same folder.
"""

from __future__ import annotations

import imapclient

from mail.errors import ProtocolError
from mail.imap import imap_call

FOLDER = "Loket"


def loket_folder(client: imapclient.IMAPClient) -> str:
    """``Loket`` under the server's personal namespace, with its delimiter: ``INBOX.Loket`` where the server keeps
    every folder below INBOX (Courier)."""
    if client.has_capability("NAMESPACE"):
        personal = imap_call(client.namespace).personal
        if personal:
            prefix = personal[0][0]
            return (prefix.decode() if isinstance(prefix, bytes) else str(prefix)) + FOLDER
    return FOLDER


def ensure_folder(client: imapclient.IMAPClient, name: str) -> None:
    """Create the folder unless it exists (another desktop may create it at the same moment)."""
    if imap_call(client.folder_exists, name):
        return
    try:
        imap_call(client.create_folder, name)
    except ProtocolError:
        if not imap_call(client.folder_exists, name):
            raise
