"""How many messages per second ``mail.parse.parse_message`` turns into ``ParsedMessage`` on one core.

Sync must keep up with the raw IMAP fetch (~6,600 msg/s on 2 cores), so parsing is measured on its own over a
generated corpus that looks like a department mailbox: multipart/alternative office mail of a few KiB in Dutch,
German and Italian, quoted-printable and base64 bodies, RFC 2047 headers, some attachments, some automatic mail.

Run: ``.venv/bin/python bench/parse.py [--messages N]``.
"""

from __future__ import annotations

import argparse
import base64
import email
import email.policy
import quopri
import random
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.header import Header
from email.utils import format_datetime, formataddr
from urllib.parse import quote

from mail.parse import parse_message

_PARAGRAPHS = {
    "nl": [
        "Goedemorgen, de printer op de tweede verdieping geeft sinds gisteren een foutmelding bij het scannen.",
        "Kunnen jullie ook kijken naar de toegang tot de gedeelde map van de afdeling Financiën?",
        "Mijn laptop start erg traag op sinds de laatste update; het duurt soms meer dan tien minuten.",
        "Graag een nieuwe muis en een headset voor de collega die maandag begint bij Inkoop.",
        "Met vriendelijke groet, en alvast bedankt voor jullie hulp. Het is vrij dringend.",
    ],
    "de": [
        "Guten Morgen, der Drucker im zweiten Stock zeigt seit gestern beim Scannen eine Störung an.",
        "Könnten Sie bitte auch den Zugriff auf das Gruppenlaufwerk der Abteilung Buchhaltung prüfen?",
        "Mein Notebook startet seit dem letzten Update sehr langsam, manchmal über zehn Minuten lang.",
        "Bitte eine neue Maus und ein Headset für die Kollegin, die am Montag im Einkauf anfängt.",
        "Mit freundlichen Grüßen und vielen Dank im Voraus. Es ist ziemlich dringend, äußerst wichtig.",
    ],
    "it": [
        "Buongiorno, la stampante al secondo piano da ieri segnala un errore durante la scansione.",
        "Potreste anche verificare l'accesso alla cartella condivisa dell'ufficio contabilità?",
        "Il mio portatile si avvia molto lentamente dopo l'ultimo aggiornamento, a volte più di dieci minuti.",
        "Servirebbero un mouse nuovo e delle cuffie per la collega che inizia lunedì all'ufficio acquisti.",
        "Cordiali saluti e grazie in anticipo. È piuttosto urgente, perché è già la terza volta.",
    ],
}
_NAMES = {
    "nl": ["Jan de Vries", "Anneke van den Berg", "Pieter Bakker", "Sanne Janssen"],
    "de": ["Jürgen Müller", "Sabine Weiß", "Klaus Schröder", "Anna Groß"],
    "it": ["Giulia Bianchi", "Niccolò Rossi", "Francesca Esposito", "Lucia Galli"],
}
_SUBJECTS = {
    "nl": ["Printer doet het niet", "Toegang gedeelde map", "Laptop traag", "Nieuwe medewerker Inkoop"],
    "de": ["Drucker gestört", "Zugriff Gruppenlaufwerk", "Notebook langsam", "Neue Kollegin Einkauf"],
    "it": ["Stampante guasta", "Accesso cartella condivisa", "Portatile lento", "Nuova collega acquisti"],
}


def _body_text(rng: random.Random, lang: str, size: int) -> str:
    lines: list[str] = []
    while sum(len(line) + 1 for line in lines) < size:
        lines.append(rng.choice(_PARAGRAPHS[lang]))
        if rng.random() < 0.3:
            lines.append("")
    return "\n".join(lines)


def _html_of(text: str) -> str:
    paragraphs = "".join(
        f"<p class=MsoNormal><span style='font-family:Calibri'>{line}</span></p>\n"
        for line in text.splitlines()
    )
    return (
        "<html><head><meta http-equiv=Content-Type content='text/html; charset=utf-8'>"
        "<style>p.MsoNormal{margin:0cm;font-size:11pt}</style></head>"
        f"<body lang=NL link='#0563C1'><div class=WordSection1>{paragraphs}"
        "<img src='cid:image001.png@01D9'><img src='https://tracker.example.com/p.gif'></div></body></html>"
    )


def _qp(text: str) -> str:
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def _b64(data: bytes) -> str:
    return base64.encodebytes(data).decode("ascii")


