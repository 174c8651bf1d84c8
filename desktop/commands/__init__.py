"""Sub-commands of ``loket``: one module each, with ``register(subparsers)`` that sets ``func`` on its parser.

A module here imports Qt only inside the function that opens a window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

if TYPE_CHECKING:
    import sqlite_utils

    from store.accounts import Account

# Order is the order shown in ``loket --help``.
COMMAND_MODULES: tuple[str, ...] = (
    "account",
    "sync",
    "status",
    "reply",
    "request",
    "outbox",
    "demo",
    "export",
    "report",
    "requesters",
    "standard",
    "rebuild",
)


class CliError(Exception):
    """A failure the CLI reports in one line; exit code 1 (runtime) or 2 (usage)."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def read_body_file(path: str) -> str:
    """A ``--body-file``: UTF-8 text (a BOM allowed); unreadable is a usage error."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise CliError(f"cannot read the body file {path}: {error}", exit_code=2) from error


def named_account(db: sqlite_utils.Database, name: str | None) -> Account:
    """The account a command names, or the only one there is; naming none that exists is a usage error."""
    from store.accounts import AccountError, get_account

    try:
        return get_account(db, name)
    except AccountError as error:
        raise CliError(str(error), exit_code=2) from error


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("loket", appauthor=False))
