"""parse_message: real-world encodings, structures and breakage, and a fuzz test that it never raises."""

from __future__ import annotations

import base64
import sqlite3
import time
from datetime import UTC, datetime, timedelta, timezone
from email import policy as email_policy
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from html import escape as html_escape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mail.filenames import sanitize_filename
from mail.parse import parse_message, shown_html, snippet
from store.records import Address, ParsedMessage

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "mail"
_SQLITE = sqlite3.connect(":memory:")


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def message(headers: str, body: bytes | str = b"Hallo\r\n", **extra: str) -> bytes:
    """A message from a header block written with \\n (sent with CRLF, as IMAP delivers it) and a body."""
    lines = [
        *headers.strip("\n").splitlines(),
        *(f"{name.replace('_', '-')}: {value}" for name, value in extra.items()),
    ]
    head = "\r\n".join(lines).encode("utf-8")
    if isinstance(body, str):
        body = body.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
    return head + b"\r\n\r\n" + body


BASIC = """From: Jan <jan@example.nl>
To: desk@example.org
Subject: Printer
Date: Tue, 3 Mar 2026 09:00:00 +0100
Message-ID: <m1@example.nl>
MIME-Version: 1.0"""


def strings_of(parsed: ParsedMessage) -> list[str]:
    addresses: list[Address] = [parsed.sender, *parsed.to, *parsed.cc, *parsed.reply_to]
    found = [
        parsed.subject,
        parsed.text_body,
        parsed.snippet,
        parsed.auto_kind,
        parsed.html_body or "",
        parsed.message_id or "",
        parsed.in_reply_to or "",
        parsed.thread_index or "",
        *parsed.references,
        *parsed.problems,
    ]
    found += [part for address in addresses for part in (address.name, address.address)]
    found += [part for item in parsed.attachments for part in (item.filename, item.content_type)]
    return found


def assert_sqlite_safe(parsed: ParsedMessage) -> None:
    for text in strings_of(parsed):
        assert isinstance(text, str)
        assert "\x00" not in text
        _SQLITE.execute("SELECT ?", (text,))  # raises on lone surrogates
    for item in parsed.attachments:
        assert item.filename and "/" not in item.filename and "\\" not in item.filename
    assert parsed.date is None or parsed.date.tzinfo is not None


# --- realistic samples --------------------------------------------------------------------------------------------


def test_outlook_mail_labelled_latin1_is_read_as_windows_1252():
    parsed = parse_message(sample("outlook_nl_related.eml"))
    assert parsed.subject == "Printer 3e verdieping geeft storing – graag snel"
    assert parsed.sender == Address("Renée van der Mölen", "renee.vandermolen@gemeente.example")
    assert parsed.cc == (Address("Bakker, Pieter", "p.bakker@gemeente.example"),)
    assert "storing “papier vast”" in parsed.text_body
    assert "€50" in parsed.text_body
    assert "\r" not in parsed.text_body
    assert parsed.thread_index == "AdmtF0Zx3YzKq8rLQ1eX3aZ0m9u6Ag=="
    assert parsed.date == datetime(2026, 3, 3, 8, 14, 1, tzinfo=UTC)
    assert parsed.problems == ()


def test_outlook_inline_image_is_flagged_inline_and_tracking_pixel_parked():
    parsed = parse_message(sample("outlook_nl_related.eml"))
    [image] = parsed.attachments
    assert (image.filename, image.content_type, image.inline) == ("image001.png", "image/png", True)
    assert image.data.startswith(b"\x89PNG")
    assert parsed.html_body is not None
    assert 'src="cid:image001.png@01DA0000.12345678"' in parsed.html_body
    assert 'data-remote-src="https://tracker.example.com/open.gif"' in parsed.html_body
    assert ' src="https://' not in parsed.html_body
    assert "<style" not in parsed.html_body


def test_thunderbird_rfc2231_continued_filename_and_8bit_utf8_body():
    parsed = parse_message(sample("thunderbird_de_attachment.eml"))
    assert parsed.subject == "Zugriff auf Gruppenlaufwerk für die Buchhaltung"
    assert parsed.sender == Address("Jürgen Weiß", "j.weiss@firma.example")
    assert "ich benötige Zugriff" in parsed.text_body
    [pdf] = parsed.attachments
    assert pdf.filename == "Übersicht März 2026.pdf"
    assert pdf.data.startswith(b"%PDF-1.4")
    assert not pdf.inline
    assert parsed.in_reply_to == "<previous-1@firma.example>"
    assert parsed.references == ("<root-0@firma.example>", "<previous-1@firma.example>")


