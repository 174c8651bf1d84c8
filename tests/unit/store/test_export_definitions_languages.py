"""The definitions sheet exists in English, Dutch, German and Italian, with the same entries and column names."""

from __future__ import annotations

import re

import pytest

from store.stats.definitions import DEFINITIONS, definitions

IDENTIFIER = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")  # column names such as received_at stay untranslated


@pytest.mark.parametrize("language", ["nl", "de", "it"])
def test_every_column_is_defined_in_the_language(language: str) -> None:
    english, texts = DEFINITIONS["en"], DEFINITIONS[language]
    assert set(texts) == set(english)
    for key, text in texts.items():
        assert text.strip(), key
        assert set(IDENTIFIER.findall(english[key])) <= set(IDENTIFIER.findall(text)), key
    assert texts["received_at"] != english["received_at"]


def test_regional_variants_use_their_language() -> None:
    assert definitions("de-CH") is DEFINITIONS["de"]
    assert definitions("it_IT") is DEFINITIONS["it"]
    assert definitions("fr") is DEFINITIONS["en"]
