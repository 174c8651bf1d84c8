"""A throwaway Dovecot on loopback for integration tests and benchmarks: a real IMAP server with CONDSTORE,
QRESYNC, IDLE and SPECIAL-USE, in a temp dir, torn down afterwards, never touching the system's Dovecot."""

from __future__ import annotations

import contextlib
import grp
import itertools
import logging
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

import psutil
from imapclient import IMAPClient

from tests.servers.ports import HOST, free_port

log = logging.getLogger(__name__)

SEARCH_PATH = "/usr/sbin:/usr/local/sbin:/usr/bin:/usr/local/bin"
READY_TIMEOUT = 15.0
USER_BATCH = 500


def find_dovecot() -> str | None:
    """The dovecot binary, also when /usr/sbin is not on an ordinary user's PATH."""
    return shutil.which("dovecot", path=SEARCH_PATH)


class Mailbox(NamedTuple):
    """A Dovecot user: unpacks as ``(username, password)`` and reads as ``box.username``, ``box.password``."""

    username: str
    password: str


User = Mailbox | str
SeedMessage = tuple[bytes, datetime, bool]

_CONFIG = """\
base_dir = {base}/run
state_dir = {base}/state
log_path = /dev/stderr
protocols = imap
listen = {host}
verbose_proctitle = yes
ssl = yes
ssl_cert = <{base}/cert.pem
ssl_key = <{base}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login{oauth_mechanisms}
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
first_valid_uid = {uid}
last_valid_uid = 0
first_valid_gid = {gid}
mail_uid = {uid}
mail_gid = {gid}
mail_location = maildir:{base}/mail/%u:LAYOUT=fs
mail_max_userip_connections = 100
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {base}/users
}}
{oauth_passdb}userdb {{
  driver = passwd-file
  args = username_format=%u {base}/users
  default_fields = home={base}/home/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = {host}
    port = {port}
  }}
  inet_listener imaps {{
    address = {host}
    port = {ssl_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  chroot =
}}
service auth {{
  user = {user}
}}
service auth-worker {{
  user = {user}
}}
"""


# Bearer tokens checked at an authorization server's introspection endpoint; the SASL user is the mailbox address
# (``u7@example.org``), whose local part names the Dovecot user the token must belong to.
_OAUTH_PASSDB = """\
auth_username_format = %Ln
passdb {{
  driver = oauth2
  mechanisms = {mechanisms}
  args = {base}/oauth2.conf
}}
"""
_OAUTH_CONFIG = """\
introspection_mode = post
introspection_url = {url}
username_attribute = username
username_format = %Ln
active_attribute = active
active_value = true
force_introspection = yes
"""


@contextlib.contextmanager
def running_dovecot(introspection_url: str | None = None, **options: str) -> Iterator[Dovecot]:
    """A started Dovecot, closed afterwards; the test is skipped where Dovecot is not installed."""
    import pytest

    binary = find_dovecot()
    if binary is None:
        pytest.skip("Dovecot is not installed (Debian package dovecot-imapd; `make test` installs it)")
    server = Dovecot(binary, introspection_url=introspection_url, **options)
    try:
        server.start()
        yield server
    finally:
        server.close()


class PasswordLogins:
    """What a test does as one of a server's users: log in with the password it was given, and APPEND; and what
    the servers share around them: a pool of users written ahead (``_add_users`` refills it) and the log's tail."""

    host = HOST
    port: int
    log_path: Path
    _passwords: dict[str, str]
    _unused: list[str]
    _lock: threading.Lock

    def _add_users(self) -> None:
        raise NotImplementedError

    def _take_user(self) -> Mailbox:
        """An unused user from the pool, which is refilled a batch at a time."""
        with self._lock:
            if not self._unused:
                self._add_users()
            name = self._unused.pop(0)
        return Mailbox(name, self._passwords[name])

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return ""

    def client(self, user: User) -> IMAPClient:
        """A logged-in plaintext client on loopback; the caller logs out (or lets the connection drop)."""
        name = _name(user)
        client = IMAPClient(self.host, port=self.port, ssl=False, timeout=30)
        client.login(name, self._passwords[name])
        return client

    def append(
        self,
        user: User,
        folder: str,
        raw: bytes,
        flags: Sequence[str | bytes] = (),
        internal_date: datetime | None = None,
    ) -> int | None:
        """APPEND one message as a mail client would; returns its UID from APPENDUID."""
        client = self.client(user)
        try:
            response = client.append(folder, raw, flags=list(flags), msg_time=internal_date)
        finally:
            client.logout()
        found = re.search(rb"APPENDUID \d+ (\d+)", response)
        return int(found.group(1)) if found else None


