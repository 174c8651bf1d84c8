"""SMTP for the outbox: a verified session, and the server's answer sorted into "try later" and "refused for good".

The sorting is what keeps the outbox honest: a 4xx or a cut connection leaves a reply queued for another try, a 5xx
marks it failed with the server's own words, and nothing is dropped silently.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Sequence

from mail.errors import AuthFailed, MailError, ServerUnavailable, TlsRefused, WrongPort
from mail.imap import NOT_TLS_REASONS, reason
from mail.sasl import Secret, xoauth2
from store.accounts import Account, is_loopback

TIMEOUT_SECONDS = 30.0


class PermanentRefusal(MailError):
    """The SMTP server refused the message for good (5xx): sending it again unchanged cannot succeed."""


def send_raw(smtp: smtplib.SMTP, account: Account, recipients: Sequence[str], raw: bytes) -> dict[str, tuple]:
    """Send the bytes as they are; returns the recipients refused while others were accepted.

    Raises PermanentRefusal when the server refused for good, ServerUnavailable when it may accept later.
    """
    where = f"{account.smtp_host}:{account.smtp_port}"
    try:
        return smtp.sendmail(account.address, list(recipients), raw)
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        text = "; ".join(f"{addr}: {_reply(code, msg)}" for addr, (code, msg) in error.recipients.items())
        if all(code >= 500 for code in codes):
            raise PermanentRefusal(f"the SMTP server refused every recipient: {text}") from error
        raise ServerUnavailable(f"the SMTP server refused the recipients for now: {text}") from error
    except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as error:
        text = _reply(error.smtp_code, error.smtp_error)
        if error.smtp_code >= 500:
            raise PermanentRefusal(f"the SMTP server refused the message: {text}") from error
        raise ServerUnavailable(f"the SMTP server refused the message for now: {text}") from error
    except (OSError, smtplib.SMTPException) as error:
        raise ServerUnavailable(f"the SMTP server {where} cut the connection: {reason(error)}") from error


def close_quietly(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        smtp.close()


def connect_smtp(account: Account, password: Secret | None, timeout: float = TIMEOUT_SECONDS) -> smtplib.SMTP:
    """A ready SMTP session: TLS verified against the system's CAs, logged in when the server offers AUTH (with a
    password, or ``AUTH XOAUTH2`` with a bearer token fresh for this session)."""
    host, port, security = account.smtp_host, account.smtp_port, account.smtp_security
    where = f"{host}:{port}"
    if security == "none" and not is_loopback(host):
        raise TlsRefused(
            f"sending to {where} without TLS would expose the password; only loopback may do that"
        )
    context = ssl.create_default_context()
    smtp: smtplib.SMTP | None = None
    try:
        if security == "ssl":
            smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
        else:
            smtp = smtplib.SMTP(host, port, timeout=timeout)
        smtp.ehlo()
        if security == "starttls":
            smtp.starttls(context=context)
            smtp.ehlo()
        if password is not None and smtp.has_extn("auth"):
            _login(smtp, account, password)
        return smtp
    except smtplib.SMTPAuthenticationError as error:
        _abandon(smtp)
        what = "username or password" if isinstance(password, str) else "sign-in token"
        if password is not None and not isinstance(password, str):
            password.refused()
        raise AuthFailed(
            f"the SMTP server {where} refused the {what} for {account.username}: "
            f"{_reply(error.smtp_code, error.smtp_error)}"
        ) from error
    except ssl.SSLCertVerificationError as error:
        _abandon(smtp)
        raise TlsRefused(
            f"the SMTP server {where} has a certificate that is not trusted ({error.verify_message})"
        ) from error
    except ssl.SSLError as error:
        _abandon(smtp)
        if error.reason in NOT_TLS_REASONS:
            raise WrongPort(
                f"{where} does not answer TLS: the port or security setting looks wrong "
                f"(SMTP with security ssl is usually port 465, starttls port 587)"
            ) from error
        raise TlsRefused(f"TLS with the SMTP server {where} failed: {error.reason or error}") from error
    except smtplib.SMTPNotSupportedError as error:
        _abandon(smtp)
        raise TlsRefused(f"the SMTP server {where} does not offer STARTTLS") from error
    except smtplib.SMTPResponseException as error:
        _abandon(smtp)
        if isinstance(error, smtplib.SMTPConnectError) and error.smtp_code == -1:  # a greeting with no code
            what = "an IMAP server" if "IMAP" in _text(error.smtp_error).upper() else "something else"
            raise WrongPort(
                f"{where} answers like {what}, not SMTP: the SMTP port looks wrong (usually 587 or 465)"
            ) from error
        raise ServerUnavailable(
            f"the SMTP server {where} refused the session: {_reply(error.smtp_code, error.smtp_error)}"
        ) from error
    except (OSError, smtplib.SMTPException) as error:
        _abandon(smtp)
        raise ServerUnavailable(f"the SMTP server {where} cannot be reached: {reason(error)}") from error
    except MailError:
        _abandon(smtp)
        raise


def _login(smtp: smtplib.SMTP, account: Account, secret: Secret) -> None:
    if isinstance(secret, str):
        smtp.login(account.username, secret)
        return
    response = xoauth2(secret.bearer())
    # After a refusal the server sends its reasons as a challenge and waits for an empty answer.
    smtp.auth("XOAUTH2", lambda challenge=None: response if challenge is None else "")


def _abandon(smtp: smtplib.SMTP | None) -> None:
    if smtp is not None:
        smtp.close()


def _text(message: bytes | str) -> str:
    return message.decode("utf-8", "replace") if isinstance(message, bytes) else message


def _reply(code: int, message: bytes | str) -> str:
    text = _text(message)
    return f"{code} {' '.join(text.split())}"
