import base64

from hypothesis import given
from hypothesis import strategies as st

from store.threading import (
    choose_request,
    display_subject,
    opens_request,
    referenced_ids,
    request_tag,
    strip_reply_prefixes,
    thread_index_root,
)

PREFIXES = [
    "Re:",
    "RE:",
    "re :",
    "RE[2]:",
    "Re(3):",
    "AW:",
    "Aw:",
    "WG:",
    "Antw:",
    "Doorst:",
    "R:",
    "I:",
    "Fwd:",
    "FW:",
    "Fw:",
    "SV:",
    "Rif:",
    "TR:",
]
subjects = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda s: s.strip() and s == strip_reply_prefixes(s)
)


def test_prefixes_in_four_languages_are_stripped():
    assert strip_reply_prefixes("Re: AW: WG: Stoel kapot") == "Stoel kapot"
    assert strip_reply_prefixes("RE[2]: Antw: Doorst: Heizung defekt") == "Heizung defekt"
    assert strip_reply_prefixes("R: I: Sedia rotta") == "Sedia rotta"
    assert strip_reply_prefixes("Fwd: SV: Rif: Badge") == "Badge"


def test_words_that_only_start_like_a_prefix_stay():
    assert strip_reply_prefixes("Reparatur: Heizung") == "Reparatur: Heizung"
    assert strip_reply_prefixes("Ireland trip") == "Ireland trip"
    assert strip_reply_prefixes("Antwoord nodig") == "Antwoord nodig"


@given(st.lists(st.sampled_from(PREFIXES), max_size=5), subjects)
def test_any_chain_of_prefixes_strips_to_the_subject(prefixes, subject):
    assert strip_reply_prefixes(" ".join([*prefixes, subject])) == subject.strip()


@given(st.text(max_size=60))
def test_stripping_is_idempotent(subject):
    once = strip_reply_prefixes(subject)
    assert strip_reply_prefixes(once) == once


def test_display_subject_drops_tag_and_prefixes():
    assert display_subject("Re: [#42] AW: Drucker") == "Drucker"
    assert request_tag("Re: [#42] AW: Drucker") == 42
    assert request_tag("Invoice #42") is None


def test_thread_index_root_is_shared_by_replies():
    root = bytes(range(22))
    first = base64.b64encode(root).decode()
    reply = base64.b64encode(root + b"\x01\x02\x03\x04\x05").decode()
    assert thread_index_root(first) == thread_index_root(reply) == first
    assert thread_index_root("not base64!!") is None
    assert thread_index_root(base64.b64encode(b"short").decode()) is None


def test_in_reply_to_comes_before_references_newest_first():
    assert referenced_ids("<c>", ["<a>", "<b>", "<c>"]) == ["<c>", "<b>", "<a>"]
    assert referenced_ids(None, []) == []


@given(
    st.lists(st.one_of(st.none(), st.integers(1, 9))),
    st.one_of(st.none(), st.integers(1, 9)),
    st.one_of(st.none(), st.integers(1, 9)),
)
def test_reference_beats_thread_index_beats_tag(by_reference, by_thread_index, by_tag):
    chosen = choose_request(by_reference, by_thread_index, by_tag)
    known = [r for r in by_reference if r is not None]
    assert chosen == (known[0] if known else by_thread_index if by_thread_index is not None else by_tag)


def test_only_a_persons_incoming_mail_opens_a_request():
    desk = ["facilities@example.org"]
    assert opens_request("in", "none", "jan@example.org", desk)
    assert not opens_request("in", "auto-reply", "jan@example.org", desk)
    assert not opens_request("in", "bounce", "mailer-daemon@example.org", desk)
    assert not opens_request("out", "none", "facilities@example.org", desk)
    assert not opens_request("in", "none", "Facilities@Example.org", desk)
    assert not opens_request("in", "none", "", desk)
