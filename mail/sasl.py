"""What a login presents: a password, or an OAuth 2.0 bearer token for XOAUTH2 / OAUTHBEARER.

Kept free of HTTP and OAuth libraries, so sync worker processes that receive a ``Bearer`` import nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Bearer:
    """A SASL user and an access token valid for at least a minute; ``repr`` never shows the token."""

    user: str
    token: str = field(repr=False)

    def bearer(self) -> Bearer:
        return self

    def refused(self) -> None:
        """A fixed token has nothing to forget."""


class BearerSource(Protocol):
    """Hands out a bearer fresh enough for one login (``mail.oauth_tokens.OAuthLogin`` refreshes as needed)."""

    def bearer(self) -> Bearer: ...

    def refused(self) -> None:
        """The server refused the last bearer (revoked before it expired): the next one must be a new one."""


Secret = str | BearerSource  # a password, or where bearer tokens come from


def fixed(secret: Secret) -> str | Bearer:
    """The secret as a value another process can be sent: a password as it is, a token source's current bearer."""
    return secret if isinstance(secret, str) else secret.bearer()


def xoauth2(bearer: Bearer) -> str:
    """The XOAUTH2 initial response (Google's and Microsoft's format)."""
    return f"user={bearer.user}\1auth=Bearer {bearer.token}\1\1"
