"""Who works at this desktop: the name the history, "assigned to me" and the team's changes carry.

Kept in the store, not in the window's settings, so the command line acts under the same name as the window.
"""

from __future__ import annotations

import getpass
import os

import sqlite_utils

from store.desk_preferences import desk_preference, set_desk_preference

_PREFERENCE = "agent"


def system_user_name() -> str:
    """The operating system user's full name where it has one, else the login name."""
    try:
        import pwd

        full = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
    except (ImportError, KeyError, AttributeError):
        full = ""
    return full or getpass.getuser()


def stored_agent_name(db: sqlite_utils.Database) -> str | None:
    return desk_preference(db, _PREFERENCE)


def agent_name(db: sqlite_utils.Database) -> str:
    return stored_agent_name(db) or system_user_name()


def set_agent_name(db: sqlite_utils.Database, name: str) -> None:
    name = " ".join(name.split())
    if not name:
        raise ValueError("agent: a name is needed; the history shows it beside every change")
    set_desk_preference(db, _PREFERENCE, name)
