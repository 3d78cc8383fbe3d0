"""Classification rules, intent detection and their accuracy on the labelled set."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tools.accuracy import evaluate, main as accuracy_main, read_message
from mailproc.intake.classify import Classifier
from mailproc.intake.textrules import Normaliser, RulesError, split_zones
from mailproc.intake.intent import IntentDetector

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
LABELLED = ROOT / "tests" / "data" / "requests"


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier.load(RULES)


@pytest.fixture(scope="module")
def detector() -> IntentDetector:
    return IntentDetector.load(RULES)


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    for name in ("categories.toml", "priority.toml", "intent.toml"):
        shutil.copy(RULES / name, tmp_path / name)
    return tmp_path


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")


# --------------------------------------------------------------------------- loading and validation

def test_rules_load_with_the_four_categories(classifier: Classifier) -> None:
    assert sorted(classifier.categories) == ["1.1", "1.2", "1.3", "1.4"]
    assert classifier.categories["1.3"].startswith("Perbaikan")


def test_bad_regex_names_file_and_key(rules_copy: Path) -> None:
    _append(rules_copy / "categories.toml",
            '[[rules]]\nid = "broken.regex"\ntarget = "1.3"\nweight = 1.0\nregex = "internet (mati"\n')
    with pytest.raises(RulesError) as err:
        Classifier.load(rules_copy)
    message = str(err.value)
    assert "categories.toml" in message and "broken.regex" in message and ".regex" in message


def test_unknown_category_names_file_and_key(rules_copy: Path) -> None:
    _append(rules_copy / "categories.toml",
            '[[rules]]\nid = "typo.category"\ntarget = "1.5"\nphrases = ["internet"]\n')
    with pytest.raises(RulesError) as err:
        Classifier.load(rules_copy)
    message = str(err.value)
    assert "categories.toml" in message and "typo.category" in message and "'1.5'" in message


def test_unknown_category_in_priority_bias_is_rejected(rules_copy: Path) -> None:
    text = (rules_copy / "priority.toml").read_text(encoding="utf-8")
    (rules_copy / "priority.toml").write_text(text.replace('"1.4" = -1.0', '"1.9" = -1.0'), encoding="utf-8")
    with pytest.raises(RulesError, match=r"priority\.toml: category_bias\.1\.9"):
        Classifier.load(rules_copy)


def test_bad_phrase_and_unknown_setting_are_rejected(rules_copy: Path) -> None:
    _append(rules_copy / "categories.toml", '[[rules]]\nid = "short.prefix"\ntarget = "1.3"\nphrases = ["in*"]\n')
    with pytest.raises(RulesError, match=r"short\.prefix.*phrases"):
        Classifier.load(rules_copy)
    shutil.copy(RULES / "categories.toml", rules_copy / "categories.toml")
    text = (rules_copy / "priority.toml").read_text(encoding="utf-8")
    (rules_copy / "priority.toml").write_text(text.replace("high_threshold", "hihg_threshold"), encoding="utf-8")
    with pytest.raises(RulesError, match=r"priority\.toml: settings\.hihg_threshold"):
        Classifier.load(rules_copy)


def test_intent_rules_validate_targets(rules_copy: Path) -> None:
    _append(rules_copy / "intent.toml", '[[rules]]\nid = "x.y"\ntarget = "holiday"\nphrases = ["libur"]\n')
    with pytest.raises(RulesError, match=r"intent\.toml: rules\[\d+\] \(id 'x\.y'\)\.target"):
        IntentDetector.load(rules_copy)


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="categories.toml: file not found"):
        Classifier.load(tmp_path)


# --------------------------------------------------------------------------- behaviour

def test_normaliser_handles_accents_typos_and_reduplication() -> None:
    n = Normaliser({"inet": "internet", "ga": "tidak", "bgt": "banget"})
    assert n.normalise("Inet LEMOOOT bgt, ga bisa buka—café!! kedip2") == \
        "internet lemot banget tidak bisa buka cafe kedip"


def test_subject_and_newest_text_beat_quoted_text(classifier: Classifier) -> None:
    result = classifier.classify(
        "Permohonan rekomendasi spesifikasi switch",
        "Mohon rekomendasi spesifikasi switch untuk pengadaan tahun ini.\n\n"
        "Pada Sen, 14 Jul 2025 pukul 09.02 Operator <op@bpkd.lampungbaratkab.go.id> menulis:\n"
        "> internet mati, kabel putus, mohon perbaikan\n")
    assert result.category == "1.4"
    quoted = [h for h in result.hits if h.zone == "quoted"]
    assert quoted and all(h.weight < 2 for h in quoted)


def test_zones_split_forward_and_reply() -> None:
    zones = split_zones("Fwd: internet lantai 2", "Mohon ditindaklanjuti.\n\n"
                        "---------- Forwarded message ---------\nFrom: A <a@b.c>\nSubject: internet\n\n"
                        "internet mati sejak pagi\n")
    assert zones.is_forward and "internet mati" in zones.forwarded and "From" not in zones.forwarded
    assert zones.newest.strip() == "Mohon ditindaklanjuti."
    reply = split_zones("Re: x", "ok\n\nOn Mon, 1 Jul 2025, X <x@y.z> wrote:\n> internet mati\n")
    assert reply.is_reply and reply.newest.strip() == "ok" and "internet mati" in reply.quoted
    letter = split_zones("Surat", "Nomor : 1\nPerihal : Permohonan Pemasangan Jaringan\n\nDengan hormat,")
    assert "Permohonan Pemasangan Jaringan" in letter.subject


@pytest.mark.parametrize("subject, text", [
    ("", ""),
    ("Halo", "Selamat pagi pak, apa kabar?"),
    ("Pertanyaan", "Mohon bantuan pemasangan access point baru dan perbaikan kabel LAN yang putus."),
])
def test_undecidable_text_needs_triage(classifier: Classifier, subject: str, text: str) -> None:
    result = classifier.classify(subject, text)
    assert result.category is None and result.needs_triage
    assert result.reason.startswith("needs_triage")


@pytest.mark.parametrize("subject, text, category", [
    ("internet mati", "inet di kantor mati dari pagi pak", "1.3"),
    ("", "Wifi di ruang rapat lemot bgt, tolong dicek", "1.3"),
    ("Permohonan pemasangan jaringan", "Mohon dipasang jaringan LAN di ruang baru kami.", "1.2"),
    ("Konsultasi desain jaringan", "Kami butuh rancangan topologi dan pembagian VLAN gedung baru.", "1.1"),
    ("Rekomendasi perangkat", "Mohon rekomendasi spesifikasi router untuk pengadaan tahun depan.", "1.4"),
    ("Network problem", "Our office network is down since this morning, please help.", "1.3"),
])
def test_typical_requests(classifier: Classifier, subject: str, text: str, category: str) -> None:
    assert classifier.classify(subject, text).category == category


def test_hits_are_recorded_and_explained(classifier: Classifier) -> None:
    result = classifier.classify("Internet mati total", "Mohon segera, pelayanan KTP terhenti, masyarakat antri.")
    assert result.category == "1.3" and result.priority == "tinggi" and not result.needs_triage
    kinds = {h.kind for h in result.hits}
    assert kinds == {"category", "priority"}
    subject_hit = next(h for h in result.hits if h.kind == "category" and h.zone == "subject")
    assert subject_hit.target == "1.3" and "mati" in subject_hit.matched and subject_hit.weight > 0
    assert any(h.rule.startswith("bias.") for h in result.hits)
    lines = classifier.explain(result)
    assert lines[0].startswith("category: 1.3") and any(subject_hit.rule in line for line in lines)


def test_priority_low_for_single_user_slow(classifier: Classifier) -> None:
    result = classifier.classify("wifi lemot", "Laptop saya saja yang lemot, komputer lain normal. Kalau sempat dicek.")
    assert result.category == "1.3" and result.priority == "rendah"


@pytest.mark.parametrize("subject, text, is_request, reason", [
    ("Re: perbaikan", "terima kasih, sudah normal kembali", False, "not_a_request: "),
    ("Re: perbaikan", "Terima kasih sebelumnya, mohon bantuan perbaikan kabel yang putus lagi.", True, "request: "),
    ("laporan", "internet di kantor kami mati sejak pagi", True, "request: reports a network problem"),
    ("Undangan Rapat Koordinasi", "Dengan hormat, kami mengundang Bapak/Ibu untuk hadir pada rapat ...",
     False, "not_a_request: invitation"),
    ("Cuti", "Saya sedang cuti sampai tanggal 25 Juli.", False, "not_a_request: out of office"),
    ("Penawaran harga", "Kami menawarkan router dengan harga khusus, promo bulan ini.", False,
     "not_a_request: vendor offer"),
    ("Re: jadwal", "ok siap pak", False, "not_a_request: bare acknowledgement"),
])
def test_intent(detector: IntentDetector, subject: str, text: str, is_request: bool, reason: str) -> None:
    intent = detector.detect(subject, text)
    assert intent.is_request is is_request
    assert intent.reason.startswith(reason)
    assert intent.hits


# --------------------------------------------------------------------------- the labelled set

def test_labelled_set_is_big_enough() -> None:
    labels = (LABELLED / "labels.csv").read_text(encoding="utf-8").splitlines()[1:]
    tickets = [line for line in labels if line.split(",")[1] == "1"]
    assert len(tickets) >= 60 and len(labels) - len(tickets) >= 25
    assert {line.split(",")[2] for line in tickets} == {"1.1", "1.2", "1.3", "1.4"}
    assert all((LABELLED / line.split(",")[0]).is_file() for line in labels)


def test_labelled_set_accuracy_floors() -> None:
    report = evaluate(LABELLED, RULES)
    print("\n" + "\n".join(report.lines()))
    assert report.category_accuracy >= 0.90
    assert report.ticket_accuracy >= 0.95


def test_accuracy_cli_prints_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert accuracy_main([str(LABELLED), "--rules", str(RULES)]) == 0
    out = capsys.readouterr().out
    assert "ticket/not-ticket:" in out and "per category:" in out and "1.4: n=" in out


def test_html_only_mail_is_read_as_text() -> None:
    html_file = next(p for p in sorted(LABELLED.glob("*.eml")) if b"Content-Type: text/html" in p.read_bytes()
                     and b"text/plain" not in p.read_bytes())
    subject, text = read_message(html_file)
    assert subject and text and "<p>" not in text


def test_speed_of_one_thousand_messages(classifier: Classifier, detector: IntentDetector) -> None:
    messages = [read_message(p) for p in sorted(LABELLED.glob("*.eml"))]
    batch = (messages * (1000 // len(messages) + 1))[:1000]
    start = time.perf_counter()
    for subject, text in batch:
        classifier.classify(subject, text)
    classify_seconds = time.perf_counter() - start
    start = time.perf_counter()
    for subject, text in batch:
        detector.detect(subject, text)
    intent_seconds = time.perf_counter() - start
    print(f"\n1000 messages: classify {classify_seconds:.3f} s, intent {intent_seconds:.3f} s")


@pytest.mark.timeout(20)  # a regex with quadratic backtracking would hang here
def test_huge_and_hostile_text_is_handled(classifier: Classifier, detector: IntentDetector) -> None:
    hostile = "Hi\n" + ">" * 400_000 + "\n" + "a" * 200_000 + "@" + "\n> internet mati\n" * 5000
    start = time.perf_counter()
    result = classifier.classify("x" * 10_000, hostile)
    intent = detector.detect("x", hostile)
    print(f"\nhostile 800 kB text: {time.perf_counter() - start:.3f} s")
    assert result.category in (None, "1.3") and intent.is_request
    assert all(hit.zone in ("subject", "newest", "quoted", "category") for hit in result.hits)
