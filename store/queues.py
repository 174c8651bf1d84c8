"""The queries behind the desk's views: queues with live counts, the sorted and filtered request list and full-text
search (a request's conversation and the requester's card are in ``store.conversation``).

Every list query returns ids or one page of plain rows, never a whole table: the window stays fast with 100,000
requests because it sorts and filters in SQL and reads details only for the rows on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlite_utils

from store.search import fts_query
from store.timeutil import from_db, instant_from_db, to_db
from store.vocabulary import Channel, Queue, QueueGroup, RequestStatus, TimerState

# The due instant of whichever target runs: first response until answered, then resolution.
TIMER_DUE = "(CASE WHEN r.first_response_at IS NULL THEN r.first_response_due ELSE r.resolution_due END)"
# When the running timer's warning starts: the standard's share of its target in business time, stored beside the
# due instants whenever they are recomputed (store.standards.rules).
WARN_AT = "(CASE WHEN r.first_response_at IS NULL THEN r.first_response_warn ELSE r.resolution_warn END)"
# The due instant of a running timer; NULL when resolved or waiting on the requester (a paused clock can be
# neither breached nor breaching). The index ``requests_open_timer`` (migration V7) is on this expression.
RUNNING_DUE = f"(CASE WHEN r.status IN ('resolved', 'waiting') THEN NULL ELSE {TIMER_DUE} END)"
# Open requests, written as the partial indexes on them say it (a query must repeat it to use them).
OPEN_SQL = "r.status != 'resolved' AND r.merged_into IS NULL"
_RESOLVED = "r.status = 'resolved' AND r.merged_into IS NULL"

_REQUESTER_KEY = "coalesce(nullif(q.name, ''), q.address) COLLATE NOCASE"
SORT_COLUMNS: dict[str, str] = {
    "requester": _REQUESTER_KEY,
    "department": "d.name COLLATE NOCASE",
    "subject": "r.subject COLLATE NOCASE",
    "status": "r.status",
    "assignee": "r.assignee COLLATE NOCASE",
    "received": "r.received_at",
    # Resolved requests and those waiting on their requester have no running timer: they sort after the rest.
    "timer": RUNNING_DUE,
}
# Queues in which a column has one value for every row: sorting by it needs no sort at all.
_CONSTANT_IN_QUEUE = {
    (Queue.RESOLVED, "status"),
    (Queue.RESOLVED, "timer"),
    (Queue.WAITING, "status"),
    (Queue.WAITING, "timer"),
    (Queue.WAITING_COLLEAGUE, "status"),
}
FIXED_QUEUES = (
    Queue.OPEN,
    Queue.MINE,
    Queue.WAITING,
    Queue.WAITING_COLLEAGUE,
    Queue.BREACHING,
    Queue.BREACHED,
    Queue.RESOLVED,
)


@dataclass(frozen=True, slots=True)
class QueueCount:
    """One queue in the sidebar: ``key`` names it for ``RequestFilter`` (``open``, ``requester:12`` ...)."""

    key: str
    kind: str  # one of FIXED_QUEUES or a QueueGroup
    name: str  # the requester's or department's name; "" for fixed queues
    count: int
    oldest_received: datetime | None  # the longest wait in the queue


@dataclass(frozen=True, slots=True)
class RequestFilter:
    """Which requests a list shows: a queue key, optionally narrowed by a search text."""

    queue: str = Queue.OPEN
    search: str = ""
    me: str = ""


@dataclass(frozen=True, slots=True)
class RequestRow:
    id: int
    number: int  # what people call it (store.numbers)
    requester: str
    requester_address: str
    department: str
    subject: str
    status: str
    priority: str
    category: str | None
    assignee: str | None
    received_at: datetime
    timer_due: datetime | None
    warn_at: datetime | None
    answered: bool
    messages: int
    calendar_id: int | None  # the calendar the timer counts in
    target_min: float | None  # the running target in business minutes
    channel: str = Channel.EMAIL

    def timer_state(self, now: datetime) -> str:
        """``none`` (no standard), ``met``, ``paused`` (waiting on the requester), ``on_time``, ``warning``,
        ``breached``."""
        if self.timer_due is None:
            return TimerState.NONE
        if self.status == RequestStatus.RESOLVED:
            return TimerState.MET
        if self.status == RequestStatus.WAITING:
            return TimerState.PAUSED
        if now >= self.timer_due:
            return TimerState.BREACHED
        if self.warn_at is not None and now >= self.warn_at:
            return TimerState.WARNING
        return TimerState.ON_TIME


def _indexed_by(db: sqlite_utils.Database, index: str) -> str:
    """``INDEXED BY index``, or nothing while a large ingest has set the index aside (``store.bulk_load``): the
    query then runs, slower, on what there is."""
    deferred = db.execute("SELECT 1 FROM deferred_indexes WHERE name = ?", [index]).fetchone()
    return "" if deferred else f"INDEXED BY {index}"


def _where(db: sqlite_utils.Database, flt: RequestFilter, now: datetime) -> tuple[str, list[Any]]:
    """The WHERE clause of a filter; search spans every request, queues only their own."""
    clauses: list[str] = []
    params: list[Any] = []
    query = fts_query(db, flt.search)
    if query:
        clauses.append(
            "r.id IN (SELECT m.request_id FROM messages m INDEXED BY messages_request_of WHERE m.id IN "
            "(SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?))"
        )
        params.append(query)
        clauses.append("r.merged_into IS NULL")
        return " AND ".join(clauses), params
    kind, _, ident = flt.queue.partition(":")
    now_text = to_db(now)
    if kind == Queue.OPEN:
        clauses.append(OPEN_SQL)
    elif kind == Queue.MINE:
        clauses += [OPEN_SQL, "r.assignee = ?"]
        params.append(flt.me)
    elif kind in (Queue.WAITING, Queue.WAITING_COLLEAGUE):
        clauses += [OPEN_SQL, "r.status = ?"]
        params.append(kind)
    elif kind == Queue.BREACHED:
        clauses += [OPEN_SQL, f"{RUNNING_DUE} < ?"]
        params.append(now_text)
    elif kind == Queue.BREACHING:
        clauses += [OPEN_SQL, f"{RUNNING_DUE} >= ?", f"{WARN_AT} <= ?"]
        params += [now_text, now_text]
    elif kind == Queue.RESOLVED:
        clauses.append(_RESOLVED)
    elif kind == Queue.UNASSIGNED:
        clauses.append(f"{OPEN_SQL} AND coalesce(r.assignee, '') = ''")
    elif kind == Queue.ALL:
        clauses.append("r.merged_into IS NULL")
    elif kind == QueueGroup.REQUESTER:
        clauses += [OPEN_SQL, "r.requester_id = ?"]
        params.append(int(ident))
    elif kind == QueueGroup.DEPARTMENT:
        clauses += [OPEN_SQL, "q.department_id = ?"]
        params.append(int(ident))
    else:
        raise ValueError(f"unknown queue {flt.queue!r}")
    return " AND ".join(clauses), params


_FROM = (
    "FROM requests r LEFT JOIN requesters q ON q.id = r.requester_id "
    "LEFT JOIN departments d ON d.id = q.department_id LEFT JOIN standards s ON s.id = r.standard_id"
)


def request_ids(
    db: sqlite_utils.Database,
    flt: RequestFilter,
    now: datetime,
    sort: str = "received",
    descending: bool = True,
    limit: int | None = None,
) -> list[int]:
    """Every matching request id in display order (or the first ``limit``); ids are cheap, so the list knows its
    length at once and reads row details a page at a time."""
    if sort not in SORT_COLUMNS:
        raise ValueError(f"cannot sort by {sort!r}")
    where, params = _where(db, flt, now)
    direction = "DESC" if descending else "ASC"
    nulls = "NULLS LAST" if not descending else "NULLS FIRST"
    if sort in _BY_ANOTHER_TABLE:
        # Requests of one requester (department) stay together, in arrival order: a total order that the first
        # page's index walk below and this sort of every row agree on.
        ties = _BY_ANOTHER_TABLE[sort]
        order = ", ".join([f"{SORT_COLUMNS[sort]} {direction} {nulls}", *(f"{t} {direction}" for t in ties)])
        if limit is not None and not flt.search:
            sql, arms = _first_page_by_another_table(db, sort, where, direction, nulls)
            return [row[0] for row in db.execute(f"{sql} LIMIT {int(limit)}", params * arms)]
    else:
        order = f"{SORT_COLUMNS[sort]} {direction} {nulls}, r.id {direction}"
    if not flt.search and (flt.queue, sort) in _CONSTANT_IN_QUEUE:
        # Every row has the same key: any fixed order will do, and arrival order comes straight from an index.
        order = f"r.received_at {direction}, r.id {direction}"
    sql = f"SELECT r.id {_FROM} WHERE {where} ORDER BY {order}"
    if limit is not None:
        return [row[0] for row in db.execute(f"{sql} LIMIT {int(limit)}", params)]
    # One text of all ids instead of a row each: a long list arrives without a Python step per row, which
    # keeps the GUI thread from waiting for the interpreter lock while it paints.
    joined = db.execute(f"SELECT group_concat(id) FROM ({sql})", params).fetchone()[0]
    return [int(text) for text in joined.split(",")] if joined else []


# Sorts by a column of another table, and what breaks their ties.
_BY_ANOTHER_TABLE = {
    "requester": ("q.id", "r.received_at", "r.id"),
    "department": ("d.id", "q.id", "r.received_at", "r.id"),
}


def _first_page_by_another_table(
    db: sqlite_utils.Database, sort: str, where: str, direction: str, nulls: str
) -> tuple[str, int]:
    """The list in requester (department) order read from the requesters' (departments') name index, each one's
    requests from the requester index: the first page costs a few index steps instead of a join and a sort of
    every matching request, which is what a whole-list sort would take (a tenth of a second at 100,000 requests).

    Those without a requester (department) have no place in that index: they are separate arms of a UNION ALL,
    which SQLite merges in order. CROSS JOIN fixes the loop order, so the plan does not hang on table statistics.
    Returns the query and the number of arms, each of which takes the filter's parameters.
    """
    index = (
        "requests_open_requester"
        if OPEN_SQL in where
        else "requests_resolved_requester"
        if _RESOLVED in where
        else "requests_requester"
    )
    requests = f"requests r {_indexed_by(db, index)}"
    columns = "r.id AS id, {key} AS k, {department} AS dg, {requester} AS g, r.received_at AS t"
    no_requester = (
        f"SELECT {columns.format(key='NULL', department='NULL', requester='NULL')} "
        f"FROM {requests} LEFT JOIN requesters q ON q.id = r.requester_id "
        f"WHERE r.requester_id IS NULL AND {where}"
    )
    if sort == "requester":
        arms = [
            f"SELECT {columns.format(key=_REQUESTER_KEY, department='NULL', requester='q.id')} "
            f"FROM requesters q INDEXED BY requesters_sort CROSS JOIN {requests} ON r.requester_id = q.id "
            f"WHERE {where}",
            no_requester,
        ]
    else:
        arms = [
            f"SELECT {columns.format(key='d.name COLLATE NOCASE', department='d.id', requester='q.id')} "
            "FROM departments d INDEXED BY departments_sort "
            "CROSS JOIN requesters q INDEXED BY requesters_department ON q.department_id = d.id "
            f"CROSS JOIN {requests} ON r.requester_id = q.id WHERE {where}",
            f"SELECT {columns.format(key='NULL', department='NULL', requester='q.id')} "
            "FROM requesters q INDEXED BY requesters_department "
            f"CROSS JOIN {requests} ON r.requester_id = q.id WHERE q.department_id IS NULL AND {where}",
            no_requester,
        ]
    order = f"k {direction} {nulls}, dg {direction}, g {direction}, t {direction}, id {direction}"
    return f"SELECT id FROM ({' UNION ALL '.join(arms)} ORDER BY {order})", len(arms)


def request_rows(db: sqlite_utils.Database, ids: list[int]) -> list[RequestRow]:
    """Details of the given requests, in the order of ``ids`` (one page of the list)."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    sql = (
        "SELECT r.id, coalesce(nullif(q.name, ''), q.address, ''), coalesce(q.address, ''), coalesce(d.name, ''), "
        f"r.subject, r.status, r.priority, r.category, r.assignee, r.received_at, {TIMER_DUE}, {WARN_AT}, "
        "r.first_response_at IS NOT NULL, (SELECT count(*) FROM messages m WHERE m.request_id = r.id), "
        "coalesce(s.calendar_id, (SELECT a.calendar_id FROM accounts a WHERE a.id = r.account_id)), "
        "CASE WHEN r.first_response_at IS NULL THEN s.first_response_min ELSE s.resolution_min END, r.channel, "
        "r.number "
        f"{_FROM} WHERE r.id IN ({marks})"
    )
    by_id = {}
    # Read by position: every page of the request list comes through here, and reading the columns by name
    # (sqlite-utils' dicts or sqlite3.Row) took 15-30% longer over 20,000 requests in pages of 200.
    for row in db.execute(sql, ids):
        by_id[row[0]] = RequestRow(
            id=row[0],
            number=row[17],
            requester=row[1],
            requester_address=row[2],
            department=row[3],
            subject=row[4],
            status=row[5],
            priority=row[6],
            category=row[7],
            assignee=row[8],
            received_at=instant_from_db(row[9]),
            timer_due=from_db(row[10]),
            warn_at=from_db(row[11]),
            answered=bool(row[12]),
            messages=row[13],
            calendar_id=row[14],
            target_min=row[15],
            channel=row[16],
        )
    return [by_id[i] for i in ids if i in by_id]


