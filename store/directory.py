"""Who belongs to which department: an imported address book, rules by address domain, and single edits.

A requester's department is the one set on the requester (import or edit); without one, the rule for the domain of
their address applies. The rule is applied when figures are read (``department_join``), so a rule added today also
places the requesters that wrote last year.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from store.db import transaction
from store.errors import StoreError

log = logging.getLogger(__name__)

ADDRESS_BOOK_COLUMNS = ("address", "name", "department")
_ADDRESS = re.compile(r"^[^@\s<>,;\"]+@[^@\s<>,;\"]+$")
_DOMAIN = re.compile(r"^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$")
_MAX_PROBLEMS_SHOWN = 10


class DirectoryError(StoreError, ValueError):
    """Input the directory cannot take; the message is one sentence for a person."""


@dataclass(frozen=True, slots=True)
class Problem:
    line: int
    message: str


class AddressBookError(DirectoryError):
    """The address book has bad rows; nothing was imported. ``problems`` names every one by line number."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        shown = "; ".join(f"line {p.line}: {p.message}" for p in problems[:_MAX_PROBLEMS_SHOWN])
        more = len(problems) - _MAX_PROBLEMS_SHOWN
        suffix = f"; and {more} more" if more > 0 else ""
        super().__init__(f"{source}: nothing imported, {len(problems)} bad row(s): {shown}{suffix}")
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class Entry:
    """One person of an address book; ``department`` None leaves them to the domain rules."""

    address: str
    name: str
    department: str | None


@dataclass(frozen=True, slots=True)
class ImportSummary:
    created: int
    updated: int


def normalise_address(text: str) -> str:
    return text.strip().lower()


def normalise_domain(text: str) -> str:
    domain = text.strip().lower().lstrip("@")
    if not _DOMAIN.match(domain):
        raise DirectoryError(f"domain: {text!r} is not a mail domain (write e.g. example.org)")
    return domain


def _department_name(text: str | None) -> str | None:
    return " ".join(text.split()) or None if text else None


def department_join(requester: str, department: str) -> str:
    """SQL joining the effective department (alias ``department``) to the requesters row aliased ``requester``."""
    rule = f"{department}_rule"
    return (
        f"LEFT JOIN department_domains {rule} ON {requester}.department_id IS NULL "
        f"AND {rule}.domain = substr({requester}.address, instr({requester}.address, '@') + 1) "
        f"LEFT JOIN departments {department} "
        f"ON {department}.id = COALESCE({requester}.department_id, {rule}.department_id)"
    )


def parse_address_book(lines: Iterable[str]) -> list[Entry]:
    """Read CSV text with a header naming address, name and department (any order; other columns ignored),
    separated by commas, semicolons or tabs.

    Every bad row is collected before failing, so one run shows the user all there is to fix.
    """
    text = list(lines)
    reader = csv.reader(text, delimiter=_delimiter("".join(text[:_SNIFF_LINES])))
    problems: list[Problem] = []
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    try:
        header = _header(reader)
        positions = [header.index(column) for column in ADDRESS_BOOK_COLUMNS]
        start = reader.line_num + 1
        for row in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            problem = _row_problem(row, len(header), positions, seen)
            if problem:
                problems.append(Problem(line, problem))
                continue
            address, name, department = (row[i] for i in positions)
            seen[normalise_address(address)] = line
            entries.append(Entry(normalise_address(address), name.strip(), _department_name(department)))
    except csv.Error as error:
        problems.append(Problem(reader.line_num, f"not readable as CSV ({error})"))
    except _HeaderError as error:
        problems.append(Problem(error.line, str(error)))
    if problems:
        raise AddressBookError("address book", problems)
    return entries


_SNIFF_LINES = 50


def _delimiter(sample: str) -> str:
    """Excel saves "CSV" with semicolons where the decimal separator is a comma (Dutch, German, Italian settings),
    with commas elsewhere, and with tabs as "Unicode text": the sample tells which; commas when it cannot."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


class _HeaderError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def _header(reader: Any) -> list[str]:
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        header = [cell.strip().lower() for cell in row]
        missing = [column for column in ADDRESS_BOOK_COLUMNS if column not in header]
        if missing:
            raise _HeaderError(
                line,
                f"the first row must be a header naming the columns {', '.join(ADDRESS_BOOK_COLUMNS)} "
                f"({', '.join(missing)} missing)",
            )
        return header
    raise _HeaderError(1, f"the file is empty; it needs a header {','.join(ADDRESS_BOOK_COLUMNS)}")


def _row_problem(row: list[str], width: int, positions: list[int], seen: dict[str, int]) -> str | None:
    if len(row) != width:
        return f"expected {width} fields like the header, found {len(row)}"
    address = row[positions[0]]
    if not _ADDRESS.match(address.strip()):
        return f"{address.strip()!r} is not an e-mail address"
    earlier = seen.get(normalise_address(address))
    if earlier is not None:
        return f"{normalise_address(address)} appears already on line {earlier}"
    return None


def read_address_book(path: Path) -> list[Entry]:
    """``parse_address_book`` over a UTF-8 file (a byte-order mark is fine); other encodings are refused with the
    line where the file stops being UTF-8, since guessing one would import names garbled."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DirectoryError(f"{path}: cannot read it ({error.strerror or error})") from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DirectoryError(
            f'{path}: line {line} is not UTF-8 text; save the address book as "CSV UTF-8" and import it again'
        ) from error
    try:
        return parse_address_book(io.StringIO(text, newline=""))
    except AddressBookError as error:
        raise AddressBookError(str(path), error.problems) from None


