"""A request the first sync filed as history says so in its conversation, in the window's language."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop.app import create_app
from desktop.reader import Reader
from desktop.request_view import RequestView
from store.accounts import set_history_days
from store.db import open_db
from store.history import file_history
from tests import mail_cases
from tests.filed import desk_data_dir, file_raw

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SHOWN = {
    "en": "Filed as history on import",
    "nl": "Bij het importeren als geschiedenis afgehandeld",
    "de": "Beim Import als Verlauf abgelegt",
    "it": "Archiviata come storico all'importazione",
}


@pytest.mark.parametrize("language", sorted(SHOWN))
def test_the_filing_of_imported_history_shows_in_the_conversation(
    qtbot, tmp_path, artifacts, in_language, language
):
    data_dir = desk_data_dir(tmp_path)
    request_id = file_raw(data_dir, mail_cases.nested_forward())
    create_app()
    db = open_db(data_dir)
    set_history_days(db, 1, 30)
    assert file_history(db, 1, datetime(2026, 12, 7, tzinfo=UTC)) == 1
    in_language(language)
    reader = Reader(data_dir)
    try:
        widget = RequestView(reader)
        qtbot.addWidget(widget)
        widget.resize(900, 700)
        widget.show()
        with qtbot.waitSignal(widget.loaded, timeout=5000):
            widget.show_request(request_id)
        text = widget.conversation.toPlainText()
        assert SHOWN[language] in text
        assert text.index("Doorgestuurd via de receptie.") < text.index(SHOWN[language])
        widget.grab().save(str(artifacts / f"request_view_history_{language}.png"))
    finally:
        reader.close()
        db.conn.close()
