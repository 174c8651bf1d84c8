"""Replies and forwards as MIME: threading headers, one reply prefix, recipients, encodings, attachments."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mail.compose import (
    MAX_REFERENCES,
    Draft,
    Original,
    base_subject,
    build_message,
    quote_block,
    reply_recipients,
    reply_subject,
    revise_message,
    text_to_html,
    trim_references,
)
from store.accounts import Account
from store.records import Address, AttachmentData

NOW = datetime(2026, 11, 23, 10, 15, tzinfo=UTC)
ACCOUNT = Account(
    id=1,
    name="desk",
    address="desk@example.org",
    display_name="Service Désk",
    imap_host="localhost",
    imap_port=143,
    imap_security="none",
    smtp_host="localhost",
    smtp_port=25,
    smtp_security="none",
    username="desk",
    calendar_id=None,
    signature="Facilities desk\nBuilding 2",
)
ANNA = Address("Anna de Vries", "anna@example.org")
ORIGINAL = Original(
    message_id="<m2@example.org>",
    subject="AW: Re: Stoel kapot",
    sender=ANNA,
    date=datetime(2026, 11, 20, 8, 0, tzinfo=UTC),
    text_body="Mijn stoel is kapot.\n> older quote\n",
    references=("<m0@example.org>", "<m1@example.org>"),
    to=(Address("", "desk@example.org"), Address("Bram", "bram@example.org")),
    cc=(Address("Carla", "carla@example.org"), Address("", "anna@example.org")),
)


def text_of(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content()).replace("\r\n", "\n")


def parsed(raw: bytes) -> EmailMessage:
    message = message_from_bytes(raw, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_reply_threads_to_the_message_it_answers():
    draft = Draft("reply", "Komt goed.", request_id=42, request_number=482913)
    outgoing = build_message(ACCOUNT, draft, ORIGINAL, now=NOW)
    message = parsed(outgoing.raw)
    assert message["In-Reply-To"] == "<m2@example.org>"
    assert message["References"].split() == ["<m0@example.org>", "<m1@example.org>", "<m2@example.org>"]
    assert message["Subject"] == "Re: [#482913] Stoel kapot"  # the number people know, not the store's row
    assert message["Message-ID"] == outgoing.message_id
    assert outgoing.message_id.endswith("@example.org>")
    assert message["X-Loket-Request"] == "482913"
    assert outgoing.request_id == 42  # the outbox row's link to the request
    assert message["Auto-Submitted"] is None
    assert message["From"].addresses[0].addr_spec == "desk@example.org"
    assert message["From"].addresses[0].display_name == "Service Désk"
    assert [a.addr_spec for a in message["To"].addresses] == ["anna@example.org"]
    assert message["Cc"] is None


def test_every_message_gets_its_own_message_id():
    ids = {build_message(ACCOUNT, Draft("reply", "x", 1), ORIGINAL, now=NOW).message_id for _ in range(50)}
    assert len(ids) == 50


def test_reply_all_copies_the_other_recipients_but_not_ourselves_or_the_sender():
    to, cc = reply_recipients(ORIGINAL, "reply_all", "DESK@example.org")
    assert [a.address for a in to] == ["anna@example.org"]
    assert [a.address for a in cc] == ["bram@example.org", "carla@example.org"]


def test_reply_goes_to_reply_to_when_the_sender_named_one():
    original = Original(
        message_id=None,
        subject="x",
        sender=ANNA,
        date=None,
        text_body="",
        reply_to=(Address("", "team@x.org"),),
    )
    assert [a.address for a in reply_recipients(original, "reply", "desk@example.org")[0]] == ["team@x.org"]


def test_subject_tag_can_be_switched_off():
    outgoing = build_message(ACCOUNT, Draft("reply", "x", 42, 482913, tag=False), ORIGINAL, now=NOW)
    assert outgoing.subject == "Re: Stoel kapot"


@pytest.mark.parametrize(
    "subject",
    [
        "Re: AW: Re: WG: Antw: R: SV: Fwd: Printer",
        "RE[2]: Printer",
        "Re: [#7] Printer",
        "[#7] Re: Printer",
        "Re: [#7] AW: [#7] Printer",
        "Printer [#7]",
        "Fwd: Re: Printer",
    ],
)
def test_exactly_one_reply_prefix_whatever_the_chain(subject):
    assert reply_subject(subject, 7) == "Re: [#7] Printer"
    assert reply_subject(subject, 7, prefix="Fwd: ") == "Fwd: [#7] Printer"


@settings(max_examples=200)
@given(
    prefixes=st.lists(
        st.sampled_from(["Re: ", "AW: ", "WG: ", "Antw: ", "R: ", "SV: ", "Fwd: ", "[#3] ", "RE: "])
    ),
    bare=st.text(alphabet="abcdefghij ÄÖüéç", min_size=1).map(str.strip).filter(bool),
)
def test_reply_subject_is_stable_under_repeated_replying(prefixes, bare):
    subject = "".join(prefixes) + bare
    once = reply_subject(subject, 3)
    assert once.startswith("Re: [#3] ")
    assert reply_subject(once, 3) == once
    assert reply_subject("AW: " + once, 3) == once
    assert base_subject(once) == base_subject(bare)


def test_long_reference_chains_keep_the_root_and_the_latest():
    chain = [f"<{n}@x>" for n in range(100)]
    trimmed = trim_references(chain)
    assert len(trimmed) == MAX_REFERENCES
    assert trimmed[0] == "<0@x>"
    assert trimmed[-1] == "<99@x>"
    assert trimmed[1:] == chain[-(MAX_REFERENCES - 1) :]


@given(st.lists(st.integers(0, 60).map(lambda n: f"<{n}@x>")))
def test_trimmed_references_never_lose_the_last_id_or_repeat_one(chain):
    trimmed = trim_references(chain)
    assert len(trimmed) == len(set(trimmed)) <= MAX_REFERENCES
    if chain:
        assert trimmed[-1] in chain
        assert chain[-1] in trimmed or chain.count(chain[-1]) > 1


def test_quote_is_localised_and_prefixed():
    block = quote_block(ORIGINAL, "de", "Europe/Berlin")
    assert block.splitlines()[0] == "Am 2026-11-20 09:00 schrieb Anna de Vries:"
    assert block.splitlines()[1:] == ["> Mijn stoel is kapot.", ">> older quote"]
    assert quote_block(ORIGINAL, "nl").startswith("Op 2026-11-20 08:00 schreef Anna de Vries:")
    assert quote_block(ORIGINAL, "it").startswith("Il 2026-11-20 08:00, Anna de Vries ha scritto:")
    assert quote_block(ORIGINAL, "fr").startswith("On 2026-11-20 08:00, Anna de Vries wrote:")


def test_body_signature_and_quote_in_that_order():
    outgoing = build_message(ACCOUNT, Draft("reply", "Komt goed.", 42, language="nl"), ORIGINAL, now=NOW)
    text = text_of(parsed(outgoing.raw))
    assert text.index("Komt goed.") < text.index("-- \nFacilities desk") < text.index("schreef Anna de Vries")
    assert outgoing.text_body == text


def test_rating_links_close_the_signature_above_the_quote_whoever_wrote_the_signature():
    line = "How did we do?\n1 <mailto:desk@example.org?subject=x>"
    draft = Draft("reply", "Opgelost.", 42, language="nl", rating_line=line)
    text = text_of(parsed(build_message(ACCOUNT, draft, ORIGINAL, now=NOW).raw))
    assert f"-- \nFacilities desk\nBuilding 2\n{line}\n\nOp " in text
    edited = Draft("reply", f"Opgelost.\n\n-- \nAnna\n\n{quote_block(ORIGINAL, 'nl')}", 42, signature="",
                   quote=False, rating_line=line)  # fmt: skip
    text = text_of(parsed(build_message(ACCOUNT, edited, ORIGINAL, now=NOW).raw))
    assert f"Opgelost.\n\n-- \nAnna\n{line}\n\nOp " in text
    bare = Draft("reply", "Opgelost.", 42, signature="", rating_line=line)
    text = text_of(parsed(build_message(ACCOUNT, bare, ORIGINAL, now=NOW).raw))
    assert text.startswith(f"Opgelost.\n\n-- \n{line}\n\nOn ")
    assert '<a href="mailto:desk@example.org?subject=x">1</a>' in text_to_html(text)
    assert "<a " not in text_to_html("Mail 1 <mailto:evil@example.org> here")  # only below the signature


def test_non_ascii_survives_and_travels_seven_bit_clean():
    body = "Grüße aus Zürich — 日本語 — ελληνικά\n"
    attachment = AttachmentData("Überweisung März 日本.pdf", "application/pdf", b"%PDF-1.4 \x00\xff")
    outgoing = build_message(ACCOUNT, Draft("reply", body, 42, attachments=(attachment,)), ORIGINAL, now=NOW)
    assert outgoing.raw.isascii()
    message = parsed(outgoing.raw)
    assert text_of(message).startswith(body)
    [part] = list(message.iter_attachments())
    assert part.get_filename() == "Überweisung März 日本.pdf"
    assert part.get_content() == b"%PDF-1.4 \x00\xff"
    assert message["From"].addresses[0].display_name == "Service Désk"


def test_text_attachments_keep_their_bytes():
    attachment = AttachmentData("notes.txt", "text/plain", "café\n".encode("latin-1"))
    outgoing = build_message(ACCOUNT, Draft("reply", "x", 1, attachments=(attachment,)), ORIGINAL, now=NOW)
    [part] = list(parsed(outgoing.raw).iter_attachments())
    assert part.get_payload(decode=True) == "café\n".encode("latin-1")


def test_forward_goes_to_the_colleague_with_the_original_attached_and_quoted():
    colleague = Address("Piet (ICT)", "piet@ict.example.org")
    raw = b"From: anna@example.org\r\nSubject: Stoel kapot\r\nMessage-ID: <m2@example.org>\r\n\r\nkapot\r\n"
    original = Original(
        message_id="<m2@example.org>",
        subject="Stoel kapot",
        sender=ANNA,
        date=ORIGINAL.date,
        text_body="kapot",
        references=("<m1@example.org>",),
        raw=raw,
    )
    outgoing = build_message(
        ACCOUNT, Draft("forward", "Kun jij dit oppakken?", 42, 482913, to=(colleague,)), original, now=NOW
    )
    message = parsed(outgoing.raw)
    assert message["Subject"] == "Fwd: [#482913] Stoel kapot"
    assert [a.addr_spec for a in message["To"].addresses] == ["piet@ict.example.org"]
    assert message["In-Reply-To"] is None
    assert message["References"].split() == ["<m1@example.org>", "<m2@example.org>"]
    text = text_of(message)
    assert "Forwarded message" in text and "kapot" in text
    [attached] = list(message.iter_attachments())
    assert attached.get_content_type() == "message/rfc822"
    assert attached.get_content()["Message-ID"] == "<m2@example.org>"


def test_forward_without_a_colleague_is_refused():
    with pytest.raises(ValueError, match="recipient"):
        build_message(ACCOUNT, Draft("forward", "x", 1), ORIGINAL, now=NOW)


def test_naive_time_is_refused():
    with pytest.raises(ValueError):
        build_message(ACCOUNT, Draft("reply", "x", 1), ORIGINAL, now=datetime(2026, 1, 1))


def test_a_revised_message_keeps_its_identity_and_attachments():
    attachment = AttachmentData("plan é.pdf", "application/pdf", b"%PDF")
    outgoing = build_message(
        ACCOUNT, Draft("reply", "Komt goed.", 42, 482913, attachments=(attachment,)), ORIGINAL, now=NOW
    )
    revised = parsed(
        revise_message(outgoing.raw, "Komt morgen — echt.\n", [Address("Bram", "bram@example.org")])
    )
    original = parsed(outgoing.raw)
    for header in ("Message-ID", "In-Reply-To", "References", "Subject", "From", "Date", "X-Loket-Request"):
        assert revised[header] == original[header], header
    assert [a.addr_spec for a in revised["To"].addresses] == ["bram@example.org"]
    assert text_of(revised) == "Komt morgen — echt.\n"
    assert [p.get_filename() for p in revised.iter_attachments()] == ["plan é.pdf"]


def test_a_plain_message_is_revised_in_place():
    outgoing = build_message(ACCOUNT, Draft("reply", "Komt goed.", 42), ORIGINAL, now=NOW)
    revised = parsed(revise_message(outgoing.raw, "Anders.\n", [ANNA], [Address("", "c@example.org")]))
    assert text_of(revised) == "Anders.\n"
    assert [a.addr_spec for a in revised["Cc"].addresses] == ["c@example.org"]
    assert revised["Message-ID"] == outgoing.message_id


def test_html_is_optional_and_mirrors_the_text():
    plain = parsed(build_message(ACCOUNT, Draft("reply", "Komt <goed>.", 42), ORIGINAL, now=NOW).raw)
    assert plain.get_body(("html",)) is None
    message = parsed(
        build_message(ACCOUNT, Draft("reply", "Komt <goed>.", 42, html=True), ORIGINAL, now=NOW).raw
    )
    assert message.get_content_type() == "multipart/alternative"
    html_part = message.get_body(("html",))
    assert html_part is not None
    html_text = html_part.get_content()
    assert "Komt &lt;goed&gt;." in html_text
    assert "<blockquote" in html_text and "Mijn stoel is kapot." in html_text
    assert text_of(message).startswith("Komt <goed>.")


def test_html_rendering_nests_quotes_and_closes_every_block():
    html_text = text_to_html("a\n> b\n>> c\nd\n-- \nsig")
    assert html_text.count("<blockquote") == html_text.count("</blockquote>") == 2
    assert html_text.index("b<br>") < html_text.index("c<br>") < html_text.index("d<br>")
    assert '<div style="color:#666">-- <br>' in html_text and html_text.count("</div>") == 1


@settings(max_examples=100)
@given(st.lists(st.text(alphabet="ab<>&\"' >-", max_size=12), max_size=8))
def test_html_rendering_is_balanced_and_escapes_everything(lines):
    rendered = text_to_html("\n".join(lines))
    assert rendered.count("<blockquote") == rendered.count("</blockquote>")
    body = rendered.split("<body", 1)[1]
    shown = html.unescape(re.sub(r"<[^>]*>", "", body.split(">", 1)[1]))
    for line in lines:
        level = len(line) - len(line.lstrip(">"))
        assert line[level:].removeprefix(" ") in shown
