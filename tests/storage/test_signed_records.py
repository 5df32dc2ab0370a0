"""Signed is final: refused by the service and by the database's triggers; addenda instead."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import delete, update
from store_helpers import PDF, new_couple, raw

from azodesk.domain.case import Case
from azodesk.storage.errors import InvalidStateError, NotFoundError, RecordLockedError
from azodesk.storage.models import Consultation, Document
from azodesk.storage.service import RecordStore


@pytest.fixture
def signed(counselor_store: RecordStore, demo_case: Case) -> tuple[RecordStore, int, int]:
    store = counselor_store
    consultation = store.create_consultation(new_couple(store), demo_case)
    store.save_draft(consultation.id, notes="discussed TESE", chosen_plan=["micro_tese"])
    document = store.sign_consultation(consultation.id, pdf=PDF, language="id")
    return store, consultation.id, document.id


def test_signing_stores_version_1_and_marks_the_consultation(
        signed: tuple[RecordStore, int, int]) -> None:
    store, consultation_id, document_id = signed
    consultation = store.get_consultation(consultation_id)
    document = store.get_document(document_id)
    assert consultation.signed and consultation.signed_at is not None
    assert consultation.signed_by == store.actor
    assert (document.version, document.language, document.pdf) == (1, "id", PDF)
    assert document.sha256 == hashlib.sha256(PDF).hexdigest()
    assert store.find_document_by_sha256(document.sha256.upper()) == document
    assert store.find_document_by_sha256("0" * 64) is None


def test_the_service_refuses_to_change_a_signed_consultation(
        signed: tuple[RecordStore, int, int], demo_case: Case) -> None:
    store, consultation_id, _ = signed
    before = store.get_consultation(consultation_id)
    for change in ({"notes": "edited later"}, {"case": demo_case}, {"chosen_plan": []}):
        with pytest.raises(RecordLockedError, match="signed"):
            store.save_draft(consultation_id, **change)  # type: ignore[arg-type]
    with pytest.raises(RecordLockedError):
        store.sign_consultation(consultation_id, pdf=PDF, language="en")
    assert store.get_consultation(consultation_id) == before
    assert [d.version for d in store.list_documents(consultation_id)] == [1]


@pytest.mark.parametrize("statement", [
    "UPDATE consultations SET notes = 'forged' WHERE id = ?",
    "UPDATE consultations SET status = 'draft', signed_at = NULL WHERE id = ?",
    "DELETE FROM consultations WHERE id = ?",
])
def test_raw_sql_cannot_change_a_signed_consultation(
        signed: tuple[RecordStore, int, int], db_path: Path, statement: str) -> None:
    _, consultation_id, _ = signed
    with closing(raw(db_path)) as db:
        with pytest.raises(sqlite3.IntegrityError, match="signed consultation is final"):
            db.execute(statement, (consultation_id,))
        assert db.execute("SELECT notes FROM consultations WHERE id = ?",
                          (consultation_id,)).fetchone() == ("discussed TESE",)


@pytest.mark.parametrize("statement", [
    "UPDATE documents SET pdf = x'00' WHERE id = ?",
    "UPDATE documents SET sha256 = 'x' WHERE id = ?",
    "DELETE FROM documents WHERE id = ?",
])
def test_raw_sql_cannot_change_a_document(signed: tuple[RecordStore, int, int], db_path: Path,
                                          statement: str) -> None:
    store, _, document_id = signed
    with closing(raw(db_path)) as db, pytest.raises(sqlite3.IntegrityError,
                                                    match="documents are final"):
        db.execute(statement, (document_id,))
    assert store.get_document(document_id).pdf == PDF


def test_the_orm_path_is_refused_by_the_triggers_too(signed: tuple[RecordStore, int, int]) -> None:
    """Even code inside the storage package that skips the service checks hits the triggers."""
    store, consultation_id, document_id = signed
    statements = [
        update(Consultation).where(Consultation.id == consultation_id).values(notes="x"),
        delete(Consultation).where(Consultation.id == consultation_id),
        update(Document).where(Document.id == document_id).values(language="en"),
        delete(Document).where(Document.id == document_id),
    ]
    for statement in statements:
        with pytest.raises(RecordLockedError), store._write() as session:
            session.execute(statement)


def test_raw_sql_cannot_delete_a_couple(counselor_store: RecordStore, db_path: Path) -> None:
    couple_id = new_couple(counselor_store)
    with closing(raw(db_path)) as db, pytest.raises(sqlite3.IntegrityError, match="soft"):
        db.execute("DELETE FROM couples WHERE id = ?", (couple_id,))


def test_an_addendum_creates_version_2_and_is_audited(
        signed: tuple[RecordStore, int, int]) -> None:
    store, consultation_id, _ = signed
    pdf2 = PDF + b"% v2\n"
    addendum = store.add_addendum(consultation_id, reason="Wrong FSH unit corrected",
                                  text="FSH was 14 IU/L, not 1.4.", pdf=pdf2, language="en")
    documents = store.list_documents(consultation_id)
    assert [d.version for d in documents] == [1, 2]
    assert documents[1].pdf == pdf2 and documents[1].id == addendum.document_id
    assert documents[0].pdf == PDF
    assert addendum.author_id == store.actor and addendum.reason == "Wrong FSH unit corrected"
    assert store.list_addenda(consultation_id) == (addendum,)
    entries = store.audit_entries(limit=2).items
    assert [(e.action, e.entity, e.entity_id) for e in entries] == [
        ("create", "addendum", addendum.id), ("create", "document", documents[1].id)]
    assert entries[0].actor == f"counselor:{store.actor}"
    assert store.verify_audit_chain().ok
    # a note without a new document is an addendum too
    plain = store.add_addendum(consultation_id, reason="Follow-up call", text="Couple informed.")
    assert plain.document_id is None and len(store.list_documents(consultation_id)) == 2


def test_addenda_need_a_reason_and_a_signed_consultation(
        signed: tuple[RecordStore, int, int], demo_case: Case) -> None:
    store, consultation_id, _ = signed
    for reason in ("", "   ", None):
        with pytest.raises(ValueError, match="reason"):
            store.add_addendum(consultation_id, reason=reason, text="x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="language"):
        store.add_addendum(consultation_id, reason="r", text="x", pdf=PDF, language="fr")
    draft = store.create_consultation(new_couple(store, record_number="RM-2"), demo_case)
    with pytest.raises(InvalidStateError, match="draft"):
        store.add_addendum(draft.id, reason="r", text="x")


def test_signing_is_one_transaction(counselor_store: RecordStore, demo_case: Case) -> None:
    store = counselor_store
    consultation = store.create_consultation(new_couple(store), demo_case)
    with pytest.raises(NotFoundError):
        store.sign_consultation(consultation.id, pdf=PDF, language="en", signed_by=999)
    with pytest.raises(ValueError, match="not a PDF"):
        store.sign_consultation(consultation.id, pdf=b"<html>", language="en")
    assert store.get_consultation(consultation.id).status == "draft"
    assert store.list_documents(consultation.id) == ()
