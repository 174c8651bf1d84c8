import keyring

from mail.credentials import SERVICE, delete_password, get_password, get_refresh_token, set_password
from store.db import open_db
from tests.accounts import loopback_account


def _desk(data_dir):
    """An account with the same login on the same server in every data dir."""
    return loopback_account(open_db(data_dir), username="desk")


def test_two_accounts_with_the_same_login_keep_their_own_passwords(tmp_path):
    first, second = _desk(tmp_path / "one"), _desk(tmp_path / "two")
    set_password(first, "first secret")
    set_password(second, "second secret")

    assert get_password(first) == "first secret"
    assert get_password(second) == "second secret"

    delete_password(first)
    assert get_password(second) == "second secret"


def test_a_password_stored_under_the_old_name_is_read_and_copied_to_the_account_once(tmp_path):
    account = _desk(tmp_path)
    keyring.set_password(SERVICE, "desk@127.0.0.1", "old secret")

    assert get_password(account) == "old secret"
    keyring.set_password(SERVICE, "desk@127.0.0.1", "changed elsewhere")
    assert (
        get_password(account) == "old secret"
    )  # its own entry now, whatever another store does to the old one


def test_removing_an_account_removes_its_refresh_token_too(tmp_path):
    from mail.credentials import set_refresh_token

    account = _desk(tmp_path)
    set_refresh_token(account, "rt")
    delete_password(account)
    assert get_refresh_token(account) is None
