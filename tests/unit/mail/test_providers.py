"""Provider settings from an address: known domains get their provider's servers, others a marked guess."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mail.providers import DOMAINS, PROVIDERS, country_defaults, settings_for


@pytest.mark.parametrize(
    ("address", "imap_host", "smtp"),
    [
        ("desk@gmail.com", "imap.gmail.com", ("smtp.gmail.com", 465, "ssl")),
        ("desk@hotmail.com", "outlook.office365.com", ("smtp.office365.com", 587, "starttls")),
        ("desk@contoso.onmicrosoft.com", "outlook.office365.com", ("smtp.office365.com", 587, "starttls")),
        ("desk@ziggo.nl", "imap.ziggo.nl", ("smtp.ziggo.nl", 587, "starttls")),
        ("desk@kpnmail.nl", "imap.kpnmail.nl", ("smtp.kpnmail.nl", 465, "ssl")),
        ("desk@gmx.de", "imap.gmx.net", ("mail.gmx.net", 587, "starttls")),
        ("Desk@WEB.DE", "imap.web.de", ("smtp.web.de", 587, "starttls")),
        ("desk@t-online.de", "secureimap.t-online.de", ("securesmtp.t-online.de", 465, "ssl")),
        ("desk@libero.it", "imapmail.libero.it", ("smtp.libero.it", 465, "ssl")),
        ("desk@virgilio.it", "in.virgilio.it", ("out.virgilio.it", 465, "ssl")),
        ("desk@fastwebnet.it", "imap.fastwebnet.it", ("smtp.fastwebnet.it", 587, "starttls")),
    ],
)
def test_known_providers_fill_in_their_servers(address, imap_host, smtp):
    settings = settings_for(address)
    assert settings is not None and not settings.guessed
    assert (settings.imap_host, settings.imap_port, settings.imap_security) == (imap_host, 993, "ssl")
    assert (settings.smtp_host, settings.smtp_port, settings.smtp_security) == smtp


def test_every_domain_names_a_provider_in_the_table():
    names = {provider.provider for provider in PROVIDERS}
    assert set(DOMAINS.values()) <= names


def test_an_unknown_domain_gets_a_guess_marked_as_such():
    settings = settings_for("servicedesk@gemeente-utrecht.nl")
    assert settings is not None and settings.guessed
    assert settings.imap_host == "imap.gemeente-utrecht.nl"


@given(st.text(alphabet="abc@. ", max_size=20))
def test_any_text_gives_settings_or_none_without_raising(text):
    settings = settings_for(text)
    assert settings is None or "." in settings.imap_host


def test_country_domains_suggest_zone_and_holidays():
    assert country_defaults("desk@firma.de") == ("Europe/Berlin", "DE")
    assert country_defaults("desk@comune.it") == ("Europe/Rome", "IT")
    assert country_defaults("desk@example.com") is None
