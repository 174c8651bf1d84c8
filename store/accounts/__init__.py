"""Department mailboxes: where Loket reads and sends mail, and the calendar their timers run on.

No secret is ever stored here: passwords and OAuth 2.0 refresh tokens live in the system keyring
(``mail.credentials``), under the account's own random ``secret_id``. ``model`` holds the values, ``checks`` what
they must pass, ``mailboxes`` the ``accounts`` table; what other packages use is named here.
"""

from store.accounts.checks import check_address, check_holidays, check_issuer, check_oauth, is_loopback
from store.accounts.mailboxes import (
    PER_PERSON_OFF,
    UnsentReplies,
    account_calendar,
    account_timezone,
    add_account,
    get_account,
    get_account_by_id,
    list_accounts,
    per_person_figures,
    rating_links_on,
    remove_account,
    set_last_error,
    set_per_person_figures,
    set_rating_links,
    set_state,
    settings_of,
    unsent_replies,
    update_account,
)
from store.accounts.model import (
    OAUTH_PROVIDERS,
    SECURITIES,
    SERVER_FIELDS,
    SIGNIN_REQUIRED,
    Account,
    AccountError,
    AccountSettings,
    Mailbox,
    OAuthSetup,
    Servers,
    mailbox_values,
)

__all__ = [
    "OAUTH_PROVIDERS",
    "PER_PERSON_OFF",
    "SECURITIES",
    "SERVER_FIELDS",
    "SIGNIN_REQUIRED",
    "Account",
    "AccountError",
    "AccountSettings",
    "Mailbox",
    "OAuthSetup",
    "Servers",
    "UnsentReplies",
    "account_calendar",
    "account_timezone",
    "add_account",
    "check_address",
    "check_holidays",
    "check_issuer",
    "check_oauth",
    "get_account",
    "get_account_by_id",
    "is_loopback",
    "list_accounts",
    "mailbox_values",
    "per_person_figures",
    "rating_links_on",
    "remove_account",
    "set_last_error",
    "set_per_person_figures",
    "set_rating_links",
    "set_state",
    "settings_of",
    "unsent_replies",
    "update_account",
]
