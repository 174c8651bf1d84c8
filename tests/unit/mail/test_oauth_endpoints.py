"""Where OAuth 2.0 accounts sign in: the providers built in, and issuers that must be https:// off loopback."""

from __future__ import annotations

import pytest

from mail.errors import ProtocolError
from mail.oauth import Tokens
from mail.oauth_endpoints import GOOGLE, discover, endpoints_for
from mail.sasl import Bearer
from store.accounts import AccountError, OAuthSetup, check_issuer, check_oauth


def test_microsoft_asks_for_imap_smtp_and_offline_access_in_the_organizations_tenant_by_default():
    endpoints = endpoints_for("microsoft", None, None)
    assert endpoints.token == "https://login.microsoftonline.com/organizations/oauth2/v2.0/token"
    assert endpoints.scope.split() == [
        "https://outlook.office.com/IMAP.AccessAsUser.All",
        "https://outlook.office.com/SMTP.Send",
        "offline_access",
    ]
    assert endpoints.loopback_host == "localhost"
    assert (
        "/contoso.onmicrosoft.com/"
        in endpoints_for("microsoft", None, "contoso.onmicrosoft.com").authorization
    )


def test_google_asks_for_the_mail_scope_and_a_refresh_token():
    assert endpoints_for("google", None, None) == GOOGLE
    assert GOOGLE.scope == "https://mail.google.com/"
    assert dict(GOOGLE.extra) == {"access_type": "offline", "prompt": "consent"}


@pytest.mark.parametrize(
    "url", ["https://login.example.org/realms/staff", "http://127.0.0.1:8080", "http://localhost/realms/x"]
)
def test_an_issuer_is_https_or_on_loopback(url):
    check_issuer(url)


@pytest.mark.parametrize(
    "url", ["http://login.example.org", "ftp://127.0.0.1", "login.example.org", "https://"]
)
def test_any_other_issuer_is_refused_before_anything_is_fetched(url):
    with pytest.raises(AccountError, match="https://"):
        check_issuer(url)
    with pytest.raises(ProtocolError):
        discover(url)


def test_an_oauth_account_needs_a_known_provider_a_client_id_and_for_oidc_an_issuer():
    check_oauth(OAuthSetup("microsoft", "id"))
    for setup, field in [
        (OAuthSetup("yahoo", "id"), "provider"),
        (OAuthSetup("google", " "), "client id"),
        (OAuthSetup("oidc", "id"), "issuer"),
    ]:
        with pytest.raises(AccountError, match=field):
            check_oauth(setup)


def test_tokens_never_show_in_a_repr_that_a_log_or_an_error_might_carry():
    assert "s3cr3t" not in repr(Bearer("desk@example.org", "s3cr3t"))
    assert "s3cr3t" not in repr(Tokens("s3cr3t", 0.0, "s3cr3t"))
