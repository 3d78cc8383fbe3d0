"""The service catalogue's four needs ("Kebutuhan"), in its own wording: named in mail, on the
Berita Acara form and in the SLA report (which also keys its tables by them)."""

CATEGORIES: dict[str, str] = {
    "1.1": "Perancangan interkoneksi jaringan intra pemerintah daerah",
    "1.2": "Pembangunan/pengembangan jaringan intra pemerintah daerah",
    "1.3": "Perbaikan dan atau pemeliharaan jaringan intra pemerintah daerah",
    "1.4": "Rekomendasi kebutuhan peralatan jaringan intra pemerintah daerah",
}

# A ticket the rules could not classify (and nobody triaged yet) is timed, and filed on its
# Berita Acara, as repair/maintenance: the commonest need, and the one with the shortest target.
DEFAULT_CATEGORY = "1.3"


def category_or_default(category: str | None) -> str:
    return category if category in CATEGORIES else DEFAULT_CATEGORY
