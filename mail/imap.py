"""Opening an IMAP session for an account, with failures turned into ``mail.errors`` a person can act on."""

from __future__ import annotations

import imaplib
import logging
import os
import socket
import ssl
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import imapclient
from imapclient.exceptions import IMAPClientError, LoginError

from mail.errors import AuthFailed, MailError, ProtocolError, ServerUnavailable, TlsRefused, WrongPort
from mail.sasl import Secret

log = logging.getLogger(__name__)


def seconds_from_environment(name: str, default: float) -> float:
    """A network timing that tests shorten through the environment (so the processes a test starts share it)."""
    try:
        return float(os.environ.get(name, "") or default)
    except ValueError:
        return default


# The longest a silent server (a connection whose NAT entry died: no byte, no FIN) holds any one step of a session.
# A one-shot sync waits through at most three of them (the stuck read, the workers stuck at the same moment, the
# goodbye), so it gives up within a minute.
TIMEOUT_SECONDS = seconds_from_environment("LOKET_IMAP_TIMEOUT", 20.0)
# IDLE is renewed (or, without IDLE, the server polled) this often: a connection that died silently is noticed at the
# renewal, whose DONE gets no answer within the session timeout, so within a minute in all (RFC 2177's 29 minutes
# is a maximum; NAT boxes drop quiet connections much sooner).
IDLE_RENEW_SECONDS = seconds_from_environment("LOKET_IDLE_RENEW", 40.0)
PROTOCOL_LOGGER = "imapclient.imaplib"  # where imapclient sends imaplib's protocol trace
SENT_FLAG = rb"\\Sent"
# OpenSSL's reasons when the other side does not speak TLS at all (a plain IMAP or SMTP greeting came back).
NOT_TLS_REASONS = frozenset(
    {"WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "UNKNOWN_PROTOCOL", "HTTP_REQUEST"}
)

# Localised names of the Sent folder for servers without SPECIAL-USE, as Outlook, Thunderbird and webmails create them.
SENT_NAMES = (
    "Sent",
    "Sent Items",
    "Sent Messages",
    "Sent Mail",
    "Verzonden items",
    "Verzonden",
    "Gesendete Objekte",
    "Gesendet",
    "Posta inviata",
    "Inviata",
    "Elementi inviati",
)


class ImapAccount(Protocol):
    """What opening a session needs of an account (``store.accounts.Account`` has it)."""

    @property
    def imap_host(self) -> str: ...
    @property
    def imap_port(self) -> int: ...
    @property
    def imap_security(self) -> str: ...
    @property
    def username(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ImapLogin:
    """An account's IMAP facts alone: what a sync worker process is sent, so it need not import the store's
    account module and what that brings with it."""

    imap_host: str
    imap_port: int
    imap_security: str
    username: str

    @classmethod
    def of(cls, account: ImapAccount) -> ImapLogin:
        return cls(account.imap_host, account.imap_port, account.imap_security, account.username)


def connect(account: ImapAccount, password: Secret, timeout: float | None = None) -> imapclient.IMAPClient:
    """A logged-in client, with a password or an OAuth 2.0 bearer token; raises AuthFailed, TlsRefused or
    ServerUnavailable with a sentence."""
    timeout = TIMEOUT_SECONDS if timeout is None else timeout
    where = f"{account.imap_host}:{account.imap_port}"
    context = ssl.create_default_context()
    try:
        client = imapclient.IMAPClient(
            account.imap_host,
            port=account.imap_port,
            ssl=account.imap_security == "ssl",
            ssl_context=context,
            timeout=timeout,
        )
        _quiet_protocol_trace(client)
        if account.imap_security == "starttls":
            client.starttls(context)
    except ssl.SSLCertVerificationError as error:
        raise TlsRefused(
            f"the IMAP server {where} has a certificate that is not trusted ({error.verify_message})"
        ) from error
    except ssl.SSLError as error:
        if error.reason in NOT_TLS_REASONS:
            raise WrongPort(
                f"{where} does not answer TLS: the port or security setting looks wrong "
                f"(IMAP with security ssl is usually port 993, starttls or none port 143)"
            ) from error
        raise TlsRefused(f"TLS with the IMAP server {where} failed: {error.reason or error}") from error
    except imaplib.IMAP4.abort as error:
        raise _greeting_error(where, error) from error
    except (OSError, imaplib.IMAP4.error, IMAPClientError) as error:
        if isinstance(error, TimeoutError) and _while_greeting(error):
            raise ServerUnavailable(
                f"the IMAP server {where} took the connection but sent no greeting within {timeout:g} s: "
                f"a port that expects TLS (usually 993) needs security ssl; else the server is stuck"
            ) from error
        raise ServerUnavailable(f"the IMAP server {where} cannot be reached: {reason(error)}") from error
    try:
        _login(client, account, password)
    except LoginError as error:
        _close(client)
        if not isinstance(password, str):
            password.refused()
            raise AuthFailed(
                f"the IMAP server {where} refused the sign-in token for {account.username}"
            ) from error
        raise AuthFailed(
            f"the IMAP server {where} refused the username or password for {account.username}"
        ) from error
    except AuthFailed:
        _close(client)
        raise
    except (OSError, imaplib.IMAP4.error, IMAPClientError) as error:
        _close(client)
        raise ServerUnavailable(
            f"the IMAP server {where} cut the connection during login: {reason(error)}"
        ) from error
    return client


def _greeting_error(where: str, error: imaplib.IMAP4.abort) -> MailError:
    """What a greeting that is not IMAP's says about the port: an SMTP server greets with ``220``, a POP3 server
    with ``+OK``."""
    text = str(error)
    if "unexpected response: b'220" in text:
        return WrongPort(
            f"{where} answers like an SMTP server, not IMAP: the IMAP port looks wrong (usually 993 or 143)"
        )
    if "unexpected response: b'+OK" in text:
        return WrongPort(
            f"{where} answers like a POP3 server, not IMAP: the IMAP port looks wrong (usually 993 or 143)"
        )
    return ServerUnavailable(f"the IMAP server {where} answered something that is not IMAP: {text}")


def _while_greeting(error: BaseException) -> bool:
    """Whether the connection stood and only the greeting never came (imaplib reads it in ``_connect``): a port
    that waits for a TLS handshake looks like that, a host that drops the connection attempt does not."""
    return any(frame.f_code.co_name == "_connect" for frame, _line in traceback.walk_tb(error.__traceback__))


def _login(client: imapclient.IMAPClient, account: ImapAccount, secret: Secret) -> None:
    """LOGIN with a password; with a token AUTHENTICATE XOAUTH2, or OAUTHBEARER where only that is offered."""
    if isinstance(secret, str):
        client.login(account.username, secret)
        return
    bearer = secret.bearer()
    if client.has_capability("AUTH=XOAUTH2"):
        client.oauth2_login(bearer.user, bearer.token)
    elif client.has_capability("AUTH=OAUTHBEARER"):
        client.oauthbearer_login(bearer.user, bearer.token)
    else:
        raise AuthFailed(
            f"the IMAP server {account.imap_host} offers no OAuth 2.0 sign-in (XOAUTH2, OAUTHBEARER)"
        )


def _quiet_protocol_trace(client: imapclient.IMAPClient) -> None:
    """imapclient sets imaplib's trace level to 5 so its logger can show the protocol; imaplib then formats the
    repr of every line, literal and answer list before the logger drops it, which cost more CPU than the whole
    fetch. The trace stays on only while someone listens to it."""
    if not logging.getLogger(PROTOCOL_LOGGER).isEnabledFor(logging.DEBUG):
        client._imap.debug = 0


def find_sent_folder(client: imapclient.IMAPClient) -> str | None:
    """The Sent folder: by SPECIAL-USE where the server has it, else by a known name under the personal namespace."""
    folders = client.list_folders()
    for flags, _delimiter, name in folders:
        if SENT_FLAG in flags:
            return str(name)
    by_lower = {str(name).lower(): str(name) for _flags, _delimiter, name in folders}
    prefixes = [""]
    for _flags, delimiter, name in folders:
        if str(name).upper() == "INBOX" and delimiter:
            prefixes.append(
                "INBOX" + delimiter.decode() if isinstance(delimiter, bytes) else "INBOX" + delimiter
            )
    for prefix in prefixes:
        for candidate in SENT_NAMES:
            found = by_lower.get((prefix + candidate).lower())
            if found:
                return found
    return None


def reason(error: BaseException) -> str:
    """A short reason for a network error, for messages that wrap it."""
    if isinstance(error, socket.timeout | TimeoutError):
        return "no answer in time"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, socket.gaierror):
        return "unknown host"
    return str(error) or type(error).__name__


def _close(client: imapclient.IMAPClient) -> None:
    try:
        client.shutdown()
    except OSError:
        log.debug("closing a failed IMAP connection", exc_info=True)


def logout(client: imapclient.IMAPClient) -> None:
    """End a session politely; one that is already gone is no error."""
    try:
        client.logout()
    except (OSError, imaplib.IMAP4.error, IMAPClientError):
        log.debug("logout failed", exc_info=True)


def drop(client: imapclient.IMAPClient) -> None:
    """Close a session that failed without saying goodbye: over a connection that stopped answering, a LOGOUT
    would only wait for its own timeout."""
    _close(client)


def imap_call(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run one IMAP command; a cut connection or a timeout becomes ServerUnavailable, a NO/BAD a ProtocolError."""
    try:
        return function(*args, **kwargs)
    except TimeoutError as error:
        raise ServerUnavailable(
            f"the IMAP server stopped answering for {TIMEOUT_SECONDS:g} s (a lost network connection?): "
            f"try again later; the next sync resumes where this one stopped"
        ) from error
    except (OSError, imaplib.IMAP4.abort) as error:
        raise ServerUnavailable(f"the connection to the IMAP server was lost: {reason(error)}") from error
    except (imaplib.IMAP4.error, IMAPClientError) as error:
        raise ProtocolError(f"the IMAP server refused a command: {error}") from error


def as_mail_error(error: BaseException, where: str) -> ProtocolError | ServerUnavailable:
    """Map a failure in the middle of a session to the mail layer's errors."""
    if isinstance(error, OSError | imaplib.IMAP4.abort):
        return ServerUnavailable(f"the connection to {where} was lost: {reason(error)}")
    return ProtocolError(f"the server {where} answered something unexpected: {error}")
