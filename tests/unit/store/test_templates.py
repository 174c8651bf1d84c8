"""Canned replies: safe placeholder filling, the seeded languages, and values drawn from a request."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from store.db import open_memory_db
from store.numbers import NEXT_NUMBER
from store.templates import (
    LANGUAGES,
    first_name,
    get_template,
    list_templates,
    placeholders,
    render,
    save_template,
    seed_templates,
    template_values,
)
from tests.accounts import loopback_account

KNOWN = {
    "requester.first_name",
    "requester.name",
    "requester.address",
    "requester.department",
    "request.id",
    "request.subject",
    "agent.name",
    "standard.first_response",
    "standard.resolution",
    "standard.first_response_due",
    "standard.resolution_due",
}


def test_render_fills_known_and_leaves_unknown_visible():
    text = "Hi {requester.first_name}, re {request.subject} {requester.shoe_size} {agent} {} {0} {{x}}"
    out = render(text, {"requester.first_name": "Anna", "request.subject": "Stoel {kapot}"})
    assert out == "Hi Anna, re Stoel {kapot} {requester.shoe_size} {agent} {} {0} {{x}}"


@given(st.text())
def test_render_never_raises_and_without_values_changes_nothing(text):
    assert render(text, {}) == text


def test_seeding_is_idempotent_and_covers_every_language():
    db = open_memory_db()
    assert seed_templates(db) == 16
    assert seed_templates(db) == 0
    for language in LANGUAGES:
        names = {t.name for t in list_templates(db, language)}
        assert names == {"acknowledgement", "need_more_info", "resolved", "forwarded_to_colleague"}
    for template in list_templates(db):
        assert set(placeholders(template.body)) <= KNOWN, template


def test_an_edited_template_survives_reseeding():
    db = open_memory_db()
    seed_templates(db)
    save_template(db, "resolved", "nl", "Opgelost, {requester.first_name}!")
    seed_templates(db)
    template = get_template(db, "resolved", "nl")
    assert template is not None and template.body == "Opgelost, {requester.first_name}!"


def test_missing_language_falls_back_to_english():
    db = open_memory_db()
    seed_templates(db)
    template = get_template(db, "resolved", "fr")
    assert template is not None and template.language == "en"
    assert get_template(db, "no such", "en") is None


def test_first_name_from_the_usual_shapes():
    assert first_name("Anna de Vries") == "Anna"
    assert first_name("de Vries, Anna") == "Anna"
    assert first_name("", "jan.jansen@example.org") == "Jan"
    assert first_name("", "") == ""


def test_values_are_drawn_from_the_request_and_its_standard():
    db = open_memory_db()
    account = loopback_account(db, "desk", "desk@example.org", timezone="Europe/Rome")
    db.execute("INSERT INTO requesters (address, name) VALUES ('anna@example.org', 'Anna de Vries')")
    db.execute(
        "INSERT INTO standards (account_id, name, first_response_min) VALUES (?, 'default', 480)",
        [account.id],
    )
    request_id = db.execute(
        "INSERT INTO requests (number, account_id, requester_id, subject, received_at, last_activity_at, standard_id, "
        "first_response_due) VALUES (482913, ?, 1, 'Sedia rotta', '2026-11-23T09:00:00+00:00', "
        "'2026-11-23T09:00:00+00:00', 1, '2026-11-24T09:00:00+00:00') RETURNING id",
        [account.id],
    ).fetchone()[0]
    seed_templates(db)
    values = template_values(db, request_id, "Eva", "it")
    template = get_template(db, "acknowledgement", "it")
    assert template is not None
    text = render(template.body, values)
    assert "Gentile Anna de Vries" in text
    assert "richiesta 482913 " in text, "{request.id} is the number the requester knows, not the store's row"
    assert "entro 1 giorno lavorativo" in text
    assert text.endswith("Eva")
    assert values["standard.first_response_due"] == "2026-11-24 10:00"
    assert values["requester.first_name"] == "Anna"
    assert "standard.resolution" not in values, (
        "an unknown fact is left out, so its placeholder stays visible"
    )


def _acknowledgement_on(hours: str, first_response_min: int) -> str:
    """The English acknowledgement of a request on an account whose calendar has ``hours`` (JSON)."""
    db = open_memory_db()
    account = loopback_account(db)
    db.execute("UPDATE calendars SET hours_json = ? WHERE id = ?", [hours, account.calendar_id])
    db.execute(
        "INSERT INTO standards (account_id, name, first_response_min) VALUES (?, 'default', ?)",
        [account.id, first_response_min],
    )
    db.execute(
        "INSERT INTO requests (number, account_id, subject, received_at, last_activity_at, standard_id) "
        f"VALUES ({NEXT_NUMBER}, ?, 'Chair', '2026-11-23T09:00:00+00:00', '2026-11-23T09:00:00+00:00', 1)",
        [account.id],
    )
    return template_values(db, 1, "Eva", "en")["standard.first_response"]


def test_a_target_is_written_in_the_working_days_of_the_desks_calendar():
    always_open = json.dumps({str(day): [["00:00", "24:00"]] for day in range(7)})
    office = json.dumps({str(day): [["09:00", "17:00"]] for day in range(5)})
    assert _acknowledgement_on(always_open, 1440) == "1 business day"
    assert _acknowledgement_on(always_open, 480) == "8 business hours"
    assert _acknowledgement_on(office, 480) == "1 business day"
    assert _acknowledgement_on(office, 1440) == "3 business days"
