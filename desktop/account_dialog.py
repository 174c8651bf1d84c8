"""The dialog that adds, edits and removes a department mailbox.

Typing the address fills in the servers of common providers; "Test connection" logs in to IMAP and SMTP in a
background thread and says in one sentence what is wrong; saving stores the password in the system keyring only.
Microsoft 365, Google and other OpenID Connect providers sign in through the system browser instead (OAuth 2.0).
"""

from __future__ import annotations

import logging
import threading
import zoneinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.forms import Form
from desktop.holiday_names import show_holiday_names
from desktop.oauth_signin import (
    browser_tokens,
    connection_secret,
    keep_tokens,
)
from desktop.settings import oauth_client_id
from desktop.work_dialog import WorkDialog
from mail.errors import (
    AuthFailed,
    MailError,
    NoPassword,
    ServerUnavailable,
    SigninRequired,
    TlsRefused,
    WrongPort,
)
from mail.providers import country_defaults, settings_for
from mail.sasl import Secret
from store.accounts import (
    SERVER_FIELDS,
    SIGNIN_REQUIRED,
    AccountError,
    AccountSettings,
    OAuthSetup,
    UnsentReplies,
    mailbox_values,
)
from store.history import DEFAULT_HISTORY_DAYS

if TYPE_CHECKING:
    from mail.oauth import Tokens

log = logging.getLogger(__name__)

HOLIDAY_CODES = ("NL", "BE", "DE", "DE-BW", "DE-BY", "DE-BE", "DE-HE", "DE-NW", "AT", "CH", "IT", "FR", "GB")
_OAUTH_KEYS = ("oauth_client_id", "login_user", "sign_in")
TEST_TIMEOUT_SECONDS = 15.0


def check_connection(settings: AccountSettings, password: Secret) -> None:
    """Log in to IMAP, then SMTP; raises the ``MailError`` of the first that fails (run off the GUI thread)."""
    from mail.imap import connect
    from mail.send import connect_smtp

    account = settings.as_account()
    connect(account, password, timeout=TEST_TIMEOUT_SECONDS).logout()
    connect_smtp(account, password, timeout=TEST_TIMEOUT_SECONDS).quit()


def save_account(
    data_dir: Path,
    account_id: int | None,
    settings: AccountSettings,
    password: str,
    tokens: Tokens | None = None,
) -> int:
    """Create or update the account and put a new password (or a new sign-in's refresh token) in the keyring;
    returns the account id."""
    from mail.credentials import set_password
    from store.accounts import add_account, remove_account, update_account
    from store.db import open_db

    db = open_db(data_dir)
    try:
        if account_id is None:
            account = add_account(db, settings)
            try:
                if tokens is not None:
                    keep_tokens(data_dir, account.id, tokens)
                else:
                    set_password(account, password)
            except MailError:
                remove_account(db, account.id)
                raise
        else:
            account = update_account(db, account_id, settings)
            if tokens is not None:
                keep_tokens(data_dir, account.id, tokens)
            elif password and settings.oauth is None:
                set_password(account, password)
        return account.id
    finally:
        db.conn.close()


def delete_account(data_dir: Path, account_id: int, discard_unsent: bool = False) -> None:
    """Remove the account, its local store rows and its keyring entry; the server keeps its mail. Raises
    ``UnsentReplies`` while its outbox holds replies never sent, unless ``discard_unsent``."""
    from mail.credentials import delete_password
    from store.accounts import get_account_by_id, remove_account
    from store.db import open_db

    db = open_db(data_dir)
    try:
        account = get_account_by_id(db, account_id)
        if account is not None:
            remove_account(db, account_id, discard_unsent=discard_unsent)
            delete_password(account)
    finally:
        db.conn.close()


