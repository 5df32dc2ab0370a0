"""Couple search: accents, case, any part of either name or the record number, paging."""

from __future__ import annotations

import pytest
from store_helpers import new_couple

from azodesk.storage.records import CoupleDetails
from azodesk.storage.search import fold, parse_query
from azodesk.storage.service import RecordStore


@pytest.fixture
def couples(store: RecordStore) -> dict[str, int]:
    rows = {
        "sari": ("Budi Santoso", "Sari Wulandari", "RM-2024-0001"),
        "accented": ("José Nuñez", "Sárí Dewi", "RM-2024-0002"),
        "agus": ("Agus Prasetyo", "Ayu Lestari", "MR/77-31"),
        "no_number": ("Ketut Wirawan", "Made Suastini", None),
        "gone": ("Deleted Person", "Sari Gone", "RM-2024-0009"),
    }
    ids = {key: new_couple(store, male_name=m, female_name=f, record_number=r)
           for key, (m, f, r) in rows.items()}
    store.delete_couple(ids["gone"], reason="duplicate")
    return ids


def _found(store: RecordStore, query: str) -> set[int]:
    return {c.id for c in store.search_couples(query, limit=500).items}


def test_fold_removes_accents_and_case() -> None:
    assert fold("Sárí") == fold("SARI") == "sari"
    assert fold("Nuñez") == "nunez" and fold("Straße") == "strasse"


def test_accents_both_ways(store: RecordStore, couples: dict[str, int]) -> None:
    assert _found(store, "Sárí") == {couples["sari"], couples["accented"]}
    assert _found(store, "sari") == {couples["sari"], couples["accented"]}
    assert _found(store, "JOSE") == _found(store, "josé") == {couples["accented"]}
    assert _found(store, "nunez") == {couples["accented"]}


def test_any_part_of_either_name(store: RecordStore, couples: dict[str, int]) -> None:
    assert _found(store, "santo") == {couples["sari"]}  # prefix
    assert _found(store, "ulanda") == {couples["sari"]}  # middle of the wife's family name
    assert _found(store, "raset") == {couples["agus"]}  # middle of the husband's name
    assert _found(store, "lestari") == {couples["agus"]}
    assert _found(store, "wirawan suastini") == {couples["no_number"]}  # both partners
    assert _found(store, "suastini wirawan") == {couples["no_number"]}  # any order
    assert _found(store, "budi lestari") == set()  # every word must match the same couple


def test_record_numbers(store: RecordStore, couples: dict[str, int]) -> None:
    assert _found(store, "RM-2024-0002") == {couples["accented"]}
    assert _found(store, "0001") == {couples["sari"]}
    assert _found(store, "rm-2024") == {couples["sari"], couples["accented"]}
    assert _found(store, "mr/77") == {couples["agus"]}


def test_short_queries(store: RecordStore, couples: dict[str, int]) -> None:
    assert _found(store, "ñ") == _found(store, "N")  # one character, folded to "n"
    assert _found(store, "ñ") == {couples["sari"], couples["accented"], couples["no_number"]}
    assert _found(store, "j") == {couples["accented"]}
    assert _found(store, "tu") == {couples["no_number"]}  # two characters, middle of "Ketut"
    assert _found(store, "77") == {couples["agus"]}
    assert _found(store, "ay ag") == {couples["agus"]}


def test_soft_deleted_couples_are_not_found(store: RecordStore, couples: dict[str, int]) -> None:
    assert couples["gone"] not in _found(store, "")
    assert _found(store, "deleted") == set() and _found(store, "0009") == set()
    assert _found(store, "de") == {couples["accented"], couples["no_number"]}  # short path too
    assert store.get_couple(couples["gone"], include_deleted=True).deleted


def test_an_edited_name_is_found_under_the_new_name_only(
        store: RecordStore, couples: dict[str, int]) -> None:
    store.update_couple(couples["agus"], CoupleDetails(male_name="Agung Prasetya",
                                                       female_name="Ayu Lestari"))
    assert _found(store, "agung") == {couples["agus"]}
    assert _found(store, "agus") == set() and _found(store, "mr/77") == set()


