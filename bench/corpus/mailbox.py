"""A generated department mailbox that looks like the real thing, for benchmarks: office mail of a few KiB in
Dutch, German, Italian and English (quoted-printable text, often with an HTML alternative, RFC 2047 names), threads
whose replies carry In-Reply-To and References and quote what came before, the desk's answers in Sent, out-of-office
replies, newsletters, and now and then a scanned PDF or a large photo. Deterministic for a given seed, and streamed:
a 50,000-message mailbox is never held in memory."""

from __future__ import annotations

import base64
import quopri
import random
import unicodedata
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.header import Header
from email.utils import format_datetime

DESK = "facilities@example.org"
DESK_NAME = "Facilitair Servicepunt"

_FIRST = {
    "nl": ["Jan", "Sanne", "Pieter", "Femke", "Joost", "Marieke", "Bram", "Lotte", "Geert", "Anouk"],
    "de": ["Jürgen", "Anna", "Matthias", "Katrin", "Jörg", "Sabine", "Lukas", "Birgit", "Uwe", "Größe"],
    "it": ["Luca", "Giulia", "Niccolò", "Chiara", "Marco", "Francesca", "Andrea", "Elisa", "Davide", "Sara"],
    "en": ["John", "Emma", "Oliver", "Grace", "Harry", "Chloe", "Jack", "Lucy", "George", "Amy"],
}
_LAST = {
    "nl": ["de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer"],
    "de": ["Müller", "Schäfer", "Weiß", "Köhler", "Schmidt", "Hoffmann", "Krüger", "Wagner"],
    "it": ["Rossi", "Bianchi", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco"],
    "en": ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Roberts"],
}
_DOMAINS = {
    "nl": ["example.nl", "gemeente.example.nl"],
    "de": ["example.de", "werk-sued.example.de"],
    "it": ["example.it", "sede-milano.example.it"],
    "en": ["example.org", "example.co.uk"],
}
_SUBJECTS = {
    "nl": [
        "Stoel kapot in kamer {n}",
        "Verwarming doet het niet op verdieping {n}",
        "Sleutel kwijt van kast {n}",
        "Printer op de {n}e verdieping geeft storing",
        "Vergaderzaal {n} reserveren voor donderdag",
        "Lekkage bij het raam in kamer {n}",
    ],
    "de": [
        "Heizung defekt im Büro {n}",
        "Schlüssel für Raum {n} verloren",
        "Drucker im {n}. OG druckt nicht",
        "Besprechungsraum {n} für Freitag reservieren",
        "Fenster in Zimmer {n} schließt nicht",
        "Beleuchtung im Flur {n} ausgefallen",
    ],
    "it": [
        "Sedia rotta nella stanza {n}",
        "Riscaldamento guasto al piano {n}",
        "Chiave persa dell'armadio {n}",
        "Stampante del {n}° piano non funziona",
        "Prenotazione sala riunioni {n} per giovedì",
        "Perdita d'acqua vicino alla finestra {n}",
    ],
    "en": [
        "Broken chair in room {n}",
        "Heating not working on floor {n}",
        "Lost key for cabinet {n}",
        "Printer on floor {n} jammed again",
        "Booking meeting room {n} for Thursday",
        "Leak near the window in room {n}",
    ],
}
_PARAGRAPHS = {
    "nl": [
        "Goedemorgen, sinds gisteren werkt de verwarming in onze kamer niet meer en het is inmiddels erg koud.",
        "Kunnen jullie deze week nog iemand langs sturen? Wij zijn dagelijks tussen negen en vijf aanwezig.",
        "In de bijlage vinden jullie een foto van het probleem, zodat de monteur weet wat hij moet meenemen.",
        "Het gaat om de tweede kamer links na de lift; de sleutel ligt bij de receptie als wij er niet zijn.",
        "Alvast hartelijk dank voor jullie hulp, en laat het gerust weten als jullie nog iets nodig hebben.",
        "Vorige maand hebben we hetzelfde probleem gemeld, maar het lijkt nu opnieuw mis te gaan.",
    ],
    "de": [
        "Guten Morgen, seit gestern funktioniert die Heizung in unserem Büro nicht mehr, es ist sehr kalt.",
        "Könnten Sie bitte noch diese Woche jemanden vorbeischicken? Wir sind täglich von neun bis fünf da.",
        "Im Anhang finden Sie ein Foto des Problems, damit der Techniker weiß, was er mitbringen muss.",
        "Es handelt sich um das zweite Zimmer links nach dem Aufzug; der Schlüssel liegt am Empfang.",
        "Vielen Dank im Voraus für Ihre Unterstützung, melden Sie sich gern, falls Sie noch etwas brauchen.",
        "Letzten Monat haben wir dasselbe Problem gemeldet, aber es scheint jetzt wieder aufzutreten.",
    ],
    "it": [
        "Buongiorno, da ieri il riscaldamento nel nostro ufficio non funziona più e fa molto freddo.",
        "Potreste mandare qualcuno entro questa settimana? Siamo presenti tutti i giorni dalle nove alle cinque.",
        "In allegato trovate una foto del problema, così il tecnico sa cosa portare con sé.",
        "Si tratta della seconda stanza a sinistra dopo l'ascensore; la chiave è alla reception.",
        "Grazie in anticipo per il vostro aiuto, fatemi sapere se avete bisogno di altre informazioni.",
        "Il mese scorso abbiamo segnalato lo stesso problema, ma sembra che si sia ripresentato.",
    ],
    "en": [
        "Good morning, since yesterday the heating in our office has stopped working and it is very cold.",
        "Could you send someone round this week? We are in every day between nine and five.",
        "Attached is a photo of the problem so the engineer knows what to bring along.",
        "It is the second room on the left after the lift; the key is at reception when we are out.",
        "Many thanks in advance for your help, and do let me know if you need anything else.",
        "We reported the same problem last month, but it seems to be happening again.",
    ],
}
_DESK_ANSWERS = {
    "nl": "Dank voor uw melding. Een monteur komt morgen tussen tien en twaalf langs.\n\nMet vriendelijke groet,",
    "de": "Vielen Dank für Ihre Meldung. Ein Techniker kommt morgen zwischen zehn und zwölf Uhr vorbei.\n\n"
    "Mit freundlichen Grüßen,",
    "it": "Grazie per la segnalazione. Un tecnico passerà domani tra le dieci e mezzogiorno.\n\nCordiali saluti,",
    "en": "Thank you for reporting this. An engineer will come by tomorrow between ten and twelve.\n\nKind regards,",
}
_REPLY_PREFIX = {"nl": "Antw: ", "de": "AW: ", "it": "R: ", "en": "RE: "}
_AWAY = {
    "nl": ("Afwezig: ", "Ik ben afwezig tot en met vrijdag en heb beperkt toegang tot mijn e-mail."),
    "de": ("Abwesenheitsnotiz: ", "Ich bin bis einschließlich Freitag nicht im Büro und lese keine E-Mails."),
    "it": (
        "Risposta automatica: ",
        "Sono fuori ufficio fino a venerdì compreso con accesso limitato alla posta.",
    ),
    "en": ("Automatic reply: ", "I am out of the office until Friday and have limited access to email."),
}
_DISCLAIMER = (
    "Dit bericht kan vertrouwelijke informatie bevatten. Diese Nachricht kann vertrauliche Informationen "
    "enthalten. Questo messaggio può contenere informazioni riservate. This message may contain confidential "
    "information; if you are not the intended recipient, please delete it and notify the sender."
)
_MAILERS = ["Microsoft Outlook 16.0", "Apple Mail (2.3774)", "Mozilla Thunderbird 115.8", "Roundcube Webmail"]


@dataclass(frozen=True)
class Person:
    name: str
    address: str
    language: str


@dataclass
class _Thread:
    subject: str
    requester: Person
    references: list[str]
    last_body: str


@dataclass(frozen=True)
class Generated:
    folder: str
    raw: bytes
    internal_date: datetime
    seen: bool


class MailboxGenerator:
    """Streams a department's year of mail in arrival order; the mix of kinds is fixed by the shares below."""

    SMALL_ATTACHMENT = 0.02
    LARGE_ATTACHMENT = 0.001
    HTML_ALTERNATIVE = 0.6

    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.people = [self._person(n) for n in range(2000)]
        self.open_threads: deque[_Thread] = deque(maxlen=400)
        self.now = datetime(2025, 1, 6, 7, 30, tzinfo=UTC)
        self.serial = 0

    def messages(self, count: int) -> Iterator[Generated]:
        for _ in range(count):
            self.now += timedelta(seconds=self.rng.expovariate(1 / 300))
            yield self._next()

    def _next(self) -> Generated:
        roll = self.rng.random()
        if roll < 0.55 or not self.open_threads:
            return self._request()
        if roll < 0.80:
            return self._desk_answer()
        if roll < 0.92:
            return self._follow_up()
        if roll < 0.96:
            return self._away()
        return self._newsletter()

    def _request(self) -> Generated:
        person = self.rng.choice(self.people)
        subject = self.rng.choice(_SUBJECTS[person.language]).format(n=self.rng.randint(1, 40))
        body = self._body(person.language, person.name)
        message_id = self._message_id(person.address)
        self.open_threads.append(_Thread(subject, person, [message_id], body))
        raw = self._compose(person, (DESK_NAME, DESK), subject, body, message_id, [], attachments=True)
        return Generated("INBOX", raw, self.now, self.rng.random() < 0.7)

    def _desk_answer(self) -> Generated:
        thread = self.rng.choice(self.open_threads)
        answer = _DESK_ANSWERS[thread.requester.language]
        body = f"{answer}\n{DESK_NAME}\n\n{_quote(thread.last_body)}"
        message_id = self._message_id(DESK)
        desk = Person(DESK_NAME, DESK, "nl")
        raw = self._compose(
            desk,
            (thread.requester.name, thread.requester.address),
            f"Re: {thread.subject}",
            body,
            message_id,
            thread.references,
        )
        thread.references = [*thread.references[-9:], message_id]
        thread.last_body = body
        return Generated("Sent", raw, self.now, True)

    def _follow_up(self) -> Generated:
        thread = self.rng.choice(self.open_threads)
        person = thread.requester
        body = f"{self._body(person.language, person.name)}\n\n{_quote(thread.last_body)}"
        message_id = self._message_id(person.address)
        raw = self._compose(
            person,
            (DESK_NAME, DESK),
            _REPLY_PREFIX[person.language] + thread.subject,
            body,
            message_id,
            thread.references,
            attachments=True,
        )
        thread.references = [*thread.references[-9:], message_id]
        thread.last_body = body
        return Generated("INBOX", raw, self.now, self.rng.random() < 0.7)

    def _away(self) -> Generated:
        thread = self.rng.choice(self.open_threads)
        person = thread.requester
        prefix, text = _AWAY[person.language]
        raw = self._compose(
            person,
            (DESK_NAME, DESK),
            prefix + thread.subject,
            f"{text}\n\n{person.name}",
            self._message_id(person.address),
            thread.references[-1:],
            extra={"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"},
        )
        return Generated("INBOX", raw, self.now, False)

    def _newsletter(self) -> Generated:
        sender = Person("Personeelsnieuws", "nieuws@lists.example.org", "nl")
        body = "\n\n".join(self.rng.choices(_PARAGRAPHS["nl"] + _PARAGRAPHS["en"], k=8))
        raw = self._compose(
            sender,
            ("", DESK),
            f"Nieuwsbrief week {self.now.isocalendar().week}",
            body,
            self._message_id(sender.address),
            [],
            extra={
                "List-Id": "<nieuws.lists.example.org>",
                "Precedence": "bulk",
                "List-Unsubscribe": "<mailto:leave-nieuws@lists.example.org>",
            },
        )
        return Generated("INBOX", raw, self.now, False)

    def _person(self, n: int) -> Person:
        language = self.rng.choice(list(_FIRST))
        first, last = self.rng.choice(_FIRST[language]), self.rng.choice(_LAST[language])
        plain = unicodedata.normalize("NFKD", f"{first}.{last}".lower().replace(" ", ""))
        local = plain.encode("ascii", "ignore").decode()
        return Person(f"{first} {last}", f"{local}{n}@{self.rng.choice(_DOMAINS[language])}", language)

    def _body(self, language: str, name: str) -> str:
        paragraphs = self.rng.choices(_PARAGRAPHS[language], k=self.rng.randint(2, 7))
        return "\n\n".join([*paragraphs, f"{name}", "-- ", _DISCLAIMER])

    def _message_id(self, address: str) -> str:
        self.serial += 1
        return f"<{self.serial}.{self.rng.getrandbits(48):x}@{address.rsplit('@', 1)[1]}>"

    def _compose(
        self,
        sender: Person,
        recipient: tuple[str, str],
        subject: str,
        body: str,
        message_id: str,
        references: list[str],
        attachments: bool = False,
        extra: dict[str, str] | None = None,
    ) -> bytes:
        headers = {
            "From": _address(sender.name, sender.address),
            "To": _address(*recipient),
            "Subject": _encoded(subject),
            "Date": format_datetime(self.now - timedelta(seconds=self.rng.randint(1, 90))),
            "Message-ID": message_id,
            "MIME-Version": "1.0",
            "X-Mailer": self.rng.choice(_MAILERS),
            **(extra or {}),
        }
        if references:
            headers["In-Reply-To"] = references[-1]
            headers["References"] = " ".join(references)
        parts = [_text_part(body)]
        if self.rng.random() < self.HTML_ALTERNATIVE:
            parts = [_multipart("alternative", [parts[0], _html_part(body)], self.rng)]
        if attachments:
            roll = self.rng.random()
            if roll < self.LARGE_ATTACHMENT:
                parts.append(
                    _attachment("foto.jpg", "image/jpeg", self.rng.randbytes(self._size(1 << 20, 4 << 20)))
                )
            elif roll < self.SMALL_ATTACHMENT:
                pdf = b"%PDF-1.7\n" + self.rng.randbytes(self._size(20_000, 200_000))
                parts.append(_attachment("scan_melding.pdf", "application/pdf", pdf))
        body_part = parts[0] if len(parts) == 1 else _multipart("mixed", parts, self.rng)
        head = "".join(f"{name}: {value}\r\n" for name, value in headers.items()).encode()
        return head + body_part

    def _size(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" for line in text.splitlines()[:60])


def _encoded(text: str) -> str:
    return text if text.isascii() else Header(text, "utf-8").encode()


def _address(name: str, address: str) -> str:
    return f"{_encoded(name)} <{address}>" if name else address


def _text_part(body: str) -> bytes:
    encoded = quopri.encodestring(body.replace("\n", "\r\n").encode(), quotetabs=False)
    return (
        b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + encoded
        + b"\r\n"
    )


def _html_part(body: str) -> bytes:
    paragraphs = "".join(
        f'<p style="margin:0 0 8pt;font-family:Calibri,sans-serif">{p.replace(chr(10), "<br>")}</p>'
        for p in body.split("\n\n")
    )
    html = f"<html><head><meta charset=utf-8></head><body>{paragraphs}</body></html>"
    return (
        b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + quopri.encodestring(html.encode())
        + b"\r\n"
    )


def _attachment(filename: str, content_type: str, data: bytes) -> bytes:
    return (
        f'Content-Type: {content_type}; name="{filename}"\r\nContent-Transfer-Encoding: base64\r\n'
        f'Content-Disposition: attachment; filename="{filename}"\r\n\r\n'
    ).encode() + base64.encodebytes(data).replace(b"\n", b"\r\n")


def _multipart(subtype: str, parts: list[bytes], rng: random.Random) -> bytes:
    boundary = f"----=_Part_{rng.getrandbits(64):016x}".encode()
    inner = b"".join(b"--" + boundary + b"\r\n" + part for part in parts)
    return (
        b"Content-Type: multipart/"
        + subtype.encode()
        + b'; boundary="'
        + boundary
        + b'"\r\n\r\n'
        + inner
        + b"--"
        + boundary
        + b"--\r\n"
    )
