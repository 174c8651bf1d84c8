"""The demo seed: real, decodable mail whose timers land in every state whenever the demo starts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.demo.seed import build_messages, business_instant_before, demo_desk, load_seed
from desktop.demo.servers import SENT_FOLDER
from store.standards.business_time import Calendar, business_minutes_between

FIRST_RESPONSE_MIN = 240
WARNING_PCT = 75
NOW = datetime(2026, 11, 23, 10, 44, tzinfo=UTC)  # a Monday morning in Utrecht


@pytest.fixture(scope="module")
def messages():
    return build_messages(NOW)


def _parsed(seed_message):
    return message_from_bytes(seed_message.raw, policy=policy.default)


def test_seed_has_a_few_dozen_requests_in_four_languages(messages):
    seed = load_seed()
    langs = {seed["people"][request["message"][0]["from"]]["lang"] for request in seed["request"]}
    assert langs == {"nl", "de", "it", "en"}
    assert len(seed["request"]) >= 30
    assert len(messages) == sum(len(request["message"]) for request in seed["request"])


def test_every_message_decodes_with_its_non_ascii_text_intact(messages):
    subjects = {str(_parsed(m)["Subject"]) for m in messages}
    assert "Heizung im Büro 2.14 fällt aus" in subjects
    heating = next(m for m in messages if str(_parsed(m)["Subject"]) == "Heizung im Büro 2.14 fällt aus")
    assert 'charset="iso-8859-1"' in heating.raw.decode("ascii")
    assert "Thermostat" in _parsed(heating).get_content()
    printer = next(m for m in messages if "Drucker" in str(_parsed(m)["Subject"]))
    assert "„PRN-MUC-3A“" in _parsed(printer).get_content()


def test_attachments_carry_their_names_and_valid_bytes(messages):
    names = {}
    for message in messages:
        for part in _parsed(message).iter_attachments():
            names[part.get_filename()] = part.get_content()
    assert names["bureaustoel.png"].startswith(b"\x89PNG\r\n\x1a\n")
    assert names["Übergabeprotokoll_Schlüssel.pdf"].startswith(b"%PDF-1.4")
    assert names["Übergabeprotokoll_Schlüssel.pdf"].rstrip().endswith(b"%%EOF")


def test_replies_name_messages_of_the_seed_and_desk_replies_sit_in_sent(messages):
    ids = {str(_parsed(m)["Message-ID"]) for m in messages}
    desk = demo_desk().address
    for message in messages:
        parsed = _parsed(message)
        if parsed["In-Reply-To"]:
            assert str(parsed["In-Reply-To"]) in ids
        is_desk = parsed["From"].addresses[0].addr_spec == desk
        assert (message.folder == SENT_FOLDER) == is_desk


def test_automatic_mail_is_marked_as_such(messages):
    auto = [_parsed(m) for m in messages if _parsed(m)["Auto-Submitted"]]
    assert {str(m["Auto-Submitted"]) for m in auto} == {"auto-replied", "auto-generated"}
    assert any(str(m["Subject"]).startswith("Abwesend:") for m in auto)


def test_arrivals_fall_in_opening_hours_before_now(messages):
    zone = ZoneInfo(demo_desk().timezone)
    for message in messages:
        local = message.internal_date.astimezone(zone)
        assert message.internal_date <= NOW
        assert local.weekday() < 5
        assert 9 <= local.hour < 17


def test_unanswered_requests_run_warn_and_breach_against_a_four_hour_standard(messages):
    desk = demo_desk()
    calendar = Calendar(desk.timezone, holidays=desk.holidays)
    by_thread: dict[str, list] = {}
    for message in messages:
        parsed = _parsed(message)
        root = str(parsed["References"] or parsed["Message-ID"]).split()[0]
        by_thread.setdefault(root, []).append((message, parsed))
    states = set()
    for thread in by_thread.values():
        if any(m.folder == SENT_FOLDER for m, _ in thread) or thread[0][1]["Auto-Submitted"]:
            continue
        used = business_minutes_between(thread[0][0].internal_date, NOW, calendar) / FIRST_RESPONSE_MIN
        states.add("breached" if used >= 1 else "warning" if used * 100 >= WARNING_PCT else "running")
    assert states == {"running", "warning", "breached"}


@settings(max_examples=25, deadline=None)
@given(
    now=st.datetimes(
        min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 31), timezones=st.just(UTC)
    ),
    minutes=st.integers(min_value=0, max_value=5000),
)
def test_business_instant_before_is_the_inverse_of_counting_business_minutes(now, minutes):
    calendar = Calendar("Europe/Amsterdam", holidays="NL")
    start = business_instant_before(now, minutes, calendar)
    counted = business_minutes_between(start, now, calendar)
    assert minutes <= counted < minutes + 1 / 60 + 1e-9
    if minutes:
        assert business_minutes_between(start + timedelta(seconds=1), now, calendar) < minutes