def test_html_only_mail_gets_text_from_html_and_loses_scripts():
    parsed = parse_message(sample("gmail_it_html_only.eml"))
    assert parsed.subject == "Portatile non si avvia più"
    assert parsed.text_body.startswith("Buongiorno,\n\nil portatile non si avvia più dopo l'aggiornamento.")
    assert "alert" not in parsed.text_body
    assert (
        parsed.html_body is not None and "<script" not in parsed.html_body and "alert" not in parsed.html_body
    )
    assert parsed.snippet.startswith("Buongiorno, il portatile")
    assert parsed.message_id == "<CAF=abc123+XYZ@mail.gmail.com>"


def test_ingest_leaves_the_html_in_the_raw_mail_and_showing_it_sanitises_it_as_a_full_parse_does():
    raw = sample("gmail_it_html_only.eml")
    full, ingested = parse_message(raw), parse_message(raw, html=False)
    assert ingested.html_body is None and ingested.html_in_raw and not full.html_in_raw
    assert (ingested.text_body, ingested.snippet) == (full.text_body, full.snippet)
    assert shown_html(raw) == full.html_body
    plain = parse_message(sample("thunderbird_de_attachment.eml"), html=False)
    assert not plain.html_in_raw


def test_unencoded_latin1_header_and_iso_8859_15_body():
    parsed = parse_message(sample("exchange_ooo_de.eml"))
    assert parsed.sender.name == "Klaus Schröder"
    assert "In dringenden Fällen" in parsed.text_body
    assert parsed.text_body.rstrip().endswith("in €.")
    assert parsed.auto_kind == "auto-reply"


def test_bounce_keeps_report_and_returned_message_as_attachments():
    parsed = parse_message(sample("postfix_bounce.eml"))
    assert parsed.auto_kind == "bounce"
    names = [(item.filename, item.content_type) for item in parsed.attachments]
    assert names == [
        ("delivery-status.txt", "message/delivery-status"),
        ("Re_ Ihre Anfrage [#42].eml", "message/rfc822"),
    ]
    assert parsed.attachments[1].data.startswith(b"From: Helpdesk")
    assert "User unknown" in parsed.text_body


def test_list_mail_is_classified():
    assert parse_message(sample("list_newsletter.eml")).auto_kind == "list"


# --- charsets and transfer encodings ------------------------------------------------------------------------------

TEXTS = {
    "nl": "Graag toegang tot de map Financiën, het is dringend — “vandaag” nog.",
    "de": "Grüße aus der Buchhaltung: die Übersicht für März fehlt, Kosten 50 €.",
    "it": "Perché il portatile è lento? Costa 30 € e la collega è già arrivata.",
}


def _encode(text: str, charset: str, encoding: str) -> bytes:
    data = text.encode(charset)
    if encoding == "base64":
        return base64.encodebytes(data)
    if encoding == "quoted-printable":
        import quopri

        return quopri.encodestring(data)
    return data


@pytest.mark.parametrize("language", sorted(TEXTS))
@pytest.mark.parametrize(
    ("charset", "label", "encoding"),
    [
        ("utf-8", "utf-8", "quoted-printable"),
        ("utf-8", "UTF-8", "base64"),
        ("utf-8", "utf8", "8bit"),
        ("utf-8", '"utf-8 "', "8bit"),
        ("utf-8", '"UTF-8 format=flowed"', "8bit"),
        ("cp1252", "Windows1252", "8bit"),
        ("iso-8859-15", "iso-8859-15", "quoted-printable"),
        ("iso-8859-15", "latin-9", "base64"),
        ("cp1252", "windows-1252", "quoted-printable"),
        ("cp1252", "iso-8859-1", "quoted-printable"),
        ("cp1252", "us-ascii", "8bit"),
        ("utf-8", "us-ascii", "8bit"),
        ("utf-8", "", "8bit"),
    ],
)
def test_body_text_survives_charset_and_transfer_encoding(language, charset, label, encoding):
    text = TEXTS[language]
    if charset == "iso-8859-15":
        text = text.replace("—", "-").replace("“", '"').replace("”", '"')
    content_type = f"text/plain; charset={label}" if label else "text/plain"
    raw = message(
        BASIC, _encode(text, charset, encoding), Content_Type=content_type, Content_Transfer_Encoding=encoding
    )
    parsed = parse_message(raw)
    assert parsed.text_body.strip() == text
    assert parsed.problems == ()


