"""``loket account add`` fuzzed: whatever is typed, it is refused with one sentence and exit 2, or the account it
adds can compose a reply (its From header, Message-ID and login hold)."""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
from datetime import UTC, datetime
from email import message_from_bytes, policy
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli import main
from mail.compose import Draft, Original, build_message
from store.accounts import get_account
from store.db import open_db
from store.records import Address

NASTY = st.sampled_from(["\r\n", "\n", "\r", "\x00", "/", "\\", "@", "@@", " ", "\t", "<", '"', "ä", ".", ""])
TEXT = st.lists(st.one_of(NASTY, st.text(min_size=0, max_size=6)), min_size=0, max_size=4).map("".join)


def run_add(data_dir: Path, name: str, address: str, display_name: str, username: str) -> tuple[int, str]:
    """Values in ``--option=value`` form and the name after ``--``, so that even a leading dash reaches Loket."""
    stderr = io.StringIO()
    stdin, sys.stdin = sys.stdin, io.StringIO("secret\n")
    try:
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
            code = main(
                [
                    "--data-dir", str(data_dir), "account", "add", f"--address={address}",
                    f"--display-name={display_name}", "--imap-host", "127.0.0.1", "--imap-port", "143",
                    "--smtp-host", "127.0.0.1", "--smtp-port", "25", f"--username={username}",
                    "--security", "none", "--timezone", "Europe/Amsterdam", "--password-stdin", "--no-check",
                    "--", name,
                ]
            )  # fmt: skip
    finally:
        sys.stdin = stdin
    return code, stderr.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.one_of(st.just("facilities"), TEXT),
    local=TEXT,
    domain=st.one_of(st.just("example.org"), TEXT),
    display_name=st.one_of(st.just(""), TEXT),
    username=st.one_of(st.just("desk"), TEXT),
)
def test_account_add_either_refuses_in_one_sentence_or_adds_an_account_that_can_reply(
    name: str, local: str, domain: str, display_name: str, username: str
) -> None:
    address = f"{local}@{domain}"
    with tempfile.TemporaryDirectory() as data_dir:
        code, stderr = run_add(Path(data_dir), name, address, display_name, username)
        assert code in (0, 2), stderr
        if code == 2:
            assert stderr.startswith("loket: ") and stderr.count("\n") == 1, stderr
            assert "unexpected" not in stderr
            return
        assert stderr == ""
        db = open_db(data_dir)
        account = get_account(db, name)
        original = Original(
            "<q1@example.org>", "Stoel kapot", Address("Jan", "jan@example.org"), None, "Kapot."
        )
        outgoing = build_message(
            account, Draft("reply", "Wij komen.", 1), original, now=datetime(2026, 3, 2, 9, tzinfo=UTC)
        )
        parsed = message_from_bytes(outgoing.raw, policy=policy.default)
        assert parsed["From"].addresses[0].addr_spec == account.address
        assert parsed["Message-ID"] == outgoing.message_id
        assert "\n" not in account.name and "/" not in account.name and account.username.isprintable()
        db.conn.close()
