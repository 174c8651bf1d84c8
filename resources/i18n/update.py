"""Bring the translation sources up to date with the code: ``python resources/i18n/update.py`` (or
``make translations-update``).

``pyside6-lupdate`` adds every new ``tr()`` string to each ``loket_<language>.ts`` as unfinished and drops strings
the code no longer has, so the translation test then names exactly what still needs a translator.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = ("nl", "de", "it")
# English is the source language; its catalogue holds only the plural forms ("1 request", "2 requests").
PLURAL_ONLY = ("en",)


def lupdate() -> str:
    """The ``pyside6-lupdate`` next to this Python (the venv's), else the one on the PATH."""
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    if found is None:
        raise SystemExit("pyside6-lupdate not found: install PySide6 in this environment")
    return found


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "desktop").rglob("*.py"))


def catalogue(language: str) -> Path:
    return HERE / f"loket_{language}.ts"


def main() -> int:
    for language in (*LANGUAGES, *PLURAL_ONLY):
        command = [lupdate(), "-no-obsolete", "-locations", "none", "-target-language", language, *sources()]
        if language in PLURAL_ONLY:
            command.append("-pluralonly")
        subprocess.run([*command, "-ts", str(catalogue(language).relative_to(ROOT))], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
