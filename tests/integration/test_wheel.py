"""A built package carries the compiled catalogues, so ``pip install .`` and a wheel show the translated window."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.integration


def checkout_without_catalogues(target: Path) -> Path:
    """The files git tracks, as a fresh clone has them: no ``.qm`` that ``make translations`` left in the tree."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    assert not list(target.rglob("*.qm"))
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = checkout_without_catalogues(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("loket-*.whl")
    return built


@pytest.mark.parametrize(
    ("language", "context", "source", "expected"),
    [
        ("en", "MainWindow", "%Ln request(s)", "%Ln requests"),
        ("nl", "MainWindow", "%Ln request(s)", "%Ln verzoeken"),
        ("de", "MainWindow", "%Ln request(s)", "%Ln Anfragen"),
        ("it", "MainWindow", "%Ln request(s)", "%Ln richieste"),
    ],
)
def test_wheel_carries_compiled_catalogues(wheel, language, context, source, expected):
    with zipfile.ZipFile(wheel) as archive:
        data = archive.read(f"resources/i18n/loket_{language}.qm")
    translator = QTranslator()
    assert translator.load(data)
    assert translator.translate(context, source, None, 30) == expected