class AccountDialog(WorkDialog):
    """Add a mailbox (``existing`` None) or edit one; ``saved(id)`` / ``removed(id)`` after the store changed."""

    saved = Signal(int)
    removed = Signal(int)

    def __init__(
        self,
        data_dir: Path,
        existing: tuple[int, AccountSettings] | None = None,
        default_timezone: str = "UTC",
        pool: QThreadPool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(pool, parent)
        self._data_dir = data_dir
        self._account_id = existing[0] if existing else None
        self._autofilled: dict[str, Any] = {}
        self._tenant = existing[1].oauth.tenant if existing and existing[1].oauth else None
        self._tokens: Tokens | None = None  # a sign-in made in this dialog, kept once the account is saved
        self._cancel = (
            threading.Event()
        )  # a sign-in still waiting for the browser stops when the dialog closes
        self.setWindowTitle(self.tr("Edit mailbox") if existing else self.tr("Add a department mailbox"))
        self.form = self._build_form()
        self.provider_label = QLabel(self)
        self.provider_label.setWordWrap(True)
        self.status_label.setObjectName("accountStatus")
        self.test_button = QPushButton(self.tr("&Test connection"), self)
        self.test_button.clicked.connect(self._test)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.remove_button: QPushButton | None = None
        if existing:
            self.remove_button = self.buttons.addButton(
                self.tr("&Remove…"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.remove_button.clicked.connect(self._remove)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.status_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.provider_label)
        layout.addLayout(test_row)
        layout.addWidget(self.buttons)
        if existing:
            self.form.set_values(_as_form_values(existing[1]))
            self.form.set_values(_oauth_form_values(existing[1].oauth))
            if existing[1].state == SIGNIN_REQUIRED:
                self.say(self.tr("The provider asks you to sign in again."), ok=False)
            self.form.field("password").setPlaceholderText(self.tr("unchanged (stored in the keyring)"))
            self._autofilled = {key: None for key in SERVER_FIELDS}  # never overwrite saved servers
        else:
            self.form.set_values(
                {
                    "timezone": default_timezone,
                    "imap_port": 993,
                    "smtp_port": 587,
                    "history_days": DEFAULT_HISTORY_DAYS,
                }
            )
        self._auth_chosen()
        self.setMinimumWidth(520)

    def _build_form(self) -> Form:
        form = Form(self)
        securities = [
            ("ssl", self.tr("SSL/TLS")),
            ("starttls", self.tr("STARTTLS")),
            ("none", self.tr("None (this computer only)")),
        ]
        address = form.add_text("address", self.tr("E-mail &address:"), "servicedesk@example.com")
        form.add_text("display_name", self.tr("&Display name:"), self.tr("Service desk"))
        form.add_text("name", self.tr("Account &name:"))
        auth = form.add_choice(
            "auth",
            self.tr("Sign in &with:"),
            [
                ("password", self.tr("A password")),
                ("microsoft", self.tr("Microsoft 365")),
                ("google", self.tr("Google Workspace")),
                ("oidc", self.tr("Another provider (OpenID Connect)")),
            ],
        )
        form.add_text("oauth_issuer", self.tr("Issuer UR&L:"), "https://login.example.com/realms/staff")
        form.add_text("oauth_client_id", self.tr("&Client ID:"), self.tr("Loket's ID at the provider"))
        form.add_text(
            "login_user", self.tr("Si&gns in as:"), self.tr("the address (or you, for a shared mailbox)")
        )
        self.sign_in_button = QPushButton(self)
        self.sign_in_button.clicked.connect(self._sign_in)
        form.add_row("sign_in", "", self.sign_in_button)
        form.add_text("password", self.tr("&Password:"), secret=True)
        form.add_text("username", self.tr("&User name:"))
        form.add_text("imap_host", self.tr("&IMAP server:"), "imap.example.com")
        form.add_port("imap_port", self.tr("IMAP p&ort:"))
        form.add_choice("imap_security", self.tr("IMAP &security:"), securities)
        form.add_text("smtp_host", self.tr("S&MTP server:"), "smtp.example.com")
        form.add_port("smtp_port", self.tr("SMTP po&rt:"))
        form.add_choice("smtp_security", self.tr("SMTP s&ecurity:"), securities)
        zones = sorted(zoneinfo.available_timezones())
        form.add_choice("timezone", self.tr("&Time zone:"), [(zone, zone) for zone in zones], editable=True)
        holidays = [("", self.tr("none"))] + [(code, code) for code in HOLIDAY_CODES]
        form.add_choice("holidays", self.tr("Public &holidays:"), holidays, editable=True)
        show_holiday_names(form.field("holidays"))
        history = form.add_number(
            "history_days", self.tr("&File as history after (days):"), 36_500, self.tr("never: keep all open")
        )
        history.setToolTip(
            self.tr(
                "On the first sync, and when the store is rebuilt, a request whose last message is older than this "
                "is filed as done, marked as history. A requester who writes again reopens it."
            )
        )
        address.textEdited.connect(self._address_edited)
        auth.activated.connect(self._auth_chosen_by_hand)
        return form

    # -- password or OAuth 2.0 --------------------------------------------------------------------------------

    def _provider(self) -> str:
        return str(self.form.values()["auth"])

    @Slot()
    def _auth_chosen_by_hand(self) -> None:
        self._autofilled["auth"] = None  # never overwritten by the address any more
        self._auth_chosen()

    def _auth_chosen(self) -> None:
        provider = self._provider()
        oauth = provider != "password"
        for key in ("password", "username"):
            self.form.set_row_visible(key, not oauth)
        for key in _OAUTH_KEYS:
            self.form.set_row_visible(key, oauth)
        self.form.set_row_visible("oauth_issuer", provider == "oidc")
        if oauth and not self.form.values()["oauth_client_id"]:
            self.form.set_values({"oauth_client_id": oauth_client_id(provider).get()})
        names = {"microsoft": self.tr("Microsoft"), "google": self.tr("Google")}
        name = names.get(provider, self.tr("your provider"))
        again = self._tokens is not None or self._account_id is not None
        text = self.tr("Sign in again with %1…") if again else self.tr("Sign in with %1…")
        self.sign_in_button.setText(text.replace("%1", name))

    @Slot()
    def _sign_in(self) -> None:
        settings = self.settings()
        if settings.oauth is None:
            return
        if not settings.oauth.client_id:
            self.say(
                self.tr("Enter the client ID under which Loket is registered at the provider."), ok=False
            )
            return
        oauth_client_id(settings.oauth.provider).set(settings.oauth.client_id)
        self.say(self.tr("Continue in the web browser that opened…"), ok=None)
        self.run(lambda: browser_tokens(settings, self._cancel), self._signed_in)

    def _signed_in(self, tokens: Tokens) -> None:
        self._tokens = tokens
        self._auth_chosen()
        self.say(self.tr("Signed in. Testing the connection…"), ok=None)
        settings = self.settings()
        self.run(
            lambda: check_connection(settings, connection_secret(settings, tokens, self._data_dir, None)),
            self._connected,
        )

    def done(self, result: int) -> None:
        self._cancel.set()
        super().done(result)

    # -- filling in from the address ------------------------------------------------------------------------

    @Slot(str)
    def _address_edited(self, address: str) -> None:
        values = self.form.values()
        updates: dict[str, Any] = {}
        previous = self._autofilled.get("address", "")
        for key in ("name", "username"):
            if values[key] in ("", previous):
                updates[key] = address.strip()
        servers = settings_for(address)
        if servers is not None and all(
            values[k] == self._autofilled.get(k, values[k]) for k in SERVER_FIELDS
        ):
            updates.update({key: getattr(servers, key) for key in SERVER_FIELDS})
            if values["auth"] == self._autofilled.get("auth", values["auth"]):
                updates["auth"] = servers.oauth or "password"
            if servers.guessed:
                self.provider_label.setText(
                    self.tr("Servers guessed from the domain: check them with your mail provider.")
                )
            else:
                self.provider_label.setText(self.tr("Settings for %1.").replace("%1", servers.provider))
        country = country_defaults(address)
        if country and self._account_id is None:
            updates.update({"timezone": country[0], "holidays": country[1]})
        self.form.set_values(updates)
        self._autofilled.update(
            {key: value for key, value in updates.items() if key in (*SERVER_FIELDS, "auth")}
        )
        self._autofilled["address"] = address.strip()
        self._auth_chosen()

    # -- background work --------------------------------------------------------------------------------

    def settings(self) -> AccountSettings:
        values = self.form.values()
        return AccountSettings(
            name=values["name"] or values["address"],
            address=values["address"],
            display_name=values["display_name"],
            **{key: values[key] for key in SERVER_FIELDS},
            username=values["address"]
            if values["auth"] != "password"
            else values["username"] or values["address"],
            timezone=values["timezone"] or "UTC",
            holidays=values["holidays"] or None,
            history_days=values["history_days"],
            oauth=None
            if values["auth"] == "password"
            else OAuthSetup(
                values["auth"],
                values["oauth_client_id"],
                values["oauth_issuer"] or None,
                self._tenant,
                values["login_user"] or None,
            ),
        )

    def busy_widgets(self) -> tuple[QWidget, ...]:
        return (self.test_button, self.buttons, self.sign_in_button)

    @Slot()
    def _test(self) -> None:
        settings, password = self.settings(), self.form.values()["password"]
        if settings.oauth is not None:
            if self._tokens is None and self._account_id is None:
                self.say(self.tr("Sign in first, then the connection is tested."), ok=False)
                return
            self.say(self.tr("Connecting…"), ok=None)
            tokens, account_id = self._tokens, self._account_id
            self.run(
                lambda: check_connection(
                    settings, connection_secret(settings, tokens, self._data_dir, account_id)
                ),
                self._connected,
            )
            return
        if not password and self._account_id is None:
            self.say(self.tr("Enter the password to test the connection."), ok=False)
            return
        self.say(self.tr("Connecting…"), ok=None)
        account_id = self._account_id
        self.run(
            lambda: check_connection(settings, password or _stored_password(self._data_dir, account_id)),
            self._connected,
        )

    def _connected(self, _result: object) -> None:
        self.say(self.tr("Connected: the server accepted the login for receiving and sending."))

    @Slot()
    def _save(self) -> None:
        settings, password, tokens = self.settings(), self.form.values()["password"], self._tokens
        if settings.oauth is not None:
            if self._account_id is None and tokens is None:
                self.say(self.tr("Sign in first: Loket keeps the sign-in in the system keyring."), ok=False)
                return
        elif self._account_id is None and not password:
            self.say(self.tr("Enter the mailbox's password: Loket keeps it in the system keyring."), ok=False)
            return
        self.say(self.tr("Saving…"), ok=None)
        self.run(
            lambda: save_account(self._data_dir, self._account_id, settings, password, tokens), self._saved
        )

    def _saved(self, account_id: int) -> None:
        self.saved.emit(account_id)
        self.accept()

    @Slot()
    def _remove(self) -> None:
        assert self._account_id is not None
        answer = QMessageBox.question(
            self,
            self.tr("Remove mailbox"),
            self.tr(
                "Remove this mailbox and its requests from this computer? The mail stays on the server, and a "
                "later sync can bring it back."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        account_id = self._account_id
        self.run(lambda: delete_account(self._data_dir, account_id), self._removed)

    def _confirm_discarding(self, unsent: UnsentReplies) -> None:
        """The outbox still holds replies only this computer has: removing goes on only when the person says
        to lose them."""
        answer = QMessageBox.warning(
            self,
            self.tr("Unsent replies"),
            self.tr(
                "This mailbox has %n reply(s) in the outbox that never reached the server. Removing the mailbox "
                "deletes them for good. Remove it anyway?",
                "",
                unsent.count,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.say(
                self.tr("Nothing was removed: send or discard the replies in the outbox first."), ok=None
            )
            return
        assert self._account_id is not None
        account_id = self._account_id
        self.run(lambda: delete_account(self._data_dir, account_id, discard_unsent=True), self._removed)

    def _removed(self, _result: object) -> None:
        assert self._account_id is not None
        self.removed.emit(self._account_id)
        self.accept()

    def failed(self, error: BaseException) -> None:
        if isinstance(error, UnsentReplies):
            self._confirm_discarding(error)
            return
        self.say(self.describe(error), ok=False)

    def describe(self, error: BaseException) -> str:
        """One sentence for a person: what is wrong, then the server's own words."""
        if isinstance(error, SigninRequired):
            sentence = self.tr("The provider asks you to sign in again.")
        elif isinstance(error, AuthFailed) and self._provider() != "password":
            sentence = self.tr("The sign-in did not succeed, or the server refused it.")
        elif isinstance(error, AuthFailed):
            sentence = self.tr("The server refused the user name or password.")
        elif isinstance(error, WrongPort):
            sentence = self.tr("The port or the security setting looks wrong:")
        elif isinstance(error, TlsRefused):
            sentence = self.tr(
                "The secure connection was refused: the certificate is not trusted or the "
                "security setting does not match the server."
            )
        elif isinstance(error, ServerUnavailable):
            sentence = self.tr(
                "The server cannot be reached: check the server name, the port and the network."
            )
        elif isinstance(error, NoPassword):
            sentence = self.tr("The system keyring did not store the password.")
        elif isinstance(error, AccountError):
            sentence = self.tr("A setting cannot work:")
        else:
            log.error("account dialog: unexpected failure", exc_info=error)
            sentence = self.tr("Something unexpected went wrong:")
        return f"{sentence}\n{error}"


def _stored_password(data_dir: Path, account_id: int | None) -> str:
    """The saved account's password: its keyring entry is named by the stored account, not by the form."""
    from mail.credentials import get_password
    from store.accounts import get_account_by_id
    from store.db import open_db

    db = open_db(data_dir)
    try:
        account = get_account_by_id(db, account_id) if account_id is not None else None
    finally:
        db.conn.close()
    if account is None:
        raise NoPassword("the mailbox is not saved yet: enter its password")
    return get_password(account)


def _oauth_form_values(oauth: OAuthSetup | None) -> dict[str, Any]:
    if oauth is None:
        return {"auth": "password"}
    return {
        "auth": oauth.provider,
        "oauth_issuer": oauth.issuer or "",
        "oauth_client_id": oauth.client_id,
        "login_user": oauth.login_user or "",
    }


def _as_form_values(settings: AccountSettings) -> dict[str, Any]:
    values = mailbox_values(settings)
    del values["state"]
    return {
        **values,
        "timezone": settings.timezone,
        "holidays": settings.holidays or "",
        "history_days": settings.history_days,
    }
