"""Statistics against a naive reference: minute-by-minute walks and percentiles by the textbook definition."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.lifecycle import Event, status_periods
from store.standards.rules import Standard
from store.stats.figures import (
    Grouping,
    RequestFigures,
    RequestRecord,
    feed,
    flatten,
    group_figures,
    nearest_rank,
    request_figures,
)
from store.stats.suppliers import supplier_figures

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # a Monday
ZONE = ZoneInfo("Europe/Amsterdam")
OPEN_FROM, OPEN_TO = 9 * 60, 17 * 60  # a toy calendar: every day 09:00–17:00 UTC
STATUSES = ("open", "waiting", "waiting_colleague", "resolved")


def at(minute: int) -> datetime:
    return T0 + timedelta(minutes=minute)


def minute_of(moment: datetime) -> int:
    return int((moment - T0).total_seconds() // 60)


def is_open(minute: int) -> bool:
    return OPEN_FROM <= (minute + 8 * 60) % 1440 < OPEN_TO


def toy_timer(start: datetime, end: datetime, paused: Sequence[tuple[datetime, datetime]]) -> float:
    """Whole-minute inputs only: counts open minutes that lie in no paused interval."""
    return float(
        sum(
            1
            for m in range(minute_of(start), minute_of(end))
            if is_open(m) and not any(s <= at(m) < e for s, e in paused)
        )
    )


# ---- nearest rank ---------------------------------------------------------------------------------------------


def naive_rank(values: list[float], percent: int) -> float:
    rank = math.ceil(Fraction(percent, 100) * len(values))
    return sorted(values)[max(rank, 1) - 1]


@settings(deadline=None)
@given(
    st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=60), st.integers(1, 100)
)
def test_nearest_rank_is_the_ceil_rank_smallest_value(values: list[float], percent: int) -> None:
    assert nearest_rank(values, percent) == naive_rank(values, percent)


def test_median_of_an_even_count_is_the_lower_middle_and_p90_of_ten_is_the_ninth() -> None:
    assert nearest_rank([4, 1, 3, 2], 50) == 2
    assert nearest_rank(list(range(1, 11)), 90) == 9
    assert nearest_rank(list(range(1, 12)), 90) == 10  # ⌈9.9⌉ = 10
    assert nearest_rank([], 50) is None


# ---- per-request figures --------------------------------------------------------------------------------------

changes_strategy = st.lists(
    st.tuples(
        st.integers(1, 600), st.sampled_from(STATUSES), st.sampled_from(["", "Finance", "Engineering"])
    ),
    max_size=6,
)


@st.composite
def requests(draw: st.DrawFn) -> tuple[RequestRecord, list[tuple[int, str, str]]]:
    received = draw(st.integers(0, 3000))
    gaps = draw(changes_strategy)
    changes, minute = [], received
    for gap, status, department in gaps:
        previous = changes[-1][1] if changes else "new"
        if status == previous and status != "waiting_colleague":
            continue  # the store records no event for a status a request has already
        minute += gap
        changes.append((minute, status, department if status == "waiting_colleague" else ""))
    answered = draw(st.none() | st.integers(1, 4000))
    standard = draw(
        st.none()
        | st.builds(
            Standard,
            st.none(),
            st.none(),
            st.just("Standard"),
            st.integers(1, 900).map(float),
            st.none() | st.integers(1, 3000).map(float),
        )
    )
    status = changes[-1][1] if changes else "new"
    events = [Event(at(m), "status", data={"to": s, "department": d or None}) for m, s, d in changes]
    record = RequestRecord(
        request_id=draw(st.integers(1, 50)),
        number=draw(st.integers(100000, 999999)),
        requester="a@example.org",
        requester_name="A",
        department=draw(st.sampled_from(["", "Sales", "HR"])),
        subject="s",
        status=status,
        agent=draw(st.sampled_from(["", "anna", "bert"])),
        received_at=at(received),
        first_message_id="<m@x>",
        messages=1,
        first_response_at=None if answered is None else at(received + answered),
        resolved_at=None,
        standard=standard,
        zone=ZONE,
        periods=tuple(status_periods(at(received), events)),
    )
    return record, changes


def status_at(minute: int, changes: list[tuple[int, str, str]]) -> str:
    current = "new"
    for when, status, _ in changes:
        if when <= minute:
            current = status
    return current


def walk(start: int, end: int, changes: list[tuple[int, str, str]]) -> float:
    return float(sum(1 for m in range(start, end) if is_open(m) and status_at(m, changes) != "waiting"))


def reference(record: RequestRecord, changes: list[tuple[int, str, str]]) -> dict[str, object]:
    received = minute_of(record.received_at)
    first = None
    if record.first_response_at is not None:
        first = walk(received, minute_of(record.first_response_at), changes)
    resolved = None
    if changes and changes[-1][1] == "resolved":
        resolved_minute = max(m for m, s, _ in changes if s == "resolved")
        resolved = walk(received, resolved_minute, changes)
    reopened = sum(
        1
        for i, (_, s, _) in enumerate(changes)
        if i > 0 and changes[i - 1][1] == "resolved" and s != "resolved"
    )
    waits = []
    for i, (m, s, d) in enumerate(changes):
        if s == "waiting_colleague":
            end = changes[i + 1][0] if i + 1 < len(changes) else None
            minutes = None if end is None else float(sum(1 for x in range(m, end) if is_open(x)))
            waits.append((d, minutes))
    verdict = None
    standard = record.standard
    if standard is not None and first is not None:
        if first > standard.first_response_min:
            verdict = False
        elif standard.resolution_min is None:
            verdict = True
        elif resolved is not None:
            verdict = resolved <= standard.resolution_min
    return {"first": first, "resolved": resolved, "reopened": reopened, "waits": waits, "within": verdict}


@settings(max_examples=150, deadline=None)
@given(requests())
def test_request_figures_match_a_minute_by_minute_walk(case: tuple[RequestRecord, list]) -> None:
    record, changes = case
    figures = request_figures(record, toy_timer)
    expected = reference(record, changes)
    assert figures.first_response_business_min == expected["first"]
    assert figures.resolution_business_min == expected["resolved"]
    assert figures.reopened == expected["reopened"]
    assert figures.within_standard == expected["within"]
    assert [(w.department, w.business_min) for w in figures.colleague_waits] == expected["waits"]
    if record.first_response_at is not None:
        calendar = (record.first_response_at - record.received_at).total_seconds() / 60
        assert figures.first_response_calendar_min == calendar


def test_waiting_on_the_requester_pauses_the_resolution_timer_but_waiting_on_a_colleague_does_not() -> None:
    events = [
        Event(at(120), "status", data={"to": "waiting"}),  # 10:00–11:00 paused
        Event(at(180), "status", data={"to": "waiting_colleague", "department": "Engineering"}),
        Event(at(300), "status", data={"to": "resolved"}),
    ]
    record = _record(periods=tuple(status_periods(at(60), events)), status="resolved", answered=120)
    figures = request_figures(record, toy_timer)
    assert figures.first_response_business_min == 60
    assert figures.resolution_business_min == 180
    assert [(w.department, w.business_min) for w in figures.colleague_waits] == [("Engineering", 120)]


def _record(**changes: object) -> RequestRecord:
    answered = changes.pop("answered", None)
    values: dict[str, object] = {
        "request_id": 1,
        "number": 482913,
        "requester": "a@example.org",
        "requester_name": "A",
        "department": "Sales",
        "subject": "s",
        "status": "open",
        "agent": "",
        "received_at": at(60),
        "first_message_id": "<m@x>",
        "messages": 1,
        "first_response_at": None if answered is None else at(60 + int(answered)),  # type: ignore[call-overload]
        "resolved_at": None,
        "standard": None,
        "zone": ZONE,
    }
    values.update(changes)
    return RequestRecord(**values)  # type: ignore[arg-type]


def test_a_request_resolved_reopened_and_resolved_again_counts_one_reopening_and_the_last_resolution() -> (
    None
):
    events = [
        Event(at(120), "status", data={"to": "resolved"}),
        Event(at(180), "status", data={"to": "open"}),
        Event(at(240), "status", data={"to": "resolved"}),
    ]
    record = _record(periods=tuple(status_periods(at(60), events)), status="resolved")
    figures = request_figures(record, toy_timer)
    assert figures.reopened == 1
    assert figures.resolved_at == at(240)
    assert figures.resolution_business_min == 180


def test_pending_first_response_leaves_within_standard_open_and_a_late_one_says_no() -> None:
    standard = Standard(None, None, "Quick", 30.0)
    assert request_figures(_record(standard=standard), toy_timer).within_standard is None
    assert request_figures(_record(standard=standard, answered=31), toy_timer).within_standard is False
    assert request_figures(_record(standard=standard, answered=30), toy_timer).within_standard is True
    assert request_figures(_record(answered=30), toy_timer).within_standard is None


# ---- groups -----------------------------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.lists(requests(), max_size=25), st.sampled_from(["requester", "department", "agent", "month"]))
def test_group_figures_match_a_naive_grouping(cases: list[tuple[RequestRecord, list]], by: str) -> None:
    figures = [request_figures(record, toy_timer) for record, _ in cases]
    rows = group_figures([flatten(f) for f in figures], by)
    keys = {
        "requester": lambda f: (f.record.requester, f.record.requester_name, f.record.department),
        "department": lambda f: (f.record.department,),
        "agent": lambda f: (f.record.agent,),
        "month": lambda f: (f.record.received_at.astimezone(ZONE).strftime("%Y-%m"),),
    }[by]
    assert [row.key for row in rows] == sorted({keys(f) for f in figures})
    for row in rows:
        members = [f for f in figures if keys(f) == row.key]
        firsts = [f.first_response_business_min for f in members if f.first_response_business_min is not None]
        calendars = [
            f.first_response_calendar_min for f in members if f.first_response_calendar_min is not None
        ]
        resolutions = [f.resolution_business_min for f in members if f.resolution_business_min is not None]
        verdicts = [f.within_standard for f in members if f.within_standard is not None]
        assert row.requests == len(members)
        assert row.answered == len(firsts)
        assert row.first_response_median_business_min == (naive_rank(firsts, 50) if firsts else None)
        assert row.first_response_p90_business_min == (naive_rank(firsts, 90) if firsts else None)
        assert row.first_response_median_calendar_min == (naive_rank(calendars, 50) if calendars else None)
        assert row.resolved == len(resolutions)
        assert row.resolution_median_business_min == (naive_rank(resolutions, 50) if resolutions else None)
        assert row.reopened == sum(f.reopened for f in members)
        expected_pct = 100 * sum(verdicts) / len(verdicts) if verdicts else None
        assert row.within_standard_pct == expected_pct


def test_weeks_start_on_the_local_monday() -> None:
    sunday_night_utc = datetime(2026, 3, 8, 23, 30, tzinfo=UTC)  # Monday 00:30 in Amsterdam
    figures = request_figures(_record(received_at=sunday_night_utc), toy_timer)
    assert group_figures([flatten(figures)], "week")[0].key == ("2026-03-09",)


def _with_waits(request_id: int, waits: list[tuple[str, int, int | None]]) -> RequestFigures:
    events = []
    for department, start, end in waits:
        events.append(Event(at(start), "status", data={"to": "waiting_colleague", "department": department}))
        if end is not None:
            events.append(Event(at(end), "status", data={"to": "open"}))
    record = _record(request_id=request_id, periods=tuple(status_periods(at(60), events)))
    return request_figures(record, toy_timer)


def test_supplier_view_gives_median_and_p90_of_finished_waits_per_department_and_counts_open_ones() -> None:
    figures = [
        _with_waits(1, [("Engineering", 60, 120), ("Finance", 180, 200)]),
        _with_waits(2, [("Engineering", 60, 240)]),
        _with_waits(3, [("Engineering", 60, None)]),
    ]
    rows = {row.department: row for row in supplier_figures([flatten(f) for f in figures])}
    assert list(rows) == ["Engineering", "Finance"]
    engineering = rows["Engineering"]
    assert (engineering.waits, engineering.requests, engineering.ongoing) == (3, 3, 1)
    assert engineering.median_business_min == 60
    assert engineering.p90_business_min == 180
    assert engineering.total_business_min == 240
    assert rows["Finance"].median_business_min == 20


# ---- the overview of a period, from the store -------------------------------------------------------------------


def test_overview_of_a_store_matches_the_export_groupings_and_names_the_standard(tmp_path) -> None:
    from export_fixtures import add_request, add_standard, new_account, reply

    from store.db import open_memory_db
    from store.directory import add_domain_rule
    from store.stats.export import export
    from store.stats.overview import overview
    from store.stats.records import Cancelled, Selection

    db = open_memory_db()
    account = new_account(db)
    normal = add_standard(db, account, "Normal", 240)
    first = add_request(db, account, datetime(2026, 3, 2, 15, 30, tzinfo=UTC), standard_id=normal)
    reply(
        db, account, first, datetime(2026, 3, 3, 8, 30, tzinfo=UTC), "waiting_colleague", department="Legal"
    )
    second = add_request(
        db, account, datetime(2026, 3, 10, 9, 0, tzinfo=UTC), requester="bob@eng.example.org"
    )
    reply(db, account, second, datetime(2026, 3, 10, 10, 0, tzinfo=UTC))
    add_domain_rule(db, "finance.example.org", "Finance")

    result = overview(db, Selection(date(2026, 3, 1), date(2026, 3, 31)))
    assert result.total.requests == 2 and result.total.answered == 2
    assert result.total.first_response_median_business_min == 60.0
    assert [g.key for g in result.weekly] == [("2026-03-02",), ("2026-03-09",)]
    assert [(g.key, g.requests) for g in result.departments] == [(("",), 1), (("Finance",), 1)]
    assert [g.key[0] for g in result.requesters] == ["ann@finance.example.org", "bob@eng.example.org"]
    assert [(s.department, s.ongoing) for s in result.suppliers] == [("Legal", 1)]
    assert result.standard == ("Normal", 240.0)

    out = tmp_path / "by-department.csv"
    export(db, out, "csv", by="department")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[2].startswith("Finance,1,1,60.0,60.0,1020.0,100.0,0,")

    with pytest.raises(Cancelled):
        overview(db, Selection(), cancelled=lambda: True)
    assert overview(db, Selection(date(2027, 1, 1), None)).total.requests == 0


@settings(max_examples=40, deadline=None)
@given(st.lists(requests(), max_size=20))
def test_departments_merged_from_requesters_equal_departments_grouped_directly(cases: list) -> None:
    rows = [flatten(request_figures(record, toy_timer)) for record, _ in cases]
    by_requester = Grouping("requester")
    feed(rows, [by_requester])
    assert by_requester.regrouped(lambda key: (key[2],)) == group_figures(rows, "department")
    assert by_requester.regrouped(lambda key: ()) == group_figures(rows, "total")