def test_unknown_charset_label_falls_back_and_says_so():
    raw = message(BASIC, "Grüße aus Köln".encode(), Content_Type="text/plain; charset=x-klingon")
    parsed = parse_message(raw)
    assert parsed.text_body == "Grüße aus Köln"
    assert any("x-klingon" in problem for problem in parsed.problems)


# Text in each charset's own script, as mail in that charset carries it.
NATIVE = {
    "iso-2022-jp": "会議室の予約をお願いします。",
    "shift_jis": "プリンターが故障しています。",
    "euc-jp": "鍵をなくしました。",
    "utf-7": "Grüße, 50 € + 日本語 ~ fertig",
    "gb18030": "打印机坏了，请尽快修理。",
    "gb2312": "会议室预订。",
    "gbk": "会议室预订。",
    "hz-gb-2312": "会议室预订。",
    "big5": "印表機壞了，請盡快修理。",
    "euc-kr": "프린터가 고장났습니다.",
    "ks_c_5601-1987": "프린터가 고장났습니다.",
    "iso-2022-kr": "프린터가 고장났습니다.",
    "koi8-r": "Принтер сломался, помогите.",
    "koi8-u": "Принтер зламався, допоможіть.",
    "iso-8859-5": "Принтер сломался.",
    "windows-1250": "Tiskárna je rozbitá, prosím opravte ji.",
    "windows-1251": "Принтер сломался, помогите.",
    "windows-1252": "Grüße aus Köln, 50 € – „dringend“.",
    "windows-1253": "Ο εκτυπωτής χάλασε.",
    "windows-1254": "Yazıcı bozuldu, lütfen düzeltin.",
    "windows-1255": "המדפסת התקלקלה.",
    "windows-1256": "الطابعة معطلة.",
    "windows-1257": "Spausdintuvas sugedo.",
    "windows-1258": "Xin chào, cám ơn.",
    "iso-8859-2": "Drukarka się zepsuła.",
    "iso-8859-7": "Ο εκτυπωτής χάλασε.",
    "iso-8859-9": "Yazıcı bozuldu.",
    "iso-8859-13": "Spausdintuvas sugedo.",
    "iso-8859-15": "Grüße aus Köln, 50 €.",
    "iso-8859-16": "Imprimanta s-a stricat.",
    "cp850": "Grüße aus Köln.",
}


@pytest.mark.parametrize("encoding", ["8bit", "base64", "quoted-printable"])
@pytest.mark.parametrize("label", sorted(NATIVE))
def test_every_charset_python_has_decodes_body_and_encoded_words(label, encoding):
    """Charsets that are 7-bit on the wire (ISO-2022-JP, UTF-7, HZ) included: their escapes are ASCII bytes."""
    from tests.mail_cases import in_charset  # it builds on this module's helpers

    text = NATIVE[label]
    raw = in_charset(label, encoding)
    parsed = parse_message(raw)
    assert parsed.text_body.strip() == text
    assert parsed.subject == text
    assert parsed.problems == ()


def test_iso_2022_jp_quoted_printable_encoded_word_is_decoded():
    raw = message(BASIC.replace("Subject: Printer", "Subject: =?ISO-2022-JP?Q?=1B$BF|K\\8l=1B(B?="))
    assert parse_message(raw).subject == "日本語"


@pytest.mark.parametrize("subject", ["Re: =?utf-8?B?!!!?=", "=?utf-8?B?R3L!?= Kamer 2"])
def test_an_encoded_word_that_cannot_be_decoded_stays_as_text(subject):
    parsed = parse_message(message(BASIC.replace("Subject: Printer", f"Subject: {subject}")))
    assert parsed.subject == subject
    assert parsed.problems == ("undecodable encoded word in a header, kept as written",)


