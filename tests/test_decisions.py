"""KeywordGrammar.read on full replies: extract_reply first, then the keyword grammar."""
from __future__ import annotations

import html as html_lib
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from conftest import AGUS, OFFICERS, RAHMAT, ROOT, SITI
from mailproc.core.config import ConfigError, Person
from mailproc.chain.decisions import REPORT_FIELDS, KeywordGrammar
from mailproc.chain.replies import extract_reply

REQUEST = (Path(__file__).parent / "data" / "replies" / "disposition_request.txt").read_text(encoding="utf-8")
SENDER = "Layanan Jaringan Intra <layanan@lampungbaratkab.go.id>"



def _quoted(text: str) -> str:
    return "\n".join(("> " + line).rstrip() for line in text.splitlines())


CLIENTS = {
    "gmail_id": lambda t: (f"{t}\n\nPada Jum, 27 Nov 2026 pukul 09.15 Layanan Jaringan Intra <\n"
                           f"layanan@lampungbaratkab.go.id> menulis:\n\n{_quoted(REQUEST)}\n", None),
    "outlook_id": lambda t: (f"{t}\n\nDari: {SENDER}\nDikirim: Jumat, 27 November 2026 09.15\nKepada: prakom@lampungbaratkab.go.id\n"
                             f"Perihal: [JIP-2026-0001] Mohon disposisi: Internet mati di Puskesmas Liwa\n\n{REQUEST}", None),
    "iphone_id": lambda t: (f"{t}\n\nDikirim dari iPhone saya\n\nPada 27 Nov 2026, pukul 09.15, {SENDER} menulis:\n\n"
                            f"{_quoted(REQUEST)}\n", None),
    "gmail_html": lambda t: (None, "<div dir=\"ltr\">" + "".join(f"<div>{html_lib.escape(l) or '<br>'}</div>" for l in t.splitlines())
                             + "</div><div class=\"gmail_quote\"><div class=\"gmail_attr\">Pada Jum, 27 Nov 2026 menulis:</div>"
                             "<blockquote class=\"gmail_quote\">" + html_lib.escape(REQUEST).replace("\n", "<br>")
                             + "</blockquote></div>"),
}


def read(grammar: KeywordGrammar, typed: str, step: str, client: str = "gmail_id", on_hold: bool = False):
    text, html = CLIENTS[client](typed)
    return grammar.read(extract_reply(text, html), step, officers=OFFICERS, on_hold=on_hold)


# ------------------------------------------------------------------ approve / reject / hold / resume

@pytest.mark.parametrize("client", sorted(CLIENTS))
@pytest.mark.parametrize("typed", ["SETUJU", "setuju", "Disetujui.", "DISPOSISI ke Kabid Aptika", "Teruskan",
                                   "LANJUTKAN", "ACC", "Ok lanjut", "oke, lanjut!", "APPROVE", "Approved.",
                                   "Baik, setuju. Terima kasih", "Tolong diproses", "Laksanakan",
                                   "Saya tidak keberatan", "Please proceed"])
def test_approvals(grammar: KeywordGrammar, client: str, typed: str) -> None:
    decision = read(grammar, typed, "kadis", client)
    assert decision.kind == "approve", decision
    assert decision.evidence


@pytest.mark.parametrize("client", sorted(CLIENTS))
@pytest.mark.parametrize("typed,reason", [
    ("TOLAK bukan kewenangan Diskominfo", "bukan kewenangan Diskominfo"),
    ("Ditolak: anggaran tidak tersedia", "anggaran tidak tersedia"),
    ("tolak, alasan: sudah ditangani vendor", "sudah ditangani vendor"),
    ("TOLAK\nBukan kewenangan kami, silakan ke Dinas PUPR.", "Bukan kewenangan kami, silakan ke Dinas PUPR."),
    ("Tidak setuju karena bukan prioritas", "karena bukan prioritas"),
    ("Belum dapat disetujui, anggaran belum ada", "anggaran belum ada"),
    ("Tidak disetujui", ""),
    ("Mohon maaf, belum bisa di-ACC", ""),
    ("Not approved: out of scope", "out of scope"),
    ("Rejected", ""),
    ("Tidak bisa kami setujui. Ini kewenangan Dinas PUPR.", "Ini kewenangan Dinas PUPR."),
    ("I don't approve this", "this"),
])
def test_rejections_and_negations(grammar: KeywordGrammar, client: str, typed: str, reason: str) -> None:
    decision = read(grammar, typed, "kabid", client)
    assert decision.kind == "reject", decision
    assert decision.reason == reason


