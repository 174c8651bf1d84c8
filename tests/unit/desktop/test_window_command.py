"""``loket --screenshot FILE``: paints the seeded store's first page, saves a PNG, prints the seconds, exits 0."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from PySide6.QtGui import QImage


def test_screenshot_paints_the_store_saves_a_png_and_prints_seconds(seeded_dir, tmp_path, artifacts):
    data_dir, _ = seeded_dir
    target = tmp_path / "window.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LOKET_USER": "anna.devries"}
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), "--screenshot", str(target)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    seconds = float(result.stdout.strip())
    assert 0 < seconds < 30
    image = QImage(str(target))
    assert image.width() >= 1280 and image.height() >= 800
    # The store's rows are painted, not a loading state: the list area holds more than the background colour.
    colours = {image.pixel(x, y) for x in range(300, 900, 7) for y in range(90, 400, 5)}
    assert len(colours) > 20
    shutil.copy(target, artifacts / "screenshot_command.png")


def _screenshot(data_dir, target) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), "--screenshot", str(target)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def test_screenshot_of_an_empty_store_still_paints_and_exits(tmp_path):
    target = tmp_path / "empty.png"
    result = _screenshot(tmp_path / "data", target)
    assert result.returncode == 0, result.stderr
    assert target.exists() and float(result.stdout)


def test_without_a_display_the_window_says_so_in_one_line_and_a_screenshot_still_works(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    base = [sys.executable, "-m", "desktop.cli", "--data-dir", str(tmp_path)]
    window = subprocess.run(base, capture_output=True, text=True, env=env, timeout=60)
    assert window.returncode == 1
    assert window.stderr.count("\n") == 1 and "no display" in window.stderr
    shot = subprocess.run(
        [*base, "--screenshot", str(tmp_path / "s.png")], capture_output=True, text=True, env=env, timeout=60
    )
    assert shot.returncode == 0, shot.stderr
    assert (tmp_path / "s.png").stat().st_size > 0


def test_a_store_that_cannot_be_opened_ends_the_window_command_in_one_line(tmp_path):
    (tmp_path / "loket.sqlite").write_bytes(b"no database at all" * 500)
    result = _screenshot(tmp_path, tmp_path / "x.png")
    assert result.returncode == 1
    assert result.stderr.startswith("loket: the store ") and "is damaged" in result.stderr
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "x.png").exists()
