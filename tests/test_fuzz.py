"""Property tests: whatever arrives, the reading parts of mailproc answer, they never raise.

``parse_mail`` gives a ``Mail`` or ``UnreadableMail``; the guard, classifier, intent detector, reply
extraction and keyword grammar take any text; a whole ``Inbound.handle`` of a mutated real message
records an outcome. Bounded (``max_examples``) so the file stays within seconds; set
MAILPROC_FUZZ_EXAMPLES (e.g. 5000) to search longer.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REQUEST_BODY, T0, make_mail, write_config
from mailproc.mail.parse import Mail, UnreadableMail, parse_mail

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"

SEEDS = [make_mail("umum@diskes.lampungbaratkab.go.id", "Internet Puskesmas Liwa mati total", REQUEST_BODY,
                   name="Bagian Umum", html="<p>Internet <b>mati</b></p>",
                   attachments=[("foto.jpg", "image/jpeg", b"\xff\xd8\xff\xe0fake")])]
SEEDS += [p.read_bytes() for p in sorted((DATA / "hostile" / "corpus").rglob("*")) if p.is_file()
          and p.stat().st_size < 20_000][::3]
SEEDS += [p.read_bytes() for p in sorted((DATA / "bounces").rglob("*.eml")) if p.stat().st_size < 20_000][::4]

EXAMPLES = int(os.environ.get("MAILPROC_FUZZ_EXAMPLES", "150"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like mail: headers, MIME words, markup, quotes, control and odd Unicode characters.
pieces = st.sampled_from([
    "From: ", "To: ", "Subject: ", "Content-Type: multipart/mixed; boundary=\"b\"", "--b", "--b--", "\r\n", "\n",
    "\r", "\t", " ", ":", "<", ">", "@", "=?utf-8?b?", "=?x-unknown?q?", "?=", "=0D=0A", "\x00", "\u202e", "\ufeff",
    "<script>", "</div>", "&amp;", "> ", ">>", "-- ", "SETUJU", "TOLAK", "TUNDA", "TUGASKAN", "SELESAI", "LANJUTKAN",
    "Ringkasan Pekerjaan:", "Lokasi:", "Pada Jum, 27 Nov 2026 pukul 09.15 Kadis <k@x> menulis:", "-----Pesan Asli-----",
    "Dari: a", "Terkirim: b", "internet", "mati", "mohon", "bantuan", "jaringan", "vpn", "wifi", "tidak", "bukan",
    "Balasan otomatis", "Out of office", "Undelivered", "\ufffd", "ÿ", "日本語", "🙂",
])
texty = st.one_of(st.text(max_size=300), st.lists(st.one_of(pieces, st.text(max_size=12)), max_size=60).map("".join))


def check_parse(raw: bytes) -> Mail | None:
    try:
        mail = parse_mail(raw)
    except UnreadableMail as exc:
        assert str(exc)
        return None
    assert isinstance(mail, Mail)
    for value in (mail.sender, mail.sender_name, mail.subject, mail.text, mail.message_id or ""):
        assert "\x00" not in value
        value.encode("utf-8")                      # storable: no lone surrogates
    assert "\n" not in mail.subject and "\r" not in mail.subject
    assert all(a.filename and "/" not in a.filename and "\\" not in a.filename for a in mail.attachments)
    return mail


@st.composite
def mutated(draw) -> bytes:
    """A real message with a few byte-level mutations: flips, deletions, repeats, insertions, cuts."""
    raw = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        if not raw:
            break
        at = draw(st.integers(0, len(raw) - 1))
        op = draw(st.sampled_from(["flip", "delete", "repeat", "insert", "cut", "pieces"]))
        if op == "flip":
            raw[at] = draw(st.integers(0, 255))
        elif op == "delete":
            del raw[at:at + draw(st.integers(1, 200))]
        elif op == "repeat":
            chunk = raw[at:at + draw(st.integers(1, 200))]
            raw[at:at] = chunk * draw(st.integers(1, 50))
        elif op == "insert":
            raw[at:at] = draw(st.binary(min_size=1, max_size=40))
        elif op == "cut":
            del raw[at:]
        else:
            raw[at:at] = draw(pieces).encode("utf-8", "surrogatepass")
    return bytes(raw)


@FAST
@given(st.binary(max_size=3000))
def test_parse_arbitrary_bytes(raw):
    check_parse(raw)


@FAST
@given(st.lists(st.one_of(pieces, st.text(max_size=20)), max_size=80).map("".join),
       st.sampled_from(["utf-8", "latin-1"]))
def test_parse_mail_shaped_text(text, encoding):
    check_parse(("From: a@b.c\r\n" + text).encode(encoding, "replace"))
    check_parse(text.encode(encoding, "replace"))


@FAST
@given(mutated())
def test_parse_mutated_real_messages(raw):
    check_parse(raw)


@pytest.fixture(scope="module")
def rules():
    from mailproc.intake.classify import Classifier
    from mailproc.chain.decisions import KeywordGrammar
    from mailproc.intake.guard import Guard
    from mailproc.intake.intent import IntentDetector

    rules_dir = ROOT / "rules"
    return {"guard": Guard.load(rules_dir, {"aptika@lampungbaratkab.go.id"}), "classifier": Classifier.load(rules_dir),
            "intent": IntentDetector.load(rules_dir), "grammar": KeywordGrammar.load(rules_dir)}


header_names = st.sampled_from(["auto-submitted", "precedence", "list-id", "x-autoreply", "content-type",
                                "x-mailproc-ticket", "x-auto-response-suppress", "list-unsubscribe"])


@FAST
@given(subject=texty, sender=st.one_of(texty, st.emails().map(str.lower)),
       headers=st.dictionaries(header_names, texty, max_size=4), content_type=texty)
def test_guard_takes_any_mail(rules, subject, sender, headers, content_type):
    mail = Mail(sha256="0" * 64, size=0, sender=sender, sender_name="", recipients=(), subject=subject, date=None,
                message_id=None, in_reply_to=None, references=(), text="", html=None, content_type=content_type,
                headers=headers)
    refusal = rules["guard"].machine_mail(mail)
    assert refusal is None or (refusal.code and str(refusal))


@FAST
@given(subject=texty, text=texty)
def test_classify_and_intent_take_any_text(rules, subject, text):
    result = rules["classifier"].classify(subject, text)
    assert result.priority
    intent = rules["intent"].detect(subject, text)
    assert isinstance(intent.is_request, bool)


@FAST
@given(text=texty, html=st.one_of(st.none(), texty))
def test_extract_reply_takes_any_text(text, html):
    from mailproc.chain.replies import extract_reply

    assert isinstance(extract_reply(text, html), str)


@FAST
@given(text=texty, step=st.sampled_from(["kadis", "kabid", "prakom", "officer", "pj"]), on_hold=st.booleans())
def test_grammar_reads_any_text(rules, text, step, on_hold):
    from mailproc.core.config import Person

    officers = [Person(name="Rahmat Hidayat, A.Md.", nip="199205142019031007",
                       email="rahmat.hidayat@lampungbaratkab.go.id")]
    decision = rules["grammar"].read(text, step, officers=officers, on_hold=on_hold)
    assert decision.kind


@pytest.fixture(scope="module")
def sqlite_desk(tmp_path_factory):
    from mailproc.core.clock import Clock
    from mailproc.core.config import load_config
    from mailproc.desk import Desk
    from mailproc.store.db import upgrade

    directory = tmp_path_factory.mktemp("fuzzdesk")
    url = f"sqlite:///{directory / 'mailproc.db'}"
    upgrade(url)
    return Desk(load_config(write_config(directory, url)), Clock(T0))


@settings(max_examples=max(EXAMPLES * 4 // 5, 1), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=mutated())
def test_inbound_handles_any_mutation(sqlite_desk, raw):
    from mailproc.intake.inbound import Inbound, Origin

    result = Inbound(sqlite_desk).handle(raw, Origin("ingest"))
    assert result.outcome in {"ticket", "followup", "ignored", "quarantined", "duplicate"} and result.reason
