"""Fixtures shared by every test: a throwaway Dovecot and SMTP server on loopback, a keyring that never touches
the user's, and Qt without a screen."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.servers.dovecot import Dovecot, Mailbox, running_dovecot
from tests.servers.oauth import OAuthServer
from tests.servers.smtp import SmtpServer

ROOT = Path(__file__).resolve().parents[1]

# Set at import time so every `loket` subprocess a test starts inherits them: a file-backed keyring (a password
# stored by `loket account add` must be found by the next `loket sync`) and an importable `tests` package.
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.file_keyring.FileKeyring"
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


SERVER_FIXTURES = frozenset({"dovecot", "mailbox", "smtp_server"})


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """After a Qt test, garbage windows and dialogs are collected here, on the GUI thread: left to the cycle
    collector they would be deleted on whichever thread collects next (a store or pool thread), and Qt's timers
    and objects do not survive being deleted outside their thread."""
    yield
    if "qtbot" in getattr(item, "fixturenames", ()):
        gc.collect()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that starts a real server is an integration test wherever it stands; ``make test-fast`` skips them."""
    for item in items:
        if SERVER_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(autouse=True)
def keyring_file(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty keyring per test, shared with the `loket` processes the test starts."""
    path = tmp_path_factory.mktemp("keyring") / "keyring.json"
    monkeypatch.setenv("LOKET_TEST_KEYRING", str(path))
    return path


@pytest.fixture(autouse=True)
def settings_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Settings in a fresh place per test: a width or choice one test saves never reaches another (or the user),
    also from the `loket` processes the test starts (Qt reads XDG_CONFIG_HOME there)."""
    path = tmp_path_factory.mktemp("settings")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(path))
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(path))
    yield path


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """One Dovecot per test session (per xdist worker); tests stay independent through fresh users."""
    with running_dovecot() as server:
        yield server


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


@pytest.fixture(scope="session")
def oauth_server() -> Iterator[OAuthServer]:
    """An OAuth 2.0 authorization server on loopback, shared by the tests of a session."""
    server = OAuthServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def oauth_dovecot(oauth_server: OAuthServer) -> Iterator[Dovecot]:
    """A Dovecot that also takes bearer tokens the authorization server says are active."""
    with running_dovecot(f"{oauth_server.issuer}/introspect") as server:
        yield server


@pytest.fixture
def person(oauth_server: OAuthServer, oauth_dovecot: Dovecot) -> Mailbox:
    """A fresh mailbox whose owner is the one who agrees at the authorization server."""
    oauth_dovecot.start()
    box = oauth_dovecot.new_user()
    oauth_server.user, oauth_server.deny = box.username, False
    oauth_server.access_lifetime, oauth_server.device_lifetime = 3600, 600
    return box


@pytest.fixture
def bearer_smtp(oauth_server: OAuthServer, smtp_server: SmtpServer) -> SmtpServer:
    smtp_server.require_bearer(oauth_server.active_user)
    return smtp_server