def queue_counts(
    db: sqlite_utils.Database, now: datetime, me: str = "", requesters: bool = True
) -> list[QueueCount]:
    """The fixed queues, then one per department and (unless ``requesters`` is false) one per requester with open
    requests, longest wait first."""
    now_text = to_db(now)
    # One small query per queue, each answered from an index (migrations V4 and V7) rather than a pass over every
    # open request: the sidebar's counts are the first thing the window shows.
    waiting = {
        status: (count, oldest)
        for status, count, oldest in db.execute(
            "SELECT r.status, count(*), min(r.received_at) FROM requests r "
            "WHERE r.status IN ('waiting', 'waiting_colleague') AND r.merged_into IS NULL GROUP BY r.status"
        )
    }
    timer_counts = _indexed_by(db, "requests_open_timer_counts")
    open_requester = _indexed_by(db, "requests_open_requester")
    answers = {
        Queue.OPEN: db.execute(
            f"SELECT count(*), min(r.received_at) FROM requests r {_indexed_by(db, 'requests_open_received')} "
            f"WHERE {OPEN_SQL}"
        ).fetchone(),
        Queue.MINE: db.execute(
            f"SELECT count(*), min(r.received_at) FROM requests r WHERE {OPEN_SQL} AND r.assignee = ?", [me]
        ).fetchone(),
        Queue.WAITING: waiting.get(RequestStatus.WAITING, (0, None)),
        Queue.WAITING_COLLEAGUE: waiting.get(RequestStatus.WAITING_COLLEAGUE, (0, None)),
        Queue.BREACHING: db.execute(
            f"SELECT count(*), min(r.received_at) FROM requests r {timer_counts} "
            f"WHERE {OPEN_SQL} AND {RUNNING_DUE} >= ?1 AND {WARN_AT} <= ?1",
            [now_text],
        ).fetchone(),
        Queue.BREACHED: db.execute(
            f"SELECT count(*), min(r.received_at) FROM requests r {timer_counts} "
            f"WHERE {OPEN_SQL} AND {RUNNING_DUE} < ?",
            [now_text],
        ).fetchone(),
        Queue.RESOLVED: db.execute(
            "SELECT count(*), NULL FROM requests r WHERE r.status = 'resolved' AND r.merged_into IS NULL"
        ).fetchone(),
    }
    counts = [
        QueueCount(key, key, "", int(answers[key][0] or 0), from_db(answers[key][1])) for key in FIXED_QUEUES
    ]
    for department_id, name, count, oldest in db.execute(
        # Per requester from the open-requester index alone (in its order, no sort), then per department.
        f"""SELECT d.id, d.name, sum(per.n), min(per.oldest) FROM (SELECT r.requester_id AS requester, count(*) AS n,
                min(r.received_at) AS oldest FROM requests r {open_requester} WHERE {OPEN_SQL}
                GROUP BY r.requester_id) AS per
            JOIN requesters q ON q.id = per.requester JOIN departments d ON d.id = q.department_id
            GROUP BY d.id ORDER BY d.name COLLATE NOCASE"""
    ):
        counts.append(
            QueueCount(
                f"{QueueGroup.DEPARTMENT}:{department_id}",
                QueueGroup.DEPARTMENT,
                name,
                count,
                from_db(oldest),
            )
        )
    if not requesters:
        return counts
    for requester_id, name, count, oldest in db.execute(
        f"""SELECT q.id, coalesce(nullif(q.name, ''), q.address), count(*), min(r.received_at)
            FROM requests r {open_requester} JOIN requesters q ON q.id = r.requester_id
            WHERE {OPEN_SQL} GROUP BY q.id ORDER BY min(r.received_at), q.id"""
    ):
        counts.append(
            QueueCount(
                f"{QueueGroup.REQUESTER}:{requester_id}", QueueGroup.REQUESTER, name, count, from_db(oldest)
            )
        )
    return counts
