"""Canned replies with placeholders, seeded in English, Dutch, German and Italian.

Rendering never fails: an unknown or misspelt placeholder stays visible in the draft, where the person sending it
sees and fixes it, instead of breaking the compose window or vanishing silently.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import sqlite_utils

from store.db import transaction
from store.standards.business_time import CalendarError
from store.standards.calendars import load_calendar
from store.standards.durations import duration_in_words
from store.timeutil import from_db, wall_clock_text

LANGUAGES = ("en", "nl", "de", "it")
_PLACEHOLDER = re.compile(r"\{([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\}")


@dataclass(frozen=True, slots=True)
class Template:
    id: int
    name: str
    language: str
    subject: str
    body: str


SEED: tuple[tuple[str, str, str], ...] = (
    (
        "acknowledgement",
        "en",
        "Dear {requester.first_name},\n\nThank you for your message. We have registered it as request {request.id} "
        "and will get back to you within {standard.first_response}.\n\nKind regards,\n{agent.name}",
    ),
    (
        "need_more_info",
        "en",
        "Dear {requester.first_name},\n\nTo help you with \u201c{request.subject}\u201d we need a little more "
        "information:\n\n- \n\nCould you let us know? Until then, we will keep your request on hold.\n\n"
        "Kind regards,\n{agent.name}",
    ),
    (
        "resolved",
        "en",
        "Dear {requester.first_name},\n\nYour request \u201c{request.subject}\u201d has been resolved. If something "
        "is still not right, simply reply to this message and we will pick it up again.\n\n"
        "Kind regards,\n{agent.name}",
    ),
    (
        "forwarded_to_colleague",
        "en",
        "Hello,\n\nCould you help us with the request below from {requester.name}? Please reply to this message so "
        "your answer reaches us with request {request.id}.\n\nThank you,\n{agent.name}",
    ),
    (
        "acknowledgement",
        "nl",
        "Beste {requester.first_name},\n\nBedankt voor je bericht. We hebben het geregistreerd als verzoek "
        "{request.id} en reageren binnen {standard.first_response}.\n\nMet vriendelijke groet,\n{agent.name}",
    ),
    (
        "need_more_info",
        "nl",
        "Beste {requester.first_name},\n\nOm je te helpen met \u201c{request.subject}\u201d hebben we nog wat meer "
        "informatie nodig:\n\n- \n\nWil je dat laten weten? Tot die tijd houden we je verzoek aan.\n\n"
        "Met vriendelijke groet,\n{agent.name}",
    ),
    (
        "resolved",
        "nl",
        "Beste {requester.first_name},\n\nJe verzoek \u201c{request.subject}\u201d is afgehandeld. Klopt er toch "
        "nog iets niet? Beantwoord dan gewoon dit bericht, dan pakken we het weer op.\n\n"
        "Met vriendelijke groet,\n{agent.name}",
    ),
    (
        "forwarded_to_colleague",
        "nl",
        "Hallo,\n\nKun je ons helpen met het onderstaande verzoek van {requester.name}? Beantwoord dit bericht, "
        "dan komt je antwoord bij verzoek {request.id} terecht.\n\nBedankt,\n{agent.name}",
    ),
    (
        "acknowledgement",
        "de",
        "Guten Tag {requester.name},\n\nvielen Dank für Ihre Nachricht. Wir haben sie als Anfrage {request.id} "
        "erfasst und melden uns innerhalb von {standard.first_response}.\n\nMit freundlichen Grüßen\n{agent.name}",
    ),
    (
        "need_more_info",
        "de",
        "Guten Tag {requester.name},\n\num Ihnen bei \u201e{request.subject}\u201c helfen zu können, benötigen wir "
        "noch einige Angaben:\n\n- \n\nKönnen Sie uns diese mitteilen? Bis dahin ruht Ihre Anfrage.\n\n"
        "Mit freundlichen Grüßen\n{agent.name}",
    ),
    (
        "resolved",
        "de",
        "Guten Tag {requester.name},\n\nIhre Anfrage \u201e{request.subject}\u201c ist erledigt. Falls noch etwas "
        "nicht stimmt, antworten Sie einfach auf diese Nachricht.\n\nMit freundlichen Grüßen\n{agent.name}",
    ),
    (
        "forwarded_to_colleague",
        "de",
        "Hallo,\n\nkönnt ihr uns bei der folgenden Anfrage von {requester.name} helfen? Bitte antwortet auf diese "
        "Nachricht, damit eure Antwort bei Anfrage {request.id} ankommt.\n\nDanke,\n{agent.name}",
    ),
    (
        "acknowledgement",
        "it",
        "Gentile {requester.name},\n\ngrazie per il suo messaggio. L'abbiamo registrato come richiesta "
        "{request.id} e le risponderemo entro {standard.first_response}.\n\nCordiali saluti,\n{agent.name}",
    ),
    (
        "need_more_info",
        "it",
        "Gentile {requester.name},\n\nper aiutarla con \u00ab{request.subject}\u00bb ci servono ancora alcune "
        "informazioni:\n\n- \n\nPuò farcele sapere? Nel frattempo la richiesta resta in attesa.\n\n"
        "Cordiali saluti,\n{agent.name}",
    ),
    (
        "resolved",
        "it",
        "Gentile {requester.name},\n\nla sua richiesta \u00ab{request.subject}\u00bb è stata risolta. Se qualcosa "
        "non va ancora, risponda semplicemente a questo messaggio.\n\nCordiali saluti,\n{agent.name}",
    ),
    (
        "forwarded_to_colleague",
        "it",
        "Ciao,\n\npotete aiutarci con la richiesta qui sotto di {requester.name}? Rispondete a questo messaggio, "
        "così la risposta arriva alla richiesta {request.id}.\n\nGrazie,\n{agent.name}",
    ),
)


def render(text: str, values: Mapping[str, str]) -> str:
    """Fill ``{name.field}`` placeholders from ``values``; anything unknown stays as written."""
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def placeholders(text: str) -> list[str]:
    return list(dict.fromkeys(_PLACEHOLDER.findall(text)))


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """(start, length) of every placeholder in ``text``: what a draft still has to have filled in."""
    return [(match.start(), match.end() - match.start()) for match in _PLACEHOLDER.finditer(text)]


def first_name(name: str, address: str = "") -> str:
    """``"Anna de Vries"`` and ``"de Vries, Anna"`` → ``"Anna"``; without a name, the address's first word."""
    name = " ".join(name.split())
    if "," in name:
        name = name.split(",", 1)[1].strip()
    if name:
        return name.split(" ", 1)[0]
    local = re.split(r"[._\-+]", address.partition("@")[0])[0]
    return local.capitalize()


