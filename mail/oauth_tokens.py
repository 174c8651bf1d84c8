"""Access tokens for OAuth 2.0 accounts: kept in this process's memory only, refreshed a minute before they expire
from the refresh token in the keyring, which a rotated one replaces.

One lock for the process, so the sync thread and the outbox never spend one refresh token twice; another process
that rotated it first is noticed by reading the keyring again before giving up.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from mail.credentials import get_refresh_token, set_refresh_token
from mail.errors import SigninRequired
from mail.oauth import Tokens, refresh, sign_in_with_browser, sign_in_with_device_code
from mail.oauth_endpoints import Endpoints, endpoints_for
from mail.sasl import Bearer
from store.accounts import Account

log = logging.getLogger(__name__)

EARLY_SECONDS = 60.0

_lock = threading.Lock()
_cache: dict[str, Tokens] = {}
_refused: dict[str, str] = {}  # the refresh token the provider last refused, per account: not offered again


def endpoints_of(account: Account) -> Endpoints:
    return endpoints_for(account.oauth_provider, account.oauth_issuer, account.oauth_tenant)


def signed_in(account: Account, tokens: Tokens) -> None:
    """Keep what a sign-in brought: the refresh token in the keyring, the access token in memory."""
    if not tokens.refresh_token:
        raise SigninRequired("the sign-in service sent no refresh token (was offline access refused?)")
    with _lock:
        set_refresh_token(account, tokens.refresh_token)
        _cache[account.secret_id] = tokens


def sign_in(
    account: Account,
    *,
    device_code: bool,
    announce: Callable[[str, str], None],
    open_url: Callable[[str], bool] | None = None,
    cancel: threading.Event | None = None,
) -> None:
    """Sign the account in (device code, or the browser with a loopback redirect) and keep the tokens."""
    endpoints = endpoints_of(account)
    client_id = account.oauth_client_id or ""
    if device_code:
        tokens = sign_in_with_device_code(endpoints, client_id, announce, cancel)
    else:
        tokens = sign_in_with_browser(
            endpoints, client_id, account.login_user or account.address, open_url, cancel
        )
    signed_in(account, tokens)
    with _lock:
        _refused.pop(account.secret_id, None)


def access_token(account: Account) -> str:
    """A token valid for at least a minute; ``SigninRequired`` when only signing in again can give one."""
    with _lock:
        cached = _cache.get(account.secret_id)
        if cached is not None and cached.expires_at - time.time() > EARLY_SECONDS:
            return cached.access_token
        tokens = _refreshed(account)
        _cache[account.secret_id] = tokens
        return tokens.access_token


def _refreshed(account: Account) -> Tokens:
    not_signed_in = SigninRequired(
        f"account {account.name!r} must sign in again: run 'loket account signin {account.name}'"
    )
    spent: str | None = None
    for _attempt in range(2):
        refresh_token = get_refresh_token(account)
        if refresh_token is None or refresh_token in (spent, _refused.get(account.secret_id)):
            raise not_signed_in
        try:
            tokens = refresh(endpoints_of(account), account.oauth_client_id or "", refresh_token)
        except SigninRequired:
            spent = _refused[account.secret_id] = refresh_token
            continue  # unless another process rotated it meanwhile: then the keyring has a new one
        if tokens.refresh_token and tokens.refresh_token != refresh_token:
            set_refresh_token(account, tokens.refresh_token)
        log.info("account %s: access token refreshed", account.name)
        return tokens
    raise not_signed_in


def forget(account: Account) -> None:
    """Drop the cached access token, e.g. after a server refused it, so the next login refreshes."""
    with _lock:
        _cache.pop(account.secret_id, None)


@dataclass(frozen=True, slots=True)
class OAuthLogin:
    """Where an OAuth 2.0 account's logins get their bearer: the SASL user is the mailbox address (also for a
    shared mailbox, whose token is the signed-in person's)."""

    account: Account

    def bearer(self) -> Bearer:
        return Bearer(self.account.address, access_token(self.account))

    def refused(self) -> None:
        forget(self.account)
