"""``loket export``: the DESIGN.md columns and units, periods in the account's zone, XLSX types, no half files."""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from export_fixtures import add_request, add_standard, new_account, reply

from desktop.cli import main
from store import lifecycle
from store.db import open_db, open_memory_db
from store.directory import add_domain_rule
from store.numbers import request_numbered
from store.stats.export import GROUP_FIGURE_COLUMNS, REQUEST_COLUMNS, ExportError, export
from store.stats.records import PeriodError, Selection

HEADER = (
    "request_id,requester,requester_name,department,subject,status,received_at,first_message_id,messages,"
    "first_response_at,first_response_business_min,first_response_calendar_min,resolved_at,"
    "resolution_business_min,standard,within_standard,channel,satisfaction"
)
MONDAY_1630 = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)  # 16:30 in Amsterdam
TUESDAY_0930 = datetime(2026, 3, 3, 8, 30, tzinfo=UTC)


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def store(tmp_path: Path):
    db = open_db(tmp_path / "data")
    account = new_account(db)
    standard = add_standard(db, account, "Normal", 240)
    first = add_request(db, account, MONDAY_1630, standard_id=standard, assignee="anna")
    reply(db, account, first, TUESDAY_0930)
    add_request(
        db, account, datetime(2026, 4, 6, 7, 0, tzinfo=UTC), requester="bob@eng.example.org", name="Bob"
    )
    add_domain_rule(db, "finance.example.org", "Finance")
    return db, account, first


def test_csv_header_is_exactly_the_design_columns(store, tmp_path: Path) -> None:
    db, _, _ = store
    out = tmp_path / "out.csv"
    assert export(db, out, "csv") == 2
    assert out.read_text(encoding="utf-8").splitlines()[0] == HEADER
    assert ",".join(REQUEST_COLUMNS) == HEADER


def test_a_request_answered_next_morning_counts_business_and_calendar_minutes(store, tmp_path: Path) -> None:
    db, _, request_id = store
    out = tmp_path / "out.csv"
    export(db, out, "csv")
    row = read_csv(out)[0]
    assert row["request_id"] == str(request_id)
    assert row["requester"] == "ann@finance.example.org"
    assert row["department"] == "Finance"  # by the domain rule
    assert row["received_at"] == "2026-03-02T16:30:00+01:00"
    assert row["first_message_id"] == "<m0@example.org>"
    assert row["messages"] == "2"
    assert row["first_response_at"] == "2026-03-03T09:30:00+01:00"
    assert row["first_response_business_min"] == "60.0"
    assert row["first_response_calendar_min"] == "1020.0"
    assert row["status"] == "waiting"
    assert (row["resolved_at"], row["resolution_business_min"]) == ("", "")
    assert (row["standard"], row["within_standard"]) == ("Normal", "yes")
    assert row["channel"] == "email"


def test_a_request_is_exported_under_its_number_not_its_row(tmp_path: Path) -> None:
    db = open_memory_db()
    account = new_account(db)
    request_id = add_request(db, account, MONDAY_1630, number=482913)
    reply(db, account, request_id, TUESDAY_0930)
    out = tmp_path / "out.csv"
    export(db, out, "csv")
    [row] = read_csv(out)
    assert request_id != 482913
    assert (row["request_id"], row["first_response_business_min"]) == ("482913", "60.0")


def test_requests_that_arrived_at_the_same_instant_are_exported_in_order_of_their_numbers(
    tmp_path: Path,
) -> None:
    db = open_memory_db()
    account = new_account(db)
    for number in (700002, 300003, 500001):
        add_request(db, account, MONDAY_1630, number=number)
    out = tmp_path / "out.csv"
    export(db, out, "csv")
    assert [row["request_id"] for row in read_csv(out)] == ["300003", "500001", "700002"]


