"""The report's figures are the export's: the same rows, groupings and rounding, for the period, the period before
it, a requesting department and each colleague; per-person figures can be switched off."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from export_fixtures import add_request, new_account, reply

from bench.export import generate
from store import lifecycle
from store.accounts import per_person_figures, set_per_person_figures
from store.db import open_db, open_memory_db
from store.stats.export import GROUP_FIGURE_COLUMNS, ExportError, export
from store.stats.figures import GroupFigures
from store.stats.records import Selection
from store.stats.report import ReportError, previous_period, report_figures


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("report")
    generate(open_db(directory), 1500)
    return directory


def exported(data_dir: Path, tmp_path: Path, by: str, first: date, last: date) -> dict[str, dict[str, str]]:
    out = tmp_path / f"{by}.csv"
    export(open_db(data_dir), out, "csv", by, Selection(first, last))
    with open(out, encoding="utf-8", newline="") as handle:
        return {row[by if by != "request" else "request_id"]: row for row in csv.DictReader(handle)}


def as_exported(group: GroupFigures) -> dict[str, str]:
    """The figures as the export's CSV writes them: counts, and minutes and percentages to one decimal."""
    values = {name: getattr(group, name) for name in GROUP_FIGURE_COLUMNS}
    return {
        name: "" if value is None else str(round(value, 1) if isinstance(value, float) else value)
        for name, value in values.items()
    }


def test_the_period_and_the_one_before_equal_the_export_for_the_same_dates(data_dir, tmp_path):
    figures = report_figures(open_db(data_dir), date(2025, 2, 1), date(2025, 2, 28))
    assert (figures.previous.first, figures.previous.last) == (date(2025, 1, 4), date(2025, 1, 31))
    now = exported(data_dir, tmp_path, "month", date(2025, 2, 1), date(2025, 2, 28))["2025-02"]
    before = exported(data_dir, tmp_path, "month", date(2025, 1, 4), date(2025, 1, 31))["2025-01"]
    assert figures.current.requests > 50 and figures.current.reopened >= 0
    assert as_exported(figures.current) == {name: now[name] for name in GROUP_FIGURE_COLUMNS}
    assert as_exported(figures.before) == {name: before[name] for name in GROUP_FIGURE_COLUMNS}
    weekly = sum(week.requests for week in figures.weekly)
    assert weekly == figures.current.requests


def test_a_requesting_department_and_each_colleague_equal_their_export_rows(data_dir, tmp_path):
    first, last = date(2025, 4, 1), date(2025, 6, 30)
    figures = report_figures(open_db(data_dir), first, last, department="Finance")
    by_department = exported(data_dir, tmp_path, "department", first, last)
    assert as_exported(figures.current) == {
        name: by_department["Finance"][name] for name in GROUP_FIGURE_COLUMNS
    }
    assert [group.key for group in figures.departments] == [("Finance",)]
    everyone = report_figures(open_db(data_dir), first, last)
    by_agent = exported(data_dir, tmp_path, "agent", first, last)
    assert everyone.agents is not None
    assert {g.key[0]: as_exported(g) for g in everyone.agents} == {
        agent: {name: row[name] for name in GROUP_FIGURE_COLUMNS} for agent, row in by_agent.items()
    }
    assert [g.requests for g in everyone.requesters] == sorted(
        (g.requests for g in everyone.requesters), reverse=True
    )


def test_waits_on_colleagues_are_totalled_and_the_longest_listed(data_dir):
    figures = report_figures(open_db(data_dir), date(2025, 1, 1), date(2025, 12, 31))
    assert figures.suppliers and figures.longest_waits
    longest = [wait.business_min for wait in figures.longest_waits]
    assert longest == sorted(longest, reverse=True)
    assert longest[0] == max(s.longest_business_min or 0 for s in figures.suppliers)
    for supplier in figures.suppliers:
        assert supplier.median_business_min <= supplier.longest_business_min <= supplier.total_business_min
    totals = [s.total_business_min for s in figures.suppliers]
    assert totals == sorted(totals, reverse=True)


def test_a_long_wait_names_its_request_by_number():
    db = open_memory_db()
    account = new_account(db)
    add_request(db, account, datetime(2026, 3, 2, 8, 0, tzinfo=UTC), number=300001)
    request_id = add_request(
        db, account, datetime(2026, 3, 2, 9, 0, tzinfo=UTC), subject="Laptop", number=482913
    )
    answered = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    reply(db, account, request_id, answered, status_after="waiting_colleague", department="Engineering")
    lifecycle.set_status(db, request_id, "open", "anna", datetime(2026, 3, 3, 10, 0, tzinfo=UTC))
    figures = report_figures(db, date(2026, 3, 1), date(2026, 3, 31))
    assert request_id != 482913
    assert [(wait.number, wait.subject, wait.department) for wait in figures.longest_waits] == [
        (482913, "Laptop", "Engineering")
    ]


def test_two_waits_of_one_request_as_long_as_each_other_on_two_departments_are_both_listed():
    db = open_memory_db()
    account = new_account(db)
    request_id = add_request(db, account, datetime(2026, 3, 2, 9, 0, tzinfo=UTC), subject="Laptop")
    for day, department in ((2, "Engineering"), (4, "Inkoop")):
        asked = datetime(2026, 3, day, 10, 0, tzinfo=UTC)
        reply(db, account, request_id, asked, status_after="waiting_colleague", department=department)
        lifecycle.set_status(db, request_id, "open", "anna", asked + timedelta(days=1))
    waits = report_figures(db, date(2026, 3, 1), date(2026, 3, 31)).longest_waits
    assert sorted(wait.department for wait in waits) == ["Engineering", "Inkoop"]
    assert waits[0].business_min == waits[1].business_min


def test_per_person_figures_switched_off_leave_the_report_and_the_export_by_agent(data_dir, tmp_path):
    db = open_db(data_dir)
    account_id = db.execute("SELECT id FROM accounts").fetchone()[0]
    set_per_person_figures(db, account_id, False)
    try:
        assert not per_person_figures(db)
        assert report_figures(db, date(2025, 3, 1), date(2025, 3, 31)).agents is None
        with pytest.raises(ExportError, match="works council"):
            export(db, tmp_path / "agents.csv", "csv", "agent")
        assert not list(tmp_path.iterdir())
        export(db, tmp_path / "months.csv", "csv", "month")  # the team's figures stay
    finally:
        set_per_person_figures(db, account_id, True)


def test_a_period_needs_both_ends_and_an_unknown_department_is_refused(data_dir):
    with pytest.raises(ReportError, match="first and a last day"):
        previous_period(Selection(date(2025, 1, 1), None))
    with pytest.raises(ReportError, match="no department called 'Nowhere'"):
        report_figures(open_db(data_dir), date(2025, 1, 1), date(2025, 1, 31), department="Nowhere")
