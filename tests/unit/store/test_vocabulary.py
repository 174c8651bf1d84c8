"""The enums name exactly the values the schema allows, so code and database cannot drift apart."""

from __future__ import annotations

import re

import pytest

from store import migrations
from store.db import open_memory_db
from store.vocabulary import AutoKind, Direction, FolderRole, OutboxState, RequestStatus, Role


def _allowed(table: str, column: str) -> set[str]:
    """The values a CHECK of ``table`` in the first schema lists for ``column``."""
    definition = re.search(rf"CREATE TABLE {table} \((.*?)\n\);", migrations.V1, re.DOTALL)
    assert definition is not None, table
    found = re.search(rf"CHECK \({column} IN \(([^)]*)\)\)", definition.group(1))
    assert found is not None, column
    return {value.strip().strip("'") for value in found.group(1).split(",")}


@pytest.mark.parametrize(
    ("table", "column", "enum"),
    [
        ("requests", "status", RequestStatus),
        ("messages", "direction", Direction),
        ("messages", "role", Role),
        ("messages", "auto_kind", AutoKind),
        ("folders", "role", FolderRole),
        ("outbox", "state", OutboxState),
    ],
)
def test_each_enum_names_the_values_the_schema_allows(table: str, column: str, enum: type) -> None:
    assert {member.value for member in enum} == _allowed(table, column)


def test_a_member_binds_and_reads_back_as_its_value() -> None:
    db = open_memory_db()
    assert db.execute("SELECT ?", [RequestStatus.WAITING_COLLEAGUE]).fetchone() == ("waiting_colleague",)
