"""A port that answers another protocol, or a security setting that does not match the port, is named as such."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from mail.errors import ServerUnavailable, WrongPort
from mail.imap import connect
from mail.smtp import connect_smtp
from store.db import open_db
from tests.accounts import loopback_account

pytestmark = pytest.mark.integration


@pytest.fixture
def account(dovecot, mailbox, smtp_server, tmp_path):
    db = open_db(tmp_path)
    return loopback_account(db, imap_port=dovecot.port, smtp_port=smtp_server.port, username=mailbox.username)


def test_an_smtp_server_on_the_imap_port_is_named_in_one_line_by_the_cli(dovecot, smtp_server, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(tmp_path), "account", "add", "desk",
         "--address", "desk@example.org", "--imap-host", "127.0.0.1", "--imap-port", str(smtp_server.port),
         "--smtp-host", "127.0.0.1", "--smtp-port", str(smtp_server.port), "--username", "desk",
         "--security", "none", "--password-stdin"],
        input="secret\n", capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "answers like an SMTP server, not IMAP" in result.stderr
    assert "unexpected" not in result.stderr


def test_tls_on_a_plain_port_says_the_port_or_security_setting_looks_wrong(account, mailbox):
    with pytest.raises(WrongPort, match="port or security setting looks wrong"):
        connect(replace(account, imap_security="ssl"), mailbox.password)
    with pytest.raises(WrongPort, match="port or security setting looks wrong"):
        connect_smtp(replace(account, smtp_security="ssl"), None)


def test_plain_imap_on_the_tls_port_says_it_needs_security_ssl(dovecot, account, mailbox):
    with pytest.raises(ServerUnavailable, match="needs security ssl"):
        connect(replace(account, imap_port=dovecot.ssl_port), mailbox.password, timeout=2)


def test_an_imap_server_on_the_smtp_port_is_named(dovecot, account):
    with pytest.raises(WrongPort, match="answers like an IMAP server, not SMTP"):
        connect_smtp(replace(account, smtp_port=dovecot.port), None)