@pytest.mark.parametrize("typed,reason", [
    ("TUNDA menunggu anggaran perangkat", "menunggu anggaran perangkat"),
    ("Ditunda dulu sampai Senin", "sampai Senin"),
    ("HOLD - waiting for the budget", "waiting for the budget"),
    ("Setuju, tapi TUNDA dulu sampai anggaran tersedia", "sampai anggaran tersedia"),
    ("Setuju. Namun ditunda dulu, menunggu perangkat datang.", "menunggu perangkat datang."),
])
def test_holds_beat_approvals(grammar: KeywordGrammar, typed: str, reason: str) -> None:
    decision = read(grammar, typed, "kadis")
    assert decision.kind == "hold", decision
    assert decision.reason == reason


def test_negated_hold_is_not_a_hold(grammar: KeywordGrammar) -> None:
    assert read(grammar, "Tidak perlu ditunda, setuju", "kadis").kind == "approve"


def test_negated_reject_is_not_a_reject(grammar: KeywordGrammar) -> None:
    assert read(grammar, "Jangan ditolak, teruskan saja", "kadis").kind == "approve"


@pytest.mark.parametrize("typed", ["LANJUTKAN", "Lanjutkan, anggaran sudah ada", "Setuju dilanjutkan", "resume"])
def test_resume_while_on_hold(grammar: KeywordGrammar, typed: str) -> None:
    assert read(grammar, typed, "kabid", on_hold=True).kind == "resume"


def test_lanjutkan_not_on_hold_is_an_approval(grammar: KeywordGrammar) -> None:
    assert read(grammar, "LANJUTKAN", "kabid", on_hold=False).kind == "approve"


def test_tolong_is_not_tolak(grammar: KeywordGrammar) -> None:
    assert read(grammar, "Tolong dicek dulu lokasinya", "kadis").kind == "unclear"
    assert read(grammar, "Tolong segera ditindaklanjuti", "kadis").kind == "approve"


@pytest.mark.parametrize("typed", ["Siap", "Baik", "Terima kasih", "Noted", "Baik pak, terima kasih.", "siap laksanakan", "OK"])
def test_acknowledgement_alone_is_not_a_decision(grammar: KeywordGrammar, typed: str) -> None:
    assert read(grammar, typed, "kadis").kind == "acknowledged"


@pytest.mark.parametrize("typed", ["", "Besok saya telepon", "Apakah sudah dicek jaringannya?"])
def test_nothing_readable_is_unclear(grammar: KeywordGrammar, typed: str) -> None:
    assert read(grammar, typed, "kadis").kind == "unclear"


def test_quoted_request_keywords_are_never_read(grammar: KeywordGrammar) -> None:
    for client in CLIENTS:
        assert read(grammar, "", "kadis", client).kind == "unclear"
        assert read(grammar, "Sudah saya baca", "prakom", client).kind == "unclear"


def test_unquoted_copy_of_the_instruction_block_is_not_read(grammar: KeywordGrammar) -> None:
    # a client that copied the original with neither ">" nor a header: reading stops at our own
    # instruction block (rules/keywords.toml [quoted_request] markers)
    instructions = REQUEST[REQUEST.index("Balas email ini"):]
    assert grammar.read(extract_reply("Siap\n\n" + instructions), "kadis", officers=OFFICERS).kind == "acknowledged"
    assert grammar.read(extract_reply("TOLAK\n" + instructions), "kadis", officers=OFFICERS).reason == ""


