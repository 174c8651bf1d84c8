"""A real SMTP server on loopback (aiosmtpd) that records what it accepts and can be told to refuse, require a
login or go away, so sending is tested against the protocol rather than a mock."""

from __future__ import annotations

import json
import threading
from base64 import b64decode
from collections.abc import Callable
from dataclasses import dataclass

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import MISSING, SMTP, AuthResult, Envelope, LoginPassword, Session

from tests.servers.ports import HOST, free_port


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes


class _Handler:
    """The server's decisions: who may send (checked at MAIL FROM, as real servers do) and whether a message is
    accepted (at end of DATA, after the server has seen it)."""

    def __init__(self) -> None:
        self.messages: list[Received] = []
        self.login: tuple[str, str] | None = None
        self.token_owner: Callable[[str], str | None] | None = None  # bearer token -> its user, or None
        self.refusal: str | None = None
        self.refusals_left: int | None = None  # None: refuse every message while a refusal is set
        self.lock = threading.Lock()

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: object
    ) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        given = (auth_data.login.decode(), auth_data.password.decode())
        return AuthResult(success=self.login is None or given == self.login, handled=False)

    async def auth_XOAUTH2(self, server: SMTP, args: list[str]) -> AuthResult:
        """``user=<mailbox>^Aauth=Bearer <token>^A^A``: the token must be active and belong to the mailbox's user
        (its local part), as the introspection endpoint says."""
        if self.token_owner is None:
            return AuthResult(success=False, handled=False)
        data = b64decode(args[1]) if len(args) > 1 else await server.challenge_auth("")
        if data is MISSING or not isinstance(data, bytes):
            return AuthResult(success=False)
        fields = dict(part.split("=", 1) for part in data.decode().split("\1") if "=" in part)
        user, token = fields.get("user", ""), fields.get("auth", "").removeprefix("Bearer ")
        owner = self.token_owner(token)
        if owner is not None and user.partition("@")[0] == owner:
            return AuthResult(success=True, auth_data=user)
        await server.challenge_auth(json.dumps({"status": "401", "schemes": "bearer"}))
        return AuthResult(success=False, handled=False)

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, mail_options: list[str]
    ) -> str:
        needs_login = self.login is not None or self.token_owner is not None
        if needs_login and not session.authenticated:
            return "530 5.7.0 Authentication required"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        with self.lock:
            if self.refusal is not None:
                reply = self.refusal
                if self.refusals_left is not None:
                    self.refusals_left -= 1
                    if self.refusals_left == 0:
                        self.refusal = self.refusals_left = None
                return reply
            raw = envelope.original_content or b""
            self.messages.append(Received(envelope.mail_from or "", tuple(envelope.rcpt_tos), raw))
        return "250 2.0.0 OK"


class SmtpServer:
    """One aiosmtpd controller on a fixed free port, so a restart keeps the address a test already configured."""

    host = HOST

    def __init__(self) -> None:
        self.port = free_port()
        self._handler = _Handler()
        self._controller: Controller | None = None

    @property
    def messages(self) -> list[Received]:
        with self._handler.lock:
            return list(self._handler.messages)

    def start(self) -> None:
        if self._controller is not None:
            return
        self._controller = Controller(
            self._handler,
            hostname=self.host,
            port=self.port,
            auth_require_tls=False,  # plaintext AUTH PLAIN/LOGIN is fine on loopback
            authenticator=self._handler.authenticate,
        )
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def require_auth(self, username: str, password: str) -> None:
        """From now on MAIL FROM needs a login (AUTH PLAIN or LOGIN) with exactly these credentials."""
        self._handler.login = (username, password)

    def require_bearer(self, token_owner: Callable[[str], str | None]) -> None:
        """From now on MAIL FROM needs ``AUTH XOAUTH2`` with a token ``token_owner`` says is active."""
        self._handler.token_owner = token_owner

    def refuse(self, code: int, count: int | None = None) -> None:
        """Answer the next ``count`` messages (every message when None) with this 4xx or 5xx reply."""
        if not 400 <= code < 600:
            raise ValueError(f"not a refusal: {code}")
        reply = f"{code} 4.3.0 Try again later" if code < 500 else f"{code} 5.7.1 Message refused"
        with self._handler.lock:
            self._handler.refusal = reply
            self._handler.refusals_left = count

    def accept(self) -> None:
        """Accept every message again."""
        with self._handler.lock:
            self._handler.refusal = self._handler.refusals_left = None
