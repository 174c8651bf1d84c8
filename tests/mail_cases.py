"""Messages of the kinds real mail brings and the parser must read: charsets, forwarded messages, Outlook's formats.

Each case is named, so a test (and the differential test against the standard library) can say which one it reads.
"""

from __future__ import annotations

import base64
import struct

from tests.unit.mail.test_parse import BASIC, NATIVE, _encode, message

FORWARDED_INNER = """From: Klant Bakker <klant@example.com>
To: jan@example.nl
Subject: Lekkage in de kelder
Date: Mon, 2 Mar 2026 08:15:00 +0100
Message-ID: <inner@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="inner"

--inner
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Er staat water in de kelder onder het magazijn, graag vandaag nog iemand sturen.
--inner
Content-Type: image/jpeg
Content-Disposition: attachment; filename="kelder.jpg"
Content-Transfer-Encoding: base64

/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAP//
--inner--
"""


def _crlf(text: str) -> bytes:
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def forwarded(inner: str = FORWARDED_INNER) -> bytes:
    """Outlook's "forward as attachment": a note and the customer's message as message/rfc822."""
    return message(
        BASIC + '\nContent-Type: multipart/mixed; boundary="outer"',
        "--outer\nContent-Type: text/plain; charset=utf-8\n\nZie de doorgestuurde melding van de klant.\n"
        '--outer\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename="Lekkage.eml"\n\n'
        f"{inner}\n--outer--\n",
    )


def nested_forward() -> bytes:
    """A forwarded message that itself carries a forwarded message."""
    middle = forwarded().decode("utf-8").replace("Message-ID: <m1@example.nl>", "Message-ID: <m2@example.nl>")
    return message(
        BASIC + '\nContent-Type: multipart/mixed; boundary="top"',
        "--top\nContent-Type: text/plain; charset=utf-8\n\nDoorgestuurd via de receptie.\n"
        f"--top\nContent-Type: message/rfc822\n\n{middle.replace(chr(13), '')}\n--top--\n",
    )


def forward_as_only_part() -> bytes:
    return message(BASIC + "\nContent-Type: message/rfc822", FORWARDED_INNER)


def signed() -> bytes:
    return message(
        BASIC + '\nContent-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; '
        'boundary="sig"',
        "--sig\nContent-Type: text/plain; charset=utf-8\n\nDe deur van kamer 3 klemt.\n"
        '--sig\nContent-Type: application/pkcs7-signature; name="smime.p7s"\n'
        'Content-Disposition: attachment; filename="smime.p7s"\nContent-Transfer-Encoding: base64\n\n'
        "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAKCA\n--sig--\n",
    )


RTF = r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Calibri;}}\f0 Beste collega,\par De lift staat stil op de 4e verdieping.\par Groet, Jan\par}"


def rtf_alternative() -> bytes:
    """Outlook's rich-text mail: an RTF alternative and no plain or HTML text."""
    return message(
        BASIC + '\nContent-Type: multipart/alternative; boundary="alt"',
        f"--alt\nContent-Type: text/rtf\n\n{RTF}\n--alt--\n",
    )


def html_only() -> bytes:
    return message(
        BASIC + "\nContent-Type: text/html; charset=utf-8",
        '<html><body><p title="a > b">De <b>koffieautomaat</b> lekt.</p></body></html>',
    )


def tnef(files: list[tuple[str, bytes]], body: str = "") -> bytes:
    """A winmail.dat as Outlook writes it: version, code page, the body, then each file's title and bytes."""

    def attribute(level: int, name: int, kind: int, data: bytes) -> bytes:
        checksum = sum(data) & 0xFFFF
        return struct.pack("<BHHI", level, name, kind, len(data)) + data + struct.pack("<H", checksum)

    out = struct.pack("<IH", 0x223E9F78, 0x1234)
    out += attribute(1, 0x9006, 0x0008, struct.pack("<I", 0x10000))
    out += attribute(1, 0x9007, 0x0006, struct.pack("<II", 1252, 0))
    if body:
        out += attribute(1, 0x800C, 0x0002, body.encode("cp1252"))
    for name, data in files:
        out += attribute(2, 0x9002, 0x0006, b"\x01\x00" + b"\xff" * 12)
        out += attribute(2, 0x8010, 0x0001, name.encode("cp1252") + b"\x00")
        out += attribute(2, 0x800F, 0x0006, data)
    return out


