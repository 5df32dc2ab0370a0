"""Issue, store, lock, reprint and verify summaries with the real record store (SQLite)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from summary_helpers import (
    CLINIC,
    DEMO_DISCUSSED,
    DEMO_PLAN,
    PASSPHRASE,
    flat,
    pdftotext,
    require_tools,
    signature_strokes,
)

from azodesk.domain.case import Case
from azodesk.reports.service import (
    NewAddendum,
    issue_signed_summary,
    preview_summary,
    reprint,
    summary_data,
)
from azodesk.reports.signing import WrongPassphrase
from azodesk.reports.summary import SummaryError
from azodesk.reports.verify import verify_pdf
from azodesk.storage.errors import RecordLockedError
from azodesk.storage.records import CoupleDetails


@pytest.fixture(autouse=True, scope="module")
def _tools() -> None:
    require_tools()


@pytest.fixture
def consultation(store: Any, demo_case: Case) -> tuple[int, int]:
    """A draft consultation of the demo couple with notes, plan and discussed steps; the counselor."""
    counselor = store.add_counselor("ayu", "dr. Ayu Lestari")
    couple = store.create_couple(CoupleDetails(male_name="Budi Santoso", female_name="Sari", record_number="RM-7",
                                               handout_language="id"))
    c = store.create_consultation(couple.id, demo_case, counselor_id=counselor.id)
    store.save_draft(c.id, notes="Reversal first.", chosen_plan=list(DEMO_PLAN), discussed_steps=list(DEMO_DISCUSSED))
    return c.id, counselor.id


def _issue(store: Any, ids: tuple[int, int], keys: Path, **kw: Any) -> Any:
    consultation_id, counselor_id = ids
    options: dict[str, Any] = {"passphrase": PASSPHRASE, "language": "en", "clinic": CLINIC, "keys": keys,
                               "handwriting": signature_strokes()}
    options.update(kw)
    return issue_signed_summary(store, consultation_id, counselor_id=counselor_id, **options)


def test_signing_stores_version_1_and_locks_the_consultation(store: Any, consultation: tuple[int, int], keys: Path,
                                                             tmp_path: Path) -> None:
    document = _issue(store, consultation, keys)
    assert document.version == 1 and document.sha256 == hashlib.sha256(document.pdf).hexdigest()
    c = store.get_consultation(consultation[0])
    assert c.signed and c.signed_by == consultation[1]
    with pytest.raises(RecordLockedError):
        store.save_draft(consultation[0], notes="changed after signing")
    report = verify_pdf(document.pdf, store=store, keys=keys)
    assert report.ok and report.stored and report.stored_copy.document_id == document.id, report.lines()
    text = flat(pdftotext(document.pdf, tmp_path))
    assert "Budi Santoso" in text and "RM-7" in text and "Reversal first." in text and "Version 1" in text


def test_reprint_gives_the_identical_stored_bytes(store: Any, consultation: tuple[int, int], keys: Path) -> None:
    document = _issue(store, consultation, keys)
    again = reprint(store, document.id)
    assert again == document.pdf and hashlib.sha256(again).hexdigest() == document.sha256
    assert store.find_document_by_sha256(document.sha256).id == document.id


def test_a_wrong_passphrase_stores_nothing(store: Any, consultation: tuple[int, int], keys: Path) -> None:
    _issue_first = _issue(store, consultation, keys)  # creates the identity with PASSPHRASE
    assert _issue_first.version == 1
    other = store.create_consultation(store.get_consultation(consultation[0]).couple_id,
                                      store.get_consultation(consultation[0]).case, counselor_id=consultation[1])
    with pytest.raises(WrongPassphrase):
        _issue(store, (other.id, consultation[1]), keys, passphrase="not my passphrase")
    assert not store.get_consultation(other.id).signed
    assert store.list_documents(other.id) == ()


def test_an_addendum_creates_the_next_version_and_never_overwrites(store: Any, consultation: tuple[int, int],
                                                                   keys: Path, tmp_path: Path) -> None:
    first = _issue(store, consultation, keys)
    with pytest.raises(SummaryError, match="addendum"):
        _issue(store, consultation, keys)
    second = _issue(store, consultation, keys, language="id",
                    addendum=NewAddendum("Hasil AMH baru", "AMH 3,2 ng/mL dikonfirmasi."))
    assert second.version == 2 and second.language == "id" and second.id != first.id
    assert [d.version for d in store.list_documents(consultation[0])] == [1, 2]
    assert store.get_document(first.id).pdf == first.pdf
    text = flat(pdftotext(second.pdf, tmp_path))
    assert "Versi 2" in text and "Hasil AMH baru" in text and "AMH 3,2 ng/mL dikonfirmasi." in text
    assert verify_pdf(second.pdf, store=store, keys=keys).ok
    assert verify_pdf(first.pdf, store=store, keys=keys).ok


def test_the_couples_acknowledgement_is_stored_with_the_document(store: Any, consultation: tuple[int, int],
                                                                 keys: Path) -> None:
    document = _issue(store, consultation, keys, couple_handwriting=signature_strokes()[:2])
    report = verify_pdf(document.pdf, store=store, keys=keys)
    assert report.ok and [s.field for s in report.signatures] == ["Counselor", "Couple"]


def test_a_valid_signed_file_that_is_not_in_the_database_fails(store: Any, consultation: tuple[int, int],
                                                               keys: Path, tmp_path: Path) -> None:
    from azodesk.storage.service import RecordStore

    document = _issue(store, consultation, keys)
    with RecordStore.open(tmp_path / "other.sqlite3", actor="test") as empty:
        report = verify_pdf(document.pdf, store=empty, keys=keys)
    assert not report.ok and report.stored is False
    assert "not the copy stored in the database" in report.verdict


def test_preview_is_unsigned_deterministic_and_in_the_couples_language(store: Any, consultation: tuple[int, int],
                                                                       tmp_path: Path) -> None:
    one = preview_summary(store, consultation[0], language="id", clinic=CLINIC)
    assert one == preview_summary(store, consultation[0], language="id", clinic=CLINIC)
    assert b"/ByteRange" not in one
    text = flat(pdftotext(one, tmp_path))
    assert "Ringkasan konsultasi" in text and "dr. Ayu Lestari" in text
    data = summary_data(store, consultation[0], language="en", clinic=CLINIC)
    assert data.version == 1 and data.chosen_plan == DEMO_PLAN and data.notes == "Reversal first."
