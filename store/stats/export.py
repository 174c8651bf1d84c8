"""``loket export``: the response figures as CSV or XLSX, exactly in the columns and units of DESIGN.md.

Rows stream from the store to the file; the file appears under its name only when complete (written beside it
under a temporary name, then renamed), so a failed or interrupted export never leaves half a file behind.
"""

from __future__ import annotations

import csv
import logging
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, time
from pathlib import Path
from typing import Any

import sqlite_utils

from store.accounts import PER_PERSON_OFF, per_person_figures
from store.errors import StoreError
from store.standards.business_time import WEEKDAY_NAMES, Calendar
from store.stats.definitions import definitions
from store.stats.figures import GROUP_COLUMNS, GROUPINGS, FigureRow, GroupFigures, group_figures
from store.stats.records import Selection, StatsSource
from store.timeutil import utcnow

log = logging.getLogger(__name__)

FORMATS = ("csv", "xlsx")
REQUEST_COLUMNS = (
    "request_id",
    "requester",
    "requester_name",
    "department",
    "subject",
    "status",
    "received_at",
    "first_message_id",
    "messages",
    "first_response_at",
    "first_response_business_min",
    "first_response_calendar_min",
    "resolved_at",
    "resolution_business_min",
    "standard",
    "within_standard",
    "channel",
    "satisfaction",
)
GROUP_FIGURE_COLUMNS = (
    "requests",
    "answered",
    "first_response_median_business_min",
    "first_response_p90_business_min",
    "first_response_median_calendar_min",
    "within_standard_pct",
    "resolved",
    "resolution_median_business_min",
    "ratings",
    "satisfaction_avg",
)
_TIME_COLUMNS = frozenset({"received_at", "first_response_at", "resolved_at"})
_TEXT_COLUMNS = frozenset(
    {"requester", "requester_name", "department", "subject", "status", "first_message_id", "standard"}
    | {"within_standard", "agent", "month", "channel"}
)
_PROGRESS_EVERY = 1000

Cell = str | int | float | datetime | None
Progress = Callable[[int, int], None]


class ExportError(StoreError):
    """The export could not be written; one sentence for a person (the CLI exits 1)."""


def columns(by: str) -> tuple[str, ...]:
    if by == "request":
        return REQUEST_COLUMNS
    if by not in GROUP_COLUMNS:
        raise ValueError(f"unknown grouping {by!r}: choose one of {', '.join(GROUPINGS)}")
    return GROUP_COLUMNS[by] + GROUP_FIGURE_COLUMNS


