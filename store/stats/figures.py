"""Response statistics a team lead can defend: pure functions over per-request facts, no clock and no database.

The facts (``RequestRecord``) come from the store's requests, messages and status events (``store.stats.records``);
everything here derives figures from them, so any period and any grouping is recomputed from the same definitions.
Percentiles are nearest-rank (DESIGN.md): P90 of N values is the ⌈0.9·N⌉-th smallest, the median the ⌈0.5·N⌉-th.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from operator import itemgetter
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from store.lifecycle import Period
from store.standards.rules import Standard
from store.vocabulary import Channel, RequestStatus

GROUPINGS = ("request", "requester", "department", "agent", "month")
GROUP_COLUMNS: dict[str, tuple[str, ...]] = {
    "requester": ("requester", "requester_name", "department"),
    "department": ("department",),
    "agent": ("agent",),
    "month": ("month",),
}

_FOREVER = datetime.max.replace(tzinfo=UTC)

Timer = Callable[[datetime, datetime, Sequence[tuple[datetime, datetime]]], float]
"""Business minutes of a request's calendar between two instants, minus paused intervals."""


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """What the store knows about one request, as plain values."""

    request_id: int  # the store's row: what its kept figures are filed under
    number: int  # what people call it: what an export and a report show
    requester: str
    requester_name: str
    department: str
    subject: str
    status: str
    agent: str
    received_at: datetime
    first_message_id: str
    messages: int
    first_response_at: datetime | None  # earliest Date of a desk message later than received_at
    resolved_at: datetime | None  # the request's own column, used when no status event says when
    standard: Standard | None
    zone: ZoneInfo
    periods: tuple[Period, ...] = ()  # from ``store.lifecycle.status_periods``, in time order
    channel: str = Channel.EMAIL  # how the request reached the desk
    satisfaction: int | None = None  # the requester's latest rating, 1–5
    # Resolved now by the first sync's filing of imported history (store.history): when it was really resolved is
    # unknown, so it adds no resolution time.
    filed_as_history: bool = False


@dataclass(frozen=True, slots=True)
class ColleagueWait:
    """A span in ``waiting_colleague`` on one department; ``business_min`` is None while it lasts."""

    department: str
    started_at: datetime
    business_min: float | None


@dataclass(frozen=True, slots=True)
class RequestFigures:
    record: RequestRecord
    first_response_business_min: float | None
    first_response_calendar_min: float | None
    resolved_at: datetime | None
    resolution_business_min: float | None
    within_standard: bool | None  # None: no standard, or the verdict is still open
    reopened: int
    colleague_waits: tuple[ColleagueWait, ...]