def test_invalid_utf8_in_a_utf8_body_is_replaced_not_raised():
    raw = message(BASIC, "Grüße ".encode() + b"\xff\xfe kapot", Content_Type="text/plain; charset=utf-8")
    parsed = parse_message(raw)
    assert parsed.text_body.startswith("Grüße")
    assert parsed.problems


def test_utf8_headers_sent_without_encoding_are_read():
    raw = message(
        "From: Jürgen Weiß <jw@example.de>\nSubject: Störung im Büro – dringend\nDate: Tue, 3 Mar 2026 09:00:00 +0100"
    )
    parsed = parse_message(raw)
    assert parsed.subject == "Störung im Büro – dringend"
    assert parsed.sender == Address("Jürgen Weiß", "jw@example.de")


def test_8bit_headers_with_invalid_utf8_are_read_as_windows_1252():
    raw = b"From: Ren\xe9e <r@example.nl>\r\nSubject: Caf\xe9 \x93test\x94 \xff\r\n\r\nbody"
    parsed = parse_message(raw)
    assert parsed.sender.name == "Renée"
    assert parsed.subject == "Café “test” ÿ"
    assert_sqlite_safe(parsed)


# --- RFC 2047 and RFC 2231 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("=?utf-8?q?Gr=C3=BC=C3=9Fe?=", "Grüße"),
        ("=?ISO-8859-1?Q?Financi=EBn?= en =?iso-8859-1?q?M=E4rz?=", "Financiën en März"),
        ("=?utf-8?B?UGVyY2jDqQ==?= =?utf-8?B?IMOo?=", "Perché è"),
        ("=?utf-8?q?split_=C3?= =?utf-8?q?=BC_char?=", "split ü char"),
        ("=?utf-8*de?q?Sprache?=", "Sprache"),
        ("=?windows-1252?q?=93quoted=94?=", "“quoted”"),
        ("=?x-unknown?q?caf=C3=A9?=", "café"),
        ("=?utf-8?b?not*base64*at*all?=", None),
        ("Re: =?utf-8?q?incomplete", "Re: =?utf-8?q?incomplete"),
    ],
)
def test_rfc2047_subjects(header, expected):
    parsed = parse_message(message(BASIC.replace("Subject: Printer", f"Subject: {header}")))
    if expected is not None:
        assert parsed.subject == expected
    assert_sqlite_safe(parsed)


def test_rfc2047_display_names_quoted_or_not_and_address_lower_cased():
    raw = message(
        """From: "=?utf-8?q?M=C3=BCller=2C_J=C3=BCrgen?=" <J.Mueller@Example.DE>
To: =?iso-8859-1?q?Ren=E9e?= <renee@example.nl>, "Rossi, Niccolò" <n.rossi@example.it>,
 plain@example.it
Cc: undisclosed-recipients:;
Date: Tue, 3 Mar 2026 09:00:00 +0100"""
    )
    parsed = parse_message(raw)
    assert parsed.sender == Address("Müller, Jürgen", "j.mueller@example.de")
    assert parsed.to == (
        Address("Renée", "renee@example.nl"),
        Address("Rossi, Niccolò", "n.rossi@example.it"),
        Address("", "plain@example.it"),
    )
    assert parsed.cc == ()


def test_garbage_address_headers_do_not_raise():
    raw = message('From: <<<@@@>>> ,,, "unterminated\nTo: :;:;<>\nReply-To: a@b@c, (comment only)')
    parsed = parse_message(raw)
    assert_sqlite_safe(parsed)
    assert parsed.sender.address in ("", "a@b@c") or "@" in parsed.sender.address


def _attachment_mail(disposition: str, content_type: str = "application/pdf") -> bytes:
    body = (
        "--b\r\nContent-Type: text/plain\r\n\r\nSee attachment\r\n"
        f"--b\r\nContent-Type: {content_type}\r\nContent-Disposition: {disposition}\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--b--\r\n"
    )
    return message(BASIC, body, Content_Type='multipart/mixed; boundary="b"')