def make_message(rng: random.Random, number: int) -> bytes:
    """One generated office message as raw bytes (CRLF line ends, as IMAP delivers them)."""
    lang = rng.choice(("nl", "de", "it"))
    name = rng.choice(_NAMES[lang])
    local = name.split()[0].lower().encode("ascii", "ignore").decode()
    sender = formataddr((name, f"{local}@example.{lang}"))
    date = datetime(2026, 1, 5, 8, 0, tzinfo=UTC) + timedelta(minutes=17 * number)
    subject = rng.choice(_SUBJECTS[lang])
    if rng.random() < 0.4:
        subject = rng.choice(("RE: ", "AW: ", "R: ", "Antw: ")) + subject
    headers = [
        "Received: from mx1.example.org (mx1.example.org [192.0.2.1]) by imap.example.org with ESMTPS; "
        + format_datetime(date),
        "Received: from outlook.example.org by mx1.example.org with ESMTP; " + format_datetime(date),
        f"From: {sender}",
        "To: Servicedesk <servicedesk@example.org>",
        f"Subject: {Header(subject, 'utf-8').encode()}",
        f"Date: {format_datetime(date)}",
        f"Message-ID: <{number}.{rng.getrandbits(48):x}@example.{lang}>",
        "MIME-Version: 1.0",
        "Thread-Index: AdnQ5cXyZbS1k3Hk" + base64.b64encode(rng.randbytes(6)).decode(),
        "X-MS-Has-Attach: ",
        "Content-Language: nl-NL",
    ]
    if number > 0 and rng.random() < 0.5:
        ref = f"<{number - 1}.abc@example.{lang}>"
        headers += [f"In-Reply-To: {ref}", f"References: <root.{number // 7}@example.org>\r\n {ref}"]
    if rng.random() < 0.03:
        headers += ["Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All"]
    text = _body_text(rng, lang, rng.randint(1200, 3500))
    alternative = (
        'Content-Type: multipart/alternative; boundary="alt-b"\r\n\r\n'
        '--alt-b\r\nContent-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
        f"{_qp(text)}\r\n"
        '--alt-b\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
        f"{_qp(_html_of(text))}\r\n--alt-b--\r\n"
    )
    if rng.random() < 0.15:
        attachment = rng.randbytes(rng.randint(2_000, 40_000))
        filename = rng.choice(("scan.pdf", "Übersicht März.xlsx", "foto stampante.jpg"))
        body = (
            'Content-Type: multipart/mixed; boundary="mix-b"\r\n\r\n'
            f"--mix-b\r\n{alternative}\r\n"
            f'--mix-b\r\nContent-Type: application/octet-stream; name="{Header(filename, "utf-8").encode()}"\r\n'
            f"Content-Disposition: attachment; filename*=utf-8''{quote(filename)}\r\n"
            f"Content-Transfer-Encoding: base64\r\n\r\n{_b64(attachment)}\r\n--mix-b--\r\n"
        )
    else:
        body = alternative
    raw = "\r\n".join(headers) + "\r\n" + body
    return raw.replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii")


def make_corpus(count: int, seed: int = 3) -> list[bytes]:
    rng = random.Random(seed)
    return [make_message(rng, number) for number in range(count)]


def _stdlib_compat32(raw: bytes) -> None:
    """The reference point: the stdlib parser with body decoding, as TESTING.md measured it."""
    for part in email.message_from_bytes(raw, policy=email.policy.compat32).walk():
        if not part.is_multipart():
            part.get_payload(decode=True)


def _rate(function: Callable[[bytes], object], messages: list[bytes]) -> tuple[float, float]:
    """Messages per second by wall clock and by this process's CPU time (steadier on a busy machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    for raw in messages:
        function(raw)
    return len(messages) / (time.perf_counter() - wall), len(messages) / (time.process_time() - cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=5_000)
    args = parser.parse_args(argv)
    corpus = make_corpus(args.messages)
    plain = [raw for raw in corpus if b"multipart/mixed" not in raw]
    with_problems = sum(bool(parse_message(raw).problems) for raw in corpus)
    print(
        f"corpus: {len(corpus)} msgs, average {sum(map(len, corpus)) / len(corpus) / 1024:.1f} KiB, "
        f"{len(plain)} without attachments (average {sum(map(len, plain)) / len(plain) / 1024:.1f} KiB); "
        f"parse problems: {with_problems}"
    )
    runs = (
        ("parse_message, all mail", parse_message, corpus),
        ("parse_message, plain office mail", parse_message, plain),
        ("stdlib compat32, plain office mail", _stdlib_compat32, plain),
    )
    for label, function, messages in runs:
        wall, cpu = _rate(function, messages)
        print(f"{label:36} {wall:7.0f} msgs/s wall  {cpu:7.0f} msgs/s CPU  (one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