def test_a_call_entered_by_hand_is_exported_with_its_channel(store, tmp_path: Path) -> None:
    from store.triage import create_manual

    db, account, _ = store
    create_manual(
        db,
        account_id=account.id,
        requester_address="bob@finance.example.org",
        requester_name="Bob",
        subject="Printer",
        text="",
        channel="phone",
        actor="anna",
        at=TUESDAY_0930,
    )
    out = tmp_path / "out.csv"
    export(db, out, "csv")
    assert {row["subject"]: row["channel"] for row in read_csv(out)}["Printer"] == "phone"
    assert sorted(row["channel"] for row in read_csv(out)) == ["email", "email", "phone"]


def test_unanswered_request_without_standard_leaves_cells_empty(store, tmp_path: Path) -> None:
    db, _, _ = store
    out = tmp_path / "out.csv"
    export(db, out, "csv")
    row = read_csv(out)[1]
    for column in (
        "department",
        "first_response_at",
        "first_response_business_min",
        "standard",
        "within_standard",
    ):
        assert row[column] == ""
    assert row["status"] == "new"


def test_a_desk_message_dated_before_the_request_arrived_is_not_its_first_response(
    store, tmp_path: Path
) -> None:
    db, account, request_id = store
    reply(db, account, request_id, datetime(2026, 3, 2, 10, 0, tzinfo=UTC))  # before received_at
    reply(db, account, request_id, datetime(2026, 3, 3, 8, 0, tzinfo=UTC))  # earlier than the 08:30 answer
    out = tmp_path / "out.csv"
    export(db, out, "csv")
    row = read_csv(out)[0]
    assert row["first_response_at"] == "2026-03-03T09:00:00+01:00"
    assert row["messages"] == "4"


def test_period_dates_are_inclusive_local_dates_of_received_at(tmp_path: Path) -> None:
    db = open_memory_db()
    account = new_account(db)
    add_request(db, account, datetime(2026, 3, 1, 23, 30, tzinfo=UTC))  # 2026-03-02 00:30 in Amsterdam
    add_request(db, account, datetime(2026, 3, 31, 21, 59, tzinfo=UTC))  # 2026-03-31 23:59 (CEST)
    add_request(db, account, datetime(2026, 3, 31, 22, 0, tzinfo=UTC))  # 2026-04-01 00:00
    out = tmp_path / "out.csv"
    assert export(db, out, "csv", selection=Selection(date(2026, 3, 2), date(2026, 3, 31))) == 2
    assert export(db, out, "csv", selection=Selection(date(2026, 3, 1), date(2026, 3, 1))) == 0
    assert export(db, out, "csv", selection=Selection(date(2026, 4, 1), None)) == 1


def test_a_period_starting_after_it_ends_is_refused() -> None:
    with pytest.raises(PeriodError, match="after it ends"):
        Selection(date(2026, 3, 2), date(2026, 3, 1))


def test_resolved_request_reports_resolution_time_and_verdict_against_both_targets(tmp_path: Path) -> None:
    db = open_memory_db()
    account = new_account(db)
    standard = add_standard(db, account, "Strict", 120, resolution=300)
    request_id = add_request(db, account, MONDAY_1630, standard_id=standard)
    reply(db, account, request_id, TUESDAY_0930, status_after="waiting_colleague", department="Engineering")
    lifecycle.set_status(db, request_id, "resolved", "anna", datetime(2026, 3, 3, 14, 0, tzinfo=UTC))
    out = tmp_path / "out.csv"
    export(db, out, "csv")
    row = read_csv(out)[0]
    assert row["resolved_at"] == "2026-03-03T15:00:00+01:00"
    assert row["resolution_business_min"] == "390.0"
    assert row["within_standard"] == "no"


def test_group_by_department_and_month_have_the_design_columns(store, tmp_path: Path) -> None:
    db, _, _ = store
    out = tmp_path / "out.csv"
    assert export(db, out, "csv", by="department") == 2
    rows = read_csv(out)
    assert list(rows[0]) == ["department", *GROUP_FIGURE_COLUMNS]
    assert [r["department"] for r in rows] == ["", "Finance"]
    finance = rows[1]
    assert (finance["requests"], finance["answered"], finance["within_standard_pct"]) == ("1", "1", "100.0")
    assert finance["first_response_median_business_min"] == "60.0"
    export(db, out, "csv", by="month")
    assert [r["month"] for r in read_csv(out)] == ["2026-03", "2026-04"]
    export(db, out, "csv", by="requester")
    assert list(read_csv(out)[0])[:3] == ["requester", "requester_name", "department"]


