"""``loket request list|show``: a script sees what a person sees, forwarded messages and Outlook's formats too."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from store.db import open_db
from store.numbers import number_of
from tests import mail_cases
from tests.filed import desk_data_dir, file_raw


@pytest.fixture
def data_dir(tmp_path):
    return desk_data_dir(tmp_path)


def loket_json(capsys, data_dir, *args: str) -> object:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "request", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def file_numbered(data_dir, raw: bytes) -> int:
    """File one message; returns the number of its request, which is what scripts see and type."""
    request_id = file_raw(data_dir, raw)
    db = open_db(data_dir)
    try:
        return number_of(db, request_id)
    finally:
        db.conn.close()


def test_show_lists_a_forwarded_message_as_an_attachment_and_search_finds_its_words(data_dir, capsys):
    request_id = file_raw(data_dir, mail_cases.forwarded())
    db = open_db(data_dir)
    number = number_of(db, request_id)
    db.conn.close()
    assert number != request_id  # filed from mail: numbered by its message, not by its row
    shown = loket_json(capsys, data_dir, "show", str(number))
    assert shown["id"] == number and shown["subject"] == "Printer" and shown["requester"] == "jan@example.nl"
    assert "request_id" not in shown
    [message] = shown["messages"]
    assert message["text"].strip() == "Zie de doorgestuurde melding van de klant."
    assert message["attachments"] == [
        {"filename": "Lekkage.eml", "content_type": "message/rfc822", "size": 576}
    ]
    assert message["problems"] == []
    assert message["message_id"] == "<m1@example.nl>" and message["role"] == "requester"
    found = loket_json(capsys, data_dir, "list", "--search", "magazijn")
    assert [item["id"] for item in found] == [number]
    assert found[0]["first_message_id"] == "<m1@example.nl>"
    assert loket_json(capsys, data_dir, "list", "--search", "kelder.jpg") == []


def test_show_gives_winmail_files_as_attachments_and_the_invitation(data_dir, capsys):
    winmail = file_numbered(data_dir, mail_cases.winmail())
    shown = loket_json(capsys, data_dir, "show", str(winmail))
    assert [(a["filename"], a["size"]) for a in shown["messages"][0]["attachments"]] == [
        ("Offerte 2026.pdf", 16),
        ("Plattegrond.xlsx", 10),
    ]
    invitation = file_numbered(data_dir, mail_cases.invitation())
    assert [item["id"] for item in loket_json(capsys, data_dir, "list", "--search", "Vergaderzaal")] == [
        invitation
    ]


def test_list_queues_and_text_output(data_dir, capsys):
    first = file_numbered(data_dir, mail_cases.signed())
    second = file_numbered(data_dir, mail_cases.html_only().replace(b"<m1@", b"<m9@"))
    both = {first, second}  # filed at one instant: the list orders them by number, which the mailbox decides
    assert {item["id"] for item in loket_json(capsys, data_dir, "list")} == both
    assert {item["id"] for item in loket_json(capsys, data_dir, "list", "--queue", "unassigned")} == both
    assert loket_json(capsys, data_dir, "list", "--queue", "resolved") == []
    assert {item["id"] for item in loket_json(capsys, data_dir, "list", "--queue", "all")} == both
    assert [item["id"] for item in loket_json(capsys, data_dir, "list", "--queue", "mine")] == []
    assert set(loket_json(capsys, data_dir, "list")[0]) == {
        "id", "subject", "requester", "status", "assignee", "priority", "category", "first_message_id",
    }  # fmt: skip
    assert main(["--data-dir", str(data_dir), "request", "show", str(second)]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith(f"#{second} ") and "De koffieautomaat lekt." in shown
    assert main(["--data-dir", str(data_dir), "request", "list"]) == 0
    listed = {line.split("\t")[0] for line in capsys.readouterr().out.splitlines()}
    assert listed == {f"#{first}", f"#{second}"}


def test_an_unknown_request_exits_1_with_one_line(data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "request", "show", "999"]) == 1
    assert capsys.readouterr().err.strip() == "loket: no request #999"


def test_a_script_knows_a_request_by_its_number_also_an_old_one_and_merges_name_numbers(data_dir, capsys):
    from datetime import UTC, datetime

    from store.triage import merge

    source = file_raw(data_dir, mail_cases.signed())
    db = open_db(data_dir)
    target = int(
        db.execute(
            "INSERT INTO requests (number, account_id, subject, status, received_at, last_activity_at) "
            "SELECT 482913, id, 'Sleutel kwijt', 'new', '2026-03-03T08:00:00', '2026-03-03T08:00:00' FROM accounts "
            "RETURNING id"
        ).fetchone()[0]
    )
    db.execute("INSERT INTO request_aliases (number, request_id) VALUES (1234, ?)", [target])
    merge(db, source, target, "Anna", datetime(2026, 3, 3, 10, tzinfo=UTC))
    source_number = number_of(db, source)
    db.conn.commit()
    db.conn.close()
    assert target != 482913

    shown = loket_json(capsys, data_dir, "show", "482913")
    assert (shown["id"], shown["subject"]) == (482913, "Sleutel kwijt")
    [merged] = [event["value"] for event in shown["events"] if event["kind"] == "merged"]
    assert merged["source"] == source_number
    old_number = loket_json(capsys, data_dir, "show", "1234")  # a number from before numbers were shared
    assert old_number["id"] == 482913
    assert loket_json(capsys, data_dir, "show", str(source_number))["events"][-1]["value"]["into"] == 482913
    assert [item["id"] for item in loket_json(capsys, data_dir, "list")] == [482913]
    assert main(["--data-dir", str(data_dir), "request", "show", "482913"]) == 0
    assert capsys.readouterr().out.startswith("#482913 Sleutel kwijt\n")
    assert main(["--data-dir", str(data_dir), "request", "show", str(target)]) == 1  # its row is no number
