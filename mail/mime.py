"""Split raw mail into headers and a tree of MIME parts, fast, and without ever failing.

The stdlib parser feeds every line through Python (about 1,300 office mails/s here with ``compat32``); sync needs more,
so this splitter finds header ends and boundaries with ``bytes.find`` and leaves charset decoding to the caller.
What real mail gets wrong (missing boundaries, truncated parts, broken base64) is tolerated and recorded as a problem.
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass, field
from urllib.parse import unquote_to_bytes

import pybase64

from mail.charsets import decode_8bit, decode_text

MAX_DEPTH = 20  # deeper nesting is either an attack or a loop of forwards; the rest stays one opaque part
MAX_PARTS = 500

_FIELD = re.compile(r"([!-9;-~]+)[ \t]*:([^\n]*(?:\n[ \t][^\n]*)*)(?:\n|\Z)")
# Anchored after ";" so a long run of junk costs one scan, not one per starting position.
_PARAM = re.compile(r"""(?:^|;)\s*([^\s=;"]+)\s*=\s*("(?:[^"\\]|\\.)*"?|[^;]*)""", re.S)
MAX_HEADER = 65_536  # characters of one header value; longer ones are junk or an attack, and cost time
_QUOTED_PAIR = re.compile(r"\\(.)", re.S)
_NOT_BASE64 = re.compile(rb"[^A-Za-z0-9+/]")
_IDENTITY_ENCODINGS = frozenset(("", "7bit", "8bit", "binary"))


@dataclass(slots=True)
class Part:
    """One MIME entity: its headers (lower-case names, values unfolded), type, parameters and raw body or children."""

    headers: dict[str, list[str]]
    content_type: str
    params: dict[str, str]
    body: bytes = b""
    children: list[Part] = field(default_factory=list)

    def header(self, name: str) -> str | None:
        values = self.headers.get(name)
        return values[0] if values else None

    @property
    def is_multipart(self) -> bool:
        return self.content_type.startswith("multipart/")

    def disposition(self) -> tuple[str, dict[str, str]]:
        """The Content-Disposition type (lower-case, "" when absent) and its parameters."""
        value = self.header("content-disposition")
        if not value:
            return "", {}
        if "(" in value:
            value = without_comments(value)
        kind, _, rest = value.partition(";")
        return kind.strip().lower(), parse_params(rest)


def split_headers(data: bytes, problems: list[str]) -> tuple[dict[str, list[str]], bytes]:
    """Headers of an entity (8-bit values read as UTF-8 or windows-1252) and the body that follows them."""
    if data[:1] == b"\n":
        return {}, data[1:]
    if data[:2] == b"\r\n":
        return {}, data[2:]
    block, separator, body = _cut_header_block(data)
    if b"\x00" in block:
        block = block.replace(b"\x00", b"")
    text = block.decode("ascii") if block.isascii() else "\n".join(map(decode_8bit, block.split(b"\n")))
    headers: dict[str, list[str]] = {}
    position, size = 0, len(text)
    while position < size:
        match = _FIELD.match(text, position)
        if match is None:
            line_end = text.find("\n", position)
            if text[position] in " \t" or (position == 0 and text.startswith("From ")):
                # a continuation with no field before it, or an mbox separator line: not part of any header
                position = size if line_end < 0 else line_end + 1
                continue
            problems.append("malformed header line; the rest was read as body")
            rest = block.split(b"\n")[text.count("\n", 0, position) :]
            body = b"\n".join(rest) + separator + body
            break
        value = match.group(2)
        if len(value) > MAX_HEADER:
            problems.append(f"header {match.group(1)[:40]} longer than {MAX_HEADER} characters; cut")
            value = value[:MAX_HEADER]
        if "\n" in value:  # unfold: drop the line ends, keep the whitespace that starts each continuation
            value = value.replace("\r\n", "").replace("\n", "")
        headers.setdefault(match.group(1).lower(), []).append(value.strip())
        position = match.end()
    return headers, body


def _cut_header_block(data: bytes) -> tuple[bytes, bytes, bytes]:
    """Header block, the blank line that ends it, and the body; all header when there is no blank line."""
    crlf_end = data.find(b"\n\r\n")
    lf_end = data.find(b"\n\n", 0, crlf_end if crlf_end >= 0 else len(data))
    if lf_end >= 0:
        return data[:lf_end], b"\n\n", data[lf_end + 2 :]
    if crlf_end >= 0:
        return data[:crlf_end], b"\n\r\n", data[crlf_end + 3 :]
    return data, b"", b""


def without_comments(value: str) -> str:
    """A structured header value with its RFC 822 comments (``(scanned copy)``, nested too) taken out; parentheses
    inside quoted strings are text and stay."""
    out: list[str] = []
    depth = 0
    quoted = escaped = False
    for char in value:
        if escaped:
            escaped = False
            if depth == 0:
                out.append(char)
            continue
        if char == "\\" and (quoted or depth):
            escaped = True
            if depth == 0:
                out.append(char)
            continue
        if depth == 0 and char == '"':
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
            continue
        elif not quoted and depth and char == ")":
            depth -= 1
            if depth == 0:
                out.append(" ")
            continue
        if depth == 0:
            out.append(char)
    return "".join(out)


def parse_params(text: str) -> dict[str, str]:
    """Parameters of a structured header (``; name="value"``), RFC 2231 continuations and charsets resolved."""
    params: dict[str, str] = {}
    for match in _PARAM.finditer(text):
        value = match.group(2).strip()
        if value.startswith('"'):
            value = value[1:-1] if len(value) > 1 and value.endswith('"') else value[1:]
            if "\\" in value:
                value = _QUOTED_PAIR.sub(r"\1", value)
        params.setdefault(match.group(1).lower(), value)
    if any("*" in key for key in params):
        return _resolve_rfc2231(params)
    return params


def _resolve_rfc2231(params: dict[str, str]) -> dict[str, str]:
    """Join ``name*0*=utf-8''...; name*1*=...`` segments and decode them; extended values win over plain ones."""
    resolved = {key: value for key, value in params.items() if "*" not in key}
    segments: dict[str, list[tuple[int, bool, str]]] = {}
    for key, value in params.items():
        if "*" not in key:
            continue
        base, _, rest = key.partition("*")
        number = rest.rstrip("*")
        index = int(number) if number.isdigit() and len(number) < 6 else 0
        segments.setdefault(base, []).append((index, key.endswith("*"), value))
    for base, parts in segments.items():
        parts.sort()
        charset: str | None = None
        joined = bytearray()
        for position, (_, encoded, value) in enumerate(parts):
            if encoded:
                if position == 0 and value.count("'") >= 2:
                    charset, _, value = value.split("'", 2)
                joined += unquote_to_bytes(value)
            else:
                joined += value.encode("utf-8", "replace")
        resolved[base] = decode_text(bytes(joined), charset or "utf-8")[0]
    return resolved


def parse_entity(data: bytes, problems: list[str], default_type: str = "text/plain") -> Part:
    """The MIME tree of one message (or embedded entity); never raises, records what it had to guess."""
    counter = [0]
    return _parse(data, problems, default_type, 0, counter)


def _parse(data: bytes, problems: list[str], default_type: str, depth: int, counter: list[int]) -> Part:
    counter[0] += 1
    headers, body = split_headers(data, problems)
    content_type, params = _content_type(headers, default_type, problems)
    part = Part(headers, content_type, params, body)
    if not content_type.startswith("multipart/"):
        return part
    if depth >= MAX_DEPTH or counter[0] >= MAX_PARTS:
        problems.append("MIME nesting too deep or too many parts; the rest kept as one part")
        part.content_type, part.params = "application/octet-stream", {}
        return part
    boundary = params.get("boundary", "")
    chunks = split_multipart(body, boundary, problems) if boundary else None
    if chunks is None:
        if not boundary:
            problems.append(f"{content_type} without boundary; read as plain text")
        part.content_type, part.params = "text/plain", {}
        return part
    child_default = "message/rfc822" if content_type == "multipart/digest" else "text/plain"
    part.body = b""
    for chunk in chunks:
        if counter[0] >= MAX_PARTS:
            problems.append("too many MIME parts; the rest were skipped")
            break
        part.children.append(_parse(chunk, problems, child_default, depth + 1, counter))
    return part


def _content_type(
    headers: dict[str, list[str]], default: str, problems: list[str]
) -> tuple[str, dict[str, str]]:
    values = headers.get("content-type")
    if not values:
        return default, {}
    value = without_comments(values[0]) if "(" in values[0] else values[0]
    kind, _, rest = value.partition(";")
    kind = kind.strip().lower()
    maintype, slash, subtype = kind.partition("/")
    if not slash or not maintype or not subtype or " " in kind:
        problems.append(f"malformed Content-Type {values[0][:60]!r}; read as {default}")
        return default, parse_params(rest)
    return kind, parse_params(rest)


def split_multipart(body: bytes, boundary: str, problems: list[str]) -> list[bytes] | None:
    """The bodies between ``--boundary`` lines; None when the boundary never appears."""
    delimiter = b"--" + boundary.encode("utf-8", "replace")
    # (where a delimiter line starts, counting the line end before it, which belongs to it; where the line ends)
    starts: list[tuple[int, int]] = []
    closed = False
    position = 0
    size = len(body)
    while True:
        found = body.find(delimiter, position)
        if found < 0:
            break
        position = found + len(delimiter)
        if found > 0 and body[found - 1] != 0x0A:
            continue
        after = position
        is_close = body.startswith(b"--", after)
        if is_close:
            after += 2
        while after < size and body[after] in (0x20, 0x09):
            after += 1
        if after < size and body[after] not in (0x0A, 0x0D):
            continue  # a longer boundary that merely starts with this one
        line_end = body.find(b"\n", after)
        line_end = size if line_end < 0 else line_end + 1
        line_start = found
        if found > 0:
            line_start = found - 2 if found > 1 and body[found - 2] == 0x0D else found - 1
        starts.append((line_start, line_end))
        position = line_end
        if len(starts) > MAX_PARTS:
            break
        if is_close:
            closed = True
            break
    if not starts:
        problems.append("multipart boundary not found; read as plain text")
        return None
    if not closed:
        problems.append("multipart not terminated (truncated message?)")
        starts.append((size, size))
    return [body[starts[i][1] : starts[i + 1][0]] for i in range(len(starts) - 1)]


def _decode_base64(body: bytes) -> bytes:
    """binascii's reading of base64, by pybase64's vector decoder (ten times faster) wherever the two agree: when
    padding comes only at the end. binascii stops at a ``=`` in the middle, so such bodies go to binascii."""
    first_pad = body.find(b"=")
    if first_pad >= 0 and body[first_pad:].rstrip(b" \t\r\n").rstrip(b"="):
        return binascii.a2b_base64(body)
    return pybase64.b64decode(body, validate=False)


def transfer_decode(part: Part, problems: list[str]) -> bytes:
    """The part's body with its Content-Transfer-Encoding undone; broken base64 yields what can be read."""
    encoding = (part.header("content-transfer-encoding") or "").strip().lower()
    if "(" in encoding:  # "base64 (encoded by the scanner)"
        encoding = without_comments(encoding).strip()
    body = part.body
    if encoding in _IDENTITY_ENCODINGS:
        return body
    if encoding == "base64":
        try:
            return _decode_base64(body)
        except (binascii.Error, ValueError):
            problems.append("broken base64; decoded what could be read")
            cleaned = _NOT_BASE64.sub(b"", body)
            cleaned = cleaned[: len(cleaned) - len(cleaned) % 4] if len(cleaned) % 4 == 1 else cleaned
            return binascii.a2b_base64(cleaned + b"=" * (-len(cleaned) % 4))
    if encoding == "quoted-printable":
        return binascii.a2b_qp(body)
    problems.append(f"unknown transfer encoding {encoding[:40]!r}; kept as is")
    return body
