"""Setting up a store for the demo: the seeded mailbox, its account and the departments of its colleagues.

Kept apart from the command so a test can build the same demo store the user sees, without a window.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime

import sqlite_utils

from desktop.demo.seed import build_messages, demo_desk, load_seed
from desktop.demo.servers import DemoServers
from store.accounts import (
    Account,
    AccountError,
    AccountSettings,
    add_account,
    get_account,
    settings_of,
    update_account,
)
from store.desk_preferences import desk_preference, set_desk_preference
from store.directory import add_domain_rule
from store.standards.rules import Standard, add_standard
from store.timeutil import from_db, to_db

log = logging.getLogger(__name__)

DEMO_ACCOUNT = "demo"
_SEEDED_AT = "demo_seeded_at"
# The seed's ages are chosen against this standard: some timers run, some warn (75 %), some are breached.
DEMO_STANDARD = Standard(
    id=None, account_id=None, name="Facilities & IT", first_response_min=240.0, resolution_min=2400.0
)


def prepare_demo(db: sqlite_utils.Database, servers: DemoServers, now: datetime) -> Account:
    """Seed ``servers`` with the demo mail and return the store's demo account pointing at them.

    A new store's mail is seeded as of ``now``. A store kept from an earlier demo gets the new ports and the same
    mail as then, to the byte (it has aged since, as mail does): the new server's UIDVALIDITY makes the next sync
    re-map it by content instead of storing it twice.
    """
    seed = load_seed()
    count = servers.seed(build_messages(seeded_at(db, now), seed))
    log.info("demo mailbox seeded with %d messages", count)
    desk = demo_desk(seed)
    for domain, department in desk.departments.items():
        add_domain_rule(db, domain, department)
    try:
        account = get_account(db, DEMO_ACCOUNT)
    except AccountError:
        account = add_account(
            db,
            AccountSettings(
                name=DEMO_ACCOUNT,
                address=desk.address,
                display_name=desk.name,
                imap_host=servers.host,
                imap_port=servers.imap_port,
                imap_security="none",
                smtp_host=servers.host,
                smtp_port=servers.smtp_port,
                smtp_security="none",
                username=servers.user,
                timezone=desk.timezone,
                holidays=desk.holidays,
                history_days=0,  # its mail shows a desk at work this month: none of it is history
            ),
        )
        add_standard(db, replace(DEMO_STANDARD, account_id=account.id))
        return account
    moved = replace(settings_of(db, account), imap_port=servers.imap_port, smtp_port=servers.smtp_port)
    return update_account(db, account.id, moved)


def seeded_at(db: sqlite_utils.Database, now: datetime) -> datetime:
    """The instant the store's demo mail was first seeded at; ``now`` (and kept) for a new store."""
    kept = from_db(desk_preference(db, _SEEDED_AT))
    if kept is not None:
        return kept
    set_desk_preference(db, _SEEDED_AT, to_db(now))
    return now