@pytest.mark.parametrize(
    ("disposition", "expected"),
    [
        ("attachment; filename*=iso-8859-1''Gr%FC%DFe%20aus%20K%F6ln.pdf", "Grüße aus Köln.pdf"),
        (
            "attachment; filename*=UTF-8''Fattura%20n.%2012%20%E2%80%93%20marzo.pdf",
            "Fattura n. 12 – marzo.pdf",
        ),
        ('attachment; filename="=?utf-8?B?T3ZlcnppY2h0IGZpbmFuY2nDq24ucGRm?="', "Overzicht financiën.pdf"),
        ('attachment; filename="=?iso-8859-1?Q?=DCbersicht_M=E4rz.pdf?="', "Übersicht März.pdf"),
        ('attachment; filename="..\\\\..\\\\windows\\\\system32\\\\CON.pdf"', "_CON.pdf"),
        ("attachment", "attachment.pdf"),
        ('inline; filename="a.pdf"; filename*0="b"; filename*1=".pdf"', "b.pdf"),
    ],
)
def test_attachment_filenames(disposition, expected):
    parsed = parse_message(_attachment_mail(disposition))
    [attachment] = parsed.attachments
    assert attachment.filename == expected
    assert attachment.data == b"%PDF-"
    assert parsed.text_body.strip() == "See attachment"


def test_filename_from_content_type_name_when_disposition_has_none():
    raw = message(
        BASIC,
        "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b\r\nContent-Type: application/vnd.ms-excel; "
        'name="=?utf-8?q?Begroting_2026=2Exls?="\r\n\r\ndata\r\n--b--\r\n',
        Content_Type="multipart/mixed; boundary=b",
    )
    assert [item.filename for item in parse_message(raw).attachments] == ["Begroting 2026.xls"]


# --- structure ----------------------------------------------------------------------------------------------------

NESTED = """--outer
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

Plain text body
--alt
Content-Type: multipart/related; boundary="rel"

--rel
Content-Type: text/html; charset=utf-8

<p>HTML <b>body</b><img src="cid:logo"></p>
--rel
Content-Type: image/gif
Content-ID: <logo>
Content-Transfer-Encoding: base64

R0lGODlhAQABAAAAACw=
--rel--
--alt--
--outer
Content-Type: message/rfc822

From: someone@example.org
Subject: Doorgestuurd: oude melding
Date: Mon, 2 Mar 2026 10:00:00 +0100

Oude tekst
--outer
Content-Type: text/calendar; method=REQUEST

BEGIN:VCALENDAR
END:VCALENDAR
--outer--
"""


def test_nested_multiparts_yield_one_body_and_all_attachments():
    parsed = parse_message(message(BASIC, NESTED, Content_Type='multipart/mixed; boundary="outer"'))
    assert parsed.text_body == "Plain text body"
    assert parsed.html_body is not None and "<b>body</b>" in parsed.html_body
    kinds = [(item.filename, item.content_type, item.inline) for item in parsed.attachments]
    assert kinds == [
        ("attachment.gif", "image/gif", True),
        ("Doorgestuurd_ oude melding.eml", "message/rfc822", False),
        ("invite.ics", "text/calendar", False),
    ]
    assert parsed.problems == ()


def test_message_without_mime_headers_is_plain_text():
    parsed = parse_message(b"Subject: hi\n\nline one\nline two\n")
    assert parsed.text_body == "line one\nline two\n"
    assert parsed.html_body is None


def test_bare_lf_and_mbox_from_line_are_tolerated():
    raw = b"From jan@example.nl Tue Mar  3 09:00:00 2026\nFrom: jan@example.nl\nSubject: mbox\n\nbody\n"
    parsed = parse_message(raw)
    assert (parsed.subject, parsed.sender.address, parsed.text_body) == ("mbox", "jan@example.nl", "body\n")


# --- ids and dates ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<abc@example.nl>", "<abc@example.nl>"),
        ("abc@example.nl", "<abc@example.nl>"),
        ("  <abc@exa\r\n mple.nl>  ", "<abc@example.nl>"),
        ("<abc@example.nl> (Jan's message of Tuesday)", "<abc@example.nl>"),
        ("", None),
    ],
)
def test_message_id_is_normalised(value, expected):
    raw = message(f"From: a@b.c\nMessage-ID: {value}\nIn-Reply-To: {value}")
    parsed = parse_message(raw)
    assert parsed.message_id == expected
    assert parsed.in_reply_to == expected


