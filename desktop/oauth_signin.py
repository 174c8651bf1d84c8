"""The Mailboxes dialog's OAuth 2.0 work: signing in through the system browser, the secret a connection test
uses, keeping the tokens once the account is saved, and the client id remembered per provider.

Everything but the client id setting runs off the GUI thread.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from mail.sasl import Bearer, Secret
from store.accounts import AccountSettings

if TYPE_CHECKING:  # the OAuth library takes most of a second to import: only when a sign-in needs it
    from mail.oauth import Tokens


def browser_tokens(settings: AccountSettings, cancel: threading.Event) -> Tokens:
    """Sign in through the system browser for the account the settings describe."""
    from mail.oauth import sign_in_with_browser
    from mail.oauth_endpoints import endpoints_for

    oauth = settings.oauth
    assert oauth is not None
    endpoints = endpoints_for(oauth.provider, oauth.issuer, oauth.tenant)
    login_hint = oauth.login_user or settings.address
    return sign_in_with_browser(endpoints, oauth.client_id, login_hint, cancel=cancel)


def connection_secret(
    settings: AccountSettings, tokens: Tokens | None, data_dir: Path, account_id: int | None
) -> Secret:
    """The bearer of the sign-in just made, else the saved account's own (refreshed as needed)."""
    from mail.credentials import secret_for
    from mail.errors import SigninRequired
    from store.accounts import get_account_by_id
    from store.db import open_db

    if tokens is not None:
        return Bearer(settings.address, tokens.access_token)
    db = open_db(data_dir)
    try:
        account = get_account_by_id(db, account_id) if account_id is not None else None
    finally:
        db.conn.close()
    if account is None or not account.uses_oauth:
        raise SigninRequired("the mailbox is not signed in yet")
    return secret_for(account)


def keep_tokens(data_dir: Path, account_id: int, tokens: Tokens) -> None:
    """The saved account's refresh token into the keyring, and its state back to ``ok``."""
    from mail.oauth_tokens import signed_in
    from store.accounts import get_account_by_id, set_state
    from store.db import open_db

    db = open_db(data_dir)
    try:
        account = get_account_by_id(db, account_id)
        assert account is not None
        signed_in(account, tokens)
        set_state(db, account_id, "ok")
    finally:
        db.conn.close()
