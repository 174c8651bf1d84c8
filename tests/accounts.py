"""One way for tests and benchmarks to make a desk account on loopback servers (clear text is loopback-only)."""

from __future__ import annotations

import sqlite_utils

from store.accounts import Account, AccountSettings, OAuthSetup, add_account


def loopback_account(
    db: sqlite_utils.Database,
    name: str = "desk",
    address: str = "desk@example.org",
    *,
    imap_port: int = 143,
    smtp_port: int = 25,
    username: str | None = None,
    timezone: str = "Europe/Amsterdam",
    holidays: str | None = None,
    display_name: str = "",
    history_days: int = 0,
    oauth: OAuthSetup | None = None,
) -> Account:
    """Tests file mail of fixed dates, months old by now: their accounts keep every request open unless a test
    asks for a cut-off."""
    return add_account(
        db,
        AccountSettings(
            name=name,
            address=address,
            display_name=display_name,
            imap_host="127.0.0.1",
            imap_port=imap_port,
            imap_security="none",
            smtp_host="127.0.0.1",
            smtp_port=smtp_port,
            smtp_security="none",
            username=username or name,
            timezone=timezone,
            holidays=holidays,
            oauth=oauth,
            history_days=history_days,
        ),
    )
