"""Fixtures shared by every test: a throwaway Dovecot and SMTP server on loopback, a keyring that never touches
the user's, and Qt without a screen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.servers.dovecot import Dovecot, Mailbox, find_dovecot
from tests.servers.smtp import SmtpServer

ROOT = Path(__file__).resolve().parents[1]

# Set at import time so every `loket` subprocess a test starts inherits them: a file-backed keyring (a password
# stored by `loket account add` must be found by the next `loket sync`) and an importable `tests` package.
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.file_keyring.FileKeyring"
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def keyring_file(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty keyring per test, shared with the `loket` processes the test starts."""
    path = tmp_path_factory.mktemp("keyring") / "keyring.json"
    monkeypatch.setenv("LOKET_TEST_KEYRING", str(path))
    return path


@pytest.fixture(autouse=True)
def settings_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Settings in a fresh place per test: a width or choice one test saves never reaches another (or the user)."""
    path = tmp_path_factory.mktemp("settings")
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(path))
    yield path


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """One Dovecot per test session (per xdist worker); tests stay independent through fresh users."""
    binary = find_dovecot()
    if binary is None:
        pytest.skip("Dovecot is not installed (Debian package dovecot-imapd; `make test` installs it)")
    server = Dovecot(binary)
    try:
        server.start()
        yield server
    finally:
        server.close()


@pytest.fixture
def mailbox(dovecot: Dovecot) -> Mailbox:
    """A fresh Dovecot user with an empty INBOX and Sent, on a running server even if an earlier test stopped it
    and failed before starting it again."""
    dovecot.start()
    return dovecot.new_user()


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """An SMTP server that accepts and records everything until told otherwise."""
    server = SmtpServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