def test_references_tolerate_commas_missing_brackets_folding_and_repeats():
    raw = message("From: a@b.c\nReferences: <a@x>,<b@x>\n\t c@x <a@x>\n  comment <d@x>\nReferences: <e@x>")
    assert parse_message(raw).references == ("<a@x>", "<b@x>", "<c@x>", "<d@x>", "<e@x>")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue, 3 Mar 2026 09:00:00 +0100", datetime(2026, 3, 3, 9, tzinfo=timezone(timedelta(hours=1)))),
        ("3 Mar 2026 09:00:00 -0000", datetime(2026, 3, 3, 9, tzinfo=UTC)),
        ("Tue, 03 Mar 2026 09:00:00 CET", None),
        ("Tue, 3 Mar 2026 09:00:00 GMT", datetime(2026, 3, 3, 9, tzinfo=UTC)),
    ],
)
def test_dates_are_aware(value, expected):
    parsed = parse_message(message(f"From: a@b.c\nDate: {value}"))
    if expected is None:
        assert parsed.date is None or parsed.date.tzinfo is not None
    else:
        assert parsed.date == expected


@pytest.mark.parametrize(
    "value", ["gisteren", "Tue, 3 Mar 1850 09:00:00 +0100", "99 Foo 99999 99:99:99 +9999", None]
)
def test_unreadable_or_missing_date_is_none_with_a_problem(value):
    headers = "From: a@b.c" + (f"\nDate: {value}" if value else "")
    parsed = parse_message(message(headers))
    assert parsed.date is None
    assert any("Date" in problem for problem in parsed.problems)


# --- malformed mail -----------------------------------------------------------------------------------------------


def test_truncated_multipart_keeps_what_arrived():
    raw = message(
        BASIC,
        "--b\r\nContent-Type: text/plain\r\n\r\nHalf a mess",
        Content_Type="multipart/mixed; boundary=b",
    )
    parsed = parse_message(raw)
    assert parsed.text_body == "Half a mess"
    assert any("terminated" in problem for problem in parsed.problems)


def test_multipart_without_boundary_parameter_is_read_as_text():
    parsed = parse_message(message(BASIC, "just text", Content_Type="multipart/mixed"))
    assert parsed.text_body == "just text"
    assert any("boundary" in problem for problem in parsed.problems)


def test_multipart_whose_boundary_never_appears_is_read_as_text():
    parsed = parse_message(
        message(BASIC, "--other\r\n\r\ntext\r\n", Content_Type="multipart/mixed; boundary=b")
    )
    assert "text" in parsed.text_body
    assert any("boundary" in problem for problem in parsed.problems)


def test_broken_base64_decodes_what_it_can():
    unpadded = base64.b64encode("Grüße aus Köln".encode()).rstrip(b"=")
    raw = message(
        BASIC,
        unpadded + b"\r\n",
        Content_Type="text/plain; charset=utf-8",
        Content_Transfer_Encoding="base64",
    )
    parsed = parse_message(raw)
    assert parsed.text_body == "Grüße aus Köln"
    assert any("base64" in problem for problem in parsed.problems)


def test_no_headers_at_all():
    parsed = parse_message(b"Just some text someone pasted\r\nwithout any headers\r\n")
    assert parsed.text_body.startswith("Just some text")
    assert parsed.message_id is None and parsed.sender == Address("", "")
    assert parsed.problems


@pytest.mark.parametrize(
    "raw", [b"", b"\r\n", b"\x00" * 100, bytes(range(256)) * 4, b"From:\r\n\r\n", b":::\n\n"]
)
def test_degenerate_input(raw):
    assert_sqlite_safe(parse_message(raw))


def test_nul_bytes_and_surrogate_producing_charsets_are_cleaned():
    raw = message(BASIC, b"\xff\xfeA\x00\x00\xd8B\x00", Content_Type="text/plain; charset=utf-16")
    parsed = parse_message(raw)
    assert_sqlite_safe(parsed)
    nul = parse_message(message(BASIC, b"a\x00b", Content_Type="text/plain; charset=utf-8"))
    assert nul.text_body == "ab"


def test_deeply_nested_multipart_is_cut_off():
    depth = 60
    body = "".join(
        f"--b{i}\r\nContent-Type: multipart/mixed; boundary=b{i + 1}\r\n\r\n" for i in range(depth)
    )
    body += "--bend\r\n" + "".join(f"\r\n--b{i}--\r\n" for i in reversed(range(depth)))
    parsed = parse_message(message(BASIC, body, Content_Type="multipart/mixed; boundary=b0"))
    assert any("deep" in problem for problem in parsed.problems)
    assert_sqlite_safe(parsed)


