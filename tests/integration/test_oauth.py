"""OAuth 2.0 accounts against a real authorization server of our own, a Dovecot that checks bearer tokens at its
introspection endpoint and an SMTP server that does the same: sign-in by device code and by browser, sync and send
with XOAUTH2, refresh, rotation, revocation and signing in again, and no token on disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from mail import oauth_tokens
from mail.credentials import get_refresh_token, secret_for
from mail.errors import AuthFailed, SigninRequired
from mail.follow import run_forever
from mail.imap import connect, logout
from mail.sync import sync_once
from store.accounts import OAuthSetup, get_account
from store.db import open_db
from tests.accounts import loopback_account
from tests.mailgen import build
from tests.numbers import request_number
from tests.servers.dovecot import Dovecot, Mailbox, running_dovecot
from tests.servers.oauth import OAuthServer

pytestmark = pytest.mark.integration
DOMAIN = "example.org"


def loket(data_dir: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def signing_in(
    oauth_server: OAuthServer, data_dir: Path, *args: str, approve: bool | None = True
) -> subprocess.CompletedProcess[str]:
    """Run a device-code sign-in; the person agrees (or declines, or never answers) on "another device"."""
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), *args, "--device-code"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    line = process.stderr.readline()
    if approve is not None and "enter the code" in line:
        oauth_server.approve(line.split()[-1], approved=approve)
    out, err = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, out, line + err)


def add_args(oauth_server: OAuthServer, dovecot: Dovecot, box: Mailbox, smtp_port: int) -> list[str]:
    return [
        "account", "add", "desk", "--address", f"{box.username}@{DOMAIN}",
        "--imap-host", "127.0.0.1", "--imap-port", str(dovecot.port),
        "--smtp-host", "127.0.0.1", "--smtp-port", str(smtp_port), "--security", "none",
        "--timezone", "Europe/Amsterdam", "--auth", "oauth2", "--oauth-provider", "oidc",
        "--oauth-issuer", oauth_server.issuer, "--oauth-client-id", oauth_server.client_id,
    ]  # fmt: skip


def stored_account(tmp_path, oauth_server, box, imap_port=143):
    """An OAuth account added in this process (no sign-in yet)."""
    db = open_db(tmp_path)
    address = f"{box.username}@{DOMAIN}"
    oauth = OAuthSetup("oidc", oauth_server.client_id, issuer=oauth_server.issuer)
    account = loopback_account(
        db, "desk", address, imap_port=imap_port, username=address, timezone="UTC", oauth=oauth
    )
    return db, account


def sign_in_here(oauth_server, account):
    def agree(_uri: str, code: str) -> None:
        threading.Timer(0.2, oauth_server.approve, [code]).start()

    oauth_tokens.sign_in(account, device_code=True, announce=agree)


def test_device_code_sign_in_then_sync_and_reply_with_xoauth2(
    tmp_path, oauth_server, oauth_dovecot, person, bearer_smtp
):
    added = signing_in(
        oauth_server, tmp_path, *add_args(oauth_server, oauth_dovecot, person, bearer_smtp.port)
    )
    assert added.returncode == 0, added.stderr
    first, *rest = added.stderr.splitlines()
    assert (
        first.startswith(f"To sign in, open {oauth_server.issuer}/activate and enter the code ") and not rest
    )

    oauth_dovecot.append(
        person,
        "INBOX",
        build("Jan <jan@example.org>", f"{person.username}@{DOMAIN}", "Stoel", "Kapot.", "<q1@example.org>"),
    )
    synced = loket(tmp_path, "sync", "--once")
    assert synced.returncode == 0, synced.stderr
    assert synced.stdout.startswith("1 new")

    body = tmp_path / "body.txt"
    body.write_text("Wij komen langs.", encoding="utf-8")
    replied = loket(tmp_path, "reply", request_number(tmp_path, "<q1@example.org>"), "--body-file", str(body))
    assert replied.returncode == 0, replied.stderr
    assert [message.rcpt_tos for message in bearer_smtp.messages] == [("jan@example.org",)]
    status = json.loads(loket(tmp_path, "status", "--json").stdout)
    assert status["outbox"]["sent"] == 1
    assert [(a["auth"], a["state"]) for a in status["accounts"]] == [("oauth2", "ok")]
    _wait(lambda: "method=XOAUTH2" in oauth_dovecot.log_path.read_text(errors="replace"))


def test_browser_sign_in_through_the_system_browser_command(tmp_path, oauth_server, oauth_dovecot, person):
    browser = tmp_path / "stand-in-browser"
    browser.write_text(
        f"#!{sys.executable}\n"
        "import sys, urllib.request\n"
        "urllib.request.urlopen(sys.argv[1], timeout=30).read()  # follows the redirect to Loket's loopback port\n"
    )
    browser.chmod(0o755)
    env = {**os.environ, "BROWSER": str(browser)}
    shared = [*add_args(oauth_server, oauth_dovecot, person, 25), "--login-user", "anna@example.org"]
    added = loket(tmp_path, *shared, "--browser", env=env)
    assert added.returncode == 0, added.stderr
    assert added.stderr == ""
    assert oauth_server.login_hints[-1] == "anna@example.org"  # the person signs in, the mailbox logs in
    assert loket(tmp_path, "sync", "--once").returncode == 0

    oauth_server.deny = True
    declined = loket(tmp_path, "account", "signin", "desk", "--browser", env=env)
    assert (declined.returncode, declined.stderr) == (
        1,
        "loket: the sign-in was declined; account desk is not signed in\n",
    )


def test_a_declined_or_expired_device_code_adds_nothing(tmp_path, oauth_server, oauth_dovecot, person):
    args = add_args(oauth_server, oauth_dovecot, person, 25)
    declined = signing_in(oauth_server, tmp_path, *args, approve=False)
    assert declined.returncode == 1
    assert declined.stderr.splitlines()[1:] == ["loket: the sign-in was declined; the account was not added"]

    oauth_server.device_lifetime = 2
    expired = signing_in(oauth_server, tmp_path, *args, approve=None)
    assert expired.returncode == 1
    assert expired.stderr.splitlines()[1:] == [
        "loket: the sign-in code expired before it was used: sign in again; the account was not added"
    ]
    assert json.loads(loket(tmp_path, "status", "--json").stdout)["accounts"] == []


def test_a_token_about_to_expire_is_refreshed_before_login_and_the_rotated_refresh_token_kept(
    tmp_path, oauth_server, oauth_dovecot, person
):
    _db, account = stored_account(tmp_path, oauth_server, person, oauth_dovecot.port)
    oauth_server.access_lifetime = 60  # within a minute of expiry from the start: every login refreshes
    sign_in_here(oauth_server, account)
    first = get_refresh_token(account)
    refreshes = oauth_server.counts.get("refresh_token", 0)

    logout(connect(account, secret_for(account)))
    second = get_refresh_token(account)
    logout(connect(account, secret_for(account)))

    assert oauth_server.counts["refresh_token"] == refreshes + 2
    assert len({first, second, get_refresh_token(account)}) == 3  # rotated each time, the newest kept


def test_the_long_running_sync_refreshes_on_its_own_across_reconnects(
    tmp_path, oauth_server, oauth_dovecot, person, monkeypatch
):
    monkeypatch.setattr("mail.follow.IDLE_RENEW_SECONDS", 2.0)  # a cut IDLE shows when IDLE is renewed
    db, account = stored_account(tmp_path, oauth_server, person, oauth_dovecot.port)
    oauth_server.access_lifetime = 60
    sign_in_here(oauth_server, account)
    states: list[str] = []
    stop = threading.Event()
    worker = threading.Thread(
        target=run_forever,
        args=(tmp_path, account, secret_for(account), stop, lambda s, _i: states.append(s)),
    )
    worker.start()
    try:
        _wait(lambda: "up_to_date" in states)
        refreshes = oauth_server.counts["refresh_token"]
        oauth_dovecot.kill_connections(person)
        oauth_dovecot.append(
            person, "INBOX", build("a@example.org", "desk@example.org", "Hallo", "x", "<n1@x>")
        )
        _wait(
            lambda: db.execute("SELECT count(*) FROM messages").fetchone()[0] == 1, seconds=40, about=states
        )
        assert oauth_server.counts["refresh_token"] > refreshes
        assert "auth_failed" not in states and "signin_required" not in states
    finally:
        stop.set()
        worker.join(30)


def _wait(condition, seconds: float = 20.0, about: object = None) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out: {about}"
        time.sleep(0.05)


def test_revoked_consent_requires_signing_in_again_and_loses_nothing(
    tmp_path, oauth_server, oauth_dovecot, person, bearer_smtp
):
    assert (
        signing_in(
            oauth_server, tmp_path, *add_args(oauth_server, oauth_dovecot, person, bearer_smtp.port)
        ).returncode
        == 0
    )
    oauth_dovecot.append(
        person,
        "INBOX",
        build("Jan <jan@example.org>", f"{person.username}@{DOMAIN}", "Stoel", "Kapot.", "<q1@example.org>"),
    )
    assert loket(tmp_path, "sync", "--once").returncode == 0
    oauth_server.revoke_all(person.username)

    synced = loket(tmp_path, "sync", "--once")
    assert synced.returncode == 1
    assert synced.stderr == "loket: account 'desk' must sign in again: run 'loket account signin desk'\n"
    body = tmp_path / "body.txt"
    body.write_text("Wij komen langs.", encoding="utf-8")
    replied = loket(tmp_path, "reply", request_number(tmp_path, "<q1@example.org>"), "--body-file", str(body))
    assert replied.returncode == 1 and len(replied.stderr.splitlines()) == 1
    status = json.loads(loket(tmp_path, "status", "--json").stdout)
    assert status["accounts"][0]["state"] == "signin_required"
    assert status["outbox"]["queued"] == 1 and not bearer_smtp.messages

    assert signing_in(oauth_server, tmp_path, "account", "signin", "desk").returncode == 0
    assert loket(tmp_path, "outbox", "flush").returncode == 0
    assert loket(tmp_path, "sync", "--once").returncode == 0
    status = json.loads(loket(tmp_path, "status", "--json").stdout)
    assert status["accounts"][0]["state"] == "ok" and status["outbox"]["sent"] == 1
    assert len(bearer_smtp.messages) == 1


def test_no_token_reaches_the_data_dir_or_the_log(tmp_path, oauth_server, oauth_dovecot, person, bearer_smtp):
    data_dir = tmp_path / "data"
    oauth_server.access_lifetime = 60
    added = signing_in(
        oauth_server, data_dir, *add_args(oauth_server, oauth_dovecot, person, bearer_smtp.port)
    )
    assert added.returncode == 0, added.stderr
    assert loket(data_dir, "sync", "--once").returncode == 0
    tokens = oauth_server.issued()
    assert len(tokens) >= 4
    for path in data_dir.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert not [token for token in tokens if token.encode() in content], path


def test_an_account_that_never_signed_in_is_asked_to_sign_in_and_offers_the_server_no_token(
    tmp_path, oauth_server, oauth_dovecot, person
):
    db, account = stored_account(tmp_path, oauth_server, person, oauth_dovecot.port)
    with pytest.raises(SigninRequired, match="must sign in again"):
        secret_for(account).bearer()
    with pytest.raises(SigninRequired):
        sync_once(db, get_account(db), secret_for(account))
    assert get_account(db).state == "signin_required"


def test_a_token_the_server_refuses_is_dropped_so_the_next_login_finds_the_sign_in_revoked(
    tmp_path, oauth_server, oauth_dovecot, person
):
    _db, account = stored_account(tmp_path, oauth_server, person, oauth_dovecot.port)
    sign_in_here(oauth_server, account)
    secret = secret_for(account)
    logout(connect(account, secret))
    oauth_server.revoke_all(person.username)  # an administrator disables the account: its tokens die at once

    with pytest.raises(AuthFailed, match="refused the sign-in token") as refused:
        connect(account, secret)
    assert not isinstance(refused.value, SigninRequired)
    with pytest.raises(SigninRequired):
        connect(account, secret)


def test_a_server_that_offers_only_oauthbearer_gets_it(tmp_path, oauth_server):
    with running_dovecot(f"{oauth_server.issuer}/introspect", bearer_mechanisms="oauthbearer") as server:
        box = server.new_user()
        oauth_server.user = box.username
        _db, account = stored_account(tmp_path, oauth_server, box, server.port)
        sign_in_here(oauth_server, account)
        logout(connect(account, secret_for(account)))
        _wait(
            lambda: "method=OAUTHBEARER" in server.log_path.read_text(errors="replace")
        )  # logged a bit later


def test_an_smtp_server_that_refuses_the_token_is_an_auth_failure_and_the_session_ends_cleanly(
    tmp_path, oauth_server, person, bearer_smtp
):
    from mail.sasl import Bearer
    from mail.smtp import connect_smtp

    _db, account = stored_account(tmp_path, oauth_server, person)
    account = replace(account, smtp_port=bearer_smtp.port)
    with pytest.raises(AuthFailed, match="refused the sign-in token"):
        connect_smtp(account, Bearer(account.address, "not-a-token"))
