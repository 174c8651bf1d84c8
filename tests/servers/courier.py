"""A throwaway Courier-IMAP on loopback for integration tests: the server without CONDSTORE, UNSELECT or SPECIAL-USE
that keeps every folder below ``INBOX.``, started with ``IMAP_KEYWORDS=0`` so it stores no custom keyword, as
Microsoft Exchange and Microsoft 365 do.

Debian's ``courier-imap`` cannot be installed next to Dovecot, so its ``imapd`` and ``imaplogin`` come out of the
package's .deb (``make courier-imap``), and the rest from ``courier-base``, ``courier-authdaemon`` and
``courier-authlib-userdb``. Their configuration paths are compiled in (``/etc/courier``, ``/run/courier``): the
server runs in a private mount namespace with a temp dir bound over both, so the system's Courier, if any, is never
touched. That takes root; elsewhere the tests are skipped with the reason.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

from tests.servers.dovecot import Mailbox, PasswordLogins, _greets
from tests.servers.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
UNPACKED = Path(os.environ.get("LOKET_COURIER_IMAP", ROOT / ".courier-imap"))
IMAPD = UNPACKED / "usr/bin/imapd"
IMAPLOGIN = UNPACKED / "usr/lib/courier/courier/imaplogin"
AUTHDAEMOND = Path("/usr/lib/courier/courier-authlib/authdaemond")
MAKEUSERDB = Path("/usr/sbin/makeuserdb")
COURIERTCPD = Path("/usr/sbin/couriertcpd")
READY_TIMEOUT = 15.0
USER_BATCH = 20

# The environment Debian's start script reads from /etc/courier/imapd, minus TLS: plaintext on loopback, IDLE
# pushed by gamin's file monitor (IMAP_ENHANCEDIDLE), no keywords.
IMAPD_ENVIRONMENT = {
    "IMAP_CAPABILITY": "IMAP4rev1 UIDPLUS CHILDREN NAMESPACE THREAD=ORDEREDSUBJECT THREAD=REFERENCES SORT QUOTA IDLE",
    "IMAP_KEYWORDS": "0",
    "IMAP_ACL": "1",
    "IMAP_ENHANCEDIDLE": "1",
    "IMAP_USELOCKS": "1",
    "IMAP_IDLE_TIMEOUT": "60",
    "IMAP_TLS_REQUIRED": "0",
    "IMAP_UMASK": "022",
    "IMAP_TRASHFOLDERNAME": "Trash",
    "IMAP_EMPTYTRASH": "",
}

_AUTHDAEMONRC = """\
authmodulelist="authuserdb"
daemons=3
authdaemonvar=/run/courier/authdaemon
DEBUG_LOGIN=0
DEFAULTOPTIONS=""
LOGGEROPTS=""
"""

_START = """\
set -e
mount --bind {base}/etc /etc/courier
mount --bind {base}/run /run/courier
{authdaemond} &
while [ ! -S /run/courier/authdaemon/socket ]; do sleep 0.05; done
exec {tcpd} -address={host} -nodnslookup -noidentlookup -maxprocs=100 -maxperip=100 {port} {imaplogin} {imapd} Maildir
"""


def missing_reason() -> str | None:
    """Why Courier cannot run here, or None when it can."""
    if not IMAPD.exists() or not IMAPLOGIN.exists():
        return f"Courier's imapd is not unpacked in {UNPACKED} (`make courier-imap`)"
    for path in (AUTHDAEMOND, MAKEUSERDB, COURIERTCPD):
        if not path.exists():
            return f"{path} is missing (Debian courier-base, courier-authdaemon, courier-authlib-userdb)"
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is missing"
    if os.geteuid() != 0:
        return "Courier's compiled-in paths need a private mount namespace, which takes root"
    return None


@contextlib.contextmanager
def running_courier() -> Iterator[Courier]:
    """A started Courier, closed afterwards; the test is skipped where Courier cannot run, with the reason."""
    import pytest

    reason = missing_reason()
    if reason is not None:
        pytest.skip(reason)
    server = Courier()
    try:
        server.start()
        yield server
    finally:
        server.close()


class Courier(PasswordLogins):
    """Courier's tcpd, login and authentication daemon in a mount namespace of their own, as our child; every user
    is a maildir of its own under the temp dir."""

    def __init__(self) -> None:
        self.base = Path(tempfile.mkdtemp(prefix="cr.", dir="/tmp"))
        self.base.chmod(0o755)  # imapd runs as the mail user and needs +x on every parent dir
        account = pwd.getpwnam("nobody")
        self.uid, self.gid = account.pw_uid, account.pw_gid
        self.port = free_port()
        self.log_path = self.base / "courier.log"
        self._passwords: dict[str, str] = {}
        self._unused: list[str] = []
        self._names = itertools.count(1)
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        for name in ("etc", "run/authdaemon", "home"):
            (self.base / name).mkdir(parents=True)
        (self.base / "home").chmod(0o755)
        (self.base / "etc/authdaemonrc").write_text(_AUTHDAEMONRC, encoding="utf-8")
        self._add_users()

    # -- lifecycle --------------------------------------------------------------------------------------------

    def start(self) -> None:
        if self._process is not None:
            return
        # The mail user execs imapd after the login: a checkout in a private folder (``mktemp -d``) would hide it.
        programs = self.base / "bin"
        programs.mkdir(exist_ok=True)
        imaplogin, imapd = shutil.copy2(IMAPLOGIN, programs), shutil.copy2(IMAPD, programs)
        script = self.base / "start.sh"
        script.write_text(
            _START.format(
                base=self.base,
                authdaemond=AUTHDAEMOND,
                tcpd=COURIERTCPD,
                host=self.host,
                port=self.port,
                imaplogin=imaplogin,
                imapd=imapd,
            ),
            encoding="utf-8",
        )
        environment = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", **IMAPD_ENVIRONMENT}
        with self.log_path.open("ab") as log_file:
            self._process = subprocess.Popen(
                ["unshare", "--mount", "--propagation", "private", "sh", str(script)],
                stdin=subprocess.DEVNULL,
                stdout=log_file,
                stderr=log_file,
                env=environment,
                start_new_session=True,
            )
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                break
            if _greets(self.host, self.port):
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"Courier did not start; its log ends:\n{self.log_tail()}")

    def stop(self) -> None:
        """Every process of the server goes away: tcpd, the authentication daemons and each IMAP session."""
        if self._process is None:
            return
        try:
            processes = [psutil.Process(self._process.pid), *psutil.Process(self._process.pid).children(True)]
        except psutil.NoSuchProcess:
            processes = []
        for process in processes:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.send_signal(signal.SIGKILL)
        psutil.wait_procs(processes, timeout=10)
        self._process.wait()
        self._process = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    # -- users and mail ---------------------------------------------------------------------------------------

    def new_user(self) -> Mailbox:
        """A fresh user with an empty INBOX and ``INBOX.Sent``."""
        return self._take_user()

    # -- internals --------------------------------------------------------------------------------------------

    def _add_users(self) -> None:
        """Users a batch at a time, each with its maildir; authuserdb reads the rebuilt database at its next login."""
        names = [f"c{next(self._names)}" for _ in range(USER_BATCH)]
        for name in names:
            self._passwords[name] = secrets.token_hex(8)
            maildir = self.base / "home" / name / "Maildir"
            for folder in (maildir, maildir / ".Sent"):
                for part in ("cur", "new", "tmp"):
                    (folder / part).mkdir(parents=True)
            (maildir / ".Sent" / "maildirfolder").touch()
            for path in [self.base / "home" / name, *(self.base / "home" / name).rglob("*")]:
                os.chown(path, self.uid, self.gid)
        lines = "".join(
            f"{name}\tuid={self.uid}|gid={self.gid}|home={self.base}/home/{name}|"
            f"mail={self.base}/home/{name}/Maildir|systempw={_crypt(password)}\n"
            for name, password in self._passwords.items()
        )
        userdb = self.base / "etc" / "userdb"
        userdb.write_text(lines, encoding="utf-8")
        userdb.chmod(0o600)
        subprocess.run([str(MAKEUSERDB), "-f", str(userdb)], check=True, capture_output=True)
        self._unused.extend(names)


def _crypt(password: str) -> str:
    """A SHA-512 crypt hash, which authlib checks with the C library's crypt()."""
    return subprocess.run(
        ["openssl", "passwd", "-6", password], check=True, capture_output=True, text=True
    ).stdout.strip()
