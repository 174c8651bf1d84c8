"""The name this desktop acts under: set once, shared by the window and the command line."""

from __future__ import annotations

import pytest

from store.agent import agent_name, set_agent_name, system_user_name
from store.db import open_memory_db


def test_the_agent_name_is_the_system_users_until_one_is_set_and_then_that_one():
    db = open_memory_db()
    assert agent_name(db) == system_user_name() != ""
    set_agent_name(db, "  Anna   Müller ")
    set_agent_name(db, "Anna  Müller")
    assert agent_name(db) == "Anna Müller"


def test_an_empty_agent_name_is_refused():
    with pytest.raises(ValueError, match="agent"):
        set_agent_name(open_memory_db(), "   ")
