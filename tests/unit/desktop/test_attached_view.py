"""The request view shows a forwarded message as a message inside the message and an invitation as its summary,
time and place; screenshots are saved in ``tests/artifacts`` to be looked at."""

from __future__ import annotations

import pytest

from desktop.app import create_app
from desktop.reader import Reader
from desktop.request_view import RequestView
from tests import mail_cases
from tests.filed import desk_data_dir, file_raw

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def view(qtbot, tmp_path):
    data_dir = desk_data_dir(tmp_path)
    create_app()
    reader = Reader(data_dir)
    widget = RequestView(reader)
    qtbot.addWidget(widget)
    widget.resize(900, 900)
    widget.show()
    yield widget, data_dir
    reader.close()


def _show(qtbot, widget: RequestView, request_id: int) -> str:
    with qtbot.waitSignal(widget.loaded, timeout=5000):
        widget.show_request(request_id)
    return widget.conversation.toPlainText()


def test_a_forwarded_message_shows_inside_the_message(qtbot, view, artifacts):
    widget, data_dir = view
    text = _show(qtbot, widget, file_raw(data_dir, mail_cases.nested_forward()))
    assert "Doorgestuurd via de receptie." in text
    assert text.count("Attached message") == 2  # the forward, and the customer's message inside it
    for shown in (
        "Klant Bakker <klant@example.com>",
        "Lekkage in de kelder",
        "water in de kelder",
        "kelder.jpg",
    ):
        assert shown in text
    widget.grab().save(str(artifacts / "request_view_forwarded.png"))


def test_an_invitation_shows_summary_time_and_place(qtbot, view, artifacts):
    widget, data_dir = view
    text = _show(qtbot, widget, file_raw(data_dir, mail_cases.invitation()))
    assert "Invitation" in text
    assert "Overleg verhuizing archief" in text and "Vergaderzaal 2.14" in text and "jan@example.nl" in text
    assert "BEGIN:VCALENDAR" not in text
    widget.grab().save(str(artifacts / "request_view_invitation.png"))
