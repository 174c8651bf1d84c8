"""What can go wrong when talking to a mail server, in words a person can act on."""

from __future__ import annotations


class MailError(Exception):
    """Base of the mail layer's failures; ``str()`` is one sentence for the user."""


class AuthFailed(MailError):
    """The server refused the username or password."""


class ServerUnavailable(MailError):
    """The server could not be reached, did not answer in time, or cut the connection."""


class TlsRefused(MailError):
    """The server's certificate was not trusted or TLS could not be set up."""


class ProtocolError(MailError):
    """The server answered something Loket cannot work with."""


class NoPassword(MailError):
    """No password is stored for the account in the keyring."""


class WrongPort(MailError):
    """The port answers another protocol, or TLS where none was asked for (or none where TLS was): the port or the
    security setting is wrong, not the server."""


class SigninRequired(AuthFailed):
    """The provider refused the account's OAuth 2.0 refresh token (consent revoked, password changed, account
    disabled), or it never signed in: only signing in again helps."""
