"""A standard given to one request by hand: it wins over the rules where this desktop has it, travels by name,
and a name this desktop lacks is kept, shown, and timed by the rules until a standard of that name exists."""

from __future__ import annotations

from datetime import timedelta

import pytest

from store import team_changes
from store.standards.rules import StandardError, add_standard, apply_standard, edit_standard, remove_standard
from store.standards.timers import load_timers
from store.team_changes import Change
from tests.unit.store.test_standard_rules import MONDAY_10, NOW, make_request, make_store, row, standard


def keyed_request(db):
    """A request every desktop knows by its key, on the standard the rules give it."""
    request = make_request(db)
    db.execute(
        "INSERT INTO request_keys (request_id, key) VALUES (?, ?)", [request, f"<{request}@request.loket>"]
    )
    apply_standard(db, request, NOW)
    return request


def chosen(db, request_id):
    return db.execute("SELECT chosen_standard FROM requests WHERE id = ?", [request_id]).fetchone()[0]


def test_a_standard_given_by_hand_wins_over_the_rules_and_the_timers_follow_it():
    db = make_store()
    default = add_standard(db, standard("default"), NOW)
    vip = add_standard(db, standard("vip", requester="nobody@example.org", first_response_min=30), NOW)
    request = keyed_request(db)
    assert row(db, request)["standard_id"] == default.id
    team_changes.set_field(db, request, "chosen_standard", "vip", "Anna", NOW)
    assert row(db, request)["standard_id"] == vip.id
    assert chosen(db, request) == "vip"
    timers = load_timers(db, request, NOW)
    assert timers is not None and timers.first_response.due == MONDAY_10 + timedelta(minutes=30)
    assert db.execute(
        "SELECT actor, json_extract(data_json, '$.to') FROM events WHERE kind = 'chosen_standard'"
    ).fetchall() == [("Anna", "vip")]
    team_changes.set_field(db, request, "chosen_standard", None, "Ben", NOW)
    assert (row(db, request)["standard_id"], chosen(db, request)) == (default.id, None)


def test_a_name_this_desktop_lacks_is_refused_here_and_nothing_changes():
    db = make_store()
    add_standard(db, standard("default"), NOW)
    request = keyed_request(db)
    with pytest.raises(StandardError, match="no standard called 'gold'"):
        team_changes.set_field(db, request, "chosen_standard", "gold", "Anna", NOW)
    assert chosen(db, request) is None
    assert not team_changes.queued(db, 1)


def test_a_name_chosen_on_another_desktop_is_kept_here_timed_by_the_rules_until_a_standard_of_that_name_exists():
    db = make_store()
    default = add_standard(db, standard("default"), NOW)
    request = keyed_request(db)
    key = team_changes.request_key(db, request)
    team_changes.receive(db, 1, [Change("c1", key, "chosen_standard", "gold", "Ben", NOW)])
    assert (chosen(db, request), row(db, request)["standard_id"]) == ("gold", default.id)
    gold = add_standard(db, standard("gold", priority="urgent", first_response_min=15), NOW)
    assert row(db, request)["standard_id"] == gold.id
    edit_standard(db, gold.id, {"name": "platinum"}, NOW)
    assert row(db, request)["standard_id"] == default.id
    edit_standard(db, gold.id, {"name": "gold"}, NOW)
    remove_standard(db, gold.id, NOW)
    assert (chosen(db, request), row(db, request)["standard_id"]) == ("gold", default.id)


def test_two_desktops_choosing_at_about_the_same_time_end_alike_with_both_in_the_history():
    db = make_store()
    add_standard(db, standard("default"), NOW)
    add_standard(db, standard("gold"), NOW)
    request = keyed_request(db)
    key = team_changes.request_key(db, request)
    later = Change("c2", key, "chosen_standard", "silver", "Ben", NOW + timedelta(seconds=1))
    earlier = Change("c1", key, "chosen_standard", "gold", "Anna", NOW)
    team_changes.receive(db, 1, [later])
    team_changes.receive(db, 1, [earlier])
    assert chosen(db, request) == "silver"
    assert sorted(
        db.execute(
            "SELECT actor, json_extract(data_json, '$.to') FROM events WHERE kind = 'chosen_standard'"
        ).fetchall()
    ) == [("Anna", "gold"), ("Ben", "silver")]
