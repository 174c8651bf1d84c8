"""Forwarded messages, Outlook's formats and invitations are read as a person sees them in their mail client."""

from __future__ import annotations

import contextlib
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from mail.invitation import read_invitation
from mail.outlook import read_tnef
from mail.parse import parse_message
from tests import mail_cases


def _files(raw: bytes) -> list[tuple[str, str]]:
    return [(item.filename, item.content_type) for item in parse_message(raw).attachments]


def test_a_forwarded_message_is_an_attachment_whose_words_are_searchable():
    parsed = parse_message(mail_cases.forwarded())
    assert parsed.text_body.strip() == "Zie de doorgestuurde melding van de klant."
    assert _files(mail_cases.forwarded()) == [("Lekkage.eml", "message/rfc822")]
    assert "water in de kelder" in parsed.attached_text
    assert "klant@example.com" in parsed.attached_text and "Lekkage in de kelder" in parsed.attached_text
    inner = parse_message(parsed.attachments[0].data)
    assert inner.subject == "Lekkage in de kelder"
    assert [item.filename for item in inner.attachments] == ["kelder.jpg"]


def test_a_forward_inside_a_forward_is_searchable_to_the_bottom():
    parsed = parse_message(mail_cases.nested_forward())
    assert _files(mail_cases.nested_forward()) == [("Printer.eml", "message/rfc822")]
    assert "water in de kelder" in parsed.attached_text
    assert "Zie de doorgestuurde melding" in parsed.attached_text


def test_a_forward_as_the_only_part_is_named_after_its_subject():
    parsed = parse_message(mail_cases.forward_as_only_part())
    assert parsed.text_body == ""
    assert _files(mail_cases.forward_as_only_part()) == [("Lekkage in de kelder.eml", "message/rfc822")]
    assert "water in de kelder" in parsed.attached_text


def test_the_signature_of_a_signed_message_is_not_an_attachment():
    parsed = parse_message(mail_cases.signed())
    assert parsed.text_body.strip() == "De deur van kamer 3 klemt."
    assert parsed.attachments == ()


def test_an_rtf_alternative_is_read_as_the_text():
    parsed = parse_message(mail_cases.rtf_alternative())
    assert parsed.text_body == "Beste collega,\nDe lift staat stil op de 4e verdieping.\nGroet, Jan"
    assert parsed.attachments == ()


def test_html_only_mail_reads_as_its_text():
    assert parse_message(mail_cases.html_only()).text_body == "De koffieautomaat lekt."


def test_winmail_dat_is_opened_into_its_files():
    parsed = parse_message(mail_cases.winmail())
    assert [(item.filename, item.data) for item in parsed.attachments] == [
        ("Offerte 2026.pdf", b"%PDF-1.4 offerte"),
        ("Plattegrond.xlsx", b"PK\x03\x04 sheet"),
    ]
    assert parsed.text_body.strip() == "Zie bijlagen."
    assert parsed.problems == ()


def test_winmail_dat_text_is_the_text_when_the_mail_has_none():
    content = read_tnef(
        mail_cases.tnef([("Tekening.dwg", b"AC1032")], "Tekening van de verbouwing, zie bijlage.")
    )
    assert content.text == "Tekening van de verbouwing, zie bijlage."
    assert content.files == (("Tekening.dwg", b"AC1032"),)


def test_a_winmail_dat_that_is_not_tnef_is_kept_as_it_is():
    raw = mail_cases.winmail().replace(b"eJ8+Ij", b"AAAAAA")
    parsed = parse_message(raw)
    assert [item.filename for item in parsed.attachments] == ["winmail.dat"]
    assert any("winmail.dat" in problem for problem in parsed.problems)


def test_an_invitation_shows_summary_time_and_place():
    parsed = parse_message(mail_cases.invitation())
    [calendar] = parsed.attachments
    assert (calendar.filename, calendar.content_type) == ("invite.ics", "text/calendar")
    invitation = read_invitation(calendar.data)
    assert invitation is not None
    assert invitation.summary == "Overleg verhuizing archief"
    assert invitation.location == "Vergaderzaal 2.14"
    assert invitation.organizer == "jan@example.nl"
    assert invitation.method == "REQUEST"
    assert isinstance(invitation.start, datetime) and invitation.start.hour == 10
    assert invitation.start.utcoffset() is not None  # Outlook's Windows zone name is understood
    assert "Vergaderzaal" in parsed.attached_text


def test_text_that_is_not_icalendar_is_no_invitation():
    assert read_invitation(b"BEGIN:VCALENDAR\r\nnonsense") is None
    assert read_invitation(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n") is None


def test_a_cjk_attachment_name_keeps_its_extension_within_255_bytes():
    [(name, _)] = _files(mail_cases.cjk_attachment())
    assert name.endswith(".pdf") and name.startswith("会議室の予約")
    assert len(name.encode("utf-8")) <= 255


def test_an_invitation_alone_reads_as_its_description():
    raw = mail_cases.message(
        mail_cases.BASIC + '\nContent-Type: text/calendar; charset="utf-8"; method=REQUEST',
        mail_cases.INVITATION,
    )
    parsed = parse_message(raw)
    assert parsed.text_body == "We bespreken de verhuizing van het archief."
    assert [item.filename for item in parsed.attachments] == ["invite.ics"]


def test_a_winmail_dat_with_absurd_counts_is_read_at_once():
    """tnefparse loops over counts read from the file, past its end; four billion must not hold a sync worker."""
    import struct
    import time

    def attribute(level: int, name: int, kind: int, data: bytes) -> bytes:
        return (
            struct.pack("<BHHI", level, name, kind, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)
        )

    header = struct.pack("<IH", 0x223E9F78, 1) + attribute(1, 0x9007, 6, struct.pack("<II", 1252, 0))
    many_properties = attribute(1, 0x9003, 6, struct.pack("<I", 0xFFFFFFFF) + b"\x02\x00\x01\x00")
    many_values = attribute(1, 0x9003, 6, struct.pack("<IHHI", 1, 0x1002, 0x0E07, 0xFFFFFFFF))
    many_recipients = attribute(1, 0x9004, 6, struct.pack("<I", 0xFFFFFFFF))
    for body in (many_properties, many_values, many_recipients):
        started = time.perf_counter()
        with contextlib.suppress(ValueError):
            read_tnef(header + body)
        assert time.perf_counter() - started < 2


_WINMAIL = mail_cases.tnef([("Offerte.pdf", b"%PDF-1.4"), ("Tekening.dwg", b"AC1032")], "Zie bijlagen.")


@settings(max_examples=300, deadline=2000)
@given(st.data())
def test_damaged_winmail_dat_and_calendars_never_raise_more_than_a_refusal(data):
    position = data.draw(st.integers(0, len(_WINMAIL) - 1))
    damaged = _WINMAIL[:position] + data.draw(st.binary(max_size=12)) + _WINMAIL[position + 1 :]
    with contextlib.suppress(ValueError):
        read_tnef(damaged)
    calendar = mail_cases.INVITATION.encode()
    cut = data.draw(st.integers(0, len(calendar)))
    read_invitation(calendar[:cut] + data.draw(st.binary(max_size=20)) + calendar[cut:])
