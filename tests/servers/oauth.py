"""An OAuth 2.0 authorization server on loopback for tests: discovery, authorization code with PKCE, device code
(RFC 8628), refresh with rotation, introspection (for Dovecot and the SMTP server) and revocation.

Every sign-in is agreed to at once as ``user`` unless told to deny; tokens live as long as ``access_lifetime``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.servers.ports import HOST

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"


@dataclass
class _Grant:
    user: str
    refresh_token: str
    active: bool = True


@dataclass
class _Device:
    user_code: str
    expires_at: float
    interval: float
    last_poll: float = 0.0
    decision: str | None = None  # "approved" or "denied"


class OAuthServer:
    def __init__(self, client_id: str = "loket-test") -> None:
        self.client_id = client_id
        self.user = "nobody"
        self.access_lifetime = 3600
        self.device_lifetime = 600
        self.device_interval = 1.0
        self.deny = False
        self.login_hints: list[str] = []  # who the sign-in page was told to expect, per authorization request
        self.counts: dict[str, int] = {}
        self._lock = threading.Lock()
        self._codes: dict[str, tuple[str, str, str]] = {}  # code -> (challenge, redirect_uri, user)
        self._access: dict[str, tuple[_Grant, float]] = {}
        self._grants: dict[str, _Grant] = {}  # by current refresh token
        self._devices: dict[str, _Device] = {}
        self._issued: list[str] = []
        self._http = ThreadingHTTPServer((HOST, 0), _handler(self))
        self.port = self._http.server_port
        self.issuer = f"http://{HOST}:{self.port}"
        threading.Thread(target=self._http.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._http.shutdown()
        self._http.server_close()

    # -- what tests do as the person or the administrator -------------------------------------------------------

    def approve(self, user_code: str, approved: bool = True) -> None:
        with self._lock:
            for device in self._devices.values():
                if device.user_code == user_code:
                    device.decision = "approved" if approved else "denied"
                    return
        raise KeyError(user_code)

    def revoke_all(self, user: str) -> None:
        """Revoke every grant of the user, as an administrator who disables the account."""
        with self._lock:
            for grant in self._grants.values():
                if grant.user == user:
                    grant.active = False

    def issued(self) -> list[str]:
        """Every access and refresh token handed out so far."""
        with self._lock:
            return list(self._issued)

    def active_user(self, token: str) -> str | None:
        with self._lock:
            found = self._access.get(token)
            if found is None or not found[0].active or found[1] < time.time():
                return None
            return found[0].user

    # -- the endpoints ------------------------------------------------------------------------------------------

    def _count(self, name: str) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1

    def discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "device_authorization_endpoint": f"{self.issuer}/device",
            "revocation_endpoint": f"{self.issuer}/revoke",
            "introspection_endpoint": f"{self.issuer}/introspect",
        }

    def authorize(self, query: dict[str, str]) -> str:
        """The redirect after the (instant) consent."""
        redirect = query["redirect_uri"]
        self.login_hints.append(query.get("login_hint", ""))
        if query.get("client_id") != self.client_id or query.get("code_challenge_method") != "S256":
            return f"{redirect}?{urlencode({'error': 'invalid_request', 'state': query.get('state', '')})}"
        if self.deny:
            return f"{redirect}?{urlencode({'error': 'access_denied', 'state': query.get('state', '')})}"
        code = secrets.token_urlsafe(16)
        with self._lock:
            self._codes[code] = (query["code_challenge"], redirect, self.user)
        return f"{redirect}?{urlencode({'code': code, 'state': query['state']})}"

    def device_authorization(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        if form.get("client_id") != self.client_id:
            return 400, {"error": "invalid_client"}
        device_code, user_code = secrets.token_urlsafe(16), secrets.token_hex(4).upper()
        with self._lock:
            self._devices[device_code] = _Device(
                user_code, time.time() + self.device_lifetime, self.device_interval
            )
        return 200, {
            "device_code": device_code,
            "user_code": user_code,
            "verification_uri": f"{self.issuer}/activate",
            "expires_in": self.device_lifetime,
            "interval": self.device_interval,
        }

    def token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        self._count(form.get("grant_type", ""))
        if form.get("client_id") != self.client_id:
            return 401, {"error": "invalid_client"}
        with self._lock:
            grant_type = form.get("grant_type")
            if grant_type == "authorization_code":
                return self._code_grant(form)
            if grant_type == "refresh_token":
                grant = self._grants.pop(form.get("refresh_token", ""), None)
                if grant is None or not grant.active:
                    return 400, {"error": "invalid_grant"}
                return 200, self._issue(grant.user, grant)
            if grant_type == DEVICE_GRANT:
                return self._device_grant(form)
        return 400, {"error": "unsupported_grant_type"}

    def _code_grant(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        found = self._codes.pop(form.get("code", ""), None)
        if found is None:
            return 400, {"error": "invalid_grant"}
        challenge, redirect, user = found
        digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
        if (
            base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != challenge
            or form.get("redirect_uri") != redirect
        ):
            return 400, {"error": "invalid_grant"}
        return 200, self._issue(user, None)

    def _device_grant(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        device = self._devices.get(form.get("device_code", ""))
        if device is None:
            return 400, {"error": "invalid_grant"}
        now = time.time()
        if now > device.expires_at:
            return 400, {"error": "expired_token"}
        too_soon = now - device.last_poll < device.interval * 0.9
        device.last_poll = now
        if device.decision == "denied":
            return 400, {"error": "access_denied"}
        if device.decision is None:
            return 400, {"error": "slow_down" if too_soon else "authorization_pending"}
        del self._devices[form["device_code"]]
        return 200, self._issue(self.user, None)

    def _issue(self, user: str, grant: _Grant | None) -> dict[str, Any]:
        """New tokens; a refresh always rotates the refresh token, the old one is spent."""
        refresh_token = secrets.token_urlsafe(24)
        grant = grant or _Grant(user, refresh_token)
        grant.refresh_token = refresh_token
        self._grants[refresh_token] = grant
        access_token = secrets.token_urlsafe(24)
        self._access[access_token] = (grant, time.time() + self.access_lifetime)
        self._issued += [access_token, refresh_token]
        return {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": self.access_lifetime,
            "refresh_token": refresh_token,
        }

    def introspect(self, form: dict[str, str]) -> dict[str, Any]:
        self._count("introspect")
        user = self.active_user(form.get("token", ""))
        return {"active": True, "username": user} if user else {"active": False}

    def revoke(self, form: dict[str, str]) -> None:
        with self._lock:
            grant = self._grants.get(form.get("token", ""))
            if grant is not None:
                grant.active = False


def _handler(server: OAuthServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {key: values[0] for key, values in parse_qs(parts.query).items()}
            if parts.path == "/.well-known/openid-configuration":
                self._json(200, server.discovery())
            elif parts.path == "/authorize":
                self.send_response(302)
                self.send_header("Location", server.authorize(query))
                self.end_headers()
            else:
                self.send_error(404)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            if self.path == "/token":
                self._json(*server.token(form))
            elif self.path == "/device":
                self._json(*server.device_authorization(form))
            elif self.path == "/introspect":
                self._json(200, server.introspect(form))
            elif self.path == "/revoke":
                server.revoke(form)
                self._json(200, {})
            else:
                self.send_error(404)

        def _json(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler
