"""A notification names a request by its number, as people know it, never by the store's row."""

from __future__ import annotations

from desktop.alert_control import AlertControl
from store.alerts import BREACHING, NEW_REQUEST, Alert, Mention


def test_a_notification_names_requests_by_their_number(qapp):
    control = AlertControl(reader=None, tray=None)  # texts need neither: nothing is read or shown here
    leak = Mention(7, 482913, "Femke Bakker", "Lekkage in kamer 12")
    assert control.texts(Alert(BREACHING, 1, (leak,))) == (
        "Request #482913 is about to breach its standard",
        "Lekkage in kamer 12",
    )
    _, body = control.texts(Alert(NEW_REQUEST, 5, (leak, Mention(8, 100234, "Jan", "Printer"))))
    assert body.splitlines() == ["#482913 Lekkage in kamer 12", "#100234 Printer", "…"]


def test_a_request_the_snapshot_did_not_name_is_counted_not_named_by_its_row(qapp):
    control = AlertControl(reader=None, tray=None)
    title, body = control.texts(Alert(BREACHING, 1, (Mention(9, None, "", ""),)))
    assert "#" not in title and "9" not in title and body == "…"