def template_values(
    db: sqlite_utils.Database, request_id: int, agent_name: str, language: str
) -> dict[str, str]:
    """Everything a template may name, for one request; a fact not known is left out, so its placeholder stays
    visible in the draft rather than leaving a gap in a sentence."""
    row = db.execute(
        "SELECT q.number, q.subject, COALESCE(r.name, ''), COALESCE(r.address, ''), s.first_response_min, "
        "s.resolution_min, q.first_response_due, q.resolution_due, COALESCE(c.tz, 'UTC'), COALESCE(d.name, ''), "
        "COALESCE(s.calendar_id, a.calendar_id) "
        "FROM requests q LEFT JOIN requesters r ON r.id = q.requester_id "
        "LEFT JOIN departments d ON d.id = r.department_id "
        "LEFT JOIN standards s ON s.id = q.standard_id "
        "JOIN accounts a ON a.id = q.account_id LEFT JOIN calendars c ON c.id = a.calendar_id WHERE q.id = ?",
        [request_id],
    ).fetchone()
    if row is None:
        return {"agent.name": agent_name}
    (
        number,
        subject,
        name,
        address,
        first_min,
        resolution_min,
        first_due,
        resolution_due,
        tz,
        department,
        calendar_id,
    ) = row
    day_minutes = _working_day_minutes(db, calendar_id) if first_min is not None else None
    values = {
        "requester.name": name or address,
        "requester.first_name": first_name(name, address),
        "requester.address": address,
        "requester.department": department,
        "request.id": str(number),  # the number people know it by, under the name stored templates use
        "request.subject": subject,
        "agent.name": agent_name,
        "standard.first_response": _in_words(first_min, day_minutes, language),
        "standard.resolution": _in_words(resolution_min, day_minutes, language),
        "standard.first_response_due": _local(first_due, tz),
        "standard.resolution_due": _local(resolution_due, tz),
    }
    return {key: value for key, value in values.items() if value}


def _working_day_minutes(db: sqlite_utils.Database, calendar_id: int | None) -> int | None:
    """The working day of the calendar the standard's targets count in, or None when it cannot be read (the
    targets' placeholders then stay visible rather than state a wrong number of days)."""
    if calendar_id is None:
        return None
    try:
        return load_calendar(db, calendar_id).working_day_minutes
    except CalendarError:
        return None


def _in_words(minutes: float | None, day_minutes: int | None, language: str) -> str:
    return "" if minutes is None or day_minutes is None else duration_in_words(minutes, day_minutes, language)


def _local(stamp: str | None, tz: str) -> str:
    moment = from_db(stamp)
    return "" if moment is None else wall_clock_text(moment, tz)


def seed_templates(db: sqlite_utils.Database) -> int:
    """Add the built-in templates that are missing; ones the desk edited are left alone. Returns how many were added."""
    with transaction(db):
        before = db.execute("SELECT COUNT(*) FROM templates").fetchone()[0]
        db.conn.executemany(
            "INSERT OR IGNORE INTO templates (name, language, subject, body) VALUES (?, ?, '', ?)",
            SEED,
        )
        after = db.execute("SELECT COUNT(*) FROM templates").fetchone()[0]
    return int(after - before)


def list_templates(db: sqlite_utils.Database, language: str | None = None) -> list[Template]:
    query = "SELECT id, name, language, subject, body FROM templates"
    params: list[str] = []
    if language is not None:
        query += " WHERE language = ?"
        params.append(language)
    return [Template(*row) for row in db.execute(query + " ORDER BY language, name", params)]


def get_template(db: sqlite_utils.Database, name: str, language: str) -> Template | None:
    """The named template in ``language``, else in English."""
    for lang in (language, "en"):
        row = db.execute(
            "SELECT id, name, language, subject, body FROM templates WHERE name = ? AND language = ?",
            [name, lang],
        ).fetchone()
        if row:
            return Template(*row)
    return None


def save_template(db: sqlite_utils.Database, name: str, language: str, body: str, subject: str = "") -> None:
    db.execute(
        "INSERT INTO templates (name, language, subject, body) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (name, language) DO UPDATE SET subject = excluded.subject, body = excluded.body",
        [name, language, subject, body],
    )