def winmail() -> bytes:
    data = tnef(
        [("Offerte 2026.pdf", b"%PDF-1.4 offerte"), ("Plattegrond.xlsx", b"PK\x03\x04 sheet")],
        "Zie bijlagen.",
    )
    return message(
        BASIC + '\nContent-Type: multipart/mixed; boundary="tn"',
        "--tn\nContent-Type: text/plain; charset=us-ascii\n\nZie bijlagen.\n"
        '--tn\nContent-Type: application/ms-tnef; name="winmail.dat"\n'
        'Content-Disposition: attachment; filename="winmail.dat"\nContent-Transfer-Encoding: base64\n\n'
        f"{base64.encodebytes(data).decode('ascii')}--tn--\n",
    )


INVITATION = """BEGIN:VCALENDAR
METHOD:REQUEST
PRODID:Microsoft Exchange Server 2010
VERSION:2.0
BEGIN:VEVENT
ORGANIZER;CN=Jan de Vries:mailto:jan@example.nl
SUMMARY;LANGUAGE=nl-NL:Overleg verhuizing archief
DTSTART;TZID=W. Europe Standard Time:20260310T100000
DTEND;TZID=W. Europe Standard Time:20260310T110000
UID:040000008200E00074C5B7101A82E008
LOCATION;LANGUAGE=nl-NL:Vergaderzaal 2.14
DESCRIPTION;LANGUAGE=nl-NL:We bespreken de verhuizing van het archief.\\n
END:VEVENT
END:VCALENDAR
"""


def invitation() -> bytes:
    """Outlook's meeting request: text, HTML and the calendar as alternatives."""
    return message(
        BASIC.replace("Subject: Printer", "Subject: Uitnodiging: Overleg verhuizing archief")
        + '\nContent-Type: multipart/alternative; boundary="cal"',
        "--cal\nContent-Type: text/plain; charset=utf-8\n\nWe bespreken de verhuizing van het archief.\n"
        "--cal\nContent-Type: text/html; charset=utf-8\n\n<p>We bespreken de verhuizing van het archief.</p>\n"
        '--cal\nContent-Type: text/calendar; charset="utf-8"; method=REQUEST\n'
        f"Content-Transfer-Encoding: 8bit\n\n{INVITATION}\n--cal--\n",
    )


def cjk_attachment() -> bytes:
    name = "会議室の予約と来月の設備点検についてのお知らせ" * 4 + ".pdf"
    encoded = "".join(f"%{byte:02X}" for byte in name.encode("utf-8"))
    return message(
        BASIC + '\nContent-Type: multipart/mixed; boundary="cjk"',
        "--cjk\nContent-Type: text/plain; charset=utf-8\n\nBijlage.\n"
        f"--cjk\nContent-Type: application/pdf\nContent-Disposition: attachment; filename*=utf-8''{encoded}\n\n"
        "%PDF\n--cjk--\n",
    )


def comments_in_parameters() -> bytes:
    return message(
        BASIC + '\nContent-Type: multipart/mixed (two parts); boundary="b" (the boundary)',
        "--b\nContent-Type: text/plain (plain text); charset=(label) utf-8 (Unicode)\n\nGrüße\n"
        '--b\nContent-Type: application/pdf\nContent-Disposition: attachment (scanned); filename="scan (1).pdf" (the'
        " scan)\n\n%PDF\n--b--\n",
    )


def in_charset(label: str, encoding: str) -> bytes:
    """Text in the charset's own script as the body, and as an RFC 2047 word in the subject, both under the label."""
    text = NATIVE[label]
    word = base64.b64encode(text.encode(label)).decode("ascii")
    return message(
        BASIC.replace("Subject: Printer", f"Subject: =?{label}?B?{word}?="),
        _encode(text, label, encoding),
        Content_Type=f"text/plain; charset={label}",
        Content_Transfer_Encoding=encoding,
    )


def charset_cases() -> list[tuple[str, bytes]]:
    return [
        (f"charset {label} {encoding}", in_charset(label, encoding))
        for label in sorted(NATIVE)
        for encoding in ("8bit", "base64", "quoted-printable")
    ]


CASES: list[tuple[str, bytes]] = [
    ("forwarded as attachment", forwarded()),
    ("forwarded inside forwarded", nested_forward()),
    ("forwarded as the only part", forward_as_only_part()),
    ("multipart/signed", signed()),
    ("RTF alternative", rtf_alternative()),
    ("HTML only", html_only()),
    ("winmail.dat", winmail()),
    ("invitation", invitation()),
    ("CJK attachment name", cjk_attachment()),
    ("comments in parameters", comments_in_parameters()),
    ("undecodable encoded word", message(BASIC.replace("Subject: Printer", "Subject: Re: =?utf-8?B?!!!?="))),
    *charset_cases(),
]