def department_id(db: sqlite_utils.Database, name: str) -> int:
    """The department called ``name``, created when new."""
    clean = _department_name(name)
    if clean is None:
        raise DirectoryError("department: an empty name is not a department")
    row = db.execute("SELECT id FROM departments WHERE name = ?", [clean]).fetchone()
    if row:
        return int(row[0])
    return int(db.execute("INSERT INTO departments (name) VALUES (?)", [clean]).lastrowid or 0)


def _upsert(db: sqlite_utils.Database, entry: Entry, *, keep_name: bool) -> bool:
    """Write one requester; returns True when it was new."""
    department = None if entry.department is None else department_id(db, entry.department)
    row = db.execute("SELECT id, name FROM requesters WHERE address = ?", [entry.address]).fetchone()
    if row is None:
        db.execute(
            "INSERT INTO requesters (address, name, department_id) VALUES (?, ?, ?)",
            [entry.address, entry.name, department],
        )
        return True
    requester_id, stored_name = row
    name = stored_name if keep_name or not entry.name else entry.name
    db.execute(
        "UPDATE requesters SET name = ?, department_id = ? WHERE id = ?", [name, department, requester_id]
    )
    return False


def import_address_book(db: sqlite_utils.Database, entries: Sequence[Entry]) -> ImportSummary:
    """Set name and department of every entry in one transaction; an empty department clears the requester's."""
    created = 0
    with transaction(db):
        for entry in entries:
            created += _upsert(db, entry, keep_name=False)
    log.info("address book: %d requesters, %d new", len(entries), created)
    return ImportSummary(created=created, updated=len(entries) - created)


def set_requester_department(
    db: sqlite_utils.Database, address: str, department: str | None, name: str | None = None
) -> None:
    """Place one requester in ``department`` (None: leave it to the domain rules), creating them when new."""
    clean = normalise_address(address)
    if not _ADDRESS.match(clean):
        raise DirectoryError(f"address: {address!r} is not an e-mail address")
    with transaction(db):
        _upsert(db, Entry(clean, (name or "").strip(), _department_name(department)), keep_name=name is None)


def add_domain_rule(db: sqlite_utils.Database, domain: str, department: str) -> None:
    """Requesters at ``domain`` without a department of their own belong to ``department`` (replacing a rule)."""
    clean = normalise_domain(domain)
    with transaction(db):
        department_row = department_id(db, department)
        db.execute(
            "INSERT INTO department_domains (domain, department_id) VALUES (?, ?) "
            "ON CONFLICT (domain) DO UPDATE SET department_id = excluded.department_id",
            [clean, department_row],
        )


def remove_domain_rule(db: sqlite_utils.Database, domain: str) -> bool:
    """Forget the rule for ``domain``; False when there was none."""
    cursor = db.execute("DELETE FROM department_domains WHERE domain = ?", [normalise_domain(domain)])
    return cursor.rowcount > 0


def domain_rules(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    return db.execute(
        "SELECT r.domain, d.name FROM department_domains r JOIN departments d ON d.id = r.department_id "
        "ORDER BY r.domain"
    ).fetchall()


def requesters(db: sqlite_utils.Database) -> Iterator[tuple[str, str, str]]:
    """(address, name, effective department) of every requester, by address."""
    yield from db.execute(
        f"SELECT q.address, q.name, COALESCE(dep.name, '') FROM requesters q {department_join('q', 'dep')} "
        "ORDER BY q.address"
    )


def requester_department(db: sqlite_utils.Database, address: str) -> str | None:
    """The effective department of one requester (own, else by domain), or None."""
    row = db.execute(
        f"SELECT dep.name FROM requesters q {department_join('q', 'dep')} WHERE q.address = ?",
        [normalise_address(address)],
    ).fetchone()
    return row[0] if row else None