def nearest_rank(values: Sequence[float], percent: int, *, ordered: bool = False) -> float | None:
    """The ⌈percent/100·N⌉-th smallest value (at least the first); None for no values. Exact integer ranks.

    ``ordered`` says the values are sorted already, which spares a copy per percentile over a year of requests.
    """
    if not values:
        return None
    rank = max(1, -(-percent * len(values) // 100))
    return (values if ordered else sorted(values))[rank - 1]


def _spans(record: RequestRecord, status: str) -> Iterator[tuple[datetime, datetime, str]]:
    """Intervals the request spent in ``status`` (start, end, department); one still lasting ends at ``_FOREVER``."""
    for period in record.periods:
        if period.status == status:
            yield period.start, period.end or _FOREVER, period.department or ""


def _resolved_at(record: RequestRecord) -> datetime | None:
    """When the request was last resolved, if it is resolved now."""
    if record.status != RequestStatus.RESOLVED:
        return None
    if record.periods and record.periods[-1].status == RequestStatus.RESOLVED:
        return record.periods[-1].start
    return record.resolved_at


def _reopened(record: RequestRecord) -> int:
    periods = record.periods
    return sum(
        1
        for before, after in pairwise(periods)
        if before.status == RequestStatus.RESOLVED and after.status != RequestStatus.RESOLVED
    )


def _verdict(
    standard: Standard | None, first_response: float | None, resolution: float | None
) -> bool | None:
    """Within the standard: first response within its target and, when it has one, resolution within that too."""
    if standard is None or first_response is None:
        return None
    if first_response > standard.first_response_min:
        return False
    if standard.resolution_min is None:
        return True
    if resolution is None:
        return None
    return resolution <= standard.resolution_min


def _overlapping(
    spans: list[tuple[datetime, datetime]], start: datetime, end: datetime
) -> list[tuple[datetime, datetime]]:
    return [(low, high) for low, high in spans if low < end and high > start]


def request_figures(record: RequestRecord, timer: Timer) -> RequestFigures:
    """The per-request figures; timers pause while the request waits on the requester (DESIGN.md)."""
    paused = [(start, end) for start, end, _ in _spans(record, RequestStatus.WAITING)]
    received = record.received_at
    responded = record.first_response_at
    first_business = first_calendar = None
    if responded is not None:
        first_business = timer(received, responded, _overlapping(paused, received, responded))
        first_calendar = (responded - received).total_seconds() / 60.0
    resolved = _resolved_at(record)
    resolution = None
    if resolved is not None and not record.filed_as_history:
        resolution = timer(received, resolved, _overlapping(paused, received, resolved))
    waits = tuple(
        ColleagueWait(department, start, None if end is _FOREVER else timer(start, end, ()))
        for start, end, department in _spans(record, RequestStatus.WAITING_COLLEAGUE)
    )
    return RequestFigures(
        record=record,
        first_response_business_min=first_business,
        first_response_calendar_min=first_calendar,
        resolved_at=resolved,
        resolution_business_min=resolution,
        within_standard=_verdict(record.standard, first_business, resolution),
        reopened=_reopened(record),
        colleague_waits=waits,
    )


def week_and_month(moment: datetime, zone: ZoneInfo) -> tuple[date, str]:
    """The Monday of the local week ``moment`` falls in, and its local month as YYYY-MM."""
    local = moment.astimezone(zone).date()
    return local - timedelta(days=local.weekday()), f"{local.year:04d}-{local.month:02d}"


class FigureRow(NamedTuple):
    """One request's figures flattened for grouping and export: instants as ISO 8601 text in the account's zone
    (``tz``) with its UTC offset, to the second, as the export writes them; the verdict as 1/0/None. It is what
    ``request_figures`` yields once flattened, and what the store keeps per request."""

    request_id: int
    number: int
    requester: str
    requester_name: str
    department: str
    subject: str
    status: str
    agent: str
    received_at: str
    first_message_id: str
    messages: int
    first_response_at: str | None
    first_response_business_min: float | None
    first_response_calendar_min: float | None
    resolved_at: str | None
    resolution_business_min: float | None
    standard: str
    within_standard: int | None
    reopened: int
    week: str  # YYYY-MM-DD of the local Monday
    month: str  # YYYY-MM, local
    waits_json: str | None  # [[department, started_at, business_min or null], ...]
    tz: str
    channel: str = Channel.EMAIL
    satisfaction: int | None = None


def _text(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()


def _local(moment: datetime | None, zone: ZoneInfo) -> str | None:
    return None if moment is None else moment.astimezone(zone).isoformat(timespec="seconds")


def flatten(figures: RequestFigures) -> FigureRow:
    record = figures.record
    zone = record.zone
    waits = [[w.department, _text(w.started_at), w.business_min] for w in figures.colleague_waits]
    within = figures.within_standard
    monday, month = week_and_month(record.received_at, record.zone)
    return FigureRow(
        request_id=record.request_id,
        number=record.number,
        requester=record.requester,
        requester_name=record.requester_name,
        department=record.department,
        subject=record.subject,
        status=record.status,
        agent=record.agent,
        received_at=_local(record.received_at, zone) or "",
        first_message_id=record.first_message_id,
        messages=record.messages,
        first_response_at=_local(record.first_response_at, zone),
        first_response_business_min=figures.first_response_business_min,
        first_response_calendar_min=figures.first_response_calendar_min,
        resolved_at=_local(figures.resolved_at, zone),
        resolution_business_min=figures.resolution_business_min,
        standard=record.standard.name if record.standard else "",
        within_standard=None if within is None else int(within),
        reopened=figures.reopened,
        week=monday.isoformat(),
        month=month,
        waits_json=json.dumps(waits, ensure_ascii=False) if waits else None,
        tz=zone.key,
        channel=record.channel,
        satisfaction=record.satisfaction,
    )


Measures = tuple[float | None, float | None, int | None, float | None, int, int | None]
"""What a group adds up per request: first response business and calendar minutes, verdict, resolution, reopened,
rating."""

MEASURE_FIELDS = (
    "first_response_business_min",
    "first_response_calendar_min",
    "within_standard",
    "resolution_business_min",
    "reopened",
    "satisfaction",
)


@dataclass(frozen=True, slots=True)
class GroupFigures:
    """The DESIGN.md group columns plus what the in-app view shows besides (P90s, reopened)."""

    key: tuple[str, ...]
    requests: int
    answered: int
    first_response_median_business_min: float | None
    first_response_p90_business_min: float | None
    first_response_median_calendar_min: float | None
    first_response_p90_calendar_min: float | None
    within_standard_pct: float | None  # None when no request of the group has a verdict yet
    resolved: int
    resolution_median_business_min: float | None
    resolution_p90_business_min: float | None
    reopened: int
    ratings: int = 0  # requests of the group with a rating
    satisfaction_avg: float | None = None  # the mean of their latest ratings, 1–5


@dataclass(slots=True)
class _Split:
    """A group's measures split by kind, the pending ones left out; groups merge by joining these lists."""

    requests: int
    first_business: list[float]
    first_calendar: list[float]
    verdicts: list[int]
    resolution: list[float]
    reopened: int
    ratings: list[int]


def _split(measures: list[Measures]) -> _Split:
    """Measures are kept as tuples while rows stream in (one append per request is all a pass over a year costs);
    they are split here once per group, in bulk."""
    first_business, first_calendar, verdicts, resolution, reopened, ratings = zip(*measures, strict=True)
    return _Split(
        requests=len(measures),
        first_business=[value for value in first_business if value is not None],
        first_calendar=[value for value in first_calendar if value is not None],
        verdicts=[value for value in verdicts if value is not None],
        resolution=[value for value in resolution if value is not None],
        reopened=sum(reopened),
        ratings=[value for value in ratings if value is not None],
    )


def _merge(splits: Iterable[_Split]) -> _Split:
    merged = _Split(0, [], [], [], [], 0, [])
    for split in splits:
        merged.requests += split.requests
        merged.first_business += split.first_business
        merged.first_calendar += split.first_calendar
        merged.verdicts += split.verdicts
        merged.resolution += split.resolution
        merged.reopened += split.reopened
        merged.ratings += split.ratings
    return merged


def _finish(key: tuple[str, ...], split: _Split) -> GroupFigures:
    first_business = sorted(split.first_business)
    first_calendar = sorted(split.first_calendar)
    resolution = sorted(split.resolution)
    verdicts = split.verdicts
    return GroupFigures(
        key=key,
        requests=split.requests,
        answered=len(first_business),
        first_response_median_business_min=nearest_rank(first_business, 50, ordered=True),
        first_response_p90_business_min=nearest_rank(first_business, 90, ordered=True),
        first_response_median_calendar_min=nearest_rank(first_calendar, 50, ordered=True),
        first_response_p90_calendar_min=nearest_rank(first_calendar, 90, ordered=True),
        within_standard_pct=100.0 * sum(verdicts) / len(verdicts) if verdicts else None,
        resolved=len(resolution),
        resolution_median_business_min=nearest_rank(resolution, 50, ordered=True),
        resolution_p90_business_min=nearest_rank(resolution, 90, ordered=True),
        reopened=split.reopened,
        ratings=len(split.ratings),
        satisfaction_avg=sum(split.ratings) / len(split.ratings) if split.ratings else None,
    )


GROUP_FIELDS: dict[str, tuple[str, ...]] = {
    "total": (),
    "week": ("week",),  # the local Monday, YYYY-MM-DD
    "requester_row": ("requester",),  # the requester field alone: in lean rows, the requester's row id
    **GROUP_COLUMNS,
}


class Grouping:
    """Figures per distinct value of some fields of a row layout (``FigureRow`` unless told otherwise); several
    groupings of the same layout share one pass (``feed``)."""

    def __init__(self, by: str, layout: Sequence[str] = FigureRow._fields) -> None:
        if by not in GROUP_FIELDS:
            raise ValueError(f"unknown grouping {by!r}: choose one of {', '.join(GROUP_FIELDS)}")
        fields = GROUP_FIELDS[by]
        self.fields = fields
        indices = [layout.index(name) for name in fields]
        # itemgetter is C code: the key costs next to nothing per row, which a year of requests needs.
        self.key: Callable[[Sequence[Any]], Any] = itemgetter(*indices) if indices else _no_key
        self.measures: Callable[[Sequence[Any]], Measures] = itemgetter(
            *(layout.index(f) for f in MEASURE_FIELDS)
        )
        self.groups: dict[Any, list[Measures]] = {}
        self._splits: dict[Any, _Split] | None = None  # made once, on the first regrouping after the pass

    def result(self) -> list[GroupFigures]:
        """One ``GroupFigures`` per key, sorted by key."""
        single = len(self.fields) == 1
        return [_finish((key,) if single else key, _split(self.groups[key])) for key in sorted(self.groups)]

    def regrouped(self, coarser: Callable[[Any], tuple[str, ...]]) -> list[GroupFigures]:
        """Figures per ``coarser(key)``, merging the groups that map together (requesters into departments);
        exact, since the merged groups keep every value, and far cheaper than a second pass over the rows."""
        if self._splits is None:
            self._splits = {key: _split(measures) for key, measures in self.groups.items()}
        together: dict[tuple[str, ...], list[_Split]] = {}
        for key, split in self._splits.items():
            together.setdefault(coarser(key), []).append(split)
        return [_finish(key, _merge(together[key])) for key in sorted(together)]


def _no_key(row: Sequence[Any]) -> tuple[()]:
    return ()


def feed(rows: Iterable[Sequence[Any]], groupings: Sequence[Grouping]) -> None:
    """Add every row to every grouping (all of one layout), in one pass."""
    if not groupings:
        return
    measure = groupings[0].measures
    targets = [(grouping.key, grouping.groups) for grouping in groupings]
    for row in rows:
        measures = measure(row)
        for key, groups in targets:
            group = groups.get(key(row))
            if group is None:
                groups[key(row)] = [measures]
            else:
                group.append(measures)


def group_figures(rows: Iterable[FigureRow], by: str) -> list[GroupFigures]:
    """Figures per group: ``by`` is one of the export groupings, "week" or "total"."""
    grouping = Grouping(by)
    feed(rows, [grouping])
    return grouping.result()