def test_signature_is_not_part_of_the_decision(grammar: KeywordGrammar) -> None:
    typed = "TUGASKAN Siti\n\nHormat saya,\nAgus Setiawan\nNIP 199011092015031002"
    decision = read(grammar, typed, "prakom")
    assert decision.kind == "assign" and decision.officers == (SITI,)
    typed = "TUGASKAN Siti\nAgus Setiawan, S.Kom.\nPranata Komputer\nNIP. 19901109 201503 1 002"
    assert grammar.read(typed, "prakom", officers=OFFICERS).officers == (SITI,)
    # a signature paragraph without NIP is not a list of assignees either
    assert read(grammar, "SETUJU\n\nAgus Setiawan\nPranata Komputer Diskominfo", "prakom").kind == "needs_assignee"
    assert read(grammar, "SETUJU\n\nRahmat Hidayat", "prakom").officers == (RAHMAT,)


# ------------------------------------------------------------------ assignment (Prakom)

@pytest.mark.parametrize("client", sorted(CLIENTS))
@pytest.mark.parametrize("typed,expected", [
    ("TUGASKAN Rahmat Hidayat", (RAHMAT,)),
    ("tugaskan rahmat", (RAHMAT,)),
    ("TUGASKAN Bpk. Rahmat Hidayat, A.Md. dan Ibu Siti Nurhaliza, S.Kom.", (RAHMAT, SITI)),
    ("Tugaskan: Pak Agus, Bu Siti", (AGUS, SITI)),
    ("TUGASKAN Sdr. Hidayat untuk segera ke lokasi", (RAHMAT,)),
    ("TUGASKAN 199011092015031002", (AGUS,)),
    ("TUGASKAN siti.nurhaliza@lampungbaratkab.go.id; rahmat.hidayat@lampungbaratkab.go.id", (SITI, RAHMAT)),
    ("TUGASKAN\n- Rahmat Hidayat\n- Agus Setiawan", (RAHMAT, AGUS)),
    ("Setuju, TUGASKAN Rahmat", (RAHMAT,)),
    ("Assign Siti Nurhaliza", (SITI,)),
])
def test_assignments(grammar: KeywordGrammar, client: str, typed: str, expected: tuple[Person, ...]) -> None:
    decision = read(grammar, typed, "prakom", client)
    assert decision.kind == "assign", decision
    assert decision.officers == expected
    assert decision.unknown_officers == ()


def test_unknown_officer_is_reported(grammar: KeywordGrammar) -> None:
    decision = read(grammar, "TUGASKAN Budi Santoso", "prakom")
    assert decision.kind == "assign"
    assert decision.officers == ()
    assert decision.unknown_officers == ("Budi Santoso",)
    decision = read(grammar, "TUGASKAN Rahmat dan Budi", "prakom")
    assert decision.officers == (RAHMAT,) and decision.unknown_officers == ("Budi",)


def test_ambiguous_partial_name_is_reported() -> None:
    grammar = KeywordGrammar.load(ROOT / "rules")
    other = Person("Rahmat Saputra", "199101012019031001", "rahmat.saputra@lampungbaratkab.go.id")
    decision = grammar.read("TUGASKAN Rahmat", "prakom", officers=OFFICERS + (other,))
    assert decision.officers == () and decision.unknown_officers == ("Rahmat",)
    decision = grammar.read("TUGASKAN Rahmat Saputra", "prakom", officers=OFFICERS + (other,))
    assert decision.officers == (other,)


def test_names_without_keyword_at_prakom_step_assign(grammar: KeywordGrammar) -> None:
    decision = read(grammar, "Setuju. Rahmat dan Siti segera ke lokasi.", "prakom")
    assert decision.kind == "assign" and decision.officers == (RAHMAT, SITI)


@pytest.mark.parametrize("typed", ["SETUJU", "Disetujui, lanjutkan", "TUGASKAN", "Setuju, segera tugaskan petugas"])
def test_bare_approval_from_prakom_needs_an_assignee(grammar: KeywordGrammar, typed: str) -> None:
    assert read(grammar, typed, "prakom").kind == "needs_assignee"


def test_prakom_can_still_reject_or_hold(grammar: KeywordGrammar) -> None:
    assert read(grammar, "TOLAK perangkat milik vendor", "prakom").kind == "reject"
    assert read(grammar, "TUNDA menunggu switch baru", "prakom").kind == "hold"


def test_assignment_at_kadis_step_is_an_approval(grammar: KeywordGrammar) -> None:
    decision = read(grammar, "Setuju, tugaskan Rahmat", "kadis")
    assert decision.kind == "approve" and decision.officers == (RAHMAT,)