# --- snippet ------------------------------------------------------------------------------------------------------


def test_snippet_skips_quotes_and_stops_at_the_reply_header():
    text = (
        "> quoted first line\n\nDank je, het werkt weer.\n\n"
        "Op 3 mrt. 2026 om 09:00 schreef Servicedesk <desk@example.org>:\n> Probeer opnieuw"
    )
    assert snippet(text) == "Dank je, het werkt weer."
    outlook = "Danke!\r\n\r\nVon: Helpdesk\r\nGesendet: Dienstag\r\nBetreff: AW: Drucker"
    assert snippet(outlook) == "Danke!"
    italian = "Grazie\n-----Messaggio originale-----\nDa: desk"
    assert snippet(italian) == "Grazie"


def test_snippet_is_short_and_whitespace_collapsed():
    result = snippet("word   " * 200)
    assert len(result) <= 201 and "  " not in result and result.endswith("…")


# --- fuzzing ------------------------------------------------------------------------------------------------------

_SEEDS = [sample(path.name) for path in sorted(SAMPLES.glob("*.eml"))]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_never_raise_and_give_sqlite_safe_strings(raw):
    assert_sqlite_safe(parse_message(raw))


@st.composite
def mutated_sample(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(_SEEDS)))
    for _ in range(draw(st.integers(1, 12))):
        action = draw(st.sampled_from(("flip", "truncate", "insert", "delete")))
        position = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[position] = draw(st.integers(0, 255))
        elif action == "truncate":
            del data[position:]
        elif action == "insert":
            data[position:position] = draw(
                st.sampled_from(
                    [
                        b"\r\n",
                        b"\n\n",
                        b"--",
                        b"=?utf-8?b?",
                        b"?=",
                        b"\x00",
                        b"\xff\xfe",
                        b";",
                        b'"',
                        b"boundary=",
                        b"Content-Type: multipart/mixed; boundary=x\r\n",
                        b"=\r\n",
                        b"*0*=",
                    ]
                )
            )
        elif data:
            del data[position : position + draw(st.integers(1, 64))]
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_sample())
def test_mutated_real_messages_never_raise_and_give_sqlite_safe_strings(raw):
    assert_sqlite_safe(parse_message(raw))


@pytest.mark.parametrize(
    "raw",
    [
        b"Content-Type: text/plain; " + b"a" * 500_000 + b"\r\n\r\nx",
        b"Subject: re" + b" " * 500_000 + b"x\r\n\r\nx",
        b"From: " + b'"a\\' * 200_000 + b"\r\n\r\nx",
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n" + b"--b\r\n" * 200_000,
        b"Content-Type: text/html\r\n\r\n" + b"<style" * 100_000,
    ],
    ids=["parameter junk", "subject spaces", "address junk", "many parts", "unclosed tags"],
)
def test_pathological_messages_are_parsed_in_bounded_time(raw):
    started = time.perf_counter()
    parsed = parse_message(raw)
    assert time.perf_counter() - started < 10  # quadratic behaviour would take minutes
    assert_sqlite_safe(parsed)


# --- round trip through the stdlib generator ----------------------------------------------------------------------

_WORDS = st.characters(
    categories=["L", "N", "Zs"], include_characters=".,:;!()-/€–“”’&%+", exclude_characters="\x85"
)