def _xlsx_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_xlsx_has_numbers_as_numbers_times_as_dates_a_frozen_filtered_header_and_definitions(
    store, tmp_path: Path
) -> None:
    db, _, _ = store
    out = tmp_path / "out.xlsx"
    assert export(db, out, "xlsx") == 2
    parts = _xlsx_parts(out)
    assert '<sheet name="export"' in parts["xl/workbook.xml"]
    assert '<sheet name="definitions"' in parts["xl/workbook.xml"]
    sheet = parts["xl/worksheets/sheet1.xml"]
    assert 'state="frozen"' in sheet and "<autoFilter " in sheet
    # received_at (column G) of the first request: Excel serial of 2026-03-02 16:30 local wall-clock time
    received = re.search(r'<c r="G2"[^>]*><v>([0-9.]+)</v>', sheet)
    assert received is not None
    assert float(received.group(1)) == pytest.approx(46083 + 16.5 / 24)
    minutes = re.search(r'<c r="K2"[^>]*><v>([0-9.]+)</v>', sheet)
    assert minutes is not None and float(minutes.group(1)) == 60.0
    strings = parts.get("xl/sharedStrings.xml", "") + sheet
    definitions = parts["xl/worksheets/sheet2.xml"] + strings
    assert "Monday 09:00–17:00; Tuesday 09:00–17:00" in definitions
    assert "Friday 09:00–17:00 (Europe/Amsterdam); closed on public holidays of NL" in definitions
    assert "service standard Normal" in definitions


def test_xlsx_keeps_a_subject_that_looks_like_a_formula_as_text(tmp_path: Path) -> None:
    db = open_memory_db()
    account = new_account(db)
    add_request(db, account, MONDAY_1630, subject='=HYPERLINK("http://evil")')
    out = tmp_path / "out.xlsx"
    export(db, out, "xlsx")
    assert "<f>" not in _xlsx_parts(out)["xl/worksheets/sheet1.xml"]


FORMULAS = ['=HYPERLINK("http://evil","x")', "+31 20 123", "-1+1", "@SUM(A1)", "\tTab", "\rCR"]


@pytest.mark.parametrize("subject", FORMULAS)
def test_csv_cells_that_a_spreadsheet_would_run_start_with_a_quote(tmp_path: Path, subject: str) -> None:
    db = open_memory_db()
    account = new_account(db)
    add_request(db, account, MONDAY_1630, subject=subject, name=subject)
    out = tmp_path / "out.csv"
    export(db, out, "csv")
    [row] = read_csv(out)
    assert row["subject"] == row["requester_name"] == "'" + subject
    assert row["request_id"] == "1" and row["received_at"].startswith("2026-03-02T16:30")


def test_the_definitions_say_how_formula_like_texts_are_written(tmp_path: Path) -> None:
    db = open_memory_db()
    add_request(db, new_account(db), MONDAY_1630, subject="Stoel - kapot")
    out = tmp_path / "out.xlsx"
    export(db, out, "xlsx", language="nl")
    parts = _xlsx_parts(out)
    assert "OWASP" in parts.get("xl/sharedStrings.xml", "") + parts["xl/worksheets/sheet2.xml"]
    csv_out = tmp_path / "out.csv"
    export(db, csv_out, "csv")
    assert read_csv(csv_out)[0]["subject"] == "Stoel - kapot", "only the first character counts"


def test_an_unwritable_folder_is_a_clear_error_and_leaves_nothing(store, tmp_path: Path) -> None:
    db, _, _ = store
    with pytest.raises(ExportError, match="does not exist"):
        export(db, tmp_path / "missing" / "out.csv", "csv")
    with pytest.raises(ExportError, match="is a folder"):
        export(db, tmp_path, "csv")


