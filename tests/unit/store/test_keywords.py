from hypothesis import given
from hypothesis import strategies as st

from store.keywords import (
    TeamState,
    decode_name,
    encode_name,
    keywords_for,
    reconcile,
    state_from_flags,
)

STATUSES = ("new", "open", "waiting", "waiting_colleague", "resolved")
states = st.builds(
    TeamState, st.sampled_from(STATUSES), st.one_of(st.none(), st.text(min_size=1, max_size=20))
)


@given(st.text(max_size=30))
def test_names_survive_the_keyword_encoding(name):
    encoded = encode_name(name)
    assert all(c.isascii() and (c.isalnum() or c in "_-=") for c in encoded)
    assert decode_name(encoded) == name


@given(states)
def test_a_state_reads_back_from_its_keywords(state):
    flags = {"\\Seen", "$Forwarded", *keywords_for(state)}
    expected = TeamState(state.status, state.assignee or None)
    assert state_from_flags(flags, STATUSES) == expected


def test_no_or_unknown_status_keyword_says_nothing():
    assert state_from_flags({"\\Seen"}, STATUSES) is None
    assert state_from_flags({"$Loket.Status.bogus"}, STATUSES) is None


@given(states, states, states)
def test_reconcile_takes_the_side_that_changed(local, agreed, remote):
    decision = reconcile(local, agreed, remote)
    if local != agreed:
        assert decision.agreed == local and decision.apply_locally is None
        assert decision.push == (local if remote != local else None)
    elif remote != agreed:
        assert decision.apply_locally == remote and decision.agreed == remote and decision.push is None
    else:
        assert decision == reconcile(agreed, agreed, agreed)
        assert decision.push is None and decision.apply_locally is None


def test_a_new_desktop_takes_the_mailboxs_word():
    local, remote = TeamState("new", None), TeamState("waiting", "Anna")
    assert reconcile(local, None, remote).apply_locally == remote
    assert reconcile(local, None, None).agreed == local


@given(states)
def test_a_state_is_stored_as_the_text_sqlite_makes_of_it(state):
    """Sync finds the requests to reconcile by comparing the stored text with SQLite's json_object in SQL."""
    import sqlite3

    sql = sqlite3.connect(":memory:").execute(
        "SELECT json_object('assignee', ?, 'status', ?)", [state.assignee, state.status]
    )
    assert state.to_json() == sql.fetchone()[0]
