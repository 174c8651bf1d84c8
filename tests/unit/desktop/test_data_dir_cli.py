"""Whatever ``--data-dir`` names (a new folder, a file, a name too long, characters of any script), the CLI either
works or says why in one line: never a traceback, never "unexpected failure"."""

from __future__ import annotations

import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli import main

SEGMENT = st.text(
    st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=300
)


@pytest.fixture
def root_logging():
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in root.handlers[len(before) :]:
        handler.close()
        root.removeHandler(handler)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(segments=st.lists(SEGMENT, min_size=1, max_size=3), make_file=st.booleans())
def test_any_data_dir_either_works_or_is_refused_in_one_line(
    tmp_path_factory, capsys, root_logging, segments, make_file
):
    base = tmp_path_factory.mktemp("dirs")
    if make_file:
        (base / "taken").write_text("someone's file\n")
        segments = ["taken", *segments]
    data_dir = base.joinpath(*[s if s not in (".", "..") else f"_{s}" for s in segments])
    code = main(["--data-dir", str(data_dir), "status", "--json"])
    err = capsys.readouterr().err
    assert code in (0, 1)
    if code == 1:
        assert err.count("\n") == 1 and err.startswith("loket: ") and "unexpected" not in err, err
    else:
        assert err == ""
    if make_file:
        assert code == 1 and (base / "taken").read_text() == "someone's file\n"


def test_a_name_longer_than_the_file_system_takes_is_refused_in_one_line(tmp_path, capsys, root_logging):
    code = main(["--data-dir", str(tmp_path / ("é" * 200) / "store"), "status", "--json"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "cannot be used (File name too long)" in err, err