class Dovecot(PasswordLogins):
    """One Dovecot master started in the foreground as our child; every user gets a maildir of its own, so tests
    stay independent without restarting the server. With ``introspection_url`` it also takes OAuth 2.0 bearer
    tokens (XOAUTH2, OAUTHBEARER) that the authorization server there says are active."""

    def __init__(
        self,
        binary: str,
        *,
        introspection_url: str | None = None,
        bearer_mechanisms: str = "xoauth2 oauthbearer",
        extra_config: str = "",
    ) -> None:
        """``extra_config`` is appended to the configuration, with ``{base}`` standing for the server's temp dir:
        how a test gets a server that behaves like another (no CONDSTORE, a read-only INBOX)."""
        self.binary = binary
        self.introspection_url = introspection_url
        self.bearer_mechanisms = bearer_mechanisms
        self.extra_config = extra_config
        # A short base: Dovecot's unix socket paths under it must stay below 107 bytes.
        self.base = Path(tempfile.mkdtemp(prefix="dv.", dir="/tmp"))
        self.base.chmod(0o755)  # the unprivileged user needs +x on every parent dir
        account = pwd.getpwnam("nobody") if os.geteuid() == 0 else pwd.getpwuid(os.geteuid())
        self.user, self.uid, self.gid = account.pw_name, account.pw_uid, account.pw_gid
        self.port = free_port()
        self.ssl_port = free_port()
        self.cafile = str(self.base / "cert.pem")
        self.log_path = self.base / "dovecot.log"
        self._passwords: dict[str, str] = {}
        self._unused: list[str] = []
        self._names = itertools.count(1)
        self._files = itertools.count(1)
        self._lock = threading.Lock()
        self._master: subprocess.Popen[bytes] | None = None
        self._started = False
        for name in ("run", "state"):
            (self.base / name).mkdir()
        for name in ("mail", "home"):
            self._own_dir(self.base / name)
        self._add_users()
        self._make_certificate()

    # -- lifecycle --------------------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the master and wait until both listeners answer. Before the first success a taken port is
        replaced by another; afterwards the ports stay, because tests hold on to them."""
        if self._master is not None:
            return
        for _attempt in range(3):
            self._write_config()
            with self.log_path.open("ab") as log_file:
                self._master = subprocess.Popen(
                    [self.binary, "-F", "-c", str(self.base / "dovecot.conf")],
                    stdin=subprocess.DEVNULL,
                    stdout=log_file,
                    stderr=log_file,
                )
            if self._wait_ready():
                self._started = True
                return
            self._master.kill()
            self._master.wait()
            self._master = None
            if not self._started:
                self.port, self.ssl_port = free_port(), free_port()
        raise RuntimeError(f"Dovecot did not start; its log ends:\n{self.log_tail()}")

    def stop(self) -> None:
        """Simulate the server going down: the master and every connection it served go away."""
        if self._master is None:
            return
        children = self._children()
        self._master.kill()  # a polite SIGTERM costs seconds while the master waits for its children
        self._master.wait()
        self._master = None
        self._kill(children)  # Dovecot leaves open IMAP sessions running when the master stops

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    @property
    def running(self) -> bool:
        return self._master is not None

    def kill_connections(self, user: User | None = None) -> int:
        """Cut the IMAP sessions of one user (or of everybody) as a network failure would; returns how many."""
        pattern = re.compile(rf"dovecot/imap \[{re.escape(_name(user))} " if user else r"dovecot/imap \[")
        victims = []
        for process in self._children():
            with contextlib.suppress(psutil.Error):
                if pattern.search(" ".join(process.cmdline())):
                    victims.append(process)
        self._kill(victims)
        return len(victims)

    # -- users and mail ---------------------------------------------------------------------------------------

    def new_user(self) -> Mailbox:
        """A fresh user with an empty INBOX and Sent, taken from users written to the passwd-file ahead."""
        box = self._take_user()
        for folder in ("INBOX", "Sent"):
            self._maildir(box.username, folder)
        return box

    def seed_maildir(self, user: User, folder: str, messages: Iterable[SeedMessage]) -> int:
        """Write messages straight into the maildir's ``cur/``: far faster than APPEND for thousands of messages.
        The file's mtime becomes INTERNALDATE and ``:2,S`` marks ``\\Seen``; Dovecot hands out the new UIDs in
        order of INTERNALDATE, then of this list."""
        directory = self._maildir(_name(user), folder)
        count = 0
        for raw, internal_date, seen in messages:
            stamp = int(internal_date.timestamp())
            unique = f"{stamp}.M{next(self._files)}P{os.getpid()}.loket,S={len(raw)}"
            staged = directory / "tmp" / unique
            staged.write_bytes(raw)
            os.utime(staged, (stamp, stamp))
            self._own(staged)
            staged.rename(directory / "cur" / f"{unique}:2,{'S' if seen else ''}")
            count += 1
        return count

    def reset_uidvalidity(self, user: User, folder: str) -> None:
        """Make the server hand out a new UIDVALIDITY for the folder, as after a server-side rebuild."""
        before = self._uidvalidity(user, folder)
        self.stop()
        directory = self._folder_path(_name(user), folder)
        for path in directory.iterdir():
            if path.name == "dovecot-uidlist" or path.name.startswith("dovecot.index"):
                path.unlink()
        self.start()
        if self._uidvalidity(user, folder) == before:
            raise RuntimeError(f"UIDVALIDITY of {folder} did not change")

    # -- internals --------------------------------------------------------------------------------------------

    def _uidvalidity(self, user: User, folder: str) -> int:
        client = self.client(user)
        try:
            return int(client.folder_status(folder, [b"UIDVALIDITY"])[b"UIDVALIDITY"])
        finally:
            client.logout()

    def _folder_path(self, name: str, folder: str) -> Path:
        root = self.base / "mail" / name
        return root if folder.upper() == "INBOX" else root.joinpath(*folder.split("/"))

    def _maildir(self, name: str, folder: str) -> Path:
        path = self._folder_path(name, folder)
        for directory in (self.base / "mail" / name, path, path / "cur", path / "new", path / "tmp"):
            self._own_dir(directory)
        return path

    def _own_dir(self, path: Path) -> None:
        if not path.is_dir():
            path.mkdir(mode=0o700)
            self._own(path)

    def _own(self, path: Path) -> None:
        if os.geteuid() == 0:
            os.chown(path, self.uid, self.gid)

    def _add_users(self) -> None:
        """Dovecot looks at a changed passwd-file at most once a second, so users are added a batch at a time, and
        a batch added while the server runs is waited for until that second has passed."""
        names = [f"u{next(self._names)}" for _ in range(USER_BATCH)]
        self._passwords.update((name, secrets.token_hex(8)) for name in names)
        lines = "".join(f"{name}:{{PLAIN}}{password}::::::\n" for name, password in self._passwords.items())
        staged = self.base / "users.new"
        staged.write_text(lines, encoding="utf-8")
        staged.chmod(0o644)
        staged.replace(self.base / "users")
        if self.running:
            time.sleep(1.1)
        self._unused.extend(names)

    def _write_config(self) -> None:
        oauth = self.introspection_url is not None
        if oauth:
            (self.base / "oauth2.conf").write_text(_OAUTH_CONFIG.format(url=self.introspection_url))
            (self.base / "oauth2.conf").chmod(0o644)
        (self.base / "dovecot.conf").write_text(
            _CONFIG.format(
                base=self.base,
                host=self.host,
                port=self.port,
                ssl_port=self.ssl_port,
                user=self.user,
                group=grp.getgrgid(self.gid).gr_name,
                uid=self.uid,
                gid=self.gid,
                oauth_mechanisms=f" {self.bearer_mechanisms}" if oauth else "",
                oauth_passdb=_OAUTH_PASSDB.format(base=self.base, mechanisms=self.bearer_mechanisms)
                if oauth
                else "",
            )
            + self.extra_config.replace("{base}", str(self.base)),
            encoding="utf-8",
        )

    def _make_certificate(self) -> None:
        """A self-signed certificate, so tests can show that an untrusted one is refused and a trusted one is not."""
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=localhost",
                "-addext",
                f"subjectAltName=IP:{HOST},DNS:localhost",
                "-keyout",
                str(self.base / "key.pem"),
                "-out",
                self.cafile,
            ],
            check=True,
            capture_output=True,
        )

    def _wait_ready(self) -> bool:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self._master is None or self._master.poll() is not None:
                return False
            if _greets(self.host, self.port) and _accepts(self.host, self.ssl_port):
                return True
            time.sleep(0.05)
        return False

    def _children(self) -> list[psutil.Process]:
        if self._master is None:
            return []
        try:
            return psutil.Process(self._master.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    @staticmethod
    def _kill(processes: list[psutil.Process]) -> None:
        """SIGKILL and wait until each has exited; a zombie counts, since its sockets are closed already and
        reaping orphans is up to whatever runs as PID 1."""
        for process in processes:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.send_signal(signal.SIGKILL)
        deadline = time.monotonic() + 10
        while processes and time.monotonic() < deadline:
            processes = [process for process in processes if _alive(process)]
            time.sleep(0.005)
        if processes:
            log.warning("Dovecot processes survived SIGKILL: %s", [process.pid for process in processes])


def _name(user: User | None) -> str:
    if isinstance(user, Mailbox):
        return user.username
    return user or ""


def _alive(process: psutil.Process) -> bool:
    try:  # is_running() also notices a PID already reused by another process
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _greets(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2) as conn:
            return conn.recv(64).startswith(b"* OK")
    except OSError:
        return False


def _accepts(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False