def test_an_export_failing_midway_leaves_the_previous_file_and_no_temporary(store, tmp_path: Path) -> None:
    db, _, _ = store
    out = tmp_path / "out.csv"
    out.write_text("previous", encoding="utf-8")

    def boom(done: int, total: int) -> None:
        raise RuntimeError("cut")

    with pytest.raises(RuntimeError):
        export(db, out, "csv", progress=boom)
    assert out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "out.csv"]


def test_progress_reports_done_and_total(store, tmp_path: Path) -> None:
    db, _, _ = store
    seen: list[tuple[int, int]] = []
    export(db, tmp_path / "out.xlsx", "xlsx", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (2, 2)


# ---- the command line ---------------------------------------------------------------------------------------------


def test_cli_exports_csv_and_reports_the_row_count(store, tmp_path: Path, capsys) -> None:
    out = tmp_path / "cli.csv"
    code = main(
        [
            "--data-dir",
            str(tmp_path / "data"),
            "export",
            "--format",
            "csv",
            "--from",
            "2026-03-01",
            "-o",
            str(out),
        ]
    )
    assert code == 0
    assert len(read_csv(out)) == 2
    assert capsys.readouterr().err == ""


def test_cli_refuses_a_period_that_starts_after_it_ends_with_exit_2(store, tmp_path: Path, capsys) -> None:
    args = ["--data-dir", str(tmp_path / "data"), "export", "--format", "csv", "-o", str(tmp_path / "x.csv")]
    assert main([*args, "--from", "2026-03-05", "--to", "2026-03-01"]) == 2
    err = capsys.readouterr().err
    assert "after" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.csv").exists()


def test_cli_refuses_an_unknown_grouping_or_date_with_exit_2(store, tmp_path: Path, capsys) -> None:
    args = ["--data-dir", str(tmp_path / "data"), "export", "--format", "csv", "-o", str(tmp_path / "x.csv")]
    with pytest.raises(SystemExit) as exit_info:
        main([*args, "--by", "colour"])
    assert exit_info.value.code == 2
    assert "colour" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main([*args, "--from", "2026-13-01"])
    assert exit_info.value.code == 2
    assert "2026-13-01" in capsys.readouterr().err


def test_cli_reports_an_unwritable_output_path_with_exit_1(store, tmp_path: Path, capsys) -> None:
    args = [
        "--data-dir",
        str(tmp_path / "data"),
        "export",
        "--format",
        "xlsx",
        "-o",
        str(tmp_path / "no" / "x.xlsx"),
    ]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith("loket: cannot write") and len(err.strip().splitlines()) == 1


def test_cli_choices_match_the_store() -> None:
    from desktop.commands import export as command
    from store.stats.export import FORMATS
    from store.stats.figures import GROUPINGS

    assert command.FORMATS == FORMATS
    assert command.GROUPINGS == GROUPINGS


# ---- kept figures follow their sources ----------------------------------------------------------------------------


def test_kept_figures_follow_a_new_reply_a_changed_standard_a_calendar_and_the_directory(
    store, tmp_path: Path
) -> None:
    db, account, _ = store
    out = tmp_path / "out.csv"
    export(db, out, "csv")
    assert db.execute("SELECT COUNT(*) FROM request_figures").fetchone()[0] == 2
    second = read_csv(out)[1]
    assert second["first_response_at"] == ""

    second_id = request_numbered(db, int(second["request_id"]))
    assert second_id is not None
    reply(db, account, second_id, datetime(2026, 4, 7, 9, 0, tzinfo=UTC))
    db.execute("UPDATE standards SET first_response_min = 30 WHERE name = 'Normal'")
    add_domain_rule(db, "eng.example.org", "Engineering")
    export(db, out, "csv")
    first, second = read_csv(out)
    assert second["first_response_business_min"] == "120.0"  # Easter Monday is closed: Tuesday 09:00–11:00
    assert second["department"] == "Engineering"
    assert first["within_standard"] == "no"

    db.execute(
        """UPDATE calendars SET hours_json = '{"0": [["08:00", "17:00"]], "1": [["08:00", "17:00"]]}'"""
    )
    export(db, out, "csv")
    assert (
        read_csv(out)[0]["first_response_business_min"] == "120.0"
    )  # 30 min Monday + 90 min (08:00–09:30) Tuesday


def test_a_merged_request_is_left_out(store, tmp_path: Path) -> None:
    db, _, first = store
    db.execute("UPDATE requests SET merged_into = ? WHERE id != ?", [first, first])
    out = tmp_path / "out.csv"
    assert export(db, out, "csv") == 1


def test_keep_figures_computes_only_what_is_missing(store) -> None:
    from store.stats.records import keep_figures

    db, account, request_id = store
    assert keep_figures(db) == 2
    assert keep_figures(db) == 0
    reply(db, account, request_id, datetime(2026, 3, 4, 9, 0, tzinfo=UTC))
    assert keep_figures(db) == 1


def test_kept_figures_of_a_request_go_when_an_event_joins_it_outside_filing(store) -> None:
    from store.lifecycle import add_note
    from store.stats.records import keep_figures

    db, _account, request_id = store
    assert keep_figures(db) == 2
    add_note(
        db, request_id, "Called back, waiting for the part", "anna", datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
    )
    assert (
        db.execute("SELECT count(*) FROM request_figures WHERE request_id = ?", [request_id]).fetchone()[0]
        == 0
    )
    assert keep_figures(db) == 1


def test_every_column_has_a_definition_in_every_language_and_unknown_languages_fall_back_to_english() -> None:
    from store.stats.definitions import DEFINITIONS, definitions
    from store.stats.export import columns
    from store.stats.figures import GROUPINGS

    english = DEFINITIONS["en"]
    for by in GROUPINGS:
        assert set(columns(by)) <= set(english)
    for texts in DEFINITIONS.values():
        assert set(texts) == set(english)
    assert definitions("nl_NL") is english or definitions("nl_NL") is DEFINITIONS.get("nl")
    assert definitions("xx") is english


def test_headless_export_and_requesters_commands_never_load_qt(store, tmp_path: Path) -> None:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from desktop.cli import main\n"
        f"main(['--data-dir', {str(tmp_path / 'data')!r}, 'export', '--format', 'xlsx', '-o', "
        f"{str(tmp_path / 'x.xlsx')!r}])\n"
        f"main(['--data-dir', {str(tmp_path / 'data')!r}, 'requesters', 'list'])\n"
        "print('qt' if any(name.startswith('PySide6') for name in sys.modules) else 'no qt')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip().endswith("no qt"), result.stderr
    assert (tmp_path / "x.xlsx").exists()


def test_a_read_only_store_still_exports_every_figure(store, tmp_path: Path) -> None:
    import sqlite3

    import sqlite_utils

    db, _, _ = store
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = tmp_path / "data" / "loket.sqlite"
    read_only = sqlite_utils.Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None))
    out = tmp_path / "ro.csv"
    assert export(read_only, out, "csv") == 2
    assert read_csv(out)[0]["first_response_business_min"] == "60.0"


def test_a_standard_with_its_own_calendar_counts_on_that_calendar(tmp_path: Path) -> None:
    import json

    db = open_memory_db()
    account = new_account(db)
    always = {str(day): [["00:00", "24:00"]] for day in range(7)}
    calendar_id = db.execute(
        "INSERT INTO calendars (name, tz, hours_json) VALUES ('always', 'Europe/Amsterdam', ?)",
        [json.dumps(always)],
    ).lastrowid
    standard = add_standard(db, account, "Round the clock", 60)
    db.execute("UPDATE standards SET calendar_id = ? WHERE id = ?", [calendar_id, standard])
    request_id = add_request(db, account, MONDAY_1630, standard_id=standard)
    reply(db, account, request_id, TUESDAY_0930)
    out = tmp_path / "out.csv"
    export(db, out, "csv")
    row = read_csv(out)[0]
    assert row["first_response_business_min"] == row["first_response_calendar_min"] == "1020.0"
    assert row["within_standard"] == "no"
