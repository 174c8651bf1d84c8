"""Signing in with OAuth 2.0 as a public client (no secret): the authorization code flow with PKCE through the
system browser and a loopback redirect, the device code flow (RFC 8628) for machines without a browser, and
refreshing. The protocol itself is authlib's; this module adds the loopback listener, the polling and the
sentences. Tokens are returned, never logged.
"""

from __future__ import annotations

import http.server
import logging
import secrets
import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.requests_client import OAuth2Session

from mail.errors import AuthFailed, ProtocolError, ServerUnavailable, SigninRequired
from mail.oauth_endpoints import HTTP_TIMEOUT_SECONDS, Endpoints

log = logging.getLogger(__name__)

BROWSER_TIMEOUT_SECONDS = 300.0
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
DEFAULT_INTERVAL_SECONDS = 5
SIGNED_IN_PAGE = (
    b"<!doctype html><meta charset=utf-8><title>Loket</title>"
    b"<p>Loket has what it needs. You can close this tab.</p>"
)


@dataclass(frozen=True, slots=True)
class Tokens:
    """A provider's answer: the access token, when it expires (epoch seconds), and the refresh token if sent."""

    access_token: str = field(repr=False)
    expires_at: float
    refresh_token: str | None = field(repr=False, default=None)


def _session(client_id: str, endpoints: Endpoints, **kwargs: Any) -> OAuth2Session:
    return OAuth2Session(
        client_id,
        token_endpoint_auth_method="none",
        scope=endpoints.scope,
        default_timeout=HTTP_TIMEOUT_SECONDS,
        **kwargs,
    )


def _tokens(answer: dict[str, Any], now: float) -> Tokens:
    if "access_token" not in answer:
        raise ProtocolError("the sign-in service sent no access token")
    return Tokens(
        str(answer["access_token"]),
        now + float(answer.get("expires_in") or 3600),
        answer.get("refresh_token"),
    )


def _service_error(error: Exception, endpoints: Endpoints) -> Exception:
    host = urlsplit(endpoints.token).hostname
    if isinstance(error, requests.RequestException):
        return ServerUnavailable(f"the sign-in service {host} cannot be reached: {error.__class__.__name__}")
    if isinstance(error, AuthlibBaseError):
        if error.error == "mismatching_state":
            return AuthFailed("the browser's answer belongs to another sign-in: sign in again")
        if error.error == "invalid_grant":
            return SigninRequired(f"the sign-in service {host} no longer accepts this sign-in")
        return AuthFailed(f"the sign-in service {host} refused: {error.error}")
    return ProtocolError(f"the sign-in service {host} answered something unexpected")


def refresh(endpoints: Endpoints, client_id: str, refresh_token: str) -> Tokens:
    """New tokens for a refresh token; ``SigninRequired`` when the provider refuses it (``invalid_grant``)."""
    try:
        answer = _session(client_id, endpoints).refresh_token(endpoints.token, refresh_token=refresh_token)
    except (AuthlibBaseError, requests.RequestException, ValueError) as error:
        raise _service_error(error, endpoints) from error
    return _tokens(dict(answer), time.time())


# -- device code (RFC 8628) -------------------------------------------------------------------------------------