@st.composite
def composed_message(draw: st.DrawFn) -> tuple[bytes, dict[str, object]]:
    """A message written by the stdlib's generator (which picks RFC 2047/2231 and transfer encodings) and its parts."""
    charset = draw(st.sampled_from(["utf-8", "iso-8859-1", "iso-8859-15", "cp1252"]))
    encodable = _WORDS.filter(lambda char: _encodable(char, charset))
    subject = draw(st.text(_WORDS, min_size=1, max_size=80).filter(str.strip))
    name = draw(st.text(_WORDS, min_size=1, max_size=40).filter(str.strip))
    body = draw(st.text(st.one_of(encodable, st.just("\n")), max_size=600))
    files = draw(
        st.lists(st.tuples(st.text(_WORDS, min_size=1, max_size=90), st.binary(max_size=300)), max_size=3)
    )
    email = EmailMessage()
    email["From"] = HeaderAddress(display_name=name, addr_spec="Sender@Example.ORG")
    email["To"] = "desk@example.org"
    email["Subject"] = subject
    email["Date"] = "Tue, 3 Mar 2026 09:00:00 +0100"
    email.set_content(
        body, charset=charset, cte=draw(st.sampled_from(["quoted-printable", "base64", "8bit"]))
    )
    if draw(st.booleans()):
        email.add_alternative(f"<p>{html_escape(body)}</p>", subtype="html")
    for filename, data in files:
        email.add_attachment(data, maintype="application", subtype="octet-stream", filename=filename)
    for number, part in enumerate(email.walk()):
        if part.is_multipart():
            part.set_boundary(f"==b{number}==")  # the generator would draw one from `random`
    expected = {"subject": subject, "name": name, "body": body, "files": files}
    return email.as_bytes(policy=email_policy.SMTP), expected


def _encodable(char: str, charset: str) -> bool:
    try:
        char.encode(charset)
    except UnicodeEncodeError:
        return False
    return True


def _spaces(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(composed_message())
def test_what_the_stdlib_generator_writes_is_read_back(case):
    raw, expected = case
    parsed = parse_message(raw)
    assert parsed.problems == ()
    assert parsed.subject == _spaces(str(expected["subject"]))
    assert parsed.sender == Address(_spaces(str(expected["name"])), "sender@example.org")
    body = str(expected["body"])
    if body.strip():
        assert parsed.text_body == (body if body.endswith("\n") else body + "\n")
    else:  # a blank text part gives way to the HTML part's text, blank too
        assert not parsed.text_body.strip()
    files = expected["files"]
    assert isinstance(files, list)
    assert [(item.filename, item.data) for item in parsed.attachments] == [
        (sanitize_filename(filename), data) for filename, data in files
    ]


def test_a_parser_failure_keeps_headers_and_kind(monkeypatch):
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr("mail.parse._collect", broken)
    parsed = parse_message(sample("postfix_bounce.eml"))
    assert parsed.subject == "Undelivered Mail Returned to Sender"
    assert parsed.auto_kind == "bounce"
    assert parsed.problems[0] == "parser failed (RuntimeError); only headers read"


def test_latin1_label_is_trusted_even_when_the_bytes_happen_to_be_valid_utf8():
    raw = message(BASIC, "Ã© Â\xa0".encode("latin-1"), Content_Type="text/plain; charset=iso-8859-1")
    assert parse_message(raw).text_body == "Ã© Â\xa0"


def test_a_sender_without_domain_keeps_its_name_but_no_address():
    parsed = parse_message(b"From: MAILER-DAEMON\r\nSubject: failure notice\r\n\r\nx")
    assert parsed.sender == Address("MAILER-DAEMON", "")
    assert parsed.auto_kind == "bounce"


def test_rfc822_comments_in_parameters_are_skipped_not_dropped():
    raw = message(
        BASIC.replace("MIME-Version: 1.0", "MIME-Version: 1.0 (generated)")
        + '\nContent-Type: multipart/mixed (two parts); boundary="b" (the boundary)',
        "--b\r\nContent-Type: text/plain (plain text); charset=(label) iso-8859-1 (Western)\r\n\r\nGr\xfc\xdfe\r\n"
        "--b\r\nContent-Type: application/pdf\r\n"
        'Content-Disposition: attachment (scanned); filename="scan (1).pdf" (the scan)\r\n\r\n%PDF\r\n--b--\r\n',
    )
    parsed = parse_message(raw.replace("Gr\xfc\xdfe".encode(), "Grüße".encode("latin-1")))
    assert parsed.text_body.strip() == "Grüße"
    assert [(item.filename, item.content_type, item.data) for item in parsed.attachments] == [
        ("scan (1).pdf", "application/pdf", b"%PDF")
    ]
    assert parsed.problems == ()


def test_a_comment_after_the_transfer_encoding_is_skipped():
    raw = message(
        BASIC,
        "R3LDvMOfZQ==\n",
        Content_Type="text/plain; charset=utf-8",
        Content_Transfer_Encoding="base64 (scan)",
    )
    parsed = parse_message(raw)
    assert parsed.text_body.strip() == "Grüße"
    assert parsed.problems == ()