# ------------------------------------------------------------------ report (officer)

FULL_REPORT = """SELESAI
Ringkasan Pekerjaan: Mengganti konektor RJ45 dan
merestart router di ruang TU.
ringkasan masalah   konektor rusak, sempat ditolak switch; tunda tidak perlu
ALTERNATIF SOLUSI : pasang kabel cadangan
Lokasi: Puskesmas Liwa, Jl. Raden Intan

Terima kasih
Rahmat Hidayat"""


@pytest.mark.parametrize("client", sorted(CLIENTS))
def test_done_report_with_all_fields(grammar: KeywordGrammar, client: str) -> None:
    decision = read(grammar, FULL_REPORT, "officer", client)
    assert decision.kind == "done", decision
    assert decision.missing == ()
    assert decision.report == {
        "work_summary": "Mengganti konektor RJ45 dan\nmerestart router di ruang TU.",
        "problem_summary": "konektor rusak, sempat ditolak switch; tunda tidak perlu",
        "solution": "pasang kabel cadangan",
        "location": "Puskesmas Liwa, Jl. Raden Intan",
    }


def test_done_report_fields_in_any_order_on_one_line(grammar: KeywordGrammar) -> None:
    typed = ("selesai. Lokasi: Puskesmas Liwa Alternatif Solusi: ganti router Ringkasan Masalah: router hang "
             "Ringkasan Pekerjaan: restart router")
    decision = read(grammar, typed, "officer")
    assert decision.kind == "done" and decision.missing == ()
    assert decision.report["work_summary"] == "restart router"
    assert decision.report["location"] == "Puskesmas Liwa"


def test_done_report_missing_fields_are_reported_exactly(grammar: KeywordGrammar) -> None:
    typed = "SELESAI\nRingkasan Pekerjaan: ganti kabel\nRingkasan Masalah:\nLokasi: Puskesmas Liwa"
    decision = read(grammar, typed, "officer")
    assert decision.kind == "done"
    assert decision.missing == ("problem_summary", "solution")
    assert decision.report == {"work_summary": "ganti kabel", "location": "Puskesmas Liwa"}
    bare = read(grammar, "SELESAI", "officer")
    assert bare.kind == "done" and bare.missing == REPORT_FIELDS and bare.report == {}


def test_words_inside_report_values_are_not_decisions(grammar: KeywordGrammar) -> None:
    typed = "SELESAI\nRingkasan Pekerjaan: TOLAK\nRingkasan Masalah: TUNDA\nAlternatif Solusi: SETUJU\nLokasi: TUGASKAN"
    decision = read(grammar, typed, "officer")
    assert decision.kind == "done" and decision.report["work_summary"] == "TOLAK"


def test_officer_hold_and_acknowledgement(grammar: KeywordGrammar) -> None:
    assert read(grammar, "TUNDA menunggu perangkat dari OPD", "officer").kind == "hold"
    assert read(grammar, "Siap, segera meluncur", "officer").kind == "acknowledged"
    assert read(grammar, "Belum selesai, masih dikerjakan", "officer").kind != "done"


# ------------------------------------------------------------------ Berita Acara answers (PJ)

@pytest.mark.parametrize("typed,reason", [
    ("BELUM SELESAI internet masih mati di ruang TU", "internet masih mati di ruang TU"),
    ("Belum selesai, AP lantai 2 belum menyala", "AP lantai 2 belum menyala"),
    ("belum selesai\nMasih putus-putus.", "Masih putus-putus."),
])
def test_reopen_at_pj_step(grammar: KeywordGrammar, typed: str, reason: str) -> None:
    decision = read(grammar, typed, "pj")
    assert decision.kind == "reopen" and decision.reason == reason


@pytest.mark.parametrize("typed,rating,comment", [
    ("NILAI 5", 5, ""),
    ("nilai 4 cepat dan rapi", 4, "cepat dan rapi"),
    ("Nilai: 3/5 agak lama", 3, "agak lama"),
    ("Terima kasih. NILAI lima, mantap", 5, "mantap"),
])
def test_rating_at_pj_step(grammar: KeywordGrammar, typed: str, rating: int, comment: str) -> None:
    decision = read(grammar, typed, "pj")
    assert decision.kind == "rate" and decision.rating == rating and decision.reason == comment


