"""What the desk is told about while the window is not in front: a new request, a request about to breach its
standard. Each request is told about once per kind of event, and many at once become one grouped alert.

``alerts_due`` is a pure rule over two snapshots of the store; ``alert_snapshot`` reads one.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime

import sqlite_utils

from store.queues import RequestFilter, request_ids, request_rows
from store.vocabulary import Queue

NEW_REQUEST = "new_request"
BREACHING = "breaching"
KINDS = (NEW_REQUEST, BREACHING)
GROUP_FROM = 4  # this many requests of one kind in one snapshot are told as one alert
_DETAILS = 3  # requests named in a grouped alert


@dataclass(frozen=True, slots=True)
class Mention:
    id: int
    number: int | None  # what people call it; None when the snapshot did not read it
    requester: str
    subject: str


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The open requests and those in their warning time, with names for the ones that may be told about."""

    open_ids: frozenset[int]
    breaching_ids: frozenset[int]
    mentions: dict[int, Mention] = field(default_factory=dict)
    named: bool = True  # False: read for a baseline, without names


@dataclass(frozen=True, slots=True)
class Alert:
    kind: str  # NEW_REQUEST or BREACHING
    count: int  # requests it is about; more than ``len(named)`` when grouped
    named: tuple[Mention, ...]


@dataclass(slots=True)
class AlertLog:
    """What has been told: the newest request id already known, and (request, kind) pairs."""

    newest_known: int | None = None
    told: set[tuple[int, str]] = field(default_factory=set)


def alerts_due(log: AlertLog, snapshot: Snapshot, wanted: Collection[str] = KINDS) -> list[Alert]:
    """Alerts for what changed since the log was last updated (the log is updated). The first snapshot only sets
    the baseline: what was there when the window opened is on screen, not news. Kinds not ``wanted`` are still
    recorded as told, so switching them on later does not bring a flood of old news."""
    newest = max(snapshot.open_ids, default=0)
    if log.newest_known is None:
        log.newest_known = newest
        log.told.update((i, BREACHING) for i in snapshot.breaching_ids)
        return []
    fresh = {
        NEW_REQUEST: sorted(i for i in snapshot.open_ids if i > log.newest_known),
        BREACHING: sorted(i for i in snapshot.breaching_ids if (i, BREACHING) not in log.told),
    }
    log.newest_known = max(log.newest_known, newest)
    alerts = []
    for kind in KINDS:
        ids = [i for i in fresh[kind] if (i, kind) not in log.told]
        log.told.update((i, kind) for i in ids)
        if not ids or kind not in wanted:
            continue
        mentions = [snapshot.mentions.get(i, Mention(i, None, "", "")) for i in ids]
        if len(ids) >= GROUP_FROM:
            alerts.append(Alert(kind, len(ids), tuple(mentions[:_DETAILS])))
        else:
            alerts.extend(Alert(kind, 1, (mention,)) for mention in mentions)
    return alerts


def alert_snapshot(db: sqlite_utils.Database, now: datetime, newest_known: int | None) -> Snapshot:
    """The open and breaching requests now; names are read only for what is newer than ``newest_known`` or
    breaching (a handful), never for the whole open list."""
    open_ids = frozenset(request_ids(db, RequestFilter(Queue.OPEN), now))
    breaching = frozenset(request_ids(db, RequestFilter(Queue.BREACHING), now))
    if newest_known is None:
        return Snapshot(open_ids, breaching, named=False)
    candidates = sorted(i for i in open_ids if i > newest_known) + sorted(breaching)
    rows = request_rows(db, candidates[:200])
    return Snapshot(
        open_ids, breaching, {r.id: Mention(r.id, r.number, r.requester, r.subject) for r in rows}
    )
