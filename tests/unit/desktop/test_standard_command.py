"""``loket standard``: list, add, edit, remove; bad values exit 2 with a sentence and store nothing."""

from __future__ import annotations

import pytest

from desktop.cli import main
from store.db import open_db
from tests.accounts import loopback_account


@pytest.fixture
def data_dir(tmp_path):
    loopback_account(open_db(tmp_path), "desk", "desk@example.org", holidays="NL")
    return tmp_path


def loket(data_dir, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "standard", *args])


def test_add_edit_list_and_remove_a_standard(data_dir, capsys):
    assert loket(data_dir, "add", "default", "--first-response", "4h", "--resolution", "3d") == 0
    assert (
        loket(data_dir, "add", "it", "--first-response", "90m", "--department", "IT", "--warning", "50") == 0
    )
    assert loket(data_dir, "edit", "default", "--resolution", "2d", "--first-response", "1h30m") == 0
    capsys.readouterr()
    assert loket(data_dir, "list") == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[1:] == [
        "default\tdesk\tdefault\t1h30m\t2d\t75%\taccount calendar",
        "it\tdesk\tdepartment=IT\t1h30m\t-\t50%\taccount calendar",
    ]
    rows = open_db(data_dir).execute("SELECT name, resolution_min FROM standards ORDER BY name").fetchall()
    assert rows == [("default", 960.0), ("it", None)]
    assert loket(data_dir, "remove", "it") == 0
    assert open_db(data_dir).execute("SELECT count(*) FROM standards").fetchone()[0] == 1


def test_a_standard_for_phone_calls_is_added_listed_and_cleared(data_dir, capsys):
    assert loket(data_dir, "add", "calls", "--first-response", "1h", "--channel", "phone") == 0
    capsys.readouterr()
    assert loket(data_dir, "list") == 0
    assert (
        capsys.readouterr().out.splitlines()[1] == "calls\tdesk\tchannel=phone\t1h\t-\t75%\taccount calendar"
    )
    assert loket(data_dir, "edit", "calls", "--channel", "") == 0
    assert open_db(data_dir).execute("SELECT channel FROM standards").fetchone()[0] is None
    assert loket(data_dir, "add", "fax", "--first-response", "1h", "--channel", "fax") == 2
    assert "channel: 'fax' is not one of email, phone, desk" in capsys.readouterr().err


def test_a_day_is_a_working_day_of_the_standards_own_calendar(data_dir):
    assert loket(data_dir, "add", "desk247", "--first-response", "1d", "--hours", "24/7") == 0
    assert open_db(data_dir).execute("SELECT first_response_min FROM standards").fetchone()[0] == 1440


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["--first-response", "0h"], "--first-response: '0h' is zero"),
        (["--first-response", "4h", "--resolution=-3d"], "--resolution: '-3d' is negative"),
        (["--first-response", "4h", "--holidays", "XX"], "holidays: 'XX' is not a known holiday country"),
        (["--first-response", "4h", "--timezone", "Europe/Amsterdan"], "time zone: 'Europe/Amsterdan'"),
        (["--first-response", "4h", "--hours", "mon 09:00-12:00,11:00-13:00"], "opening hours: Monday"),
        (["--first-response", "4h", "--hours", "tue 17:00-09:00"], "ends before it starts"),
        (["--first-response", "4h", "--warning", "0"], "warning"),
    ],
)
def test_bad_values_exit_2_with_a_sentence_and_store_nothing(data_dir, capsys, args, sentence):
    assert loket(data_dir, "add", "bad", *args) == 2
    assert sentence in capsys.readouterr().err
    db = open_db(data_dir)
    assert db.execute("SELECT count(*) FROM standards").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM calendars").fetchone()[0] == 1


def test_editing_an_unknown_standard_is_a_usage_error(data_dir, capsys):
    assert loket(data_dir, "edit", "nope", "--warning", "80") == 2
    assert "no standard called 'nope'" in capsys.readouterr().err
