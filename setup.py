"""Build hook: every wheel (and so ``pip install .`` and ``pipx install``) carries the compiled catalogues.

Git stores only the ``.ts`` sources; Qt reads ``.qm`` files. An editable install reads the checkout, where
``make translations`` compiles them; a built package compiles them here, with the ``lrelease`` that PySide6 ships.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


def lrelease() -> str:
    import PySide6  # a build requirement (pyproject.toml), imported only when a package is built

    return str(Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease"))


class BuildWithCatalogues(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib, "resources", "i18n")
        target.mkdir(parents=True, exist_ok=True)
        for source in sorted(Path("resources", "i18n").glob("*.ts")):
            catalogue = target / f"{source.stem}.qm"
            subprocess.run([lrelease(), "-silent", str(source), "-qm", str(catalogue)], check=True)


setup(cmdclass={"build_py": BuildWithCatalogues})
