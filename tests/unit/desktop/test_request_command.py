"""``loket request list|show``: a script sees what a person sees, forwarded messages and Outlook's formats too."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from tests import mail_cases
from tests.filed import desk_data_dir, file_raw


@pytest.fixture
def data_dir(tmp_path):
    return desk_data_dir(tmp_path)


def loket_json(capsys, data_dir, *args: str) -> object:
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "request", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_show_lists_a_forwarded_message_as_an_attachment_and_search_finds_its_words(data_dir, capsys):
    request_id = file_raw(data_dir, mail_cases.forwarded())
    shown = loket_json(capsys, data_dir, "show", str(request_id))
    assert (
        shown["id"] == request_id and shown["subject"] == "Printer" and shown["requester"] == "jan@example.nl"
    )
    [message] = shown["messages"]
    assert message["text"].strip() == "Zie de doorgestuurde melding van de klant."
    assert message["attachments"] == [
        {"filename": "Lekkage.eml", "content_type": "message/rfc822", "size": 576}
    ]
    assert message["problems"] == []
    assert message["message_id"] == "<m1@example.nl>" and message["role"] == "requester"
    found = loket_json(capsys, data_dir, "list", "--search", "magazijn")
    assert [item["id"] for item in found] == [request_id]
    assert found[0]["first_message_id"] == "<m1@example.nl>"
    assert loket_json(capsys, data_dir, "list", "--search", "kelder.jpg") == []


def test_show_gives_winmail_files_as_attachments_and_the_invitation(data_dir, capsys):
    winmail = file_raw(data_dir, mail_cases.winmail())
    shown = loket_json(capsys, data_dir, "show", str(winmail))
    assert [(a["filename"], a["size"]) for a in shown["messages"][0]["attachments"]] == [
        ("Offerte 2026.pdf", 16),
        ("Plattegrond.xlsx", 10),
    ]
    invitation = file_raw(data_dir, mail_cases.invitation())
    assert [item["id"] for item in loket_json(capsys, data_dir, "list", "--search", "Vergaderzaal")] == [
        invitation
    ]


def test_list_queues_and_text_output(data_dir, capsys):
    first = file_raw(data_dir, mail_cases.signed())
    second = file_raw(data_dir, mail_cases.html_only().replace(b"<m1@", b"<m9@"))
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
    assert "De koffieautomaat lekt." in capsys.readouterr().out


def test_an_unknown_request_exits_1_with_one_line(data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "request", "show", "999"]) == 1
    assert capsys.readouterr().err.strip() == "loket: no request #999"
