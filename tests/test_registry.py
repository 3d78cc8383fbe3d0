"""The OPD registry: lookups by address and domain, and validation of opd.toml."""
from __future__ import annotations

from pathlib import Path

import pytest

from mailproc.intake.registry import OpdRegistry, RegistryError

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
D = "lampungbaratkab.go.id"


@pytest.fixture(scope="module")
def registry() -> OpdRegistry:
    return OpdRegistry.load(RULES)


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "opd.toml").write_text(text, encoding="utf-8")
    return tmp_path


GOOD = f'''
[opd.dinkes]
name = "Dinas Kesehatan"
domains = ["diskes.{D}"]
pj = {{ name = "Kadis", nip = "197602142005011009", email = "kadis@diskes.{D}" }}

[opd.pkm]
name = "Puskesmas"
addresses = ["pkm@diskes.{D}"]
'''


def test_subdomain_matches_its_opd(registry: OpdRegistry) -> None:
    assert registry.lookup(f"umum@diskes.{D}").key == "dinkes"
    assert registry.lookup(f"x@lab.diskes.{D}").key == "dinkes"
    assert registry.lookup(f"Ferdi <IT@RSUD.{D}>").key == "rsud"
    assert registry.lookup(f"sekcam@kec-balikbukit.{D}").key == "kec_balikbukit"
    assert not registry.lists_address(f"umum@diskes.{D}")


def test_exact_address_beats_domain(registry: OpdRegistry) -> None:
    assert registry.lookup(f"pkm.liwa@diskes.{D}").key == "pkm_liwa"
    assert registry.lookup(f"bappeda@{D}").key == "bappeda"
    assert registry.lookup(f"sekda@{D}").key == "setda"
    assert registry.lists_address(f"bappeda@{D}")


def test_outside_address_listed_by_an_opd(registry: OpdRegistry) -> None:
    opd = registry.lookup("Operator <Operator.Suoh@gmail.com>")
    assert opd is not None and opd.key == "kec_suoh"
    assert registry.lists_address("operator.suoh@gmail.com")
    assert not D.endswith("gmail.com")


def test_unknown_addresses(registry: OpdRegistry) -> None:
    assert registry.lookup("warga@example.net") is None
    assert registry.lookup(f"someone@{D}") is None  # the shared root domain belongs to no OPD
    assert registry.lookup(f"x@evil-diskes.{D}.example.com") is None
    assert registry.lookup("not an address") is None
    assert not registry.lists_address("warga@example.net")
    assert registry.get("nope") is None


def test_required_pj_of_the_local_mail_stack(registry: OpdRegistry) -> None:
    expected = {"dinkes": f"kadis@diskes.{D}", "rsud": f"direktur@rsud.{D}",
                "disdikbud": f"kadisdik@disdik.{D}", "disdukcapil": f"kadis@disdukcapil.{D}",
                "kec_balikbukit": f"camat@kec-balikbukit.{D}", "bappeda": f"bappeda@{D}"}
    for key, email in expected.items():
        opd = registry.get(key)
        assert opd is not None and opd.pj is not None and opd.pj.email == email
        assert registry.lookup(email) == opd
    assert registry.lookup(f"kapus.liwa@diskes.{D}").pj.email != f"kapus.liwa@diskes.{D}"


def test_every_opd_is_valid(registry: OpdRegistry) -> None:
    assert len(registry) >= 40
    names = {opd.name for opd in registry}
    for needed in ("Sekretariat Daerah", "Sekretariat DPRD", "Inspektorat", "RSUD Alimuddin Umar",
                   "Kecamatan Batu Ketulis", "Kecamatan Lumbok Seminung"):
        assert needed in names
    for opd in registry:
        assert opd.pj is not None and len(opd.pj.nip) == 18 and opd.pj.nip.isdigit()


def test_load_small_file(tmp_path: Path) -> None:
    registry = OpdRegistry.load(_write(tmp_path, GOOD))
    assert registry.lookup(f"pkm@diskes.{D}").key == "pkm"
    assert registry.lookup(f"kadis@diskes.{D}").key == "dinkes"
    assert registry.lists_address(f"kadis@diskes.{D}")


@pytest.mark.parametrize("text, fragment", [
    (GOOD.replace("197602142005011009", "1976021420050110"), "opd.dinkes.pj.nip"),
    (GOOD.replace(f'"kadis@diskes.{D}"', '"kadis-at-diskes"'), "opd.dinkes.pj.email"),
    (GOOD.replace(f'addresses = ["pkm@diskes.{D}"]', f'addresses = ["kadis@diskes.{D}"]'), "opd.pkm"),
    (GOOD + f'\n[opd.other]\nname = "X"\ndomains = ["diskes.{D}"]\n', "opd.other.domains"),
    (GOOD + '\n[opd.empty]\nname = "X"\n', "opd.empty"),
    (GOOD.replace('name = "Puskesmas"', 'name = "Puskesmas"\nwebsite = "x"'), "opd.pkm.website"),
    (GOOD.replace('name = "Dinas Kesehatan"', ''), "opd.dinkes.name"),
    ("[opd", "not valid TOML"),
])
def test_validation_names_file_and_key(tmp_path: Path, text: str, fragment: str) -> None:
    with pytest.raises(RegistryError) as err:
        OpdRegistry.load(_write(tmp_path, text))
    assert "opd.toml" in str(err.value) and fragment in str(err.value)