def _minutes(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


Moment = Callable[[str | None], Cell]
"""How a format writes an instant, given as ISO 8601 text in the account's zone; None stays empty."""


def iso_moment(text: str | None) -> str | None:
    """CSV: the text as it is, ISO 8601 with the account's UTC offset, to the second."""
    return text


def wall_clock_moment(text: str | None) -> datetime | None:
    """XLSX: the account's local wall-clock time without a zone, as Excel keeps date-times."""
    return None if text is None else datetime.fromisoformat(text[:19])


def request_row(row: FigureRow, moment: Moment = iso_moment) -> tuple[Cell, ...]:
    """One ``--by request`` row; instants in the account's zone, durations in minutes to one decimal."""
    within = row.within_standard
    return (
        row.number,
        row.requester,
        row.requester_name,
        row.department,
        row.subject,
        row.status,
        moment(row.received_at),
        row.first_message_id,
        row.messages,
        moment(row.first_response_at),
        _minutes(row.first_response_business_min),
        _minutes(row.first_response_calendar_min),
        moment(row.resolved_at),
        _minutes(row.resolution_business_min),
        row.standard,
        None if within is None else ("yes" if within else "no"),
        row.channel,
        row.satisfaction,
    )


def group_row(group: GroupFigures) -> tuple[Cell, ...]:
    return (
        *group.key,
        group.requests,
        group.answered,
        _minutes(group.first_response_median_business_min),
        _minutes(group.first_response_p90_business_min),
        _minutes(group.first_response_median_calendar_min),
        _minutes(group.within_standard_pct),
        group.resolved,
        _minutes(group.resolution_median_business_min),
        group.ratings,
        _minutes(group.satisfaction_avg),
    )


def _rows(
    source: StatsSource, by: str, progress: Progress | None, moment: Moment
) -> Iterator[tuple[Cell, ...]]:
    total = source.count()

    def counted(rows: Iterable[FigureRow]) -> Iterator[FigureRow]:
        done = 0
        for row in rows:
            done += 1
            if progress is not None and done % _PROGRESS_EVERY == 0:
                progress(done, total)
            yield row
        if progress is not None:
            progress(done, total)

    if by == "request":
        yield from (request_row(row, moment) for row in counted(source.rows()))
    else:
        yield from (group_row(group) for group in group_figures(counted(source.rows()), by))


@contextmanager
def atomic_file(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it on success and disappears on failure."""
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder; name a file")
    if not target.parent.is_dir():
        raise ExportError(f"cannot write {target}: the folder {target.parent} does not exist")
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        with open(temporary, "xb"):
            pass
    except OSError as error:
        raise ExportError(f"cannot write {target}: {error.strerror or error}") from error
    try:
        yield temporary
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ExportError(f"cannot write {target}: {error.strerror or error}") from error
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[tuple[Cell, ...]]) -> int:
    """Rows whose instants are ISO text already: the csv module writes None as an empty cell."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow([spreadsheet_safe(cell) for cell in row])
            count += 1
    return count


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: Cell) -> Cell:
    """A text that a spreadsheet program would run as a formula (``=HYPERLINK(...)`` in a subject) gets a leading
    single quote, as OWASP advises against CSV injection; numbers and everything else stay as they are."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


def describe_calendar(calendar: Calendar) -> str:
    """Opening hours, zone and closed days of a calendar in one English sentence."""
    days = []
    for number, spans in enumerate(calendar.hours):
        if spans:
            text = ", ".join(f"{s:%H:%M}–{'24:00' if e == time(0) else f'{e:%H:%M}'}" for s, e in spans)
            days.append(f"{WEEKDAY_NAMES[number]} {text}")
    closed = []
    if calendar.holidays:
        closed.append(f"public holidays of {calendar.holidays}")
    if calendar.closed_days:
        closed.append(f"{len(calendar.closed_days)} extra closed day(s)")
    suffix = f"; closed on {' and '.join(closed)}" if closed else ""
    return f"{'; '.join(days)} ({calendar.tz}){suffix}"


def _context_lines(source: StatsSource, by: str, language: str) -> list[tuple[str, str]]:
    """What the figures were computed under: period, accounts' calendars, standards and their calendars."""
    texts = definitions(language)
    selection = source.selection
    lines = [
        (texts["_grouping"], by),
        (texts["_from"], str(selection.first) if selection.first else texts["_open"]),
        (texts["_to"], str(selection.last) if selection.last else texts["_open"]),
        (texts["_generated"], utcnow().isoformat(timespec="seconds")),
    ]
    for scope in source.scopes:
        lines.append((f"{texts['_account']} {scope.name}", describe_calendar(scope.calendar)))
    for standard, calendar_id in source.standards.values():
        calendar = source.calendars.get(calendar_id) if calendar_id is not None else None
        target = f"{texts['_first_response_target']} {standard.first_response_min:g} min"
        if standard.resolution_min is not None:
            target += f", {texts['_resolution_target']} {standard.resolution_min:g} min"
        where = describe_calendar(calendar) if calendar else texts["_account_calendar"]
        lines.append((f"{texts['_standard']} {standard.name}", f"{target}; {where}"))
    return lines


def _write_xlsx(
    path: Path,
    header: Sequence[str],
    rows: Iterable[tuple[Cell, ...]],
    context: Callable[[], list[tuple[str, str]]],
    language: str,
) -> int:
    import xlsxwriter
    from xlsxwriter.exceptions import XlsxFileError

    workbook = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    sheet = workbook.add_worksheet("export")
    bold = workbook.add_format({"bold": True})
    when = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    decimal = workbook.add_format({"num_format": "0.0"})
    for number, name in enumerate(header):
        if name in _TIME_COLUMNS:
            sheet.set_column(number, number, 19, when)
        elif name in _TEXT_COLUMNS:
            sheet.set_column(number, number, 40 if name == "subject" else 18)
        else:
            sheet.set_column(number, number, 12, decimal if name.endswith(("_min", "_pct")) else None)
    sheet.freeze_panes(1, 0)
    write_string, write_number, write_datetime = sheet.write_string, sheet.write_number, sheet.write_datetime
    for number, name in enumerate(header):
        write_string(0, number, name, bold)
    count = 0
    for count, row in enumerate(rows, start=1):
        for number, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, datetime):
                write_datetime(count, number, value, when)
            elif isinstance(value, str):
                write_string(count, number, value)
            else:
                write_number(count, number, value)
    sheet.autofilter(0, 0, max(count, 1), len(header) - 1)
    _definitions_sheet(workbook, header, context(), language, bold)
    try:
        workbook.close()
    except (OSError, XlsxFileError) as error:  # xlsxwriter wraps OSError in its own FileCreateError
        raise ExportError(f"cannot write the workbook: {error}") from error
    return count


def _definitions_sheet(
    workbook: Any, header: Sequence[str], context: list[tuple[str, str]], language: str, bold: Any
) -> None:
    """How each column is computed, then under which period, calendars and standards."""
    texts = definitions(language)
    sheet = workbook.add_worksheet("definitions")
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 120)
    sheet.write_string(0, 0, texts["_column"], bold)
    sheet.write_string(0, 1, texts["_definition"], bold)
    line = 1
    for name in header:
        sheet.write_string(line, 0, name)
        sheet.write_string(line, 1, texts[name])
        line += 1
    line += 1
    sheet.write_string(line, 0, texts["_computed_under"], bold)
    for label, value in context:
        line += 1
        sheet.write_string(line, 0, label)
        sheet.write_string(line, 1, value)
    sheet.write_string(line + 2, 1, texts["_text_cells"])


def export(
    db: sqlite_utils.Database,
    path: Path,
    fmt: str,
    by: str = "request",
    selection: Selection | None = None,
    progress: Progress | None = None,
    language: str = "en",
) -> int:
    """Write the export to ``path``; returns the number of data rows. Raises ``ExportError`` when it cannot."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    header = columns(by)
    if by == "agent" and not per_person_figures(db):
        raise ExportError(f"no export by agent: {PER_PERSON_OFF}")
    source = StatsSource(db, selection or Selection())
    with atomic_file(path) as temporary:
        if fmt == "csv":
            count = _write_csv(temporary, header, _rows(source, by, progress, iso_moment))
        else:
            rows = _rows(source, by, progress, wall_clock_moment)
            count = _write_xlsx(
                temporary, header, rows, lambda: _context_lines(source, by, language), language
            )
    log.info("exported %d %s row(s) by %s to %s", count, fmt, by, path)
    return count