def test_reopen_phrase_is_its_own_reason(grammar: KeywordGrammar) -> None:
    decision = read(grammar, "Masih mati pak", "pj")
    assert decision.kind == "reopen" and decision.reason == "Masih mati pak"


def test_rating_out_of_range_is_not_a_rating(grammar: KeywordGrammar) -> None:
    assert read(grammar, "NILAI 9", "pj").kind == "unclear"


def test_reopen_and_rate_only_at_pj_step(grammar: KeywordGrammar) -> None:
    assert read(grammar, "Nilai anggarannya belum ada, TUNDA dulu", "kadis").kind == "hold"
    assert read(grammar, "NILAI 5", "kadis").kind == "unclear"
    assert read(grammar, "Sudah selesai, terima kasih", "pj").kind == "acknowledged"


# ------------------------------------------------------------------ loading and robustness

def test_unknown_step_is_an_error(grammar: KeywordGrammar) -> None:
    with pytest.raises(ValueError, match="unknown step"):
        grammar.read("SETUJU", "bupati")


@pytest.mark.parametrize("edit,message", [
    (lambda t: t.replace('[approve]\n', '[approve_x]\n', 1), r"missing table \[approve\]"),
    (lambda t: t.replace('max_gap = 3', 'max_gap = "tiga"'), r"\[negation\] max_gap"),
    (lambda t: t.replace('location = ["lokasi", "tempat", "location", "site"]', 'place = ["lokasi"]'), r"\[done.fields\]"),
    (lambda t: t.replace('"sangat puas" = 5', '"sangat puas" = 9'), r"\[rate\] satisfaction"),
    (lambda t: t.replace('"sangat puas" = 5', '"!!" = 5'), r"\[rate\] satisfaction: every key"),
    (lambda t: t.replace('phrases = ["nilai"', 'phrases = ["!!", "nilai"'), r"\[rate\] phrases: '!!'"),
    (lambda t: t + "\n[[broken", "not valid TOML"),
])
def test_invalid_rules_name_file_and_key(tmp_path: Path, edit, message: str) -> None:
    text = (ROOT / "rules" / "keywords.toml").read_text(encoding="utf-8")
    (tmp_path / "keywords.toml").write_text(edit(text), encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as raised:
        KeywordGrammar.load(tmp_path)
    assert "keywords.toml" in str(raised.value)


def test_missing_rules_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="keywords.toml: file not found"):
        KeywordGrammar.load(tmp_path)


def test_keywords_are_data(tmp_path: Path) -> None:
    shutil.copy(ROOT / "rules" / "keywords.toml", tmp_path / "keywords.toml")
    path = tmp_path / "keywords.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('"setuju", ', '"setuju", "mantap", ', 1), encoding="utf-8")
    assert KeywordGrammar.load(tmp_path).read("MANTAP", "kadis").kind == "approve"


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(["kadis", "kabid", "prakom", "officer", "pj"]), st.booleans())
def test_read_never_raises(text: str, step: str, on_hold: bool) -> None:
    grammar = KeywordGrammar.load(ROOT / "rules")
    decision = grammar.read(extract_reply(text), step, officers=OFFICERS, on_hold=on_hold)
    assert decision.kind in {"approve", "reject", "hold", "resume", "assign", "done", "reopen", "rate",
                             "needs_assignee", "acknowledged", "unclear"}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["SETUJU", "TOLAK", "tidak", "TUGASKAN", "Rahmat", ",", "\n", "SELESAI", "Lokasi:",
                                 "Ringkasan Masalah", "NILAI", "5", "belum", "<div>", "</blockquote>", "> ", "NIP 1990",
                                 "@", "dan", "Bu", "S.Kom."]), max_size=30),
       st.sampled_from(["kadis", "prakom", "officer", "pj"]))
def test_read_never_raises_on_keyword_soup(pieces: list[str], step: str) -> None:
    grammar = KeywordGrammar.load(ROOT / "rules")
    text = " ".join(pieces)
    grammar.read(extract_reply(None, text), step, officers=OFFICERS)
    grammar.read(extract_reply(text), step, officers=OFFICERS)
