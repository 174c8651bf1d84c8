"""Where an account signs in with OAuth 2.0: Microsoft's and Google's endpoints and mail scopes built in, any
other OpenID Connect provider read from its issuer's ``.well-known/openid-configuration``."""

from __future__ import annotations

from dataclasses import dataclass

import requests

from mail.errors import ProtocolError, ServerUnavailable
from store.accounts import AccountError, check_issuer

HTTP_TIMEOUT_SECONDS = 30.0
MICROSOFT_DEFAULT_TENANT = "organizations"
MICROSOFT_SCOPE = (
    "https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send offline_access"
)
GOOGLE_SCOPE = "https://mail.google.com/"
OIDC_SCOPE = "openid email offline_access"


@dataclass(frozen=True, slots=True)
class Endpoints:
    authorization: str
    token: str
    device_authorization: str | None
    revocation: str | None
    scope: str
    loopback_host: str = "127.0.0.1"  # the redirect's host as registered at the provider
    extra: tuple[tuple[str, str], ...] = ()  # parameters the provider needs on the authorization URL


def microsoft(tenant: str | None) -> Endpoints:
    base = f"https://login.microsoftonline.com/{tenant or MICROSOFT_DEFAULT_TENANT}/oauth2/v2.0"
    return Endpoints(
        f"{base}/authorize",
        f"{base}/token",
        f"{base}/devicecode",
        None,
        MICROSOFT_SCOPE,
        loopback_host="localhost",  # Entra ID matches the registered http://localhost, any port
    )


GOOGLE = Endpoints(
    "https://accounts.google.com/o/oauth2/v2/auth",
    "https://oauth2.googleapis.com/token",
    "https://oauth2.googleapis.com/device/code",
    "https://oauth2.googleapis.com/revoke",
    GOOGLE_SCOPE,
    extra=(("access_type", "offline"), ("prompt", "consent")),  # Google sends a refresh token only then
)


def discover(issuer: str) -> Endpoints:
    """An OpenID Connect provider's endpoints from its discovery document."""
    try:
        check_issuer(issuer)
    except AccountError as error:
        raise ProtocolError(str(error)) from error
    url = issuer.rstrip("/") + "/.well-known/openid-configuration"
    try:
        response = requests.get(url, timeout=HTTP_TIMEOUT_SECONDS)
        response.raise_for_status()
        document = response.json()
    except requests.RequestException as error:
        raise ServerUnavailable(f"the sign-in service {issuer} cannot be reached: {error}") from error
    except ValueError as error:
        raise ProtocolError(f"the sign-in service {issuer} sent no OpenID configuration") from error
    try:
        return Endpoints(
            str(document["authorization_endpoint"]),
            str(document["token_endpoint"]),
            document.get("device_authorization_endpoint"),
            document.get("revocation_endpoint"),
            OIDC_SCOPE,
        )
    except KeyError as error:
        raise ProtocolError(f"the OpenID configuration of {issuer} lacks {error.args[0]}") from error


def endpoints_for(provider: str | None, issuer: str | None, tenant: str | None) -> Endpoints:
    if provider == "microsoft":
        return microsoft(tenant)
    if provider == "google":
        return GOOGLE
    if provider == "oidc" and issuer:
        return discover(issuer)
    raise ProtocolError(f"the OAuth provider {provider!r} is not one Loket knows")
