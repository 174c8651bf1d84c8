"""The whole parse against Python's ``email`` package (``policy.default``): on every message where the standard
library reports no defect, both read the same subject, text, attachment names (before sanitising), types and decoded
sizes, attached messages included. Corpora: CPython's own email test data, the test samples, the generated bench
mailboxes, the named cases of ``tests.mail_cases`` and hypothesis-composed messages."""

from __future__ import annotations

import contextlib
import sysconfig
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.corpus.mailbox import MailboxGenerator
from bench.parse import make_corpus
from tests.mail_cases import CASES
from tests.stdlib_reference import Unreadable, disagreements
from tests.unit.mail.test_parse import NATIVE, SAMPLES

CPYTHON_DATA = Path(sysconfig.get_paths()["stdlib"]) / "test" / "test_email" / "data"
CPYTHON_MESSAGES = sorted(CPYTHON_DATA.glob("msg_*.txt"))


def agreement(messages: list[bytes]) -> tuple[int, list[str]]:
    """How many messages the standard library reads without defect, and the disagreements on them."""
    compared, found = 0, []
    for number, raw in enumerate(messages):
        try:
            differences = disagreements(raw)
        except Unreadable:
            continue
        compared += 1
        found += [f"#{number}: {difference}" for difference in differences]
    return compared, found


@pytest.mark.skipif(
    not CPYTHON_MESSAGES, reason="this Python has no test package (CPython's email test data)"
)
def test_cpython_email_test_data():
    compared, found = agreement([path.read_bytes() for path in CPYTHON_MESSAGES])
    assert compared >= 30
    assert found == []


def test_samples_of_real_mailers():
    compared, found = agreement([path.read_bytes() for path in sorted(SAMPLES.glob("*.eml"))])
    assert compared >= 5
    assert found == []


def test_generated_department_mailbox():
    compared, found = agreement([message.raw for message in MailboxGenerator(seed=7).messages(600)])
    assert compared == 600
    assert found == []


def test_generated_office_mail():
    compared, found = agreement(make_corpus(300, seed=11))
    assert compared > 200
    assert found == []


@pytest.mark.parametrize(("name", "raw"), CASES, ids=[name for name, _ in CASES])
def test_named_cases(name, raw):
    try:
        assert disagreements(raw) == []
    except Unreadable as reason:
        pytest.skip(f"the standard library does not read it: {reason}")


_TEXT = st.characters(categories=["L", "N", "Zs", "P"], exclude_characters="\x85\u2028\u2029")
_ENCODABLE_LABELS = sorted(label for label in NATIVE if label not in ("hz-gb-2312", "iso-2022-kr", "utf-7"))


def _in_charset(text: str, charset: str) -> str:
    return text.encode(charset, "replace").decode(charset)


@st.composite
def composed(draw: st.DrawFn, depth: int = 0) -> EmailMessage:
    """A message as a mail client writes it: charsets of every script, text and HTML alternatives, attachments
    with names in any script, and attached messages that carry the same again."""
    charset = draw(st.sampled_from(["utf-8", *_ENCODABLE_LABELS]))
    text = _in_charset(NATIVE.get(charset, "") + draw(st.text(_TEXT, max_size=200)), charset)
    message = EmailMessage()
    message["From"] = "Jan <jan@example.nl>"
    message["To"] = "desk@example.org"
    message["Subject"] = draw(st.text(_TEXT, max_size=60))
    message["Date"] = "Tue, 3 Mar 2026 09:00:00 +0100"
    cte = draw(st.sampled_from(["quoted-printable", "base64", "8bit"]))
    message.set_content(text + "\n", charset=charset, cte=cte)
    if draw(st.booleans()):
        message.add_alternative(f"<p>{draw(st.text(_TEXT, max_size=80))}</p>", subtype="html")
    for _ in range(draw(st.integers(0, 2))):
        name = draw(st.text(_TEXT, min_size=1, max_size=120))
        message.add_attachment(draw(st.binary(max_size=200)), "application", "octet-stream", filename=name)
    if depth < 2 and draw(st.booleans()):
        message.add_attachment(draw(composed(depth + 1)))
    for number, part in enumerate(message.walk()):
        if part.is_multipart():
            part.set_boundary(f"==b{depth}.{number}==")
    return message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(composed())
def test_composed_messages(message):
    raw = message.as_bytes()
    with contextlib.suppress(Unreadable):  # a defect in what the library wrote itself: nothing to compare
        assert disagreements(raw) == []
