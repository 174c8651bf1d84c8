"""The embedded demo mailbox: an IMAP server and an SMTP sink in this process, so ``loket demo`` needs nothing
installed and nothing from the network.

The IMAP server is pymap's in-memory backend on its own asyncio loop in a background thread (the GUI and
the sync workers stay free of asyncio); it offers no CONDSTORE, so the demo exercises sync's fallback path.
The SMTP sink accepts every message and files it nowhere: Loket itself appends its replies to Sent.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from argparse import Namespace
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from types import TracebackType
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPServer
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session
from imapclient import IMAPClient
from proxyprotocol.reader import ProxyProtocolReader
from pymap.backend.dict import DictBackend
from pymap.imap import IMAPServer

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
DEMO_USER = "servicedesk"
DEMO_PASSWORD = "loket-demo"
DEMO_ADDRESS = "servicedesk@horizon-group.example"
SENT_FOLDER = "Sent"
_START_TIMEOUT = 15.0


@dataclass(frozen=True, slots=True)
class SeedMessage:
    """One message to put in the demo mailbox: its folder, raw RFC 5322 bytes, arrival time and IMAP flags."""

    folder: str
    raw: bytes
    internal_date: datetime
    flags: tuple[str, ...] = ()


@dataclass
class AcceptedMail:
    """What the SMTP sink accepted, kept in memory so a test or the demo can show it."""

    mail_from: str
    recipients: list[str]
    data: bytes


class _SinkHandler:
    """aiosmtpd handler that accepts every message and files it nowhere."""

    def __init__(self, accepted: list[AcceptedMail]) -> None:
        self._accepted = accepted

    async def handle_DATA(self, server: SMTPServer, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        self._accepted.append(AcceptedMail(envelope.mail_from or "", list(envelope.rcpt_tos), content))
        return "250 Message accepted for delivery"


class _Authenticator:
    """Accepts the demo user's password only, so a wrong password in the demo fails as with a real server."""

    def __init__(self, user: str, password: str) -> None:
        self._user = user.encode()
        self._password = password.encode()

    def __call__(
        self, server: SMTPServer, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
    ) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
            self._user,
            self._password,
        )
        return AuthResult(success=ok, handled=False)


def _quiet_login_data(record: logging.LogRecord) -> bool:
    """aiosmtpd 1.4 warns about its own deprecated attribute on every successful AUTH: not ours to report."""
    return "Session.login_data is deprecated" not in record.getMessage()


def _free_port() -> int:
    """A free TCP port on loopback (aiosmtpd's controller cannot bind port 0 and report it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


class _ImapThread(threading.Thread):
    """Runs pymap's dict backend on an event loop of its own until ``stop()``."""

    def __init__(self, user: str, password: str) -> None:
        super().__init__(name="demo-imap", daemon=True)
        self._user = user
        self._password = password
        self._ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self.port = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            asyncio.run(self._serve())
        except BaseException as error:  # reported to the starting thread, which raises it
            log.exception("demo IMAP server failed")
            self.error = error
            self._ready.set()

    async def _serve(self) -> None:
        args = Namespace(
            host=HOST,
            port=0,
            debug=False,
            cert=None,
            key=None,
            tls=False,
            passlib_cfg=None,
            proxy_protocol=None,
            inherited_sockets=None,
            demo_data=False,
            demo_user=self._user,
            demo_password=self._password,
        )
        backend, config = await DictBackend.init(args, invalid_user_sleep=0.0, reject_dnsbl=False)
        config.apply_context()
        callback = ProxyProtocolReader(config.proxy_protocol).get_callback(IMAPServer(backend.login, config))
        server = await asyncio.start_server(callback, host=HOST, port=0)
        self.port = int(server.sockets[0].getsockname()[1])
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        self._ready.set()
        async with server:
            await self._stopping.wait()

    def wait_ready(self) -> None:
        if not self._ready.wait(_START_TIMEOUT):
            raise RuntimeError("the demo IMAP server did not start")
        if self.error is not None:
            raise RuntimeError(f"the demo IMAP server did not start: {self.error}") from self.error

    def stop(self) -> None:
        if self._loop is not None and self._stopping is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._stopping.set)
        self.join(_START_TIMEOUT)


@dataclass
class DemoServers:
    """IMAP and SMTP servers for the demo on loopback, started and stopped as a context manager.

    ``with DemoServers() as demo: demo.host, demo.imap_port, demo.smtp_port, demo.user, demo.password``.
    """

    user: str = DEMO_USER
    password: str = DEMO_PASSWORD
    address: str = DEMO_ADDRESS
    host: str = HOST
    imap_port: int = 0
    smtp_port: int = 0
    accepted: list[AcceptedMail] = field(default_factory=list)
    _imap: _ImapThread | None = field(default=None, repr=False)
    _smtp: Controller | None = field(default=None, repr=False)

    def start(self) -> DemoServers:
        self._imap = _ImapThread(self.user, self.password)
        self._imap.start()
        self._imap.wait_ready()
        self.imap_port = self._imap.port
        self.smtp_port = _free_port()
        logging.getLogger("mail.log").addFilter(_quiet_login_data)
        self._smtp = Controller(
            _SinkHandler(self.accepted),
            hostname=self.host,
            port=self.smtp_port,
            authenticator=_Authenticator(self.user, self.password),
            auth_require_tls=False,
        )
        try:
            self._smtp.start()
        except BaseException:
            self.stop()
            raise
        with self.connect() as client:
            client.create_folder(SENT_FOLDER)
        log.info("demo servers on %s: IMAP port %d, SMTP port %d", self.host, self.imap_port, self.smtp_port)
        return self

    def stop(self) -> None:
        if self._smtp is not None:
            self._smtp.stop(no_assert=True)
            self._smtp = None
        if self._imap is not None:
            self._imap.stop()
            self._imap = None

    def __enter__(self) -> DemoServers:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    def connect(self) -> IMAPClient:
        """A logged-in IMAP session on the demo mailbox, with Nagle off: pymap answers APPEND literals slowly
        otherwise."""
        client = IMAPClient(self.host, port=self.imap_port, ssl=False, timeout=30)
        client.socket().setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        client.login(self.user, self.password)
        return client

    def seed(self, messages: Iterable[SeedMessage]) -> int:
        """APPEND ``messages`` to their folders; returns how many were stored."""
        count = 0
        with self.connect() as client:
            existing = {name for _flags, _delimiter, name in client.list_folders()}
            for message in messages:
                if message.folder not in existing:
                    client.create_folder(message.folder)
                    existing.add(message.folder)
                client.append(message.folder, message.raw, message.flags, message.internal_date)
                count += 1
        return count
