"""Automatic-mail classification: every kind, the prefix-not-substring rule, and properties over generated input."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mail.classify import classify
from store.vocabulary import AutoKind

PERSON = {"from": "Jan de Vries <jan@example.nl>", "to": "desk@example.org"}
REPLY = {**PERSON, "in-reply-to": "<desk-1@example.org>"}


def kind(extra: dict[str, str] | None = None, subject: str = "Printer stuk", **options: Any) -> str:
    return classify({**PERSON, **(extra or {})}, subject, **options)


def test_plain_person_mail_is_none():
    assert kind() == "none"


@pytest.mark.parametrize(
    "value", ["auto-replied", "auto-generated", "auto-notified", "Auto-Replied; owner=x"]
)
def test_auto_submitted_anything_but_no_is_automatic(value):
    assert kind({"auto-submitted": value}) == "auto-reply"


def test_auto_submitted_no_is_a_person_even_with_an_out_of_office_subject():
    assert kind({"auto-submitted": "no"}, "Automatic reply: vacation") == "none"
    assert kind({"auto-submitted": " No "}) == "none"


@pytest.mark.parametrize("header", ["x-autoreply", "x-autorespond"])
def test_x_autoreply_headers(header):
    assert kind({header: "yes"}) == "auto-reply"
    assert kind({header: "no"}) == "none"


def test_x_auto_response_suppress_marks_an_automatic_reply_but_not_a_new_message():
    assert classify({**REPLY, "x-auto-response-suppress": "All"}, "Re: Printer") == "auto-reply"
    assert classify({**REPLY, "x-auto-response-suppress": "DR, OOF, AutoReply"}, "Re: x") == "auto-reply"
    assert classify({**REPLY, "x-auto-response-suppress": "DR, RN"}, "Re: x") == "none"
    assert kind({"x-auto-response-suppress": "All"}) == "none"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("bulk", "list"),
        ("list", "list"),
        ("junk", "list"),
        ("auto_reply", "auto-reply"),
        ("first-class", "none"),
    ],
)
def test_precedence(value, expected):
    assert kind({"precedence": value}) == expected


@pytest.mark.parametrize("header", ["list-id", "list-unsubscribe"])
def test_list_headers(header):
    assert kind({header: "<news.example.org>"}) == "list"


def test_delivery_status_report_is_a_bounce():
    assert kind(content_type="multipart/report; report-type=delivery-status; boundary=x") == "bounce"
    assert kind(content_type='multipart/report; report-type="delivery-status"') == "bounce"
    assert kind(content_type="message/delivery-status") == "bounce"
    assert (
        kind(content_type="multipart/mixed", part_types=["text/plain", "message/delivery-status"]) == "bounce"
    )


def test_read_receipt_is_automatic():
    assert kind(content_type="multipart/report; report-type=disposition-notification") == "auto-reply"


@pytest.mark.parametrize(
    ("sender", "subject"),
    [
        ("MAILER-DAEMON@mx.example.org (Mail Delivery System)", "Undelivered Mail Returned to Sender"),
        ("postmaster@example.org", "Undeliverable: Printer stuk"),
        ("Mail Delivery Subsystem <mailer-daemon@googlemail.com>", "Delivery Status Notification (Failure)"),
        ("postmaster@example.de", "Unzustellbar: Drucker"),
        ("postmaster@example.nl", "Onbestelbaar: Printer"),
        ("postmaster@example.it", "Non recapitabile: Stampante"),
        ("MAILER-DAEMON", "failure notice"),
    ],
)
def test_daemon_sender_with_bounce_subject_is_a_bounce(sender, subject):
    assert classify({"from": sender}, subject) == "bounce"


def test_postmaster_writing_a_normal_mail_is_a_person():
    assert classify({"from": "postmaster@example.org"}, "Onderhoud mailserver zaterdag") == "none"
    assert classify({"from": "jan@example.nl"}, "Undeliverable: the parcel never came") == "none"


def test_loops():
    assert kind({"x-loop": "desk@example.org"}) == "loop"
    assert kind({"x-loket-loop": "1"}) == "loop"
    assert kind(received_count=51) == "loop"
    assert kind(received_count=50) == "none"


def test_loop_wins_over_other_kinds():
    assert kind({"x-loop": "x", "auto-submitted": "auto-replied", "list-id": "x"}) == "loop"


@pytest.mark.parametrize(
    "subject",
    [
        "Out of Office: Printer stuk",
        "Out of office reply: Printer",
        "Automatic reply: Printer stuk",
        "Autoreply: Printer",
        "Auto-Reply: Printer",
        "Afwezig: Printer stuk",
        "Automatisch antwoord: Printer stuk",
        "Abwesend: Drucker",
        "Abwesenheitsnotiz: Drucker",
        "Automatische Antwort: Drucker gestört",
        "Risposta automatica: Stampante",
        "Fuori sede: Stampante",
        "Assente: Stampante",
        "RE: Automatische Antwort: Drucker",
        "AW: AW: Abwesenheitsnotiz: Drucker",
        "Antw: Afwezig: Printer",
        "R: Risposta automatica: Stampante",
        "RE[2]: Automatic reply: x",
        "out of office",
        "  AUTOMATIC REPLY : x",
    ],
)
def test_out_of_office_subject_prefixes(subject):
    assert kind(subject=subject) == "auto-reply"


@pytest.mark.parametrize(
    "subject",
    [
        "Abwesenheitsplanung Q3",
        "Afwezigheid melden via het portaal?",
        "Vraag over out of office instellen",
        "Hoe zet ik een automatisch antwoord aan?",
        "Wie richte ich eine automatische Antwort ein",
        "Printer: Automatic reply werkt niet",
        "Assenteismo: report di marzo",
        "Fuori sedestanti",
        "Out of Officers meeting",
        "Autoreplying tool broken",
        "Auto: parkeervergunning aanvragen",
        "Re: Auto: schade aan de dienstauto",
    ],
)
def test_subjects_that_merely_contain_the_words_stay_a_person(subject):
    assert kind(subject=subject) == "none"


def test_auto_prefix_counts_only_as_the_first_word_of_a_reply():
    assert classify(REPLY, "Auto: Printer stuk") == "auto-reply"
    assert classify(REPLY, "Re: Auto: schade") == "none"


_HEADER_NAMES = st.sampled_from(
    [
        "from",
        "to",
        "subject",
        "auto-submitted",
        "x-autoreply",
        "precedence",
        "list-id",
        "x-loop",
        "in-reply-to",
        "x-auto-response-suppress",
        "list-unsubscribe",
        "references",
        "x-spam",
    ]
)


@given(
    st.dictionaries(_HEADER_NAMES, st.text(max_size=30), max_size=6),
    st.text(max_size=80),
    st.text(max_size=60),
    st.lists(st.text(max_size=30), max_size=4),
    st.integers(0, 200),
)
def test_classify_is_total_and_returns_a_known_kind(headers, subject, content_type, part_types, received):
    assert classify(headers, subject, content_type, part_types, received) in tuple(AutoKind)


@given(st.text(max_size=80))
def test_a_subject_alone_never_makes_a_bounce_list_or_loop(subject):
    assert classify(PERSON, subject) in ("none", "auto-reply")


@given(st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=40), st.text(max_size=40))
def test_out_of_office_words_glued_to_other_letters_are_not_prefixes(suffix, rest):
    for phrase in ("Abwesenheit", "Afwezig", "Assente", "Autoreply", "Out of office"):
        subject = f"{phrase}{suffix} {rest}"
        if suffix[0].isalnum() and not subject.lower().startswith(
            ("afwezigheidsmelding", "abwesenheitsnotiz", "abwesenheitsnachricht")
        ):
            assert classify(PERSON, subject) == "none"


@given(st.text(max_size=60))
def test_auto_submitted_no_never_classifies_a_person_as_auto_reply(subject):
    assert classify({**PERSON, "auto-submitted": "no"}, subject) == "none"
