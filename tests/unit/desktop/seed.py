"""Fill a store with realistic requests, messages, events and search rows, straight through SQL.

The desktop tests and the benchmark need a store shaped like a department mailbox after months of use (open and
resolved requests, timers on time, warning and breached, desk replies, colleagues in Cc, notes, attachments) without
running the mail pipeline; rows are written in bulk so 100,000 requests take seconds.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlite_utils

from store.db import transaction
from store.timeutil import to_db

DESK_ADDRESS = "servicedesk@horizon-group.example"
ME = "anna.devries"

DEPARTMENTS = (
    ("Facilitair", "facilitair.horizon-group.example"),
    ("Personeelszaken", "hr.horizon-group.example"),
    ("Finanzen", "finanzen.horizon-group.example"),
    ("Einkauf", "einkauf.horizon-group.example"),
    ("Amministrazione", "amministrazione.horizon-group.example"),
    ("Logistica", "logistica.horizon-group.example"),
)
PEOPLE = (
    ("Jan", "Jansen"), ("Sanne", "de Boer"), ("Pieter", "van Dijk"), ("Eva", "Bakker"), ("Daan", "Visser"),
    ("Lotte", "Smit"), ("Klaus", "Müller"), ("Sabine", "Schneider"), ("Jürgen", "Fischer"), ("Anke", "Weber"),
    ("Matthias", "Becker"), ("Ute", "Hoffmann"), ("Giulia", "Rossi"), ("Marco", "Bianchi"), ("Chiara", "Romano"),
    ("Luca", "Colombo"), ("Francesca", "Ricci"), ("Alessandro", "Greco"), ("Femke", "Mulder"), ("Stefan", "Wagner"),
)  # fmt: skip
SUBJECTS = (
    "Stoel kapot op de derde verdieping",
    "Toegangspas werkt niet meer",
    "Verlofaanvraag juli nog niet verwerkt",
    "Declaratie reiskosten maart",
    "Drucker im 2. OG druckt nur leere Seiten",
    "Bestellung Büromaterial – Rückfrage",
    "Rechnung 2024-118 doppelt gebucht?",
    "Zugang zum Laufwerk Einkauf",
    "Richiesta nuova sedia ergonomica",
    "Fattura fornitore non registrata",
    "Aria condizionata sala riunioni guasta",
    "Consegna pacco in ritardo",
    "Parkeerplaats voor bezoekers reserveren",
    "Sleutel kast archief kwijt",
    "Heizung im Besprechungsraum defekt",
    "Badge ospite per la settimana prossima",
)
BODIES = (
    "Hallo servicedesk,\n\nSinds vanochtend {issue}. Kunnen jullie hier vandaag nog naar kijken?\n\nGroet,\n{name}",
    "Guten Tag,\n\nleider {issue}. Könnten Sie sich bitte darum kümmern?\n\nVielen Dank\n{name}",
    "Buongiorno,\n\nvi scrivo perché {issue}. Potete aiutarmi?\n\nGrazie mille,\n{name}",
)
ISSUES = (
    "het probleem is nog steeds niet opgelost",
    "es funktioniert seit gestern nicht mehr",
    "non riesco ad accedere al sistema",
    "de factuur ontbreekt in het overzicht",
)
STATUSES_OPEN = ("new", "open", "open", "waiting", "waiting_colleague")
ASSIGNEES = (None, ME, "marco.bianchi", "klaus.mueller")
CATEGORIES = (None, "facilities", "access", "finance", "it")


@dataclass(frozen=True, slots=True)
class Seeded:
    account_id: int
    request_ids: list[int]
    requester_ids: list[int]
    department_ids: list[int]


def seed(
    db: sqlite_utils.Database,
    requests: int = 60,
    *,
    now: datetime | None = None,
    open_share: float = 0.4,
    rng_seed: int = 5,
) -> Seeded:
    """Write ``requests`` requests (about ``open_share`` of them still open) with their messages and events."""
    now = now or datetime.now(UTC)
    rng = random.Random(rng_seed)
    with transaction(db):
        calendar_id = (
            db["calendars"]
            .insert(
                {
                    "name": "desk",
                    "tz": "Europe/Amsterdam",
                    "hours_json": json.dumps({str(day): [["09:00", "17:00"]] for day in range(5)}),
                    "holidays": "NL",
                }
            )
            .last_pk
        )
        account_id = (
            db["accounts"]
            .insert(
                {
                    "name": "desk",
                    "address": DESK_ADDRESS,
                    "display_name": "Servicedesk",
                    "imap_host": "127.0.0.1",
                    "imap_port": 1143,
                    "imap_security": "none",
                    "smtp_host": "127.0.0.1",
                    "smtp_port": 1025,
                    "smtp_security": "none",
                    "username": "servicedesk",
                    "calendar_id": calendar_id,
                    "created_at": to_db(now),
                }
            )
            .last_pk
        )
        standard_id = (
            db["standards"]
            .insert(
                {
                    "account_id": account_id,
                    "name": "Standaard",
                    "first_response_min": 240,
                    "resolution_min": 1440,
                    "warning_pct": 75,
                    "calendar_id": calendar_id,
                }
            )
            .last_pk
        )
        department_ids = []
        for name, domain in DEPARTMENTS:
            department_id = db["departments"].insert({"name": name}).last_pk
            db["department_domains"].insert({"domain": domain, "department_id": department_id})
            department_ids.append(department_id)
        requesters = []
        for index, (first, last) in enumerate(PEOPLE * max(1, requests // 400)):
            department_index = (index // 3) % len(DEPARTMENTS)
            local = f"{first}.{last}".lower().replace(" ", "").replace("ü", "ue")
            suffix = "" if index < len(PEOPLE) else str(index // len(PEOPLE))
            address = f"{local}{suffix}@{DEPARTMENTS[department_index][1]}"
            requester_id = (
                db["requesters"]
                .insert(
                    {
                        "address": address,
                        "name": f"{first} {last}",
                        "department_id": department_ids[department_index],
                    }
                )
                .last_pk
            )
            requesters.append((requester_id, address, f"{first} {last}"))
        request_ids = _write_requests(
            db, rng, now, int(account_id), int(standard_id), requesters, requests, open_share
        )
    return Seeded(int(account_id), request_ids, [r[0] for r in requesters], [int(d) for d in department_ids])


def _write_requests(
    db: sqlite_utils.Database,
    rng: random.Random,
    now: datetime,
    account_id: int,
    standard_id: int,
    requesters: list[tuple[int, str, str]],
    count: int,
    open_share: float,
) -> list[int]:
    conn = db.conn
    first_id = (conn.execute("SELECT coalesce(max(id), 0) FROM requests").fetchone()[0] or 0) + 1
    first_message = (conn.execute("SELECT coalesce(max(id), 0) FROM messages").fetchone()[0] or 0) + 1
    requests_rows, message_rows, fts_rows, event_rows, attachment_rows = [], [], [], [], []
    blob = b"%PDF-1.4 demo attachment\n"
    blob_sha = hashlib.sha256(blob).hexdigest()
    conn.execute("INSERT OR IGNORE INTO blobs (sha256, data) VALUES (?, ?)", [blob_sha, blob])
    message_id = first_message
    for offset in range(count):
        request_id = first_id + offset
        requester_id, address, name = requesters[rng.randrange(len(requesters))]
        is_open = offset >= count * (1 - open_share)
        # Open requests are the recent ones: minutes to a few days old, so timers run, warn and breach.
        age = (
            timedelta(minutes=rng.randrange(5, 60 * 24 * 4))
            if is_open
            else timedelta(days=rng.uniform(5, 400))
        )
        received = now - age
        subject = SUBJECTS[offset % len(SUBJECTS)]
        status = rng.choice(STATUSES_OPEN) if is_open else "resolved"
        answered = status not in ("new",) and (not is_open or rng.random() < 0.7)
        first_response = received + timedelta(minutes=rng.randrange(10, 600)) if answered else None
        first_due = received + timedelta(hours=rng.choice((4, 6, 20)))
        resolution_due = received + timedelta(days=3)
        resolved = received + timedelta(hours=rng.randrange(2, 90)) if status == "resolved" else None
        body = rng.choice(BODIES).format(issue=rng.choice(ISSUES), name=name)
        last = resolved or first_response or received
        requests_rows.append(
            (
                request_id, account_id, requester_id, subject, status, rng.choice(("normal", "normal", "high", "low")),
                rng.choice(CATEGORIES), rng.choice(ASSIGNEES) if status != "new" else None, standard_id,
                to_db(received), message_id, _db(first_response), _db(resolved), to_db(last), to_db(first_due),
                to_db(resolution_due), to_db(received + (first_due - received) * 0.75),
                to_db(received + (resolution_due - received) * 0.75),
            )
        )  # fmt: skip
        thread = [(received, "in", "requester", address, name, subject, body)]
        if first_response is not None:
            reply = f"Beste {name.split()[0]},\n\nDank voor je bericht; we pakken het op.\n\nServicedesk"
            thread.append(
                (first_response, "out", "desk", DESK_ADDRESS, "Servicedesk", f"Re: {subject}", reply)
            )
            if offset % 7 == 0:
                colleague = (
                    "Wij kijken er ook naar vanuit Facilitair.\n\nMet vriendelijke groet,\nFemke Mulder"
                )
                at = first_response + timedelta(minutes=30)
                femke = "femke.mulder@facilitair.horizon-group.example"
                thread.append((at, "in", "colleague", femke, "Femke Mulder", f"Re: {subject}", colleague))
        for at, direction, role, sender, sender_name, msg_subject, text in thread:
            recipients = [["Servicedesk", DESK_ADDRESS]] if direction == "in" else [[name, address]]
            html = None
            if offset % 11 == 0 and role == "requester":
                html = f"<p>{text.replace(chr(10), '<br>')}</p><p><img src='https://tracker.example/pixel.png'></p>"
            message_rows.append(
                (
                    message_id, account_id, f"<{message_id}.{request_id}@seed.example>", msg_subject, sender,
                    sender_name, json.dumps(recipients), to_db(at), to_db(at), direction, role, text, html,
                    text[:120].replace("\n", " "), request_id,
                )
            )  # fmt: skip
            fts_rows.append((message_id, msg_subject, text, f"{name} {address}"))
            kind = "received" if direction == "in" else "replied"
            event_rows.append(
                (request_id, to_db(at), kind, "" if direction == "in" else ME, message_id, "{}")
            )
            if offset % 5 == 0 and role == "requester":
                attachment_rows.append(
                    (message_id, f"foto {request_id}.pdf", "application/pdf", len(blob), blob_sha)
                )
            message_id += 1
        if offset % 9 == 0:
            note = json.dumps({"text": "Gebeld met aanvrager; komt morgen langs."})
            event_rows.append((request_id, to_db(received + timedelta(minutes=20)), "note", ME, None, note))
        if resolved is not None:
            event_rows.append(
                (request_id, to_db(resolved), "status", ME, None, json.dumps({"to": "resolved"}))
            )
    conn.executemany(
        "INSERT INTO requests (id, number, account_id, requester_id, subject, status, priority, category, assignee, "
        "standard_id, received_at, first_message_id, first_response_at, resolved_at, last_activity_at, "
        "first_response_due, resolution_due, first_response_warn, resolution_warn) "
        f"VALUES (?1, ?1, {', '.join(f'?{n}' for n in range(2, 19))})",
        requests_rows,
    )
    conn.executemany(
        "INSERT INTO messages (id, account_id, message_id, subject, from_addr, from_name, to_json, date, "
        "internal_date, direction, role, text_body, html_body, snippet, request_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        message_rows,
    )
    conn.executemany(
        "INSERT INTO messages_fts (rowid, subject, body, requester) VALUES (?, ?, ?, ?)", fts_rows
    )
    conn.executemany(
        "INSERT INTO events (request_id, at, kind, actor, message_id, data_json) VALUES (?, ?, ?, ?, ?, ?)",
        event_rows,
    )
    conn.executemany(
        "INSERT INTO attachments (message_id, filename, content_type, size, sha256) VALUES (?, ?, ?, ?, ?)",
        attachment_rows,
    )
    return list(range(first_id, first_id + count))


def _db(moment: datetime | None) -> str | None:
    return None if moment is None else to_db(moment)
