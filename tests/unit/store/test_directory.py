"""Departments: address-book import (all or nothing, bad rows by line), domain rules and single edits."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.cli import main
from store.db import open_db, open_memory_db
from store.directory import (
    AddressBookError,
    DirectoryError,
    add_domain_rule,
    domain_rules,
    import_address_book,
    parse_address_book,
    read_address_book,
    remove_domain_rule,
    requester_department,
    requesters,
    set_requester_department,
)


def loket(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir / "data"), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_address_book_with_header_in_any_order_and_extra_columns_is_read() -> None:
    entries = parse_address_book(
        [
            "Department,Phone,Address,Name\n",
            "Finance,123, Ann@Example.org ,Ann Smit\n",
            "\n",
            ",,bob@example.org,\n",
        ]
    )
    assert [(e.address, e.name, e.department) for e in entries] == [
        ("ann@example.org", "Ann Smit", "Finance"),
        ("bob@example.org", "", None),
    ]


def test_every_bad_row_is_reported_by_its_line_number() -> None:
    text = [
        "address,name,department\n",
        "ann@example.org,Ann,Finance\n",
        "not-an-address,X,Finance\n",
        "bob@example.org,Bob\n",
        '"carl@example.org","Carl\n',
        'second line",HR\n',  # a quoted field across two lines
        "ANN@example.org,Ann again,HR\n",
    ]
    with pytest.raises(AddressBookError) as error:
        parse_address_book(text)
    assert [(p.line, p.message.split(" ")[0]) for p in error.value.problems] == [
        (3, "'not-an-address'"),
        (4, "expected"),
        (7, "ann@example.org"),
    ]
    assert "line 7: ann@example.org appears already on line 2" in str(error.value)


def test_a_file_without_the_header_is_refused_on_line_one() -> None:
    with pytest.raises(AddressBookError, match="line 1: the first row must be a header"):
        parse_address_book(["ann@example.org,Ann,Finance\n"])
    with pytest.raises(AddressBookError, match="empty"):
        parse_address_book([])


@settings(max_examples=60, deadline=None)  # each example may open a store: no deadline on a busy machine
@given(st.lists(st.sampled_from(["ok", "bad-address", "short", "duplicate"]), min_size=1, max_size=12))
def test_import_is_all_or_nothing(kinds: list[str]) -> None:
    lines = ["address,name,department\n"]
    for number, kind in enumerate(kinds):
        if kind == "ok":
            lines.append(f"p{number}@example.org,P{number},Dept{number % 3}\n")
        elif kind == "bad-address":
            lines.append(f"p{number} example.org,P,D\n")
        elif kind == "short":
            lines.append(f"p{number}@example.org\n")
        else:
            lines.append("p0@example.org,again,D\n")
    expected, seen = [], set()
    for number, kind in enumerate(kinds):
        address = "p0" if kind == "duplicate" else f"p{number}"
        if kind in ("bad-address", "short") or address in seen:
            expected.append(number + 2)
        else:
            seen.add(address)
    if expected:
        with pytest.raises(AddressBookError) as error:
            parse_address_book(lines)
        assert [p.line for p in error.value.problems] == expected
    else:
        db = open_memory_db()
        entries = parse_address_book(lines)
        summary = import_address_book(db, entries)
        assert summary.created == len(entries)


def test_non_utf8_file_is_refused_in_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    path.write_bytes("address,name,department\nann@example.org,Änne,Finance\n".encode("latin-1"))
    with pytest.raises(DirectoryError, match="not UTF-8"):
        read_address_book(path)


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ";"), ("utf-8", ";"), ("utf-8-sig", ","), ("utf-8", "\t")],
    ids=["excel-nl-semicolon-bom", "semicolon", "comma-bom", "tab"],
)
def test_cli_imports_what_excel_writes_whatever_the_separator(tmp_path: Path, encoding, delimiter) -> None:
    rows = [
        ["Naam", "E-mail", "address", "name", "department"],
        [
            "x",
            "y",
            "ann@example.org",
            "Änne Müller",
            "Finance; Legal" if delimiter != ";" else "Finance, Legal",
        ],
        ["x", "y", "bob@example.org", "Bob", "HR"],
    ]
    book = tmp_path / "book.csv"
    with open(book, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    done = loket(tmp_path, "requesters", "import", str(book))
    assert (done.returncode, done.stderr) == (0, "")
    assert "2 requester(s) imported" in done.stdout
    listed = loket(tmp_path, "requesters", "list").stdout.splitlines()
    assert listed == [f"ann@example.org\tÄnne Müller\t{rows[1][4]}", "bob@example.org\tBob\tHR"]


def test_cli_says_on_which_line_a_file_stops_being_utf8(tmp_path: Path) -> None:
    book = tmp_path / "book.csv"
    book.write_bytes(
        "address;name;department\nann@example.org;Ann;HR\nbob@example.org;Björn;HR\n".encode("cp1252")
    )
    done = loket(tmp_path, "requesters", "import", str(book))
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "line 3 is not UTF-8" in done.stderr and "CSV UTF-8" in done.stderr
    assert loket(tmp_path, "requesters", "list").stdout == ""


def test_own_department_wins_over_the_domain_rule_and_clearing_it_falls_back() -> None:
    db = open_memory_db()
    add_domain_rule(db, "@Eng.Example.org", "Engineering")
    set_requester_department(db, "bob@eng.example.org", "Facilities", name="Bob")
    set_requester_department(db, "eve@eng.example.org", None)
    assert requester_department(db, "bob@eng.example.org") == "Facilities"
    assert requester_department(db, "eve@eng.example.org") == "Engineering"
    set_requester_department(db, "bob@eng.example.org", None)
    assert requester_department(db, "bob@eng.example.org") == "Engineering"
    assert list(requesters(db)) == [
        ("bob@eng.example.org", "Bob", "Engineering"),
        ("eve@eng.example.org", "", "Engineering"),
    ]
    assert domain_rules(db) == [("eng.example.org", "Engineering")]
    add_domain_rule(db, "eng.example.org", "R&D")
    assert domain_rules(db) == [("eng.example.org", "R&D")]
    assert remove_domain_rule(db, "eng.example.org") is True
    assert remove_domain_rule(db, "eng.example.org") is False
    with pytest.raises(DirectoryError, match="not a mail domain"):
        add_domain_rule(db, "not a domain", "X")


def test_import_updates_names_and_departments_of_known_requesters() -> None:
    db = open_memory_db()
    set_requester_department(db, "ann@example.org", "Sales", name="Ann")
    summary = import_address_book(
        db, parse_address_book(["address,name,department\n", "ann@example.org,Ann Smit,Finance\n"])
    )
    assert (summary.created, summary.updated) == (0, 1)
    assert list(requesters(db)) == [("ann@example.org", "Ann Smit", "Finance")]


def test_cli_import_reports_bad_rows_and_imports_nothing(tmp_path: Path, capsys) -> None:
    book = tmp_path / "book.csv"
    book.write_text("address,name,department\nann@example.org,Ann,Finance\nbroken,B,HR\n", encoding="utf-8")
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "requesters", "import", str(book)]) == 1
    err = capsys.readouterr().err
    assert "line 3" in err and "nothing imported" in err and len(err.strip().splitlines()) == 1
    assert list(requesters(open_db(data))) == []
    book.write_text("address,name,department\nann@example.org,Ann,Finance\n", encoding="utf-8")
    assert main(["--data-dir", data, "requesters", "import", str(book)]) == 0
    assert main(["--data-dir", data, "requesters", "domain", "add", "example.org", "Sales"]) == 0
    assert main(["--data-dir", data, "requesters", "set", "bob@example.org", "--department", ""]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data, "requesters", "list"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "ann@example.org\tAnn\tFinance",
        "bob@example.org\t\tSales",
    ]
    assert main(["--data-dir", data, "requesters", "import", str(tmp_path / "missing.csv")]) == 1
    assert "cannot read" in capsys.readouterr().err
