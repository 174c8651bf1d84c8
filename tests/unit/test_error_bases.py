"""Each layer raises errors of its own base, so a caller catches one class and says its message to a person."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

from mail.errors import MailError
from store.errors import StoreError
from store.stats.records import Cancelled

NOT_FAILURES = {Cancelled}  # a newer question made the answer unwanted: nothing went wrong


def _errors_defined_in(package: str) -> list[type[BaseException]]:
    found = []
    for module_info in pkgutil.walk_packages(importlib.import_module(package).__path__, f"{package}."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__ == module.__name__
                and not name.startswith("_")
                and value not in NOT_FAILURES
            ):
                found.append(value)
    return found


@pytest.mark.parametrize(("package", "base"), [("store", StoreError), ("mail", MailError)])
def test_every_public_error_of_a_layer_derives_from_its_base(package, base):
    errors = _errors_defined_in(package)
    assert len(errors) > 5
    assert [error.__qualname__ for error in errors if not issubclass(error, base)] == []
