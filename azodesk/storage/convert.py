"""Rows to records: the only place where SQLAlchemy objects become what callers see."""

from __future__ import annotations

from azodesk.storage.cases import read_case, unpack_assessment
from azodesk.storage.models import (
    Addendum,
    AuditEntry,
    Consultation,
    Counselor,
    Couple,
    Document,
)
from azodesk.storage.records import (
    AddendumRecord,
    AuditRecord,
    ConsultationRecord,
    CounselorRecord,
    CoupleDetails,
    CoupleRecord,
    DocumentRecord,
)


def counselor(row: Counselor) -> CounselorRecord:
    return CounselorRecord(row.id, row.username, row.display_name, bool(row.active),
                           row.created_at, role=row.role, has_account=row.password_hash is not None,
                           password_changed_at=row.password_changed_at)


def couple_details(row: Couple) -> CoupleDetails:
    return CoupleDetails(
        male_name=row.male_name, female_name=row.female_name, record_number=row.record_number,
        male_birth_date=row.male_birth_date, female_birth_date=row.female_birth_date,
        contact=row.contact, handout_language=row.handout_language,
    )


def couple(row: Couple) -> CoupleRecord:
    return CoupleRecord(
        id=row.id, details=couple_details(row), created_at=row.created_at,
        updated_at=row.updated_at, deleted_at=row.deleted_at, deleted_by=row.deleted_by,
        deleted_reason=row.deleted_reason,
    )


def consultation(row: Consultation) -> ConsultationRecord:
    document, case = read_case(row.case_json, row.consultation_date)
    return ConsultationRecord(
        id=row.id, couple_id=row.couple_id, counselor_id=row.counselor_id,
        consultation_date=row.consultation_date, status=row.status, case=case,
        case_document=document, assessment_record=unpack_assessment(row.assessment_json_z),
        ruleset_version=row.ruleset_version, notes=row.notes,
        chosen_plan=tuple(row.chosen_plan), discussed_steps=tuple(row.discussed_steps),
        created_at=row.created_at, updated_at=row.updated_at, signed_at=row.signed_at,
        signed_by=row.signed_by,
    )


def document(row: Document) -> DocumentRecord:
    return DocumentRecord(
        id=row.id, consultation_id=row.consultation_id, version=row.version,
        language=row.language, sha256=row.sha256, created_at=row.created_at,
        created_by=row.created_by, signed_at=row.signed_at, signed_by=row.signed_by,
        pdf=bytes(row.pdf),
    )


def addendum(row: Addendum) -> AddendumRecord:
    return AddendumRecord(row.id, row.consultation_id, row.document_id, row.reason, row.text,
                          row.author_id, row.created_at)


def audit(row: AuditEntry, counselor_row: Counselor | None = None) -> AuditRecord:
    return AuditRecord(
        id=row.id, at=row.at, actor=row.actor, action=row.action, entity=row.entity,
        entity_id=row.entity_id, fields=tuple(row.fields), before_sha256=row.before_sha256,
        after_sha256=row.after_sha256, prev_hash=row.prev_hash, entry_hash=row.entry_hash,
        detail=row.detail,
        actor_username=counselor_row.username if counselor_row else None,
        actor_name=counselor_row.display_name if counselor_row else None,
    )
