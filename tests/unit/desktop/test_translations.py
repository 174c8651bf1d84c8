"""The Dutch, German and Italian catalogues are complete, match the code's strings and keep every placeholder."""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[3]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("nl", "de", "it", "en")  # English: only the plural forms
PLACEHOLDER = re.compile(r"%L?n|%\d+|\{[a-z_]*\}")


def _load_update() -> ModuleType:
    """resources/i18n/update.py: the same lupdate call the developers run."""
    spec = importlib.util.spec_from_file_location("i18n_update", I18N / "update.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


update = _load_update()

Entry = tuple[str, str]  # (context, source)


def entries(path: Path) -> dict[Entry, ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


@pytest.fixture(scope="module")
def code_strings(tmp_path_factory: pytest.TempPathFactory) -> dict[Entry, ET.Element]:
    """Every translatable string in the code today, as lupdate extracts it."""
    target = tmp_path_factory.mktemp("lupdate") / "code.ts"
    command = [update.lupdate(), "-locations", "none", *update.sources(), "-ts", str(target)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return entries(target)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language: str) -> None:
    problems = []
    for (context, source), message in entries(update.catalogue(language)).items():
        kind = message.find("translation").get("type")  # type: ignore[union-attr]
        if kind is not None:
            problems.append(f"{context}: {source!r} is {kind}")
        elif any(not text.strip() for text in texts(message)):
            problems.append(f"{context}: {source!r} has no translation")
    assert not problems, "run resources/i18n/update.py and translate:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_holds_exactly_the_strings_of_the_code(
    language: str, code_strings: dict[Entry, ET.Element]
) -> None:
    catalogue = set(entries(update.catalogue(language)))
    if language in update.PLURAL_ONLY:
        code_strings = {entry: m for entry, m in code_strings.items() if m.get("numerus") == "yes"}
    assert sorted(set(code_strings) - catalogue) == [], (
        "new strings: run resources/i18n/update.py and translate"
    )
    assert sorted(catalogue - set(code_strings)) == [], (
        "strings gone from the code: run resources/i18n/update.py"
    )


def _literal_texts_passed_to_tr(path: Path) -> set[str]:
    """The literal texts a file hands to ``tr()`` or ``translate()``, read by Python itself (f-strings included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
        position = {"tr": 0, "translate": 1}.get(name or "")
        if position is None or len(node.args) <= position:
            continue
        argument = node.args[position]
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            found.add(argument.value)
    return found


def test_lupdate_finds_every_text_the_code_translates(code_strings: dict[Entry, ET.Element]) -> None:
    """lupdate's Python parser misses some calls (a single-quoted text inside an f-string): those would never show
    translated."""
    extracted = {source for _context, source in code_strings}
    missed = {
        f"{path.relative_to(ROOT)}: {text!r}"
        for path in sorted((ROOT / "desktop").rglob("*.py"))
        for text in _literal_texts_passed_to_tr(path) - extracted
    }
    assert not missed, "lupdate does not see these; pass the text outside the f-string:\n" + "\n".join(
        sorted(missed)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_one_mnemonic(language: str) -> None:
    problems = []
    for (context, source), message in entries(update.catalogue(language)).items():
        wanted = sorted(PLACEHOLDER.findall(source))
        for text in texts(message):
            if sorted(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"{context}: {source!r} -> {text!r}: placeholders differ")
            if source.count("&") != text.count("&") and "&&" not in source:
                problems.append(f"{context}: {source!r} -> {text!r}: mnemonic lost or doubled")
    assert not problems, "\n".join(problems)


def test_catalogues_compile_with_lrelease(tmp_path: Path) -> None:
    lrelease = Path(update.lupdate()).with_name("pyside6-lrelease")
    for language in LANGUAGES:
        target = tmp_path / f"loket_{language}.qm"
        subprocess.run(
            [str(lrelease), "-silent", str(update.catalogue(language)), "-qm", str(target)], check=True
        )
        translator = QTranslator()
        assert translator.load(str(target)) and not translator.isEmpty(), language