def test_empty_query_lists_everyone_newest_first_with_paging(store: RecordStore) -> None:
    ids = [new_couple(store, male_name=f"Pasien {i:03d}", female_name="Istri") for i in range(23)]
    first = store.search_couples("", offset=0, limit=10)
    assert first.total == 23 and first.has_more
    assert [c.id for c in first.items] == ids[::-1][:10]
    last = store.search_couples("   ", offset=20, limit=10)
    assert [c.id for c in last.items] == ids[::-1][20:] and not last.has_more
    middle = store.search_couples("pasien", offset=5, limit=5)
    assert (middle.total, middle.offset, middle.limit) == (23, 5, 5)
    assert [c.id for c in middle.items] == ids[::-1][5:10]
    assert store.search_couples("", offset=100).items == ()


def test_summary_counts_consultations(store: RecordStore, demo_case: object) -> None:
    couple_id = new_couple(store)
    for _ in range(2):
        store.create_consultation(couple_id, demo_case)  # type: ignore[arg-type]
    (summary,) = store.search_couples("budi").items
    assert summary.consultation_count == 2
    assert summary.last_consultation_date is not None


@pytest.mark.parametrize("query", [
    '"', '""', "'", "*", "sari*", "NEAR(sari budi)", "sari OR budi", "-sari", "^sari", "a:b",
    "'); DROP TABLE couples;--", "%", "_", "\\", "\x00", "\u202e", "(", ")", "sa\"ri",
    "x" * 10_000, "🙂",
])
def test_hostile_queries_are_just_text(store: RecordStore, couples: dict[str, int],
                                       query: str) -> None:
    page = store.search_couples(query)
    assert page.total == len(page.items) <= 5
    assert store.search_couples("").total == 4  # the table is still there


def test_percent_and_underscore_are_not_wildcards(store: RecordStore) -> None:
    odd = new_couple(store, male_name="100% Sure_Name")
    new_couple(store, male_name="Plain")
    assert _found(store, "%") == {odd} and _found(store, "_") == {odd}
    assert _found(store, "0% s") == {odd}


def test_query_parsing_keeps_words_as_phrases() -> None:
    parsed = parse_query('Sá"rí  ab   sárí')
    assert parsed.long_terms == ('sa"ri', "sari") and parsed.short_terms == ("ab",)
    assert parsed.fts_expression() == '"sa""ri" AND "sari"'


@pytest.mark.parametrize("probe", [3, 5, 1000])
def test_pages_and_totals_agree_with_a_brute_force_search(store: RecordStore, probe: int,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Every strategy (FTS5, short-word scan with and without a separate count) pages alike."""
    from azodesk.storage import search

    monkeypatch.setattr(search, "SCAN_PROBE", probe)
    names = ["Ana Sari", "Bima Sári", "Citra Ayu", "Dani Saputra", "Eka Sarina", "Fajar Ari"]
    ids = [new_couple(store, male_name=m, female_name=f"Istri {i}", record_number=f"R{i:02d}")
           for i, m in enumerate(names * 3)]
    store.delete_couple(ids[4], reason="test")
    living = {i: (n, f"R{k:02d}") for k, (i, n) in enumerate(zip(ids, names * 3)) if i != ids[4]}
    for query in ["", "sari", "sa", "ar", "sa ri", "ari ayu", "r0", "x", "istri 1"]:
        words = fold(query).split()
        expected = sorted((i for i, (n, r) in living.items()
                           if all(w in fold(f"{n}\nistri {ids.index(i)}\n{r}") for w in words)),
                          reverse=True)
        for offset, limit in [(0, 2), (1, 3), (4, 50), (len(expected), 5)]:
            page = store.search_couples(query, offset=offset, limit=limit)
            assert page.total == len(expected), query
            assert [c.id for c in page.items] == expected[offset:offset + limit], (query, offset)
