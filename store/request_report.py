"""A request as plain data for scripts (``loket request show --json``, ``request list --json``): what the window
shows, in the shapes the command line promises."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import sqlite_utils

from store.queues import RequestFilter, request_ids
from store.vocabulary import EventKind, Queue

# Scripts know a request by its number, as people do: "id" is the number; "request_id" (the row) stays inside.
_SUMMARY = (
    "SELECT r.id AS request_id, r.number AS id, r.subject, coalesce(q.address, '') AS requester, r.status, "
    "r.assignee, r.priority, r.category, r.channel, "
    "(SELECT m.message_id FROM messages m WHERE m.id = r.first_message_id) AS first_message_id "
    "FROM requests r LEFT JOIN requesters q ON q.id = r.requester_id"
)
_LIST_KEYS = ("id", "subject", "requester", "status", "assignee", "priority", "category", "first_message_id")
_REQUEST_REFERENCES = ("into", "source")  # what merged and split events name by the request's row


def list_requests(
    db: sqlite_utils.Database, now: datetime, queue: str = "all_open", search: str = "", me: str = ""
) -> list[dict[str, Any]]:
    """The requests of a queue (``all_open`` or a queue of ``store.queues``) in the window's order, newest first;
    a search spans every request, as the window's search box does."""
    queue = Queue.OPEN if queue == "all_open" else queue
    ids = request_ids(db, RequestFilter(queue=queue, search=search, me=me), now)
    summaries = {summary["request_id"]: summary for summary in _summaries(db, ids)}
    return [{key: summaries[i][key] for key in _LIST_KEYS} for i in ids if i in summaries]


def _summaries(db: sqlite_utils.Database, ids: list[int]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.extend(db.query(f"{_SUMMARY} WHERE r.id IN ({marks})", chunk))
    return found


def show_request(db: sqlite_utils.Database, request_id: int) -> dict[str, Any] | None:
    """One request with its notes, events and messages (with their attachments and parse problems)."""
    summaries = _summaries(db, [request_id])
    if not summaries:
        return None
    report = summaries[0]
    del report["request_id"]
    events = [
        {"at": at, "actor": actor, "kind": kind, "value": _event_value(db, kind, data)}
        for at, actor, kind, data in db.execute(
            "SELECT at, actor, kind, data_json FROM events WHERE request_id = ? ORDER BY at, id", [request_id]
        )
    ]
    report["notes"] = [
        {"author": event["actor"], "at": event["at"], "text": str(event["value"] or "")}
        for event in events
        if event["kind"] == EventKind.NOTE
    ]
    report["events"] = events
    report["standard"], report["chosen_standard"] = standard_names(db, request_id)
    report["messages"] = _messages(db, request_id)
    return report


def standard_names(db: sqlite_utils.Database, request_id: int) -> tuple[str | None, str | None]:
    """The name of the standard that times the request, and of the one given to it by hand (which may be a
    colleague's that this desktop has no standard of)."""
    row = db.execute(
        "SELECT s.name, r.chosen_standard FROM requests r LEFT JOIN standards s ON s.id = r.standard_id "
        "WHERE r.id = ?",
        [request_id],
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def _event_value(db: sqlite_utils.Database, kind: str, data: str | None) -> Any:
    """The value an event records: the one field of its data, else the whole of it; other requests by number."""
    value = json.loads(data or "{}")
    if kind in (EventKind.MERGED, EventKind.SPLIT) and isinstance(value, dict):
        for key in _REQUEST_REFERENCES:
            if value.get(key) is not None:
                value[key] = _number(db, value[key])
    if isinstance(value, dict) and len(value) == 1:
        return next(iter(value.values()))
    return value or None


def _number(db: sqlite_utils.Database, request_id: int) -> int | None:
    """A request's number; None when filing has since merged it away (its row is gone)."""
    row = db.execute("SELECT number FROM requests WHERE id = ?", [request_id]).fetchone()
    return None if row is None else int(row[0])


def _messages(db: sqlite_utils.Database, request_id: int) -> list[dict[str, Any]]:
    attachments: dict[int, list[dict[str, Any]]] = {}
    for message_row, filename, content_type, size in db.execute(
        """SELECT a.message_id, a.filename, a.content_type, a.size FROM attachments a
           JOIN messages m ON m.id = a.message_id WHERE m.request_id = ? ORDER BY a.id""",
        [request_id],
    ):
        attachments.setdefault(message_row, []).append(
            {"filename": filename, "content_type": content_type, "size": size}
        )
    return [
        {
            "message_id": message_id,
            "direction": direction,
            "role": role,
            "from": sender,
            "date": date,
            "subject": subject,
            "text": text,
            "attachments": attachments.get(row_id, []),
            "problems": problems.split("; ") if problems else [],
        }
        for row_id, message_id, direction, role, sender, date, subject, text, problems in db.execute(
            """SELECT id, message_id, direction, role, from_addr, coalesce(date, internal_date), subject,
                      message_text(bodies, text_body), parse_problems
               FROM messages WHERE request_id = ? ORDER BY coalesce(date, internal_date), id""",
            [request_id],
        )
    ]
