"""The mailbox's own secret for rating tokens, kept in the mailbox so every desktop of a team signs and checks alike.

It is a message in Loket's folder (``Loket`` under the personal namespace, e.g. ``INBOX.Loket`` where a server keeps
every folder under INBOX) with the header ``X-Loket-Kind: mailbox-secret``; never in INBOX, appended as seen, so no
mail client shows it as new mail. A desktop that finds none creates one; when two desktops did so at once, the one
with the lowest UID is the secret for all. Each desktop keeps a copy in the system keyring (never in SQLite), which
the compose path reads without a server round trip.
"""

from __future__ import annotations

import base64
import binascii
import logging
import secrets
from datetime import datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import format_datetime

import imapclient
import keyring
import keyring.errors

from mail.credentials import SERVICE
from mail.errors import ProtocolError
from mail.imap import imap_call
from mail.loket_folder import ensure_folder, loket_folder
from store.accounts import Account

log = logging.getLogger(__name__)

KIND_HEADER = "X-Loket-Kind"
SECRET_KIND = "mailbox-secret"


def _secret_message(account: Account, secret: bytes, now: datetime) -> bytes:
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = account.address
    message["To"] = account.address
    message["Subject"] = "Loket: the mailbox's rating secret (keep this message)"
    message["Date"] = format_datetime(now)
    message[KIND_HEADER] = SECRET_KIND
    message.set_content(base64.b64encode(secret).decode("ascii") + "\n")
    return message.as_bytes()


def _lowest(client: imapclient.IMAPClient, folder: str) -> bytes | None:
    """The secret of the lowest-UID secret message in the folder, or None when there is none."""
    imap_call(client.select_folder, folder, readonly=True)
    try:
        uids = imap_call(client.search, ["HEADER", KIND_HEADER, SECRET_KIND])
        if not uids:
            return None
        uid = min(uids)
        data = imap_call(client.fetch, [uid], ["BODY.PEEK[]"])[uid][b"BODY[]"]
    finally:
        imap_call(client.close_folder)  # Courier refuses an APPEND to a folder selected read-only
    body = message_from_bytes(data, policy=policy.default).get_body(("plain",))
    try:
        return base64.b64decode(str(body.get_content() if body else "").strip(), validate=True) or None
    except (binascii.Error, ValueError):
        log.warning("the mailbox secret message (UID %s in %s) cannot be read", uid, folder)
        return None


def mailbox_secret(client: imapclient.IMAPClient, account: Account, now: datetime) -> bytes:
    """The mailbox's secret, made and stored in Loket's folder when the mailbox has none yet."""
    folder = loket_folder(client)
    ensure_folder(client, folder)
    found = _lowest(client, folder)
    if found is None:
        message = _secret_message(account, secrets.token_bytes(32), now)
        imap_call(client.append, folder, message, flags=[imapclient.SEEN], msg_time=now)
        found = _lowest(client, folder)  # another desktop's may have come first: the lowest UID wins
        log.info("a rating secret was stored in %s", folder)
    if found is None:
        raise LookupError(f"the rating secret appended to {folder} cannot be found there")
    return found


def rating_secret(client: imapclient.IMAPClient, account: Account, now: datetime) -> bytes | None:
    """The secret for a sync pass: this desktop's copy, else the mailbox's (fetched or made, then kept); None when
    the server refuses the folder, and ratings are then ordinary messages until it accepts."""
    secret = remembered_secret(account)
    if secret is None:
        try:
            secret = mailbox_secret(client, account, now)
        except (ProtocolError, LookupError) as error:
            log.warning("no rating secret for %s: %s", account.name, error)
            return None
        remember_secret(account, secret)
    return secret


def _key(account: Account) -> str:
    return f"rating-secret:{account.username}@{account.imap_host}"


def remember_secret(account: Account, secret: bytes) -> None:
    """Keep this desktop's copy in the keyring; without a keyring, replies go out without rating links."""
    try:
        keyring.set_password(SERVICE, _key(account), base64.b64encode(secret).decode("ascii"))
    except keyring.errors.KeyringError as error:
        log.warning("the keyring refused the rating secret: %s", error)


def remembered_secret(account: Account) -> bytes | None:
    """This desktop's copy of the mailbox's secret, or None before the first sync (or without a keyring)."""
    try:
        text = keyring.get_password(SERVICE, _key(account))
    except keyring.errors.KeyringError as error:
        log.warning("the keyring could not be read for the rating secret: %s", error)
        return None
    return base64.b64decode(text) if text else None
