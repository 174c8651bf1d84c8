"""The period report as a PDF a team lead hands round: key figures against the previous period, weekly charts, who
asks, whom we waited on, per person (unless switched off), and a page of definitions.

Every figure comes from ``store.stats.report``, which reads the export's rows: the key figures are shown in
minutes to one decimal exactly as ``loket export`` writes them, next to hours for reading. Texts go through the
interface's translations and numbers and dates through ``QLocale``, so the caller picks the language by installing
it. The file appears under its name only when complete (``store.stats.export.atomic_file``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale

from desktop.i18n import tr
from desktop.pdf_pages import PageError, PdfPages, Series
from store.standards.business_time import Calendar
from store.stats.definitions import definitions
from store.stats.export import ExportError, atomic_file
from store.stats.figures import GroupFigures
from store.stats.report import ReportFigures

NONE = "–"
# The key figures with the export column each one is, whose definition the last page repeats.
_DEFINED: tuple[tuple[str, str], ...] = (
    ("Requests received", "requests"),
    ("Answered", "answered"),
    ("First response, median", "first_response_median_business_min"),
    ("First response, P90", "first_response_p90_business_min"),
    ("Within standard", "within_standard_pct"),
    ("Resolved", "resolved"),
    ("Resolution, median", "resolution_median_business_min"),
    ("Ratings", "ratings"),
    ("Satisfaction (1–5)", "satisfaction_avg"),
)


def _day(day: date | None) -> str:
    if day is None:
        return NONE
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def _span(first: date | None, last: date | None) -> str:
    return f"{_day(first)} – {_day(last)}"


def _count(value: int) -> str:
    return QLocale().toString(value)


def _decimal(value: float) -> str:
    return QLocale().toString(round(value, 1), "f", 1)


def _hours(minutes: float | None) -> str:
    return NONE if minutes is None else _decimal(minutes / 60.0)


def _minutes(minutes: float | None) -> str:
    """Minutes as the export writes them (one decimal), with business hours beside them for reading."""
    if minutes is None:
        return NONE
    return tr("%1 min (%2 h)").replace("%1", _decimal(minutes)).replace("%2", _hours(minutes))


def _pct(value: float | None) -> str:
    return NONE if value is None else _decimal(value) + "\u202f%"


def _change(now: float | None, before: float | None, unit: str | None) -> str:
    """The difference as shown: whole for counts (``unit`` None), else to one decimal with the unit."""
    if now is None or before is None:
        return NONE
    difference = round(now, 1) - round(before, 1)
    sign = "+" if difference > 0 else ("−" if difference < 0 else "±")
    if unit is None:
        return f"{sign}{_count(round(abs(difference)))}"
    return f"{sign}{_decimal(abs(difference))}{unit}"


def _score(value: float | None) -> str:
    return NONE if value is None else _decimal(value)


def _key_figures(pages: PdfPages, figures: ReportFigures) -> None:
    now, before = figures.current, figures.before

    def count(value: float | None) -> str:
        return _count(int(value or 0))

    rows: list[
        tuple[str, Callable[[GroupFigures], float | None], Callable[[float | None], str], str | None]
    ] = [
        (tr("Requests received"), lambda g: g.requests, count, None),
        (tr("Answered"), lambda g: g.answered, count, None),
        (tr("First response, median"), lambda g: g.first_response_median_business_min, _minutes, " min"),
        (tr("First response, P90"), lambda g: g.first_response_p90_business_min, _minutes, " min"),
        (tr("Within standard"), lambda g: g.within_standard_pct, _pct, " pt"),
        (tr("Resolved"), lambda g: g.resolved, count, None),
        (tr("Resolution, median"), lambda g: g.resolution_median_business_min, _minutes, " min"),
        (tr("Reopened"), lambda g: g.reopened, count, None),
        (tr("Ratings"), lambda g: g.ratings, count, None),
        (tr("Satisfaction (1–5)"), lambda g: g.satisfaction_avg, _score, ""),
    ]
    table = [
        [label, show(value(now)), show(value(before)), _change(value(now), value(before), unit)]
        for label, value, show, unit in rows
    ]
    pages.add_heading(tr("Key figures"))
    pages.add_table(
        [tr("Figure"), tr("This period"), tr("Previous period"), tr("Change")], table, (3.2, 2.6, 2.6, 1.6)
    )
    pages.add_paragraph(
        tr("Times are business hours of each request's calendar; previous period: %1.").replace(
            "%1", _span(figures.previous.first, figures.previous.last)
        ),
        points=8.5,
    )
    if figures.target is not None:
        name, target = figures.target
        pages.add_paragraph(
            tr("Standard most requests fall under: “%1”, first response within %2.")
            .replace("%1", name)
            .replace("%2", _minutes(target)),
            points=8.5,
        )


def _charts(pages: PdfPages, figures: ReportFigures) -> None:
    weeks = figures.weekly
    if not weeks:
        return
    labels = [_day(date.fromisoformat(week.key[0])) for week in weeks]

    def points(value: Callable[[GroupFigures], float | None], scale: float = 1.0) -> list[tuple[int, float]]:
        return [(i, v / scale) for i, week in enumerate(weeks) if (v := value(week)) is not None]

    pages.add_heading(tr("Week by week"), keep_with=70)
    target = None
    if figures.target is not None:
        target = (
            tr("Standard “%1”: %2 h")
            .replace("%1", figures.target[0])
            .replace("%2", _hours(figures.target[1])),
            figures.target[1] / 60.0,
        )
    pages.add_chart(
        tr("First response per week (business hours)"),
        labels,
        [
            Series(tr("Median"), points(lambda w: w.first_response_median_business_min, 60.0)),
            Series(tr("P90"), points(lambda w: w.first_response_p90_business_min, 60.0)),
        ],
        " h",
        target=target,
    )
    pages.add_chart(
        tr("Share within standard per week"),
        labels,
        [Series(tr("Within standard (%)"), points(lambda w: w.within_standard_pct))],
        " %",
        top=100.0,
    )
    pages.add_chart(
        tr("Requests per week"),
        labels,
        [
            Series(tr("Received"), points(lambda w: float(w.requests))),
            Series(tr("Answered"), points(lambda w: float(w.answered))),
        ],
        "",
    )


def _who_asks(pages: PdfPages, figures: ReportFigures) -> None:
    pages.add_heading(tr("Who asks"))
    if not figures.departments:
        pages.add_paragraph(tr("No requests were received in this period."))
        return
    header = [
        tr("Department"), tr("Requests"), tr("Answered"), tr("Median (h)"), tr("P90 (h)"), tr("Within standard"),
        tr("Resolved"),
    ]  # fmt: skip
    rows = [
        [
            group.key[0] or tr("(no department)"),
            _count(group.requests),
            _count(group.answered),
            _hours(group.first_response_median_business_min),
            _hours(group.first_response_p90_business_min),
            _pct(group.within_standard_pct),
            _count(group.resolved),
        ]
        for group in figures.departments
    ]
    pages.add_table(header, rows, (3.4, 1.3, 1.4, 1.4, 1.3, 1.6, 1.3))
    pages.add_heading(tr("Top requesters"), keep_with=20)
    rows = [
        [
            f"{group.key[1]} <{group.key[0]}>" if group.key[1] else group.key[0],
            group.key[2] or NONE,
            _count(group.requests),
            _hours(group.first_response_median_business_min),
            _pct(group.within_standard_pct),
        ]
        for group in figures.requesters
    ]
    header = [tr("Requester"), tr("Department"), tr("Requests"), tr("Median (h)"), tr("Within standard")]
    pages.add_table(header, rows, (4.6, 2.2, 1.3, 1.4, 1.6), texts=2)


def _waited_on(pages: PdfPages, figures: ReportFigures) -> None:
    pages.add_heading(tr("We waited on"))
    pages.add_paragraph(
        tr(
            "Each colleague department the desk forwarded to (status “waiting on colleague”): how many requests, and "
            "the business hours they waited, finished waits only; waits still running are counted apart."
        ),
        points=8.5,
    )
    if not figures.suppliers:
        pages.add_paragraph(tr("No request waited on a colleague department in this period."))
        return
    header = [
        tr("Colleague department"), tr("Requests"), tr("Total (h)"), tr("Median (h)"), tr("Longest (h)"),
        tr("Still waiting"),
    ]  # fmt: skip
    rows = [
        [
            supplier.department or tr("(no department)"),
            _count(supplier.requests),
            _hours(supplier.total_business_min),
            _hours(supplier.median_business_min),
            _hours(supplier.longest_business_min),
            _count(supplier.ongoing),
        ]
        for supplier in figures.suppliers
    ]
    pages.add_table(header, rows, (3.4, 1.3, 1.4, 1.4, 1.4, 1.4))
    if figures.longest_waits:
        pages.add_heading(tr("The longest waits"), keep_with=20)
        rows = [
            [f"#{wait.number}", wait.subject, wait.department, _hours(wait.business_min)]
            for wait in figures.longest_waits
        ]
        header = [tr("Request"), tr("Subject"), tr("Waited on"), tr("Business hours")]
        pages.add_table(header, rows, (1.2, 4.5, 2.2, 1.5), texts=3)


def _per_person(pages: PdfPages, figures: ReportFigures) -> None:
    pages.add_heading(tr("Per person"))
    if figures.agents is None:
        pages.add_paragraph(
            tr(
                "Per-person figures are switched off for this mailbox: monitoring individual performance needs the "
                "works council's consent. The team's figures are on the first page."
            )
        )
        return
    header = [
        tr("Colleague"),
        tr("Requests"),
        tr("Answered"),
        tr("First response, median (h)"),
        tr("Within standard"),
    ]

    def row(name: str, group: GroupFigures) -> list[str]:
        return [
            name,
            _count(group.requests),
            _count(group.answered),
            _hours(group.first_response_median_business_min),
            _pct(group.within_standard_pct),
        ]

    rows = [row(group.key[0] or tr("(not assigned)"), group) for group in figures.agents]
    rows.append(row(tr("Team"), figures.current))
    pages.add_table(header, rows, (3.6, 1.4, 1.4, 2.2, 1.8), bold_last=True)


def describe_calendar(calendar: Calendar) -> str:
    """Opening hours, time zone and closed days in the interface language."""
    locale = QLocale()
    days = []
    for number, spans in enumerate(calendar.hours):
        if spans:
            hours = ", ".join(f"{start:%H:%M}–{'24:00' if end.hour == end.minute == 0 else f'{end:%H:%M}'}"
                              for start, end in spans)  # fmt: skip
            days.append(f"{locale.dayName(number + 1, QLocale.FormatType.ShortFormat)} {hours}")
    text = f"{'; '.join(days)} ({calendar.tz})"
    if calendar.holidays:
        text += "; " + tr("closed on the public holidays of %1").replace("%1", calendar.holidays)
    if calendar.closed_days:
        text += "; " + tr("extra closed days: %1").replace("%1", _count(len(calendar.closed_days)))
    return text


def _definitions(pages: PdfPages, figures: ReportFigures, language: str) -> None:
    pages.new_page()
    pages.add_heading(tr("Definitions"))
    texts = definitions(language)
    for label, column in _DEFINED:
        pages.add_definition(tr(label), f"{column}: {texts[column]}")
    pages.add_definition(
        tr("Reopened"),
        tr("How often a resolved request of the period was opened again (by the requester or the desk)."),
    )
    pages.add_definition(
        tr("Previous period"),
        tr("The same number of days directly before the period, with the same definitions."),
    )
    pages.add_definition(
        tr("We waited on"),
        tr(
            "Time a request spent in the status “waiting on colleague”, per colleague department named when it was "
            "forwarded, in business hours of the request's calendar."
        ),
    )
    pages.add_heading(tr("Standards and calendars in force"), keep_with=15)
    for standard in figures.standards:
        target = tr("first response within %1").replace("%1", _minutes(standard.first_response_min))
        if standard.resolution_min is not None:
            target += "; " + tr("resolved within %1").replace("%1", _minutes(standard.resolution_min))
        where = describe_calendar(standard.calendar) if standard.calendar else tr("the mailbox's calendar")
        pages.add_definition(standard.name, f"{target}; {where}")
    for name, calendar in figures.calendars:
        pages.add_definition(tr("Mailbox %1").replace("%1", name), describe_calendar(calendar))


def _subtitle(figures: ReportFigures) -> str:
    who = (
        tr("requests from %1").replace("%1", figures.department) if figures.department else tr("all requests")
    )
    return tr("%1 · %2").replace("%1", _span(figures.period.first, figures.period.last)).replace("%2", who)


def write_report(figures: ReportFigures, path: Path, generated: str) -> None:
    """Write the report to ``path`` in the installed language; raises ``ExportError`` when the file cannot be
    written, leaving no half-written file."""
    language = QLocale().name().split("_")[0]
    title = tr("Service report")
    with atomic_file(path) as temporary:
        try:
            pages = PdfPages(
                temporary, title, tr("Loket · %1 · made %2").replace("%1", title).replace("%2", generated)
            )
        except PageError as error:
            raise ExportError(f"cannot write {path}: the PDF could not be started") from error
        pages.add_title(title, _subtitle(figures))
        _key_figures(pages, figures)
        _charts(pages, figures)
        _who_asks(pages, figures)
        _waited_on(pages, figures)
        _per_person(pages, figures)
        _definitions(pages, figures, language)
        try:
            pages.finish()
        except PageError as error:
            raise ExportError(f"cannot write {path}: {error}") from error
