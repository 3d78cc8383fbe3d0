"""The intent and normalisation features the second and third blind request sets called for,
each pinned with wording that is not in the sets (their floors are in test_classify_blind.py)."""
from __future__ import annotations

import pytest

from conftest import ROOT
from mailproc.intake.intent import IntentDetector

RULES = ROOT / "rules"


@pytest.fixture(scope="module")
def detector() -> IntentDetector:
    return IntentDetector.load(RULES)


# -- the second set --------------------------------------------------------------------------------

QUOTED_REQUEST = ("\n\nPada Sen, 5 Okt 2026 08.15, Operator <op@lampungbaratkab.go.id> menulis:\n"
                  "> Mohon pemasangan access point tambahan di ruang rapat, sinyal tidak sampai.\n")


@pytest.mark.parametrize("newest", [
    "Mohon dibatalkan permohonan kemarin pak, sudah beres sendiri.",
    "pak yg pasang AP tidak jadi dulu ya, ruangannya mau pindah tahun depan",
    "Batal ya pak, tim tidak perlu datang.",
    "Permohonan pemasangan jaringan tersebut kami cabut karena renovasi ditunda, sehingga tidak perlu "
    "ditindaklanjuti.",
])
def test_a_withdrawn_request_is_no_ticket_although_it_names_the_request(detector, newest):
    intent = detector.detect("Re: Permohonan pemasangan access point", newest + QUOTED_REQUEST)
    assert (intent.is_request, intent.reason) == (False, "not_a_request: request withdrawn")


def test_withdrawal_words_in_quoted_text_or_a_report_do_not_withdraw(detector):
    quoted = detector.detect("Re: batal", "Internet kantor mati lagi sejak pagi, mohon dicek.\n\n"
                             "Pada Sen, 5 Okt 2026, Aptika <aptika@lampungbaratkab.go.id> menulis:\n"
                             "> Kunjungan tim batal karena hujan, mohon tidak perlu datang ke kantor.\n")
    assert quoted.is_request
    # "tidak perlu" no longer reads as a passive request ("perlu dicek"): nothing asks here
    plain = detector.detect("Update", "Jaringan sudah normal kembali, jadi tidak perlu dicek lagi.")
    assert not plain.is_request
    assert not any(h.rule == "ask.passive_request" for h in plain.hits)


def test_a_forward_is_judged_by_the_forwarders_words(detector):
    offer = ("---------- Forwarded message ---------\nFrom: CV Mitra <sales@mitra.example>\n"
             "Subject: Penawaran harga switch\n\nDengan hormat, kami sampaikan penawaran harga switch "
             "managed 24 port Rp 6.750.000, gratis instalasi. Harga bersaing, company profile terlampir.\n"
             "Unsubscribe: balas STOP.\n")
    asks = detector.detect("Fwd: Penawaran harga switch",
                           "Pak, mohon dicek apakah spesifikasi switch ini sesuai untuk jaringan kantor kami.\n\n"
                           + offer)
    fyi = detector.detect("Fwd: Penawaran harga switch", "FYI pak.\n\n" + offer)
    assert asks.is_request, asks.reason
    assert not fyi.is_request and fyi.reason == "not_a_request: vendor offer"


def test_decisive_is_only_for_not_request_targets(tmp_path):
    import shutil
    from mailproc.intake.textrules import RulesError
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    text = (rules / "intent.toml").read_text(encoding="utf-8")
    (rules / "intent.toml").write_text(text.replace('label = "asks for help"', 'label = "asks for help"\ndecisive = true'),
                                       encoding="utf-8")
    with pytest.raises(RulesError, match=r"targets\.ask\.decisive"):
        IntentDetector.load(rules)


# -- the third set ----------------------------------------------------------------------------------

def test_a_legal_footer_is_not_read():
    from mailproc.intake.textrules import split_zones
    zones = split_zones("Laporan", "Jaringan sudah normal.\n\nSalam\n\nPERHATIAN: E-mail ini hanya ditujukan untuk "
                        "penerima.\nApabila Anda menerima email ini karena kesalahan, mohon hapus.\n\nThink before you print")
    assert zones.newest.split() == ["Jaringan", "sudah", "normal.", "Salam"]


@pytest.mark.parametrize("subject, text, is_request", [
    ("Update", "The link is up again after the power came back, so there is no need to send a technician.", False),
    ("Jaringan", "Sesuai peraturan perundang-undangan, server kami pindahkan. Wifi lantai 2 tidak muncul sejak pagi.", True),
    ("Partnership", "We are an IT agency and we offer a free audit of your website. Can I send our price list?", False),
    ("Permohonan", "Kami mohon kiranya Bapak/Ibu berkenan dapat melakukan pemasangan kabel di ruang arsip.", True),
    ("Re: lapor", "pak yg sy lapor td gk jd, trnyt colokannya lepas", False),
])
def test_intent_causes_of_the_third_set(detector, subject, text, is_request):
    assert detector.detect(subject, text).is_request is is_request
