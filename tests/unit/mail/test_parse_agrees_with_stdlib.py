"""The whole parse against Python's ``email`` package (``policy.default``): on every message where the standard
library reports no defect, both read the same subject, text, attachment names (before sanitising), types and decoded
sizes, attached messages included. Corpora: CPython's own email test data, the test samples, the generated bench
mailboxes, the named cases of ``tests.mail_cases`` and hypothesis-composed messages."""

from __future__ import annotations

import base64
import contextlib
import html
import quopri
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


# --- messages written byte by byte, in the many shapes mailers write them -----------------------------------------

_WORD_CHARSETS = [
    "utf-8",
    "iso-8859-1",
    "iso-8859-15",
    "windows-1252",
    "iso-2022-jp",
    "koi8-r",
    "gb18030",
    "big5",
]
_PARAMETER_TEXT = st.text(
    st.characters(categories=["L", "N"], include_characters=" .-_()"), min_size=1, max_size=60
)


def _encoded_word(text: str, charset: str, q_encoding: bool) -> str:
    data = text.encode(charset, "replace")
    if q_encoding:
        encoded = "".join(
            chr(byte) if chr(byte).isalnum() and byte < 128 else "_" if byte == 32 else f"={byte:02X}"
            for byte in data
        )
        return f"=?{charset}?Q?{encoded}?="
    return f"=?{charset}?B?{base64.b64encode(data).decode('ascii')}?="


@st.composite
def header_text(draw: st.DrawFn) -> str:
    """A Subject or display name: plain ASCII, or encoded words (Q or B, in several charsets), possibly folded."""
    words = draw(st.lists(st.text(_TEXT, min_size=1, max_size=20).filter(str.strip), min_size=1, max_size=4))
    if draw(st.booleans()):
        return " ".join(word.encode("ascii", "replace").decode() for word in words).replace("?", "x")
    charset = draw(st.sampled_from(_WORD_CHARSETS))
    parts = [_encoded_word(_in_charset(word, charset), charset, draw(st.booleans())) for word in words]
    return draw(st.sampled_from([" ", "\r\n "])).join(parts)


@st.composite
def filename_parameter(draw: st.DrawFn) -> str:
    """A file name as mailers send it: quoted, RFC 2231 (one piece or continued), or RFC 2047 inside quotes."""
    name = draw(_PARAMETER_TEXT).strip() or "x"
    shape = draw(st.sampled_from(["quoted", "rfc2231", "continued", "rfc2047"]))
    if shape == "quoted":
        return f'filename="{name.encode("ascii", "replace").decode().replace("?", "_")}"'
    encoded = "".join(f"%{byte:02X}" for byte in name.encode("utf-8"))
    if shape == "rfc2231":
        return f"filename*=utf-8''{encoded}"
    if shape == "continued":
        middle = len(encoded) // 2 // 3 * 3
        return f"filename*0*=utf-8''{encoded[:middle]};\r\n filename*1*={encoded[middle:] or '_'}"
    return f'filename="{_encoded_word(name, "utf-8", False)}"'


@st.composite
def leaf(draw: st.DrawFn) -> str:
    """One text or attachment part with its headers, in a transfer encoding mailers use."""
    kind = draw(st.sampled_from(["plain", "html", "file", "file"]))
    charset = draw(st.sampled_from(["utf-8", *_ENCODABLE_LABELS]))
    if kind == "file":
        data = draw(st.binary(max_size=300))
        head = "Content-Type: application/octet-stream\r\n"
        head += f"Content-Disposition: {draw(st.sampled_from(['attachment', 'inline']))}; {draw(filename_parameter())}"
        return (
            f"{head}\r\nContent-Transfer-Encoding: base64\r\n\r\n{base64.encodebytes(data).decode('ascii')}"
        )
    text = _in_charset(NATIVE.get(charset, "") + draw(st.text(_TEXT, max_size=120)), charset)
    if kind == "html":
        text = f"<p>{html.escape(text)}</p>"
    data = text.encode(charset)
    encoding = draw(st.sampled_from(["base64", "quoted-printable", "Base64", "QUOTED-PRINTABLE"]))
    body = base64.encodebytes(data) if encoding.lower() == "base64" else quopri.encodestring(data)
    label = draw(st.sampled_from([charset, f'"{charset}"', f"{charset.upper()} (the charset)"]))
    return (
        f"Content-Type: text/{kind}; charset={label}\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n"
        + body.decode("ascii").replace("\n", "\r\n")
    )


@st.composite
def entity(draw: st.DrawFn, depth: int = 0) -> str:
    """A part: a leaf, or a multipart of parts (with preamble and epilogue), or an attached message."""
    shape = draw(st.sampled_from(["leaf", "leaf", "multipart", "message"] if depth < 3 else ["leaf"]))
    if shape == "leaf":
        return draw(leaf())
    if shape == "message":
        return f"Content-Type: message/rfc822\r\n\r\n{draw(whole_message(depth + 1))}"
    subtype = draw(st.sampled_from(["mixed", "alternative", "related"]))
    boundary = f"b{depth}'()+_,-./:=?{draw(st.integers(0, 999))}"
    children = draw(st.lists(entity(depth + 1), min_size=1, max_size=3))
    body = "".join(f"\r\n--{boundary}\r\n{child}" for child in children)
    preamble = draw(st.sampled_from(["", "This is a multi-part message in MIME format.\r\n"]))
    return f'Content-Type: multipart/{subtype};\r\n boundary="{boundary}"\r\n\r\n{preamble}{body}\r\n--{boundary}--\r\n'


@st.composite
def whole_message(draw: st.DrawFn, depth: int = 0) -> str:
    name = draw(header_text())
    return (
        f"From: {name} <jan@example.nl>\r\nTo: desk@example.org\r\nSubject: {draw(header_text())}\r\n"
        f"Date: Tue, 3 Mar 2026 09:00:00 +0100\r\nMIME-Version: 1.0\r\n{draw(entity(depth))}"
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(whole_message(), st.booleans())
def test_messages_written_byte_by_byte(message, bare_line_ends):
    raw = message.encode("ascii")
    if bare_line_ends:
        raw = raw.replace(b"\r\n", b"\n")
    with contextlib.suppress(Unreadable):
        assert disagreements(raw) == []
