"""Server settings of common mail providers, so adding a mailbox usually needs only the address and password.

The table covers the big international services and the usual consumer and business providers of the Netherlands,
Germany and Italy. A domain not in the table gets a guess (``imap.<domain>``, ``smtp.<domain>``) marked as such.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.accounts import Servers


@dataclass(frozen=True, slots=True, kw_only=True)
class ServerSettings(Servers):
    """A provider's IMAP and SMTP servers; ``guessed`` when derived from the domain alone; ``oauth`` names the OAuth
    2.0 sign-in the provider needs (``microsoft``, ``google``), None where a password works."""

    provider: str
    guessed: bool = False
    oauth: str | None = None


def _ssl_imap(
    provider: str, imap: str, smtp: str, smtp_port: int = 465, oauth: str | None = None
) -> ServerSettings:
    return ServerSettings(
        provider=provider,
        imap_host=imap,
        imap_port=993,
        imap_security="ssl",
        smtp_host=smtp,
        smtp_port=smtp_port,
        smtp_security="ssl" if smtp_port == 465 else "starttls",
        oauth=oauth,
    )


GMAIL = _ssl_imap("Gmail / Google Workspace", "imap.gmail.com", "smtp.gmail.com", oauth="google")
MICROSOFT = _ssl_imap(
    "Outlook.com / Microsoft 365", "outlook.office365.com", "smtp.office365.com", 587, oauth="microsoft"
)
PROVIDERS: tuple[ServerSettings, ...] = (
    GMAIL,
    MICROSOFT,
    _ssl_imap("Yahoo Mail", "imap.mail.yahoo.com", "smtp.mail.yahoo.com"),
    _ssl_imap("iCloud Mail", "imap.mail.me.com", "smtp.mail.me.com", 587),
    _ssl_imap("Ziggo", "imap.ziggo.nl", "smtp.ziggo.nl", 587),
    _ssl_imap("KPN Mail", "imap.kpnmail.nl", "smtp.kpnmail.nl"),
    _ssl_imap("XS4ALL", "imap.xs4all.nl", "smtp.xs4all.nl"),
    _ssl_imap("GMX", "imap.gmx.net", "mail.gmx.net", 587),
    _ssl_imap("WEB.DE", "imap.web.de", "smtp.web.de", 587),
    _ssl_imap("Telekom (t-online.de)", "secureimap.t-online.de", "securesmtp.t-online.de"),
    _ssl_imap("Posteo", "posteo.de", "posteo.de", 587),
    _ssl_imap("mailbox.org", "imap.mailbox.org", "smtp.mailbox.org"),
    _ssl_imap("Libero Mail", "imapmail.libero.it", "smtp.libero.it"),
    _ssl_imap("Virgilio Mail", "in.virgilio.it", "out.virgilio.it"),
    _ssl_imap("TIM Mail", "imap.tim.it", "smtp.tim.it"),
    _ssl_imap("Alice Mail", "in.alice.it", "out.alice.it"),
    _ssl_imap("Fastweb", "imap.fastwebnet.it", "smtp.fastwebnet.it", 587),
    _ssl_imap("Aruba", "imaps.aruba.it", "smtps.aruba.it"),
)
_BY_NAME = {settings.provider: settings for settings in PROVIDERS}

DOMAINS: dict[str, str] = {
    **dict.fromkeys(("gmail.com", "googlemail.com"), GMAIL.provider),
    **dict.fromkeys(
        (
            "outlook.com",
            "hotmail.com",
            "live.com",
            "msn.com",
            "outlook.nl",
            "hotmail.nl",
            "live.nl",
            "outlook.de",
            "hotmail.de",
            "live.de",
            "outlook.it",
            "hotmail.it",
            "live.it",
            "office365.com",
            "onmicrosoft.com",
        ),
        MICROSOFT.provider,
    ),
    **dict.fromkeys(("yahoo.com", "yahoo.nl", "yahoo.de", "yahoo.it", "ymail.com"), "Yahoo Mail"),
    **dict.fromkeys(("icloud.com", "me.com", "mac.com"), "iCloud Mail"),
    **dict.fromkeys(("ziggo.nl", "upcmail.nl", "casema.nl", "home.nl", "quicknet.nl"), "Ziggo"),
    **dict.fromkeys(("kpnmail.nl", "kpnplanet.nl", "planet.nl", "hetnet.nl", "telfort.nl"), "KPN Mail"),
    "xs4all.nl": "XS4ALL",
    **dict.fromkeys(("gmx.de", "gmx.net", "gmx.at", "gmx.ch", "gmx.com"), "GMX"),
    "web.de": "WEB.DE",
    **dict.fromkeys(("t-online.de", "magenta.de"), "Telekom (t-online.de)"),
    "posteo.de": "Posteo",
    **dict.fromkeys(("mailbox.org",), "mailbox.org"),
    **dict.fromkeys(("libero.it", "inwind.it", "iol.it", "blu.it", "giallo.it"), "Libero Mail"),
    "virgilio.it": "Virgilio Mail",
    "tim.it": "TIM Mail",
    "alice.it": "Alice Mail",
    **dict.fromkeys(("fastwebnet.it", "fastweb.it"), "Fastweb"),
    "aruba.it": "Aruba",
}


def provider_named(name: str) -> ServerSettings | None:
    return _BY_NAME.get(name)


def settings_for(address: str) -> ServerSettings | None:
    """The servers for ``address``: the provider's when its domain (or a parent domain) is known, else a guess;
    None when the text has no domain yet."""
    domain = address.strip().rpartition("@")[2].lower().rstrip(".")
    if "." not in domain:
        return None
    labels = domain.split(".")
    for start in range(len(labels) - 1):
        provider = DOMAINS.get(".".join(labels[start:]))
        if provider:
            return _BY_NAME[provider]
    return ServerSettings(
        provider=domain,
        imap_host=f"imap.{domain}",
        imap_port=993,
        imap_security="ssl",
        smtp_host=f"smtp.{domain}",
        smtp_port=587,
        smtp_security="starttls",
        guessed=True,
    )


# Time zone and public holidays for a new desk, from the country of its address (a desk may change both).
COUNTRY_DEFAULTS: dict[str, tuple[str, str]] = {
    "nl": ("Europe/Amsterdam", "NL"),
    "be": ("Europe/Brussels", "BE"),
    "de": ("Europe/Berlin", "DE"),
    "at": ("Europe/Vienna", "AT"),
    "ch": ("Europe/Zurich", "CH"),
    "it": ("Europe/Rome", "IT"),
    "fr": ("Europe/Paris", "FR"),
    "uk": ("Europe/London", "GB"),
}


def country_defaults(address: str) -> tuple[str, str] | None:
    """(time zone, holidays code) suggested by the address's country domain, or None for .com and the like."""
    top = address.strip().rpartition(".")[2].lower()
    return COUNTRY_DEFAULTS.get(top)