def sign_in_with_device_code(
    endpoints: Endpoints,
    client_id: str,
    announce: Callable[[str, str], None],
    cancel: threading.Event | None = None,
) -> Tokens:
    """Ask for a user code, ``announce(verification_uri, user_code)``, then poll until the person has agreed."""
    if not endpoints.device_authorization:
        raise ProtocolError("this sign-in service offers no device code sign-in: use the browser")
    cancel = cancel or threading.Event()
    try:
        response = requests.post(
            endpoints.device_authorization,
            data={"client_id": client_id, "scope": endpoints.scope},
            timeout=HTTP_TIMEOUT_SECONDS,
        )
        grant = response.json()
    except (requests.RequestException, ValueError) as error:
        raise _service_error(error, endpoints) from error
    if "device_code" not in grant:
        raise AuthFailed(
            f"the sign-in service refused a device code: {grant.get('error', response.status_code)}"
        )
    announce(grant.get("verification_uri") or grant.get("verification_url", ""), grant["user_code"])
    interval = float(grant.get("interval") or DEFAULT_INTERVAL_SECONDS)
    deadline = time.monotonic() + float(grant.get("expires_in") or 900)
    session = _session(client_id, endpoints)
    while not cancel.wait(interval):
        try:
            answer = session.fetch_token(
                endpoints.token, grant_type=DEVICE_GRANT, device_code=grant["device_code"]
            )
            return _tokens(dict(answer), time.time())
        except AuthlibBaseError as error:
            if error.error == "authorization_pending" and time.monotonic() < deadline:
                continue
            if error.error == "slow_down":
                interval += 5
                continue
            if error.error == "access_denied":
                raise AuthFailed("the sign-in was declined") from error
            if error.error in ("expired_token", "authorization_pending"):
                raise AuthFailed("the sign-in code expired before it was used: sign in again") from error
            raise _service_error(error, endpoints) from error
        except (requests.RequestException, ValueError) as error:
            raise _service_error(error, endpoints) from error
    raise AuthFailed("the sign-in was cancelled")


# -- authorization code with PKCE through the system browser ------------------------------------------------------


class _Redirect(http.server.BaseHTTPRequestHandler):
    """Takes the one redirect the browser brings back and answers with a page saying it may close."""

    def do_GET(self) -> None:
        query = parse_qs(urlsplit(self.path).query)
        if "code" in query or "error" in query:
            self.server.answer = self.path  # type: ignore[attr-defined]
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(SIGNED_IN_PAGE)
        else:
            self.send_error(404)

    def log_message(self, format: str, *args: Any) -> None:
        """The request line carries the authorization code: never logged."""


def sign_in_with_browser(
    endpoints: Endpoints,
    client_id: str,
    login_hint: str | None = None,
    open_url: Callable[[str], bool] | None = None,
    cancel: threading.Event | None = None,
    timeout: float = BROWSER_TIMEOUT_SECONDS,
) -> Tokens:
    """Open the provider's sign-in page (with ``webbrowser``, which honours ``$BROWSER``, unless ``open_url`` is
    given) and wait at most ``timeout`` for its redirect to a loopback port."""
    cancel = cancel or threading.Event()
    open_url = open_url or webbrowser.open
    server = http.server.HTTPServer(("127.0.0.1", 0), _Redirect)
    server.timeout = 0.5
    server.answer = None  # type: ignore[attr-defined]
    try:
        redirect_uri = f"http://{endpoints.loopback_host}:{server.server_port}/"
        session = _session(client_id, endpoints, redirect_uri=redirect_uri, code_challenge_method="S256")
        verifier = secrets.token_urlsafe(64)
        extra = dict(endpoints.extra)
        if login_hint:
            extra["login_hint"] = login_hint
        url, state = session.create_authorization_url(
            endpoints.authorization, code_verifier=verifier, **extra
        )
        opened: list[bool] = []  # a browser command may only return once the browser closes: not waited for
        threading.Thread(target=lambda: opened.append(open_url(url)), daemon=True).start()
        deadline = time.monotonic() + timeout
        while server.answer is None:  # type: ignore[attr-defined]
            if opened == [False]:
                raise AuthFailed("no web browser could be opened: sign in with a device code instead")
            if cancel.is_set():
                raise AuthFailed("the sign-in was cancelled")
            if time.monotonic() > deadline:
                raise AuthFailed("the browser brought no answer back in time: sign in again")
            server.handle_request()
        answer = f"{redirect_uri.rstrip('/')}{server.answer}"  # type: ignore[attr-defined]
    finally:
        server.server_close()
    error = parse_qs(urlsplit(answer).query).get("error")
    if error:
        raise AuthFailed(
            "the sign-in was declined" if error[0] == "access_denied" else f"the sign-in failed: {error[0]}"
        )
    try:
        token = session.fetch_token(
            endpoints.token, authorization_response=answer, state=state, code_verifier=verifier
        )
    except (AuthlibBaseError, requests.RequestException, ValueError) as failure:
        raise _service_error(failure, endpoints) from failure
    return _tokens(dict(token), time.time())
