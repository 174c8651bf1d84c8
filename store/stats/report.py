"""The figures of the period report (``loket report``), taken from the export's own rows and groupings.

The report must agree with ``loket export`` to the decimal, so nothing here computes a figure of its own: it reads
the same ``FigureRow`` stream (``StatsSource.rows``) and groups it with the same ``Grouping``; a report's total for a
department is the export's ``--by department`` row for it. Only the choice of rows (a requesting department) and
the ordering for the pages (top requesters, longest waits) are the report's.
"""

from __future__ import annotations

import heapq
import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import sqlite_utils

from store.accounts import per_person_figures
from store.errors import StoreError
from store.standards.business_time import Calendar
from store.stats.figures import FigureRow, GroupFigures, Grouping, feed
from store.stats.overview import empty_figures
from store.stats.records import Selection, StatsSource
from store.stats.suppliers import SupplierFigures, SupplierTally

TOP_REQUESTERS = 10
LONGEST_WAITS = 10


class ReportError(StoreError, ValueError):
    """A report that cannot be made as asked; one sentence for a person."""


@dataclass(frozen=True, slots=True)
class Wait:
    """One finished wait on a colleague department, for the list of the longest."""

    number: int  # the request's, as people know it
    subject: str
    department: str  # the colleague department waited on
    business_min: float


@dataclass(frozen=True, slots=True)
class StandardInForce:
    name: str
    first_response_min: float
    resolution_min: float | None
    calendar: Calendar | None  # None: the account's calendar


@dataclass(frozen=True, slots=True)
class ReportFigures:
    period: Selection
    previous: Selection
    department: str | None  # the requesting department the report is about; None: every request
    current: GroupFigures
    before: GroupFigures
    weekly: list[GroupFigures]  # keyed by the week's Monday, YYYY-MM-DD
    departments: list[GroupFigures]  # requesting departments, most requests first
    requesters: list[GroupFigures]  # the top requesters (address, name, department), most requests first
    suppliers: list[SupplierFigures]  # colleague departments waited on, longest total first
    longest_waits: list[Wait]
    agents: list[GroupFigures] | None  # None: per-person figures are off for a selected mailbox
    target: tuple[str, float] | None  # the most used standard and its first-response target in minutes
    standards: list[StandardInForce]
    calendars: list[tuple[str, Calendar]]  # (account name, its calendar)


def previous_period(period: Selection) -> Selection:
    """The period of the same length that ends the day before ``period`` starts."""
    if period.first is None or period.last is None:
        raise ReportError("a report needs a period with a first and a last day")
    days = (period.last - period.first).days + 1
    return Selection(period.first - timedelta(days=days), period.first - timedelta(days=1))


def _of_department(rows: Iterable[FigureRow], department: str | None) -> Iterator[FigureRow]:
    if department is None:
        return iter(rows)
    return (row for row in rows if row.department == department)


class _Taps:
    """What the report needs beside the groupings, gathered while the rows stream past."""

    def __init__(self) -> None:
        self.suppliers = SupplierTally()
        self.waits: list[tuple[float, int, int, Wait]] = []  # minutes, then number and order seen break ties
        self._seen = itertools.count()
        self.standards: dict[str, int] = {}

    def watch(self, rows: Iterable[FigureRow]) -> Iterator[FigureRow]:
        for row in rows:
            if row.standard:
                self.standards[row.standard] = self.standards.get(row.standard, 0) + 1
            if row.waits_json is not None:
                self.suppliers.add(row.request_id, row.waits_json)
                for department, _started, minutes in json.loads(row.waits_json):
                    if minutes is not None:
                        wait = Wait(row.number, row.subject, department, minutes)
                        entry = (minutes, -row.number, -next(self._seen), wait)
                        if len(self.waits) < LONGEST_WAITS:
                            heapq.heappush(self.waits, entry)
                        else:
                            heapq.heappushpop(self.waits, entry)
            yield row


def _total(db: sqlite_utils.Database, selection: Selection, department: str | None) -> GroupFigures:
    total = Grouping("total")
    feed(_of_department(StatsSource(db, selection).rows(), department), [total])
    found = total.result()
    return found[0] if found else empty_figures()


def _most_first(groups: list[GroupFigures]) -> list[GroupFigures]:
    return sorted(groups, key=lambda group: (-group.requests, group.key))


def report_figures(
    db: sqlite_utils.Database, first: date, last: date, department: str | None = None
) -> ReportFigures:
    """Every figure of the report for the requests received from ``first`` to ``last`` (inclusive), and the
    period of the same length before it for comparison."""
    period = Selection(first, last)
    previous = previous_period(period)
    if (
        department is not None
        and not db.execute("SELECT 1 FROM departments WHERE name = ?", [department]).fetchone()
    ):
        raise ReportError(f"--department: there is no department called {department!r}")
    source = StatsSource(db, period)
    per_person = per_person_figures(db)
    # The total and the departments are the requesters' groups merged (exact: merged groups keep every value),
    # which spares two of five groupings in the pass over a year of requests.
    names = ("week", "requester") + (("agent",) if per_person else ())
    groupings = {name: Grouping(name) for name in names}
    taps = _Taps()
    feed(taps.watch(_of_department(source.rows(), department)), list(groupings.values()))
    results = {name: grouping.result() for name, grouping in groupings.items() if name != "requester"}
    requesters = groupings["requester"]
    results["requester"] = requesters.regrouped(lambda key: key)
    results["total"] = requesters.regrouped(lambda key: ())
    results["department"] = requesters.regrouped(lambda key: (key[2],))
    by_name = {standard.name: (standard, calendar_id) for standard, calendar_id in source.standards.values()}
    target = None
    if taps.standards:
        most_used = max(taps.standards, key=lambda name: (taps.standards[name], name))
        target = (most_used, by_name[most_used][0].first_response_min) if most_used in by_name else None
    standards = []
    for standard, calendar_id in sorted(by_name.values(), key=lambda item: item[0].name):
        calendar = source.calendars.get(calendar_id) if calendar_id is not None else None
        standards.append(
            StandardInForce(standard.name, standard.first_response_min, standard.resolution_min, calendar)
        )
    return ReportFigures(
        period=period,
        previous=previous,
        department=department,
        current=results["total"][0] if results["total"] else empty_figures(),
        before=_total(db, previous, department),
        weekly=results["week"],
        departments=_most_first(results["department"]),
        requesters=_most_first(results["requester"])[:TOP_REQUESTERS],
        suppliers=sorted(taps.suppliers.result(), key=lambda s: (-s.total_business_min, s.department)),
        longest_waits=[wait for *_order, wait in sorted(taps.waits, reverse=True)],
        agents=_most_first(results["agent"]) if per_person else None,
        target=target,
        standards=standards,
        calendars=[(scope.name, scope.calendar) for scope in source.scopes],
    )
